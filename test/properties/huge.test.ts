// The engine on huge and degenerate inputs: 1 MB with no spaces, 1 MB with no punctuation, a
// claim's quote repeated thousands of times, 1 MB of emoji, lone surrogates, stacked combining
// marks, zero-width characters or right-to-left text. Each run must finish under a generous
// ceiling: a hang or a quadratic blow-up is a failure, this is not a benchmark (see
// `npm run bench` for timings). Results are still checked against the contract.

import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/match/index';
import { normalize } from '../../src/match/normalize';
import { segment } from '../../src/match/segment';
import type { TextInput } from '../../src/match/types';
import { datasetWords, loadDataset, timed } from './arbitraries';
import { checkMatches } from './contract';

const dataset = loadDataset();
const matcher = createMatcher(dataset);

/** Ceiling for one pass of one operation over 1 MB (normal runs take well under a second). */
const CEILING_MS = 5_000;
const MB = 1_000_000;
const LONG = { timeout: 60_000 };

/** `unit` repeated to exactly `size` string units (cut on a unit boundary where possible). */
function fill(unit: string, size = MB): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** A deterministic pseudo-random sequence (no Math.random: failures must reproduce). */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const quoteClaim = dataset.claims.find((c) => c.id === 'weaponized-vehicle');
if (!quoteClaim?.variants[0])
  throw new Error('dataset: claim weaponized-vehicle with a quote variant is missing');
const QUOTE = quoteClaim.variants[0].text;

const vocab = datasetWords(dataset)
  .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
  .filter(Boolean);

/** 1 MB of lowercase letters in a pseudo-random order: one endless word. */
function noSpaces(): string {
  const rand = prng(7);
  const chars = new Array<string>(MB);
  for (let i = 0; i < MB; i++) chars[i] = String.fromCharCode(97 + Math.floor(rand() * 26));
  return chars.join('');
}

/** 1 MB of the dataset's own words separated by spaces only: every index lights up, no sentence ends. */
function noPunctuation(): string {
  const rand = prng(11);
  const words: string[] = [];
  let size = 0;
  while (size < MB) {
    const w = vocab[Math.floor(rand() * vocab.length)]!;
    words.push(w);
    size += w.length + 1;
  }
  return words.join(' ').slice(0, MB);
}

/** Runs `fn`, failing if it takes longer than `ceiling`; returns its result. */
function within<T>(what: string, fn: () => T, ceiling = CEILING_MS): T {
  const { value, ms } = timed(fn);
  expect(ms, `${what} took ${Math.round(ms)} ms (ceiling ${ceiling} ms)`).toBeLessThan(ceiling);
  return value;
}

/** Normalize, segment, analyze (forced), link in steps and optionally rank, each under the ceiling. */
function survives(name: string, input: TextInput, options: { rank?: boolean } = {}): number {
  within(`${name}: normalize`, () => normalize(input.text));
  within(`${name}: segment`, () => segment(input));
  const analyzed = within(`${name}: analyze`, () => matcher.analyze(input, { force: true }));
  checkMatches(analyzed.matches, input, dataset);
  let linked = 0;
  within(`${name}: linkSteps`, () => {
    for (const step of matcher.linkSteps(input, { passagesPerStep: 8 })) linked += step.length;
  });
  if (options.rank) {
    const ranked = within(`${name}: rank`, () => matcher.rank(input.text, 5));
    expect(ranked).toHaveLength(5);
  }
  return Math.max(linked, analyzed.matches.length);
}

describe('huge and degenerate text finishes in bounded time', () => {
  it('1 MB with no spaces', LONG, () => {
    survives('no spaces', { text: noSpaces() }, { rank: true });
  });

  it('1 MB with no punctuation, made of the dataset’s own words', LONG, () => {
    survives('no punctuation', { text: noPunctuation() }, { rank: true });
  });

  it(
    'a claim’s quote repeated thousands of times: as sentences, as one run-on block, as paragraphs',
    LONG,
    () => {
      const sentences = `DHS said she “${QUOTE}.” `.repeat(5000);
      const linked = survives('quote x 5000', { text: sentences });
      expect(linked).toBeGreaterThan(0);
      expect(linked).toBeLessThanOrEqual(5000);
      survives('quote x 3000, no separators', { text: QUOTE.repeat(3000) });
      // One block per repetition, as a page with 3,000 paragraphs would be extracted.
      const para = `“${QUOTE},” DHS said.`;
      const blocks = Array.from({ length: 3000 }, (_, i) => i * (para.length + 2));
      survives('quote x 3000 blocks', {
        text: Array.from({ length: 3000 }, () => para).join('\n\n'),
        blocks,
      });
    },
  );

  it(
    '1 MB of emoji, lone surrogates, stacked combining marks, zero-width characters and RTL text',
    LONG,
    () => {
      survives('emoji', { text: fill('👩‍👩‍👧‍👦🇺🇸 ') });
      survives('lone surrogates', { text: fill('\ud800x\udfff ') });
      survives('combining marks', { text: fill('a' + '\u0301\u0308\u0327'.repeat(300) + ' ') });
      survives('zero-width', { text: fill('ICE\u200b\u200d\ufeff\u00adDHS ') });
      survives('right-to-left', { text: fill('\u202eשלום עולם ICE \u202cمرحبا بالعالم. \u200f') });
    },
  );

  it('segments 2 MB without a line break (the content script’s maxChars) in linear time', LONG, () => {
    // Linear work is ~0.2 s here; a cut search that rescans from the start of the text each
    // time the 600-character sentence cap is hit takes seconds and grows with the square.
    within('segment 2 MB of one unbroken block', () => segment({ text: fill('abcdefghi ', 2 * MB) }), 2_000);
  });
});
