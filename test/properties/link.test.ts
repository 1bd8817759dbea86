// Properties of recognition and linking (src/match/index.ts) on hostile text that shares words,
// quotes and key facts with the dataset: analyze/linkSteps/rank never throw, return matches whose
// offsets are inside the text with `text === input.slice(start, end)` and inside one block,
// results do not depend on how the content script slices the work, the cheap first test never
// says "no" to a page the recognizer accepts, and a printed quote survives hostile surroundings.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/match/index';
import type { ClaimMatch, TextInput } from '../../src/match/types';
import { anyString, hostileChar, incidentishText, loadDataset, withBlocks } from './arbitraries';
import { checkMatches } from './contract';

const dataset = loadDataset();
const matcher = createMatcher(dataset);
const claimIds = new Set(dataset.claims.map((c) => c.id));

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) };
/** A single small input that takes longer than this is a hang, not a slow run. */
const SMALL_INPUT_CEILING_MS = 2_000;

const inputs = withBlocks(
  fc.oneof({ weight: 4, arbitrary: incidentishText(dataset) }, { weight: 1, arbitrary: anyString }),
);

/** Runs `fn`, failing when it takes longer than the ceiling (a hang, not a benchmark). */
function bounded<T>(what: string, fn: () => T): T {
  const started = performance.now();
  const value = fn();
  const ms = performance.now() - started;
  expect(ms, `${what} took ${Math.round(ms)} ms`).toBeLessThan(SMALL_INPUT_CEILING_MS);
  return value;
}

const flat = (steps: Iterable<ClaimMatch[]>): ClaimMatch[] => [...steps].flat();

describe('analyze, linkSteps and rank on hostile text', () => {
  it('analyze(..., {force: true}) never throws and returns matches inside the text', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const result = bounded('analyze', () => matcher.analyze(input, { force: true }));
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        checkMatches(result.matches, input, dataset, { blocks: false });
      }),
      RUNS,
    );
  });

  it('analyze keeps every match inside one block, even where a block starts inside a word', () => {
    // linkSteps tokenizes each passage on its own and passes this; analyze tokenizes the whole
    // text once, so a word straddling a block start ("P|ortland") pulls the match across it.
    fc.assert(
      fc.property(inputs, (input) => {
        checkMatches(matcher.analyze(input, { force: true }).matches, input, dataset);
      }),
      { ...RUNS, examples: [[{ text: 'DHS said “agent at 34th Street & Portland,”.” ', blocks: [34] }]] },
    );
  });

  it('linkSteps gives valid matches, the same however many passages each step takes', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 1, max: 9 }), (input, per) => {
        const one = bounded('linkSteps', () => flat(matcher.linkSteps(input, { passagesPerStep: 1 })));
        checkMatches(one, input, dataset);
        // The content script picks the step size by time; the result must not depend on it.
        expect(flat(matcher.linkSteps(input, { passagesPerStep: per }))).toEqual(one);
      }),
      RUNS,
    );
  });

  it('analyze and linkSteps link the same passages on extracted-page text', () => {
    // Text as src/page's extractor makes it: blocks joined by blank lines, offsets at their starts.
    const page = fc.array(incidentishText(dataset, 12), { minLength: 1, maxLength: 6 }).map((paragraphs) => {
      const blocks: number[] = [];
      let text = '';
      for (const p of paragraphs) {
        if (text) text += '\n\n';
        blocks.push(text.length);
        text += p;
      }
      return { text, blocks };
    });
    fc.assert(
      fc.property(page, (input) => {
        // The scan CLI and the evaluation call analyze; the content script calls linkSteps.
        const analyzed = matcher.analyze(input, { force: true }).matches;
        expect(flat(matcher.linkSteps(input))).toEqual(analyzed);
      }),
      RUNS,
    );
  });

  it('rank scores every claim once, best first, within [0, 1], and honours the limit', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 0, max: 50 }), ({ text }, limit) => {
        const all = bounded('rank', () => matcher.rank(text));
        expect(all).toHaveLength(dataset.claims.length);
        expect(new Set(all.map((r) => r.claimId)).size).toBe(all.length);
        for (let i = 0; i < all.length; i++) {
          const r = all[i]!;
          expect(claimIds.has(r.claimId)).toBe(true);
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(1);
          expect(r.detail.length).toBeGreaterThan(0);
          if (i > 0) expect(r.score).toBeLessThanOrEqual(all[i - 1]!.score);
        }
        expect(matcher.rank(text, limit)).toEqual(all.slice(0, limit));
      }),
      RUNS,
    );
  });

  it('never says "certainly not" (mayBeAbout false) to text the recognizer accepts', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const recognition = matcher.recognize(input);
        if (!matcher.mayBeAbout(input.text)) {
          expect(recognition.about).toBe(false);
          expect(matcher.analyze(input).matches).toEqual([]);
        }
        for (const e of recognition.evidence) {
          if (e.start !== undefined) {
            expect(e.start).toBeGreaterThanOrEqual(0);
            expect(e.end ?? e.start).toBeLessThanOrEqual(input.text.length);
          }
        }
      }),
      RUNS,
    );
  });

  it('rejects inputs that are not text with a TypeError naming the method', () => {
    for (const bad of [null, undefined, 42, {}, { text: 7 }, { text: null }]) {
      expect(() => matcher.analyze(bad as unknown as TextInput)).toThrow(/analyze/);
      expect(() => matcher.recognize(bad as unknown as TextInput)).toThrow(/recognize/);
      expect(() => [...matcher.linkSteps(bad as unknown as TextInput)]).toThrow(/linkSteps/);
    }
    expect(() => matcher.rank(42 as unknown as string)).toThrow(/rank/);
    expect(() => matcher.rank('x', -1)).toThrow(/limit/);
    expect(() => [...matcher.linkSteps({ text: 'x' }, { passagesPerStep: 0 })]).toThrow(/passagesPerStep/);
  });
});

describe('a printed quote among hostile neighbours', () => {
  // Every quote variant of the dataset, with the claim it belongs to.
  const quotes = dataset.claims.flatMap((c) =>
    c.variants.filter((v) => v.text.split(/\s+/).length >= 6).map((v) => ({ claimId: c.id, text: v.text })),
  );
  /** Noise blocks: hostile characters and unrelated words, never dataset text. */
  const noise = fc.array(
    fc.oneof(hostileChar, fc.constantFrom('garden', 'tomato', 'rain', 'the', 'of', '2024')),
    {
      maxLength: 30,
    },
  );
  /** Spelling changes a page may make to a quote without changing its words. */
  const respell = fc.constantFrom<[string, (s: string) => string]>(
    ['as printed', (s) => s],
    ['straight apostrophes', (s) => s.replace(/’/g, "'")],
    ['non-breaking spaces', (s) => s.replace(/ /g, '\u00a0')],
    ['zero-width spaces inside words', (s) => s.replace(/([a-z])([a-z])/g, '$1\u200b$2')],
    ['soft hyphens inside words', (s) => s.replace(/([a-z]{3})([a-z]{3})/g, '$1\u00ad$2')],
    ['upper case', (s) => s.toUpperCase()],
  );

  it('is linked to its claim whatever the neighbouring blocks hold', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...quotes),
        respell,
        noise,
        noise,
        ({ claimId, text: quote }, [, change], before, after) => {
          const head = before.join(' ');
          const sentence = `The department said: “${change(quote)}.”`;
          const text = `${head}\n\n${sentence}\n\n${after.join(' ')}`;
          const start = head.length + 2;
          const input = { text, blocks: [0, start, start + sentence.length + 2] };
          const matches = matcher
            .analyze(input, { force: true })
            .matches.filter((m) => m.claimId === claimId);
          expect(matches.length, `"${quote}" not linked in ${JSON.stringify(text)}`).toBeGreaterThan(0);
          checkMatches(matches, input, dataset);
          for (const m of matches) {
            expect(m.start).toBeGreaterThanOrEqual(start);
            expect(m.end).toBeLessThanOrEqual(start + sentence.length);
          }
        },
      ),
      RUNS,
    );
  });
});
