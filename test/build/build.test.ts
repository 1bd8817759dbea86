// Smoke tests of the real build: `scripts/build.ts` and `scripts/package.ts` run once, as a user
// runs them, into a temporary folder (so browser tests reading dist/ are never disturbed), and
// the output is checked file by file, by web-ext lint, and by loading it in Chromium.
//
// The build here skips tsc: `npm test` has just typechecked in `npm run build`. It bundles the
// existing dist/dataset.json when there is one, and compiles it first when there is not.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildError, buildExtension, listFiles } from '../../scripts/lib/build';
import { BROWSERS } from '../../scripts/lib/manifest';
import { archiveName, packageExtension } from '../../scripts/lib/package';
import { DATASET_JSON, ROOT } from '../../scripts/lib/paths';
import { readZip } from '../../scripts/lib/zip';

const require_ = createRequire(import.meta.url);
const TSX = require_.resolve('tsx/cli');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const tmp = mkdtempSync(join(tmpdir(), 'source-context-build-'));
const out = join(tmp, 'prod');
const devOut = join(tmp, 'dev');

function runScript(script: string, args: string[]) {
  const result = spawnSync(process.execPath, [TSX, script, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function buildArgs(outDir: string, ...extra: string[]): string[] {
  const args = ['--out-dir', outDir, '--skip-typecheck', ...extra];
  return existsSync(DATASET_JSON) ? [...args, '--skip-dataset'] : args;
}

let buildOutput = '';
let packageOutput = '';
let version = '';
const dataset = () =>
  JSON.parse(readFileSync(DATASET_JSON, 'utf8')) as { version: string; contentHash: string };

beforeAll(() => {
  const build = runScript('scripts/build.ts', buildArgs(out));
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  buildOutput = build.output;
  const pack = runScript('scripts/package.ts', ['--out-dir', out]);
  if (pack.status !== 0) throw new Error(`package failed:\n${pack.output}`);
  packageOutput = pack.output;
  version = (JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { version: string }).version;
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const EXPECTED_FILES = [
  '_locales/en/messages.json',
  'background.js',
  'content.js',
  'highlights.css',
  'icons/icon-128.png',
  'icons/icon-16.png',
  'icons/icon-32.png',
  'icons/icon-48.png',
  'manifest.json',
  'popup.css',
  'popup.html',
  'popup.js',
];
const BUNDLES = ['background.js', 'content.js', 'popup.js', 'popup.css'];

describe('npm run build', () => {
  it.each(BROWSERS)('writes a complete %s folder', (browser) => {
    const files = listFiles(join(out, browser));
    expect(files.filter((f) => !f.endsWith('.map'))).toEqual(EXPECTED_FILES);
  });

  it('writes external source maps in production, without sourceMappingURL comments', () => {
    for (const browser of BROWSERS) {
      for (const bundle of BUNDLES) {
        const dir = join(out, browser);
        expect(existsSync(join(dir, `${bundle}.map`)), `${browser}/${bundle}.map`).toBe(true);
        expect(readFileSync(join(dir, bundle), 'utf8')).not.toContain('sourceMappingURL');
      }
    }
  });

  it('minifies the bundles', () => {
    // Line counts say little (CSS in template strings keeps its newlines); mangled names do.
    const content = readFileSync(join(out, 'chrome', 'content.js'), 'utf8');
    const popup = readFileSync(join(out, 'chrome', 'popup.js'), 'utf8');
    for (const [name, code] of [
      ['content.js', content],
      ['popup.js', popup],
    ] as const) {
      // No indented statement: whitespace outside string literals is gone.
      const indented = code.split('\n').filter((line) => /^ {2,}(const|let|var|return|if|for) /.test(line));
      expect(indented, name).toEqual([]);
      expect(code.length, name).toBeGreaterThan(1000);
    }
  });

  it('ships the same code to both browsers; only the manifests differ', () => {
    for (const file of EXPECTED_FILES.filter((f) => f !== 'manifest.json')) {
      const chrome = readFileSync(join(out, 'chrome', file));
      expect(chrome.equals(readFileSync(join(out, 'firefox', file))), file).toBe(true);
    }
    const chrome = JSON.parse(readFileSync(join(out, 'chrome', 'manifest.json'), 'utf8'));
    const firefox = JSON.parse(readFileSync(join(out, 'firefox', 'manifest.json'), 'utf8'));
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({
      required: ['none'],
    });
  });

  it('bundles scripts that need no imports at runtime (they parse as classic scripts)', () => {
    for (const bundle of ['background.js', 'content.js', 'popup.js']) {
      const code = readFileSync(join(out, 'chrome', bundle), 'utf8');
      // vm.Script compiles without running: an import or export statement is a syntax error here.
      expect(() => new Script(code, { filename: bundle }), bundle).not.toThrow();
      expect(code, bundle).not.toMatch(/\bimport\s*\(/);
    }
  });

  it('bundles the compiled dataset into the content script and popup', () => {
    const { contentHash } = dataset();
    for (const bundle of ['content.js', 'popup.js']) {
      expect(readFileSync(join(out, 'chrome', bundle), 'utf8'), bundle).toContain(contentHash);
    }
  });

  it('prints a summary with the versions and every file', () => {
    expect(buildOutput).toContain(`Built Source Context ${version} (dataset ${dataset().version})`);
    for (const file of EXPECTED_FILES) expect(buildOutput).toContain(file);
  });

  it('--dev writes unminified bundles with inline source maps and no .map files', () => {
    const build = runScript('scripts/build.ts', buildArgs(devOut, '--dev'));
    expect(build.status, build.output).toBe(0);
    const files = listFiles(join(devOut, 'chrome'));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const popup = readFileSync(join(devOut, 'chrome', 'popup.js'), 'utf8');
    expect(popup).toContain('//# sourceMappingURL=data:application/json;base64,');
    expect(popup.split('\n').length).toBeGreaterThan(100);
  });
});

describe('build failures are reported clearly', () => {
  it('names a failing dataset compiler and shows its output', async () => {
    const compiler = join(tmp, 'bad-compiler.ts');
    writeFileSync(
      compiler,
      "console.error('claims[3] (weaponized-vehicle): excerpt not found in seed');\nprocess.exit(2);\n",
    );
    const attempt = buildExtension({ outDir: join(tmp, 'never'), datasetCompiler: compiler, log: () => {} });
    await expect(attempt).rejects.toThrow(BuildError);
    await expect(attempt).rejects.toThrow(/dataset: .*bad-compiler\.ts failed \(exit 2\)/);
    await expect(attempt).rejects.toThrow(/claims\[3\] \(weaponized-vehicle\): excerpt not found/);
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });

  it('names a missing dataset compiler', async () => {
    const attempt = buildExtension({ datasetCompiler: join(tmp, 'nope.ts'), log: () => {} });
    await expect(attempt).rejects.toThrow(/dataset: the compiler .*nope\.ts does not exist/);
  });

  it('rejects unknown command-line options with the usage line', () => {
    const result = runScript('scripts/build.ts', ['--prod']);
    expect(result.status).toBe(1);
    expect(result.output).toContain('Build failed: unknown option "--prod"');
    expect(result.output).toContain('usage:');
  });

  it('package says to build first when there is nothing to package', () => {
    expect(() => packageExtension(join(tmp, 'empty'))).toThrow(
      /no manifest\.json: run `npm run build` first/,
    );
  });
});

describe('npm run package', () => {
  it.each(BROWSERS)('zips the %s folder without source maps', (browser) => {
    const zipFile = join(out, archiveName(version, browser));
    expect(packageOutput).toContain(archiveName(version, browser));
    const entries = readZip(readFileSync(zipFile));
    expect(entries.map((e) => e.name)).toEqual(EXPECTED_FILES);
    expect(entries.some((e) => e.name.endsWith('.map'))).toBe(false);
    for (const entry of entries) {
      expect(Buffer.from(entry.data).equals(readFileSync(join(out, browser, entry.name))), entry.name).toBe(
        true,
      );
    }
    // An independent reader, where the machine has one.
    if (spawnSync('unzip', ['-v']).status === 0) {
      const test = spawnSync('unzip', ['-t', zipFile], { encoding: 'utf8' });
      expect(test.status, test.stdout).toBe(0);
    }
  });
});

describe('web-ext lint (Firefox add-on linter)', () => {
  it('reports no errors for dist/firefox', () => {
    const webExt = join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js');
    const result = spawnSync(
      process.execPath,
      [webExt, 'lint', '--source-dir', join(out, 'firefox'), '--output', 'json', '--no-config-discovery'],
      { cwd: tmp, encoding: 'utf8' },
    );
    const report = JSON.parse(result.stdout) as {
      errors: { code: string; message: string; file?: string }[];
      warnings: { code: string; message: string; file?: string }[];
    };
    // Warnings are allowed (Preact's own innerHTML path for dangerouslySetInnerHTML, which src/
    // never uses, is one), but they are listed so a new one gets noticed.
    for (const w of report.warnings)
      console.info(`web-ext lint warning: ${w.code} ${w.message} (${w.file ?? ''})`);
    expect(report.errors.map((e) => `${e.code}: ${e.message} (${e.file ?? ''})`)).toEqual([]);
  }, 60_000);
});

describe('loaded unpacked in Chromium', () => {
  let server: Server;
  let origin = '';

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`,
      );
    }
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end('<!doctype html><title>A news page</title><p>An ordinary paragraph.</p>');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  it('starts the service worker, runs the content script, and renders the popup', async () => {
    const dir = join(out, 'chrome');
    const context = await chromium.launchPersistentContext(mkdtempSync(join(tmp, 'profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const worker =
        context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
      // Node gives non-special schemes an opaque ("null") origin, so build it from the host.
      const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
      expect(worker.url()).toBe(`${extensionOrigin}/background.js`);

      // The content script runs in an isolated world named after the extension; find it through
      // the DevTools protocol and read the running instance it registers on its window.
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const worlds: { id: number; origin: string }[] = [];
      cdp.on('Runtime.executionContextCreated', ({ context: world }) => worlds.push(world));
      await cdp.send('Runtime.enable');
      await page.goto(`${origin}/`);
      const running = async () => {
        const world = worlds.find((w) => w.origin === extensionOrigin);
        if (!world) return undefined;
        const { result } = await cdp.send('Runtime.evaluate', {
          contextId: world.id,
          returnByValue: true,
          expression: "globalThis[Symbol.for('source-context.content')]?.dataset.version",
        });
        return result.value as string | undefined;
      };
      await expect.poll(running, { timeout: 10_000 }).toBe(dataset().version);

      const popup = await context.newPage();
      const errors: string[] = [];
      popup.on('pageerror', (error) => errors.push(error.message));
      popup.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await popup.goto(`${extensionOrigin}/popup.html`);
      await expect.poll(() => popup.locator('h1').textContent()).toBe('Source Context');
      expect(await popup.title()).toBe('Source Context');
      const text = await popup.locator('main').innerText();
      expect(text).toContain('Extension');
      expect(text).toContain(version);
      expect(text).toContain('Dataset');
      expect(text).toContain(dataset().version);
      expect(text).toContain('sends nothing anywhere');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
