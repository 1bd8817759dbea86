// Zips the built extension folders for store upload or sideloading, leaving source maps out
// (they only help a developer, and they would reveal local paths).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listFiles } from './build';
import { BROWSERS, type Browser } from './manifest';
import { ROOT } from './paths';
import { createZip } from './zip';

/** One archive written by packageExtension. */
export interface PackageResult {
  browser: Browser;
  file: string; // absolute path of the zip
  entries: string[]; // archived paths, sorted
  bytes: number;
}

/** Whether a built file belongs in the store archive. */
export function isPackaged(path: string): boolean {
  return !path.endsWith('.map');
}

/** The archive name for a browser and version: source-context-<version>-<browser>.zip. */
export function archiveName(version: string, browser: Browser): string {
  return `source-context-${version}-${browser}.zip`;
}

/**
 * Writes `<distDir>/source-context-<version>-<browser>.zip` from `<distDir>/<browser>/` for each
 * browser. Throws an error naming the folder when a build is missing or incomplete.
 */
export function packageExtension(distDir: string): PackageResult[] {
  return BROWSERS.map((browser) => {
    const dir = join(distDir, browser);
    const manifestFile = join(dir, 'manifest.json');
    if (!existsSync(manifestFile)) {
      throw new Error(`${relative(ROOT, dir) || dir} has no manifest.json: run \`npm run build\` first`);
    }
    const { version } = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version?: unknown };
    if (typeof version !== 'string') throw new Error(`${relative(ROOT, manifestFile)} has no version`);
    const entries = listFiles(dir).filter(isPackaged);
    const zip = createZip(entries.map((name) => ({ name, data: readFileSync(join(dir, name)) })));
    const file = join(distDir, archiveName(version, browser));
    writeFileSync(file, zip);
    return { browser, file, entries, bytes: zip.length };
  });
}
