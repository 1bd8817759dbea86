// The dataset the extension ships with: dist/dataset.json (written by `npm run dataset`, which
// `npm run build` runs first), bundled into each script by esbuild and checked once at startup
// so a stale or corrupted copy fails loudly instead of drawing wrong cards.

import json from '../../dist/dataset.json';
import { parseDataset } from './load';
import type { Dataset } from './types';

/** The compiled, shape-checked dataset bundled into the extension. */
export const dataset: Dataset = parseDataset(json);
