// The IndexedDB schema: its versions, the step that upgrades each version to the next, and the
// checks every record passes before the extension trusts it. A database is upgraded one step at
// a time, so a browser that skipped a release still ends up with the same data as one that did not.
//
//   v1  `settings` (one record, key 'global': pause, highlight style, paused sites as an array)
//       and `history` (lookups, auto-increment ids).
//   v2  per-site records move to their own `sites` store (one small write per toggle instead of
//       rewriting the list, and room for more per-site settings); `meta` records the bundled
//       dataset's version; history entries gain the dataset version their claim ids refer to,
//       and a `time` index to list and prune them in order.

import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { HighlightStyle } from '../content/api';
import type { HistoryEntry } from '../messages';

/** The database's name in the extension's origin. */
export const DB_NAME = 'source-context';

/** The schema version this build writes. */
export const DB_VERSION = 2;

/** The global settings record (store `settings`, key 'global'). */
export interface GlobalRecord {
  globalPause: boolean;
  highlightStyle: HighlightStyle;
}

/** One site's settings (store `sites`, keyed by host name). */
export interface SiteRecord {
  site: string;
  paused: boolean;
}

/** One history entry (store `history`). */
export type HistoryRecord = HistoryEntry;

/** The latest schema, for idb's typed API. */
export interface SourceContextDB extends DBSchema {
  settings: { key: string; value: GlobalRecord };
  sites: { key: string; value: SiteRecord };
  history: { key: number; value: HistoryRecord; indexes: { time: number } };
  meta: { key: string; value: { key: string; value: string } };
}

/** The defaults a reader starts with, and what the extension falls back to. */
export const DEFAULT_GLOBAL: Readonly<GlobalRecord> = { globalPause: false, highlightStyle: 'background' };

/** The key of the one record in `settings`. */
export const GLOBAL_KEY = 'global';

/** The `meta` key holding the bundled dataset's version. */
export const DATASET_VERSION_KEY = 'datasetVersion';

// Upgrade steps see every version's stores, so they use the untyped database.
type AnyDB = IDBPDatabase<unknown>;
type AnyTx = IDBPTransaction<unknown, StoreNames<unknown>[], 'versionchange'>;

/** One upgrade step: brings a database from version `to - 1` to version `to`. */
export interface UpgradeStep {
  to: number;
  /** What the step changes, for the record. */
  what: string;
  run(db: AnyDB, tx: AnyTx, context: { datasetVersion: string }): void;
}

/** Every upgrade step, in order; `UPGRADES[i].to === i + 1`. */
export const UPGRADES: readonly UpgradeStep[] = [
  {
    to: 1,
    what: 'settings and history stores',
    run(db) {
      db.createObjectStore('settings');
      db.createObjectStore('history', { keyPath: 'id', autoIncrement: true });
    },
  },
  {
    to: 2,
    what: 'sites store (from settings.pausedSites), meta store, history time index and dataset version',
    run(db, tx, { datasetVersion }) {
      const sites = db.createObjectStore('sites', { keyPath: 'site' });
      db.createObjectStore('meta', { keyPath: 'key' });
      const settings = tx.objectStore('settings');
      // Requests inside an upgrade transaction run in order, so no await is needed (and awaiting
      // anything else here would let the transaction close).
      void settings.get(GLOBAL_KEY).then((old: unknown) => {
        if (typeof old !== 'object' || old === null) return;
        const { pausedSites, ...rest } = old as { pausedSites?: unknown };
        if (Array.isArray(pausedSites)) {
          for (const site of pausedSites) {
            if (typeof site === 'string' && site !== '') void sites.put({ site, paused: true });
          }
        }
        void settings.put(rest, GLOBAL_KEY);
      });
      const history = tx.objectStore('history');
      history.createIndex('time', 'time');
      // The dataset version was not recorded before v2: entries are marked with the version
      // bundled at upgrade time, the best guess (the dataset rarely changes between releases).
      void history.openCursor().then(function backfill(cursor): Promise<void> | undefined {
        if (!cursor) return undefined;
        const value = cursor.value as Record<string, unknown>;
        if (typeof value.datasetVersion !== 'string') void cursor.update({ ...value, datasetVersion });
        return cursor.continue().then(backfill);
      });
    },
  },
];

/** Runs the steps from `oldVersion` up to `newVersion` (exported for the upgrade tests). */
export function runUpgrades(
  db: AnyDB,
  tx: AnyTx,
  oldVersion: number,
  newVersion: number,
  context: { datasetVersion: string },
): void {
  for (const step of UPGRADES) {
    if (step.to > oldVersion && step.to <= newVersion) step.run(db, tx, context);
  }
}

// ---------------------------------------------------------------------------------------------
// Record checks: a record that fails is treated as corrupt, never passed on.

const STYLES: readonly HighlightStyle[] = ['underline', 'background', 'off'];

/** The global settings record if `value` is one, else undefined. */
export function checkGlobal(value: unknown): GlobalRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.globalPause !== 'boolean') return undefined;
  if (!STYLES.includes(v.highlightStyle as HighlightStyle)) return undefined;
  return { globalPause: v.globalPause, highlightStyle: v.highlightStyle as HighlightStyle };
}

/** The site record if `value` is one, else undefined. */
export function checkSite(value: unknown): SiteRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.site !== 'string' || v.site === '' || typeof v.paused !== 'boolean') return undefined;
  return { site: v.site, paused: v.paused };
}

/** The history entry if `value` is one, else undefined. */
export function checkHistory(value: unknown): HistoryRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const ok =
    Number.isInteger(v.id) &&
    typeof v.text === 'string' &&
    typeof v.url === 'string' &&
    typeof v.title === 'string' &&
    typeof v.time === 'number' &&
    Number.isFinite(v.time) &&
    Array.isArray(v.claimIds) &&
    v.claimIds.every((id) => typeof id === 'string') &&
    typeof v.datasetVersion === 'string';
  if (!ok) return undefined;
  return {
    id: v.id as number,
    text: v.text as string,
    url: v.url as string,
    title: v.title as string,
    time: v.time as number,
    claimIds: [...(v.claimIds as string[])],
    datasetVersion: v.datasetVersion as string,
  };
}
