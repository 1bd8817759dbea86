// Shared fixtures for the dataset tests: the real seeds folder read once into memory, and a
// way to make broken copies of it without touching the disk.

import { readSeedsDir, DEFAULT_SEEDS_DIR } from '../../scripts/compile-dataset';
import {
  compileDataset,
  formatError,
  type CompileResult,
  type DatasetInput,
  type ReportAnn,
} from '../../src/dataset/compile';

/** The real seeds folder as the compiler reads it, with errors naming it `seeds/...`. */
export function realInput(): DatasetInput {
  const { input, errors } = readSeedsDir(DEFAULT_SEEDS_DIR, 'seeds');
  if (errors.length > 0) throw new Error(`cannot read seeds: ${errors.map(formatError).join('\n')}`);
  return input;
}

/** A JSON value parsed from one file of `input`, to edit in a test. */
export function readJson<T = unknown>(input: DatasetInput, path: string): T {
  const text = input.files[path];
  if (text === undefined) throw new Error(`test fixture: no file ${path}`);
  return JSON.parse(text) as T;
}

/** Any JSON value, for tests that edit annotations freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- broken fixtures are untyped on purpose
export type Json = any;

/** A copy of `input` with one JSON file replaced by what `edit` makes of it. */
export function editJson<T = Json>(
  input: DatasetInput,
  path: string,
  edit: (json: T) => T | void,
): DatasetInput {
  const json = readJson<T>(input, path);
  const result = edit(json);
  return withFile(input, path, JSON.stringify(result === undefined ? json : result, null, 2));
}

/** A copy of `input` with one file set to `text`, or removed when `text` is undefined. */
export function withFile(input: DatasetInput, path: string, text: string | undefined): DatasetInput {
  const files = { ...input.files };
  if (text === undefined) delete files[path];
  else files[path] = text;
  return { ...input, files };
}

/** Compiles and returns the problems as the CLI prints them. */
export function problems(input: DatasetInput): string[] {
  return compileDataset(input).errors.map(formatError);
}

/** Compiles `input`, failing the test with every problem if it does not compile. */
export function mustCompile(input: DatasetInput): NonNullable<CompileResult['dataset']> {
  const result = compileDataset(input);
  if (!result.dataset) throw new Error(`expected the dataset to compile:\n${problems(input).join('\n')}`);
  return result.dataset;
}

/** Paths of the annotation files, relative to the seeds folder. */
export const WJ_REPORTS = 'annotations/reports/000_0db36e5d1cd6cab9.json';
export const AP_REPORTS = 'annotations/reports/004_17734199b23d2403.json';
export const WJ_SEED = '000_0db36e5d1cd6cab9.txt';
export const AP_SEED = '004_17734199b23d2403.txt';

/** A report record as annotated, for edits. */
export type ReportAnnotation = ReportAnn;

/** A reports file as annotated. */
export interface ReportsFile {
  seed: string;
  outletId: string;
  reports: ReportAnnotation[];
}

/** Finds one record by id in a list, failing loudly so a renamed fixture is obvious. */
export function byId<T extends { id: string }>(list: T[], id: string): T {
  const found = list.find((record) => record.id === id);
  if (!found) throw new Error(`test fixture: no record ${id}`);
  return found;
}
