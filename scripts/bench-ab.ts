// `npm run bench:ab`: does a change make the engine faster, and does it change any result?
// Bundles the engine as the extension ships it (minified): from the working tree and from
// another revision (default HEAD). It first checks that both give byte-identical results (the
// page analysis and the content script's stepped pipeline on every train corpus page and on
// generated 100 KB incident pages, `rank` on the corpus's claim passages, and a 100 KB page with
// a 1,000-claim synthetic dataset), then times both on the 100 KB pages interleaved, page by
// page in rotating order, so drift in machine load weighs on both alike (two copies of each,
// loaded in mirrored order, so neither gains from where it was loaded). A speed change that
// changes a result is a bug until explained; a timing taken by itself on a shared machine says
// little, a ratio taken this way says a lot more.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '../src/dataset/types';
import type { Matcher } from '../src/match/types';
import { commandLine, flagHelp, noPositionals, progressLog, wholeFlag, type FlagSpec } from './corpus/args';
import { incidentPage, seedArticles, type BenchPage } from './corpus/bench-pages';
import { loadCorpus, type CorpusPage } from './corpus/corpus';
import { DEFAULT_DATASET, loadDataset } from './corpus/dataset';
import { fixed, table } from './corpus/format';
import { runPipeline } from './corpus/pipeline';
import { createRng } from './corpus/prng';
import { shippedCreateMatcher } from './corpus/shipped-engine';
import { syntheticDataset } from './corpus/synthetic';
import { ROOT } from './lib/paths';
import { median } from './lib/stats';

const FLAGS: Record<string, FlagSpec> = {
  base: { type: 'string', valueName: 'REV', help: 'the revision to compare with (default HEAD)' },
  rounds: { type: 'string', valueName: 'N', help: 'timed rounds over the pages (default 60)' },
  json: { type: 'boolean', help: 'print one JSON object instead of the report' },
  help: { type: 'boolean', help: 'show this help' },
};

const HELP = `Usage: npm run bench:ab -- [options]

Compares the engine in the working tree with the engine at another revision (default HEAD), both
bundled and minified as the extension ships them: first whether every result is the same (train
corpus pages, generated 100 KB incident pages, rank, a 1,000-claim synthetic dataset), then their
speed on the 100 KB incident pages, timed interleaved. Prints the median ms per page of each and
the median ratio of back-to-back runs on the same page (working tree / base: below 1 is faster).
Takes under half a minute.

Options:
${flagHelp(FLAGS)}

Exit status: 0 same results, 1 a revision, corpus or dataset error, 2 bad arguments,
3 the results differ (the report says where).`;

/** Warm-up before timing: V8 compiles hot code in tiers, and one pass leaves it half done. */
const WARM_UP_MS = 500;

/** The sources of `rev` (its src/ folder), extracted into a fresh folder; the caller removes it. */
function checkout(rev: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sc-bench-ab-'));
  const archive = spawnSync('git', ['archive', '--format=tar', rev, 'src'], {
    cwd: ROOT,
    maxBuffer: 1 << 30,
  });
  if (archive.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`git archive ${rev}: ${archive.stderr.toString().trim() || 'failed'}`);
  }
  execFileSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  return dir;
}

/** One input both engines must treat alike, and what it is called in the report. */
interface Probe {
  name: string;
  run: (m: Matcher) => unknown;
}

/** Every result the check compares. */
function probes(corpus: readonly CorpusPage[], pages: readonly BenchPage[]): Probe[] {
  const out: Probe[] = [];
  for (const page of corpus) {
    const input = { text: page.text, blocks: page.blocks };
    out.push({ name: `corpus page ${page.id}: analyze`, run: (m) => m.analyze(input) });
    out.push({
      name: `corpus page ${page.id}: analyze (forced)`,
      run: (m) => m.analyze(input, { force: true }),
    });
  }
  pages.forEach((page, i) => {
    const input = { text: page.text, blocks: page.blocks };
    out.push({ name: `100 KB page ${i}: analyze`, run: (m) => m.analyze(input) });
    out.push({ name: `100 KB page ${i}: pipeline`, run: (m) => runPipeline(m, input) });
    // Without a text just recognized, linkSteps reads block by block as it goes.
    out.push({ name: `100 KB page ${i}: linkSteps alone`, run: (m) => [...m.linkSteps(input)].flat() });
  });
  const selections = corpus.flatMap((p) => p.passages.filter((x) => x.claims.length > 0).map((x) => x.text));
  out.push({ name: 'rank of every claim passage', run: (m) => selections.map((s) => m.rank(s, 5)) });
  return out;
}

async function main(argv: readonly string[]): Promise<number> {
  const line = commandLine('bench:ab', argv, FLAGS, HELP, (args) => {
    noPositionals(args);
    return wholeFlag('rounds', args.flags.rounds, 60);
  });
  if ('exit' in line) return line.exit;
  const { args, checked: rounds } = line;
  const json = args.flags.json === true;
  const log = progressLog(json);
  const base = (args.flags.base as string | undefined) ?? 'HEAD';
  const resolved = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${base}^{commit}`], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (resolved.status !== 0) {
    process.stderr.write(`bench:ab: --base: "${base}" is not a revision of this repository\n`);
    return 2;
  }
  const baseCommit = resolved.stdout.trim();

  let dataset: Dataset;
  let corpus: CorpusPage[];
  try {
    dataset = loadDataset(DEFAULT_DATASET);
    // Train pages only: the validation split stays unseen by anyone tuning the engine.
    corpus = loadCorpus().train;
  } catch (error) {
    process.stderr.write(`bench:ab: ${(error as Error).message}\n`);
    return 1;
  }
  const rng = createRng(20260107);
  const articles = seedArticles(dataset);
  const positives = corpus.filter((p) => p.about);
  const pages = [0, 1, 2, 3].map((i) =>
    incidentPage(
      rng,
      100_000,
      articles,
      positives.filter((_, j) => j % 4 === i),
    ),
  );

  log(`bundling the engine at ${base} (${baseCommit.slice(0, 12)}) and in the working tree...`);
  let dir: string | undefined;
  let engines: Matcher[];
  let synthetic: Matcher[];
  try {
    dir = checkout(baseCommit);
    // Each engine is bundled, loaded and built twice, in the order base, tree, tree, base: timed
    // with one copy of each, the one loaded first ran ~1% slower (the same engine on both sides
    // gave 0.98-1.0), and the mirrored order cancels such a bias of place.
    const makers = [
      await shippedCreateMatcher(dir),
      await shippedCreateMatcher(),
      await shippedCreateMatcher(),
      await shippedCreateMatcher(dir),
    ];
    engines = makers.map((make) => make(dataset));
    const big = syntheticDataset(dataset, 1_000);
    synthetic = makers.slice(0, 2).map((make) => make(big));
  } catch (error) {
    process.stderr.write(`bench:ab: ${(error as Error).message}\n`);
    return 1;
  } finally {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }

  log('comparing results...');
  const differences: string[] = [];
  const checks = [
    ...probes(corpus, pages),
    { name: '100 KB page 0, 1,000 claims: analyze', run: (m: Matcher) => m.analyze(pages[0]!) },
  ];
  let compared = 0;
  for (const probe of checks) {
    const pair = probe.name.includes('1,000 claims') ? synthetic : engines.slice(0, 2);
    const [a, b] = pair.map((m) => JSON.stringify(probe.run(m)));
    compared++;
    if (a !== b) differences.push(`${probe.name}: ${firstDifference(a!, b!)}`);
  }

  log(`timing ${rounds} rounds of ${pages.length} pages...`);
  const inputs = pages.map((p) => ({ text: p.text, blocks: p.blocks }));
  const warming = performance.now();
  do for (const input of inputs) for (const m of engines) runPipeline(m, input);
  while (performance.now() - warming < WARM_UP_MS);
  const times: [number[], number[]] = [[], []];
  // Each page run by the four engines back to back: the ratio within such a set is what the
  // machine's load, which drifts over seconds, disturbs least.
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    inputs.forEach((input, i) => {
      const set = [0, 0, 0, 0];
      for (let k = 0; k < 4; k++) {
        const which = (r + i + k) % 4; // each engine goes first, second... as often as the others
        const t0 = performance.now();
        runPipeline(engines[which]!, input);
        set[which] = performance.now() - t0;
        times[which === 0 || which === 3 ? 0 : 1]!.push(set[which]!);
      }
      ratios.push(Math.sqrt((set[1]! * set[2]!) / (set[0]! * set[3]!)));
    });
  }
  const baseMs = median(times[0]);
  const treeMs = median(times[1]);
  const ratio = median(ratios);
  const result = {
    base,
    baseCommit,
    sameResults: differences.length === 0,
    resultsCompared: compared,
    differences,
    baseMs,
    workingTreeMs: treeMs,
    /**
     * The median over pages and rounds of (working tree ms / base ms) on the same page, back to
     * back (the geometric mean over the two copies of each engine).
     */
    ratio,
    runs: times[0].length,
  };
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const lines = [
      `Engine at ${base} (${baseCommit.slice(0, 12)}) against the working tree, bundled as shipped`,
      '',
      differences.length === 0
        ? `Results: the same (${compared} results compared).`
        : `Results: ${differences.length} of ${compared} differ:\n${differences
            .slice(0, 10)
            .map((d) => `  ${d}`)
            .join('\n')}`,
      '',
      table(
        ['pipeline on a 100 KB incident page', 'median ms', 'runs'],
        [
          [`base (${base})`, fixed(baseMs), String(times[0].length)],
          ['working tree', fixed(treeMs), String(times[1].length)],
        ],
      ),
      '',
      `working tree / base: ${fixed(ratio)} (median over back-to-back runs of each page; below 1 is faster. Run it` +
        ' two or three times: on a shared machine a few percent either way can be noise)',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return differences.length === 0 ? 0 : 3;
}

/** Where two JSON texts first differ, with a little context from each. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const context = (s: string): string => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
  return `at character ${i}, base ${context(a)}, working tree ${context(b)}`;
}

process.exitCode = await main(process.argv.slice(2));
