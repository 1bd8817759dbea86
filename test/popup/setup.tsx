// Shared set-up for the popup tests: the fake browser with the real service worker behind it (its
// store on fake-indexeddb), a fake page controller in a tab, and the popup rendered against them.

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render, screen, waitFor } from '@testing-library/preact';
import { expect } from 'vitest';

import { createWorker, registerWorker } from '../../src/background/worker';
import type { PageSummary } from '../../src/content/api';
import { connectContentMessaging } from '../../src/content/messaging';
import { indexDataset } from '../../src/dataset/indexed';
import { PopupApp, type PopupAppProps } from '../../src/popup/PopupApp';
import { PANEL_TEXT } from '../../src/ui/panel/text';
import { createStore, type Store } from '../../src/storage/store';
import { FakeBrowser } from '../background/fake-browser';
import { FakeContentApi, summaryOf } from '../background/fake-content';
import { FIXTURE_DATASET, FREY_QUOTE, HEDGED_PARAPHRASE, MULTI_CLAIM, STATED_AS_FACT } from '../ui/fixtures';

/** The fixture dataset's index. */
export const INDEX = indexDataset(FIXTURE_DATASET);

/** A page about the incident: four passages, five claims (one passage states two). */
export const LINKED: PageSummary = summaryOf(
  [[HEDGED_PARAPHRASE], [STATED_AS_FACT], MULTI_CLAIM, [FREY_QUOTE]],
  {
    url: 'https://news.example/story',
    title: 'Federal agent shoots Minneapolis motorist',
    evidence: [
      { kind: 'fact', label: 'East 34th Street and Portland Avenue', weight: 0.3 },
      { kind: 'term', label: 'Minneapolis', weight: 0.2 },
      { kind: 'against', label: 'another city', weight: -0.1 },
    ],
    score: 0.86,
  },
);

/** A gardening page. */
export const UNRELATED: PageSummary = summaryOf([], {
  url: 'https://garden.example/tomatoes',
  title: 'Tomatoes',
  state: 'unrelated',
  about: false,
  score: 0.02,
});

const aborts: AbortController[] = [];

/** Stops every content script a test started. */
export function stopAll(): void {
  for (const a of aborts.splice(0)) a.abort();
}

/** What a test gets back. */
export interface PopupSetup {
  fake: FakeBrowser;
  store: Store;
  api: FakeContentApi;
  closed: { count: number };
}

/** Starts the fake page controller in tab `tabId`, as the content script would. */
export function runContent(fake: FakeBrowser, tabId: number, api: FakeContentApi): void {
  const abort = new AbortController();
  aborts.push(abort);
  const url = fake.tabs.get(tabId)!.info.url!;
  const frameWindow = { location: { href: url }, document: { title: 'T' }, getSelection: () => null };
  void connectContentMessaging(api, fake.contentBrowser(tabId), abort.signal, {
    window: frameWindow as unknown as Window,
    topFrame: true,
    reportEveryMs: 1,
  });
}

/**
 * Renders the popup for tab 1 showing `summary` (no content script when `summary` is undefined),
 * and waits until it has read the page.
 */
export async function renderPopup(
  summary: PageSummary | undefined,
  options: {
    url?: string;
    store?: Store;
    props?: Partial<PopupAppProps>;
    before?: (s: PopupSetup) => unknown;
  } = {},
): Promise<PopupSetup> {
  const fake = new FakeBrowser();
  const store =
    options.store ?? createStore({ datasetVersion: FIXTURE_DATASET.version, indexedDB: new IDBFactory() });
  registerWorker(fake.worker, createWorker({ browser: fake.worker, store, retryDelayMs: 1 }));
  fake.addTab(1, options.url ?? summary?.url ?? 'https://news.example/story');
  fake.activeTabId = 1;
  const api = new FakeContentApi(summary ?? summaryOf([]));
  if (summary) runContent(fake, 1, api);
  const closed = { count: 0 };
  const setup = { fake, store, api, closed };
  await options.before?.(setup);
  render(
    <PopupApp
      browser={fake.popup}
      index={INDEX}
      closeWindow={() => closed.count++}
      now={() => 10_000_000}
      {...options.props}
    />,
  );
  if (!options.props?.welcome) {
    await waitFor(() => expect(screen.queryByText(PANEL_TEXT.loading)).toBeNull());
  }
  return setup;
}
