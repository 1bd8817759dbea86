// Where things are, so scripts work from any current directory.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where generated output goes (git-ignored). */
export const DIST = join(ROOT, 'dist');

/** The compiled dataset the build bundles; written by scripts/compile-dataset.ts. */
export const DATASET_JSON = join(DIST, 'dataset.json');
