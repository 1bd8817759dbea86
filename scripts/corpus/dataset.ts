// Loading the compiled dataset for the evaluation, scan and benchmark scripts, with an error that
// says what to do when it is missing or stale.

import { readFileSync } from 'node:fs';
import { parseDataset } from '../../src/dataset/load';
import type { Dataset } from '../../src/dataset/types';
import { DATASET_JSON } from '../lib/paths';
import { CLAIM_IDS } from './claims';

/** Where the scripts read the dataset from unless told otherwise. */
export const DEFAULT_DATASET = DATASET_JSON;

/** A dataset that cannot be used, with a message that names the file and the fix. */
export class DatasetLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetLoadError';
  }
}

/** Read, shape-check and return the compiled dataset at `file`. */
export function loadDataset(file: string = DEFAULT_DATASET): Dataset {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'ENOENT' ? ' (run `npm run dataset` first)' : '';
    throw new DatasetLoadError(`cannot read the dataset ${file}: ${code ?? (error as Error).message}${hint}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new DatasetLoadError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return parseDataset(json);
  } catch (error) {
    throw new DatasetLoadError(`${file}: ${(error as Error).message}`);
  }
}

/** The brief's claim ids the dataset lacks: the corpus labels them, so scoring would be wrong. */
export function missingClaims(dataset: Dataset): string[] {
  const have = new Set(dataset.claims.map((c) => c.id));
  return CLAIM_IDS.filter((id) => !have.has(id));
}
