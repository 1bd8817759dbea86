// `npm run bench:browser`: the content script's cost in real Chromium. For an unrelated 1 MB page
// and a 100 KB incident page it records a Chrome trace of the page load and sums the main-thread
// time spent in our content script (script evaluation, timers, observers), finds its longest
// task, and prints both next to the page's own load time. `--json` prints one JSON object.
// Needs `npm run build` first.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, countRanges, readMarks } from './demo/browser';
import { ROOT } from './lib/paths';
import { median } from './lib/stats';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  ts: number;
  args?: { data?: { url?: string; scriptName?: string; functionName?: string } };
}

interface Measure {
  page: string;
  sizeKB: number;
  pageLoadMs: number;
  contentScriptMs: number;
  longestTaskMs: number;
  tasks: number;
  highlighted: number;
  ownElements: number;
}

const RUNS = 5;

/** A deterministic PRNG so every run builds the same pages. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const UNRELATED = [
  'The city council approved a new budget for road repairs after a long debate on Tuesday night.',
  'Home gardeners should plant garlic in the fall, a few weeks before the ground freezes.',
  'The team scored twice in the third period to win the hockey game on home ice.',
  'Researchers said the new battery design could store twice as much energy as older cells.',
  'A winter storm is expected to bring heavy snow and freezing rain across the region.',
  'The museum will open a new exhibit of early photography next month.',
  'Local restaurants reported strong sales during the holiday season despite rising costs.',
  'The school board voted to extend the library hours for students preparing for exams.',
];

function paragraphs(targetBytes: number, pool: string[], seed: number): string {
  const rand = prng(seed);
  const out: string[] = [];
  let size = 0;
  while (size < targetBytes) {
    const n = 3 + Math.floor(rand() * 4);
    const p = Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)]!).join(' ');
    out.push(`<p>${p}</p>`);
    size += p.length + 7;
  }
  return out.join('\n');
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:720px;margin:24px auto;padding:0 16px}</style></head>
<body><h1>${title}</h1><article>${body}</article></body></html>`;
}

function buildPages(): Record<string, string> {
  const seed = readFileSync(join(ROOT, 'seeds/articles/004_17734199b23d2403.txt'), 'utf8');
  const seedParas = seed
    .split(/\n+/)
    .filter(Boolean)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  return {
    'unrelated-1mb': page('Around the region', paragraphs(1_000_000, UNRELATED, 1)),
    'incident-100kb': page(
      'Shooting in Minneapolis',
      seedParas + '\n' + paragraphs(100_000 - seedParas.length, UNRELATED, 2),
    ),
  };
}

async function trace(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute',
    transferMode: 'ReportEvents',
  });
  await run();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

async function measure(
  pageObj: Page,
  url: string,
  extensionId: string,
  name: string,
  size: number,
): Promise<Measure> {
  const cdp = await pageObj.context().newCDPSession(pageObj);
  const events = await trace(cdp, async () => {
    await pageObj.goto(url, { waitUntil: 'load' });
    await pageObj.waitForTimeout(1500); // document_idle, then our slices
  });
  await cdp.detach();
  const ours = `chrome-extension://${extensionId}/`;
  const isOurs = (e: TraceEvent) => {
    const data = e.args?.data;
    return !!(data?.url?.startsWith(ours) || data?.scriptName?.startsWith(ours));
  };
  // Top-level slices of our script: evaluation of content.js and every callback into it.
  const slices = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        (e.name === 'EvaluateScript' ||
          e.name === 'FunctionCall' ||
          e.name === 'v8.callFunction' ||
          e.name === 'TimerFire' ||
          e.name === 'FireIdleCallback') &&
        isOurs(e),
    )
    .sort((a, b) => a.ts - b.ts);
  // Drop slices nested inside an earlier one (a FunctionCall inside a TimerFire).
  const top: TraceEvent[] = [];
  let end = -1;
  for (const s of slices) {
    if (s.ts < end) continue;
    top.push(s);
    end = s.ts + (s.dur ?? 0);
  }
  const ms = (us: number) => us / 1000;
  const pageLoadMs = await pageObj.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav ? nav.loadEventEnd - nav.startTime : NaN;
  });
  const marks = await readMarks(pageObj);
  return {
    page: name,
    sizeKB: Math.round(size / 1024),
    pageLoadMs,
    contentScriptMs: ms(top.reduce((sum, e) => sum + (e.dur ?? 0), 0)),
    longestTaskMs: ms(Math.max(0, ...top.map((e) => e.dur ?? 0))),
    tasks: top.length,
    highlighted: countRanges(marks),
    ownElements: marks.ownElements,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const extAt = argv.indexOf('--ext'); // another build folder (default dist/chrome)
  const extDir = extAt >= 0 ? argv[extAt + 1] : undefined;
  const pages = buildPages();
  const server = createServer((req, res) => {
    const name = (req.url ?? '').replace(/^\/|\.html$/g, '');
    const body = pages[name];
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const session = await launchChromium(extDir ? { extDir } : {});
  const results: Record<string, Measure> = {};
  try {
    for (const [name, html] of Object.entries(pages)) {
      const runs: Measure[] = [];
      for (let i = 0; i < RUNS; i++) {
        const p = await session.context.newPage();
        runs.push(await measure(p, `${base}/${name}.html`, session.extensionId, name, html.length));
        await p.close();
      }
      const pick = (k: keyof Measure) => median(runs.map((r) => r[k] as number));
      results[name] = {
        ...runs[0]!,
        pageLoadMs: pick('pageLoadMs'),
        contentScriptMs: pick('contentScriptMs'),
        longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
        tasks: pick('tasks'),
      };
    }
  } finally {
    await session.close();
    server.close();
  }
  const unrelated = results['unrelated-1mb']!;
  const incident = results['incident-100kb']!;
  const report = {
    runs: RUNS,
    chromium: session.context.browser()?.version() ?? 'system chromium',
    pages: results,
    targets: {
      unrelatedNoLongTask: unrelated.longestTaskMs <= 50,
      unrelatedNoElements: unrelated.ownElements === 0,
      incidentNoLongTask: incident.longestTaskMs <= 50,
    },
  };
  if (json) {
    console.log(JSON.stringify(report));
    return;
  }
  console.log(
    `Content script cost in Chromium (median of ${RUNS} loads; longest task = worst over all runs)\n`,
  );
  console.log(
    'page              size    page load   content script   longest task   tasks   highlighted   our elements',
  );
  for (const r of Object.values(results)) {
    console.log(
      `${r.page.padEnd(16)} ${`${r.sizeKB} KB`.padStart(7)} ${`${r.pageLoadMs.toFixed(0)} ms`.padStart(11)} ${`${r.contentScriptMs.toFixed(1)} ms`.padStart(16)} ${`${r.longestTaskMs.toFixed(1)} ms`.padStart(14)} ${String(r.tasks).padStart(7)} ${String(r.highlighted).padStart(13)} ${String(r.ownElements).padStart(14)}`,
    );
  }
  console.log('');
  for (const [k, ok] of Object.entries(report.targets)) console.log(`${ok ? 'PASS' : 'FAIL'}  ${k}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
