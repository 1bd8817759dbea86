// The recognition and claim-linking engine. `createMatcher(dataset)` builds every index once;
// the returned Matcher then decides pages (mayBeAbout, recognize), links their passages to
// claims (analyze, linkSteps) and ranks claims against a selection (rank). Pure TypeScript: no
// DOM, browser or node APIs, so the content script, popup, scan CLI and benchmark share it.

import type { Dataset } from '../dataset/types';
import type { ClaimMatch, Matcher, PageAnalysis, RankedClaim, Recognition, TextInput } from './types';
import { buildIndex, buildIndexSteps, parseDataset, type MatcherIndex } from './build';
import { passesPrefilter } from './recognize';
import { Linker, WordsView, describeFacts, type PartialEvidence, type TokenView } from './link';
import {
  FirstPass,
  PLAN_FIRST,
  PLAN_SECOND,
  PLAN_THIRD,
  PLAN_WORD,
  plannedIn,
  type IdTokens,
} from './firstpass';
import { tokenize } from './normalize';
import { SentenceBuilder, blockRanges, segment, segmentBlocks, type Segmentation } from './segment';
import { enoughFacts, enoughFactsIn, factScratch, sentencesMayHaveFacts, type FactScratch } from './facts';
import { IntList } from './phrases';
import { enoughShingles, shingleEntry, shingleHash } from './texts';

// The contract types, and the building blocks the scan CLI, the evaluation and tests use.
export type * from './types';
export { CueError, parseClaimCues, parseIncidentCues } from './cues';
export type { ClaimCues, FactCue, IncidentCues, WeightedGroup } from './cues';
export { normalize, tokenize, stem } from './normalize';
export type { NormalizedText, Tokens } from './normalize';
export { segment } from './segment';
export type { Segmentation } from './segment';
export { diffWords, wordRun } from './diff';
export { quoteRegions } from './carriage';

/** Passages per `linkSteps` step when the caller does not say. */
export const DEFAULT_PASSAGES_PER_STEP = 20;

function checkInput(input: TextInput, where: string): void {
  if (typeof input !== 'object' || input === null || typeof input.text !== 'string') {
    throw new TypeError(`${where}: expected { text: string, blocks?: number[] }`);
  }
}

/** Tokens of text[from, to) with dataset ids (one block, or a passage inside one). */
function viewOf(ix: MatcherIndex, text: string, from = 0, to = text.length): TokenView {
  const t = tokenize(text, from, to);
  return new WordsView(t.words, t.starts, t.ends, t.breaks, ix.vocab.idsOf(t.words));
}

/** Same block starts? (`undefined` = blank lines decide, which depends on the text only.) */
function sameBlocks(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** First token index whose start is >= offset. */
function lowerBound(starts: Uint32Array, offset: number, lo = 0, hi = starts.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per-claim, per-phrase and per-text scratch for `blockKind`, reset by generation stamps. */
interface BlockScratch extends FactScratch {
  textGen: Uint32Array;
  textHits: Uint32Array;
  /** The phrase hits of the block `blockKind` last searched (for `planBlock` to judge its sentences by). */
  hits: number[];
  /**
   * The sentences `planBlocks` collects (emptied at its start; it runs at once, and copies them
   * out): kept, as growing new typed arrays on every page costs more than their copies.
   */
  sentences: SentenceBuilder;
  /**
   * Scratch for `sentencesHaveFacts` and `dealHits`: hit offsets in order of start, one
   * sentence's hit offsets (`hitsIn`), and its hits (the first 3 * its hit count entries: never
   * truncated, as setting an array's length to 0 drops its storage and is a runtime call).
   */
  order: IntList;
  inSentence: IntList;
  sentenceHits: number[];
  /** Did the block `blockKind` last judged name an actor? (Read after it returns Facts.) */
  names: boolean;
  /** Per token id: ANCHOR_SPEAKER, ANCHOR_GATE, ANCHOR_FACT bits (one typed lookup per noted token in `blockKind`). */
  anchorFlags: Uint8Array;
  /**
   * The first pass's `planMarks` (at id + 1): PLAN_WORD for the ids with `anchorFlags`, and
   * PLAN_FIRST, PLAN_SECOND, PLAN_THIRD for the words of each printed-text shingle. A page
   * shingle found in the index has its three words marked so, so the tokens the pass notes
   * (`IdTokens.planned`) are all `blockKind` needs to visit.
   */
  planMarks: Uint8Array;
  /** The noted positions of a block of tokens that did not come from the first pass. */
  planned: IntList;
  /** The gate phrases anchored on each token id: pids gatePids[gateStart[id]] .. [gateStart[id + 1] - 1]. */
  gateStart: Uint32Array;
  gatePids: Int32Array;
  /**
   * Per fact anchor id (ANCHOR_FACT): the generation of the last block `blockKind` saw it in.
   * (Sized to the vocabulary when the index was built: every phrase's words are in it.)
   */
  wordGen: Uint32Array;
  /** Token positions of the current block whose word anchors a gate phrase. */
  gateAt: IntList;
  /**
   * The anchor words of the link phrases of each claim fact, from `phraseFacts` (so of exactly
   * the phrases that give the fact in `enoughFactsIn`): fact k of claim c (global index
   * ix.factStart[c] + k) has anchors factAnchors[factAnchorStart[f] .. factAnchorStart[f + 1] - 1].
   */
  factAnchorStart: Uint32Array;
  factAnchors: Int32Array;
}

/**
 * `anchorFlags` bits: the id anchors a phrase naming an actor, a claim's gate phrase, or a
 * phrase of a claim fact (one of `factAnchors`).
 */
const ANCHOR_SPEAKER = 1;
const ANCHOR_GATE = 2;
const ANCHOR_FACT = 4;

/** Scratch for `blockKind`, sized for one matcher's indexes. */
function blockScratch(ix: MatcherIndex): BlockScratch {
  // Gate phrases by anchor id, as offsets into one array (a typed lookup per gate anchor word).
  const phrases = ix.linkPhrases;
  const size = ix.gateAnchors.length;
  const gateStart = new Uint32Array(size + 1);
  const gated: number[] = [];
  for (let pid = 0; pid < phrases.phrases.length; pid++) {
    if (ix.phraseGates[pid] === undefined) continue;
    gated.push(pid);
    gateStart[phrases.anchorOf(pid) + 1]!++;
  }
  for (let id = 0; id < size; id++) gateStart[id + 1]! += gateStart[id]!;
  const gatePids = new Int32Array(gated.length);
  const fill = gateStart.slice(0, size);
  for (const pid of gated) gatePids[fill[phrases.anchorOf(pid)]!++] = pid;
  // The distinct anchor words of each claim fact's phrases (inverted from phraseFacts).
  const factAnchorSets: Set<number>[] = [];
  for (let pid = 0; pid < phrases.phrases.length; pid++) {
    const facts = ix.phraseFacts[pid];
    if (facts === undefined) continue;
    for (let k = 0; k < facts.length; k++) {
      const code = facts[k]!;
      (factAnchorSets[ix.factStart[code >>> 5]! + (code & 31)] ??= new Set()).add(phrases.anchorOf(pid));
    }
  }
  const factCount = ix.factStart[ix.claims.length]!;
  const factAnchorStart = new Uint32Array(factCount + 1);
  const factAnchors: number[] = [];
  for (let f = 0; f < factCount; f++) {
    for (const id of factAnchorSets[f] ?? []) factAnchors.push(id);
    factAnchorStart[f + 1] = factAnchors.length;
  }
  const anchorFlags = new Uint8Array(size);
  for (let id = 0; id < size; id++)
    anchorFlags[id] =
      (ix.speakerAnchors[id] === 1 ? ANCHOR_SPEAKER : 0) | (ix.gateAnchors[id] === 1 ? ANCHOR_GATE : 0);
  for (const id of factAnchors) anchorFlags[id]! |= ANCHOR_FACT;
  const planMarks = new Uint8Array(size + 1);
  for (let id = 0; id < size; id++) if (anchorFlags[id] !== 0) planMarks[id + 1] = PLAN_WORD;
  for (const t of ix.texts) {
    for (let i = 0; i + 2 < t.ids.length; i++) {
      planMarks[t.ids[i]! + 1]! |= PLAN_FIRST;
      planMarks[t.ids[i + 1]! + 1]! |= PLAN_SECOND;
      planMarks[t.ids[i + 2]! + 1]! |= PLAN_THIRD;
    }
  }
  return {
    anchorFlags,
    planMarks,
    planned: new IntList(),
    gateStart,
    gatePids,
    wordGen: new Uint32Array(size),
    gateAt: new IntList(),
    factAnchorStart,
    factAnchors: Int32Array.from(factAnchors),
    ...factScratch(ix),
    textGen: new Uint32Array(ix.texts.length),
    textHits: new Uint32Array(ix.texts.length),
    hits: [],
    sentences: new SentenceBuilder(),
    order: new IntList(),
    inSentence: new IntList(),
    sentenceHits: [],
    names: false,
  };
}

/** What the linker must do with a block: skip it, note the actor it names, or link it. */
const enum BlockKind {
  /** Links nothing and names no actor: never segmented or read. */
  Skip = 0,
  /** Links nothing but names an actor, who may be the "she" of a later block: read only then. */
  Names = 1,
  /** May link a claim: segmented and linked. */
  Link = 2,
  /**
   * May hold enough facts of a claim (see `mayHaveFacts`): it links only if one of its sentences
   * does (see `sentencesMayHaveFacts`, then `sentencesHaveFacts`), else it is Names or Skip
   * (`names` says which).
   */
  Facts = 3,
}

/**
 * What tokens [from, to) of one block can do for the linker. A sentence links a claim only
 * through a printed text it shares enough shingles with (`enoughShingles`) or through phrases of
 * enough facts of one claim (every required fact and `min` in all, or an `alone` fact), and
 * sets the speaker for a later "he" only by naming an actor. Each test here is one the
 * sentences' own tests imply, counted over the whole block (a superset of any sentence's words:
 * shingle counts only grow, a phrase found in a sentence is found in its block), so a block
 * judged unable to link truly links nothing. A pass over the block's noted positions
 * planned[p0 .. p1 - 1] (`IdTokens.planned`: the anchor words and the ends of the shingles that
 * may be printed ones, a fifth of the tokens), and a phrase search only in blocks holding a gate
 * phrase: most of a long page (filler, comments, other stories, asides naming the mayor) is
 * never segmented or linked. (The phrase search is spared too where `mayHaveFacts` shows it
 * cannot find enough facts; where it may, the block's sentences decide, given its phrase hits.)
 */
function blockKind(
  ix: MatcherIndex,
  sc: BlockScratch,
  view: { ids: Int32Array; breaks: Uint8Array },
  from: number,
  to: number,
  planned: Int32Array,
  p0: number,
  p1: number,
): BlockKind {
  const gen = ++sc.gen;
  const { textGen, textHits } = sc;
  const ids = view.ids;
  const { anchorFlags, wordGen, gateAt } = sc;
  const { shingleBits, shingleMask } = ix;
  const { table, shift, postStart, postings } = ix.shingleTable;
  let names = false;
  // Where the gate anchor words are, and which fact anchor words the block has: `mayHaveFacts`
  // judges from them whether the phrase search can find enough facts.
  gateAt.clear();
  for (let p = p0; p < p1; p++) {
    const i = planned[p]!;
    const c = ids[i]!;
    const flags = anchorFlags[c]!;
    if (flags !== 0) {
      if ((flags & ANCHOR_FACT) !== 0) wordGen[c] = gen;
      if ((flags & ANCHOR_SPEAKER) !== 0) names = true;
      if ((flags & ANCHOR_GATE) !== 0) gateAt.push(i);
    }
    // The shingle this token ends (a noted anchor word may end none).
    if (i - 2 < from) continue;
    const a = ids[i - 2]!;
    const b = ids[i - 1]!;
    if (a < 0 || b < 0) continue;
    const h = shingleHash(a, b, c);
    if ((shingleBits[(h & shingleMask) >>> 3]! & (1 << (h & 7))) === 0) continue;
    const entry = shingleEntry(table, shift, h);
    if (entry === 0) continue;
    for (let l = postStart[entry - 1]!, end = postStart[entry]!; l < end; l += 2) {
      const t = postings[l]!;
      if (textGen[t] !== gen) {
        textGen[t] = gen;
        textHits[t] = 0;
      }
      if (enoughShingles(++textHits[t]!, postings[l + 1]!)) return BlockKind.Link;
    }
  }
  sc.names = names;
  if (gateAt.size > 0 && mayHaveFacts(ix, sc, view, from, to, gen)) {
    phraseHits(ix, sc, view, from, to);
    return BlockKind.Facts;
  }
  return names ? BlockKind.Names : BlockKind.Skip;
}

/**
 * Can the phrase search of tokens [from, to) (after `blockKind`'s loop, generation `gen`) give a
 * claim enough facts? A cheap test that only says no when the search would: any claim with
 * enough facts here has one of its gate phrases here, anchored on a word in `sc.gateAt`, and a
 * phrase found here has its anchor word here. So each claim of a gate phrase found is counted as
 * having every fact with a phrase anchored on a word of the block. Gate anchor words are common
 * ("two", "city", "opened"): on the bench pages, half of the blocks not linked through a shingle
 * hold a gate phrase, and this spares 397 of their 411 that lack enough facts the phrase search
 * (a pass over the block, a check of every phrase anchored in it, the claim masks): the plan
 * takes about 10% less time.
 */
function mayHaveFacts(
  ix: MatcherIndex,
  sc: BlockScratch,
  view: { ids: Int32Array; breaks: Uint8Array },
  from: number,
  to: number,
  gen: number,
): boolean {
  const { gateStart, gatePids, gateAt, claimGen, wordGen, factAnchorStart, factAnchors } = sc;
  const ids = view.ids;
  const breaks = view.breaks;
  const phrases = ix.linkPhrases;
  const { factStart, requiredMask, aloneMask, gateClaimAt, gateClaims } = ix;
  for (let k = 0; k < gateAt.size; k++) {
    const i = gateAt.data[k]!;
    const a = ids[i]!;
    for (let g = gateStart[a]!; g < gateStart[a + 1]!; g++) {
      const pid = gatePids[g]!;
      if (!phrases.matchAt(pid, ids, breaks, i, from, to)) continue;
      for (let c = gateClaimAt[pid]!; c < gateClaimAt[pid + 1]!; c++) {
        const claim = gateClaims[c]!;
        // Each claim once per block (`gen` is the block's: `enoughFactsIn` stamps later ones).
        if (claimGen[claim] === gen) continue;
        claimGen[claim] = gen;
        const required = requiredMask[claim]!;
        const alone = aloneMask[claim]!;
        let mask = 0;
        for (let f = factStart[claim]!, bit = 1; f < factStart[claim + 1]!; f++, bit <<= 1) {
          let there = false;
          for (let q = factAnchorStart[f]!; q < factAnchorStart[f + 1]! && !there; q++)
            there = wordGen[factAnchors[q]!] === gen;
          if (there) mask |= bit;
          // A required fact missing, and no fact enough alone: the claim is out.
          else if ((required & bit) !== 0 && alone === 0) break;
        }
        if (enoughFacts(ix, claim, mask)) return true;
      }
    }
  }
  return false;
}

/**
 * Leaves the phrase hits of tokens [from, to) in `sc.hits`, for `sentencesMayHaveFacts` and
 * `sentencesHaveFacts`.
 */
function phraseHits(
  ix: MatcherIndex,
  sc: BlockScratch,
  view: { ids: Int32Array; breaks: Uint8Array },
  from: number,
  to: number,
): void {
  // A new array: setting the last one's length to 0 would drop its storage anyway.
  const hits: number[] = [];
  ix.linkPhrases.scanInto(view.ids, view.breaks, from, to, hits);
  sc.hits = hits;
}

/**
 * Does one of sentences [s0, s1) (char ranges [starts[s], ends[s])) of a block have enough
 * facts of a claim and no veto of it, as the linker asks of a sentence before it makes a
 * paraphrase? A long block often has a claim's facts spread over sentences about other things
 * ("shots were fired outside a bar" two sentences after "residential neighborhoods"), which a
 * count over the whole block (as `mayHaveFacts` makes) cannot tell from a sentence stating the
 * claim. The block's hits (`sc.hits`, from `phraseHits`) are dealt out to the sentences, not
 * searched for again: a phrase search bounded by a sentence finds exactly the block's hits that
 * lie inside it (each word of a phrase is the nearest one allowed, so a bound only cuts hits off).
 */
function sentencesHaveFacts(
  ix: MatcherIndex,
  sc: BlockScratch,
  view: { starts: Uint32Array },
  starts: Uint32Array,
  ends: Uint32Array,
  s0: number,
  s1: number,
): boolean {
  const { hits, order, inSentence, sentenceHits } = sc;
  // Hits by start. They come in anchor order and start at most a phrase's span before their
  // anchor, so they are nearly sorted: an insertion sort does a few moves where
  // `Array.prototype.sort` with a comparator costs a call per comparison.
  order.clear();
  for (let h = 0; h < hits.length; h += 3) {
    const start = hits[h + 1]!;
    let k = order.size;
    order.push(h);
    const by = order.data;
    for (; k > 0 && hits[by[k - 1]! + 1]! > start; k--) by[k] = by[k - 1]!;
    by[k] = h;
  }
  // The sentences are walked along with the hits, not with the block's tokens.
  for (let s = s0, o = 0; s < s1 && o < order.size; s++) {
    o = hitsIn(sc, view.starts, starts[s]!, ends[s]!, o);
    if (inSentence.size === 0) continue;
    let n = 0;
    for (let k = 0; k < inSentence.size; k++) {
      const h = inSentence.data[k]!;
      sentenceHits[n++] = hits[h]!;
      sentenceHits[n++] = hits[h + 1]!;
      sentenceHits[n++] = hits[h + 2]!;
    }
    if (enoughFactsIn(ix, sc, sentenceHits, n)) return true;
  }
  return false;
}

/**
 * Puts in `sc.inSentence` the offsets (in `sc.hits`, in order of start) of the block's hits that
 * lie in the sentence [start, end), looking at `sc.order` from o on; returns where the next
 * sentence's look starts. A sentence's tokens, as the linker takes them, are those starting
 * inside it, so a hit lies in it when its first and last tokens start in [start, end).
 */
function hitsIn(sc: BlockScratch, tokStarts: Uint32Array, start: number, end: number, o: number): number {
  const { hits, inSentence } = sc;
  const order = sc.order.data;
  const n = sc.order.size;
  inSentence.clear();
  while (o < n && tokStarts[hits[order[o]! + 1]!]! < start) o++;
  for (; o < n && tokStarts[hits[order[o]! + 1]!]! < end; o++) {
    const h = order[o]!;
    if (tokStarts[hits[h + 2]! - 1]! < end) inSentence.push(h);
  }
  return o;
}

/** The phrase hits of a sentence of a block linked through facts that holds none (shared: only read). */
const NO_HITS: readonly number[] = [];

/**
 * Deals the hits of a block linked through facts (`sc.hits`, and `sc.order`, both left by
 * `sentencesHaveFacts`) out to its sentences [s0, s1): planned[s] gets sentence s's hits in the
 * order of the block's (anchor position, then phrase id), which is the order a search of the
 * sentence gives them in, so the linker takes them instead of searching the sentence again. A
 * block gets here only when `blockKind` found no printed text with enough shingles in it, so
 * given hits also tell the linker that its sentences need no text scan (see `analyzeSentence`).
 */
function dealHits(
  sc: BlockScratch,
  view: { starts: Uint32Array },
  starts: Uint32Array,
  ends: Uint32Array,
  s0: number,
  s1: number,
  planned: (readonly number[] | undefined)[],
): void {
  const { hits, inSentence } = sc;
  for (let s = s0, o = 0; s < s1; s++) {
    o = hitsIn(sc, view.starts, starts[s]!, ends[s]!, o);
    // Back in the block's order (by position in `hits`): a few, nearly in order already.
    const at = inSentence.data;
    const n = inSentence.size;
    for (let a = 1; a < n; a++) {
      const h = at[a]!;
      let k = a;
      for (; k > 0 && at[k - 1]! > h; k--) at[k] = at[k - 1]!;
      at[k] = h;
    }
    if (n === 0) {
      planned[s] = NO_HITS;
      continue;
    }
    const list: number[] = [];
    for (let k = 0; k < n; k++) {
      const h = at[k]!;
      list.push(hits[h]!, hits[h + 1]!, hits[h + 2]!);
    }
    planned[s] = list;
  }
}

/**
 * `blockKind` (given the block's noted positions planned[p0 .. p1 - 1]), with a Facts block
 * settled by its sentences: split only when `sentencesMayHaveFacts` cannot rule out that one of
 * them has enough facts (most such blocks on a page link nothing). A block found to link has its sentences added to `sentences` (the
 * linker's segmentation), and when it links through facts, each sentence's phrase hits put in
 * `hitsOf` (see `dealHits`); the others leave both as they were.
 */
function planBlock(
  ix: MatcherIndex,
  sc: BlockScratch,
  view: { ids: Int32Array; breaks: Uint8Array; starts: Uint32Array },
  from: number,
  to: number,
  planned: Int32Array,
  p0: number,
  p1: number,
  text: string,
  blocks: { starts: Uint32Array; ends: Uint32Array },
  b: number,
  sentences: SentenceBuilder,
  hitsOf: (readonly number[] | undefined)[],
): BlockKind.Skip | BlockKind.Names | BlockKind.Link {
  if (to <= from) return BlockKind.Skip;
  const kind = blockKind(ix, sc, view, from, to, planned, p0, p1);
  if (kind === BlockKind.Skip || kind === BlockKind.Names) return kind;
  if (
    kind === BlockKind.Facts &&
    !sentencesMayHaveFacts(ix, sc, sc.hits, text, view.starts, blocks.starts[b]!, blocks.ends[b]!)
  )
    return sc.names ? BlockKind.Names : BlockKind.Skip;
  const first = sentences.add(text, blocks, b);
  if (kind === BlockKind.Link) return kind;
  if (sentencesHaveFacts(ix, sc, view, sentences.starts, sentences.ends, first, sentences.count)) {
    dealHits(sc, view, sentences.starts, sentences.ends, first, sentences.count, hitsOf);
    return BlockKind.Link;
  }
  sentences.dropFrom(first);
  return sc.names ? BlockKind.Names : BlockKind.Skip;
}

/** The sentences of the blocks of a whole-text view worth linking, and the blocks that only name an actor. */
interface BlockPlan {
  /** The sentences of the blocks to link. */
  seg: Segmentation;
  /** Ascending block indices, and each one's token range in the view. */
  names: number[];
  namesFrom: number[];
  namesTo: number[];
  /** Per sentence of a block linked through facts, its phrase hits (see `dealHits`). */
  hits: (readonly number[] | undefined)[];
}

/** Sorts the blocks of a whole-text view (read by the first pass, block by block) by `planBlock`. */
function planBlocks(
  ix: MatcherIndex,
  sc: BlockScratch,
  text: string,
  blocks: { starts: Uint32Array; ends: Uint32Array },
  view: IdTokens,
): BlockPlan {
  const sentences = sc.sentences;
  sentences.dropFrom(0);
  const plan: Omit<BlockPlan, 'seg'> = { names: [], namesFrom: [], namesTo: [], hits: [] };
  const blockEnds = view.blockEnds;
  // The positions the first pass noted for this plan's marks (it is always given them).
  if (view.planMarks !== sc.planMarks) throw new Error('planBlocks: the view was read with other plan marks');
  const { planned, plannedEnds } = view;
  for (let b = 0, from = 0, p = 0; b < blockEnds.length; b++) {
    const to = blockEnds[b]!;
    const p0 = p;
    p = plannedEnds[b]!;
    const kind = planBlock(ix, sc, view, from, to, planned, p0, p, text, blocks, b, sentences, plan.hits);
    if (kind === BlockKind.Names) {
      plan.names.push(b);
      plan.namesFrom.push(from);
      plan.namesTo.push(to);
    }
    from = to;
  }
  return { ...plan, seg: sentences.finish(blocks) };
}

/**
 * Links the planned blocks of a whole-text view, one array of matches per passage; before each
 * passage, the linker is told of the actor-naming blocks read past since the last one.
 */
function* linkPlanned(
  ix: MatcherIndex,
  text: string,
  view: IdTokens,
  plan: BlockPlan,
): Generator<ClaimMatch[], void, void> {
  const seg = plan.seg;
  const linker = new Linker(ix, text, seg);
  let tokPtr = 0;
  let named = 0;
  for (let p = 0; p < seg.passageCount; p++) {
    const s0 = seg.passFirst[p]!;
    const s1 = seg.passFirst[p + 1]!;
    const block = seg.sentBlocks[s0]!;
    for (; named < plan.names.length && plan.names[named]! < block; named++)
      linker.skipBlock(plan.names[named]!, view, plan.namesFrom[named]!, plan.namesTo[named]!);
    const start = seg.sentStarts[s0]!;
    const end = seg.sentEnds[s1 - 1]!;
    // A passage lies in one block: its tokens are searched for among the block's only (a few
    // cache lines, where the whole page's offsets are a long search through memory).
    const blockTo = view.blockEnds[block]!;
    const blockFrom = block > 0 ? view.blockEnds[block - 1]! : 0;
    const tokFrom = lowerBound(view.starts, start, Math.max(tokPtr, blockFrom), blockTo);
    const tokTo = lowerBound(view.starts, end, tokFrom, blockTo);
    tokPtr = tokTo;
    yield linker.linkSentences(s0, s1, view, tokFrom, tokTo, seg, plan.hits);
  }
}

/** Text characters tokenized per `linkSteps` step (uncached text) before it yields anyway. */
const STEP_CHARS = 32_768;

/** Characters of whole blocks the first pass reads per `recognizeSteps` step. */
const RECOGNIZE_STEP_CHARS = 24_000;

/** A text read whole by the first pass, kept for the next call on the same text. */
interface Read {
  text: string;
  /** The caller's block starts (a copy), and the block ranges they give. */
  blocks: number[] | undefined;
  ranges: { starts: Uint32Array; ends: Uint32Array };
  view: IdTokens;
}

/** Builds the engine for a dataset (throws CueError on bad cues, TypeError on a broken dataset). */
export function createMatcher(dataset: Dataset): Matcher {
  // Cheap and eager: the shape check, the cues (so bad cues throw here) and the prefilter. The
  // content script creates a matcher on every page that might be about the incident; the
  // indexes are built on the first call that needs them.
  const parsed = parseDataset(dataset);
  const prefilter = parsed.incidentCues.prefilter;
  let built: MatcherIndex | undefined;
  const index = (): MatcherIndex => (built ??= buildIndex(parsed));
  let scratchBuilt: BlockScratch | undefined;
  let passBuilt: FirstPass | undefined;
  const scratch = (): BlockScratch => (scratchBuilt ??= blockScratch(index()));
  // Whole pages are read by the first pass: the same tokens as the tokenizer, from one charCode
  // loop with a table of the page's words and their ids (no string per repeated word).
  // It notes where the recognizer's anchor words are, so recognition looks only there, and the
  // tokens the block plan needs to see, so the plan visits only those.
  const firstPass = (): FirstPass =>
    (passBuilt ??= new FirstPass(index().vocab, index().recognizer.anchorIds, scratch().planMarks));
  // A fresh object each time: callers may keep or change what they get.
  const notAbout = (): Recognition => ({ about: false, score: 0, evidence: [] });
  // The content script calls recognize() and then linkSteps() on the same text: keep the last
  // text's tokens so it is tokenized once.
  let last: Read | undefined;
  const cachedRead = (input: TextInput): Read | undefined =>
    last !== undefined && last.text === input.text && sameBlocks(last.blocks, input.blocks)
      ? last
      : undefined;
  /** `wholeViewSteps` at once. */
  const wholeView = (input: TextInput): Read => {
    const steps = wholeViewSteps(input);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  };

  /**
   * The text read whole by the first pass (or kept from the last call on it), in steps of about
   * RECOGNIZE_STEP_CHARS characters (whole blocks): the first pass reads a few blocks per step
   * into one view. It reads one text at a time, so when another call has read a text between
   * two steps, this read starts over (in the step that finds out).
   */
  function* wholeViewSteps(input: TextInput): Generator<void, Read, void> {
    const cached = cachedRead(input);
    if (cached !== undefined) return cached;
    const blocks = blockRanges(input);
    const count = blocks.starts.length;
    const pass = firstPass();
    let read = pass.begin(input.text, count);
    for (let b = 0; b < count;) {
      let e = b;
      let chars = 0;
      while (e < count && (e === b || chars < RECOGNIZE_STEP_CHARS)) {
        chars += blocks.ends[e]! - blocks.starts[e]!;
        e++;
      }
      if (b > 0) yield;
      if (!pass.more(read, blocks.starts.subarray(b, e), blocks.ends.subarray(b, e))) {
        read = pass.begin(input.text, count);
        pass.more(read, blocks.starts.subarray(0, e), blocks.ends.subarray(0, e));
      }
      b = e;
    }
    return (last = {
      text: input.text,
      blocks: input.blocks?.slice(),
      ranges: blocks,
      view: pass.finish(read),
    });
  }

  const mayBeAbout = (text: string): boolean => passesPrefilter(prefilter, text);

  /** Scores a text's tokens; `checked` when the caller has just run the prefilter on it. */
  const recognizeView = (text: string, view: IdTokens, checked: boolean): Recognition => {
    if (!checked && !mayBeAbout(text)) return notAbout();
    return index().recognizer.recognize(view.ids, view.breaks, view.starts, view.ends, view);
  };

  const passageRange = (
    seg: Segmentation,
    p: number,
  ): { s0: number; s1: number; start: number; end: number } => {
    const s0 = seg.passFirst[p]!;
    const s1 = seg.passFirst[p + 1]!;
    return { s0, s1, start: seg.sentStarts[s0]!, end: seg.sentEnds[s1 - 1]! };
  };

  return {
    *prepareSteps(): Generator<void, void, void> {
      if (built !== undefined) return;
      const steps = buildIndexSteps(parsed);
      for (;;) {
        const step = steps.next();
        if (step.done) {
          built ??= step.value;
          return;
        }
        yield;
      }
    },

    mayBeAbout,

    recognize(input: TextInput): Recognition {
      checkInput(input, 'recognize');
      if (!mayBeAbout(input.text)) return notAbout();
      return recognizeView(input.text, wholeView(input).view, true);
    },

    *recognizeSteps(input: TextInput): Generator<void, Recognition, void> {
      checkInput(input, 'recognizeSteps');
      if (!mayBeAbout(input.text)) return notAbout();
      const { view } = yield* wholeViewSteps(input);
      yield;
      return recognizeView(input.text, view, true);
    },

    analyze(input: TextInput, options?: { force?: boolean }): PageAnalysis {
      checkInput(input, 'analyze');
      const force = options?.force === true;
      const { text } = input;
      if (!force && !mayBeAbout(text)) return { ...notAbout(), matches: [] };
      const { view, ranges: blocks } = wholeView(input);
      const recognition = recognizeView(text, view, !force);
      if (!recognition.about && !force) return { ...recognition, matches: [] };
      const ix = index();
      const matches: ClaimMatch[] = [];
      for (const ms of linkPlanned(ix, text, view, planBlocks(ix, scratch(), text, blocks, view)))
        for (const m of ms) matches.push(m);
      return { ...recognition, matches };
    },

    *linkSteps(
      input: TextInput,
      options?: { passagesPerStep?: number },
    ): Generator<ClaimMatch[], void, void> {
      checkInput(input, 'linkSteps');
      const per = options?.passagesPerStep ?? DEFAULT_PASSAGES_PER_STEP;
      if (!Number.isInteger(per) || per < 1) {
        throw new RangeError(`linkSteps: passagesPerStep must be a whole number >= 1, got ${String(per)}`);
      }
      const { text } = input;
      const ix = index();
      const cached = cachedRead(input);
      const blocks = cached?.ranges ?? blockRanges(input);
      if (cached !== undefined) {
        const whole = cached.view;
        // Just recognized: its tokens say which blocks matter, and only those are segmented. The
        // plan reads the whole page, so it is a step of its own (with no matches).
        const plan = planBlocks(ix, scratch(), text, blocks, whole);
        yield [];
        let out: ClaimMatch[] = [];
        let passages = 0;
        for (const ms of linkPlanned(ix, text, whole, plan)) {
          for (const m of ms) out.push(m);
          if (++passages === per) {
            yield out;
            out = [];
            passages = 0;
          }
        }
        if (passages > 0) yield out;
        return;
      }
      // Otherwise tokenize block by block as the steps go, so no step does work proportional to
      // the whole page: a step ends after `per` passages or STEP_CHARS characters read.
      const linker = new Linker(ix, text, segmentBlocks(text, blocks, []));
      const sentences = new SentenceBuilder();
      const hitsOf: (readonly number[] | undefined)[] = [];
      let out: ClaimMatch[] = [];
      let passages = 0;
      let chars = 0;
      for (let b = 0; b < blocks.starts.length; b++) {
        const bs = blocks.starts[b]!;
        const be = blocks.ends[b]!;
        chars += be - bs;
        const view = viewOf(ix, text, bs, be);
        sentences.dropFrom(0);
        hitsOf.length = 0;
        const sc = scratch();
        sc.planned.clear();
        plannedIn(sc.planMarks, view.ids, 0, view.ids.length, sc.planned);
        const kind = planBlock(
          ix,
          sc,
          view,
          0,
          view.ids.length,
          sc.planned.data,
          0,
          sc.planned.size,
          text,
          blocks,
          b,
          sentences,
          hitsOf,
        );
        if (kind === BlockKind.Names) linker.skipBlock(b, view, 0, view.ids.length);
        else if (kind === BlockKind.Link) {
          const seg = sentences.finish(blocks);
          let tokPtr = 0;
          for (let p = 0; p < seg.passageCount; p++) {
            const r = passageRange(seg, p);
            const tokFrom = lowerBound(view.starts, r.start, tokPtr);
            const tokTo = lowerBound(view.starts, r.end, tokFrom);
            tokPtr = tokTo;
            for (const m of linker.linkSentences(r.s0, r.s1, view, tokFrom, tokTo, seg, hitsOf)) out.push(m);
            if (++passages === per) {
              yield out;
              out = [];
              passages = 0;
              chars = 0;
            }
          }
        }
        if (chars >= STEP_CHARS) {
          yield out;
          out = [];
          passages = 0;
          chars = 0;
        }
      }
      if (passages > 0 || out.length > 0) yield out;
    },

    rank(text: string, limit?: number): RankedClaim[] {
      if (typeof text !== 'string') throw new TypeError('rank: expected a string');
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
        throw new RangeError(`rank: limit must be a whole number >= 0, got ${String(limit)}`);
      }
      return rankClaims(index(), text, limit);
    },
  };
}

/** Scores every claim against a selection: linked claims first, then partial evidence, then the rest. */
function rankClaims(ix: MatcherIndex, text: string, limit: number | undefined): RankedClaim[] {
  const seg = segment({ text });
  const view = viewOf(ix, text);
  const linker = new Linker(ix, text, seg);
  const best = new Map<number, { score: number; reason?: RankedClaim['reason']; detail: string }>();
  const partials = new Map<number, PartialEvidence>();
  const matches = linker.linkSentences(0, seg.sentenceCount, view, 0, view.ids.length);
  for (const m of matches) {
    const ci = ix.claimIndex.get(m.claimId)!;
    const prev = best.get(ci);
    if (prev === undefined || m.score > prev.score)
      best.set(ci, { score: m.score, reason: m.reason, detail: m.detail });
  }
  // Partial key facts and printed-text overlap, sentence by sentence.
  let ptr = 0;
  for (let s = 0; s < seg.sentenceCount; s++) {
    const from = lowerBound(view.starts, seg.sentStarts[s]!, ptr);
    const to = lowerBound(view.starts, seg.sentEnds[s]!, from);
    ptr = to;
    linker.analyzeSentence(
      view,
      from,
      to,
      seg.sentStarts[s]!,
      seg.sentEnds[s]!,
      seg.sentBlocks[s]!,
      partials,
    );
  }
  // Shared content words over the whole selection.
  const shared = new Map<number, Set<number>>();
  const seenWords = new Set<number>();
  for (let i = 0; i < view.ids.length; i++) {
    const id = view.ids[i]!;
    if (id < 0 || ix.stopIds.has(id) || seenWords.has(id)) continue;
    seenWords.add(id);
    for (const ci of ix.wordClaims.get(id) ?? []) {
      let set = shared.get(ci);
      if (set === undefined) shared.set(ci, (set = new Set()));
      set.add(i);
    }
  }
  const ranked: RankedClaim[] = ix.claims.map((info, ci) => {
    const linked = best.get(ci);
    if (linked !== undefined)
      return { claimId: info.claim.id, score: linked.score, reason: linked.reason, detail: linked.detail };
    let score = 0;
    const parts: string[] = [];
    const p = partials.get(ci);
    if (p !== undefined && p.factWeight > 0 && info.totalWeight > 0) {
      const frac = p.factWeight / info.totalWeight;
      score = Math.max(score, (p.vetoed ? 0.15 : 0.42) * frac);
      const missing = info.cues.facts
        .filter((_, fi) => !p.facts.some((h) => h.fact === fi))
        .map((f) => f.name);
      parts.push(
        `${describeFacts(info, p.facts, text, view)} (${p.facts.length} of ${info.cues.facts.length} key facts` +
          (missing.length > 0 ? `; missing: ${missing.join(', ')}` : '') +
          (p.vetoed ? '; a word here rules it out' : '') +
          ')',
      );
    }
    if (p !== undefined && p.coverage > 0) {
      score = Math.max(score, 0.45 * p.coverage);
      parts.push(`Shares ${Math.round(p.coverage * 100)}% of the words of a printed version`);
    }
    const words = shared.get(ci);
    if (words !== undefined && info.words.size > 0) {
      const frac = Math.min(1, words.size / Math.min(info.words.size, 8));
      score = Math.max(score, 0.3 * frac);
      if (parts.length === 0) {
        const list = [...words].slice(0, 5).map((i) => view.word(i)!);
        parts.push(`Shares the words ${list.map((w) => `“${w}”`).join(', ')}`);
      }
    }
    if (parts.length === 0) parts.push('No key facts or words in common');
    return { claimId: info.claim.id, score: Math.round(score * 1000) / 1000, detail: parts.join('. ') + '.' };
  });
  ranked.sort((a, b) => b.score - a.score || ix.claimIndex.get(a.claimId)! - ix.claimIndex.get(b.claimId)!);
  return limit === undefined ? ranked : ranked.slice(0, limit);
}
