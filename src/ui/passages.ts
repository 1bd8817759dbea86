// Grouping the engine's matches into the passages the UI shows: one card and one indicator row per
// stretch of page text, however many claims it states.

import type { ClaimMatch } from '../match/types';

/**
 * Group matches into passages: matches whose ranges overlap (or coincide) form one passage, in
 * page order, each passage's matches ordered by score (best first). Ranges that only touch
 * (one ends where the next starts) stay separate passages.
 */
export function groupIntoPassages(matches: readonly ClaimMatch[]): ClaimMatch[][] {
  for (const match of matches) {
    if (!(Number.isFinite(match.start) && Number.isFinite(match.end) && match.start <= match.end)) {
      throw new RangeError(
        `groupIntoPassages: match for claim "${match.claimId}" has an invalid range ${match.start}..${match.end}`,
      );
    }
  }
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.end - b.end);
  const passages: ClaimMatch[][] = [];
  let current: ClaimMatch[] = [];
  let currentEnd = -Infinity;
  for (const match of sorted) {
    if (current.length > 0 && match.start >= currentEnd) {
      passages.push(current);
      current = [];
    }
    current.push(match);
    currentEnd = Math.max(current.length === 1 ? match.end : currentEnd, match.end);
  }
  if (current.length > 0) passages.push(current);
  return passages.map((passage) => passage.sort((a, b) => b.score - a.score));
}

/** The distinct claim ids across passages, in first-seen order (for the indicator's claim count). */
export function distinctClaimIds(passages: readonly (readonly ClaimMatch[])[]): string[] {
  const seen = new Set<string>();
  for (const passage of passages) for (const match of passage) seen.add(match.claimId);
  return [...seen];
}

/** A passage's matches with one entry per claim (the best-scoring), keeping order. */
export function uniqueClaims(matches: readonly ClaimMatch[]): ClaimMatch[] {
  const best = new Map<string, ClaimMatch>();
  for (const match of matches) {
    const previous = best.get(match.claimId);
    if (!previous || match.score > previous.score) best.set(match.claimId, match);
  }
  const seen = new Set<string>();
  return matches.flatMap((match) => {
    if (seen.has(match.claimId)) return [];
    seen.add(match.claimId);
    return [best.get(match.claimId) ?? match];
  });
}
