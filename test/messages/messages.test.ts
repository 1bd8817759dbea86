// The message contract: shapes checked on arrival, senders checked per message, replies typed
// with their request and carried in envelopes that tell "nobody answered" from "it failed".

import { describe, expect, expectTypeOf, it } from 'vitest';

import type { PageSummary } from '../../src/content/api';
import {
  ALLOWED_SENDERS,
  BACKGROUND_TYPES,
  CONTENT_TYPES,
  MessageError,
  answer,
  listen,
  parseMessage,
  send,
  sendToTab,
  senderKind,
  type GetSummaryMessage,
  type HistoryView,
  type LookupReply,
  type Message,
  type PrepareTabMessage,
  type Reply,
  type SenderInfo,
  type SettingsView,
  type UpdateSettingsMessage,
} from '../../src/messages';
import { BASE_URL, EXTENSION_ID, POPUP_URL, WORKER_URL } from '../background/fake-browser';

const runtime = { id: EXTENSION_ID, getURL: (path: string) => BASE_URL + path };
const fromPopup: SenderInfo = { id: EXTENSION_ID, url: POPUP_URL };
const fromPopupTab: SenderInfo = { id: EXTENSION_ID, url: `${POPUP_URL}?tab=4`, tab: { id: 9 } };
const fromWorker: SenderInfo = { id: EXTENSION_ID, url: WORKER_URL };
const fromContent: SenderInfo = {
  id: EXTENSION_ID,
  url: 'https://news.example/a',
  tab: { id: 3 },
  frameId: 0,
};
const fromOtherExtension: SenderInfo = {
  id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz',
  url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/page.html',
};

const EXAMPLES: Message[] = [
  { type: 'get-summary' },
  { type: 'show-passage', index: 2 },
  { type: 'open-passage', index: 0 },
  { type: 'lookup-selection' },
  { type: 'lookup-selection', text: 'weaponized her vehicle' },
  { type: 'settings-changed' },
  { type: 'get-page-settings', url: 'https://news.example/a' },
  { type: 'summary-changed', state: 'linked', passages: 4 },
  { type: 'get-settings' },
  { type: 'get-settings', url: 'https://news.example/a' },
  { type: 'update-settings', change: { kind: 'global-pause', paused: true } },
  { type: 'update-settings', change: { kind: 'site-pause', site: 'news.example', paused: false }, url: 'x' },
  { type: 'update-settings', change: { kind: 'highlight-style', style: 'off' } },
  { type: 'get-history' },
  { type: 'clear-history' },
  { type: 'clear-history', id: 7 },
  { type: 'prepare-tab', tabId: 12 },
];

describe('the union', () => {
  it('has one handler side for each message type, and a sender rule', () => {
    const types = Object.keys(ALLOWED_SENDERS).sort();
    expect([...CONTENT_TYPES, ...BACKGROUND_TYPES].sort()).toEqual(types);
    expect(new Set(EXAMPLES.map((m) => m.type))).toEqual(new Set(types));
  });

  it('types each reply with its request', () => {
    expectTypeOf<Reply<GetSummaryMessage>>().toEqualTypeOf<PageSummary>();
    expectTypeOf<Reply<UpdateSettingsMessage>>().toEqualTypeOf<SettingsView>();
    expectTypeOf<Reply<{ type: 'clear-history' }>>().toEqualTypeOf<HistoryView>();
    expectTypeOf<Reply<{ type: 'lookup-selection' }>>().toEqualTypeOf<LookupReply>();
    expectTypeOf<Reply<PrepareTabMessage>>().toEqualTypeOf<
      { ready: true } | { ready: false; unavailable: import('../../src/messages').Unavailable }
    >();
  });
});

describe('parseMessage', () => {
  it.each(EXAMPLES)('accepts %j', (message) => {
    expect(parseMessage(structuredClone(message))).toEqual(message);
  });

  it.each([
    [null, 'a message must be an object'],
    ['get-summary', 'a message must be an object'],
    [{ kind: 'get-summary' }, 'unknown message type undefined'],
    [{ type: 'delete-everything' }, 'unknown message type "delete-everything"'],
    [{ type: 'show-passage' }, 'message "show-passage": field "index" must be a passage index'],
    [{ type: 'show-passage', index: -1 }, 'field "index" must be a passage index (an integer >= 0), got -1'],
    [{ type: 'open-passage', index: 1.5 }, 'field "index"'],
    [{ type: 'lookup-selection', text: 5 }, 'field "text" must be a string when present, got 5'],
    [{ type: 'get-page-settings' }, 'field "url" must be the page URL, got undefined'],
    [{ type: 'summary-changed', state: 'done', passages: 1 }, 'field "state" must be paused | scanning'],
    [{ type: 'summary-changed', state: 'linked', passages: '3' }, 'field "passages" must be a count'],
    [{ type: 'update-settings' }, 'change.kind must be global-pause | site-pause | highlight-style'],
    [{ type: 'update-settings', change: { kind: 'site-pause', site: '', paused: true } }, 'field "site"'],
    [{ type: 'update-settings', change: { kind: 'global-pause', paused: 'yes' } }, 'field "paused"'],
    [
      { type: 'update-settings', change: { kind: 'highlight-style', style: 'neon' } },
      'underline | background | off',
    ],
    [{ type: 'clear-history', id: 'all' }, 'field "id" must be an entry id'],
    [{ type: 'prepare-tab', tabId: -3 }, 'field "tabId" must be a tab id'],
  ])('rejects %j, naming the problem', (value, problem) => {
    expect(() => parseMessage(value)).toThrow(problem);
  });
});

describe('senderKind', () => {
  it.each([
    [fromPopup, 'extension'],
    [fromPopupTab, 'extension'], // popup.html?tab= opened in a tab is still our page
    [fromWorker, 'extension'],
    [fromContent, 'content'],
    [fromOtherExtension, undefined],
    [{ id: EXTENSION_ID }, undefined],
    [{ url: 'https://evil.example/', tab: { id: 1 } }, undefined],
  ] as [SenderInfo, string | undefined][])('%j → %s', (sender, kind) => {
    expect(senderKind(sender, runtime)).toBe(kind);
  });
});

describe('answer', () => {
  const echo = (message: Message) => ({ echoed: message.type });

  it('replies in an envelope', async () => {
    expect(await answer(runtime, { type: 'get-history' }, fromPopup, echo)).toEqual({
      ok: true,
      value: { echoed: 'get-history' },
    });
  });

  it('refuses popup requests from a content script', async () => {
    const reply = await answer(
      runtime,
      { type: 'update-settings', change: { kind: 'global-pause', paused: true } },
      fromContent,
      echo,
    );
    expect(reply).toEqual({ ok: false, error: '"update-settings" is not accepted from content' });
  });

  it('refuses content-script reports from an extension page', async () => {
    const reply = await answer(
      runtime,
      { type: 'summary-changed', state: 'linked', passages: 1 },
      fromPopup,
      echo,
    );
    expect(reply).toEqual({ ok: false, error: '"summary-changed" is not accepted from extension' });
  });

  it('refuses other extensions and unknown senders', async () => {
    expect(await answer(runtime, { type: 'get-summary' }, fromOtherExtension, echo)).toEqual({
      ok: false,
      error: '"get-summary" is not accepted from another extension',
    });
    expect(await answer(runtime, { type: 'get-summary' }, { id: EXTENSION_ID }, echo)).toEqual({
      ok: false,
      error: '"get-summary" is not accepted from an unknown part of this extension',
    });
  });

  it('reports malformed messages and handler failures as errors', async () => {
    expect(await answer(runtime, { type: 'show-passage', index: 'x' }, fromPopup, echo)).toMatchObject({
      ok: false,
      error: expect.stringContaining('field "index"'),
    });
    const failing = () => {
      throw new Error('the page went away');
    };
    expect(await answer(runtime, { type: 'get-summary' }, fromWorker, failing)).toEqual({
      ok: false,
      error: 'the page went away',
    });
  });
});

describe('listen', () => {
  it('answers only the types it handles, leaving the rest for other listeners', async () => {
    let registered: ((m: unknown, s: SenderInfo) => Promise<unknown> | undefined) | undefined;
    const fake = {
      ...runtime,
      onMessage: {
        addListener: (l: typeof registered) => (registered = l),
        removeListener: (l: typeof registered) => {
          if (registered === l) registered = undefined;
        },
      },
    };
    const stop = listen(fake, ['get-history'], () => ({ entries: [] }));
    expect(registered!({ type: 'get-summary' }, fromPopup)).toBeUndefined();
    expect(registered!('garbage', fromPopup)).toBeUndefined();
    expect(await registered!({ type: 'get-history' }, fromPopup)).toEqual({
      ok: true,
      value: { entries: [] },
    });
    stop();
    expect(registered).toBeUndefined();
  });
});

describe('send and sendToTab', () => {
  it('unwrap the reply', async () => {
    const reply = await send(
      { sendMessage: async () => ({ ok: true, value: { entries: [] } }) },
      { type: 'get-history' },
    );
    expect(reply).toEqual({ entries: [] });
  });

  it('send to the top frame by default, to one frame, or to all', async () => {
    const calls: unknown[] = [];
    const tabs = {
      sendMessage: async (...args: unknown[]) => {
        calls.push(args);
        return { ok: true, value: { done: true } };
      },
    };
    await sendToTab(tabs, 5, { type: 'show-passage', index: 1 });
    await sendToTab(tabs, 5, { type: 'lookup-selection' }, 3);
    await sendToTab(tabs, 5, { type: 'settings-changed' }, null);
    expect(calls).toEqual([
      [5, { type: 'show-passage', index: 1 }, { frameId: 0 }],
      [5, { type: 'lookup-selection' }, { frameId: 3 }],
      [5, { type: 'settings-changed' }],
    ]);
  });

  it.each([
    [
      'Chrome with no content script',
      () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      'no-receiver',
    ],
    ['no listener answered', () => Promise.resolve(undefined), 'no-receiver'],
    ['the receiver refused', () => Promise.resolve({ ok: false, error: 'not accepted' }), 'rejected'],
    ['a stranger replied', () => Promise.resolve({ hello: 1 }), 'bad-reply'],
    ['the transport failed', () => Promise.reject(new Error('Extension context invalidated.')), 'rejected'],
  ])('throw a MessageError when %s', async (_what, reply, code) => {
    const error = await sendToTab({ sendMessage: reply }, 1, { type: 'get-summary' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MessageError);
    expect((error as MessageError).code).toBe(code);
    expect((error as MessageError).message).toMatch(/^"get-summary": /);
  });
});
