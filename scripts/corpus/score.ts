// Scoring the engine against the labelled corpus. A predicted match counts for the passage its
// span overlaps most; it is a true positive when that passage is labelled with the match's claim.
// Several matches of one claim on one passage count once, so precision and recall are over
// (passage, claim) pairs. Claims a passage lists as `optional` are neither rewarded nor penalized.

import type { Carried } from '../../src/dataset/types';
import type { LabelledPassage, CorpusPage } from './corpus';

/** The quality floors the evaluation test enforces on each split. */
export const FLOORS = { precision: 0.95, recall: 0.9, pageAccuracy: 0.95 } as const;

/** The part of a `ClaimMatch` the scorer reads. */
export interface PredictedMatch {
  claimId: string;
  start: number;
  end: number;
  carried?: readonly Carried[];
}

/** What the engine said about one page. */
export interface PagePrediction {
  about: boolean;
  score: number;
  matches: readonly PredictedMatch[];
}

/** A linked claim the labels do not support. */
export interface FalsePositive {
  pageId: string;
  claimId: string;
  /** The passage the match was counted for, or null when it overlaps no passage. */
  passageId: string | null;
  passageText: string | null;
  matchText: string;
}

/** A labelled claim the engine did not link on its passage. */
export interface FalseNegative {
  pageId: string;
  claimId: string;
  passageId: string;
  passageText: string;
  /** Why it was missed: the page was not recognized, or the passage was not linked. */
  cause: 'page-not-recognized' | 'not-linked';
}

/** A page whose about/not-about verdict was wrong. */
export interface PageError {
  pageId: string;
  style: string;
  expected: boolean;
  predicted: boolean;
  score: number;
}

/** A labelled carriage value the engine did not report on a correctly linked claim. */
export interface CarriageMiss {
  pageId: string;
  passageId: string;
  claimId: string;
  expected: Carried[];
  predicted: Carried[];
}

/** Counts for one claim. Precision is null when the claim was never predicted. */
export interface ClaimScore {
  gold: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

/** The score of one page. */
export interface PageScore {
  pageId: string;
  aboutCorrect: boolean;
  tp: { claimId: string; passageId: string }[];
  ignored: { claimId: string; passageId: string }[];
  falsePositives: FalsePositive[];
  falseNegatives: FalseNegative[];
  carriageChecked: number;
  carriageAgreed: number;
  carriageMisses: CarriageMiss[];
}

/** The score of a set of pages (one split). */
export interface SplitScore {
  pages: number;
  aboutPages: number;
  pageAccuracy: number;
  tp: number;
  fp: number;
  fn: number;
  ignored: number;
  precision: number;
  recall: number;
  f1: number;
  /** Labelled carriage values checked on true positives, and how many the engine agreed with. */
  carriage: { checked: number; agreed: number; rate: number };
  perClaim: Record<string, ClaimScore>;
  pageErrors: PageError[];
  falsePositives: FalsePositive[];
  falseNegatives: FalseNegative[];
  carriageMisses: CarriageMiss[];
}

/**
 * The index of the passage that `[start, end)` overlaps most (the earliest on a tie), or -1 when
 * it overlaps none. Passages are sorted and disjoint, as `buildPage` makes them.
 */
export function assignPassage(passages: readonly LabelledPassage[], start: number, end: number): number {
  let best = -1;
  let bestOverlap = 0;
  for (let i = 0; i < passages.length; i++) {
    const p = passages[i]!;
    if (p.start >= end) break;
    const overlap = Math.min(end, p.end) - Math.max(start, p.start);
    if (overlap > bestOverlap) {
      best = i;
      bestOverlap = overlap;
    }
  }
  return best;
}

/** Score one page's prediction against its labels. */
export function scorePage(page: CorpusPage, prediction: PagePrediction): PageScore {
  const result: PageScore = {
    pageId: page.id,
    aboutCorrect: prediction.about === page.about,
    tp: [],
    ignored: [],
    falsePositives: [],
    falseNegatives: [],
    carriageChecked: 0,
    carriageAgreed: 0,
    carriageMisses: [],
  };

  // (passage index, claim id) -> the carriage values of every match counted for it.
  const predicted = new Map<string, { passage: number; claimId: string; carried: Set<Carried> }>();
  for (const match of prediction.matches) {
    const index = assignPassage(page.passages, match.start, match.end);
    if (index < 0) {
      result.falsePositives.push({
        pageId: page.id,
        claimId: match.claimId,
        passageId: null,
        passageText: null,
        matchText: page.text.slice(match.start, match.end),
      });
      continue;
    }
    const key = `${index}\u0000${match.claimId}`;
    let entry = predicted.get(key);
    if (!entry) {
      entry = { passage: index, claimId: match.claimId, carried: new Set() };
      predicted.set(key, entry);
      const passage = page.passages[index]!;
      if (!passage.claims.includes(match.claimId) && !passage.optional.includes(match.claimId)) {
        result.falsePositives.push({
          pageId: page.id,
          claimId: match.claimId,
          passageId: passage.id,
          passageText: passage.text,
          matchText: page.text.slice(match.start, match.end),
        });
      }
    }
    for (const c of match.carried ?? []) entry.carried.add(c);
  }

  page.passages.forEach((passage, index) => {
    for (const claimId of passage.optional) {
      if (predicted.has(`${index}\u0000${claimId}`)) result.ignored.push({ claimId, passageId: passage.id });
    }
    for (const claimId of passage.claims) {
      const entry = predicted.get(`${index}\u0000${claimId}`);
      if (!entry) {
        result.falseNegatives.push({
          pageId: page.id,
          claimId,
          passageId: passage.id,
          passageText: passage.text,
          cause: prediction.about ? 'not-linked' : 'page-not-recognized',
        });
        continue;
      }
      result.tp.push({ claimId, passageId: passage.id });
      const expected = passage.carried[claimId];
      if (!expected) continue;
      const missing = expected.filter((c) => !entry.carried.has(c));
      result.carriageChecked += expected.length;
      result.carriageAgreed += expected.length - missing.length;
      if (missing.length > 0) {
        result.carriageMisses.push({
          pageId: page.id,
          passageId: passage.id,
          claimId,
          expected: [...expected],
          predicted: [...entry.carried],
        });
      }
    }
  });
  return result;
}

function ratio(numerator: number, denominator: number, empty: number): number {
  return denominator === 0 ? empty : numerator / denominator;
}

/**
 * Score a split: every page with its prediction, in corpus order. `claimIds` lists the claims to
 * report per claim (all dataset claims, so unlabelled ones still show their false positives).
 */
export function scoreSplit(
  results: readonly { page: CorpusPage; prediction: PagePrediction }[],
  claimIds: readonly string[],
): SplitScore {
  const perClaim: Record<string, ClaimScore> = {};
  const claim = (id: string): ClaimScore =>
    (perClaim[id] ??= { gold: 0, tp: 0, fp: 0, fn: 0, precision: null, recall: null });
  for (const id of claimIds) claim(id);

  const split: SplitScore = {
    pages: results.length,
    aboutPages: 0,
    pageAccuracy: 0,
    tp: 0,
    fp: 0,
    fn: 0,
    ignored: 0,
    precision: 0,
    recall: 0,
    f1: 0,
    carriage: { checked: 0, agreed: 0, rate: 0 },
    perClaim,
    pageErrors: [],
    falsePositives: [],
    falseNegatives: [],
    carriageMisses: [],
  };
  let correctPages = 0;
  for (const { page, prediction } of results) {
    const score = scorePage(page, prediction);
    if (page.about) split.aboutPages++;
    if (score.aboutCorrect) correctPages++;
    else {
      split.pageErrors.push({
        pageId: page.id,
        style: page.style,
        expected: page.about,
        predicted: prediction.about,
        score: prediction.score,
      });
    }
    for (const { claimId } of score.tp) claim(claimId).tp++;
    for (const { claimId } of score.falsePositives) claim(claimId).fp++;
    for (const { claimId } of score.falseNegatives) claim(claimId).fn++;
    split.tp += score.tp.length;
    split.fp += score.falsePositives.length;
    split.fn += score.falseNegatives.length;
    split.ignored += score.ignored.length;
    split.carriage.checked += score.carriageChecked;
    split.carriage.agreed += score.carriageAgreed;
    split.falsePositives.push(...score.falsePositives);
    split.falseNegatives.push(...score.falseNegatives);
    split.carriageMisses.push(...score.carriageMisses);
  }
  for (const c of Object.values(perClaim)) {
    c.gold = c.tp + c.fn;
    c.precision = c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
    c.recall = c.gold === 0 ? null : c.tp / c.gold;
  }
  // An engine that links nothing has made no wrong link: precision 1, recall 0.
  split.precision = ratio(split.tp, split.tp + split.fp, 1);
  split.recall = ratio(split.tp, split.tp + split.fn, 1);
  split.f1 =
    split.precision + split.recall === 0
      ? 0
      : (2 * split.precision * split.recall) / (split.precision + split.recall);
  split.pageAccuracy = ratio(correctPages, results.length, 1);
  split.carriage.rate = ratio(split.carriage.agreed, split.carriage.checked, 1);
  return split;
}

/** Which floors a split meets. */
export function checkFloors(
  score: SplitScore,
): { name: keyof typeof FLOORS; value: number; floor: number; ok: boolean }[] {
  return (Object.keys(FLOORS) as (keyof typeof FLOORS)[]).map((name) => ({
    name,
    value: score[name],
    floor: FLOORS[name],
    ok: score[name] >= FLOORS[name],
  }));
}
