// The first pass (src/match/firstpass.ts) must give exactly the ids, offsets and breaks of
// `tokenizeRanges` + `Vocabulary.idsOf`: recognition and the block plan read its output as if
// the page had been tokenized.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillerParagraph, unrelatedPage } from '../../scripts/corpus/filler';
import { createRng } from '../../scripts/corpus/prng';
import { buildIndex } from '../../src/match/build';
import { FirstPass } from '../../src/match/firstpass';
import { tokenizeRanges } from '../../src/match/normalize';
import { blockRanges } from '../../src/match/segment';
import type { TextInput } from '../../src/match/types';
import {
  anyString,
  asciiWord,
  hostileChar,
  incidentishText,
  joined,
  mangledWord,
  ruleWord,
} from '../properties/arbitraries';
import { AP_SEED, WJ_SEED, dataset, datasetProblem, seedText } from './dataset';

const ix = dataset === undefined ? undefined : buildIndex(dataset);

/** Compares the first pass with the tokenizer on one input; returns the number of tokens. */
function expectSame(pass: FirstPass, input: TextInput): number {
  const { starts, ends } = blockRanges(input);
  const want = tokenizeRanges(input.text, starts, ends);
  const wantIds = ix!.vocab.idsOf(want.words);
  const got = pass.read(input.text, starts, ends);
  const where = (k: number): string =>
    `token ${k} (“${want.words[k] ?? '(none)'}” at ${want.starts[k] ?? '?'}) of ${JSON.stringify(input.text.slice(0, 200))}`;
  expect(got.length, `token count of ${JSON.stringify(input.text.slice(0, 200))}`).toBe(want.length);
  for (let k = 0; k < want.length; k++) {
    expect([got.words[k], got.ids[k], got.starts[k], got.ends[k], got.breaks[k]], where(k)).toEqual([
      want.words[k],
      wantIds[k],
      want.starts[k],
      want.ends[k],
      want.breaks[k],
    ]);
  }
  return want.length;
}

/** Words that exercise each fast-path decision and each fallback. */
const EDGE_WORDS = [
  "Frey's",
  'FREY’S',
  "it's",
  'It’s',
  "we're",
  "don't",
  "o'brien's",
  "rock'n'roll",
  "1990's",
  "dogs'",
  "'s",
  'Trump`s',
  'St.',
  'St',
  'St. Paul',
  'Ave.',
  'U.S.',
  'a.m.',
  '2.5',
  '1,300',
  '1,300%',
  '12,34',
  'Jan.',
  'Homeland Security',
  "Homeland's Security",
  'Immigration & Customs Enforcement',
  'Department of Homeland Security',
  'per cent',
  'café',
  'naïve',
  'Ren\u00e9e',
  'Good\u200bman',
  'e\u0301',
  'self-defense',
  'he said,”',
  'U.S\u200b.',
  '5.\u200b5',
  "Frey'\u200bs",
  'ｅｘ',
  '１,３００',
  '％',
  '＆',
  'x.y',
  'E. 34th St.',
  '—',
  '“',
  '…',
];

const edgeText = joined(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...EDGE_WORDS) },
    { weight: 2, arbitrary: asciiWord },
    { weight: 2, arbitrary: ruleWord },
    { weight: 1, arbitrary: mangledWord },
    { weight: 1, arbitrary: hostileChar },
  ),
  30,
);

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) };

describe.skipIf(ix === undefined)(
  `FirstPass: same tokens as the tokenizer${datasetProblem ? ` (${datasetProblem})` : ''}`,
  () => {
    it('on the seed articles, whole and as blank-line blocks', () => {
      const pass = new FirstPass(ix!.vocab);
      for (const file of [WJ_SEED, AP_SEED]) {
        const text = seedText(file);
        expect(expectSame(pass, { text })).toBeGreaterThan(300);
        expect(expectSame(pass, { text, blocks: [0] })).toBeGreaterThan(300);
      }
    });

    it('on filler pages of every topic', () => {
      const pass = new FirstPass(ix!.vocab);
      const rng = createRng(7);
      expectSame(pass, unrelatedPage(rng, 50_000));
      const paragraphs = Array.from({ length: 40 }, () => fillerParagraph(rng));
      expectSame(pass, { text: paragraphs.join('\n\n') });
    });

    it('on each edge word alone and between words', () => {
      const pass = new FirstPass(ix!.vocab);
      for (const w of EDGE_WORDS) {
        expectSame(pass, { text: w });
        expectSame(pass, { text: `The ${w} said, ${w}. ${w}` });
      }
    });

    it('on generated hostile and incident-like text, with any blocks', () => {
      const pass = new FirstPass(ix!.vocab);
      const text = fc.oneof(anyString, edgeText, incidentishText(dataset!, 20));
      fc.assert(
        fc.property(
          text.chain((t) =>
            fc
              .array(fc.integer({ min: 0, max: t.length }), { maxLength: 6 })
              .map((bs) => ({ text: t, blocks: [...bs].sort((a, b) => a - b) })),
          ),
          (input) => {
            expectSame(pass, input);
            expectSame(pass, { text: input.text });
          },
        ),
        RUNS,
      );
    });

    it('keeps apostrophe words and possessives on its own path (no string per repeated word)', () => {
      const pass = new FirstPass(ix!.vocab);
      // The same token ids as the tokenizer for possessives, contractions and plain words; a
      // repeated page reuses the table (the result does not depend on what was read before).
      const text = "Frey's demand: it's the officer's car. We're told the mayor's office won't say.";
      expectSame(pass, { text });
      expectSame(pass, { text });
    });

    it('names a block outside the text', () => {
      const pass = new FirstPass(ix!.vocab);
      expect(() => pass.read('abc', Uint32Array.of(0), Uint32Array.of(9))).toThrow(
        /block 0 \[0, 9\).*length 3/,
      );
    });
  },
);
