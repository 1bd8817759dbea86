// Settings, history and the dataset version in IndexedDB, owned by the service worker (a content
// script runs in the page's origin and cannot reach the extension's database; it asks by message).
//
// Storage must never break the page or the popup: when the database is missing, blocked by
// another connection, full, written by a newer version or unreadable, the store carries on with
// defaults kept in memory and every answer carries a `problem` the popup shows as a note.
// Nothing here leaves the browser.

import { wrap, type IDBPDatabase } from 'idb';
import type { HistoryEntry, SettingsChange, StorageProblem } from '../messages';
import {
  DATASET_VERSION_KEY,
  DB_NAME,
  DB_VERSION,
  DEFAULT_GLOBAL,
  GLOBAL_KEY,
  checkGlobal,
  checkHistory,
  checkSite,
  runUpgrades,
  type GlobalRecord,
  type SourceContextDB,
} from './schema';

/** The settings as stored: global ones and the paused sites. */
export interface StoredSettings extends GlobalRecord {
  pausedSites: string[];
}

/** A value read or written, with the storage problem that affected it, if any. */
export interface Loaded<T> {
  value: T;
  problem?: StorageProblem;
}

/** A lookup to add to the history (the store assigns the id and the dataset version). */
export type NewHistoryEntry = Omit<HistoryEntry, 'id' | 'datasetVersion'>;

/** The extension's local storage. Every method resolves (never rejects). */
export interface Store {
  settings(): Promise<Loaded<StoredSettings>>;
  change(change: SettingsChange): Promise<Loaded<StoredSettings>>;
  /** The history, newest first. */
  history(): Promise<Loaded<HistoryEntry[]>>;
  addHistory(entry: NewHistoryEntry): Promise<Loaded<HistoryEntry | undefined>>;
  /** Removes entry `id`, or every entry when `id` is undefined; returns what is left. */
  clearHistory(id?: number): Promise<Loaded<HistoryEntry[]>>;
  /** The dataset version recorded in the database (this build's, once opened). */
  datasetVersion(): Promise<Loaded<string>>;
  /** Closes the connection (tests; the worker just stops). */
  close(): void;
}

/** How to open the store. */
export interface StoreOptions {
  /** The bundled dataset's version, recorded in `meta` and on each history entry. */
  datasetVersion: string;
  indexedDB?: IDBFactory; // test seam: fake-indexeddb
  name?: string; // test seam: a fresh database per test
  version?: number; // test seam: open an older schema
  /** How long to wait for other connections to let an upgrade through. */
  blockedTimeoutMs?: number;
  /** Most history entries kept; the oldest go first. */
  maxHistory?: number;
}

/** Most lookups the history keeps. */
export const MAX_HISTORY = 200;

/** The notes the popup shows for each storage problem. */
export const PROBLEM_MESSAGES: Readonly<Record<StorageProblem['kind'], string>> = {
  unavailable:
    'Storage is not available in this browser window, so default settings are in use and changes last only until the browser closes.',
  blocked:
    'Storage is held by another window of Source Context (perhaps an older version still open), so default settings are in use for now.',
  quota: 'The browser’s storage is full, so this change is kept only until the browser closes.',
  corrupt:
    'Saved settings or history could not be read, so defaults are in use. Changing a setting saves it afresh.',
  version:
    'Storage was written by a newer version of Source Context, so default settings are in use and nothing is saved.',
};

function problem(kind: StorageProblem['kind'], detail?: string): StorageProblem {
  const base = PROBLEM_MESSAGES[kind];
  return { kind, message: detail ? `${base} (${detail})` : base };
}

type DB = IDBPDatabase<SourceContextDB>;

/** Host name of an http(s) URL: the "site" the popup pauses. Undefined for other URLs. */
export function siteOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.hostname === '' ? undefined : parsed.hostname;
}

class OpenFailure extends Error {
  constructor(readonly problem: StorageProblem) {
    super(problem.message);
  }
}

/**
 * Connections whose database did not exist before they opened it. When a database the store had
 * been using comes back empty (the reader cleared site data, or it was deleted while in use), the
 * store writes what it remembers back into it.
 */
const createdFresh = new WeakSet<object>();

/** Opens the database with `factory`, running the upgrade steps; rejects with an OpenFailure. */
export function openDatabase(
  factory: IDBFactory,
  options: { name: string; version: number; datasetVersion: string; blockedTimeoutMs: number },
  onClosed: () => void,
): Promise<DB> {
  return new Promise<DB>((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(options.name, options.version);
    } catch (error) {
      reject(new OpenFailure(problem('unavailable', (error as Error).message)));
      return;
    }
    let settled = false;
    let fresh = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fail = (p: StorageProblem): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      reject(new OpenFailure(p));
    };
    request.addEventListener('upgradeneeded', (event) => {
      fresh = event.oldVersion === 0;
      const db = wrap(request.result) as unknown as IDBPDatabase<unknown>;
      const tx = wrap(request.transaction!) as never;
      try {
        runUpgrades(db, tx, event.oldVersion, event.newVersion ?? options.version, options);
      } catch (error) {
        // A step that throws aborts the upgrade; the database stays at its old version.
        request.transaction?.abort();
        fail(problem('corrupt', `upgrade failed: ${(error as Error).message}`));
      }
    });
    request.addEventListener('blocked', () => {
      // Another connection holds an older version open and does not close on versionchange.
      timer ??= setTimeout(() => fail(problem('blocked')), options.blockedTimeoutMs);
    });
    request.addEventListener('error', (event) => {
      event.preventDefault(); // handled here: no uncaught error in the worker's console
      const error = request.error;
      if (error?.name === 'VersionError') fail(problem('version'));
      else if (error?.name === 'QuotaExceededError') fail(problem('quota'));
      else if (error?.name === 'AbortError' && settled) return;
      else fail(problem('corrupt', error ? `${error.name}: ${error.message}` : 'the database did not open'));
    });
    request.addEventListener('success', () => {
      const raw = request.result;
      if (settled) {
        // We gave up waiting (blocked); a late success must not hold a connection open.
        raw.close();
        return;
      }
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      // Let a newer version (an update installed while this worker runs) take over at once.
      raw.addEventListener('versionchange', () => {
        raw.close();
        onClosed();
      });
      raw.addEventListener('close', onClosed); // the browser dropped the connection
      const wrapped = wrap(raw) as unknown as DB;
      if (fresh) createdFresh.add(wrapped);
      resolve(wrapped);
    });
  });
}

function isQuota(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'QuotaExceededError';
}

function isClosing(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'InvalidStateError' || name === 'TransactionInactiveError';
}

function errorText(error: unknown): string {
  const e = error as { name?: string; message?: string } | null;
  return e?.name ? `${e.name}: ${e.message ?? ''}`.trim() : String(error);
}

/** Settings and history kept in memory: the fallback, and the copy kept once storage fails. */
class MemoryState {
  global: GlobalRecord = { ...DEFAULT_GLOBAL };
  sites = new Set<string>();
  history: HistoryEntry[] = [];
  nextId = 1;

  settings(): StoredSettings {
    return { ...this.global, pausedSites: [...this.sites].sort() };
  }

  apply(change: SettingsChange): void {
    switch (change.kind) {
      case 'global-pause':
        this.global.globalPause = change.paused;
        return;
      case 'highlight-style':
        this.global.highlightStyle = change.style;
        return;
      case 'site-pause':
        if (change.paused) this.sites.add(change.site);
        else this.sites.delete(change.site);
        return;
    }
  }
}

/**
 * Opens the store. Resolves even when IndexedDB fails: the store then works from memory and
 * reports the problem with every answer.
 */
export function createStore(options: StoreOptions): Store {
  const name = options.name ?? DB_NAME;
  const version = options.version ?? DB_VERSION;
  const maxHistory = options.maxHistory ?? MAX_HISTORY;
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;

  let db: Promise<DB> | undefined;
  // Set once storage has failed for good in this worker: from then on, memory answers.
  let degraded: StorageProblem | undefined;
  const memory = new MemoryState();

  const connect = (): Promise<DB> => {
    if (degraded) return Promise.reject(new OpenFailure(degraded));
    if (!factory) return Promise.reject(new OpenFailure(problem('unavailable', 'no IndexedDB')));
    db ??= openDatabase(
      factory,
      {
        name,
        version,
        datasetVersion: options.datasetVersion,
        blockedTimeoutMs: options.blockedTimeoutMs ?? 2000,
      },
      () => {
        db = undefined; // reopen on the next call
      },
    ).then(async (opened) => {
      if (known && createdFresh.has(opened)) await restore(opened);
      await recordDatasetVersion(opened);
      return opened;
    });
    return db;
  };

  // True once this store has read or written real data: an empty database after that means the
  // one we used was deleted under us, not that this is a first run.
  let known = false;

  /** Writes the remembered settings and history into a database that came back empty. */
  const restore = async (opened: DB): Promise<void> => {
    const tx = opened.transaction(['settings', 'sites', 'history'], 'readwrite');
    await Promise.all([
      tx.objectStore('settings').put({ ...memory.global }, GLOBAL_KEY),
      ...[...memory.sites].map((site) => tx.objectStore('sites').put({ site, paused: true })),
      ...memory.history.map((entry) => tx.objectStore('history').put({ ...entry })),
      tx.done,
    ]);
  };

  const recordDatasetVersion = async (opened: DB): Promise<void> => {
    if (version < 2) return; // older schemas (tests) have no meta store
    const current = await opened.get('meta', DATASET_VERSION_KEY);
    if (current?.value !== options.datasetVersion) {
      await opened.put('meta', { key: DATASET_VERSION_KEY, value: options.datasetVersion });
    }
  };

  /** Runs `op` on the database; on failure answers from memory (`fallback`) and reports why. */
  const withDb = async <T>(op: (d: DB) => Promise<Loaded<T>>, fallback: () => T): Promise<Loaded<T>> => {
    let opened: DB;
    try {
      opened = await connect();
    } catch (error) {
      degraded ??= error instanceof OpenFailure ? error.problem : problem('unavailable', errorText(error));
      return { value: fallback(), problem: degraded };
    }
    let failure: unknown;
    try {
      return await op(opened);
    } catch (error) {
      failure = error;
    }
    // The connection closed under us (an update's upgrade, the browser's housekeeping): that is
    // not corruption, so reconnect and try once more before giving up on storage.
    if (isClosing(failure)) {
      db = undefined;
      try {
        return await op(await connect());
      } catch (error) {
        failure = error;
      }
    }
    degraded =
      failure instanceof OpenFailure
        ? failure.problem
        : isQuota(failure)
          ? problem('quota')
          : problem('corrupt', errorText(failure));
    return { value: fallback(), problem: degraded };
  };

  const readSettings = async (d: DB): Promise<Loaded<StoredSettings>> => {
    const rawGlobal = await d.get('settings', GLOBAL_KEY);
    const global = rawGlobal === undefined ? { ...DEFAULT_GLOBAL } : checkGlobal(rawGlobal);
    const rawSites = await d.getAll('sites');
    const sites = rawSites.map(checkSite);
    const pausedSites = sites.flatMap((s) => (s?.paused ? [s.site] : [])).sort();
    const corrupt = global === undefined || sites.some((s) => s === undefined);
    const value = { ...(global ?? DEFAULT_GLOBAL), pausedSites };
    // Keep the memory copy current, so a later failure falls back to what the reader chose.
    memory.global = { globalPause: value.globalPause, highlightStyle: value.highlightStyle };
    memory.sites = new Set(pausedSites);
    known = true;
    return corrupt ? { value, problem: problem('corrupt') } : { value };
  };

  const readHistory = async (d: DB): Promise<Loaded<HistoryEntry[]>> => {
    const raw = await d.getAll('history');
    const entries = raw.map(checkHistory);
    const good = entries.filter((e): e is HistoryEntry => e !== undefined);
    good.sort((a, b) => b.time - a.time || b.id - a.id);
    memory.history = good;
    memory.nextId = Math.max(0, ...good.map((e) => e.id)) + 1;
    known = true;
    const bad = entries.length - good.length;
    return bad > 0
      ? { value: good, problem: problem('corrupt', `${bad} unreadable history entries hidden`) }
      : { value: good };
  };

  const memoryAdd = (entry: NewHistoryEntry): HistoryEntry => {
    const added = { ...entry, id: memory.nextId++, datasetVersion: options.datasetVersion };
    memory.history = [added, ...memory.history].slice(0, maxHistory);
    return added;
  };

  const prune = async (d: DB, keep: number): Promise<void> => {
    const count = await d.count('history');
    if (count <= keep) return;
    const tx = d.transaction('history', 'readwrite');
    let cursor = await tx.store.index('time').openCursor();
    for (let extra = count - keep; cursor && extra > 0; extra--) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  };

  return {
    settings: () => withDb(readSettings, () => memory.settings()),

    change: (change) =>
      withDb(
        async (d) => {
          // Read first so a corrupt global record is replaced by a whole, valid one, and drop
          // unreadable site records: the reader's change saves a clean state.
          const { value: before } = await readSettings(d);
          const tx = d.transaction('sites', 'readwrite');
          for (let c = await tx.store.openCursor(); c; c = await c.continue()) {
            if (!checkSite(c.value)) await c.delete();
          }
          await tx.done;
          if (change.kind === 'site-pause') {
            if (change.paused) await d.put('sites', { site: change.site, paused: true });
            else await d.delete('sites', change.site);
          } else {
            const next: GlobalRecord = {
              globalPause: before.globalPause,
              highlightStyle: before.highlightStyle,
            };
            if (change.kind === 'global-pause') next.globalPause = change.paused;
            else next.highlightStyle = change.style;
            await d.put('settings', next, GLOBAL_KEY);
          }
          return readSettings(d);
        },
        () => {
          memory.apply(change);
          return memory.settings();
        },
      ),

    history: () => withDb(readHistory, () => [...memory.history]),

    addHistory: (entry) =>
      withDb<HistoryEntry | undefined>(
        async (d) => {
          const record = { ...entry, datasetVersion: options.datasetVersion };
          let id: number;
          try {
            id = await d.add('history', record as HistoryEntry);
          } catch (error) {
            if (!isQuota(error)) throw error;
            // Full: make room by dropping the older half of the history, then try once more.
            await prune(d, Math.floor((await d.count('history')) / 2));
            id = await d.add('history', record as HistoryEntry);
          }
          await prune(d, maxHistory);
          const added = { ...record, id };
          // Remembered too, so the history survives the database being deleted under us.
          memory.history = [added, ...memory.history.filter((e) => e.id !== id)].slice(0, maxHistory);
          memory.nextId = Math.max(memory.nextId, id + 1);
          known = true;
          return { value: added };
        },
        () => memoryAdd(entry),
      ),

    clearHistory: (id) =>
      withDb(
        async (d) => {
          if (id === undefined) await d.clear('history');
          else await d.delete('history', id);
          return readHistory(d);
        },
        () => {
          memory.history = id === undefined ? [] : memory.history.filter((e) => e.id !== id);
          return [...memory.history];
        },
      ),

    datasetVersion: () =>
      withDb(
        async (d) => ({ value: (await d.get('meta', DATASET_VERSION_KEY))?.value ?? options.datasetVersion }),
        () => options.datasetVersion,
      ),

    close() {
      void db?.then((d) => d.close()).catch(() => undefined);
      db = undefined;
    },
  };
}
