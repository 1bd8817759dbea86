// Key facts of a claim in one sentence: which of its cue facts appear, taken from the most
// compact cluster of their occurrences so a claim is not pieced together from words scattered
// across a long sentence.

import type { ClaimInfo, MatcherIndex } from './build';
import { IntList } from './phrases';
import { oneSentenceAround } from './segment';

/** Token range of one phrase occurrence. */
export interface Hit {
  start: number;
  end: number;
}

/** A fact's chosen occurrence. */
export interface FactHit extends Hit {
  fact: number; // index into the claim's cues.facts
}

/** Occurrences kept per fact and sentence (enough to find a compact cluster). */
export const MAX_HITS_PER_FACT = 8;
/** How far (in words) an optional fact may lie from the required ones and still count. */
const OPTIONAL_REACH = 12;

/** Records one occurrence of a fact, keeping the longest phrase at one place ("1,300%" over "1,300"). */
export function addHit(list: Hit[], start: number, end: number): void {
  let same: Hit | undefined;
  for (let k = 0; k < list.length && same === undefined; k++) {
    const h = list[k]!;
    if (h.start === start || h.end === end) same = h;
  }
  if (same !== undefined) {
    if (end - start > same.end - same.start) {
      same.start = start;
      same.end = end;
    }
  } else if (list.length < MAX_HITS_PER_FACT) list.push({ start, end });
}

/**
 * Picks one occurrence per fact so that the facts sit close together, and drops optional facts
 * far from the rest ("killed" at the start of a long sentence is not the "to kill them" of a
 * clause at its end). Returns the chosen hits in reading order.
 */
export function clusterFacts(info: ClaimInfo, found: readonly FactHits[]): FactHit[] {
  const facts = info.cues.facts;
  // Anchor on a required fact with the fewest occurrences.
  let anchor: FactHits | undefined;
  let anchorRank = Infinity;
  for (const f of found) {
    const rank = (facts[f.fact]!.need ? 0 : 1000) + f.hits.length;
    if (rank < anchorRank) {
      anchorRank = rank;
      anchor = f;
    }
  }
  if (anchor === undefined) return [];
  const anchors = anchor.hits;
  // The tightest cluster (the first of equals), measured without building each one: claims are
  // placed by the thousand on a page when a dataset holds many near-copies.
  let bestAt = 0;
  if (anchors.length > 1) {
    let bestExtent = Infinity;
    for (let i = 0; i < anchors.length; i++) {
      const extent = cluster(found, facts, anchor, anchors[i]!);
      if (extent < bestExtent) {
        bestExtent = extent;
        bestAt = i;
      }
    }
  }
  const best: FactHit[] = [];
  if (anchors.length > 0) cluster(found, facts, anchor, anchors[bestAt]!, best);
  return sortByStart(best);
}

/** The occurrences of one of a claim's facts in a sentence (at least one). */
export interface FactHits {
  fact: number; // index into the claim's cues.facts
  hits: Hit[];
}

/**
 * The cluster around one occurrence `a` of the anchor fact: the occurrence of every other fact
 * nearest to it, optional ones only within OPTIONAL_REACH of the anchor and the required ones.
 * Returns its extent (smaller is tighter; more facts in the same width count as tighter) and,
 * when `out` is given, appends its hits: the anchor, the required facts, the optional ones
 * (each group in the order of `found`, read twice rather than split into two new lists).
 */
function cluster(
  found: readonly FactHits[],
  facts: ClaimInfo['cues']['facts'],
  anchor: FactHits,
  a: Hit,
  out?: FactHit[],
): number {
  const centre = (a.start + a.end) / 2;
  let lo = a.start;
  let hi = a.end;
  let count = 1;
  out?.push({ fact: anchor.fact, start: a.start, end: a.end });
  for (const f of found) {
    if (f === anchor || !facts[f.fact]!.need) continue;
    const near = nearest(f.hits, centre);
    out?.push({ fact: f.fact, start: near.start, end: near.end });
    lo = Math.min(lo, near.start);
    hi = Math.max(hi, near.end);
    count++;
  }
  let first = lo;
  let last = hi;
  for (const f of found) {
    if (f === anchor || facts[f.fact]!.need) continue;
    const near = nearest(f.hits, centre);
    if (near.end < lo - OPTIONAL_REACH || near.start > hi + OPTIONAL_REACH) continue;
    out?.push({ fact: f.fact, start: near.start, end: near.end });
    first = Math.min(first, near.start);
    last = Math.max(last, near.end);
    count++;
  }
  return last - first - count * 0.5;
}

/** The hit whose middle is nearest `centre` (the first of equals). */
function nearest(hits: readonly Hit[], centre: number): Hit {
  let near = hits[0]!;
  for (const h of hits) {
    if (Math.abs((h.start + h.end) / 2 - centre) < Math.abs((near.start + near.end) / 2 - centre)) near = h;
  }
  return near;
}

/**
 * Sorts hits by start, keeping the order of equal starts (as the stable Array.prototype.sort),
 * in place: lists of a few hits, sorted for every claim placed, where sort's scratch adds up.
 */
export function sortByStart<T extends Hit>(hits: T[]): T[] {
  for (let i = 1; i < hits.length; i++) {
    const h = hits[i]!;
    let j = i;
    for (; j > 0 && hits[j - 1]!.start > h.start; j--) hits[j] = hits[j - 1]!;
    hits[j] = h;
  }
  return hits;
}

/** Number of set bits of a 32-bit int (facts seen). */
export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Are the facts in `mask` (bit i = fact i seen) enough to link the claim: every required one and
 * `min` in all, or an `alone` one? The block plan and the sentence test must agree, so both call this.
 */
export function enoughFacts(ix: MatcherIndex, claim: number, mask: number): boolean {
  const req = ix.requiredMask[claim]!;
  return (
    ((mask & req) === req && popcount(mask) >= ix.minFacts[claim]!) || (mask & ix.aloneMask[claim]!) !== 0
  );
}

/**
 * Scratch for counting the facts phrase hits give claims (`enoughFactsIn`,
 * `sentencesMayHaveFacts`), sized for one matcher's index and reset by generation stamps.
 */
export interface FactScratch {
  gen: number;
  /** Per claim: the generation it was last touched (a gate phrase of it seen) in, and its facts. */
  claimGen: Uint32Array;
  masks: Uint32Array;
  /** Per phrase: the generation it was last seen in. */
  phraseGen: Uint32Array;
  /** Per claim: the generation of the last hits with a veto of it. */
  vetoGen: Uint32Array;
  /** The claims touched, and the distinct phrases seen, in this generation. */
  touched: IntList;
  phrases: IntList;
  /**
   * For `factsBetweenVetoes`: the stretches that share a sentence with a veto hit (from, to
   * pairs), `oneSentenceAround`'s answer, a claim's facts per hit, and per group of hits.
   */
  zones: IntList;
  around: Int32Array;
  hitFacts: IntList;
  groups: number[];
}

/** A FactScratch for one matcher's index. */
export function factScratch(ix: MatcherIndex): FactScratch {
  return {
    gen: 0,
    claimGen: new Uint32Array(ix.claims.length),
    masks: new Uint32Array(ix.claims.length),
    phraseGen: new Uint32Array(ix.linkPhrases.phrases.length),
    vetoGen: new Uint32Array(ix.claims.length),
    touched: new IntList(),
    phrases: new IntList(),
    zones: new IntList(),
    around: new Int32Array(2),
    hitFacts: new IntList(),
    groups: [],
  };
}

/**
 * Counts the facts that phrase hits (phrase, start, end triples, in hits[0 .. n - 1]) give the
 * claims of the gate phrases among them, as the linker's sentence test counts them: `sc.touched`
 * gets those claims and `sc.masks` their facts (from the owners of each distinct phrase), and
 * `sc.vetoGen` is the returned generation for each claim with a veto phrase among the hits.
 */
function countFacts(ix: MatcherIndex, sc: FactScratch, hits: readonly number[], n: number): number {
  const gen = ++sc.gen;
  const { claimGen, masks, phraseGen, vetoGen, touched, phrases } = sc;
  const { vetoClaimAt, vetoClaims, gateClaimAt, gateClaims, factCodeAt, factCodes } = ix;
  touched.clear();
  phrases.clear();
  for (let h = 0; h < n; h += 3) {
    const pid = hits[h]!;
    if (phraseGen[pid] === gen) continue;
    phraseGen[pid] = gen;
    phrases.push(pid);
    for (let k = vetoClaimAt[pid]!, end = vetoClaimAt[pid + 1]!; k < end; k++) vetoGen[vetoClaims[k]!] = gen;
    for (let k = gateClaimAt[pid]!, end = gateClaimAt[pid + 1]!; k < end; k++) {
      const claim = gateClaims[k]!;
      if (claimGen[claim] !== gen) {
        claimGen[claim] = gen;
        masks[claim] = 0;
        touched.push(claim);
      }
    }
  }
  if (touched.size === 0) return gen;
  const claims = touched.data;
  for (let p = 0; p < phrases.size; p++) {
    const pid = phrases.data[p]!;
    const k0 = factCodeAt[pid]!;
    const k1 = factCodeAt[pid + 1]!;
    if (k0 === k1) continue;
    const dense = ix.phraseDense[pid];
    if (dense !== undefined && touched.size < k1 - k0) {
      for (let t = 0; t < touched.size; t++) masks[claims[t]!]! |= dense[claims[t]!]!;
      continue;
    }
    for (let k = k0; k < k1; k++) {
      const code = factCodes[k]!;
      const claim = code >>> 5;
      if (claimGen[claim] === gen) masks[claim]! |= 1 << (code & 31);
    }
  }
  return gen;
}

/**
 * Do the phrase hits of one sentence (phrase, start, end triples, in hits[0 .. n - 1]) give some
 * claim enough facts and no veto, as the linker's sentence test counts them? Only claims with a
 * gate phrase among them can, and a claim with a veto phrase among them is out.
 */
export function enoughFactsIn(
  ix: MatcherIndex,
  sc: FactScratch,
  hits: readonly number[],
  n = hits.length,
): boolean {
  const gen = countFacts(ix, sc, hits, n);
  const { masks, vetoGen, touched } = sc;
  for (let t = 0; t < touched.size; t++) {
    const claim = touched.data[t]!;
    if (vetoGen[claim] === gen) continue;
    if (enoughFacts(ix, claim, masks[claim]!)) return true;
  }
  return false;
}

/**
 * Can one of the sentences of block [bs, be) have enough facts of a claim and no veto of it,
 * given the block's phrase hits (phrase, start, end triples; `tokStarts` gives their tokens'
 * offsets)? Says no only where a look at each sentence (`enoughFactsIn`) would, and without
 * splitting the block: a sentence's hits are some of the block's, so a claim without enough facts
 * over the whole block has them in no sentence; and a veto hit that certainly lies in one
 * sentence with the stretch around it (`oneSentenceAround`) rules the claim out in that sentence,
 * so a sentence that states the claim holds no hit touching such a stretch, and no two of its
 * hits have one between them. On the bench pages this settles 192 of the 203 blocks in which a
 * split finds no such sentence: other news using a claim's words beside a veto of it ("leave a
 * glaze of ice", "shots were fired outside a bar").
 */
export function sentencesMayHaveFacts(
  ix: MatcherIndex,
  sc: FactScratch,
  hits: readonly number[],
  text: string,
  tokStarts: Uint32Array,
  bs: number,
  be: number,
): boolean {
  let gated = 0;
  const gateClaimAt = ix.gateClaimAt;
  for (let h = 0; h < hits.length; h += 3) {
    const pid = hits[h]!;
    if ((gated += gateClaimAt[pid + 1]! - gateClaimAt[pid]!) > MAX_GATED_CLAIMS) return true;
  }
  const gen = countFacts(ix, sc, hits, hits.length);
  const { masks, vetoGen, touched } = sc;
  let vetoed = 0;
  for (let t = 0; t < touched.size; t++) {
    const claim = touched.data[t]!;
    if (!enoughFacts(ix, claim, masks[claim]!)) continue;
    if (vetoGen[claim] !== gen || ++vetoed > MAX_VETOED_CLAIMS) return true;
    if (factsBetweenVetoes(ix, sc, hits, text, tokStarts, bs, be, claim)) return true;
  }
  return false;
}

/**
 * Past this many claims named by the gate phrases of a block's hits (counted with repeats), or
 * this many with enough facts and a veto there, `sentencesMayHaveFacts` leaves the block to be
 * split: near-copies of a claim (thousands, in the benchmark's synthetic datasets) share their
 * words and vetoes, and counting their facts over the block and then over its sentences, or
 * looking at each one's vetoes, costs more than the split spares.
 */
const MAX_GATED_CLAIMS = 24;
const MAX_VETOED_CLAIMS = 8;

/** The facts of `claim` that phrase `pid` gives. */
function factMask(ix: MatcherIndex, pid: number, claim: number): number {
  const dense = ix.phraseDense[pid];
  if (dense !== undefined) return dense[claim]!;
  const codes = ix.factCodes;
  let mask = 0;
  for (let k = ix.factCodeAt[pid]!, end = ix.factCodeAt[pid + 1]!; k < end; k++)
    if (codes[k]! >>> 5 === claim) mask |= 1 << (codes[k]! & 31);
  return mask;
}

/**
 * Has `claim` enough facts among a block's hits outside the stretches that certainly share a
 * sentence with a veto hit of it (see `sentencesMayHaveFacts`)? Hits are grouped by how many such
 * stretches lie wholly before them: two hits of a sentence without a veto of the claim touch no
 * stretch and have none between them, so they fall in one group.
 */
function factsBetweenVetoes(
  ix: MatcherIndex,
  sc: FactScratch,
  hits: readonly number[],
  text: string,
  tokStarts: Uint32Array,
  bs: number,
  be: number,
  claim: number,
): boolean {
  const { zones, around, groups } = sc;
  // The claim's facts of each hit, and how far they reach (so far the stretches need looking).
  const facts = sc.hitFacts;
  facts.clear();
  let lo = be;
  let hi = bs;
  for (let h = 0; h < hits.length; h += 3) {
    const mask = factMask(ix, hits[h]!, claim);
    facts.push(mask);
    if (mask === 0) continue;
    lo = Math.min(lo, tokStarts[hits[h + 1]!]!);
    hi = Math.max(hi, tokStarts[hits[h + 2]! - 1]!);
  }
  zones.clear();
  const { vetoClaimAt, vetoClaims } = ix;
  for (let h = 0; h < hits.length; h += 3) {
    const pid = hits[h]!;
    const end = vetoClaimAt[pid + 1]!;
    let k = vetoClaimAt[pid]!;
    while (k < end && vetoClaims[k] !== claim) k++;
    if (k === end) continue;
    const p = tokStarts[hits[h + 1]!]!;
    const q = tokStarts[hits[h + 2]! - 1]!;
    if (oneSentenceAround(text, bs, be, p, q, Math.min(lo, p), Math.max(hi, q), around)) {
      zones.push(around[0]!);
      zones.push(around[1]!);
    }
  }
  if (zones.size === 0) return true;
  const groupCount = (zones.size >>> 1) + 1;
  for (let g = 0; g < groupCount; g++) groups[g] = 0;
  for (let h = 0, k = 0; h < hits.length; h += 3, k++) {
    if (facts.data[k] === 0) continue;
    const p = tokStarts[hits[h + 1]!]!;
    const q = tokStarts[hits[h + 2]! - 1]!;
    let group = 0;
    let touches = false;
    for (let z = 0; z < zones.size && !touches; z += 2) {
      touches = q >= zones.data[z]! && p < zones.data[z + 1]!;
      if (zones.data[z + 1]! <= p) group++;
    }
    if (!touches) groups[group]! |= facts.data[k]!;
  }
  for (let g = 0; g < groupCount; g++) if (enoughFacts(ix, claim, groups[g]! >>> 0)) return true;
  return false;
}
