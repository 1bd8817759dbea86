// A stand-in for the lead's page controller (src/content/controller.ts): it implements ContentApi
// over fixed data and records every call, so messaging can be tested without a page.

import type {
  ContentApi,
  ContentSettings,
  LookupResult,
  PageSummary,
  PassageSummary,
} from '../../src/content/api';
import type { ClaimMatch } from '../../src/match/types';

/** A linked match of `claimId` over `text`, carried as stated by default. */
export function match(claimId: string, text: string, overrides: Partial<ClaimMatch> = {}): ClaimMatch {
  return {
    claimId,
    start: 0,
    end: text.length,
    text,
    score: 0.9,
    reason: 'paraphrase',
    detail: 'Key facts match.',
    carried: ['paraphrase'],
    hedges: [],
    quoteComparisons: [],
    ...overrides,
  };
}

/** A page summary with the given passages (each a list of matches). */
export function summaryOf(passages: ClaimMatch[][], overrides: Partial<PageSummary> = {}): PageSummary {
  const list: PassageSummary[] = passages.map((matches, index) => ({
    index,
    start: index * 100,
    end: index * 100 + 50,
    text: matches[0]?.text ?? '',
    matches,
  }));
  return {
    url: 'https://news.example/story',
    title: 'A story',
    state: passages.length > 0 ? 'linked' : 'unrelated',
    about: passages.length > 0,
    score: passages.length > 0 ? 0.9 : 0.05,
    evidence: [],
    passages: list,
    partial: false,
    scannedChars: 1000,
    totalChars: 1000,
    ...overrides,
  };
}

/** The fake controller. */
export class FakeContentApi implements ContentApi {
  settings: ContentSettings[] = [];
  shown: number[] = [];
  opened: number[] = [];
  lookups: (string | undefined)[] = [];
  destroyed = false;
  private listeners: ((summary: PageSummary) => void)[] = [];

  constructor(
    public current: PageSummary = summaryOf([]),
    public lookupResult: LookupResult = { text: '', matches: [], closest: [] },
  ) {}

  summary(): PageSummary {
    return this.current;
  }
  showPassage(index: number): boolean {
    this.shown.push(index);
    return index < this.current.passages.length;
  }
  openPassage(index: number): boolean {
    this.opened.push(index);
    return index < this.current.passages.length;
  }
  lookupSelection(text?: string): LookupResult {
    this.lookups.push(text);
    return text === undefined ? this.lookupResult : { ...this.lookupResult, text };
  }
  applySettings(settings: ContentSettings): void {
    this.settings.push(settings);
  }
  onSummaryChange(listener: (summary: PageSummary) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }
  /** Test helper: the controller linked more passages. */
  change(summary: PageSummary): void {
    this.current = summary;
    for (const listener of this.listeners) listener(summary);
  }
  get listenerCount(): number {
    return this.listeners.length;
  }
  destroy(): void {
    this.destroyed = true;
  }
}
