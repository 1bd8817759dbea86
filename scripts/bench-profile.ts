// `npm run bench:profile`: where the engine's time goes on a 100 KB incident page. Runs the
// content script's pipeline on the benchmark's generated 100 KB incident pages under V8's sampling
// profiler, with the engine bundled by esbuild but not minified (the shipped code, with its
// function names; tsx's on-the-fly transform would wrap every closure in a helper and skew the
// profile), then prints the functions taking the most time, by self time and by inclusive time,
// and writes the whole profile as a .cpuprofile file (Chrome DevTools' Performance panel and VS
// Code open it), with the bundle it ran beside it (the lines the tables cite are that file's).

import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { Dataset } from '../src/dataset/types';
import type { createMatcher as CreateMatcher } from '../src/match/index';
import { commandLine, flagHelp, noPositionals, wholeFlag, type FlagSpec } from './corpus/args';
import { incidentPage, seedArticles } from './corpus/bench-pages';
import { loadCorpus } from './corpus/corpus';
import { DEFAULT_DATASET, loadDataset } from './corpus/dataset';
import { table } from './corpus/format';
import { runPipeline } from './corpus/pipeline';
import { createRng } from './corpus/prng';
import { DIST, ROOT } from './lib/paths';

const FLAGS: Record<string, FlagSpec> = {
  runs: { type: 'string', valueName: 'N', help: 'passes over the four pages while profiling (default 300)' },
  top: { type: 'string', valueName: 'N', help: 'functions listed (default 25)' },
  out: { type: 'string', valueName: 'FILE', help: 'where the profile goes (default dist/engine.cpuprofile)' },
  json: { type: 'boolean', help: 'print one JSON object instead of the tables' },
  help: { type: 'boolean', help: 'show this help' },
};

const HELP = `Usage: npm run bench:profile -- [options]

Profiles the content script's pipeline (mayBeAbout -> recognizeSteps -> link every passage) on the
benchmark's four generated 100 KB incident pages, with the engine bundled as shipped but not
minified, after a warm-up. Prints the functions with the most self time and the most inclusive
time (share of all samples), and writes the profile for Chrome DevTools or VS Code.

Options:
${flagHelp(FLAGS)}

Exit status: 0 done, 1 corpus or dataset error, 2 bad arguments.`;

/** Warm-up before profiling: V8 compiles hot code in tiers, and one pass leaves it half done. */
const WARM_UP_MS = 500;

/** The part of a V8 CPU profile read here. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
    children?: number[];
  }[];
  samples?: number[];
}

/** One function's share of the samples. */
interface Share {
  fn: string;
  selfPct: number;
  totalPct: number;
}

/** Self and inclusive share of each function (a recursive function counts once per sample). */
function shares(profile: CpuProfile, sourceDir: string): Share[] {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id: number): string => {
    const f = byId.get(id)!.callFrame;
    const where = f.url.startsWith('file:') ? relative(sourceDir, new URL(f.url).pathname) : f.url;
    return `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  for (const leaf of samples) {
    const key = name(leaf);
    self.set(key, (self.get(key) ?? 0) + 1);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const k = name(id);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + 1);
    }
  }
  const n = Math.max(1, samples.length);
  return [...total.keys()]
    .filter((k) => !/^\((root|program|idle)\)/.test(k))
    .map((fn) => ({ fn, selfPct: (100 * (self.get(fn) ?? 0)) / n, totalPct: (100 * total.get(fn)!) / n }));
}

/** `createMatcher` from src/match bundled (not minified) into `file`. */
async function bundledEngine(file: string): Promise<typeof CreateMatcher> {
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'src', 'match', 'index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile: file,
    logLevel: 'silent',
  });
  return ((await import(pathToFileURL(file).href)) as { createMatcher: typeof CreateMatcher }).createMatcher;
}

async function main(argv: readonly string[]): Promise<number> {
  const line = commandLine('bench:profile', argv, FLAGS, HELP, (args) => {
    noPositionals(args);
    return { runs: wholeFlag('runs', args.flags.runs, 300), top: wholeFlag('top', args.flags.top, 25) };
  });
  if ('exit' in line) return line.exit;
  const {
    args,
    checked: { runs, top },
  } = line;
  const json = args.flags.json === true;
  const out = (args.flags.out as string | undefined) ?? join(DIST, 'engine.cpuprofile');

  let dataset: Dataset;
  let positives;
  try {
    dataset = loadDataset(DEFAULT_DATASET);
    // Train pages only: the validation split stays unseen by anyone tuning the engine.
    positives = loadCorpus().train.filter((p) => p.about);
  } catch (error) {
    process.stderr.write(`bench:profile: ${(error as Error).message}\n`);
    return 1;
  }
  const rng = createRng(20260107);
  const articles = seedArticles(dataset);
  const inputs = [0, 1, 2, 3].map((i) => {
    const page = incidentPage(
      rng,
      100_000,
      articles,
      positives.filter((_, j) => j % 4 === i),
    );
    return { text: page.text, blocks: page.blocks };
  });

  const dir = dirname(out);
  mkdirSync(dir, { recursive: true });
  const bundle = join(dir, 'engine.profile.mjs');
  const matcher = (await bundledEngine(bundle))(dataset);
  const warming = performance.now();
  do for (const input of inputs) runPipeline(matcher, input);
  while (performance.now() - warming < WARM_UP_MS);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const t0 = performance.now();
  for (let r = 0; r < runs; r++) for (const input of inputs) runPipeline(matcher, input);
  const msPerPage = (performance.now() - t0) / (runs * inputs.length);
  const profile = (await session.post('Profiler.stop')).profile as unknown as CpuProfile;
  session.disconnect();
  writeFileSync(out, JSON.stringify(profile));

  const all = shares(profile, dir);
  const bySelf = [...all].sort((a, b) => b.selfPct - a.selfPct).slice(0, top);
  const byTotal = [...all].sort((a, b) => b.totalPct - a.totalPct).slice(0, top);
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ msPerPage, runs: runs * inputs.length, samples: profile.samples?.length ?? 0, profile: out, bundle, bySelf, byTotal })}\n`,
    );
    return 0;
  }
  const pct = (v: number): string => v.toFixed(1);
  process.stdout.write(
    [
      `Pipeline on four 100 KB incident pages, ${runs * inputs.length} runs under the profiler: ${msPerPage.toFixed(3)} ms a page`,
      '(the profiler slows it; `npm run bench` gives the real time)',
      '',
      table(
        ['self %', `function (line in ${relative(process.cwd(), bundle) || bundle})`],
        bySelf.map((s) => [pct(s.selfPct), s.fn]),
        ['right', 'left'],
      ),
      '',
      table(
        ['inclusive %', 'function'],
        byTotal.map((s) => [pct(s.totalPct), s.fn]),
        ['right', 'left'],
      ),
      '',
      `Profile: ${relative(process.cwd(), out) || out} (open it in Chrome DevTools' Performance panel or VS Code)`,
      '',
    ].join('\n'),
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
