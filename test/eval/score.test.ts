// The scorer itself, on tiny synthetic pages: if these fail, the evaluation numbers mean nothing.

import { describe, expect, it } from 'vitest';
import { buildPage, CorpusError, type CorpusPage, type PageSource } from '../../scripts/corpus/corpus';
import {
  assignPassage,
  checkFloors,
  scorePage,
  scoreSplit,
  type PredictedMatch,
} from '../../scripts/corpus/score';

const FILE = '/corpus/train/tiny.json';

function page(source: Partial<PageSource> & Pick<PageSource, 'blocks'>): CorpusPage {
  return buildPage({ id: 'tiny', style: 'wire', about: true, ...source }, FILE, 'train');
}

// Two blocks: "Alpha one. Beta two." and "Gamma three."
const tiny = page({
  blocks: [
    [
      { text: 'Alpha one.', claims: ['fatal-shooting'], carried: ['stated-as-fact'] },
      {
        text: 'Beta two.',
        claims: ['weaponized-vehicle', 'domestic-terrorism'],
        optional: ['defensive-shots'],
      },
    ],
    ['Gamma three.'],
  ],
});

/** A match covering the passage `index` of `p`, optionally shrunk or shifted. */
function on(
  p: CorpusPage,
  index: number,
  claimId: string,
  extra: Partial<PredictedMatch> = {},
): PredictedMatch {
  const passage = p.passages[index]!;
  return { claimId, start: passage.start, end: passage.end, ...extra };
}

describe('buildPage', () => {
  it('joins passages with a space and blocks with a blank line, and records offsets', () => {
    expect(tiny.text).toBe('Alpha one. Beta two.\n\nGamma three.');
    expect(tiny.blocks).toEqual([0, 22]);
    expect(tiny.passages.map((p) => [p.id, tiny.text.slice(p.start, p.end)])).toEqual([
      ['tiny#1.1', 'Alpha one.'],
      ['tiny#1.2', 'Beta two.'],
      ['tiny#2.1', 'Gamma three.'],
    ]);
    expect(tiny.passages[0]!.carried).toEqual({ 'fatal-shooting': ['stated-as-fact'] });
    expect(tiny.passages[1]!.optional).toEqual(['defensive-shots']);
    expect(tiny.passages[2]!.claims).toEqual([]);
  });

  it('accepts carriage per claim', () => {
    const p = page({
      blocks: [
        [{ text: 'A.', claims: ['fatal-shooting', 'shame-chant'], carried: { 'shame-chant': ['hedged'] } }],
      ],
    });
    expect(p.passages[0]!.carried).toEqual({ 'shame-chant': ['hedged'] });
  });

  const bad: [string, unknown, RegExp][] = [
    [
      'an unknown claim id',
      { blocks: [[{ text: 'A.', claims: ['no-such-claim'] }]] },
      /blocks\[0\]\[0\]\.claims\[0\]: unknown claim id "no-such-claim"/,
    ],
    [
      'a duplicate claim id',
      { blocks: [[{ text: 'A.', claims: ['shame-chant', 'shame-chant'] }]] },
      /duplicate claim id/,
    ],
    [
      'a claim on a page not about the incident',
      { about: false, blocks: [[{ text: 'A.', claims: ['shame-chant'] }]] },
      /"about": false cannot label claims/,
    ],
    [
      'an unknown field',
      { blocks: [[{ text: 'A.', claim: ['shame-chant'] }]] },
      /blocks\[0\]\[0\]\.claim: unknown field/,
    ],
    ['an unknown page field', { title: 'x', blocks: [['A.']] }, /title: unknown field/],
    [
      'an id that is not the file name',
      { id: 'other', blocks: [['A.']] },
      /id: "other" does not match the file name "tiny"/,
    ],
    ['an empty block', { blocks: [[]] }, /blocks\[0\]: must be a non-empty array/],
    ['a blank line inside a passage', { blocks: [['A.\n\nB.']] }, /blank line/],
    ['padding around a passage', { blocks: [[' A.']] }, /leading or trailing whitespace/],
    ['carriage without claims', { blocks: [[{ text: 'A.', carried: ['hedged'] }]] }, /carried: needs claims/],
    [
      'an unknown carriage',
      { blocks: [[{ text: 'A.', claims: ['shame-chant'], carried: ['sarcastic'] }]] },
      /unknown carriage "sarcastic"/,
    ],
    [
      'carriage for a claim not on the passage',
      { blocks: [[{ text: 'A.', claims: ['shame-chant'], carried: { 'fatal-shooting': ['hedged'] } }]] },
      /carried\.fatal-shooting: is not one of the passage claims/,
    ],
    [
      'a claim both required and optional',
      { blocks: [[{ text: 'A.', claims: ['shame-chant'], optional: ['shame-chant'] }]] },
      /"shame-chant" is also in claims/,
    ],
    ['a missing about', { about: undefined, blocks: [['A.']] }, /about: must be true or false/],
  ];
  it.each(bad)('rejects %s, naming the file and the place', (_name, source, message) => {
    const build = () =>
      buildPage({ id: 'tiny', style: 'wire', about: true, ...(source as object) }, FILE, 'train');
    expect(build).toThrow(CorpusError);
    expect(build).toThrow(message);
    expect(build).toThrow(FILE);
  });
});

describe('assignPassage', () => {
  it('picks the passage a span overlaps most, the earliest on a tie, or -1 for none', () => {
    const [a, b] = tiny.passages;
    expect(assignPassage(tiny.passages, a!.start, a!.end)).toBe(0);
    expect(assignPassage(tiny.passages, a!.start + 2, b!.start + 2)).toBe(0); // 8 chars of A, 2 of B
    expect(assignPassage(tiny.passages, a!.end - 2, b!.end)).toBe(1);
    expect(assignPassage(tiny.passages, a!.end - 3, b!.start + 3)).toBe(0); // tie
    expect(assignPassage(tiny.passages, a!.end, b!.start)).toBe(-1); // only the joining space
    expect(assignPassage(tiny.passages, 0, tiny.text.length)).toBe(2); // "Gamma three." is longest
  });
});

describe('scorePage', () => {
  it('counts true positives, false positives and false negatives per (passage, claim)', () => {
    const score = scorePage(tiny, {
      about: true,
      score: 0.9,
      matches: [
        on(tiny, 0, 'fatal-shooting'),
        on(tiny, 0, 'fatal-shooting', { start: tiny.passages[0]!.start + 1 }), // duplicate: counted once
        on(tiny, 1, 'weaponized-vehicle'),
        on(tiny, 1, 'defensive-shots'), // optional: ignored
        on(tiny, 2, 'shame-chant'), // neutral passage: false positive
        on(tiny, 0, 'domestic-terrorism'), // labelled on passage 2, found on 1: FP and FN
      ],
    });
    expect(score.aboutCorrect).toBe(true);
    expect(score.tp).toEqual([
      { claimId: 'fatal-shooting', passageId: 'tiny#1.1' },
      { claimId: 'weaponized-vehicle', passageId: 'tiny#1.2' },
    ]);
    expect(score.ignored).toEqual([{ claimId: 'defensive-shots', passageId: 'tiny#1.2' }]);
    expect(score.falsePositives.map((f) => [f.passageId, f.claimId])).toEqual([
      ['tiny#2.1', 'shame-chant'],
      ['tiny#1.1', 'domestic-terrorism'],
    ]);
    expect(score.falsePositives[0]!.matchText).toBe('Gamma three.');
    expect(score.falseNegatives.map((f) => [f.passageId, f.claimId, f.cause])).toEqual([
      ['tiny#1.2', 'domestic-terrorism', 'not-linked'],
    ]);
  });

  it('counts a match that overlaps no passage as a false positive', () => {
    const [a, b] = tiny.passages;
    const score = scorePage(tiny, {
      about: true,
      score: 1,
      matches: [{ claimId: 'fatal-shooting', start: a!.end, end: b!.start }],
    });
    expect(score.falsePositives).toEqual([
      { pageId: 'tiny', claimId: 'fatal-shooting', passageId: null, passageText: null, matchText: ' ' },
    ]);
  });

  it('blames missed claims on recognition when the page was not recognized', () => {
    const score = scorePage(tiny, { about: false, score: 0.1, matches: [] });
    expect(score.aboutCorrect).toBe(false);
    expect(score.falseNegatives.map((f) => f.cause)).toEqual([
      'page-not-recognized',
      'page-not-recognized',
      'page-not-recognized',
    ]);
  });

  it('checks labelled carriage against the union of the matches on the passage', () => {
    const agree = scorePage(tiny, {
      about: true,
      score: 1,
      matches: [
        on(tiny, 0, 'fatal-shooting', { carried: ['paraphrase'] }),
        on(tiny, 0, 'fatal-shooting', { carried: ['stated-as-fact'] }),
      ],
    });
    expect([agree.carriageChecked, agree.carriageAgreed, agree.carriageMisses]).toEqual([1, 1, []]);
    const disagree = scorePage(tiny, {
      about: true,
      score: 1,
      matches: [on(tiny, 0, 'fatal-shooting', { carried: ['attributed'] })],
    });
    expect([disagree.carriageChecked, disagree.carriageAgreed]).toEqual([1, 0]);
    expect(disagree.carriageMisses[0]).toMatchObject({
      claimId: 'fatal-shooting',
      expected: ['stated-as-fact'],
      predicted: ['attributed'],
    });
  });
});

describe('scoreSplit', () => {
  const negative = buildPage(
    { id: 'tiny', style: 'sports', about: false, blocks: [['Ice hockey tonight.']] },
    FILE,
    'train',
  );

  it('micro-averages over pages and reports per claim', () => {
    const score = scoreSplit(
      [
        {
          page: tiny,
          prediction: {
            about: true,
            score: 1,
            matches: [on(tiny, 0, 'fatal-shooting'), on(tiny, 1, 'weaponized-vehicle')],
          },
        },
        {
          page: negative,
          prediction: { about: true, score: 0.7, matches: [on(negative, 0, 'fatal-shooting')] },
        },
      ],
      ['fatal-shooting', 'weaponized-vehicle', 'domestic-terrorism', 'shame-chant'],
    );
    expect([score.tp, score.fp, score.fn]).toEqual([2, 1, 1]);
    expect(score.precision).toBeCloseTo(2 / 3);
    expect(score.recall).toBeCloseTo(2 / 3);
    expect(score.f1).toBeCloseTo(2 / 3);
    expect(score.pageAccuracy).toBe(0.5);
    expect(score.pageErrors).toEqual([
      { pageId: 'tiny', style: 'sports', expected: false, predicted: true, score: 0.7 },
    ]);
    expect(score.perClaim['fatal-shooting']).toEqual({
      gold: 1,
      tp: 1,
      fp: 1,
      fn: 0,
      precision: 0.5,
      recall: 1,
    });
    expect(score.perClaim['domestic-terrorism']).toEqual({
      gold: 1,
      tp: 0,
      fp: 0,
      fn: 1,
      precision: null,
      recall: 0,
    });
    expect(score.perClaim['shame-chant']).toEqual({
      gold: 0,
      tp: 0,
      fp: 0,
      fn: 0,
      precision: null,
      recall: null,
    });
    expect(checkFloors(score).map((f) => f.ok)).toEqual([false, false, false]);
  });

  it('gives an engine that links nothing precision 1 and recall 0', () => {
    const score = scoreSplit([{ page: tiny, prediction: { about: true, score: 1, matches: [] } }], []);
    expect([score.precision, score.recall, score.f1]).toEqual([1, 0, 0]);
  });
});
