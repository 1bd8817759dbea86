// Shared fast-check generators for the property tests: strings built to break text code (emoji
// and ZWJ sequences, combining marks, right-to-left text and bidi controls, zero-width
// characters, lone surrogates, case-changing letters) mixed with the dataset's own words, quotes
// and abbreviations, so that the engine's real code paths (quote alignment, key facts, canonical
// phrases) run on hostile input, not only on noise that the first filter throws away.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { parseDataset } from '../../src/dataset/load';
import type { Dataset } from '../../src/dataset/types';

const ROOT = resolve(import.meta.dirname, '../..');

/** The compiled dataset (dist/dataset.json, written by `npm run dataset`), shape-checked. */
export function loadDataset(): Dataset {
  const path = resolve(ROOT, 'dist/dataset.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${path}: run \`npm run dataset\` first (${String(error)})`);
  }
  return parseDataset(json);
}

/** Characters that break naive text code, by family (each one a JavaScript string unit or pair). */
export const HOSTILE = {
  space: [' ', ' ', ' ', '\t', '\n', '\n\n', '\r\n', '\u00a0', '\u2009', '\u202f', '\u3000', '\f'],
  punctuation: [
    '.',
    ',',
    '!',
    '?',
    ';',
    ':',
    '…',
    '...',
    '-',
    '–',
    '—',
    '/',
    '(',
    ')',
    '[',
    ']',
    '%',
    '&',
    '#',
    '@',
  ],
  quotes: ['"', "'", '“', '”', '‘', '’', '«', '»', '‹', '›', '`', 'ʼ', '＇', '″'],
  zeroWidth: ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u034f', '\u180e'],
  combining: ['\u0301', '\u0300', '\u0308', '\u0327', '\u0323', '\u20dd', '\u0489', '\u1ab0'],
  rtl: [
    'ש',
    'ל',
    'ו',
    'ם',
    'ع',
    'ر',
    'ب',
    'ي',
    '\u200f',
    '\u200e',
    '\u202e',
    '\u202d',
    '\u2066',
    '\u2067',
    '\u2069',
    '\u061c',
  ],
  emoji: ['😀', '👩‍👩‍👧‍👦', '🇺🇸', '👍🏽', '❤️', '🏳️‍🌈', '🧑🏿‍🚒', '🔥', '\u{1f6a8}', '#️⃣'],
  surrogate: ['\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800'], // lone halves, and a reversed pair
  caseChanging: ['İ', 'ı', 'ß', 'ẞ', 'ﬁ', 'ǅ', 'Σ', 'ς', 'Å', 'K', 'µ', 'ŉ', 'ΐ'],
  otherScripts: ['中', '文', 'ア', 'ห', '한', 'Ж', 'ж', 'ß', 'é', 'ñ', 'ø', '٣', '५', '１', 'Ａ', '＆', '％'],
  control: ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ufffd', '\uffff'],
} as const;

/** One hostile character (or short sequence) from any family. */
export const hostileChar: fc.Arbitrary<string> = fc.oneof(
  ...Object.values(HOSTILE).map((family) => fc.constantFrom(...family)),
);

/** A plain ASCII word. */
export const asciiWord: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z]{1,9}$/);

/** Words, phrases and units the normalizer rewrites: abbreviations, numbers, canonical names. */
export const RULE_WORDS = [
  'St.',
  'St',
  'Ave.',
  'E.',
  'U.S.',
  'U.S.A.',
  'Jan.',
  'Sept.',
  'Cmdr.',
  'Mr.',
  'a.m.',
  '1,300%',
  '8,000',
  '2.5',
  '2,000',
  '34th',
  '&',
  '%',
  "it's",
  "McLaughlin's",
  'we’re',
  "officers'",
  'St. Paul',
  'Immigration and Customs Enforcement',
  'U.S. Immigration and Customs Enforcement',
  'Department of Homeland Security',
  'Homeland Security',
  'Customs and Border Protection',
  'United States',
  'per cent',
  'pct',
  'Mpls',
  'No. 5',
  'J. Smith',
] as const;

/** A piece of text the normalizer has a rule for. */
export const ruleWord: fc.Arbitrary<string> = fc.constantFrom(...RULE_WORDS);

/** Separators between words: spaces, punctuation, quotes, or hostile characters. */
export const separator: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(' ') },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE.space) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE.punctuation, ...HOSTILE.quotes).map((p) => `${p} `) },
  { weight: 2, arbitrary: hostileChar },
);

/** A word with hostile characters mixed into it (zero-width joiners, combining marks...). */
export const mangledWord: fc.Arbitrary<string> = fc
  .tuple(asciiWord, fc.array(fc.tuple(fc.nat(), hostileChar), { maxLength: 3 }))
  .map(([word, inserts]) => {
    let out = word;
    for (const [at, ch] of inserts) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + ch + out.slice(i);
    }
    return out;
  });

/** Joins a list of pieces with generated separators. */
export function joined(piece: fc.Arbitrary<string>, maxLength = 40): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(piece, separator), { maxLength })
    .map((parts) => parts.map(([p, s]) => p + s).join(''));
}

/** Any JavaScript string, including lone surrogates (fast-check's 'binary' unit covers every code point). */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: hostileChar, maxLength: 200 }),
);

/**
 * Words drawn from a dataset's printed texts (quote variants and report excerpts), so generated
 * text shares vocabulary, shingles and key facts with the claims.
 */
export function datasetWords(dataset: Dataset): string[] {
  const words = new Set<string>();
  for (const report of dataset.reports) for (const w of report.excerpt.split(/\s+/)) if (w) words.add(w);
  for (const claim of dataset.claims)
    for (const v of claim.variants) for (const w of v.text.split(/\s+/)) if (w) words.add(w);
  return [...words].sort();
}

/** Every printed text of the dataset: quote variants and report excerpts. */
export function printedTexts(dataset: Dataset): string[] {
  return [
    ...dataset.claims.flatMap((c) => c.variants.map((v) => v.text)),
    ...dataset.reports.map((r) => r.excerpt),
  ];
}

/** A run of consecutive words cut from one of `texts` (a plausible fragment of a real report). */
export function fragmentOf(texts: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 1, max: 40 }))
    .map(([text, at, len]) => {
      const words = text.split(/\s+/).filter(Boolean);
      const from = at % Math.max(1, words.length);
      return words.slice(from, from + len).join(' ');
    });
}

/** Text that reads like an incident page gone wrong: dataset fragments, quotes, rule words and hostile noise. */
export function incidentishText(dataset: Dataset, maxPieces = 30): fc.Arbitrary<string> {
  const texts = printedTexts(dataset);
  const vocab = datasetWords(dataset);
  const piece = fc.oneof(
    { weight: 4, arbitrary: fragmentOf(texts) },
    { weight: 2, arbitrary: fragmentOf(texts).map((f) => `DHS said “${f}.”`) },
    { weight: 1, arbitrary: fragmentOf(texts).map((f) => `Frey allegedly claimed that ${f}`) },
    { weight: 3, arbitrary: fc.constantFrom(...vocab) },
    { weight: 2, arbitrary: ruleWord },
    { weight: 2, arbitrary: mangledWord },
    { weight: 1, arbitrary: anyString },
  );
  return joined(piece, maxPieces);
}

/**
 * Sorted block offsets for a text of `length` (duplicates allowed, as the contract allows),
 * generated alongside the text.
 */
export function withBlocks(
  text: fc.Arbitrary<string>,
): fc.Arbitrary<{ text: string; blocks: number[] | undefined }> {
  return text.chain((t) =>
    fc.oneof(
      fc.constant({ text: t, blocks: undefined }),
      fc
        .array(fc.integer({ min: 0, max: t.length }), { maxLength: 12 })
        .map((bs) => ({ text: t, blocks: [...bs].sort((a, b) => a - b) })),
    ),
  );
}

/** Runs `fn` and returns its result with the time it took, in ms. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}
