// What the content script's page controller offers the rest of the extension. The messaging layer
// (service worker ↔ content script ↔ popup, src/messages.ts) calls these; the controller
// (src/content/controller.ts) implements them. Plain data in and out, so replies can cross
// runtime.sendMessage unchanged.

import type { ClaimMatch, Evidence, RankedClaim } from '../match/types';

/** Highlight styles a reader can choose in the popup. */
export type HighlightStyle = 'underline' | 'background' | 'off';

/** Settings the content script obeys (kept in IndexedDB by the service worker / popup). */
export interface ContentSettings {
  /** Paused on this site or everywhere: scan nothing, draw nothing. */
  paused: boolean;
  highlightStyle: HighlightStyle;
}

/** One linked passage of the page: a span and the claims it states. */
export interface PassageSummary {
  index: number; // position in document order, used by showPassage()
  start: number;
  end: number;
  text: string;
  matches: ClaimMatch[];
}

/** What the popup shows about the current page. */
export interface PageSummary {
  url: string;
  title: string;
  /** 'unrelated': cheap test or recognizer said no; 'linked': about the incident and scanned. */
  state: 'paused' | 'scanning' | 'unrelated' | 'linked' | 'stopped';
  about: boolean;
  score: number;
  evidence: Evidence[];
  passages: PassageSummary[];
  /** True when the page was only partly scanned (text ceiling or watchdog). */
  partial: boolean;
  /** Why scanning stopped or was partial, in words for the reader. */
  note?: string;
  scannedChars: number;
  totalChars: number;
}

/** The result of looking up a selection (right-click or shortcut). */
export interface LookupResult {
  text: string;
  matches: ClaimMatch[]; // claims the selection states, best first
  closest: RankedClaim[]; // when nothing matches: the nearest claims
}

/** The controller, as the messaging layer sees it. */
export interface ContentApi {
  summary(): PageSummary;
  /** Scrolls passage `index` into view and briefly emphasizes it; false if there is no such passage. */
  showPassage(index: number): boolean;
  /** Opens the card for passage `index` (keyboard path, popup). */
  openPassage(index: number): boolean;
  /** Links the current selection (or `text` when given) even on unrelated pages, and shows the card. */
  lookupSelection(text?: string): LookupResult;
  applySettings(settings: ContentSettings): void;
  /** Called whenever the summary changes (new passages linked, cleared on navigation). */
  onSummaryChange(listener: (summary: PageSummary) => void): () => void;
  destroy(): void;
}
