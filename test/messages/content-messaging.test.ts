// @vitest-environment happy-dom
// The content script's side of the messages (src/content/messaging.ts), wired to the real worker
// through the fake browser: settings asked for and applied, requests answered with the page
// controller, badge reports throttled, and everything released by the abort signal.

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';

import { createWorker, registerWorker } from '../../src/background/worker';
import { connectContentMessaging } from '../../src/content/messaging';
import { sendToTab } from '../../src/messages';
import { createStore } from '../../src/storage/store';
import { FakeBrowser } from '../background/fake-browser';
import { FakeContentApi, match, summaryOf } from '../background/fake-content';

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  window.getSelection()?.removeAllRanges();
  document.body.replaceChildren();
});

function setUp(url = 'https://news.example/story') {
  const fake = new FakeBrowser();
  const store = createStore({ datasetVersion: '1.0.0', indexedDB: new IDBFactory() });
  const worker = createWorker({ browser: fake.worker, store, retryDelayMs: 1 });
  registerWorker(fake.worker, worker);
  fake.addTab(1, url);
  const api = new FakeContentApi(summaryOf([[match('weaponized-vehicle', 'she weaponized her vehicle')]]));
  const abort = new AbortController();
  controllers.push(abort);
  return { fake, store, worker, api, abort };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('connectContentMessaging', () => {
  it('asks for the page’s settings and applies them', async () => {
    const { fake, store, api, abort } = setUp();
    await store.change({ kind: 'site-pause', site: 'news.example', paused: true });
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://news.example/story',
    );
    const applied = await connectContentMessaging(api, fake.contentBrowser(1), abort.signal, {
      topFrame: true,
    });
    expect(applied).toEqual({ paused: true, highlightStyle: 'background' });
    expect(api.settings).toEqual([{ paused: true, highlightStyle: 'background' }]);
  });

  it('re-applies settings when the popup changes them', async () => {
    const { fake, api, abort } = setUp();
    await connectContentMessaging(api, fake.contentBrowser(1), abort.signal, { topFrame: true });
    const view = await fake.pageSendMessage({
      type: 'update-settings',
      change: { kind: 'highlight-style', style: 'off' },
    });
    expect(view).toMatchObject({ ok: true, value: { highlightStyle: 'off' } });
    expect(api.settings.at(-1)).toEqual({ paused: false, highlightStyle: 'off' });
    await fake.pageSendMessage({ type: 'update-settings', change: { kind: 'global-pause', paused: true } });
    expect(api.settings.at(-1)).toEqual({ paused: true, highlightStyle: 'off' });
  });

  it('answers summary, show and open requests with the controller', async () => {
    const { fake, api, abort } = setUp();
    void connectContentMessaging(api, fake.contentBrowser(1), abort.signal, { topFrame: true });
    const tabs = { sendMessage: fake.tabsSendMessage };
    expect((await sendToTab(tabs, 1, { type: 'get-summary' })).passages).toHaveLength(1);
    expect(await sendToTab(tabs, 1, { type: 'show-passage', index: 0 })).toEqual({ done: true });
    expect(await sendToTab(tabs, 1, { type: 'open-passage', index: 5 })).toEqual({ done: false });
    expect(api.shown).toEqual([0]);
    expect(api.opened).toEqual([5]);
  });

  it('looks up the live selection, falling back to the text the browser reported', async () => {
    const { fake, api, abort } = setUp();
    void connectContentMessaging(api, fake.contentBrowser(1), abort.signal, { topFrame: true });
    const tabs = { sendMessage: fake.tabsSendMessage };
    document.title = 'Live page';
    const reply = await sendToTab(tabs, 1, { type: 'lookup-selection', text: 'reported text' });
    expect(api.lookups).toEqual(['reported text']);
    expect(reply).toMatchObject({ text: 'reported text', title: 'Live page' });

    const p = document.createElement('p');
    p.textContent = 'selected on the page';
    document.body.append(p);
    window.getSelection()!.selectAllChildren(p);
    await sendToTab(tabs, 1, { type: 'lookup-selection', text: 'reported text' });
    expect(api.lookups.at(-1)).toBeUndefined(); // the controller reads the live selection itself
  });

  it('reports the passage count for the badge, at most every reportEveryMs', async () => {
    const { fake, api, abort } = setUp();
    await connectContentMessaging(api, fake.contentBrowser(1), abort.signal, {
      topFrame: true,
      reportEveryMs: 20,
    });
    await wait(5);
    expect(fake.badges.get(1)?.text).toBe('1'); // the summary at connection time
    const two = summaryOf([[match('a', 'a')], [match('b', 'b')]]);
    const three = summaryOf([[match('a', 'a')], [match('b', 'b')], [match('c', 'c')]]);
    api.change(two);
    api.change(three);
    expect(fake.badges.get(1)?.text).toBe('1');
    await wait(40);
    expect(fake.badges.get(1)?.text).toBe('3');
  });

  it('does not report from a subframe', async () => {
    const { fake, api, abort } = setUp();
    await connectContentMessaging(api, fake.contentBrowser(1), abort.signal, {
      topFrame: false,
      reportEveryMs: 1,
    });
    api.change(summaryOf([[match('a', 'a')], [match('b', 'b')]]));
    await wait(10);
    expect(fake.badges.get(1)?.text).toBeUndefined();
    expect(api.listenerCount).toBe(0);
  });

  it('keeps the controller’s defaults when the worker cannot be reached', async () => {
    const api = new FakeContentApi();
    const dead = {
      runtime: {
        id: 'x',
        getURL: (p: string) => `chrome-extension://x/${p}`,
        sendMessage: () => Promise.reject(new Error('Extension context invalidated.')),
        onMessage: { addListener: () => undefined, removeListener: () => undefined },
      },
    };
    const abort = new AbortController();
    expect(await connectContentMessaging(api, dead, abort.signal, { topFrame: true })).toBeUndefined();
    expect(api.settings).toEqual([]);
    abort.abort();
  });

  it('lets go of everything on abort', async () => {
    const { fake, api, abort } = setUp();
    await connectContentMessaging(api, fake.contentBrowser(1), abort.signal, {
      topFrame: true,
      reportEveryMs: 10,
    });
    api.change(summaryOf([]));
    abort.abort();
    expect(api.listenerCount).toBe(0);
    expect(fake.tabs.get(1)!.frames.get(0)!.listeners).toHaveLength(0);
    await wait(20);
    expect(fake.badges.get(1)?.text).toBe('1'); // the pending report was dropped
    const error = await sendToTab({ sendMessage: fake.tabsSendMessage }, 1, { type: 'get-summary' }).catch(
      (e) => e,
    );
    expect(error.code).toBe('no-receiver');
  });

  it('does nothing when the signal is already aborted', async () => {
    const { fake, api } = setUp();
    const abort = new AbortController();
    abort.abort();
    expect(await connectContentMessaging(api, fake.contentBrowser(1), abort.signal)).toBeUndefined();
    expect(fake.tabs.get(1)!.frames.get(0)!.listeners).toHaveLength(0);
  });
});
