// The extension build behind `npm run build` (scripts/build.ts is its command line): compile the
// dataset, typecheck, bundle with esbuild, copy extension/ and write one manifest per browser.
// Both output folders load unpacked as they are; scripts/package.ts zips them.

import { declaredHighlightCss } from '../../src/page/highlights';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import * as esbuild from 'esbuild';
import {
  BROWSERS,
  CHROME_MIN_VERSION,
  FIREFOX_MIN_VERSION,
  checkSourceManifest,
  manifestFor,
  type Browser,
} from './manifest';
import { DATASET_JSON, DIST, ROOT } from './paths';

/** A build failure whose message is meant for the person running the build, as is. */
export class BuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildError';
  }
}

/** How to build. */
export interface BuildOptions {
  /** Unminified bundles with inline source maps (default: minified, external .map files). */
  dev?: boolean;
  /** Skip `tsc` (for scripts that rebuild repeatedly after one typecheck). */
  skipTypecheck?: boolean;
  /** Use the existing dist/dataset.json instead of recompiling it. */
  skipDataset?: boolean;
  /** Where the chrome/ and firefox/ folders go (default dist/). */
  outDir?: string;
  /** The dataset compiler script (default scripts/compile-dataset.ts); a test seam. */
  datasetCompiler?: string;
  /** Progress output (default console.log). */
  log?: (line: string) => void;
}

/** One file of a built extension folder. */
export interface BuiltFile {
  path: string; // relative to the browser folder, forward slashes
  bytes: number;
}

/** What a build produced. */
export interface BuildResult {
  version: string;
  datasetVersion: string;
  dirs: Record<Browser, string>;
  files: Record<Browser, BuiltFile[]>;
  millis: number;
}

/** The bundles esbuild writes: output name (without .js) to entry point. */
export const ENTRY_POINTS: Readonly<Record<string, string>> = {
  content: 'src/content/index.ts',
  background: 'src/background/index.ts',
  popup: 'src/popup/index.tsx',
};

const require_ = createRequire(import.meta.url);

function run(what: string, args: string[]): { ok: boolean; output: string; status: number | null } {
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new BuildError(`${what}: could not start: ${result.error.message}`);
  return {
    ok: result.status === 0,
    output: `${result.stdout}${result.stderr}`.trim(),
    status: result.status,
  };
}

function compileDataset(compiler: string, log: (line: string) => void): void {
  if (!existsSync(compiler)) {
    throw new BuildError(
      `dataset: the compiler ${relative(ROOT, compiler)} does not exist, so dist/dataset.json cannot be built`,
    );
  }
  const { ok, output, status } = run('dataset', [require_.resolve('tsx/cli'), compiler]);
  if (!ok) {
    throw new BuildError(
      `dataset: ${relative(ROOT, compiler)} failed (exit ${status ?? 'signal'}):\n${output || '(no output)'}`,
    );
  }
  if (output) log(output.replace(/^/gm, '  '));
}

function readDatasetVersion(): string {
  if (!existsSync(DATASET_JSON)) {
    throw new BuildError(`dataset: ${relative(ROOT, DATASET_JSON)} is missing; run \`npm run dataset\``);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(DATASET_JSON, 'utf8'));
  } catch (error) {
    throw new BuildError(
      `dataset: ${relative(ROOT, DATASET_JSON)} is not valid JSON: ${(error as Error).message}`,
    );
  }
  const version = (parsed as { version?: unknown } | null)?.version;
  if (typeof version !== 'string') {
    throw new BuildError(`dataset: ${relative(ROOT, DATASET_JSON)} has no string "version" field`);
  }
  return version;
}

function typecheck(): void {
  const { ok, output } = run('typecheck', [
    require_.resolve('typescript/bin/tsc'),
    '-p',
    'tsconfig.json',
    '--noEmit',
  ]);
  if (!ok) throw new BuildError(`typecheck: tsc found errors:\n${output}`);
}

/** Lists the files under `dir`, relative and with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Collects every `__MSG_key__` placeholder in a manifest. */
export function messageKeys(manifest: unknown): string[] {
  return [...JSON.stringify(manifest).matchAll(/__MSG_(\w+?)__/g)].map((m) => m[1]!);
}

/** Collects the files a manifest points at (icons, scripts, popup), relative to its folder. */
export function referencedFiles(manifest: Record<string, unknown>): string[] {
  const files = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') files.add(value);
    else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') Object.values(value).forEach(add);
  };
  const action = (manifest.action ?? {}) as Record<string, unknown>;
  const background = (manifest.background ?? {}) as Record<string, unknown>;
  add(manifest.icons);
  add(action.default_icon);
  add(action.default_popup);
  add(background.service_worker);
  add(background.scripts);
  for (const script of (manifest.content_scripts ?? []) as Record<string, unknown>[]) {
    add(script.js);
    add(script.css);
  }
  return [...files].sort();
}

/**
 * Checks that a built folder loads as-is: every file the manifest names exists, every
 * __MSG_key__ is in _locales/en/messages.json, and each HTML page loads only existing local
 * files and no inline script (MV3's CSP would block it).
 */
export function checkBuiltFolder(dir: string): void {
  const where = (file: string) => relative(ROOT, join(dir, file)) || file;
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  for (const file of referencedFiles(manifest)) {
    if (!existsSync(join(dir, file)))
      throw new BuildError(`${where('manifest.json')} names ${file}, which is missing`);
  }
  const messagesFile = join(dir, '_locales', 'en', 'messages.json');
  if (!existsSync(messagesFile)) throw new BuildError(`${where('_locales/en/messages.json')} is missing`);
  const messages = JSON.parse(readFileSync(messagesFile, 'utf8')) as Record<string, unknown>;
  for (const key of messageKeys(manifest)) {
    if (!(key in messages))
      throw new BuildError(
        `${where('manifest.json')} uses __MSG_${key}__, missing from _locales/en/messages.json`,
      );
  }
  for (const page of listFiles(dir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(dir, page), 'utf8');
    for (const tag of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      if (!/\bsrc\s*=/.test(tag[1]!) || tag[2]!.trim() !== '') {
        throw new BuildError(`${where(page)} has an inline <script>; MV3 pages may only load script files`);
      }
    }
    for (const ref of html.matchAll(/\b(?:src|href)\s*=\s*"([^"]+)"/gi)) {
      const target = ref[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
        throw new BuildError(`${where(page)} loads ${target}; extension pages must use packaged files only`);
      }
      if (!existsSync(join(dir, target)))
        throw new BuildError(`${where(page)} loads ${target}, which is missing`);
    }
  }
}

/** Runs the whole build; throws a BuildError with a readable message when a step fails. */
export async function buildExtension(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const outDir = resolve(options.outDir ?? DIST);
  const dev = options.dev ?? false;

  const manifestPath = join(ROOT, 'manifest.json');
  let source;
  try {
    source = checkSourceManifest(JSON.parse(readFileSync(manifestPath, 'utf8')));
  } catch (error) {
    throw new BuildError((error as Error).message);
  }

  if (!options.skipDataset) {
    log('Compiling the dataset...');
    compileDataset(resolve(options.datasetCompiler ?? join(ROOT, 'scripts', 'compile-dataset.ts')), log);
  }
  const datasetVersion = readDatasetVersion();

  if (!options.skipTypecheck) {
    log('Typechecking...');
    typecheck();
  }

  const dirs = { chrome: join(outDir, 'chrome'), firefox: join(outDir, 'firefox') } satisfies Record<
    Browser,
    string
  >;
  for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
  const first = dirs.chrome;
  mkdirSync(first, { recursive: true });

  log(`Bundling (${dev ? 'development' : 'production'})...`);
  try {
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ENTRY_POINTS,
      outdir: first,
      bundle: true,
      // IIFE everywhere: a content script cannot import at runtime, and a classic background
      // script runs unchanged as Chrome's service worker and as Firefox's event page.
      format: 'iife',
      target: [`chrome${CHROME_MIN_VERSION}`, `firefox${FIREFOX_MIN_VERSION.split('.')[0]}`],
      platform: 'browser',
      minify: !dev,
      // External maps carry no sourceMappingURL comment, so the packaged zips (which leave the
      // .map files out) make DevTools ask for nothing that is missing.
      sourcemap: dev ? 'inline' : 'external',
      define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
      logLevel: 'silent',
    });
  } catch (error) {
    const failure = error as esbuild.BuildFailure;
    const text = failure.errors
      ? (await esbuild.formatMessages(failure.errors, { kind: 'error' })).join('\n')
      : String(error);
    throw new BuildError(`bundle: esbuild failed:\n${text}`);
  }

  const staticDir = join(ROOT, 'extension');
  for (const file of listFiles(staticDir)) {
    if (existsSync(join(first, file))) {
      throw new BuildError(`extension/${file} has the same name as a bundle esbuild writes; rename one`);
    }
  }
  cpSync(staticDir, first, { recursive: true });
  // The ::highlight() rules, declared in the manifest so they exist before the page is built
  // (adding them later restyles the whole page). Written from src/page, their one source.
  writeFileSync(join(first, HIGHLIGHTS_CSS), `${declaredHighlightCss()}\n`);
  cpSync(first, dirs.firefox, { recursive: true });

  const files = {} as Record<Browser, BuiltFile[]>;
  for (const browser of BROWSERS) {
    const dir = dirs[browser];
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifestFor(browser, source), null, 2)}\n`);
    checkBuiltFolder(dir);
    files[browser] = listFiles(dir).map((path) => ({ path, bytes: statSync(join(dir, path)).size }));
  }
  return { version: source.version, datasetVersion, dirs, files, millis: performance.now() - started };
}

/** The stylesheet the manifest's content script declares for our highlights. */
export const HIGHLIGHTS_CSS = 'highlights.css';

/** Formats a byte count for the build summary. */
export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

/** The short table the build prints: one line per file, both browsers side by side. */
export function summarize(result: BuildResult): string {
  const rows = new Map<string, Partial<Record<Browser, number>>>();
  for (const browser of BROWSERS) {
    for (const file of result.files[browser])
      rows.set(file.path, { ...rows.get(file.path), [browser]: file.bytes });
  }
  const width = Math.max(...[...rows.keys()].map((k) => k.length), 4);
  const cell = (n: number | undefined) => (n === undefined ? '-' : formatBytes(n)).padStart(10);
  const lines = [
    `Built Source Context ${result.version} (dataset ${result.datasetVersion}) in ${(result.millis / 1000).toFixed(1)} s`,
    `  ${'file'.padEnd(width)}  ${'chrome'.padStart(10)}  ${'firefox'.padStart(10)}`,
  ];
  for (const [path, sizes] of rows)
    lines.push(`  ${path.padEnd(width)}  ${cell(sizes.chrome)}  ${cell(sizes.firefox)}`);
  for (const browser of BROWSERS) lines.push(`  -> ${relative(process.cwd(), result.dirs[browser]) || '.'}`);
  return lines.join('\n');
}
