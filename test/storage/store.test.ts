// The store the service worker keeps settings and history in: round trips on fake-indexeddb, and
// every way storage can fail (missing, blocked, full, newer version, corrupt) ending in defaults
// with a note, never in a rejected promise.

// The auto import installs IDBRequest & co. as globals, which idb's wrappers test against.
import 'fake-indexeddb/auto';
import { IDBDatabase, IDBFactory, IDBObjectStore, forceCloseDatabase } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';

import { DB_VERSION } from '../../src/storage/schema';
import { PROBLEM_MESSAGES, createStore, siteOf, type Store } from '../../src/storage/store';

const DEFAULTS = { globalPause: false, highlightStyle: 'background', pausedSites: [] };
const stores: Store[] = [];

function makeStore(options: Partial<Parameters<typeof createStore>[0]> = {}): Store {
  const store = createStore({ datasetVersion: '1.0.0', indexedDB: new IDBFactory(), ...options });
  stores.push(store);
  return store;
}

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const entry = (text: string, time: number, claimIds: string[] = []) => ({
  text,
  url: `https://news.example/${text}`,
  title: `Page ${text}`,
  time,
  claimIds,
});

describe('settings', () => {
  it('start at the defaults', async () => {
    expect(await makeStore().settings()).toEqual({ value: DEFAULTS });
  });

  it('save each kind of change and read it back in a new connection', async () => {
    const factory = new IDBFactory();
    const first = makeStore({ indexedDB: factory });
    await first.change({ kind: 'global-pause', paused: true });
    await first.change({ kind: 'highlight-style', style: 'underline' });
    await first.change({ kind: 'site-pause', site: 'b.example', paused: true });
    const after = await first.change({ kind: 'site-pause', site: 'a.example', paused: true });
    expect(after).toEqual({
      value: { globalPause: true, highlightStyle: 'underline', pausedSites: ['a.example', 'b.example'] },
    });
    first.close();
    const second = makeStore({ indexedDB: factory });
    expect((await second.settings()).value).toEqual(after.value);
    const resumed = await second.change({ kind: 'site-pause', site: 'a.example', paused: false });
    expect(resumed.value.pausedSites).toEqual(['b.example']);
  });
});

describe('history', () => {
  it('lists entries newest first, with ids and the dataset version', async () => {
    const store = makeStore({ datasetVersion: '3.1.0' });
    await store.addHistory(entry('a', 100, ['weaponized-vehicle']));
    const added = await store.addHistory(entry('b', 200));
    expect(added.value).toMatchObject({ id: 2, text: 'b', datasetVersion: '3.1.0' });
    const { value, problem } = await store.history();
    expect(problem).toBeUndefined();
    expect(value.map((e) => e.text)).toEqual(['b', 'a']);
    expect(value[1]).toEqual({ ...entry('a', 100, ['weaponized-vehicle']), id: 1, datasetVersion: '3.1.0' });
  });

  it('removes one entry, or all of them', async () => {
    const store = makeStore();
    await store.addHistory(entry('a', 1));
    await store.addHistory(entry('b', 2));
    await store.addHistory(entry('c', 3));
    expect((await store.clearHistory(2)).value.map((e) => e.text)).toEqual(['c', 'a']);
    expect(await store.clearHistory()).toEqual({ value: [] });
    expect((await store.history()).value).toEqual([]);
  });

  it('keeps at most maxHistory entries, dropping the oldest', async () => {
    const store = makeStore({ maxHistory: 3 });
    for (let i = 1; i <= 5; i++) await store.addHistory(entry(`e${i}`, i * 10));
    expect((await store.history()).value.map((e) => e.text)).toEqual(['e5', 'e4', 'e3']);
  });
});

describe('the dataset version', () => {
  it('is recorded when the store opens and updated by a new build', async () => {
    const factory = new IDBFactory();
    const old = makeStore({ indexedDB: factory, datasetVersion: '1.0.0' });
    expect(await old.datasetVersion()).toEqual({ value: '1.0.0' });
    old.close();
    const updated = makeStore({ indexedDB: factory, datasetVersion: '1.1.0' });
    expect(await updated.datasetVersion()).toEqual({ value: '1.1.0' });
  });
});

describe('fallbacks', () => {
  it('no IndexedDB at all: defaults, changes kept in memory, a note every time', async () => {
    // Hide the global factory that fake-indexeddb/auto installed.
    const saved = globalThis.indexedDB;
    // @ts-expect-error -- simulating a browser window without IndexedDB
    delete globalThis.indexedDB;
    try {
      const store = createStore({ datasetVersion: '1.0.0', name: 'none' });
      const first = await store.settings();
      expect(first.value).toEqual(DEFAULTS);
      expect(first.problem?.kind).toBe('unavailable');
      const changed = await store.change({ kind: 'site-pause', site: 'x.example', paused: true });
      expect(changed.value.pausedSites).toEqual(['x.example']);
      expect(changed.problem?.message).toContain(PROBLEM_MESSAGES.unavailable);
      const added = await store.addHistory(entry('a', 1));
      expect(added.value?.id).toBe(1);
      expect((await store.history()).value.map((e) => e.text)).toEqual(['a']);
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('blocked: another connection holds an older version and never lets go', async () => {
    const factory = new IDBFactory();
    globalThis.indexedDB = factory; // idb's openDB below opens with the global factory
    const holder = await openDB('held', 1, {
      upgrade(db) {
        db.createObjectStore('settings');
        db.createObjectStore('history', { keyPath: 'id', autoIncrement: true });
      },
    });
    // The holder ignores versionchange (an old build without a handler), so our upgrade waits.
    const store = makeStore({ indexedDB: factory, name: 'held', blockedTimeoutMs: 50 });
    const result = await store.settings();
    expect(result.value).toEqual(DEFAULTS);
    expect(result.problem?.kind).toBe('blocked');
    expect(result.problem?.message).toBe(PROBLEM_MESSAGES.blocked);
    holder.close();
  });

  it('steps aside when a newer version of the database needs to open', async () => {
    const factory = new IDBFactory();
    const store = makeStore({ indexedDB: factory, name: 'shared' });
    await store.change({ kind: 'global-pause', paused: true });
    globalThis.indexedDB = factory;
    // A newer schema (a later update) opens while our connection is open: it must not be blocked.
    const newer = await openDB('shared', DB_VERSION + 1, { blocked: () => expect.fail('was blocked') });
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
  });

  it('deleted while in use: the settings and history the reader had survive', async () => {
    const factory = new IDBFactory();
    const store = makeStore({ indexedDB: factory, name: 'deleted' });
    await store.change({ kind: 'global-pause', paused: true });
    await store.change({ kind: 'site-pause', site: 'news.example', paused: true });
    await store.addHistory(entry('kept', 1_000, ['shame-chant']));
    // The reader clears site data (or another tab deletes the database) while the worker runs:
    // our connection closes on versionchange, so the deletion is not blocked.
    await new Promise<void>((resolve, reject) => {
      const request = factory.deleteDatabase('deleted');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('the deletion was blocked by our connection'));
    });
    const settings = await store.settings();
    expect(settings).toEqual({
      value: { globalPause: true, highlightStyle: 'background', pausedSites: ['news.example'] },
    });
    const history = await store.history();
    expect(history.problem).toBeUndefined();
    expect(history.value.map((e) => [e.text, e.claimIds])).toEqual([['kept', ['shame-chant']]]);
    // And it was written back, not only answered from memory: a new connection sees it.
    store.close();
    const again = makeStore({ indexedDB: factory, name: 'deleted' });
    expect((await again.settings()).value.pausedSites).toEqual(['news.example']);
    expect((await again.history()).value).toHaveLength(1);
  });

  it('reopens after the browser closes the connection', async () => {
    const factory = new IDBFactory();
    const store = makeStore({ indexedDB: factory, name: 'closing' });
    await store.change({ kind: 'highlight-style', style: 'off' });
    globalThis.indexedDB = factory;
    const spy = await openDB('closing', DB_VERSION);
    // Close every connection to the database the way the browser does on disk trouble.
    forceCloseDatabase(spy as never);
    spy.close();
    expect((await store.settings()).value.highlightStyle).toBe('off');
  });

  it('reconnects when the connection closes during a request, without a note', async () => {
    const factory = new IDBFactory();
    const store = makeStore({ indexedDB: factory, name: 'closed-mid-request' });
    await store.change({ kind: 'global-pause', paused: true });
    const realTransaction = IDBDatabase.prototype.transaction;
    let failures = 1;
    IDBDatabase.prototype.transaction = function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      if (failures-- > 0) throw new DOMException('The database connection is closing.', 'InvalidStateError');
      return realTransaction.apply(this, args);
    } as IDBDatabase['transaction'];
    try {
      expect(await store.settings()).toEqual({ value: { ...DEFAULTS, globalPause: true } });
    } finally {
      IDBDatabase.prototype.transaction = realTransaction;
    }
  });

  it('a database written by a newer version: defaults and a note', async () => {
    const factory = new IDBFactory();
    globalThis.indexedDB = factory;
    (await openDB('future', DB_VERSION + 1)).close();
    const result = await makeStore({ indexedDB: factory, name: 'future' }).settings();
    expect(result.value).toEqual(DEFAULTS);
    expect(result.problem?.kind).toBe('version');
  });

  it('a database that fails to open: defaults and a note naming the error', async () => {
    // The browser's answer when the files on disk are damaged: an UnknownError on open.
    class BrokenRequest extends EventTarget {
      error = new DOMException('Internal error opening backing store', 'UnknownError');
      result = undefined;
      transaction = null;
    }
    const factory = {
      open() {
        const request = new BrokenRequest();
        setTimeout(() => request.dispatchEvent(new Event('error', { cancelable: true })));
        return request;
      },
    } as unknown as IDBFactory;
    const result = await makeStore({ indexedDB: factory }).settings();
    expect(result.value).toEqual(DEFAULTS);
    expect(result.problem?.kind).toBe('corrupt');
    expect(result.problem?.message).toContain('UnknownError');
  });

  it('corrupt records: defaults with a note, until a change saves clean ones', async () => {
    const factory = new IDBFactory();
    const store = makeStore({ indexedDB: factory, name: 'corrupt' });
    await store.settings(); // creates the schema
    globalThis.indexedDB = factory;
    const raw = await openDB('corrupt', DB_VERSION);
    await raw.put('settings', { globalPause: 'maybe', highlightStyle: 42 }, 'global');
    await raw.put('sites', { site: 'ok.example', paused: true });
    await raw.put('sites', { site: 'bad.example', paused: 'yes' });
    await raw.add('history', { text: 'no other fields' });
    await raw.add('history', { ...entry('good', 5), datasetVersion: '1.0.0' });
    raw.close();

    const read = await store.settings();
    expect(read.value).toEqual({ ...DEFAULTS, pausedSites: ['ok.example'] });
    expect(read.problem?.kind).toBe('corrupt');
    const history = await store.history();
    expect(history.value.map((e) => e.text)).toEqual(['good']);
    expect(history.problem?.message).toContain('1 unreadable history entries hidden');

    const changed = await store.change({ kind: 'global-pause', paused: true });
    expect(changed).toEqual({ value: { ...DEFAULTS, globalPause: true, pausedSites: ['ok.example'] } });
    expect((await store.clearHistory()).problem).toBeUndefined();
  });

  describe('full storage (QuotaExceededError)', () => {
    const realAdd = IDBObjectStore.prototype.add;
    const realPut = IDBObjectStore.prototype.put;
    afterEach(() => {
      IDBObjectStore.prototype.add = realAdd;
      IDBObjectStore.prototype.put = realPut;
    });
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };

    it('history: makes room by dropping the older half, then adds', async () => {
      const store = makeStore();
      for (let i = 1; i <= 4; i++) await store.addHistory(entry(`e${i}`, i));
      let failures = 1;
      IDBObjectStore.prototype.add = function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['add']>
      ) {
        if (failures-- > 0) quota();
        return realAdd.apply(this, args);
      };
      const added = await store.addHistory(entry('e5', 5));
      expect(added.problem).toBeUndefined();
      expect((await store.history()).value.map((e) => e.text)).toEqual(['e5', 'e4', 'e3']);
    });

    it('settings: the change still applies for this session, with a note', async () => {
      const store = makeStore();
      await store.change({ kind: 'site-pause', site: 'kept.example', paused: true });
      IDBObjectStore.prototype.put = quota as never;
      const changed = await store.change({ kind: 'global-pause', paused: true });
      expect(changed.value).toEqual({ ...DEFAULTS, globalPause: true, pausedSites: ['kept.example'] });
      expect(changed.problem).toEqual({ kind: 'quota', message: PROBLEM_MESSAGES.quota });
      // Later answers come from memory and keep saying so.
      const again = await store.settings();
      expect(again.value.globalPause).toBe(true);
      expect(again.problem?.kind).toBe('quota');
    });
  });
});

describe('siteOf', () => {
  it.each([
    ['https://www.startribune.com/story/1?x=2', 'www.startribune.com'],
    ['http://127.0.0.1:8080/pages/a.html', '127.0.0.1'],
    ['chrome://extensions', undefined],
    ['file:///home/me/a.html', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});
