// Every English string the popup panel and the lookup card show, and the small pure functions that
// build their sentences. Kept beside ui/labels.ts (whose wording the panel reuses) so the card,
// the indicator and the panel read as one product.

import type { PageSummary, StorageProblem, UnavailableReason } from '../../messages';
import type { Evidence } from '../../match/types';
import { plural } from '../labels';

/** Fixed strings of the panel. */
export const PANEL_TEXT = {
  tabsLabel: 'Source Context panel',
  tabPage: 'This page',
  tabStart: 'Start',
  tabSearch: 'Search',
  tabHistory: 'History',
  tabSettings: 'Settings',
  openInTab: 'Open the panel in a tab',
  loading: 'Looking at this page…',
  whyHeading: 'Why',
  evidenceFor: 'Signs of the incident',
  evidenceAgainst: 'Signs of another incident',
  claimsHeading: 'Claims on this page',
  showOnPage: 'Show on page',
  openCard: 'Open card',
  coverageHeading: 'Coverage',
  coverageCaption: 'How this page and each outlet carried the claims on this page',
  coverageClaim: 'Claim',
  coveragePage: 'This page',
  notReported: 'Not reported',
  leftOutHeading: 'Left out by this page',
  leftOutIntro: 'Claims that outlets reported and this page does not state:',
  reportedBy: 'Reported by',
  searchHeading: 'Search the dataset',
  searchLabel: 'Words to search for',
  searchPlaceholder: 'Words, a person, an outlet…',
  searchActor: 'Asserted by',
  searchOutlet: 'Reported by',
  anyone: 'Anyone',
  anyOutlet: 'Any outlet',
  searchHint: 'Searches every claim in the dataset: its words, who asserted it and how outlets quoted it.',
  noResults: 'No claim in the dataset matches. Try fewer or shorter words.',
  historyHeading: 'Your lookups',
  historyIntro: 'Kept only in this browser. Lookups in private windows are never recorded.',
  historyEmpty:
    'No lookups yet. Select text on any page, right-click it and choose “Look up in Source Context”.',
  clearHistory: 'Clear history',
  confirmClear: 'Clear all lookups?',
  confirmClearYes: 'Clear all',
  cancel: 'Cancel',
  removeEntry: 'Remove this lookup',
  matched: 'Matched',
  nothingMatched: 'No claim matched',
  olderDataset: 'found with an older dataset',
  settingsHeading: 'Settings',
  pauseHeading: 'Pause',
  pauseEverywhere: 'Pause everywhere',
  pauseEverywhereHint: 'No page is read until you resume.',
  styleHeading: 'Highlight style',
  pausedSites: 'Paused sites',
  noPausedSites: 'No site is paused.',
  resume: 'Resume',
  shortcutHint:
    'To look up a selection, right-click it and choose “Look up in Source Context”, or press the keyboard shortcut set in the browser’s extension shortcuts.',
  privacy: 'Everything runs in your browser: Source Context sends nothing anywhere.',
  extensionVersion: 'Extension',
  datasetVersion: 'Dataset',
  hostAccessTitle: 'Source Context needs access to sites',
  hostAccessBody:
    'To highlight claims as you read, Source Context reads the text of the pages you visit, in your browser only. Your browser asks you to allow this. Until you do, you can still select text, right-click it and choose “Look up in Source Context”.',
  hostAccessButton: 'Allow on all sites',
  hostAccessDenied: 'Access was not granted. You can allow it later here or in the add-on’s permissions.',
  welcomeTitle: 'Welcome to Source Context',
  welcomeBody:
    'Source Context highlights claims about the Jan. 7, 2026 ICE shooting in Minneapolis on the pages you read, with who made each claim and how outlets reported it.',
  unavailableTitle: 'Source Context can’t run on this page',
  partialTitle: 'Only part of this page was read',
  storageTitle: 'Settings are not being saved',
  back: 'Back',
  lookupBrand: 'Source Context lookup',
  lookupSelection: 'Your selection',
  lookupNothing: 'No claim from the dataset matches this selection',
  lookupClosest: 'Closest claims',
  lookupNoneClose: 'Nothing in the dataset shares words with it.',
  lookupEmptyTitle: 'Nothing selected',
  lookupEmpty: 'Select some text on the page first, then look it up.',
  backToClosest: 'Back to the closest claims',
} as const;

/** What the popup says for each place no content script can run. */
export const UNAVAILABLE_TEXT: Readonly<Record<UnavailableReason, string>> = {
  'browser-page':
    'Browsers don’t let extensions read their own pages (settings, new tabs, extension pages). You can still search the dataset.',
  store: 'Browsers protect their add-on stores from every extension, so this page can’t be read.',
  pdf: 'This PDF is shown by the browser’s built-in viewer, which extensions can’t read. Copy a passage into Search instead.',
  'file-access':
    'This is a file on your computer. To read files, turn on “Allow access to file URLs” for Source Context in the browser’s extension settings.',
  'no-access':
    'Source Context has no access to this site. Right-click a selection and choose “Look up in Source Context” to read it once, or allow access to all sites.',
  unknown: 'The browser did not let Source Context read this page.',
};

/** The panel's headline about the page, from the content script's summary. */
export function pageHeadline(summary: PageSummary): string {
  switch (summary.state) {
    case 'paused':
      return 'Source Context is paused here';
    case 'scanning':
      return 'Reading this page…';
    case 'stopped':
      return 'Reading this page stopped';
    case 'unrelated':
      return 'This page isn’t about the incident';
    case 'linked':
      return summary.passages.length > 0
        ? 'This page is about the incident'
        : 'This page is about the incident, but states none of its claims';
  }
}

/** The line under the headline: counts, or what "the incident" means. */
export function pageSubline(summary: PageSummary, claimCount: number): string {
  if (summary.state === 'linked' && summary.passages.length > 0) {
    return `${plural(summary.passages.length, 'passage', 'passages')} linked to ${plural(claimCount, 'claim', 'claims')} from the dataset.`;
  }
  if (summary.state === 'unrelated') {
    return 'Nothing is highlighted. You can still select text and look it up, or search the dataset.';
  }
  return 'The incident: the ICE shooting in south Minneapolis on Jan. 7, 2026.';
}

/** How sure the recognizer was, in words a reader can use. */
export function confidenceText(score: number): string {
  const percent = Math.round(Math.max(0, Math.min(1, score)) * 100);
  return `Recognition score ${percent}%`;
}

/** One piece of evidence as the panel lists it. */
export function evidenceText(evidence: Evidence): string {
  return evidence.kind === 'against' ? `${evidence.label} (points elsewhere)` : evidence.label;
}

/** The note for a page read only in part. */
export function partialText(summary: PageSummary): string {
  const read =
    summary.totalChars > 0 ? Math.max(1, Math.round((summary.scannedChars / summary.totalChars) * 100)) : 0;
  const base = `Source Context read ${read}% of this page’s text.`;
  return summary.note ? `${base} ${summary.note}` : base;
}

/** The storage note's text. */
export function storageText(problem: StorageProblem): string {
  return problem.message;
}

/** "Show on page" needs its passage to be told apart by screen readers: "passage 3". */
export function passageName(position: number): string {
  return `passage ${position}`;
}

/** "12 claims" / "1 claim" for the search status line. */
export function resultCount(count: number): string {
  return count === 0 ? 'No claims found' : `${plural(count, 'claim', 'claims')} found`;
}

/** "Pause on news.example" (or on "this site" when the page has no site). */
export function pauseSiteLabel(site: string | undefined): string {
  return site === undefined ? 'Pause on this site' : `Pause on ${site}`;
}

/** The highlight styles with their labels and one-line descriptions. */
export const STYLE_OPTIONS = [
  {
    value: 'background',
    label: 'Background',
    hint: 'A tint with the underline: easy to spot while skimming.',
  },
  { value: 'underline', label: 'Underline', hint: 'The underline alone: the page’s text looks as it was.' },
  { value: 'off', label: 'Off', hint: 'No marks; the indicator and lookups still work.' },
] as const;

/** A lookup's time as the history lists it: "just now", "5 min ago", or a date. */
export function whenText(time: number, now: number, locale?: string): string {
  const seconds = Math.round((now - time) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return plural(hours, 'hour ago', 'hours ago');
  return new Date(time).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** The host of a URL, or the URL itself when it has none. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}
