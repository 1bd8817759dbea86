// `npm run package`: zips dist/chrome and dist/firefox (built by `npm run build`) into
// dist/source-context-<version>-chrome.zip and -firefox.zip, without source maps.
//
//   npx tsx scripts/package.ts [--out-dir DIR]   (DIR defaults to dist/, as for the build)

import { relative } from 'node:path';
import { formatBytes } from './lib/build';
import { packageExtension } from './lib/package';
import { DIST } from './lib/paths';

const args = process.argv.slice(2);
let distDir = DIST;
if (args[0] === '--out-dir' && args[1] && args.length === 2) distDir = args[1];
else if (args.length > 0) {
  console.error(
    `Package failed: unexpected arguments ${JSON.stringify(args)}\nusage: tsx scripts/package.ts [--out-dir DIR]`,
  );
  process.exit(1);
}

try {
  for (const result of packageExtension(distDir)) {
    const where = relative(process.cwd(), result.file) || result.file;
    console.log(`${where}: ${result.entries.length} files, ${formatBytes(result.bytes)}`);
  }
} catch (error) {
  console.error(`Package failed: ${(error as Error).message}`);
  process.exit(1);
}
