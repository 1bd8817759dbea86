// The engine as the extension ships it, for the benchmark: src/match bundled and minified by
// esbuild with the extension build's target, then imported. Timing the source through tsx
// instead would time tsx's transform too (it keeps function names by wrapping every closure in a
// helper call, which the shipped bundle does not have).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { createMatcher } from '../../src/match/index';
import { ROOT } from '../lib/paths';
import { CHROME_MIN_VERSION, FIREFOX_MIN_VERSION } from '../lib/manifest';

/**
 * `createMatcher` from the engine bundled as in the extension (minified, the same targets), from
 * the sources under `root` (default: this checkout; `npm run bench:ab` passes another revision's).
 */
export async function shippedCreateMatcher(root: string = ROOT): Promise<typeof createMatcher> {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [join(root, 'src', 'match', 'index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: [`chrome${CHROME_MIN_VERSION}`, `firefox${FIREFOX_MIN_VERSION.split('.')[0]}`],
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const dir = mkdtempSync(join(tmpdir(), 'sc-bench-'));
  try {
    const file = join(dir, 'engine.mjs');
    writeFileSync(file, result.outputFiles[0]!.text);
    const engine = (await import(pathToFileURL(file).href)) as { createMatcher: typeof createMatcher };
    return engine.createMatcher;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
