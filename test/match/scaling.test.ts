// The shortcuts that keep page time flat as the dataset grows (thousands of near-copies of a
// claim, as the benchmark's synthetic datasets make them) must change no result: placing only
// the claims that can still make a sentence's best, dense owner masks for common phrases, and
// the block plan's gate-anchor test. Each is compared with doing the work in full.

import { afterEach, describe, expect, it, vi } from 'vitest';

import { buildIndex, parseDataset, type MatcherIndex } from '../../src/match/build';
import { createMatcher } from '../../src/match/index';
import { Linker } from '../../src/match/link';
import type { ClaimMatch, TextInput } from '../../src/match/types';
import { syntheticDataset } from '../../scripts/corpus/synthetic';
import { dataset } from './dataset';
import { linkEveryBlock, mixedPage as mixedPageOf } from './reference';

/** 1,000 claims: about 28 near-copies of each real one, so sentences have far more passing claims than are placed. */
const synthetic = dataset === undefined ? undefined : syntheticDataset(dataset, 1000);

/** The seed articles' paragraphs among filler paragraphs. */
const mixedPage = (seed: number): TextInput => mixedPageOf(seed, 2);

/** JSON of matches, reading every lazy field. */
const plain = (matches: ClaimMatch[]): unknown => JSON.parse(JSON.stringify(matches));

afterEach(() => {
  vi.restoreAllMocks();
});

describe.skipIf(synthetic === undefined)('with a thousand near-copies of the claims', () => {
  const ix = buildIndex(parseDataset(synthetic!));
  const pages = [1, 2].map(mixedPage);

  it('places only the claims that can still make a sentence’s best, and links the same', () => {
    const outranked = vi.spyOn(Linker.prototype as unknown as { outranked: () => boolean }, 'outranked');
    const fast = pages.map((page) => plain(linkEveryBlock(ix, page)));
    // The shortcut is taken: claims are left unplaced.
    expect(outranked.mock.results.filter((r) => r.value === true).length).toBeGreaterThan(50);
    outranked.mockReturnValue(false);
    const full = pages.map((page) => plain(linkEveryBlock(ix, page)));
    expect(fast).toEqual(full);
    expect((full[0] as unknown[]).length).toBeGreaterThan(100);
  });

  it('gets the same fact masks from dense owner masks as from owner lists', () => {
    // Dense masks for every phrase with 20 owners or more (the index keeps them for far fewer).
    const dense = ix.phraseFacts.map((codes) => {
      if (codes === undefined || codes.length < 20) return undefined;
      const mask = new Uint32Array(ix.claims.length);
      for (const code of codes) mask[code >>> 5]! |= 1 << (code & 31);
      return mask;
    });
    expect(dense.filter((d) => d !== undefined).length).toBeGreaterThan(10);
    const withDense: MatcherIndex = { ...ix, phraseDense: dense };
    const without: MatcherIndex = { ...ix, phraseDense: [] };
    for (const page of pages)
      expect(plain(linkEveryBlock(withDense, page))).toEqual(plain(linkEveryBlock(without, page)));
  });

  it('links exactly what linking every block links', () => {
    const m = createMatcher(synthetic!);
    for (const page of pages) {
      const reference = plain(linkEveryBlock(ix, page));
      expect(plain(m.analyze(page, { force: true }).matches)).toEqual(reference);
      expect(plain([...m.linkSteps(page, { passagesPerStep: 3 })].flat())).toEqual(reference);
    }
  });
});
