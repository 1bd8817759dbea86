// The engine against the labelled corpus, through the same code path as `npm run eval`. These are
// floors, not targets: precision >= 0.95, recall >= 0.90 and page accuracy >= 0.95 on EACH split,
// including the held-out validation split the engine was never tuned on.

import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/match/index';
import { loadCorpus, SPLITS } from '../../scripts/corpus/corpus';
import { loadDataset, missingClaims } from '../../scripts/corpus/dataset';
import { evaluatePages } from '../../scripts/corpus/evaluate';
import { FLOORS } from '../../scripts/corpus/score';

const dataset = loadDataset();
const matcher = createMatcher(dataset);
const corpus = loadCorpus();
const claimIds = dataset.claims.map((c) => c.id);

it('runs against a dataset that defines every labelled claim', () => {
  expect(missingClaims(dataset)).toEqual([]);
});

describe.each(SPLITS)('on the %s split', (split) => {
  const score = evaluatePages(matcher, corpus[split], claimIds);
  // Shown on failure, so a red run says which passages to look at.
  const detail = (list: { passageId: string | null; claimId: string }[]): string =>
    list.map((e) => `${e.passageId ?? '(between passages)'} ${e.claimId}`).join('\n');

  it(`links claims with precision >= ${FLOORS.precision}`, () => {
    expect(score.precision, `false positives:\n${detail(score.falsePositives)}`).toBeGreaterThanOrEqual(
      FLOORS.precision,
    );
  });

  it(`links claims with recall >= ${FLOORS.recall}`, () => {
    expect(score.recall, `false negatives:\n${detail(score.falseNegatives)}`).toBeGreaterThanOrEqual(
      FLOORS.recall,
    );
  });

  it(`tells pages about the incident from the rest with accuracy >= ${FLOORS.pageAccuracy}`, () => {
    const wrong = score.pageErrors.map(
      (e) => `${e.pageId} (labelled ${e.expected}, score ${e.score.toFixed(2)})`,
    );
    expect(score.pageAccuracy, `wrong pages:\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(
      FLOORS.pageAccuracy,
    );
  });
});
