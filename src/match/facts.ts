// Key facts of a claim in one sentence: which of its cue facts appear, taken from the most
// compact cluster of their occurrences so a claim is not pieced together from words scattered
// across a long sentence.

import type { ClaimInfo, MatcherIndex } from './build';

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
