// The engine's result contract (src/match/types.ts) as checks shared by the property tests: one
// place that says what a valid ClaimMatch is, so every test holds every match to the same rules.

import { expect } from 'vitest';
import { CARRIED_VALUES, type Dataset } from '../../src/dataset/types';
import { segment } from '../../src/match/segment';
import type { ClaimMatch, TextInput } from '../../src/match/types';

const REASONS = new Set(['exact-quote', 'near-quote', 'paraphrase']);

/** What `checkMatches` verifies beyond offsets and ids. */
export interface CheckOptions {
  /** Also require each match to stay inside one block (default true). */
  blocks?: boolean;
}

/** Fails the test unless every match is inside the text, names known ids, and (optionally) stays in one block. */
export function checkMatches(
  matches: readonly ClaimMatch[],
  input: TextInput,
  dataset: Dataset,
  options: CheckOptions = {},
): void {
  if (matches.length === 0) return;
  const { text } = input;
  const claims = new Set(dataset.claims.map((c) => c.id));
  const outlets = new Set(dataset.outlets.map((o) => o.id));
  const actors = new Set(dataset.actors.map((a) => a.id));
  const seg = options.blocks === false ? null : segment(input);
  for (const m of matches) {
    const where = `match ${m.claimId} [${m.start}, ${m.end})`;
    expect(Number.isInteger(m.start) && Number.isInteger(m.end), `${where}: offsets are not integers`).toBe(
      true,
    );
    expect(m.start, where).toBeGreaterThanOrEqual(0);
    expect(m.end, where).toBeGreaterThan(m.start);
    expect(m.end, where).toBeLessThanOrEqual(text.length);
    expect(m.text, where).toBe(text.slice(m.start, m.end));
    expect(claims.has(m.claimId), `${where}: unknown claim`).toBe(true);
    expect(REASONS.has(m.reason), `${where}: reason ${m.reason}`).toBe(true);
    expect(m.score, where).toBeGreaterThanOrEqual(0);
    expect(m.score, where).toBeLessThanOrEqual(1);
    expect(typeof m.detail, where).toBe('string');
    for (const c of m.carried) expect(CARRIED_VALUES, where).toContain(c);
    for (const q of m.quoteComparisons)
      expect(outlets.has(q.outletId), `${where}: outlet ${q.outletId}`).toBe(true);
    const actor = m.attributedTo?.actorId;
    if (actor !== undefined) expect(actors.has(actor), `${where}: actor ${actor}`).toBe(true);
    if (seg) {
      // The block holding the match's first character (binary search: pages have thousands).
      let lo = 0;
      let hi = seg.blockStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (seg.blockStarts[mid]! <= m.start) lo = mid;
        else hi = mid - 1;
      }
      expect(m.end, `${where} crosses the block boundary at ${seg.blockEnds[lo]}`).toBeLessThanOrEqual(
        seg.blockEnds[lo]!,
      );
    }
  }
}
