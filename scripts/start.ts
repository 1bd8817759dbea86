// `npm start`: build the extension, serve the demo pages from 127.0.0.1, and open Chromium with
// the extension loaded. With a display it opens a real window and waits (Ctrl-C to stop).
// Without one (or with --headless, or in CI) it visits the demo pages itself, saves screenshots
// and a JSON summary into demo-output/, and prints where they are.
//
//   npm start                 build, then headed if there is a display, else headless
//   npm start -- --headless   always headless (screenshots + summary)
//   npm start -- --no-build   reuse dist/ as it is

import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { buildExtension } from './lib/build';
import { ROOT } from './lib/paths';
import { startServer, type DemoServer } from './demo/server';
import {
  clickHighlight,
  countRanges,
  launchChromium,
  readMarks,
  tabIdFor,
  waitForMarks,
  type ChromiumSession,
} from './demo/browser';

const OUT = join(ROOT, 'demo-output');
const AP_SEED = '/seed/004_17734199b23d2403.html';
const WJ_SEED = '/seed/000_0db36e5d1cd6cab9.html';

/** The demo pages, in the order the headed window opens them. */
const PAGES = [
  { name: 'ap-seed', path: AP_SEED, about: 'The AP seed article, laid out as a news page' },
  { name: 'wj-seed', path: WJ_SEED, about: 'The Western Journal seed article, laid out as a news page' },
  {
    name: 'mixed',
    path: '/pages/mixed.html',
    about: 'Attributed, hedged and unattributed versions of the claims',
  },
  {
    name: 'live-blog',
    path: '/pages/live-blog.html',
    about: 'A dark live blog that appends entries after load',
  },
  { name: 'unrelated', path: '/pages/unrelated.html', about: 'An unrelated page: nothing should happen' },
];

interface Options {
  headless: boolean;
  build: boolean;
  port: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    headless: !!process.env.CI || !process.env.DISPLAY,
    build: true,
    port: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--headless') options.headless = true;
    else if (arg === '--headed') options.headless = false;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm start [-- --headless | --headed] [--no-build] [--port N]');
      process.exit(0);
    } else {
      console.error(`npm start: unknown option ${arg} (try --help)`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    console.error('npm start: --port needs a number from 0 to 65535');
    process.exit(2);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.build) await buildExtension({ log: (line: string) => console.log(line) });
  const server = await startServer(options.port);
  console.log(`Demo pages: ${server.url}/`);
  try {
    if (options.headless) await headless(server);
    else await headed(server);
  } finally {
    await server.close();
  }
}

async function headed(server: DemoServer): Promise<void> {
  const session = await launchChromium({ headless: false });
  const [first] = session.context.pages();
  const start = first ?? (await session.context.newPage());
  await start.goto(`${server.url}/`);
  for (const page of PAGES) {
    const tab = await session.context.newPage();
    await tab.goto(server.url + page.path);
  }
  console.log('Chromium is open with Source Context loaded. Close the window or press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    session.context.on('close', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  await session.close().catch(() => undefined);
}

interface PageReport {
  name: string;
  url: string;
  about: string;
  highlightedPassages: number;
  byStyle: Record<string, number>;
  passages: string[];
  ownElements: number;
  pageErrors: string[];
}

async function headless(server: DemoServer): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const session = await launchChromium({ headless: true });
  const shots: string[] = [];
  const reports: PageReport[] = [];
  const shoot = async (page: Page, name: string, fullPage = false) => {
    const file = join(OUT, `${name}.png`);
    await page.screenshot({ path: file, fullPage });
    shots.push(relative(ROOT, file));
  };
  try {
    for (const spec of PAGES) {
      const page = await session.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url + spec.path);
      if (spec.name === 'unrelated') await page.waitForTimeout(1500);
      else if (spec.name === 'live-blog') {
        // The live blog adds three entries to its two over the first few seconds, each above the
        // last: wait for all of them, so the page no longer moves under the click on a highlight.
        await page.waitForFunction(() => document.querySelectorAll('#feed .entry').length >= 5, undefined, {
          timeout: 15_000,
        });
        await waitForMarks(page, 5, 15_000);
      } else await waitForMarks(page, 1, 15_000);
      await page.waitForTimeout(300);
      const marks = await readMarks(page);
      reports.push({
        name: spec.name,
        url: server.url + spec.path,
        about: spec.about,
        highlightedPassages: countRanges(marks),
        byStyle: Object.fromEntries(
          Object.entries(marks.highlights)
            .filter(([name]) => /(fact|attributed|hedged)$/.test(name))
            .map(([name, texts]) => [name.replace('source-context-', ''), texts.length]),
        ),
        passages: ['fact', 'attributed', 'hedged'].flatMap(
          (s) => marks.highlights[`source-context-${s}`] ?? [],
        ),
        ownElements: marks.ownElements,
        pageErrors: errors,
      });
      await shoot(page, `page-${spec.name}`);
      if (spec.name === 'ap-seed') {
        await clickHighlight(page, 'allegedly tried to run over');
        await page.waitForSelector('[role="dialog"]');
        await page.waitForTimeout(300);
        await shoot(page, 'card-open');
        await page.keyboard.press('Escape');
        await page
          .getByRole('button', { name: /Source Context/ })
          .first()
          .click();
        await page.waitForTimeout(300);
        await shoot(page, 'indicator-open');
        await openPopup(session, page, shoot);
      }
      if (spec.name === 'live-blog') {
        await clickHighlight(page, 'demanding ICE');
        await page.waitForSelector('[role="dialog"]');
        await page.waitForTimeout(300);
        await shoot(page, 'card-dark-page');
      }
      if (spec.name !== 'ap-seed') await page.close();
    }
  } finally {
    await session.close();
  }
  const summary = {
    generatedAt: new Date().toISOString(),
    server: server.url,
    pages: reports,
    screenshots: shots,
  };
  const summaryFile = join(OUT, 'summary.json');
  await writeFile(summaryFile, JSON.stringify(summary, null, 2) + '\n');
  console.log('\nSource Context demo (headless):');
  for (const r of reports) {
    console.log(
      `  ${r.name.padEnd(10)} ${String(r.highlightedPassages).padStart(3)} highlighted passages, ${r.ownElements} element(s) of ours`,
    );
  }
  console.log(
    `\nScreenshots:\n${shots.map((s) => `  ${s}`).join('\n')}\nSummary: ${relative(ROOT, summaryFile)}`,
  );
  const unrelated = reports.find((r) => r.name === 'unrelated');
  if (unrelated && (unrelated.highlightedPassages > 0 || unrelated.ownElements > 0)) {
    throw new Error('The unrelated demo page got highlights or elements from Source Context');
  }
}

/** Opens the popup for the tab showing `page`, as a page of its own, and screenshots it. */
async function openPopup(
  session: ChromiumSession,
  page: Page,
  shoot: (page: Page, name: string, fullPage?: boolean) => Promise<void>,
): Promise<void> {
  const tabId = await tabIdFor(session, page.url()).catch(() => null);
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 420, height: 760 });
  await popup.goto(
    `chrome-extension://${session.extensionId}/popup.html${tabId !== null ? `?tab=${tabId}` : ''}`,
  );
  await popup.waitForTimeout(800);
  await shoot(popup, 'popup');
  await popup.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
