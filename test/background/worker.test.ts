// @vitest-environment happy-dom
// The service worker against the fake browser: right-click and shortcut lookups (with on-demand
// injection and the reasons recorded where no script can run), the badge, settings broadcast,
// history, the popup's requests, and listeners registered synchronously.

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';

import {
  BADGE_COLOR,
  BADGE_WARNING_COLOR,
  COMMAND_LOOKUP,
  MENU_ID,
  badgeText,
  contentOrigins,
  createWorker,
  registerWorker,
} from '../../src/background/worker';
import type { LookupResult } from '../../src/content/api';
import { connectContentMessaging } from '../../src/content/messaging';
import { createStore, type Store } from '../../src/storage/store';
import { FakeBrowser } from './fake-browser';
import { FakeContentApi, match, summaryOf } from './fake-content';

const FOUND: LookupResult = {
  text: 'she weaponized her vehicle',
  matches: [match('weaponized-vehicle', 'she weaponized her vehicle'), match('fatal-shooting', 'she')],
  closest: [],
};

const aborts: AbortController[] = [];
afterEach(() => {
  for (const a of aborts.splice(0)) a.abort();
});

function setUp() {
  const fake = new FakeBrowser();
  const store: Store = createStore({ datasetVersion: '1.0.0', indexedDB: new IDBFactory() });
  let clock = 1000;
  const worker = createWorker({ browser: fake.worker, store, now: () => clock++, retryDelayMs: 1 });
  const stop = registerWorker(fake.worker, worker);
  /** Starts a content script (the fake controller) in a frame, as the manifest or an injection would. */
  const runContent = (tabId: number, frameId = 0, api = new FakeContentApi(summaryOf([]), FOUND)) => {
    const abort = new AbortController();
    aborts.push(abort);
    // Each frame is its own window: its URL decides which site's settings apply.
    const url = fake.tabs.get(tabId)!.frames.get(frameId)!.url;
    const frameWindow = { location: { href: url }, document: { title: 'T' }, getSelection: () => null };
    void connectContentMessaging(api, fake.contentBrowser(tabId, frameId), abort.signal, {
      window: frameWindow as unknown as Window,
      topFrame: frameId === 0,
      reportEveryMs: 1,
    });
    return api;
  };
  return { fake, store, worker, stop, runContent };
}

const wait = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('right-click lookup', () => {
  it('asks the running content script, and records the lookup in the history', async () => {
    const { fake, store, worker, runContent } = setUp();
    const tab = fake.addTab(3, 'https://news.example/story').info;
    const api = runContent(3);
    const outcome = await worker.onMenuClick(
      { menuItemId: MENU_ID, selectionText: 'she weaponized her vehicle' },
      tab,
    );
    expect(outcome).toMatchObject({
      ok: true,
      reply: { text: 'she weaponized her vehicle', url: expect.any(String) },
    });
    expect(api.lookups).toEqual(['she weaponized her vehicle']);
    expect(fake.injections).toEqual([]);
    const { value } = await store.history();
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({
      text: 'she weaponized her vehicle',
      claimIds: ['weaponized-vehicle', 'fatal-shooting'],
      time: 1000,
      datasetVersion: '1.0.0',
    });
  });

  it('injects the content script where none runs yet, then asks it', async () => {
    const { fake, worker, runContent } = setUp();
    const tab = fake.addTab(4, 'https://unrelated.example/garden').info;
    let api: FakeContentApi | undefined;
    fake.onInject = (tabId, frameId) => {
      api = runContent(tabId, frameId);
    };
    const outcome = await worker.onMenuClick(
      { menuItemId: MENU_ID, selectionText: 'tomatoes', frameId: 0 },
      tab,
    );
    expect(fake.injections).toEqual([{ tabId: 4, frameId: 0 }]);
    expect(fake.insertedCss).toEqual([{ tabId: 4, frameId: 0, files: ['highlights.css'] }]);
    expect(outcome?.ok).toBe(true);
    expect(api?.lookups).toEqual(['tomatoes']);
  });

  it('never injects the script without the highlight rules it counts on', async () => {
    const { fake, worker } = setUp();
    const tab = fake.addTab(14, 'https://unrelated.example/garden').info;
    fake.onInject = () => undefined;
    fake.onInsertCss = () => {
      throw new Error('Cannot access contents of the page.');
    };
    const outcome = await worker.onMenuClick({ menuItemId: MENU_ID, selectionText: 'x', frameId: 0 }, tab);
    expect(outcome).toMatchObject({ ok: false });
    expect(fake.injections).toEqual([]);
  });

  it('looks up in the frame the selection is in', async () => {
    const { fake, worker, runContent } = setUp();
    const tab = fake.addTab(5, 'https://news.example/');
    tab.frames.set(7, { url: 'https://news.example/embed', listeners: [] });
    const top = runContent(5, 0);
    const frame = runContent(5, 7);
    await worker.onMenuClick({ menuItemId: MENU_ID, selectionText: 'x', frameId: 7 }, tab.info);
    expect(frame.lookups).toEqual(['x']);
    expect(top.lookups).toEqual([]);
  });

  it('keeps no history for private windows', async () => {
    const { fake, store, worker, runContent } = setUp();
    const tab = fake.addTab(6, 'https://news.example/', { incognito: true }).info;
    runContent(6);
    expect((await worker.onMenuClick({ menuItemId: MENU_ID, selectionText: 'x' }, tab))?.ok).toBe(true);
    expect((await store.history()).value).toEqual([]);
  });

  it('on a browser page: records why, marks the button and opens the popup, without trying to inject', async () => {
    const { fake, worker } = setUp();
    const tab = fake.addTab(8, 'chrome://settings/').info;
    const outcome = await worker.onMenuClick({ menuItemId: MENU_ID, selectionText: 'x' }, tab);
    expect(outcome).toEqual({
      ok: false,
      unavailable: { reason: 'browser-page', url: 'chrome://settings/' },
    });
    expect(fake.injections).toEqual([]);
    expect(await worker.unavailableIn(8)).toEqual({ reason: 'browser-page', url: 'chrome://settings/' });
    expect(fake.badges.get(8)).toMatchObject({ text: '!', color: BADGE_WARNING_COLOR });
    expect(fake.popupsOpened).toBe(1);
  });

  it('where injection fails (a PDF in the viewer): records the browser’s reason', async () => {
    const { fake, worker } = setUp();
    const tab = fake.addTab(9, 'https://court.example/ruling.pdf').info;
    fake.onInject = () => {
      throw new Error('Cannot access a chrome-extension:// URL of different extension');
    };
    const outcome = await worker.onMenuClick({ menuItemId: MENU_ID, selectionText: 'x' }, tab);
    expect(outcome).toMatchObject({ ok: false, unavailable: { reason: 'pdf' } });
    expect((await worker.unavailableIn(9))?.reason).toBe('pdf');
  });

  it('ignores other menu items', async () => {
    const { fake, worker } = setUp();
    const tab = fake.addTab(10, 'https://news.example/').info;
    expect(await worker.onMenuClick({ menuItemId: 'something-else' }, tab)).toBeUndefined();
  });
});

describe('the keyboard shortcut', () => {
  it('looks up the selection in the given tab, or the active one', async () => {
    const { fake, worker, runContent } = setUp();
    const tab = fake.addTab(11, 'https://news.example/').info;
    const api = runContent(11);
    expect((await worker.onCommand(COMMAND_LOOKUP, tab))?.ok).toBe(true);
    expect((await worker.onCommand(COMMAND_LOOKUP))?.ok).toBe(true); // Firefox may not pass the tab
    expect(api.lookups).toEqual([undefined, undefined]); // the live selection, no text from the browser
    expect(await worker.onCommand('something-else', tab)).toBeUndefined();
  });
});

describe('the badge', () => {
  it('shows the top frame’s passage count; frames do not count', async () => {
    const { fake, runContent } = setUp();
    const tab = fake.addTab(12, 'https://news.example/');
    tab.frames.set(2, { url: 'https://ads.example/', listeners: [] });
    const api = runContent(12);
    const frame = runContent(12, 2);
    api.change(summaryOf([[match('a', 'a')], [match('b', 'b')]]));
    frame.change(summaryOf([[match('a', 'a')]]));
    await wait();
    expect(fake.badges.get(12)).toMatchObject({ text: '2', color: BADGE_COLOR });
  });

  it('is left to the browser when the tab loads: the note about it is forgotten, the count kept', async () => {
    // 'loading' also comes with same-document navigations (a hash change, pushState), where the
    // page and its count stay; for a new document the browser resets the tab's badge itself.
    const { fake, worker, runContent } = setUp();
    fake.addTab(13, 'https://news.example/');
    runContent(13).change(summaryOf([[match('a', 'a')]]));
    await wait();
    expect(fake.badges.get(13)?.text).toBe('1');
    await fake.worker.storage.session.set({ 'unavailable:13': { reason: 'pdf' } });
    fake.events.onUpdated.fire(13, { status: 'loading' });
    await wait();
    expect(fake.badges.get(13)).toMatchObject({ text: '1', color: BADGE_COLOR });
    expect(await worker.unavailableIn(13)).toBeUndefined();
    fake.events.onUpdated.fire(13, { status: 'complete' });
  });

  it.each([
    ['linked', 3, '3'],
    ['linked', 0, ''],
    ['paused', 5, ''],
    ['scanning', 2, '2'],
    ['linked', 4321, '999+'],
  ])('%s with %i passages reads %j', (state, passages, text) => {
    expect(badgeText(state, passages)).toBe(text);
  });
});

describe('popup requests', () => {
  it('settings: read for a page, changed, and pushed to every tab', async () => {
    const { fake, runContent } = setUp();
    fake.addTab(20, 'https://news.example/a');
    fake.addTab(21, 'https://other.example/b');
    const a = runContent(20);
    const b = runContent(21);
    await wait();
    const view = await fake.pageSendMessage({
      type: 'update-settings',
      change: { kind: 'site-pause', site: 'news.example', paused: true },
      url: 'https://news.example/a',
    });
    expect(view).toEqual({
      ok: true,
      value: {
        globalPause: false,
        highlightStyle: 'background',
        site: 'news.example',
        sitePaused: true,
        pausedSites: ['news.example'],
      },
    });
    expect(a.settings.at(-1)).toEqual({ paused: true, highlightStyle: 'background' });
    expect(b.settings.at(-1)).toEqual({ paused: false, highlightStyle: 'background' });
    const other = await fake.pageSendMessage({ type: 'get-settings', url: 'https://other.example/b' });
    expect(other).toMatchObject({ ok: true, value: { site: 'other.example', sitePaused: false } });
  });

  it('history: listed, one entry removed, all cleared', async () => {
    const { fake, store } = setUp();
    await store.addHistory({ text: 'a', url: 'u', title: 't', time: 1, claimIds: [] });
    await store.addHistory({ text: 'b', url: 'u', title: 't', time: 2, claimIds: [] });
    const listed = (await fake.pageSendMessage({ type: 'get-history' })) as {
      value: { entries: { id: number }[] };
    };
    expect(listed.value.entries.map((e) => e.id)).toEqual([2, 1]);
    expect(await fake.pageSendMessage({ type: 'clear-history', id: 2 })).toMatchObject({
      value: { entries: [{ text: 'a' }] },
    });
    expect(await fake.pageSendMessage({ type: 'clear-history' })).toEqual({
      ok: true,
      value: { entries: [] },
    });
  });

  it('prepare-tab: ready when a script runs or could be injected; otherwise why', async () => {
    const { fake, worker, runContent } = setUp();
    fake.addTab(30, 'https://news.example/');
    runContent(30);
    expect(await fake.pageSendMessage({ type: 'prepare-tab', tabId: 30 })).toEqual({
      ok: true,
      value: { ready: true },
    });

    fake.addTab(31, 'https://late.example/');
    fake.onInject = (tabId, frameId) => void runContent(tabId, frameId);
    expect(await fake.pageSendMessage({ type: 'prepare-tab', tabId: 31 })).toEqual({
      ok: true,
      value: { ready: true },
    });

    fake.addTab(32, 'about:blank');
    expect(await fake.pageSendMessage({ type: 'prepare-tab', tabId: 32 })).toEqual({
      ok: true,
      value: { ready: false, unavailable: { reason: 'browser-page', url: 'about:blank' } },
    });

    // Without activeTab the URL is hidden and injection is refused; an earlier lookup knew better.
    fake.addTab(33, '');
    fake.onInject = () => {
      throw new Error('Cannot access contents of the page.');
    };
    await fake.worker.storage.session.set({
      'unavailable:33': { reason: 'pdf', url: 'https://x.example/a.pdf' },
    });
    expect(await fake.pageSendMessage({ type: 'prepare-tab', tabId: 33 })).toMatchObject({
      value: { ready: false, unavailable: { reason: 'pdf' } },
    });
    expect(await fake.pageSendMessage({ type: 'prepare-tab', tabId: 99 })).toMatchObject({
      value: { ready: false, unavailable: { reason: 'unknown' } },
    });
    expect(await worker.unavailableIn(30)).toBeUndefined();
  });

  it('refuses popup requests from content scripts', async () => {
    const { fake } = setUp();
    fake.addTab(40, 'https://evil.example/');
    const reply = await fake.contentBrowser(40).runtime.sendMessage({ type: 'clear-history' });
    expect(reply).toEqual({ ok: false, error: '"clear-history" is not accepted from content' });
  });
});

describe('install and startup', () => {
  it('creates the context menu once, however often the worker starts', async () => {
    const { fake, worker } = setUp();
    await worker.onInstalled('update');
    await worker.setUpMenus();
    expect(fake.menus).toEqual([
      { id: MENU_ID, title: 'Look up in Source Context', contexts: ['selection'] },
    ]);
    expect(fake.created).toEqual([]);
  });

  it('opens the welcome page on install when host access is missing (Firefox)', async () => {
    const { fake, worker } = setUp();
    fake.hostAccess = false;
    await worker.onInstalled('install');
    expect(fake.created).toEqual(['popup.html?welcome=1']);
    expect(contentOrigins(fake.worker)).toEqual(['http://*/*', 'https://*/*']);
  });

  it('registers every listener synchronously and removes them all', async () => {
    const { fake, stop } = setUp();
    const events = fake.events;
    const counts = () => [
      fake.workerListeners.length,
      events.onInstalled.listeners.length,
      events.onStartup.listeners.length,
      events.onUpdated.listeners.length,
      events.onRemoved.listeners.length,
      events.onClicked.listeners.length,
      events.onCommand.listeners.length,
    ];
    expect(counts()).toEqual([1, 1, 1, 1, 1, 1, 1]);
    fake.events.onInstalled.fire({ reason: 'install' });
    await wait();
    expect(fake.menus).toHaveLength(1);
    stop();
    expect(counts()).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
