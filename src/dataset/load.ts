// The runtime check for the bundled dist/dataset.json. The compiler already validated it in
// depth; this only guards against a stale or corrupted copy (a build that bundled an old file,
// a hand edit), cheaply enough to run every time the extension starts.

import { checkRecord, describe, isPlainObject, type RecordSpec } from './schema';
import { ACTOR_KINDS, CARRIED_VALUES, CLAIM_KINDS, type Dataset } from './types';

/** Thrown by `parseDataset`; `problems` lists every problem found, one per line of the message. */
export class DatasetShapeError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    const shown = problems.slice(0, 10);
    const more = problems.length > shown.length ? `\n...and ${problems.length - shown.length} more` : '';
    super(`Invalid dataset (${problems.length} problem(s)):\n${shown.join('\n')}${more}`);
    this.name = 'DatasetShapeError';
    this.problems = problems;
  }
}

// Required fields only: extra fields are tolerated so an older reader can load a newer copy.
const COLLECTIONS: Readonly<Record<string, RecordSpec>> = {
  incidents: { id: 'string', date: 'string', place: 'string', summary: 'string', contextTerms: 'string[]' },
  actors: { id: 'string', name: 'string', role: 'string', kind: 'string', aliases: 'string[]' },
  outlets: {
    id: 'string',
    name: 'string',
    kind: 'string',
    url: 'string',
    published: 'string',
    seeds: 'string[]',
    notes: 'string',
  },
  claims: {
    id: 'string',
    incidentId: 'string',
    kind: 'string',
    statement: 'string',
    assertedBy: 'string[]',
    variants: 'array',
  },
  reports: {
    id: 'string',
    claimId: 'string',
    outletId: 'string',
    seed: 'string',
    start: 'int',
    end: 'int',
    excerpt: 'string',
    carried: 'string[]',
    attributedTo: 'string[]',
    loadedTerms: 'string[]',
    line: 'int',
  },
  framing: { id: 'string', referent: 'string', claimIds: 'string[]', byOutlet: 'array' },
  seeds: { file: 'string', outletId: 'string', url: 'string', published: 'string', sha256: 'string' },
};

/**
 * Checks that `json` (the parsed dist/dataset.json) has the compiled dataset's shape and that
 * reports point at known claims and outlets; returns it typed, or throws a `DatasetShapeError`
 * naming each bad field as `claims[3] (weaponized-vehicle): kind: ...`.
 */
export function parseDataset(json: unknown): Dataset {
  const problems: string[] = [];
  if (!isPlainObject(json)) throw new DatasetShapeError([`expected an object, found ${describe(json)}`]);
  checkRecord(
    json,
    { version: 'string', contentHash: 'string' },
    (field, problem) => problems.push(`${field}: ${problem}`),
    false,
  );

  const ids = new Map<string, Set<string>>();
  for (const [name, spec] of Object.entries(COLLECTIONS)) {
    const list = json[name];
    const seen = new Set<string>();
    ids.set(name, seen);
    if (!Array.isArray(list)) {
      problems.push(`${name}: expected an array, found ${describe(list)}`);
      continue;
    }
    list.forEach((record: unknown, i) => {
      const label = `${name}[${i}]${isPlainObject(record) && typeof record.id === 'string' ? ` (${record.id})` : ''}`;
      const problem = (field: string, message: string): void => {
        problems.push(`${label}: ${field}: ${message}`);
      };
      // Known even when broken, so its own problem is not echoed as dangling references.
      if (isPlainObject(record)) seen.add(String(record.id ?? record.file));
      if (!checkRecord(record, spec, problem, false) || !isPlainObject(record)) return;
      checkValues(name, record, problem);
    });
  }

  // References the UI dereferences without checking: a dangling one would crash a card.
  const reports = Array.isArray(json.reports) ? json.reports : [];
  reports.forEach((report: unknown, i) => {
    if (!isPlainObject(report)) return;
    for (const [field, collection] of [
      ['claimId', 'claims'],
      ['outletId', 'outlets'],
    ] as const) {
      const value = report[field];
      if (typeof value === 'string' && !ids.get(collection)?.has(value)) {
        problems.push(
          `reports[${i}] (${String(report.id)}): ${field}: no ${collection} record has id "${value}"`,
        );
      }
    }
  });

  if (problems.length > 0) throw new DatasetShapeError(problems);
  return json as unknown as Dataset;
}

function checkValues(
  collection: string,
  record: Record<string, unknown>,
  problem: (f: string, m: string) => void,
) {
  const oneOf = (field: string, value: unknown, allowed: readonly string[]): void => {
    if (typeof value === 'string' && !allowed.includes(value)) {
      problem(field, `"${value}" is not one of ${allowed.join(', ')}`);
    }
  };
  if (collection === 'claims') oneOf('kind', record.kind, CLAIM_KINDS);
  if (collection === 'actors') oneOf('kind', record.kind, ACTOR_KINDS);
  if (collection === 'reports') {
    const carried = Array.isArray(record.carried) ? record.carried : [];
    carried.forEach((value, i) => oneOf(`carried[${i}]`, value, CARRIED_VALUES));
    const { start, end, excerpt } = record;
    if (typeof start === 'number' && typeof end === 'number' && typeof excerpt === 'string') {
      if (end - start !== excerpt.length) {
        problem('end', `end - start (${end - start}) differs from the excerpt's length (${excerpt.length})`);
      }
    }
  }
}
