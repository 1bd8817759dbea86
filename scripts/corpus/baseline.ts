// The benchmark's baseline: find claims the way an annotation client anchors a stored quote.
// Every printed text of a claim (each report excerpt and each quote variant) is searched over the
// page with approx-string-match (Myers' bit-parallel fuzzy search, what the Hypothesis client
// uses to re-anchor quotes), allowing ~10% edits; a claim is found where any of its texts matches.

import search from 'approx-string-match';
import type { Dataset } from '../../src/dataset/types';

/** The fraction of a pattern's length the baseline allows as edits. */
export const BASELINE_ERROR_RATE = 0.1;

/** One text to look for, and the claim it stands for. */
export interface BaselinePattern {
  claimId: string;
  text: string;
}

/** A place where the baseline found one of a claim's texts. */
export interface BaselineMatch {
  claimId: string;
  start: number;
  end: number;
  errors: number;
}

/** Every distinct printed text of every claim: report excerpts and quote variants. */
export function baselinePatterns(dataset: Dataset): BaselinePattern[] {
  const seen = new Set<string>();
  const patterns: BaselinePattern[] = [];
  const add = (claimId: string, text: string): void => {
    const trimmed = text.trim();
    const key = `${claimId}\u0000${trimmed}`;
    if (trimmed.length === 0 || seen.has(key)) return;
    seen.add(key);
    patterns.push({ claimId, text: trimmed });
  };
  for (const report of dataset.reports) add(report.claimId, report.excerpt);
  for (const claim of dataset.claims) for (const variant of claim.variants) add(claim.id, variant.text);
  return patterns;
}

/** Search `text` for every pattern; overlapping matches of one pattern are kept once (the best). */
export function baselineSearch(
  text: string,
  patterns: readonly BaselinePattern[],
  errorRate: number = BASELINE_ERROR_RATE,
): BaselineMatch[] {
  const found: BaselineMatch[] = [];
  for (const pattern of patterns) {
    const maxErrors = Math.floor(pattern.text.length * errorRate);
    const matches = search(text, pattern.text, maxErrors).sort(
      (a, b) => a.start - b.start || a.errors - b.errors,
    );
    let lastEnd = -1;
    for (const m of matches) {
      if (m.start < lastEnd) continue; // the same place, found with another end
      found.push({ claimId: pattern.claimId, start: m.start, end: m.end, errors: m.errors });
      lastEnd = m.end;
    }
  }
  return found;
}

/**
 * The Hypothesis client's own `matchQuote` search, for reference: each text is first looked for
 * verbatim (`indexOf`); only a text found nowhere is fuzzy-searched, allowing min(256, length / 2)
 * edits (hypothesis/client, src/annotator/anchoring/match-quote.ts). On a page that reprints the
 * printed texts (the bench's pages hold the seed articles) the verbatim pass finds them at once,
 * but a paraphrase is never found verbatim and, at half the length in edits, fuzzy hits are mostly
 * noise: it is fast where our engine is not needed and blind where it is.
 */
export function hypothesisSearch(text: string, patterns: readonly BaselinePattern[]): BaselineMatch[] {
  const found: BaselineMatch[] = [];
  for (const pattern of patterns) {
    const quote = pattern.text;
    let exact = false;
    for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
      found.push({ claimId: pattern.claimId, start: at, end: at + quote.length, errors: 0 });
      exact = true;
    }
    if (exact) continue;
    for (const m of search(text, quote, Math.min(256, quote.length / 2)))
      found.push({ claimId: pattern.claimId, start: m.start, end: m.end, errors: m.errors });
  }
  return found;
}
