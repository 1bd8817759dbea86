// The engine's public results. The content script, the popup, the scan CLI, the evaluation and
// the benchmark all read these; src/match/index.ts produces them. Pure data, no DOM.

import type { Carried } from '../dataset/types';

/** Text to analyse: one string, plus the offsets where a block (paragraph, list item, cell) starts. */
export interface TextInput {
  text: string;
  /**
   * Sorted offsets into `text` where a new block begins (a paragraph, heading, list item...).
   * Sentences and passages never span one. Plain-text callers may omit it: blank lines
   * ("\n\n") then count as block boundaries.
   */
  blocks?: number[];
}

/** One piece of evidence the recognizer found for (or against) the incident. */
export interface Evidence {
  /** 'term': a context word or phrase; 'fact': a distinctive fact; 'against': a lookalike sign. */
  kind: 'term' | 'fact' | 'against';
  label: string; // human readable: "East 34th Street and Portland Avenue"
  weight: number; // contribution to the score (negative for 'against')
  start?: number; // first place it was seen in the text
  end?: number;
}

/** Is this page about the incident, how sure, and why. */
export interface Recognition {
  about: boolean;
  score: number; // 0..1
  evidence: Evidence[];
}

/** Why a passage was linked to a claim. */
export type MatchReason = 'exact-quote' | 'near-quote' | 'paraphrase';

/** One word-level edit between a page's quote and an outlet's printed version. */
export interface DiffOp {
  op: 'same' | 'added' | 'removed'; // 'added' = on the page only, 'removed' = in the outlet only
  text: string;
}

/** How the page's quote compares with one outlet's printed version of the same quote. */
export interface QuoteComparison {
  outletId: string;
  printed: string; // the outlet's version
  identical: boolean; // same words after normalization
  ops: DiffOp[];
}

/** How the page carries a linked claim. */
export interface Carriage {
  carried: Carried[]; // e.g. ['direct-quote', 'attributed'] or ['paraphrase', 'stated-as-fact']
  /** Who the page attributes it to: the words it used, and the actor id when we know it. */
  attributedTo?: { text: string; actorId?: string };
  /** The hedging words found ("allegedly", "claimed"). */
  hedges: string[];
}

/** A passage of the page linked to a claim. */
export interface ClaimMatch extends Carriage {
  claimId: string;
  start: number; // offsets into TextInput.text (JavaScript string units)
  end: number;
  text: string; // TextInput.text.slice(start, end)
  score: number; // 0..1
  reason: MatchReason;
  /** Human-readable detail: which quote, which key facts, numbers or names matched. */
  detail: string;
  /** For quote claims where the page quotes words: one entry per outlet variant. */
  quoteComparisons: QuoteComparison[];
}

/** The full result for a page. */
export interface PageAnalysis extends Recognition {
  matches: ClaimMatch[];
}

/** A claim ranked against arbitrary text (right-click lookup), even when nothing matches. */
export interface RankedClaim {
  claimId: string;
  score: number;
  reason?: MatchReason;
  detail: string;
}

/** The engine, built once per dataset (src/match/index.ts: `createMatcher(dataset)`). */
export interface Matcher {
  /**
   * Build the indexes in bounded steps (each `next()` is a few milliseconds of work). Optional:
   * the first call that needs them builds them at once otherwise; the content script uses this
   * so that no task of its own runs long on a cold browser.
   */
  prepareSteps(): Generator<void, void, void>;
  /** Cheap first test, no allocation-heavy work: false means certainly not about the incident. */
  mayBeAbout(text: string): boolean;
  /** Score the whole text for the incident, with evidence. */
  recognize(input: TextInput): Recognition;
  /**
   * `recognize` in bounded steps: the text is read a few blocks per `next()`, and the generator
   * returns the same Recognition. The content script uses it so that reading a long page is not
   * one long task; `linkSteps` on the same text then reuses what was read.
   */
  recognizeSteps(input: TextInput): Generator<void, Recognition, void>;
  /** Recognize, then link every passage when the text is about the incident (or `force`). */
  analyze(input: TextInput, options?: { force?: boolean }): PageAnalysis;
  /**
   * Link passages in bounded steps without recognizing first (the caller decided): each
   * `next()` links at most `passagesPerStep` passages and yields their matches, so the content
   * script can keep every task under 50 ms.
   */
  linkSteps(input: TextInput, options?: { passagesPerStep?: number }): Generator<ClaimMatch[], void, void>;
  /** Rank every claim against arbitrary text (right-click lookup), best first. */
  rank(text: string, limit?: number): RankedClaim[];
}
