// Turns the hand-edited annotation files and seed articles into the compiled `Dataset`.
// Pure: it takes file contents as strings and a hash function, so tests feed it in-memory
// copies and scripts/compile-dataset.ts does all the disk I/O. Every problem is collected
// (not just the first) so a maintainer fixes a whole batch per run. The format is documented
// field by field in docs/dataset.md.

import { INCIDENT_ID, REQUIRED_ACTOR_IDS, REQUIRED_CLAIM_IDS, REQUIRED_OUTLET_IDS } from './required';
import { checkRecord, describe, isPlainObject, isText, type RecordSpec } from './schema';
import {
  ACTOR_KINDS,
  CARRIED_VALUES,
  CLAIM_KINDS,
  type Actor,
  type ActorKind,
  type Carried,
  type Claim,
  type ClaimKind,
  type CueValue,
  type Cues,
  type Dataset,
  type Framing,
  type Incident,
  type Outlet,
  type QuoteVariant,
  type Report,
  type Seed,
} from './types';

/** One problem with the annotations, printed as `<file>: <record>: <field>: <problem>`. */
export interface DatasetError {
  file: string; // path of the file, as the caller named the seeds folder
  record: string; // the record's id, `claims[3]` when it has none, `(file)` for the whole file
  field: string; // the field, `(record)` for the whole record
  problem: string;
}

/** Thrown by callers that want an exception; `errors` holds every problem found. */
export class DatasetErrors extends Error {
  readonly errors: readonly DatasetError[];
  constructor(errors: readonly DatasetError[]) {
    super(`${errors.length} problem(s) in the dataset annotations:\n${errors.map(formatError).join('\n')}`);
    this.name = 'DatasetErrors';
    this.errors = errors;
  }
}

/** The one-line form of a problem that the CLI prints and tests match. */
export function formatError(error: DatasetError): string {
  return `${error.file}: ${error.record}: ${error.field}: ${error.problem}`;
}

/** What the compiler reads: the seeds folder's files, and how to hash text. */
export interface DatasetInput {
  /** File contents by path relative to the seeds folder, `/`-separated (`annotations/claims.json`). */
  files: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the UTF-8 bytes of `text` (node's crypto in the script; a seam for tests). */
  sha256(text: string): string;
  /** How error messages name the seeds folder (`seeds`); default `seeds`. */
  root?: string;
}

/** The compiled dataset, or every problem that prevented it. */
export type CompileResult = { dataset: Dataset; errors: [] } | { dataset: undefined; errors: DatasetError[] };

/** Paths of the files the compiler reads, relative to the seeds folder. */
export const SEED_FILES = {
  sources: 'sources.json',
  articlesDir: 'articles/',
  meta: 'annotations/meta.json',
  incidents: 'annotations/incidents.json',
  actors: 'annotations/actors.json',
  outlets: 'annotations/outlets.json',
  claims: 'annotations/claims.json',
  framing: 'annotations/framing.json',
  cues: 'annotations/cues.json',
  reportsDir: 'annotations/reports/',
} as const;

/** The path of the report annotations for one seed article. */
export function reportsFileFor(seed: string): string {
  return `${SEED_FILES.reportsDir}${seed.replace(/\.txt$/, '')}.json`;
}

/** The compiled dataset as written to dist/dataset.json: stable key order, two-space indent. */
export function serializeDataset(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Annotation record shapes (what the maintainer writes), checked with `checkRecord`.

const SPECS = {
  meta: { version: 'string' },
  source: {
    seed: 'string',
    outletId: 'string',
    outlet: 'string',
    outletKind: 'string',
    published: 'string',
    url: 'string',
    carriedBy: 'string?',
    notes: 'string',
    sha256: 'string',
  },
  incident: { id: 'string', date: 'string', place: 'string', summary: 'string', contextTerms: 'string[]' },
  actor: {
    id: 'string',
    name: 'string',
    role: 'string',
    kind: 'string',
    speaksFor: 'string?',
    aliases: 'string[]',
  },
  outlet: { id: 'string', name: 'string', kind: 'string', notes: 'string' },
  claim: {
    id: 'string',
    incidentId: 'string',
    kind: 'string',
    statement: 'string',
    assertedBy: 'string[]',
    variants: 'array?',
    notes: 'string?',
  },
  variant: { reportId: 'string', text: 'string' },
  reportsFile: { seed: 'string', outletId: 'string', reports: 'array' },
  report: {
    id: 'string',
    claimId: 'string',
    excerpt: 'string',
    occurrence: 'int?',
    start: 'int?',
    end: 'int?',
    carried: 'string[]',
    attribution: 'string?',
    attributedTo: 'string[]?',
    loadedTerms: 'string[]?',
    note: 'string?',
  },
  framing: { id: 'string', referent: 'string', claimIds: 'string[]', byOutlet: 'array' },
  framingTerm: { outletId: 'string', terms: 'string[]', note: 'string?' },
  cues: { incidents: 'object?', claims: 'object?' },
} satisfies Record<string, RecordSpec>;

interface SourceAnn {
  seed: string;
  outletId: string;
  outlet: string;
  outletKind: string;
  published: string;
  url: string;
  carriedBy?: string;
  notes: string;
  sha256: string;
}
type IncidentAnn = Omit<Incident, 'cues'>;
type ActorAnn = Actor;
interface OutletAnn {
  id: string;
  name: string;
  kind: string;
  notes: string;
}
interface VariantAnn {
  reportId: string;
  text: string;
}
interface ClaimAnn {
  id: string;
  incidentId: string;
  kind: string;
  statement: string;
  assertedBy: string[];
  variants?: unknown[];
  notes?: string;
}
/** A report record as a maintainer writes it in seeds/annotations/reports/<seed>.json. */
export interface ReportAnn {
  id: string;
  claimId: string;
  excerpt: string;
  occurrence?: number;
  start?: number;
  end?: number;
  carried: string[];
  attribution?: string;
  attributedTo?: string[];
  loadedTerms?: string[];
  note?: string;
}
interface FramingAnn {
  id: string;
  referent: string;
  claimIds: string[];
  byOutlet: unknown[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const SHA256 = /^[0-9a-f]{64}$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Validates the annotations against the schema, the seeds and each other, and compiles them
 * into a `Dataset`. Returns every problem found; the dataset only when there are none.
 */
export function compileDataset(input: DatasetInput): CompileResult {
  return new Compiler(input).run();
}

/** Like `compileDataset`, but throws a `DatasetErrors` instead of returning problems. */
export function compileDatasetOrThrow(input: DatasetInput): Dataset {
  const result = compileDataset(input);
  if (!result.dataset) throw new DatasetErrors(result.errors);
  return result.dataset;
}

// One compile run. A class only to share the error list and lookups between the steps.
class Compiler {
  private readonly errors: DatasetError[] = [];
  /** Every id written in each file (or `reports` for all report files), valid record or not. */
  private readonly writtenIds = new Map<string, Set<string>>();
  /** Every claimId named by a report record, valid or not. */
  private readonly reportedClaimIds = new Set<string>();
  private readonly root: string;

  constructor(private readonly input: DatasetInput) {
    this.root = (input.root ?? 'seeds').replace(/\/+$/, '');
  }

  run(): CompileResult {
    const files = this.input.files;
    this.checkFileNames(Object.keys(files));

    const version = this.readMeta();
    const sources = this.readList<SourceAnn>(SEED_FILES.sources, 'sources', SPECS.source, (r) => r.seed);
    const incidents = this.readList<IncidentAnn>(SEED_FILES.incidents, null, SPECS.incident, (r) => r.id);
    const actors = this.readList<ActorAnn>(SEED_FILES.actors, null, SPECS.actor, (r) => r.id);
    const outletAnns = this.readList<OutletAnn>(SEED_FILES.outlets, null, SPECS.outlet, (r) => r.id);
    const claimAnns = this.readList<ClaimAnn>(SEED_FILES.claims, null, SPECS.claim, (r) => r.id);
    const framingAnns = this.readList<FramingAnn>(SEED_FILES.framing, null, SPECS.framing, (r) => r.id);

    // References resolve against every id written down, even on a record with another error:
    // that record already has its message, and "no claim has id ..." on top would only be noise.
    const incidentIds = this.idsIn(SEED_FILES.incidents);
    const actorIds = this.idsIn(SEED_FILES.actors);
    const outletIds = this.idsIn(SEED_FILES.outlets);
    const claimIds = this.idsIn(SEED_FILES.claims);

    this.checkIncidents(incidents);
    this.checkActors(actors, actorIds);
    this.checkClaims(claimAnns, incidentIds, actorIds);
    this.checkRequired(incidentIds, actorIds, outletIds, claimIds);

    const seeds = this.checkSources(sources, outletAnns, outletIds);
    const outlets = this.buildOutlets(outletAnns, sources);
    const reports = this.readReports(sources, seeds, claimIds, actorIds, outletIds);
    const claims = this.buildClaims(claimAnns, reports);
    const framing = this.buildFraming(framingAnns, claimIds, outletIds, sources, seeds);
    const cues = this.readCues(incidentIds, claimIds);

    if (this.errors.length > 0) return { dataset: undefined, errors: this.errors };

    const content = {
      version,
      incidents: incidents.map((r) => buildIncident(r, cues.incidents.get(r.id))),
      actors: actors.map(buildActor),
      outlets,
      claims: claims.map((claim) => withCues(claim, cues.claims.get(claim.id))),
      reports: sortReports(reports, sources),
      framing,
      seeds: sources.map((source): Seed => {
        const seed = seeds.get(source.seed);
        return {
          file: source.seed,
          outletId: source.outletId,
          url: source.url,
          published: source.published,
          sha256: seed?.sha256 ?? source.sha256,
          notes: source.notes,
        };
      }),
    };
    const contentHash = this.input.sha256(JSON.stringify(content));
    const { version: v, ...rest } = content;
    return { dataset: { version: v, contentHash, ...rest }, errors: [] };
  }

  // --- reporting ---------------------------------------------------------------------------

  private fail(file: string, record: string, field: string, problem: string): void {
    this.errors.push({ file: `${this.root}/${file}`, record, field, problem });
  }

  /** A reporter bound to one record, for `checkRecord` and the checks that follow it. */
  private recordFail(file: string, record: string): (field: string, problem: string) => void {
    return (field, problem) => this.fail(file, record, field, problem);
  }

  // --- files -------------------------------------------------------------------------------

  private checkFileNames(paths: string[]): void {
    const known = new Set<string>([
      SEED_FILES.sources,
      SEED_FILES.meta,
      SEED_FILES.incidents,
      SEED_FILES.actors,
      SEED_FILES.outlets,
      SEED_FILES.claims,
      SEED_FILES.framing,
      SEED_FILES.cues,
    ]);
    for (const path of [...paths].sort()) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      // Notes for maintainers and editor droppings are not data.
      if (name.startsWith('.') || name.endsWith('.md')) continue;
      if (known.has(path)) continue;
      if (
        path.startsWith(SEED_FILES.articlesDir) &&
        /^[^/]+\.txt$/.test(path.slice(SEED_FILES.articlesDir.length))
      ) {
        continue;
      }
      if (
        path.startsWith(SEED_FILES.reportsDir) &&
        /^[^/]+\.json$/.test(path.slice(SEED_FILES.reportsDir.length))
      ) {
        continue;
      }
      this.fail(
        path,
        '(file)',
        '(file)',
        'unknown file: expected sources.json, articles/<seed>.txt, annotations/{meta,incidents,actors,outlets,claims,framing,cues}.json or annotations/reports/<seed>.json',
      );
    }
  }

  /** Parses a JSON file, reporting a missing file or a syntax error; undefined on failure. */
  private parseJson(path: string, optional = false): unknown {
    const text = this.input.files[path];
    if (text === undefined) {
      if (!optional) this.fail(path, '(file)', '(file)', 'file is missing');
      return undefined;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      this.fail(path, '(file)', '(file)', `invalid JSON: ${(error as Error).message}`);
      return undefined;
    }
  }

  private readMeta(): string {
    const json = this.parseJson(SEED_FILES.meta);
    if (json === undefined) return '0.0.0';
    const fail = this.recordFail(SEED_FILES.meta, '(file)');
    if (!checkRecord(json, SPECS.meta, fail) || !isPlainObject(json)) return '0.0.0';
    const version = json.version as string;
    if (!SEMVER.test(version)) fail('version', `"${version}" is not a semantic version like 1.2.0`);
    return version;
  }

  /**
   * Reads a file holding a list of records (a bare array, or an array under `key`), checks each
   * against `spec` and for duplicate ids, and returns the records that passed.
   */
  private readList<T>(
    path: string,
    key: string | null,
    spec: RecordSpec,
    idOf: (record: Record<string, unknown>) => unknown,
  ): T[] {
    const json = this.parseJson(path);
    if (json === undefined) return [];
    let list: unknown = json;
    if (key !== null) {
      if (!isPlainObject(json)) {
        this.fail(
          path,
          '(file)',
          '(file)',
          `expected an object with a "${key}" array, found ${describe(json)}`,
        );
        return [];
      }
      for (const field of Object.keys(json)) {
        if (field !== key) this.fail(path, '(file)', field, `unknown field (allowed: ${key})`);
      }
      list = json[key];
    }
    if (!Array.isArray(list)) {
      this.fail(path, '(file)', key ?? '(file)', `expected an array of records, found ${describe(list)}`);
      return [];
    }
    return this.checkList<T>(path, path, key ?? basename(path), list, spec, idOf);
  }

  private checkList<T>(
    path: string,
    idGroup: string,
    listName: string,
    list: unknown[],
    spec: RecordSpec,
    idOf: (record: Record<string, unknown>) => unknown,
    plainIds = true, // report ids have their own pattern, checked with the report
  ): T[] {
    const accepted: T[] = [];
    const seen = new Set<string>();
    const written = this.writtenIds.get(idGroup) ?? new Set<string>();
    this.writtenIds.set(idGroup, written);
    list.forEach((record, i) => {
      const id = isPlainObject(record) ? idOf(record) : undefined;
      if (isText(id)) written.add(id);
      const label = isText(id) ? id : `${listName}[${i}]`;
      const fail = this.recordFail(path, label);
      if (!checkRecord(record, spec, fail) || !isPlainObject(record)) return;
      const key = String(idOf(record));
      if (plainIds && 'id' in spec && !ID.test(key)) {
        fail('id', `"${key}" is not a lowercase-hyphenated id like "frey-causing-chaos"`);
        return;
      }
      if (seen.has(key)) {
        fail('id', `duplicate id "${key}" (an earlier record in this file has it)`);
        return;
      }
      seen.add(key);
      accepted.push(record as unknown as T);
    });
    return accepted;
  }

  private idsIn(idGroup: string): Set<string> {
    return this.writtenIds.get(idGroup) ?? new Set<string>();
  }

  // --- records -----------------------------------------------------------------------------

  private checkIncidents(incidents: IncidentAnn[]): void {
    for (const incident of incidents) {
      const fail = this.recordFail(SEED_FILES.incidents, incident.id);
      checkDate(incident.date, 'date', fail);
      if (incident.contextTerms.length === 0) fail('contextTerms', 'needs at least one term');
      checkUnique(incident.contextTerms, 'contextTerms', fail);
    }
  }

  private checkActors(actors: ActorAnn[], actorIds: Set<string>): void {
    for (const actor of actors) {
      const fail = this.recordFail(SEED_FILES.actors, actor.id);
      checkOneOf(actor.kind, ACTOR_KINDS, 'kind', fail);
      if (actor.speaksFor !== undefined) {
        if (actor.speaksFor === actor.id) fail('speaksFor', 'an actor cannot speak for itself');
        else if (!actorIds.has(actor.speaksFor))
          fail('speaksFor', unknownRef('actor', actor.speaksFor, 'actors.json'));
      }
      checkUnique(actor.aliases, 'aliases', fail);
      actor.aliases.forEach((alias, i) => {
        if (alias.toLowerCase() === actor.name.toLowerCase()) {
          fail(`aliases[${i}]`, `"${alias}" repeats the name; aliases are the other names pages use`);
        }
      });
    }
  }

  private checkClaims(claims: ClaimAnn[], incidentIds: Set<string>, actorIds: Set<string>): void {
    for (const claim of claims) {
      const fail = this.recordFail(SEED_FILES.claims, claim.id);
      checkOneOf(claim.kind, CLAIM_KINDS, 'kind', fail);
      if (!incidentIds.has(claim.incidentId)) {
        fail('incidentId', unknownRef('incident', claim.incidentId, 'incidents.json'));
      }
      if (claim.assertedBy.length === 0) fail('assertedBy', 'a claim needs at least one asserting actor');
      checkUnique(claim.assertedBy, 'assertedBy', fail);
      claim.assertedBy.forEach((id, i) => {
        if (!actorIds.has(id)) fail(`assertedBy[${i}]`, unknownRef('actor', id, 'actors.json'));
      });
    }
  }

  private checkRequired(
    incidentIds: Set<string>,
    actorIds: Set<string>,
    outletIds: Set<string>,
    claimIds: Set<string>,
  ): void {
    // Only when the file parsed: a broken file already has its own error, and 36 more would bury it.
    const hasFile = (path: string) => this.input.files[path] !== undefined && !this.failedWhole(path);
    if (hasFile(SEED_FILES.incidents) && !incidentIds.has(INCIDENT_ID)) {
      this.fail(
        SEED_FILES.incidents,
        INCIDENT_ID,
        'id',
        'the incident required by the dataset brief is missing',
      );
    }
    const required: [string, readonly string[], Set<string>, string][] = [
      [SEED_FILES.actors, REQUIRED_ACTOR_IDS, actorIds, 'actor'],
      [SEED_FILES.outlets, REQUIRED_OUTLET_IDS, outletIds, 'outlet'],
      [SEED_FILES.claims, REQUIRED_CLAIM_IDS, claimIds, 'claim'],
    ];
    for (const [path, ids, present, what] of required) {
      if (!hasFile(path)) continue;
      for (const id of ids) {
        if (!present.has(id)) {
          this.fail(
            path,
            id,
            'id',
            `the ${what} required by the dataset brief (src/dataset/required.ts) is missing`,
          );
        }
      }
    }
  }

  private failedWhole(path: string): boolean {
    const file = `${this.root}/${path}`;
    return this.errors.some((e) => e.file === file && e.record === '(file)');
  }

  // --- sources and articles -----------------------------------------------------------------

  /** Checks sources.json against the articles and outlets; returns each readable seed's text. */
  private checkSources(
    sources: SourceAnn[],
    outlets: OutletAnn[],
    outletIds: Set<string>,
  ): Map<string, SeedText> {
    const seeds = new Map<string, SeedText>();
    const outletById = new Map(outlets.map((o) => [o.id, o]));
    for (const source of sources) {
      const fail = this.recordFail(SEED_FILES.sources, source.seed);
      if (!/^[^/\\]+\.txt$/.test(source.seed)) {
        fail('seed', `"${source.seed}" is not a file name ending in .txt (articles live in articles/)`);
        continue;
      }
      checkDate(source.published, 'published', fail);
      checkUrl(source.url, 'url', fail);
      if (!SHA256.test(source.sha256)) fail('sha256', 'expected 64 lowercase hex digits');
      const outlet = outletById.get(source.outletId);
      if (!outletIds.has(source.outletId)) {
        fail('outletId', unknownRef('outlet', source.outletId, 'outlets.json'));
      } else if (outlet) {
        if (source.outlet !== outlet.name) {
          fail(
            'outlet',
            `"${source.outlet}" differs from the name of outlet "${outlet.id}" ("${outlet.name}")`,
          );
        }
        if (source.outletKind !== outlet.kind) {
          fail(
            'outletKind',
            `"${source.outletKind}" differs from the kind of outlet "${outlet.id}" ("${outlet.kind}")`,
          );
        }
      }
      const path = SEED_FILES.articlesDir + source.seed;
      const text = this.input.files[path];
      if (text === undefined) {
        fail('seed', `the article ${this.root}/${path} does not exist`);
        continue;
      }
      const sha256 = this.input.sha256(text);
      if (sha256 !== source.sha256) {
        fail(
          'sha256',
          `the article's sha256 is ${sha256}: the article changed since it was annotated; re-check its reports, then update sha256`,
        );
      }
      seeds.set(source.seed, new SeedText(text, sha256));
    }
    const listed = new Set(sources.map((s) => s.seed));
    for (const path of Object.keys(this.input.files).sort()) {
      if (!path.startsWith(SEED_FILES.articlesDir) || !path.endsWith('.txt')) continue;
      const name = path.slice(SEED_FILES.articlesDir.length);
      if (!listed.has(name) && !this.failedWhole(SEED_FILES.sources)) {
        this.fail(path, '(file)', '(file)', 'article has no entry in sources.json');
      }
    }
    return seeds;
  }

  private buildOutlets(outlets: OutletAnn[], sources: SourceAnn[]): Outlet[] {
    return outlets.flatMap((outlet): Outlet[] => {
      const own = sources.filter((s) => s.outletId === outlet.id);
      const first = own[0];
      if (!first) {
        if (!this.failedWhole(SEED_FILES.sources)) {
          this.fail(SEED_FILES.outlets, outlet.id, 'id', 'no source in sources.json has this outletId');
        }
        return [];
      }
      // The outlet's link and date are those of its first article: one place to edit them.
      const built: Outlet = {
        id: outlet.id,
        name: outlet.name,
        kind: outlet.kind,
        url: first.url,
        published: first.published,
        seeds: own.map((s) => s.seed),
        ...(first.carriedBy !== undefined ? { carriedBy: first.carriedBy } : {}),
        notes: outlet.notes,
      };
      return [built];
    });
  }

  // --- reports -------------------------------------------------------------------------------

  private readReports(
    sources: SourceAnn[],
    seeds: Map<string, SeedText>,
    claimIds: Set<string>,
    actorIds: Set<string>,
    outletIds: Set<string>,
  ): Report[] {
    const reports: Report[] = [];
    const reportIds = new Map<string, string>(); // id -> file, for cross-file duplicates
    const expected = new Map(sources.map((s) => [reportsFileFor(s.seed), s]));
    const paths = Object.keys(this.input.files)
      .filter((p) => p.startsWith(SEED_FILES.reportsDir) && p.endsWith('.json'))
      .sort();

    for (const [path, source] of expected) {
      if (this.input.files[path] === undefined) {
        this.fail(
          SEED_FILES.sources,
          source.seed,
          'seed',
          `has no report annotations: create ${this.root}/${path}`,
        );
      }
    }
    for (const path of paths) {
      const source = expected.get(path);
      if (!source) {
        if (!this.failedWhole(SEED_FILES.sources)) {
          this.fail(path, '(file)', '(file)', 'no seed in sources.json matches this file name (<seed>.json)');
        }
        continue;
      }
      const json = this.parseJson(path);
      if (json === undefined) continue;
      const fileFail = this.recordFail(path, '(file)');
      if (!checkRecord(json, SPECS.reportsFile, fileFail) || !isPlainObject(json)) continue;
      if (json.seed !== source.seed)
        fileFail('seed', `"${String(json.seed)}" differs from the file name's seed "${source.seed}"`);
      if (json.outletId !== source.outletId) {
        fileFail(
          'outletId',
          `"${String(json.outletId)}" differs from the seed's outletId in sources.json ("${source.outletId}")`,
        );
      }
      if (Array.isArray(json.reports)) {
        for (const raw of json.reports as unknown[]) {
          if (isPlainObject(raw) && isText(raw.claimId)) this.reportedClaimIds.add(raw.claimId);
        }
      }
      const anns = this.checkList<ReportAnn>(
        path,
        'reports',
        'reports',
        json.reports as unknown[],
        SPECS.report,
        (r) => r.id,
        false,
      );
      const seed = seeds.get(source.seed);
      const spans = new Map<string, string>();
      for (const ann of anns) {
        const fail = this.recordFail(path, ann.id);
        const earlier = reportIds.get(ann.id);
        if (earlier !== undefined && earlier !== path) {
          fail('id', `duplicate id "${ann.id}" (also in ${this.root}/${earlier})`);
          continue;
        }
        reportIds.set(ann.id, path);
        const report = this.checkReport(ann, source, seed, claimIds, actorIds, outletIds, fail);
        if (!report) continue;
        const span = `${report.claimId} ${report.start} ${report.end}`;
        const twin = spans.get(span);
        if (twin !== undefined) fail('excerpt', `same claim and span as report "${twin}"`);
        spans.set(span, report.id);
        reports.push(report);
      }
    }
    return reports;
  }

  private checkReport(
    ann: ReportAnn,
    source: SourceAnn,
    seed: SeedText | undefined,
    claimIds: Set<string>,
    actorIds: Set<string>,
    outletIds: Set<string>,
    fail: (field: string, problem: string) => void,
  ): Report | undefined {
    const outletId = source.outletId;
    let ok = true;
    const bad = (field: string, problem: string): void => {
      ok = false;
      fail(field, problem);
    };

    if (!claimIds.has(ann.claimId)) bad('claimId', unknownRef('claim', ann.claimId, 'claims.json'));
    if (!outletIds.has(outletId)) ok = false; // already reported against sources.json
    const idPattern = new RegExp(`^${escapeRegExp(`${ann.claimId}/${outletId}`)}(?:#([2-9]|[1-9]\\d+))?$`);
    if (!idPattern.test(ann.id)) {
      bad(
        'id',
        `expected "${ann.claimId}/${outletId}", or with "#2", "#3"... when the outlet carried the claim again`,
      );
    }

    // How it was carried.
    const carried = ann.carried;
    if (carried.length === 0) bad('carried', `needs at least one of ${CARRIED_VALUES.join(', ')}`);
    carried.forEach((value, i) => {
      if (!(CARRIED_VALUES as readonly string[]).includes(value)) {
        bad(`carried[${i}]`, `"${value}" is not one of ${CARRIED_VALUES.join(', ')}`);
      }
    });
    checkUnique(carried, 'carried', bad);
    const has = (value: Carried) => carried.includes(value);
    if (has('stated-as-fact') && has('attributed')) {
      bad('carried', '"stated-as-fact" means no attribution, so it cannot go with "attributed"');
    }
    if (has('attributed') && ann.attribution === undefined) {
      bad(
        'attribution',
        'is missing: "attributed" reports name the words that credit the source ("DHS said")',
      );
    }
    if (!has('attributed') && ann.attribution !== undefined) {
      bad('attribution', 'is set but "carried" does not include "attributed"');
    }
    const attributedTo = ann.attributedTo ?? [];
    if (attributedTo.length > 0 && !has('attributed')) {
      bad('attributedTo', 'names actors but "carried" does not include "attributed"');
    }
    checkUnique(attributedTo, 'attributedTo', bad);
    attributedTo.forEach((id, i) => {
      if (!actorIds.has(id)) bad(`attributedTo[${i}]`, unknownRef('actor', id, 'actors.json'));
    });

    // Where it is.
    const excerpt = ann.excerpt;
    if (excerpt !== excerpt.trim())
      bad('excerpt', 'starts or ends with whitespace: trim it to the tightest span');
    if (excerpt.includes('\n'))
      bad('excerpt', 'spans more than one line: a report is one passage of one line');
    if (ann.occurrence !== undefined && ann.occurrence < 1) bad('occurrence', 'counts from 1');
    if (ann.end !== undefined && ann.start === undefined) bad('end', 'is set without start');
    if (!seed || !ok) return undefined;

    const file = `${this.root}/${SEED_FILES.articlesDir}${source.seed}`;
    const found = seed.occurrences(excerpt);
    let start: number | undefined;
    if (found.length === 0) {
      const hint = seed.looseMatch(excerpt)
        ? ' (a near match exists: check quotation marks, apostrophes, dashes, spaces and case)'
        : '';
      bad('excerpt', `not found verbatim in ${file}${hint}`);
    } else if (ann.start !== undefined) {
      const end = ann.end ?? ann.start + excerpt.length;
      if (seed.text.slice(ann.start, end) !== excerpt) {
        const where = found.join(', ');
        bad('start', `offsets ${ann.start}-${end} do not hold the excerpt (it is at offset ${where})`);
      } else if (ann.occurrence !== undefined && found[ann.occurrence - 1] !== ann.start) {
        bad('occurrence', `occurrence ${ann.occurrence} is not at start ${ann.start}`);
      } else {
        start = ann.start;
      }
    } else if (ann.occurrence !== undefined) {
      start = found[ann.occurrence - 1];
      if (start === undefined) {
        bad(
          'occurrence',
          `is ${ann.occurrence} but the excerpt occurs only ${found.length} time(s) in ${file}`,
        );
      }
    } else if (found.length > 1) {
      bad(
        'excerpt',
        `occurs ${found.length} times in ${file} (offsets ${found.join(', ')}): say which with "occurrence": 1 to ${found.length}`,
      );
    } else {
      start = found[0];
    }
    if (start === undefined || !ok) return undefined;
    const end = start + excerpt.length;
    const line = seed.lineAt(start);

    // Words that must be in the text.
    if (ann.attribution !== undefined && !line.text.includes(ann.attribution)) {
      bad('attribution', `"${ann.attribution}" is not on the excerpt's line (${line.number}) of ${file}`);
    }
    const loadedTerms = ann.loadedTerms ?? [];
    checkUnique(loadedTerms, 'loadedTerms', bad);
    loadedTerms.forEach((term, i) => {
      if (!excerpt.toLowerCase().includes(term.toLowerCase())) {
        bad(`loadedTerms[${i}]`, `"${term}" does not occur in the excerpt`);
      }
    });
    if (!ok) return undefined;

    return {
      id: ann.id,
      claimId: ann.claimId,
      outletId,
      seed: source.seed,
      start,
      end,
      excerpt,
      carried: carried as Carried[],
      ...(ann.attribution !== undefined ? { attribution: ann.attribution } : {}),
      attributedTo,
      loadedTerms,
      line: line.number,
      ...(ann.note !== undefined ? { note: ann.note } : {}),
    };
  }

  // --- claims, framing, cues -----------------------------------------------------------------

  private buildClaims(claims: ClaimAnn[], reports: Report[]): Claim[] {
    const reportById = new Map(reports.map((r) => [r.id, r]));
    const reportIds = this.idsIn('reports');
    return claims.map((ann): Claim => {
      const fail = this.recordFail(SEED_FILES.claims, ann.id);
      // Counts report records with errors too: their own messages say what to fix.
      if (!this.reportedClaimIds.has(ann.id)) {
        fail('id', 'no report carries this claim: add one to an annotations/reports/<seed>.json file');
      }
      const variants: QuoteVariant[] = [];
      const seen = new Set<string>();
      (ann.variants ?? []).forEach((raw, i) => {
        const vfail = (field: string, problem: string) =>
          fail(`variants[${i}]${field === '(record)' ? '' : `.${field}`}`, problem);
        if (!checkRecord(raw, SPECS.variant, vfail)) return;
        const variant = raw as VariantAnn;
        const report = reportById.get(variant.reportId);
        if (!report) {
          if (!reportIds.has(variant.reportId)) {
            vfail('reportId', unknownRef('report', variant.reportId, 'annotations/reports/<seed>.json'));
          }
          return;
        }
        if (report.claimId !== ann.id) {
          vfail('reportId', `report "${report.id}" carries claim "${report.claimId}", not this one`);
          return;
        }
        if (!report.excerpt.includes(variant.text)) {
          vfail('text', `does not occur verbatim in the excerpt of report "${report.id}"`);
          return;
        }
        const key = `${variant.reportId}\n${variant.text}`;
        if (seen.has(key)) {
          vfail('text', 'duplicate variant');
          return;
        }
        seen.add(key);
        variants.push({ outletId: report.outletId, reportId: report.id, text: variant.text });
      });
      const claim: Claim = {
        id: ann.id,
        incidentId: ann.incidentId,
        kind: ann.kind as ClaimKind,
        statement: ann.statement,
        assertedBy: ann.assertedBy,
        variants,
      };
      if (ann.notes !== undefined) claim.notes = ann.notes;
      return claim;
    });
  }

  private buildFraming(
    anns: FramingAnn[],
    claimIds: Set<string>,
    outletIds: Set<string>,
    sources: SourceAnn[],
    seeds: Map<string, SeedText>,
  ): Framing[] {
    return anns.map((ann): Framing => {
      const fail = this.recordFail(SEED_FILES.framing, ann.id);
      checkUnique(ann.claimIds, 'claimIds', fail);
      ann.claimIds.forEach((id, i) => {
        if (!claimIds.has(id)) fail(`claimIds[${i}]`, unknownRef('claim', id, 'claims.json'));
      });
      if (ann.byOutlet.length === 0) fail('byOutlet', 'needs at least one outlet');
      const seenOutlets = new Set<string>();
      const byOutlet = ann.byOutlet.flatMap((raw, i) => {
        const tfail = (field: string, problem: string) =>
          fail(`byOutlet[${i}]${field === '(record)' ? '' : `.${field}`}`, problem);
        if (!checkRecord(raw, SPECS.framingTerm, tfail)) return [];
        const term = raw as { outletId: string; terms: string[]; note?: string };
        if (!outletIds.has(term.outletId)) {
          tfail('outletId', unknownRef('outlet', term.outletId, 'outlets.json'));
          return [];
        }
        if (seenOutlets.has(term.outletId)) tfail('outletId', `"${term.outletId}" is listed twice`);
        seenOutlets.add(term.outletId);
        if (term.terms.length === 0) tfail('terms', 'needs at least one term');
        checkUnique(term.terms, 'terms', tfail);
        // Framing terms are the outlet's own words, so each must appear in one of its articles.
        const texts = sources
          .filter((s) => s.outletId === term.outletId)
          .map((s) => seeds.get(s.seed)?.lower)
          .filter((t): t is string => t !== undefined);
        if (texts.length > 0) {
          term.terms.forEach((word, j) => {
            if (!texts.some((t) => t.includes(word.toLowerCase()))) {
              tfail(`terms[${j}]`, `"${word}" does not occur in any article of ${term.outletId}`);
            }
          });
        }
        const built: Framing['byOutlet'][number] = { outletId: term.outletId, terms: term.terms };
        if (term.note !== undefined) built.note = term.note;
        return [built];
      });
      return { id: ann.id, referent: ann.referent, claimIds: ann.claimIds, byOutlet };
    });
  }

  private readCues(
    incidentIds: Set<string>,
    claimIds: Set<string>,
  ): { incidents: Map<string, Cues>; claims: Map<string, Cues> } {
    const result = { incidents: new Map<string, Cues>(), claims: new Map<string, Cues>() };
    const json = this.parseJson(SEED_FILES.cues, true);
    if (json === undefined) return result;
    if (!checkRecord(json, SPECS.cues, this.recordFail(SEED_FILES.cues, '(file)')) || !isPlainObject(json)) {
      return result;
    }
    const groups = [
      ['incidents', incidentIds, 'incident', 'incidents.json'],
      ['claims', claimIds, 'claim', 'claims.json'],
    ] as const;
    for (const [key, ids, what, where] of groups) {
      const group = json[key];
      if (!isPlainObject(group)) continue;
      for (const [id, value] of Object.entries(group).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const fail = this.recordFail(SEED_FILES.cues, id);
        if (!ids.has(id)) {
          fail(key, unknownRef(what, id, where));
          continue;
        }
        if (!isPlainObject(value)) {
          fail(`${key}.${id}`, `expected an object of cues, found ${describe(value)}`);
          continue;
        }
        if (checkCueValue(value, `${key}.${id}`, fail)) result[key].set(id, value as Cues);
      }
    }
    return result;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/** A seed article's text with the lookups the report checks need. */
class SeedText {
  readonly lower: string;
  private readonly lines: { start: number; end: number; number: number }[] = [];
  private loose: string | undefined;

  constructor(
    readonly text: string,
    readonly sha256: string,
  ) {
    this.lower = text.toLowerCase();
    // Lines are numbered over non-empty lines only, as the dataset brief counts them.
    let number = 0;
    let start = 0;
    while (start <= text.length) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      if (text.slice(start, end).trim() !== '') this.lines.push({ start, end, number: ++number });
      if (newline === -1) break;
      start = newline + 1;
    }
  }

  /** Every offset where `needle` starts, overlapping matches included. */
  occurrences(needle: string): number[] {
    const found: number[] = [];
    for (let i = this.text.indexOf(needle); i !== -1; i = this.text.indexOf(needle, i + 1)) found.push(i);
    return found;
  }

  /** The non-empty line holding `offset`, with its 1-based number. */
  lineAt(offset: number): { number: number; text: string } {
    const line = this.lines.find((l) => offset >= l.start && offset <= l.end) ?? {
      start: 0,
      end: 0,
      number: 0,
    };
    return { number: line.number, text: this.text.slice(line.start, line.end) };
  }

  /** Does `needle` occur once quotes, dashes, spaces and case are normalized? For error hints. */
  looseMatch(needle: string): boolean {
    this.loose ??= loosen(this.text);
    return this.loose.includes(loosen(needle));
  }
}

function loosen(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ');
}

function buildIncident(ann: IncidentAnn, cues: Cues | undefined): Incident {
  const incident: Incident = {
    id: ann.id,
    date: ann.date,
    place: ann.place,
    summary: ann.summary,
    contextTerms: ann.contextTerms,
  };
  if (cues) incident.cues = cues;
  return incident;
}

function buildActor(ann: ActorAnn): Actor {
  return {
    id: ann.id,
    name: ann.name,
    role: ann.role,
    kind: ann.kind as ActorKind,
    ...(ann.speaksFor !== undefined ? { speaksFor: ann.speaksFor } : {}),
    aliases: ann.aliases,
  };
}

function withCues(claim: Claim, cues: Cues | undefined): Claim {
  return cues ? { ...claim, cues } : claim;
}

/** Reports in a stable order: by seed as listed in sources.json, then by position. */
function sortReports(reports: Report[], sources: SourceAnn[]): Report[] {
  const seedOrder = new Map(sources.map((s, i) => [s.seed, i]));
  return [...reports].sort(
    (a, b) =>
      (seedOrder.get(a.seed) ?? 0) - (seedOrder.get(b.seed) ?? 0) ||
      a.start - b.start ||
      a.end - b.end ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function checkCueValue(
  value: unknown,
  path: string,
  fail: (field: string, problem: string) => void,
): boolean {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return true;
    fail(path, 'numbers must be finite');
    return false;
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => checkCueValue(item, `${path}[${i}]`, fail)).every(Boolean);
  }
  if (isPlainObject(value)) {
    return Object.entries(value)
      .map(([key, item]) => checkCueValue(item as CueValue, `${path}.${key}`, fail))
      .every(Boolean);
  }
  fail(
    path,
    `cue values are strings, numbers, booleans, arrays or objects of them, found ${describe(value)}`,
  );
  return false;
}

function checkOneOf(
  value: string,
  allowed: readonly string[],
  field: string,
  fail: (f: string, p: string) => void,
): void {
  if (!allowed.includes(value)) fail(field, `"${value}" is not one of ${allowed.join(', ')}`);
}

function checkUnique(values: readonly string[], field: string, fail: (f: string, p: string) => void): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) fail(`${field}[${i}]`, `"${value}" is listed twice`);
    seen.add(value);
  });
}

function checkDate(value: string, field: string, fail: (f: string, p: string) => void): void {
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    fail(field, `"${value}" is not a calendar date in the form YYYY-MM-DD`);
  }
}

function checkUrl(value: string, field: string, fail: (f: string, p: string) => void): void {
  let ok = false;
  try {
    const url = new URL(value);
    ok = url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    ok = false;
  }
  if (!ok) fail(field, `"${value}" is not an http(s) address`);
}

function unknownRef(what: string, id: string, where: string): string {
  return `no ${what} has id "${id}" (see ${where})`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, '');
}
