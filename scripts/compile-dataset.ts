// `npm run dataset`: compiles seeds/ into dist/dataset.json. All disk I/O lives here; the
// validation and compilation are src/dataset/compile.ts, which tests also call in memory.
//
//   npx tsx scripts/compile-dataset.ts [--seeds <dir>] [--out <file>]
//
// On success prints one summary line; on failure prints every problem as
// `<file>: <record id>: <field>: <problem>` and exits 1.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import {
  compileDataset,
  DatasetErrors,
  formatError,
  serializeDataset,
  type DatasetError,
  type DatasetInput,
} from '../src/dataset/compile';
import type { Dataset } from '../src/dataset/types';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the CLI reads and writes unless told otherwise. */
export const DEFAULT_SEEDS_DIR = join(REPO, 'seeds');
export const DEFAULT_OUT_FILE = join(REPO, 'dist', 'dataset.json');

/** Hex SHA-256 of the UTF-8 bytes of `text`: the hash the compiler uses for seeds and content. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads every file under `seedsDir` into a `DatasetInput`. Files that are not valid UTF-8 come
 * back as problems, since offsets into a mis-decoded article would be meaningless.
 */
export function readSeedsDir(
  seedsDir: string,
  root = displayPath(seedsDir),
): {
  input: DatasetInput;
  errors: DatasetError[];
} {
  const files: Record<string, string> = {};
  const errors: DatasetError[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const rel = relative(seedsDir, path).split(sep).join('/');
      const bytes = readFileSync(path);
      try {
        files[rel] = decoder.decode(bytes);
      } catch {
        errors.push({
          file: `${root}/${rel}`,
          record: '(file)',
          field: '(file)',
          problem: 'is not valid UTF-8',
        });
      }
    }
  };
  if (!existsDir(seedsDir)) {
    errors.push({ file: root, record: '(file)', field: '(file)', problem: 'seeds folder does not exist' });
  } else {
    walk(seedsDir);
  }
  return { input: { files, sha256, root }, errors };
}

/** Compiles the seeds folder into a `Dataset`, or throws `DatasetErrors` listing every problem. */
export function compileDatasetDir(seedsDir: string = DEFAULT_SEEDS_DIR): Dataset {
  const { input, errors } = readSeedsDir(seedsDir);
  const result = compileDataset(input);
  const all = [...errors, ...result.errors];
  if (all.length > 0 || !result.dataset) throw new DatasetErrors(all);
  return result.dataset;
}

/** The CLI: returns the exit code so tests can call it without spawning. */
export function main(argv: string[], out = process.stdout, err = process.stderr): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    err.write(
      `compile-dataset: ${args}\nusage: tsx scripts/compile-dataset.ts [--seeds <dir>] [--out <file>]\n`,
    );
    return 2;
  }
  let dataset: Dataset;
  try {
    dataset = compileDatasetDir(args.seeds);
  } catch (error) {
    if (!(error instanceof DatasetErrors)) throw error;
    for (const problem of error.errors) err.write(`${formatError(problem)}\n`);
    err.write(`compile-dataset: ${error.errors.length} problem(s); ${displayPath(args.out)} not written\n`);
    return 1;
  }
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, serializeDataset(dataset));
  out.write(`${summary(dataset)} -> ${displayPath(args.out)}\n`);
  return 0;
}

/** The one-line summary printed on success. */
export function summary(dataset: Dataset): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    `dataset ${dataset.version}: ${count(dataset.incidents.length, 'incident')}, ` +
    `${count(dataset.claims.length, 'claim')}, ${count(dataset.reports.length, 'report')}, ` +
    `${count(dataset.actors.length, 'actor')}, ${count(dataset.outlets.length, 'outlet')}, ` +
    `${count(dataset.framing.length, 'framing')}, ${count(dataset.seeds.length, 'seed')} ` +
    `(content ${dataset.contentHash.slice(0, 12)})`
  );
}

function parseArgs(argv: string[]): { seeds: string; out: string } | string {
  const args = { seeds: DEFAULT_SEEDS_DIR, out: DEFAULT_OUT_FILE };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag !== '--seeds' && flag !== '--out') return `unknown argument "${flag}"`;
    if (value === undefined || value.startsWith('--')) return `${flag} needs a path`;
    args[flag === '--seeds' ? 'seeds' : 'out'] = resolve(value);
    i++;
  }
  return args;
}

function existsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A path relative to the working directory when it is inside it, so messages stay short. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
