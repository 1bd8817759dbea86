// The corpus is data reviewed like code: every file parses and validates, every claim has enough
// labelled passages in each split, the splits share no text, and a perfect predictor scores 1.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIM_IDS } from '../../scripts/corpus/claims';
import { claimCounts, CORPUS_DIR, loadCorpus, SPLITS } from '../../scripts/corpus/corpus';
import { scoreSplit } from '../../scripts/corpus/score';

const corpus = loadCorpus();
const MIN_POSITIVES = { train: 3, validation: 2 } as const;
const MIN_NEGATIVE_PAGES = { train: 25, validation: 15 } as const;

describe.each(SPLITS)('the %s split', (split) => {
  const pages = corpus[split];

  it('holds only page files', () => {
    const names = readdirSync(join(CORPUS_DIR, split));
    expect(names.filter((n) => !n.endsWith('.json'))).toEqual([]);
    expect(pages.length).toBe(names.length);
  });

  it(`labels every claim on at least ${MIN_POSITIVES[split]} passages`, () => {
    const counts = claimCounts(pages);
    const short = CLAIM_IDS.filter((id) => (counts.get(id) ?? 0) < MIN_POSITIVES[split]);
    expect(short).toEqual([]);
  });

  it(`has at least ${MIN_NEGATIVE_PAGES[split]} pages not about the incident, in several styles`, () => {
    const negatives = pages.filter((p) => !p.about);
    expect(negatives.length).toBeGreaterThanOrEqual(MIN_NEGATIVE_PAGES[split]);
    expect(new Set(negatives.map((p) => p.style)).size).toBeGreaterThanOrEqual(5);
  });

  it('gives every page about the incident claims and neutral passages, in many styles', () => {
    const positives = pages.filter((p) => p.about);
    for (const page of positives) {
      expect(
        page.passages.some((p) => p.claims.length > 0),
        page.id,
      ).toBe(true);
      expect(
        page.passages.some((p) => p.claims.length === 0 && p.optional.length === 0),
        page.id,
      ).toBe(true);
    }
    expect(new Set(positives.map((p) => p.style)).size).toBeGreaterThanOrEqual(10);
  });

  it('scores a perfect predictor at 1 and a link-everything predictor far lower', () => {
    const perfect = scoreSplit(
      pages.map((page) => ({
        page,
        prediction: {
          about: page.about,
          score: 1,
          matches: page.passages.flatMap((p) =>
            p.claims.map((claimId) => ({
              claimId,
              start: p.start,
              end: p.end,
              carried: p.carried[claimId] ?? [],
            })),
          ),
        },
      })),
      CLAIM_IDS,
    );
    expect([perfect.precision, perfect.recall, perfect.pageAccuracy, perfect.carriage.rate]).toEqual([
      1, 1, 1, 1,
    ]);
    expect(perfect.tp).toBe([...claimCounts(pages).values()].reduce((a, b) => a + b, 0));

    const everything = scoreSplit(
      pages.map((page) => ({
        page,
        prediction: {
          about: true,
          score: 1,
          matches: page.passages.flatMap((p) =>
            CLAIM_IDS.map((claimId) => ({ claimId, start: p.start, end: p.end })),
          ),
        },
      })),
      CLAIM_IDS,
    );
    expect(everything.recall).toBe(1);
    expect(everything.precision).toBeLessThan(0.05);
    expect(everything.pageAccuracy).toBeLessThan(0.6);
  });
});

describe('the two splits', () => {
  it('share no page id and no passage text (validation is written independently)', () => {
    const ids = [...corpus.train, ...corpus.validation].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Short boilerplate ("[Music]") may repeat; sentences of substance may not.
    const trainTexts = new Set(
      corpus.train.flatMap((p) => p.passages.map((q) => q.text)).filter((t) => t.length > 40),
    );
    const shared = corpus.validation.flatMap((p) =>
      p.passages.filter((q) => trainTexts.has(q.text)).map((q) => q.id),
    );
    expect(shared).toEqual([]);
  });

  it('hold at least 40 pages not about the incident between them', () => {
    const negatives = [...corpus.train, ...corpus.validation].filter((p) => !p.about);
    expect(negatives.length).toBeGreaterThanOrEqual(40);
  });
});
