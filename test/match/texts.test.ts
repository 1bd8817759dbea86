// Printed-text matching (texts.ts): the bit-parallel alignment and the scan's shortcuts (a
// bounded top-`limit` pick, texts left unaligned under `minCoverage`) against plain reference
// versions, on random word-id sequences and on the real dataset's printed texts.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { buildIndex, parseDataset } from '../../src/match/build';
import { tokenize } from '../../src/match/normalize';
import { TextScanner, align, enoughShingles, shingleHash, type TextMatch } from '../../src/match/texts';
import { AP_SEED, WJ_SEED, dataset, seedText } from './dataset';

/** The alignment as first written: the full LCS table, then the same walk. */
function referenceAlign(
  ids: Int32Array,
  lo: number,
  hi: number,
  b: Int32Array,
): { lcs: number; first: number; last: number; matched: number[] } {
  const n = hi - lo;
  const m = b.length;
  if (n <= 0 || m === 0) return { lcs: 0, first: lo, last: lo, matched: [] };
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] =
        ids[lo + i] === b[j]
          ? dp[(i + 1) * w + j + 1]! + 1
          : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
    }
  }
  const matched: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ids[lo + i] === b[j] && !(matched.length === 0 && dp[(i + 1) * w + j] === dp[i * w + j])) {
      matched.push(lo + i);
      i++;
      j++;
    } else if (dp[(i + 1) * w + j]! >= dp[i * w + j + 1]!) i++;
    else j++;
  }
  return { lcs: dp[0]!, first: matched[0] ?? lo, last: matched[matched.length - 1] ?? lo, matched };
}

/** Word ids from a small alphabet (so words repeat and the walk's tie rules matter); -1 is an unknown word. */
const words = (max: number): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: -1, max: 5 }), { minLength: 0, maxLength: max });

describe('align', () => {
  it('matches the full-table alignment, for printed texts of up to 31 words and past', () => {
    fc.assert(
      fc.property(words(50), words(45), fc.nat(), fc.nat(), (page, printed, a, b) => {
        const ids = Int32Array.from(page);
        const lo = ids.length === 0 ? 0 : a % (ids.length + 1);
        const hi = lo + (ids.length === lo ? 0 : b % (ids.length - lo + 1));
        const text = Int32Array.from(printed.map((x) => Math.max(x, 0)));
        expect(align(ids, lo, hi, text)).toEqual(referenceAlign(ids, lo, hi, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the later of two equal first words, keeping the window tight', () => {
    // "in her vehicle in a residential…" aligns the second "in".
    const ids = Int32Array.of(1, 2, 3, 1, 4, 5);
    expect(align(ids, 0, 6, Int32Array.of(1, 4, 5)).matched).toEqual([3, 4, 5]);
  });

  it('handles a printed text of exactly 31 and of 32 words', () => {
    for (const m of [31, 32]) {
      const printed = Int32Array.from({ length: m }, (_, k) => k % 7);
      const ids = Int32Array.from({ length: 40 }, (_, k) => (k * 3) % 7);
      expect(align(ids, 2, 38, printed)).toEqual(referenceAlign(ids, 2, 38, printed));
    }
  });
});

/** The scan as first written: every touched text counted, sorted by share, then aligned. */
function referenceScan(
  texts: readonly { ids: Int32Array; shingles: number }[],
  shingles: ReadonlyMap<number, Int32Array>,
  ids: Int32Array,
  from: number,
  to: number,
  limit: number,
): TextMatch[] {
  const hits = new Map<number, { count: number; first: number; last: number }>();
  for (let i = from; i + 2 < to; i++) {
    if (ids[i]! < 0 || ids[i + 1]! < 0 || ids[i + 2]! < 0) continue;
    const list = shingles.get(shingleHash(ids[i]!, ids[i + 1]!, ids[i + 2]!));
    for (let l = 0; list !== undefined && l < list.length; l += 2) {
      const h = hits.get(list[l]!) ?? { count: 0, first: i, last: i };
      h.count++;
      h.last = i + 2;
      hits.set(list[l]!, h);
    }
  }
  let eligible = [...hits.keys()].filter((t) => enoughShingles(hits.get(t)!.count, texts[t]!.shingles));
  const share = (t: number): number => hits.get(t)!.count / texts[t]!.shingles;
  if (eligible.length > limit)
    eligible = eligible.sort((x, y) => share(y) - share(x) || x - y).slice(0, limit);
  const out: TextMatch[] = [];
  for (const t of eligible) {
    const h = hits.get(t)!;
    const b = texts[t]!.ids;
    const al = referenceAlign(ids, Math.max(from, h.first - 3), Math.min(to, h.last + 4), b);
    const exact = h.first + b.length <= to && b.every((id, j) => ids[h.first + j] === id);
    const got = exact
      ? { lcs: b.length, first: h.first, last: h.first + b.length - 1, matched: b.map((_, j) => h.first + j) }
      : al;
    if (got.lcs === 0) continue;
    out.push({
      id: t,
      coverage: got.lcs / b.length,
      density: got.lcs / (got.last - got.first + 1),
      lcs: got.lcs,
      first: got.first,
      last: got.last,
      matched: [...got.matched],
    });
  }
  return out;
}

describe.skipIf(dataset === undefined)('TextScanner.scan', () => {
  const ix = buildIndex(parseDataset(dataset!));
  const page = `${seedText(WJ_SEED)}\n\n${seedText(AP_SEED)}`;
  const ids = ix.vocab.idsOf(tokenize(page).words);

  it('finds what the plain scan finds, sentence-sized window by window, with and without a limit', () => {
    const scanner = new TextScanner(ix.texts, ix.shingleTable);
    let found = 0;
    for (let from = 0; from < ids.length; from += 17) {
      const to = Math.min(ids.length, from + 40);
      for (const limit of [Infinity, 3, 1]) {
        const got = scanner.scan(ids, from, to, limit);
        expect(got).toEqual(referenceScan(ix.texts, ix.shingles, ids, from, to, limit));
        found += got.length;
      }
    }
    expect(found).toBeGreaterThan(30);
  });

  it('leaves out only the texts an alignment would give less than minCoverage', () => {
    const scanner = new TextScanner(ix.texts, ix.shingleTable);
    let left = 0;
    for (let from = 0; from < ids.length; from += 11) {
      const to = Math.min(ids.length, from + 30);
      const all = scanner.scan(ids, from, to, 24);
      const some = scanner.scan(ids, from, to, 24, 0.6);
      expect(some).toEqual(all.filter((m) => some.some((s) => s.id === m.id)));
      for (const m of all) if (!some.some((s) => s.id === m.id)) expect(m.coverage).toBeLessThan(0.6);
      left += all.length - some.length;
    }
    // Shared shingles are no proof of shared words: some texts are left out unaligned.
    expect(left).toBeGreaterThan(0);
  });
});
