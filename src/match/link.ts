// Claim linking: for each sentence of a passage, the claims it states, with a score, a reason, a
// readable detail, the span that states it, and how the page carries it.
//
// Two signals, both index-driven (work grows with what a sentence shares with the dataset, not
// with the number of claims):
//   1. printed texts (quote variants, report excerpts) through a 3-word shingle index, verified
//      by an alignment → exact or near quote (texts.ts);
//   2. key facts from the cues (phrases anchored on their rarest word) → paraphrase (facts.ts).
// Matches stay inside one sentence; the span shrinks to the clause or quote that states the claim.

import type { Carried } from '../dataset/types';
import type { ClaimMatch, DiffOp, MatchReason, QuoteComparison } from './types';
import type { ClaimInfo, MatcherIndex, PrintedVariant } from './build';
import {
  SpeakerTracker,
  ownAttribution,
  type Attribution,
  type SpeakerSentence,
  type SubjectHit,
} from './attribution';
import {
  CLAUSE_SHAPE,
  CLAUSE_WORDS,
  KIND_CLAUSE,
  KIND_STOP,
  fits,
  hedgeLooks,
  hedgesAt,
  inRegions,
  mayBe,
  quoteRegions,
} from './carriage';
import { diffWords } from './diff';
import {
  addHit,
  clusterFacts,
  enoughFacts,
  sortByStart,
  type FactHit,
  type FactHits,
  type Hit,
} from './facts';
import { segmentBlocks, type Segmentation } from './segment';
import { IntList } from './phrases';
import { TextScanner, align, type TextMatch } from './texts';

/** Tokens of the text being linked (the whole page, or one passage), with dataset ids. */
export interface TokenView {
  /** Token i's normalized word; undefined outside the tokens. */
  word(i: number): string | undefined;
  starts: Uint32Array;
  ends: Uint32Array;
  /** 1 where punctuation separates a word from the one before (phrases stop there). */
  breaks: Uint8Array;
  ids: Int32Array;
}

/** A TokenView of the tokenizer's output (a selection, or a block read on its own). */
export class WordsView implements TokenView {
  constructor(
    private readonly words: readonly string[],
    readonly starts: Uint32Array,
    readonly ends: Uint32Array,
    readonly breaks: Uint8Array,
    readonly ids: Int32Array,
  ) {}

  word(i: number): string | undefined {
    return this.words[i];
  }
}

/** A claim found in a sentence, before carriage is worked out. */
interface Candidate {
  claim: number;
  reason: MatchReason;
  score: number;
  from: number; // token span that states the claim
  to: number;
  /** Tokens that matched (quote alignment or fact phrases), to decide "inside quotation marks". */
  evidence: number[];
  facts: FactHit[];
  text?: { id: number; coverage: number; lcs: number; length: number; quoted: boolean };
}

/** Partial evidence per claim, for `rank` (kept only when asked). */
export interface PartialEvidence {
  factWeight: number;
  facts: FactHit[];
  coverage: number;
  vetoed: boolean;
}

/** One sentence: its claims, speakers and quotes. */
interface SentenceResult extends SpeakerSentence {
  start: number; // offsets in the text
  end: number;
  candidates: Candidate[];
  /** Names a known actor (so it may set the antecedent of later pronouns). */
  named: boolean;
}

const EMPTY = new Uint8Array(0);
// Most sentences of a page link nothing: they share these (nothing adds to a sentence's lists
// after analyzeSentence made them).
const NO_CANDIDATES: Candidate[] = [];
const NO_SUBJECTS: SubjectHit[] = [];
const NO_TEXT_MATCHES: readonly TextMatch[] = [];

/** , ; : ( ) [ ] " “ ” — – … « » end a clause. */
function isClausePunct(c: number): boolean {
  switch (c) {
    case 0x2c:
    case 0x3b:
    case 0x3a:
    case 0x28:
    case 0x29:
    case 0x5b:
    case 0x5d:
    case 0x22:
    case 0x201c:
    case 0x201d:
    case 0x2014:
    case 0x2013:
    case 0x2026:
    case 0xab:
    case 0xbb:
      return true;
    default:
      return false;
  }
}

/** Most claims linked in one sentence (the best-scoring ones). */
export const MAX_CLAIMS_PER_SENTENCE = 6;
/** Most candidate claims (and printed texts) fully evaluated in one sentence. */
const MAX_EVALUATED = 4 * MAX_CLAIMS_PER_SENTENCE;
/** Score of an exact quote (all words, in order). */
const EXACT = 0.97;
/** Least share of a printed text's words for an exact quote, and least density of its window. */
const EXACT_COVERAGE = 0.95;
const EXACT_DENSITY = 0.9;
/** Least share of a printed text's words for a near quote, and least density of its window. */
const NEAR_COVERAGE = 0.6;
const NEAR_DENSITY = 0.6;
/** Printed texts shorter than this need an almost exact repeat (a few common words prove little). */
const SHORT_TEXT = 6;
/** Share of the sentence above which the span is the whole sentence. */
const WHOLE_SENTENCE = 0.75;
/** Printed words reproduced this completely (and this long) count as a direct quote without marks. */
const VERBATIM = 0.8;
const VERBATIM_WORDS = 4;
/** Bytes per buffer of copied sentence tokens (a page's quoted sentences fill one or two). */
const ARENA_BYTES = 32_768;
/** Bonus when the page credits the claim to one of its asserting actors. */
const SOURCE_BONUS = 0.03;

/**
 * The linker's scratch arrays for one index: per claim, per phrase and per printed text, reset
 * by generation stamps instead of clearing. A page gets a new Linker, and making these costs
 * more than linking a few sentences (a typed array with a backing store of its own each), so the
 * Linkers of one index share them. Each is used only within one synchronous call (a sentence's
 * analysis, a text scan, an evidence merge), so Linkers whose steps interleave do not meet.
 */
class LinkScratch {
  readonly scanner: TextScanner;
  generation = 0;
  readonly seen: Uint32Array;
  readonly vetoed: Uint32Array;
  readonly phraseSeen: Uint32Array;
  readonly phraseFirst: Int32Array;
  /** Per hit of the sentence, the previous hit of its phrase (-1: none); grown as needed. */
  next = new Int32Array(64);
  /** Per claim: the facts found in the sentence (valid where `seen` holds the generation). */
  readonly masks: Uint32Array;
  readonly estimates: Float64Array;
  readonly ownerSeen: Uint32Array;
  ownerStamp = 0;
  /** Per claim: the generation of the sentence it has a candidate in, and its index there. */
  readonly candGen: Uint32Array;
  readonly candAt: Int32Array;
  readonly touched = new IntList();
  readonly passing = new IntList();
  readonly likely = new IntList(MAX_EVALUATED);
  /** Per token of the sentence: the stamp of the evidence list holding it (see `mergeEvidence`). */
  evidenceMarks = new Uint32Array(64);
  evidenceStamp = 0;
  /**
   * The index's flat phrase facts and gates (`MatcherIndex.factCodeAt`): phrase p's codes are
   * factCodes[factAt[p] .. factAt[p + 1] - 1], its gate claims gateClaims[gateAt[p] ..
   * gateAt[p + 1] - 1]. A sentence reads them for each of its phrases.
   */
  readonly factAt: Int32Array;
  readonly factCodes: Int32Array;
  readonly gateAt: Int32Array;
  readonly gateClaims: Int32Array;

  constructor(ix: MatcherIndex) {
    this.scanner = new TextScanner(ix.texts, ix.shingleTable);
    this.seen = new Uint32Array(ix.claims.length);
    this.vetoed = new Uint32Array(ix.claims.length);
    this.phraseSeen = new Uint32Array(ix.linkPhrases.phrases.length);
    this.phraseFirst = new Int32Array(ix.linkPhrases.phrases.length);
    this.masks = new Uint32Array(ix.claims.length);
    this.estimates = new Float64Array(ix.claims.length);
    this.ownerSeen = new Uint32Array(ix.claims.length);
    this.candGen = new Uint32Array(ix.claims.length);
    this.candAt = new Int32Array(ix.claims.length);
    this.factAt = ix.factCodeAt;
    this.factCodes = ix.factCodes;
    this.gateAt = ix.gateClaimAt;
    this.gateClaims = ix.gateClaims;
  }
}

const scratches = new WeakMap<MatcherIndex, LinkScratch>();

/** Links the sentences of one text; keeps speaker context across passages. */
export class Linker {
  private readonly speakers: SpeakerTracker;
  private readonly sc: LinkScratch;
  private regionsBlock = -1;
  private regions: number[] = [];
  /** What the page's cards are worked out from (see LinkedMatch). */
  private readonly page: CardPage;
  /** The last sentence's phrase hits (see `analyzeSentence`). */
  private hits: readonly number[] = [];
  /** The sentence whose tokens `tokensCopy` holds (see `sentenceTokens`). */
  private tokensOf: SentenceResult | undefined;
  private tokensCopy: SentenceTokens | undefined;
  /** The sentence whose possible hedge words `looks` holds (see `hedgeLooks`). */
  private looksOf: SentenceResult | undefined;
  private looks: number[] = [];
  /** Buffer that per-sentence arrays are cut from (see `carve`), and how much of it is taken. */
  private arena: ArrayBuffer | undefined;
  private arenaUsed = 0;

  constructor(
    private readonly ix: MatcherIndex,
    private readonly text: string,
    private seg: Segmentation,
  ) {
    this.speakers = new SpeakerTracker(text);
    this.page = { ix, text, diffs: new Map() };
    let sc = scratches.get(ix);
    if (sc === undefined) scratches.set(ix, (sc = new LinkScratch(ix)));
    this.sc = sc;
  }

  /**
   * Links sentences [s0, s1) of one passage; `tok` holds their tokens in [tokFrom, tokTo).
   * `seg` numbers the sentences when it is not the linker's own (a block segmented on its own;
   * its block ranges must be the same text's). `planned[s]`, where given, is sentence s's phrase
   * hits as its own search would find them (see `analyzeSentence`).
   */
  linkSentences(
    s0: number,
    s1: number,
    tok: TokenView,
    tokFrom: number,
    tokTo: number,
    seg: Segmentation = this.seg,
    planned?: readonly (readonly number[] | undefined)[],
  ): ClaimMatch[] {
    this.seg = seg;
    const results = this.readPassage(seg, s0, s1, tok, tokFrom, tokTo, planned);
    this.speakers.resolve(results, tok);
    const out: ClaimMatch[] = [];
    for (const r of results) {
      // In reading order within the sentence; the stronger claim first at one place.
      const first = out.length;
      for (const c of r.candidates) insertInOrder(out, first, this.toMatch(c, r, tok));
    }
    return out;
  }

  /**
   * Passes over a block that states no claim but names an actor (`tok` holds its tokens in
   * [tokFrom, tokTo)): it is segmented and read only if a later "he said" needs the speaker it
   * names, so attribution comes out as if every block were linked. The caller vouches that the
   * block links nothing (see `blockKind` in index.ts).
   */
  skipBlock(block: number, tok: TokenView, tokFrom: number, tokTo: number): void {
    this.speakers.skip(() => {
      const seg = segmentBlocks(this.text, { starts: this.seg.blockStarts, ends: this.seg.blockEnds }, [
        block,
      ]);
      let named: Attribution | undefined;
      let ptr = tokFrom;
      // Passage by passage, as linking reads it (which sentences get prepared depends on it).
      for (let p = 0; p < seg.passageCount; p++) {
        const s0 = seg.passFirst[p]!;
        const s1 = seg.passFirst[p + 1]!;
        const from = ptr;
        while (ptr < tokTo && tok.starts[ptr]! < seg.sentEnds[s1 - 1]!) ptr++;
        named = this.speakers.lastNamedIn(this.readPassage(seg, s0, s1, tok, from, ptr), tok) ?? named;
      }
      return named;
    });
  }

  /** Analyzes sentences [s0, s1) of `seg` and works out quotes and own speakers where they matter. */
  private readPassage(
    seg: Segmentation,
    s0: number,
    s1: number,
    tok: TokenView,
    tokFrom: number,
    tokTo: number,
    planned?: readonly (readonly number[] | undefined)[],
  ): SentenceResult[] {
    const results: SentenceResult[] = [];
    const starts = tok.starts; // read once: `tok` is a view of one of several classes
    let ptr = tokFrom;
    for (let s = s0; s < s1; s++) {
      const start = seg.sentStarts[s]!;
      const end = seg.sentEnds[s]!;
      while (ptr < tokTo && starts[ptr]! < start) ptr++;
      const from = ptr;
      while (ptr < tokTo && starts[ptr]! < end) ptr++;
      const block = seg.sentBlocks[s]!;
      results.push(
        isLinkLine(this.text, start)
          ? emptySentence(from, ptr, start, end, block)
          : this.analyzeSentence(tok, from, ptr, start, end, block, undefined, planned?.[s]),
      );
    }
    // Quotes and speakers only where they can matter: sentences naming an actor (antecedents
    // for "he") and every sentence of a block that states a claim.
    // A passage is one block or part of one, so "busy blocks" is a short list.
    const busyBlocks: number[] = [];
    for (const r of results)
      if (r.candidates.length > 0 && !busyBlocks.includes(r.block)) busyBlocks.push(r.block);
    for (const r of results) if (r.named || busyBlocks.includes(r.block)) this.prepare(r, tok);
    return results;
  }

  /**
   * Finds the claims and speakers of one sentence (token range [from, to)). `planned`, when
   * given, is the sentence's phrase hits, found by the caller's search of its block (the block
   * plan in index.ts): the same hits in the same order as a search of the sentence. The caller
   * then also vouches that no printed text shares enough shingles with the block
   * (`enoughShingles`) to be aligned, so none does with the sentence either (counts only grow
   * from sentence to block), and the text scan, which returns only such texts, is skipped.
   */
  analyzeSentence(
    tok: TokenView,
    from: number,
    to: number,
    start: number,
    end: number,
    block: number,
    partials?: Map<number, PartialEvidence>,
    planned?: readonly number[],
  ): SentenceResult {
    const ix = this.ix;
    // The sentence's phrase hits (pid, start, end triples), chained by phrase through `next`.
    const sc = this.sc;
    const gen = ++sc.generation;
    let hits: readonly number[];
    let textMatches: readonly TextMatch[];
    if (planned !== undefined) {
      hits = this.hits = planned;
      textMatches = NO_TEXT_MATCHES;
    } else {
      // A new list per sentence: emptying the last one (length = 0) is a runtime call that
      // drops its storage all the same.
      const found: number[] = (this.hits = []);
      ix.linkPhrases.scanInto(tok.ids, tok.breaks, from, to, found);
      hits = found;
      const textLimit = partials === undefined ? MAX_EVALUATED : Infinity;
      // Below this coverage a printed text is neither an exact nor a near quote (rank wants all).
      const minCoverage = partials === undefined ? Math.min(EXACT_COVERAGE, NEAR_COVERAGE) : 0;
      textMatches = sc.scanner.scan(tok.ids, from, to, textLimit, minCoverage);
    }
    // Most sentences of a long page share no phrase and no printed text with the dataset.
    if (hits.length === 0 && textMatches.length === 0) return emptySentence(from, to, start, end, block);
    if (sc.next.length < hits.length / 3) sc.next = new Int32Array(hits.length);
    const next = sc.next;
    let subjects = NO_SUBJECTS; // a list of its own once the sentence names someone
    const touched = sc.touched;
    touched.clear();
    const seen = sc.seen;
    const masks = sc.masks;
    const { factAt, factCodes, gateAt, gateClaims } = sc;
    const { vetoClaimAt, vetoClaims } = ix;
    for (let h = 0; h < hits.length; h += 3) {
      const pid = hits[h]!;
      if (sc.phraseSeen[pid] !== gen) {
        sc.phraseSeen[pid] = gen;
        next[h / 3] = -1;
      } else next[h / 3] = sc.phraseFirst[pid]!;
      sc.phraseFirst[pid] = h;
      // Claims are looked at only when one of their gate facts shows (rank looks at all).
      if (partials === undefined) {
        for (let k = gateAt[pid]!, end = gateAt[pid + 1]!; k < end; k++) {
          const claim = gateClaims[k]!;
          if (seen[claim] !== gen) {
            seen[claim] = gen;
            masks[claim] = 0;
            touched.push(claim);
          }
        }
      } else {
        for (let k = factAt[pid]!, end = factAt[pid + 1]!; k < end; k++) {
          const claim = factCodes[k]! >>> 5;
          if (seen[claim] !== gen) {
            seen[claim] = gen;
            masks[claim] = 0;
            touched.push(claim);
          }
        }
      }
      for (let k = vetoClaimAt[pid]!, end = vetoClaimAt[pid + 1]!; k < end; k++)
        sc.vetoed[vetoClaims[k]!] = gen;
      const speakers = ix.phraseSubjects[pid];
      if (speakers !== undefined) {
        if (subjects === NO_SUBJECTS) subjects = [];
        for (const sp of speakers) {
          subjects.push({ start: hits[h + 1]!, end: hits[h + 2]!, actor: sp.actor, anaphoric: sp.anaphoric });
        }
      }
    }
    // The facts of each touched claim present here, from the owners of each distinct phrase
    // found (its first hit ends its chain). A sentence holds a handful of distinct phrases, while
    // thousands of claims can be touched: walking the claims' own phrase lists instead costs a
    // few times more, in scattered reads.
    for (let h = 0; h < hits.length; h += 3) {
      if (next[h / 3] !== -1) continue;
      const pid = hits[h]!;
      const k0 = factAt[pid]!;
      const k1 = factAt[pid + 1]!;
      if (k0 === k1) continue;
      const dense = ix.phraseDense[pid];
      if (dense !== undefined && touched.size < k1 - k0) {
        for (let t = 0; t < touched.size; t++) masks[touched.data[t]!]! |= dense[touched.data[t]!]!;
        continue;
      }
      for (let k = k0; k < k1; k++) {
        const code = factCodes[k]!;
        const claim = code >>> 5;
        if (seen[claim] === gen) masks[claim]! |= 1 << (code & 31);
      }
    }
    const pass = sc.passing;
    pass.clear();
    for (let t = 0; t < touched.size; t++) {
      const claim = touched.data[t]!;
      if (partials === undefined) {
        if (!enoughFacts(ix, claim, masks[claim]!) || sc.vetoed[claim] === gen) continue;
      }
      pass.push(claim);
    }
    // Thousands of near-duplicate claims can pass in one sentence; only a few can be linked, so
    // place only the likeliest (by the share of their fact weight present).
    const passing = partials === undefined && pass.size > MAX_EVALUATED ? this.likeliest(pass) : pass;
    const vetoed = sc.vetoed;

    // The sentence's candidates in the order first made, one per claim (`candAt` finds a
    // claim's where `candGen` holds this generation): a Map per sentence, without the Map.
    const cands: Candidate[] = [];
    const candGen = sc.candGen;
    const candAt = sc.candAt;
    const candidateOf = (ci: number): Candidate | undefined =>
      candGen[ci] === gen ? cands[candAt[ci]!] : undefined;
    const setCandidate = (ci: number, c: Candidate): void => {
      if (candGen[ci] === gen) cands[candAt[ci]!] = c;
      else {
        candGen[ci] = gen;
        candAt[ci] = cands.length;
        cands.push(c);
      }
    };

    // 1. Printed texts: exact and near quotes.
    const extras: Candidate[] = []; // a claim's further quotations, apart from its candidate's
    for (const tm of textMatches) {
      const t = ix.texts[tm.id]!;
      const exact = tm.coverage >= EXACT_COVERAGE && tm.density >= EXACT_DENSITY;
      const near =
        tm.coverage >= NEAR_COVERAGE &&
        tm.density >= NEAR_DENSITY &&
        (t.ids.length >= SHORT_TEXT || tm.coverage >= 0.9);
      // Each owner claim once (a stamp per claim and printed text, not a Set per text).
      const stamp = ++sc.ownerStamp;
      for (const owner of t.owners) {
        if (sc.ownerSeen[owner.claim] === stamp) continue;
        sc.ownerSeen[owner.claim] = stamp;
        if (partials !== undefined) {
          const p = notePartial(partials, owner.claim);
          p.coverage = Math.max(p.coverage, tm.coverage);
        }
        // A veto word stops a near quote too ("We are aware of a shooting involving federal law
        // enforcement" is the city's post, not Frey's); only an exact repeat overrides it.
        if (!exact && (!near || vetoed[owner.claim] === gen)) continue;
        const score = exact
          ? EXACT + 0.03 * Math.min(tm.coverage, tm.density)
          : 0.6 + 0.35 * tm.coverage * tm.density;
        const made: Candidate = {
          claim: owner.claim,
          reason: exact ? 'exact-quote' : 'near-quote',
          score,
          from: tm.first,
          to: tm.last + 1,
          evidence: tm.matched,
          facts: [],
          text: {
            id: tm.id,
            coverage: tm.coverage,
            lcs: tm.lcs,
            length: t.ids.length,
            quoted: t.owners.some((o) => o.claim === owner.claim && o.quoted),
          },
        };
        const prev = candidateOf(owner.claim);
        // Two printed versions of one claim quoted side by side ("One outlet printed “We’re
        // demanding…”, while the wire version read “We are demanding…”") are two places.
        if (prev !== undefined && partials === undefined && (made.to <= prev.from || made.from >= prev.to)) {
          addApart(extras, made);
          continue;
        }
        if (prev !== undefined && prev.score >= score) continue;
        setCandidate(owner.claim, made);
      }
    }

    // 2. Key facts: a paraphrase when the required ones (and enough in all) are here. Returns
    // the candidate made or changed.
    const keyFacts = (ci: number): Candidate | undefined => {
      const info = ix.claims[ci]!;
      const cues = info.cues;
      const list = clusterFacts(info, this.factHits(ci, gen));
      let weight = 0;
      let required = 0;
      let alone = false;
      for (const h of list) {
        const f = cues.facts[h.fact]!;
        weight += f.weight;
        if (f.need) required++;
        if (f.alone) alone = true;
      }
      if (partials !== undefined) {
        const p = notePartial(partials, ci);
        if (weight > p.factWeight) {
          p.factWeight = weight;
          p.facts = list;
        }
        if (vetoed[ci] === gen) p.vetoed = true;
      }
      if (vetoed[ci] === gen) return undefined;
      if (!alone && (required < info.required || list.length < cues.min)) return undefined;
      const score = 0.5 + 0.35 * (info.totalWeight > 0 ? weight / info.totalWeight : 1);
      const evidence: number[] = [];
      let lo = to;
      let hi = from;
      for (const h of list) {
        lo = Math.min(lo, h.start);
        hi = Math.max(hi, h.end);
        for (let k = h.start; k < h.end; k++) evidence.push(k);
      }
      const prev = candidateOf(ci);
      if (prev !== undefined) {
        // A printed text matched too: keep its reason and span, add the facts' evidence.
        prev.facts = list;
        prev.score = Math.max(prev.score, score);
        this.mergeEvidence(prev.evidence, evidence, from, to);
        return prev;
      }
      const span = this.clauseSpan(tok, lo, hi, from, to);
      const made: Candidate = {
        claim: ci,
        reason: 'paraphrase',
        score,
        from: span.from,
        to: span.to,
        evidence,
        facts: list,
      };
      setCandidate(ci, made);
      return made;
    };
    if (partials !== undefined) for (let k = 0; k < passing.size; k++) keyFacts(passing.data[k]!);
    else {
      // Past MAX_CLAIMS_PER_SENTENCE candidates only the best are kept (the cut below), so a
      // claim that can no longer outrank the last of the best is not placed. Scores only grow and
      // candidates only come, so the best so far can only get better: skipping stays right.
      let best: Candidate[] | undefined;
      for (let k = 0; k < passing.size; k++) {
        const ci = passing.data[k]!;
        if (cands.length > MAX_CLAIMS_PER_SENTENCE) {
          if (best === undefined) {
            best = [];
            for (const c of cands) offerBest(best, c);
          }
          if (this.outranked(ci, candidateOf(ci), best)) continue;
        }
        const changed = keyFacts(ci);
        if (changed !== undefined && best !== undefined) offerBest(best, changed);
      }
    }

    // A claim's further quotations, unless the facts' span of the claim already covers them.
    for (const x of extras) {
      const main = candidateOf(x.claim)!;
      if (x.to <= main.from || x.from >= main.to) cands.push(x);
    }

    // A sentence states a handful of claims at most; past that, near-duplicate claims compete
    // and only the best are credible (and the page's cost stays bounded for huge datasets).
    let candidates = cands;
    if (candidates.length > MAX_CLAIMS_PER_SENTENCE && partials === undefined) {
      candidates.sort((a, b) => b.score - a.score || a.claim - b.claim);
      candidates = candidates.slice(0, MAX_CLAIMS_PER_SENTENCE);
    }
    return {
      from,
      to,
      start,
      end,
      block,
      candidates,
      subjects,
      inQuote: EMPTY,
      quoted: false,
      prepared: false,
      hasClaims: candidates.length > 0,
      named: subjects.some((h) => h.actor !== undefined),
    };
  }

  /**
   * The places of each fact of `claim` found in the sentence last scanned (generation `gen`), in
   * fact order: its phrases in cue order, each phrase's hits latest first.
   */
  private factHits(claim: number, gen: number): FactHits[] {
    const ix = this.ix;
    const hits = this.hits;
    const sc = this.sc;
    const next = sc.next;
    const mask = sc.masks[claim]!;
    const base = ix.factStart[claim]!;
    const found: FactHits[] = [];
    for (let fi = 0; fi < ix.factStart[claim + 1]! - base; fi++) {
      if ((mask & (1 << fi)) === 0) continue;
      const list: Hit[] = [];
      for (let k = ix.factPhraseStart[base + fi]!; k < ix.factPhraseStart[base + fi + 1]!; k++) {
        const pid = ix.factPhraseIds[k]!;
        if (sc.phraseSeen[pid] !== gen) continue;
        for (let h = sc.phraseFirst[pid]!; h >= 0; h = next[h / 3]!) addHit(list, hits[h + 1]!, hits[h + 2]!);
      }
      found.push({ fact: fi, hits: sortByStart(list) });
    }
    return found;
  }

  /**
   * Can claim `ci` no longer enter `best` (the first MAX_CLAIMS_PER_SENTENCE candidates in cut
   * order: score, then lower claim), whatever its facts give? Its paraphrase score is
   * 0.5 + 0.35 * (weight of its clustered facts / total), and those facts are some of the ones
   * in its mask: so at most 0.5 + 0.35 * factShare. That bound is exact, ties included, when the
   * claim's weights add up exactly in any order; otherwise it gets a margin and a tie never
   * skips. A printed-text candidate `prev` of the claim must be out of the best too, and its
   * evidence its own (placing the facts adds to the evidence array of every owner of its text).
   */
  private outranked(ci: number, prev: Candidate | undefined, best: readonly Candidate[]): boolean {
    const ix = this.ix;
    const cut = best[MAX_CLAIMS_PER_SENTENCE - 1];
    if (cut === undefined || !(ix.totalWeight[ci]! > 0)) return false;
    if (prev !== undefined) {
      if (best.includes(prev) || prev.text === undefined) return false;
      if (ix.texts[prev.text.id]!.owners.some((o) => o.claim !== ci)) return false;
    }
    const bound = 0.5 + 0.35 * factShare(ix, ci, this.sc.masks[ci]!);
    if (ix.exactWeights[ci] === 1) return !ranksBefore(bound, ci, cut);
    return bound + 1e-9 < cut.score;
  }

  /**
   * Appends to `evidence` each token of `more` it lacks, in order (tokens of the sentence
   * [from, to)): a stamp per token instead of a search of the list per token.
   */
  private mergeEvidence(evidence: number[], more: readonly number[], from: number, to: number): void {
    const sc = this.sc;
    if (sc.evidenceMarks.length < to - from) sc.evidenceMarks = new Uint32Array(to - from);
    const marks = sc.evidenceMarks;
    const stamp = ++sc.evidenceStamp;
    for (let e = 0; e < evidence.length; e++) marks[evidence[e]! - from] = stamp;
    for (let e = 0; e < more.length; e++) {
      const k = more[e]!;
      if (marks[k - from] === stamp) continue;
      marks[k - from] = stamp;
      evidence.push(k);
    }
  }

  /**
   * The MAX_EVALUATED claims of `passing` with the largest share of their fact weight present
   * (ties: lower claim first), in that order: the head of a full sort, kept by insertion, as
   * most claims lose to the last one kept at once. Their fact masks are in `masks`.
   */
  private likeliest(passing: IntList): IntList {
    const ix = this.ix;
    const { estimates: est, likely, masks } = this.sc;
    likely.clear();
    for (let p = 0; p < passing.size; p++) {
      const claim = passing.data[p]!;
      est[claim] = factShare(ix, claim, masks[claim]!);
      likely.offerTop(claim, MAX_EVALUATED, est);
    }
    return likely;
  }

  /** Works out quotation marks and the sentence's own speaker (only where it can matter). */
  private prepare(r: SentenceResult, tok: TokenView): void {
    if (r.prepared) return;
    r.prepared = true;
    const n = r.to - r.from;
    const regions = this.blockRegions(r.block);
    if (regions.length === 0) {
      // Most blocks have no quotation marks: their sentences share a list of zeros.
      r.inQuote = noneQuoted(n);
      r.quoted = false;
    } else {
      const at = this.carve(n); // first: it may start a new arena
      const inQuote = new Uint8Array(this.arena!, at, n);
      let quotedCount = 0;
      for (let k = r.from; k < r.to; k++) {
        if (inRegions(regions, tok.starts[k]!)) {
          inQuote[k - r.from] = 1;
          quotedCount++;
        }
      }
      r.inQuote = inQuote;
      r.quoted = n > 0 && quotedCount * 2 >= n;
    }
    if (r.subjects.length > 0) r.own = ownAttribution(this.text, tok, r, this.ix.wordKinds);
  }

  private blockRegions(block: number): number[] {
    if (block !== this.regionsBlock) {
      this.regionsBlock = block;
      this.regions = quoteRegions(this.text, this.seg.blockStarts[block]!, this.seg.blockEnds[block]!);
    }
    return this.regions;
  }

  /** Widens a token span to the clause around it (commas, dashes, quotes, "when", "during"…). */
  private clauseSpan(
    tok: TokenView,
    lo: number,
    hi: number,
    from: number,
    to: number,
  ): { from: number; to: number } {
    let left = lo;
    while (left > from && !this.boundaryBefore(tok, left)) left--;
    if (left < lo && this.clauseWord(tok, left)) left++;
    let right = hi;
    while (right < to && !this.boundaryBefore(tok, right)) right++;
    if (right - left >= WHOLE_SENTENCE * (to - from)) return { from, to };
    return { from: left, to: right };
  }

  /** Is token j a word that opens a clause ("when", "which")? */
  private clauseWord(tok: TokenView, j: number): boolean {
    if (!mayBe(tok.ids, this.ix.wordKinds, j, KIND_CLAUSE)) return false;
    const w = tok.word(j)!;
    return fits(CLAUSE_SHAPE, w) && CLAUSE_WORDS.has(w);
  }

  /** Does a new clause start at token j? */
  private boundaryBefore(tok: TokenView, j: number): boolean {
    if (this.clauseWord(tok, j)) return true;
    const a = tok.ends[j - 1]!;
    const b = tok.starts[j]!;
    for (let k = a; k < b; k++) {
      const c = this.text.charCodeAt(k);
      if (isClausePunct(c)) return true;
      if (c === 0x2d && k > a && k + 1 < b) return true; // " - " used as a dash
    }
    return false;
  }

  /**
   * Sentence r's tokens, copied so a card does not keep the page's token arrays alive; made once
   * per sentence (its matches come one after another) for all the direct quotes in it.
   */
  private sentenceTokens(r: SentenceResult, tok: TokenView): SentenceTokens {
    if (this.tokensOf !== r || this.tokensCopy === undefined) {
      this.tokensOf = r;
      // The offsets and ids go into views of a shared buffer: a typed array of its own per
      // sentence costs a separate backing store each (most sentences are too long to sit in
      // the heap), where a view is one small object.
      const n = r.to - r.from;
      const at = this.carve(12 * n);
      const arena = this.arena!;
      const starts = new Uint32Array(arena, at, n);
      const ends = new Uint32Array(arena, at + 4 * n, n);
      const ids = new Int32Array(arena, at + 8 * n, n);
      for (let k = 0; k < n; k++) {
        starts[k] = tok.starts[r.from + k]!;
        ends[k] = tok.ends[r.from + k]!;
        ids[k] = tok.ids[r.from + k]!;
      }
      const words = new Array<string>(n);
      for (let k = 0; k < n; k++) words[k] = tok.word(r.from + k)!;
      this.tokensCopy = { words, starts, ends, ids };
    }
    return this.tokensCopy;
  }

  /** Sentence r's tokens that may be hedge words, found once for all the matches in it. */
  private hedgeLooks(r: SentenceResult, tok: TokenView): number[] {
    if (this.looksOf !== r) {
      this.looksOf = r;
      this.looks = hedgeLooks(tok, r.from, r.to, tok.ids, this.ix.wordKinds);
    }
    return this.looks;
  }

  /**
   * Takes `bytes` (rounded up to a multiple of 4) of zeros from `arena`, starting a new buffer
   * when it is full; returns their offset. Per-sentence arrays that outlive the page's tokens
   * (quote marks, copied tokens for cards) are views into it: one small object each instead of
   * a typed array with a backing store of its own.
   */
  private carve(bytes: number): number {
    const size = (bytes + 3) & ~3;
    if (this.arena === undefined || this.arenaUsed + size > this.arena.byteLength) {
      this.arena = new ArrayBuffer(Math.max(ARENA_BYTES, size));
      this.arenaUsed = 0;
    }
    const at = this.arenaUsed;
    this.arenaUsed += size;
    return at;
  }

  /** Builds the public match: span, carriage, detail and quote comparisons. */
  private toMatch(c: Candidate, r: SentenceResult, tok: TokenView): ClaimMatch {
    const info = this.ix.claims[c.claim]!;
    const whole = c.to - c.from >= WHOLE_SENTENCE * (r.to - r.from);
    let start = whole ? r.start : tok.starts[c.from]!;
    let end = whole ? r.end : tok.ends[c.to - 1]!;
    if (start >= end) {
      start = r.start;
      end = r.end;
    }
    const own = r.own;
    const kinds = this.ix.wordKinds;
    const ids = tok.ids;
    const inQuote = r.inQuote;
    const rFrom = r.from;
    // The speaker's own words (and verb) are not content; -1 matches no token.
    const ownStart = own !== undefined ? own.start : -1;
    const ownEnd = own !== undefined ? own.end : -1;
    const ownVerb = own !== undefined ? own.verb : -1;
    const evidence = c.evidence;
    let quoted = 0;
    let firstEvidence = evidence.length > 0 ? Infinity : c.from;
    for (let e = 0; e < evidence.length; e++) {
      const k = evidence[e]!;
      if (k < firstEvidence) firstEvidence = k;
      if (inQuote[k - rFrom]) quoted++;
    }
    // Inside quotation marks, or the speaker's printed words reproduced whole (a post, a
    // transcript read aloud): either way the page gives the words as the speaker's. Facts count
    // one each: "“Shame! Shame! Shame!” rang out" quotes the claim's key fact.
    const verbatim =
      c.text !== undefined &&
      c.text.quoted &&
      c.text.length >= VERBATIM_WORDS &&
      c.text.coverage >= VERBATIM &&
      c.reason !== 'paraphrase';
    const facts = c.facts;
    let quotedFacts = 0;
    for (let f = 0; f < facts.length; f++) if (inQuote[facts[f]!.start - rFrom] === 1) quotedFacts++;
    const directQuote =
      quoted >= 3 ||
      (quoted > 0 && quoted * 2 >= evidence.length) ||
      (quotedFacts > 0 && quotedFacts * 2 >= facts.length) ||
      verbatim;
    // A direct quote with two content words outside the marks (not the speaker's own words or
    // verb) also paraphrases; only a direct quote asks, and two such words answer it.
    let unquotedContent = 0;
    for (let e = 0; directQuote && e < evidence.length && unquotedContent < 2; e++) {
      const k = evidence[e]!;
      if (
        !inQuote[k - rFrom] &&
        !((k >= ownStart && k < ownEnd) || k === ownVerb) &&
        !(ids[k]! >= 0 && (kinds[ids[k]!]! & KIND_STOP) !== 0)
      )
        unquotedContent++;
    }
    const hedges = hedgesAt(
      tok,
      this.hedgeLooks(r, tok),
      inQuote,
      rFrom,
      c.from,
      c.to,
      rFrom,
      r.to,
      firstEvidence,
    );
    // A claim about the speaker ("far-left … Mayor Jacob Frey criticized") is not their
    // statement: every fact sits in or just before the speaker's name, before the verb, and
    // outside quotation marks (a quote that ends right before its speaker, "“…fired defensive
    // shots,” McLaughlin said", is the speaker's statement).
    const ownUsed = own !== undefined && r.resolved === own.who;
    let aboutSpeaker = ownUsed && facts.length > 0;
    for (let f = 0; f < facts.length && aboutSpeaker; f++) {
      const h = facts[f]!;
      aboutSpeaker =
        h.end <= ownEnd && h.start >= ownStart - 4 && h.end <= ownVerb && inQuote[h.start - rFrom] !== 1;
    }
    const beforeWhat = ownUsed && own.afterOnly && c.from < own.verb;
    const attribution = aboutSpeaker || beforeWhat ? undefined : r.resolved;
    const form = !directQuote ? 0 : unquotedContent >= 2 ? 2 : 1;
    const sourcing = (attribution !== undefined ? 1 : 0) | (hedges.length > 0 ? 2 : 0);
    const carried = CARRIED[form * 4 + sourcing]!.slice();
    const bySource = attribution?.actorId !== undefined && info.asserters.has(attribution.actorId);
    const score = Math.min(1, c.score + (bySource ? SOURCE_BONUS : 0));
    // The readable detail and the quote diffs are what a card shows when a reader opens it; a
    // page is linked without them, so they are worked out on first read (from a few offsets and
    // the sentence's own tokens: the page's token arrays are not kept alive for them); see
    // LinkedMatch.
    const reason = c.reason;
    const quote =
      directQuote && info.variants.length > 0
        ? sentenceQuote(this.text, this.sentenceTokens(r, tok), r, c)
        : undefined;
    const match = new LinkedMatch(
      this.page,
      c.claim,
      start,
      end,
      Math.round(score * 1000) / 1000,
      reason,
      carried,
      hedges,
      reason !== 'paraphrase' ? c.text : undefined,
      factSpans(facts, tok),
      attribution,
      bySource,
      quote,
    );
    if (attribution !== undefined) {
      match.attributedTo =
        attribution.actorId !== undefined
          ? { text: attribution.text, actorId: attribution.actorId }
          : { text: attribution.text };
    }
    return match;
  }
}

/**
 * Every `carried` list a match can have, at [form * 4 + sourcing]: form 0 a paraphrase, 1 a
 * direct quote, 2 a direct quote that also paraphrases (two content words outside the marks);
 * sourcing bit 1 attributed, bit 2 hedged, neither stated as fact. A match gets a copy: one
 * allocation of the exact size, where a literal grown by pushes takes a second, larger one.
 */
const CARRIED: readonly (readonly Carried[])[] = (() => {
  const forms: Carried[][] = [['paraphrase'], ['direct-quote'], ['direct-quote', 'paraphrase']];
  const lists: Carried[][] = [];
  for (const form of forms) {
    for (let sourcing = 0; sourcing < 4; sourcing++) {
      const list = [...form];
      if ((sourcing & 1) !== 0) list.push('attributed');
      if ((sourcing & 2) !== 0) list.push('hedged');
      if (sourcing === 0) list.push('stated-as-fact');
      lists.push(list);
    }
  }
  return lists;
})();

/** What every card of a page is worked out from, besides each match's own fields. */
interface CardPage {
  ix: MatcherIndex;
  text: string;
  /** Quote diffs by claim, printed version and the page's words (see `compareQuote`). */
  diffs: Map<string, DiffOp[]>;
}

/**
 * A linked claim as the engine hands it on: a plain-looking object whose `detail` and
 * `quoteComparisons` are own enumerable accessors, worked out on first read (JSON, spreads,
 * structured clone and extension messaging all read the values). The accessors are defined with
 * one shared pair of functions and the state sits in private fields: a literal with its own
 * getter closures costs several times more to make and leaves every match in slow dictionary
 * mode, as each object would need its own accessor pair.
 */
class LinkedMatch {
  declare claimId: string;
  declare start: number;
  declare end: number;
  declare text: string;
  declare score: number;
  declare reason: MatchReason;
  declare detail: string;
  declare carried: Carried[];
  declare hedges: string[];
  declare quoteComparisons: QuoteComparison[];
  declare attributedTo?: { text: string; actorId?: string };
  // What the card fields are worked out from (the page's few offsets and the sentence's own
  // tokens: the page's token arrays are not kept alive for them).
  #page: CardPage;
  #claim: number;
  #printed: Candidate['text'];
  /** (fact, start offset, end offset) triples (see `factSpans`). */
  #facts: number[];
  #attribution: Attribution | undefined;
  #bySource: boolean;
  /** The sentence's quoted words, for a direct quote of a claim with printed versions. */
  #quote: SentenceQuote | undefined;
  #detail: string | undefined = undefined;
  #comparisons: QuoteComparison[] | undefined = undefined;

  static readonly #DETAIL: PropertyDescriptor = {
    get(this: LinkedMatch): string {
      const p = this.#page;
      return (this.#detail ??= detailText(
        p.ix,
        p.ix.claims[this.#claim]!,
        p.text,
        this.#printed,
        this.reason,
        this.#facts,
        this.#attribution,
        this.#bySource,
      ));
    },
    set(this: LinkedMatch, value: string) {
      this.#detail = value;
    },
    enumerable: true,
    configurable: true,
  };

  static readonly #COMPARISONS: PropertyDescriptor = {
    get(this: LinkedMatch): QuoteComparison[] {
      const p = this.#page;
      const quote = this.#quote;
      return (this.#comparisons ??=
        quote === undefined ? [] : compareQuote(p.ix.claims[this.#claim]!, this.#claim, quote, p.diffs));
    },
    set(this: LinkedMatch, value: QuoteComparison[]) {
      this.#comparisons = value;
    },
    enumerable: true,
    configurable: true,
  };

  constructor(
    page: CardPage,
    claim: number,
    start: number,
    end: number,
    score: number,
    reason: MatchReason,
    carried: Carried[],
    hedges: string[],
    printed: Candidate['text'],
    facts: number[],
    attribution: Attribution | undefined,
    bySource: boolean,
    quote: SentenceQuote | undefined,
  ) {
    this.#page = page;
    this.#claim = claim;
    this.#printed = printed;
    this.#facts = facts;
    this.#attribution = attribution;
    this.#bySource = bySource;
    this.#quote = quote;
    // In the order of the fields of ClaimMatch, as before (JSON and Object.keys show it).
    this.claimId = page.ix.claims[claim]!.claim.id;
    this.start = start;
    this.end = end;
    this.text = page.text.slice(start, end);
    this.score = score;
    this.reason = reason;
    Object.defineProperty(this, 'detail', LinkedMatch.#DETAIL);
    this.carried = carried;
    this.hedges = hedges;
    // Without a direct quote there is nothing to compare: a plain value then, as the accessor
    // would give (an accessor costs a runtime call per match, and most matches have no quote).
    if (quote === undefined) this.quoteComparisons = [];
    else Object.defineProperty(this, 'quoteComparisons', LinkedMatch.#COMPARISONS);
  }
}

/**
 * "RELATED: Governor criticizes federal surge", "READ MORE | …", "WATCH: …": a link to another
 * story, whose headline states nothing on this page. Each label opens with two letters, from
 * which `LINK_LINE_OPENINGS` is made.
 */
const LINK_LABELS = [
  'related(?:[ \\t]+(?:stories|story|coverage|content|articles?|links?|reading|video))?',
  'read[ \\t]+(?:more|next|also)',
  'also[ \\t]+read',
  'see[ \\t]+also',
  'more[ \\t]+(?:coverage|on[ \\t]+this(?:[ \\t]+story)?)',
  'watch(?:[ \\t]+(?:now|live|more))?',
  'listen',
  'in[ \\t]+case[ \\t]+you[ \\t]+missed[ \\t]+it',
  'up[ \\t]+next',
  'recommended',
  'trending',
  'top[ \\t]+stories',
  'more',
];

const LINK_LINE = new RegExp(`(?:${LINK_LABELS.join('|')})[ \\t]*[:|]`, 'iy');

/**
 * The first two letters that a LINK_LINE label can open with, as a bit per second letter under
 * each first letter (a-z). Most sentences open otherwise ("The", "He", "Frey"): two charCode
 * reads rule them out, where even a failing sticky regex costs a call into the regex engine per
 * sentence. (Under /i without /u no non-ASCII character matches an ASCII letter, so folding
 * ASCII case is enough.)
 */
const LINK_LINE_OPENINGS = (() => {
  const second = new Uint32Array(26);
  for (const label of LINK_LABELS) second[label.charCodeAt(0) - 97]! |= 1 << (label.charCodeAt(1) - 97);
  return second;
})();

/** Does the sentence at `start` open with a related-link label? */
function isLinkLine(text: string, start: number): boolean {
  // | 0x20 lower-cases an ASCII letter and leaves every other character outside a-z.
  const a = (text.charCodeAt(start) | 0x20) - 97;
  const b = (text.charCodeAt(start + 1) | 0x20) - 97;
  if (a < 0 || a > 25 || b < 0 || b > 25 || (LINK_LINE_OPENINGS[a]! & (1 << b)) === 0) return false;
  LINK_LINE.lastIndex = start;
  return LINK_LINE.test(text);
}

/**
 * Lists of zeros by length: the `inQuote` of sentences in blocks without quotation marks (most
 * prepared sentences), shared, as nothing writes to an `inQuote` once `prepare` made it; each
 * would otherwise take a view of the arena of its own.
 */
const ZEROS: Uint8Array[] = [];

/** An `inQuote` of `n` tokens none of which is quoted (shared: never to be written to). */
function noneQuoted(n: number): Uint8Array {
  // Longer sentences are rare, and a sparse list of them would be slow.
  if (n > 512) return new Uint8Array(n);
  return (ZEROS[n] ??= new Uint8Array(n));
}

/** A sentence with no phrase and no printed text of the dataset: no claims, no speakers. */
function emptySentence(from: number, to: number, start: number, end: number, block: number): SentenceResult {
  return {
    from,
    to,
    start,
    end,
    block,
    candidates: NO_CANDIDATES,
    subjects: NO_SUBJECTS,
    inQuote: EMPTY,
    quoted: false,
    prepared: false,
    hasClaims: false,
    named: false,
  };
}

/**
 * Appends `m` to out[first..], kept by start and then by falling score, equals in the order
 * they come (as a stable sort): a sentence's few matches, where a sort with a comparator costs
 * a call per comparison.
 */
function insertInOrder(out: ClaimMatch[], first: number, m: ClaimMatch): void {
  let j = out.length;
  out.push(m);
  for (; j > first; j--) {
    const o = out[j - 1]!;
    if (o.start < m.start || (o.start === m.start && o.score >= m.score)) break;
    out[j] = o;
  }
  out[j] = m;
}

/** Does (score, claim) come before candidate `c` in the order a sentence's candidates are cut in? */
function ranksBefore(score: number, claim: number, c: Candidate): boolean {
  return score > c.score || (score === c.score && claim < c.claim);
}

/**
 * Keeps `best` the first MAX_CLAIMS_PER_SENTENCE candidates in cut order, after `c` was added
 * or its score raised (scores only grow, so no other candidate can come in).
 */
function offerBest(best: Candidate[], c: Candidate): void {
  const at = best.indexOf(c);
  if (at >= 0) best.splice(at, 1);
  else if (best.length === MAX_CLAIMS_PER_SENTENCE) {
    if (!ranksBefore(c.score, c.claim, best[MAX_CLAIMS_PER_SENTENCE - 1]!)) return;
    best.pop();
  }
  let j = best.length;
  best.push(c);
  for (; j > 0 && ranksBefore(c.score, c.claim, best[j - 1]!); j--) best[j] = best[j - 1]!;
  best[j] = c;
}

/** Adds a further quotation of a claim, keeping the better of two that overlap. */
function addApart(extras: Candidate[], c: Candidate): void {
  for (let k = 0; k < extras.length; k++) {
    const x = extras[k]!;
    if (x.claim !== c.claim || c.to <= x.from || c.from >= x.to) continue;
    if (c.score > x.score) extras[k] = c;
    return;
  }
  extras.push(c);
}

/** Share of a claim's fact weight whose bits are set in `mask`. */
function factShare(ix: MatcherIndex, claim: number, mask: number): number {
  const base = ix.factStart[claim]!;
  const n = ix.factStart[claim + 1]! - base;
  let w = 0;
  // In fact order, as the claim's own weight sums: the same floats, so the same ties.
  for (let fi = 0; fi < n; fi++) if ((mask & (1 << fi)) !== 0) w += ix.factWeight[base + fi]!;
  const total = ix.totalWeight[claim]!;
  return total > 0 ? w / total : 0;
}

function notePartial(partials: Map<number, PartialEvidence>, claim: number): PartialEvidence {
  let p = partials.get(claim);
  if (p === undefined) partials.set(claim, (p = { factWeight: 0, facts: [], coverage: 0, vetoed: false }));
  return p;
}

/** Says which facts matched, in the page's words: "Key facts: vehicle (“car”). Numbers: 1,300%." */
export function describeFacts(info: ClaimInfo, facts: FactHit[], text: string, tok: TokenView): string {
  return describeFactSpans(info, factSpans(facts, tok), text);
}

/** Fact hits as (fact, start offset, end offset) triples: all a detail needs of the page's tokens. */
function factSpans(facts: readonly FactHit[], tok: TokenView): number[] {
  if (facts.length === 0) return [];
  // Made to size: pushes would grow it to 17 slots.
  const spans = new Array<number>(3 * facts.length);
  for (let f = 0; f < facts.length; f++) {
    const h = facts[f]!;
    spans[3 * f] = h.fact;
    spans[3 * f + 1] = tok.starts[h.start]!;
    spans[3 * f + 2] = tok.ends[h.end - 1]!;
  }
  return spans;
}

/** `describeFacts` from (fact, start, end) triples. */
function describeFactSpans(info: ClaimInfo, spans: readonly number[], text: string): string {
  if (spans.length === 0) return '';
  const groups: Record<'term' | 'number' | 'name', string[]> = { term: [], number: [], name: [] };
  for (let k = 0; k < spans.length; k += 3) {
    const f = info.cues.facts[spans[k]!]!;
    const words = text.slice(spans[k + 1]!, spans[k + 2]!);
    groups[f.kind].push(
      f.kind === 'term' && words.toLowerCase() !== f.name.toLowerCase() ? `${f.name} (“${words}”)` : words,
    );
  }
  const parts: string[] = [];
  if (groups.term.length > 0) parts.push(`Key facts: ${groups.term.join(', ')}`);
  if (groups.number.length > 0) parts.push(`Numbers: ${groups.number.join(', ')}`);
  if (groups.name.length > 0) parts.push(`Names: ${groups.name.join(', ')}`);
  return parts.join('. ');
}

/** A readable sentence on why the claim was linked. */
function detailText(
  ix: MatcherIndex,
  info: ClaimInfo,
  text: string,
  printed: Candidate['text'],
  reason: MatchReason,
  facts: readonly number[],
  attribution: Attribution | undefined,
  bySource: boolean,
): string {
  const parts: string[] = [];
  if (printed !== undefined) parts.push(textDetail(ix, printed, reason));
  const described = describeFactSpans(info, facts, text);
  if (described !== '') parts.push(described);
  if (parts.length === 0) parts.push('Matched the claim');
  if (attribution !== undefined) {
    const who =
      attribution.actorId !== undefined
        ? (ix.actorNames.get(attribution.actorId) ?? attribution.actorId)
        : undefined;
    const said =
      who !== undefined && who.toLowerCase() !== attribution.text.toLowerCase()
        ? `“${attribution.text}” (${who})`
        : `“${attribution.text}”`;
    parts.push(bySource ? `Attributed to ${said}, who asserted it` : `Attributed to ${said}`);
  }
  return parts.join('. ') + '.';
}

/** "Same words as The Associated Press's report (line 7)", "Close to the quote as printed by…". */
function textDetail(ix: MatcherIndex, t: NonNullable<Candidate['text']>, reason: MatchReason): string {
  const text = ix.texts[t.id]!;
  const outlet = (id: string): string => ix.outletNames.get(id) ?? id;
  const variantOutlets = unique(
    text.owners.filter((o) => o.source === 'variant').map((o) => outlet(o.outletId)),
  );
  const excerptOwners = text.owners.filter((o) => o.source === 'excerpt');
  const what =
    variantOutlets.length > 0
      ? `the quote as printed by ${listJoin(variantOutlets)}`
      : `${listJoin(unique(excerptOwners.map((o) => outlet(o.outletId))))}'s report${lineOf(ix, excerptOwners[0]?.reportId)}`;
  if (reason === 'exact-quote') return `Same words as ${what}`;
  return `Close to ${what} (${t.lcs} of ${t.length} words)`;
}

/** One sentence's tokens (copied, so the page's arrays can go) and where a quoted claim sits in it. */
interface SentenceQuote {
  text: string;
  tokens: { words: string[]; starts: Uint32Array; ends: Uint32Array; ids: Int32Array };
  inQuote: Uint8Array;
  /** The claim's token span, relative to the sentence. */
  from: number;
  to: number;
}

/** Copies of one sentence's tokens, shared by the direct quotes found in it. */
type SentenceTokens = SentenceQuote['tokens'];

function sentenceQuote(text: string, tokens: SentenceTokens, r: SentenceResult, c: Candidate): SentenceQuote {
  return {
    text,
    tokens,
    inQuote: r.inQuote,
    from: c.from - r.from,
    to: c.to - r.from,
  };
}

/** Word diffs between the page's quoted words and each outlet's printed version. */
function compareQuote(
  info: ClaimInfo,
  claim: number,
  q: SentenceQuote,
  cache: Map<string, DiffOp[]>,
): QuoteComparison[] {
  const n = q.tokens.ids.length;
  let qa = -1;
  let qb = -1;
  for (let k = q.from; k < q.to; k++) {
    if (!q.inQuote[k]) continue;
    if (qa < 0) qa = k;
    qb = k + 1;
  }
  // The whole quotation the matched words sit in: the match may cover only part of it (words
  // the page inserted, such as stray markup, split the alignment), and the rest is not missing.
  // Markup or stray quotation marks inside a quotation can split it into several regions, so
  // the sentence's other quoted words all count.
  let extra = false;
  if (qa >= 0) {
    for (let k = 0; k < n && !extra; k++) extra = (k < qa || k >= qb) && q.inQuote[k] === 1;
  } else {
    // No quotation marks (a post, a transcript): the matched words themselves are the quote.
    qa = q.from;
    qb = q.to;
  }
  // Pages repeat quotes (syndicated copies, live blogs): diff each distinct quote once.
  const diff = (vi: number, a: number, b: number, v: PrintedVariant): DiffOp[] => {
    const key = `${claim}|${vi}|${q.text.slice(q.tokens.starts[a]!, q.tokens.ends[b - 1]!)}`;
    let cached = cache.get(key);
    if (cached === undefined) {
      cached = diffWords({ text: q.text, tokens: q.tokens, from: a, to: b }, v.run);
      cache.set(key, cached);
    }
    return cached;
  };
  const best = new Map<string, { cmp: QuoteComparison; same: number }>();
  for (let vi = 0; vi < info.variants.length; vi++) {
    const v = info.variants[vi]!;
    // Reach as far into the quotation as this printed version's words go, no further: a
    // longer quotation holding other claims' words is not a difference from this one.
    let a = qa;
    let b = qb;
    // Only when words seem missing: the alignment costs a sentence × printed-words table.
    if (extra && diff(vi, qa, qb, v).some((o) => o.op === 'removed')) {
      for (const k of align(q.tokens.ids, 0, n, v.ids).matched) {
        if (q.inQuote[k] !== 1) continue;
        if (k < a) a = k;
        if (k + 1 > b) b = k + 1;
      }
    }
    if (b - a < 2) continue;
    const ops = diff(vi, a, b, v).map((o) => ({ ...o }));
    let same = 0;
    for (const op of ops) if (op.op === 'same') same += op.text.length;
    // An outlet with several printed fragments ("1,300%…", "8,000%…"): compare the closest.
    const prev = best.get(v.outletId);
    if (prev !== undefined && prev.same >= same) continue;
    best.set(v.outletId, {
      same,
      cmp: { outletId: v.outletId, printed: v.printed, identical: ops.every((o) => o.op === 'same'), ops },
    });
  }
  return [...best.values()].map((b) => b.cmp);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function listJoin(xs: string[]): string {
  if (xs.length <= 1) return xs[0] ?? 'an outlet';
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

function lineOf(ix: MatcherIndex, reportId: string | undefined): string {
  if (reportId === undefined) return '';
  const line = ix.reportLines.get(reportId);
  return line !== undefined ? ` (line ${line})` : '';
}
