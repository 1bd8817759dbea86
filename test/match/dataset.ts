// Test helper: the real dataset and a matcher built from it, shared by the engine tests.
//
// The dataset is compiled fresh from seeds/ (so edits to seeds/annotations/cues.json are tested
// right away); when the compiler cannot run, dist/dataset.json is used; when neither exists, the
// tests that need the dataset are skipped with a message saying how to produce it.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { compileDatasetDir } from '../../scripts/compile-dataset';
import type { Dataset } from '../../src/dataset/types';
import { createMatcher, type Matcher } from '../../src/match/index';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Why the dataset is missing, when it is (tests print it when they skip). */
export let datasetProblem = '';

function load(): Dataset | undefined {
  try {
    return compileDatasetDir(join(REPO, 'seeds'));
  } catch (error) {
    const dist = join(REPO, 'dist', 'dataset.json');
    if (existsSync(dist)) return JSON.parse(readFileSync(dist, 'utf8')) as Dataset;
    datasetProblem =
      `the dataset could not be compiled (${String(error).split('\n')[0]}) and dist/dataset.json ` +
      'is missing: run `npm run dataset`';
    return undefined;
  }
}

/** The compiled dataset, or undefined (with `datasetProblem` set). */
export const dataset: Dataset | undefined = load();

/** A matcher over the real dataset (undefined when the dataset is missing). */
export const matcher: Matcher | undefined = dataset === undefined ? undefined : createMatcher(dataset);

/** Reads a seed article as the dataset's offsets expect it. */
export function seedText(file: string): string {
  return readFileSync(join(REPO, 'seeds', 'articles', file), 'utf8');
}

export const WJ_SEED = '000_0db36e5d1cd6cab9.txt';
export const AP_SEED = '004_17734199b23d2403.txt';
