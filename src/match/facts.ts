// Key facts of a claim in one sentence: which of its cue facts appear, taken from the most
// compact cluster of their occurrences so a claim is not pieced together from words scattered
// across a long sentence.

import type { ClaimInfo } from './build';

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
  const same = list.find((h) => h.start === start || h.end === end);
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
export function clusterFacts(info: ClaimInfo, hitsByFact: Map<number, Hit[]>): FactHit[] {
  const facts = info.cues.facts;
  // Anchor on a required fact with the fewest occurrences.
  let anchorFact = -1;
  let anchorRank = Infinity;
  for (const [fi, hits] of hitsByFact) {
    const rank = (facts[fi]!.need ? 0 : 1000) + hits.length;
    if (rank < anchorRank) {
      anchorRank = rank;
      anchorFact = fi;
    }
  }
  let best: FactHit[] = [];
  let bestExtent = Infinity;
  for (const a of hitsByFact.get(anchorFact) ?? []) {
    const chosen: FactHit[] = [{ fact: anchorFact, start: a.start, end: a.end }];
    let lo = a.start;
    let hi = a.end;
    const centre = (a.start + a.end) / 2;
    const optional: FactHit[] = [];
    for (const [fi, hits] of hitsByFact) {
      if (fi === anchorFact) continue;
      let near = hits[0]!;
      for (const h of hits) {
        if (Math.abs((h.start + h.end) / 2 - centre) < Math.abs((near.start + near.end) / 2 - centre))
          near = h;
      }
      const fh = { fact: fi, start: near.start, end: near.end };
      if (facts[fi]!.need) {
        chosen.push(fh);
        lo = Math.min(lo, near.start);
        hi = Math.max(hi, near.end);
      } else optional.push(fh);
    }
    for (const o of optional) {
      if (o.end >= lo - OPTIONAL_REACH && o.start <= hi + OPTIONAL_REACH) chosen.push(o);
    }
    let first = Infinity;
    let last = -Infinity;
    for (const c of chosen) {
      first = Math.min(first, c.start);
      last = Math.max(last, c.end);
    }
    const extent = last - first - chosen.length * 0.5; // more facts in the same width is better
    if (extent < bestExtent) {
      bestExtent = extent;
      best = chosen;
    }
  }
  return best.sort((x, y) => x.start - y.start);
}
