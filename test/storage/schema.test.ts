// Each upgrade step of the IndexedDB schema, run on a database left by the step before it, and
// the record checks that keep corrupt data out.

// The auto import installs IDBRequest & co. as globals, which idb's wrappers test against.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';

import {
  DB_VERSION,
  UPGRADES,
  checkGlobal,
  checkHistory,
  checkSite,
  runUpgrades,
} from '../../src/storage/schema';
import { createStore } from '../../src/storage/store';

// idb's openDB uses the global factory; each test gets a fresh one.
let open: IDBPDatabase<unknown>[] = [];
afterEach(() => {
  for (const db of open) db.close();
  open = [];
});

function useFactory(): IDBFactory {
  const factory = new IDBFactory();
  (globalThis as { indexedDB?: IDBFactory }).indexedDB = factory;
  return factory;
}

async function openAt(version: number, datasetVersion = '1.0.0'): Promise<IDBPDatabase<unknown>> {
  const db = await openDB('t', version, {
    upgrade(d, oldVersion, newVersion, tx) {
      runUpgrades(d, tx as never, oldVersion, newVersion ?? version, { datasetVersion });
    },
  });
  open.push(db);
  return db;
}

describe('upgrade steps', () => {
  it('are numbered 1..DB_VERSION with no gap', () => {
    expect(UPGRADES.map((step) => step.to)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it('v1 creates the settings and history stores', async () => {
    useFactory();
    const db = await openAt(1);
    expect([...db.objectStoreNames].sort()).toEqual(['history', 'settings']);
    const id = await db.add('history', { text: 'x' });
    expect(id).toBe(1); // auto-increment ids
  });

  it('v1 → v2 moves paused sites to their own store, keeps the rest, backfills history', async () => {
    useFactory();
    const v1 = await openAt(1);
    await v1.put(
      'settings',
      { globalPause: true, highlightStyle: 'background', pausedSites: ['a.example', 'b.example', 42, ''] },
      'global',
    );
    await v1.add('history', {
      text: 'weaponized her vehicle',
      url: 'https://news.example/a',
      title: 'A',
      time: 10,
      claimIds: ['weaponized-vehicle'],
    });
    await v1.add('history', {
      text: 'b',
      url: 'u',
      title: 't',
      time: 20,
      claimIds: [],
      datasetVersion: '0.9.0',
    });
    v1.close();
    open = [];

    const v2 = await openAt(2, '1.2.0');
    expect([...v2.objectStoreNames].sort()).toEqual(['history', 'meta', 'settings', 'sites']);
    expect(await v2.get('settings', 'global')).toEqual({ globalPause: true, highlightStyle: 'background' });
    expect(await v2.getAll('sites')).toEqual([
      { site: 'a.example', paused: true },
      { site: 'b.example', paused: true },
    ]);
    const history = await v2.getAll('history');
    expect(history.map((e) => e.datasetVersion)).toEqual(['1.2.0', '0.9.0']); // existing version kept
    const byTime = await v2.getAllFromIndex('history', 'time');
    expect(byTime.map((e) => e.time)).toEqual([10, 20]);
  });

  it('v1 → v2 copes with a v1 database that has no settings record', async () => {
    useFactory();
    (await openAt(1)).close();
    open = [];
    const v2 = await openAt(2);
    expect(await v2.get('settings', 'global')).toBeUndefined();
    expect(await v2.getAll('sites')).toEqual([]);
  });

  it('a fresh database gets every step at once, and the store reads it', async () => {
    const factory = new IDBFactory();
    const store = createStore({ datasetVersion: '1.0.0', indexedDB: factory });
    expect(await store.settings()).toEqual({
      value: { globalPause: false, highlightStyle: 'background', pausedSites: [] },
    });
    store.close();
  });

  it('the store reads a database upgraded from v1', async () => {
    const factory = useFactory();
    const v1 = await openAt(1);
    await v1.put(
      'settings',
      { globalPause: false, highlightStyle: 'off', pausedSites: ['c.example'] },
      'global',
    );
    v1.close();
    open = [];
    const store = createStore({ datasetVersion: '2.0.0', indexedDB: factory, name: 't' });
    expect((await store.settings()).value).toEqual({
      globalPause: false,
      highlightStyle: 'off',
      pausedSites: ['c.example'],
    });
    expect(await store.datasetVersion()).toEqual({ value: '2.0.0' });
    store.close();
  });
});

describe('record checks', () => {
  it('accept whole records and copy them', () => {
    const global = { globalPause: true, highlightStyle: 'off' };
    expect(checkGlobal(global)).toEqual(global);
    expect(checkSite({ site: 'x.example', paused: false })).toEqual({ site: 'x.example', paused: false });
    const entry = {
      id: 3,
      text: 't',
      url: 'https://x.example/',
      title: 'X',
      time: 5,
      claimIds: ['a'],
      datasetVersion: '1.0.0',
    };
    const checked = checkHistory(entry);
    expect(checked).toEqual(entry);
    expect(checked?.claimIds).not.toBe(entry.claimIds);
  });

  it.each([
    null,
    'global',
    { globalPause: 'yes', highlightStyle: 'underline' },
    { globalPause: false, highlightStyle: 'sparkles' },
  ])('reject a broken settings record: %j', (value) => {
    expect(checkGlobal(value)).toBeUndefined();
  });

  it.each([{ site: '', paused: true }, { site: 'x', paused: 1 }, ['x'], 7])(
    'reject a broken site record: %j',
    (value) => {
      expect(checkSite(value)).toBeUndefined();
    },
  );

  it.each([
    { id: 1.5, text: 't', url: 'u', title: 't', time: 1, claimIds: [], datasetVersion: '1' },
    { id: 1, text: 't', url: 'u', title: 't', time: Number.NaN, claimIds: [], datasetVersion: '1' },
    { id: 1, text: 't', url: 'u', title: 't', time: 1, claimIds: [3], datasetVersion: '1' },
    { id: 1, text: 't', url: 'u', title: 't', time: 1, claimIds: [] },
  ])('reject a broken history entry: %j', (value) => {
    expect(checkHistory(value)).toBeUndefined();
  });
});
