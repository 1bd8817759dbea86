// Running the engine over corpus pages and scoring the result: the one code path shared by
// `npm run eval` and test/eval/eval.test.ts, so the test checks exactly what the CLI reports.

import type { Matcher } from '../../src/match/types';
import type { CorpusPage } from './corpus';
import { scoreSplit, type PagePrediction, type SplitScore } from './score';

/** How to run the engine on each page. */
export interface EvaluateOptions {
  /** Link every page even when the recognizer says it is not about the incident (isolates the linker). */
  force?: boolean;
}

/** What the engine predicts for one page, through the same `analyze` call the content script makes. */
export function predictPage(
  matcher: Matcher,
  page: CorpusPage,
  options: EvaluateOptions = {},
): PagePrediction {
  const analysis = matcher.analyze(
    { text: page.text, blocks: page.blocks },
    { force: options.force ?? false },
  );
  return { about: analysis.about, score: analysis.score, matches: analysis.matches };
}

/** Predict and score a split. `claimIds` are the dataset's claims (reported even when unlabelled). */
export function evaluatePages(
  matcher: Matcher,
  pages: readonly CorpusPage[],
  claimIds: readonly string[],
  options: EvaluateOptions = {},
): SplitScore {
  return scoreSplit(
    pages.map((page) => ({ page, prediction: predictPage(matcher, page, options) })),
    claimIds,
  );
}
