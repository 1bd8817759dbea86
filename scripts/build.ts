// `npm run build`: builds dist/chrome and dist/firefox, each loadable unpacked as it is.
//
//   npx tsx scripts/build.ts [--dev] [--skip-typecheck] [--skip-dataset] [--out-dir DIR]
//
//   --dev             unminified bundles with inline source maps
//   --skip-typecheck  skip tsc (for scripts that rebuild repeatedly after one typecheck)
//   --skip-dataset    bundle the existing dist/dataset.json instead of recompiling it
//   --out-dir DIR     write DIR/chrome and DIR/firefox instead of dist/

import { BuildError, buildExtension, summarize, type BuildOptions } from './lib/build';

const USAGE = 'usage: tsx scripts/build.ts [--dev] [--skip-typecheck] [--skip-dataset] [--out-dir DIR]';

function parseArgs(args: string[]): BuildOptions {
  const options: BuildOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--dev') options.dev = true;
    else if (arg === '--skip-typecheck') options.skipTypecheck = true;
    else if (arg === '--skip-dataset') options.skipDataset = true;
    else if (arg === '--out-dir') {
      const dir = args[++i];
      if (!dir) throw new BuildError(`--out-dir needs a folder\n${USAGE}`);
      options.outDir = dir;
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new BuildError(`unknown option ${JSON.stringify(arg)}\n${USAGE}`);
  }
  return options;
}

try {
  const result = await buildExtension(parseArgs(process.argv.slice(2)));
  console.log(summarize(result));
} catch (error) {
  if (!(error instanceof BuildError)) throw error;
  console.error(`Build failed: ${error.message}`);
  process.exit(1);
}
