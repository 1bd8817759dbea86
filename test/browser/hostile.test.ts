// Hostile, huge and strange pages in real Chromium with the built extension (dist/chrome): 100,000
// elements, 5,000-level nesting, a page that mutates itself for ten seconds, a clock that never
// lets the page go quiet, a single-page app that swaps <body> and rewrites history, the strictest
// CSP, Trusted Types, markup and script-like text inside claimed passages, iframes, text hidden by
// CSS, and a page that poisons its own built-ins. In each: the page keeps working (its own
// script's marker still ticks), the extension works or steps aside quietly, no error reaches the
// console from any world, and every request is local. Where it matters, a Chrome trace measures
// the content script's main-thread time and its longest task. The pages live in
// test/fixtures/pages/hostile/ (see the README there). Needs `npm run build` first.
//
// Reads go through a fresh isolated world of our own (CDP Page.createIsolatedWorld), never the
// page's world: one of these pages poisons its built-ins, and the highlight registry and the DOM
// are shared by all worlds anyway.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import {
  isLocalUrl,
  launchChromium,
  pointInHighlight,
  startServer,
  type ChromiumSession,
  type DemoServer,
} from './harness';

/** The few extension APIs the lookup test calls inside the service worker (no @types/chrome here). */
declare const chrome: {
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: object, options: object): Promise<unknown>;
  };
};

let session: ChromiumSession;
let server: DemoServer;

beforeAll(async () => {
  server = await startServer();
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

// ---- opening pages and watching every world for errors -------------------------------------------

/** An open hostile page, its CDP session, and every error seen in any of its worlds. */
interface Opened {
  path: string;
  page: Page;
  cdp: CDPSession;
  /** Uncaught exceptions (page or extension world), console.error calls, and error log entries. */
  errors: string[];
}

const opened: Opened[] = [];

/** Opens `path` with error traps on every world of the page (the extension's isolated one too). */
async function open(
  path: string,
  options: { waitUntil?: 'load' | 'domcontentloaded'; beforeGoto?: (o: Opened) => Promise<void> } = {},
): Promise<Opened> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const o: Opened = { path, page, cdp, errors: [] };
  opened.push(o);
  const where = (url: string | undefined) => (url ? ` (${url.replace(server.url, '')})` : '');
  cdp.on('Runtime.exceptionThrown', (e) => {
    const d = e.exceptionDetails;
    o.errors.push(`exception: ${d.exception?.description ?? d.text}${where(d.url)}`);
  });
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type === 'error' || e.type === 'assert') {
      o.errors.push(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description ?? '').join(' ')}`);
    }
  });
  cdp.on('Log.entryAdded', ({ entry }) => {
    // Chromium asks every origin for /favicon.ico; the fixture server has none.
    if (entry.level === 'error' && !/favicon\.ico/.test(entry.url ?? '')) {
      o.errors.push(`log (${entry.source}): ${entry.text}${where(entry.url)}`);
    }
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  page.on('pageerror', (e) => o.errors.push(`pageerror: ${e.message}`));
  // Out-of-process frames report here, not to the page's CDP session.
  page.on('console', (m) => {
    const url = m.location().url;
    if (m.type() === 'error' && url && !url.startsWith(server.url + path) && !/favicon\.ico/.test(url)) {
      o.errors.push(`console (${url.replace(server.url, '')}): ${m.text()}`);
    }
  });
  await options.beforeGoto?.(o);
  await page.goto(server.url + path, { waitUntil: options.waitUntil ?? 'load', timeout: 60_000 });
  return o;
}

/** Closes a page and fails the test if anything in any world reported an error. */
async function closeQuietly(o: Opened): Promise<void> {
  await o.page.close();
  expect(o.errors, `errors on ${o.path}`).toEqual([]);
}

/**
 * The CDP session and frame id for the main frame or the iframe named `frameName`. Frames in the
 * page's process are in its frame tree; an out-of-process one (a sandboxed frame, under site
 * isolation) gets a session of its own.
 */
async function frameSession(o: Opened, frameName?: string): Promise<{ cdp: CDPSession; frameId: string }> {
  const { frameTree } = await o.cdp.send('Page.getFrameTree');
  type Tree = typeof frameTree;
  const find = (tree: Tree): string | undefined => {
    if (frameName === undefined || tree.frame.name === frameName) return tree.frame.id;
    for (const child of tree.childFrames ?? []) {
      const found = find(child);
      if (found) return found;
    }
    return undefined;
  };
  const frameId = find(frameTree);
  if (frameId) return { cdp: o.cdp, frameId };
  const frame = o.page.frame({ name: frameName });
  if (!frame) throw new Error(`no frame named ${frameName} on ${o.path}`);
  const cdp = await session.context.newCDPSession(frame);
  const own = await cdp.send('Page.getFrameTree');
  return { cdp, frameId: own.frameTree.frame.id };
}

/**
 * Evaluates `fn(arg)` in a fresh isolated world of our own in the given frame (the main frame, or
 * the iframe with that name), returning its JSON value. Immune to the page's poisoned built-ins.
 */
async function clean<T, A = undefined>(
  o: Opened,
  fn: (arg: A) => T,
  arg?: A,
  frameName?: string,
): Promise<T> {
  const { cdp, frameId } = await frameSession(o, frameName);
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId,
    worldName: 'source-context-hostile-test',
  });
  const result = await cdp.send('Runtime.evaluate', {
    expression: `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`,
    contextId: executionContextId,
    returnByValue: true,
    awaitPromise: true,
  });
  if (result.exceptionDetails) {
    throw new Error(
      `evaluation failed on ${o.path}: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`,
    );
  }
  return result.result.value as T;
}

// ---- reading what the extension drew ---------------------------------------------------------------

/** What the extension drew in one frame, and the page's own markers. */
interface Marks {
  /** Text of every highlighted range per carriage style (fact, attributed, hedged). */
  ranges: string[];
  /** Highlighted ranges whose nodes are no longer in the document (left over from old content). */
  detached: string[];
  /** Elements carrying data-source-context (our host element and fallback layers). */
  ownElements: number;
  /** The page's own marker (assets/alive.js) and its longest stall in ms. */
  alive: number;
  maxGap: number;
  /** Every data-* attribute on <html>, as the pages report through them. */
  attrs: Record<string, string>;
}

/** Reads the highlights, our elements and the page's markers from a frame. */
function marks(o: Opened, frameName?: string): Promise<Marks> {
  return clean(
    o,
    () => {
      const ranges: string[] = [];
      const detached: string[] = [];
      const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
      for (const [name, highlight] of registry ?? []) {
        if (!/^source-context-(fact|attributed|hedged)$/.test(name)) continue;
        for (const r of highlight) {
          const text = r instanceof Range ? r.toString() : '';
          ranges.push(text);
          if (!r.startContainer.isConnected || !r.endContainer.isConnected) detached.push(text);
        }
      }
      const root = document.documentElement;
      const attrs: Record<string, string> = {};
      for (const a of Array.from(root.attributes)) if (a.name.startsWith('data-')) attrs[a.name] = a.value;
      return {
        ranges,
        detached,
        ownElements: document.querySelectorAll('[data-source-context]').length,
        alive: Number(root.getAttribute('data-alive') ?? 0),
        maxGap: Number(root.getAttribute('data-max-gap') ?? 0),
        attrs,
      };
    },
    undefined,
    frameName,
  );
}

/** Polls `marks` until `ok` holds, or throws with the last marks seen after `timeoutMs`. */
async function waitForMarks(
  o: Opened,
  ok: (m: Marks) => boolean,
  what: string,
  timeoutMs = 20_000,
  frameName?: string,
): Promise<Marks> {
  const deadline = Date.now() + timeoutMs;
  let m = await marks(o, frameName);
  while (!ok(m)) {
    if (Date.now() > deadline) {
      throw new Error(
        `${o.path}${frameName ? ` (frame ${frameName})` : ''}: timed out waiting for ${what}; saw ${JSON.stringify({ ...m, attrs: undefined })}`,
      );
    }
    await o.page.waitForTimeout(200);
    m = await marks(o, frameName);
  }
  return m;
}

const has = (m: Marks, needle: string): boolean => m.ranges.some((r) => r.includes(needle));

/** The page's own script must still be running: its marker advances. */
async function expectAlive(o: Opened, frameName?: string): Promise<void> {
  const before = (await marks(o, frameName)).alive;
  await o.page.waitForTimeout(400);
  const after = (await marks(o, frameName)).alive;
  expect(after, `${o.path}: the page's own script stopped`).toBeGreaterThan(before);
}

/** Clicks the first line of the highlighted range that includes `needle` (main frame only). */
async function clickPassage(o: Opened, needle: string): Promise<void> {
  const point = await clean(o, pointInHighlight, needle);
  if (!point) throw new Error(`${o.path}: no highlighted passage containing "${needle}"`);
  await o.page.mouse.click(point.x, point.y);
}

/** Our UI's dialog, found by role (Playwright's own isolated world, so poisoned pages cannot lie). */
const dialog = (o: Opened) => o.page.getByRole('dialog');

/** Opens the card on `needle`, checks it shows a claim, and closes it with Escape. */
async function expectCardOpens(o: Opened, needle: string): Promise<string> {
  await clickPassage(o, needle);
  await expect.poll(() => dialog(o).count(), { timeout: 10_000 }).toBe(1);
  const text = (await dialog(o).textContent()) ?? '';
  expect(text.length).toBeGreaterThan(40);
  await o.page.keyboard.press('Escape');
  await expect.poll(() => dialog(o).count(), { timeout: 10_000 }).toBe(0);
  return text;
}

// ---- measuring the extension's main-thread time -----------------------------------------------------

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string; scriptName?: string; message?: string } };
}

/** Starts recording a Chrome trace; the returned function stops it and returns the events. */
async function startTrace(o: Opened): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  o.cdp.on('Tracing.dataCollected', collect);
  await o.cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute',
    transferMode: 'ReportEvents',
  });
  return async () => {
    const done = new Promise<void>((resolve) => o.cdp.once('Tracing.tracingComplete', () => resolve()));
    await o.cdp.send('Tracing.end');
    await done;
    o.cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/** Top-level slices of our content script (evaluation and every callback into it), in µs. */
function ourSlices(events: TraceEvent[]): { ts: number; dur: number; name: string }[] {
  const ours = `chrome-extension://${session.extensionId}/`;
  const slices = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        ['EvaluateScript', 'FunctionCall', 'v8.callFunction', 'TimerFire', 'FireIdleCallback'].includes(
          e.name,
        ) &&
        !!(e.args?.data?.url?.startsWith(ours) || e.args?.data?.scriptName?.startsWith(ours)),
    )
    .sort((a, b) => a.ts - b.ts);
  const top: { ts: number; dur: number; name: string }[] = [];
  let end = -1;
  for (const s of slices) {
    if (s.ts < end) continue; // nested inside the previous slice
    top.push({ ts: s.ts, dur: s.dur ?? 0, name: s.name });
    end = s.ts + (s.dur ?? 0);
  }
  return top;
}

/** The trace timestamp (µs) of a console.timeStamp(label) the page made. */
function stamp(events: TraceEvent[], label: string): number | undefined {
  return events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === label)?.ts;
}

const sumMs = (slices: { dur: number }[]) => slices.reduce((s, x) => s + x.dur, 0) / 1000;

/** Our longest task, with the style recalculation and layout the browser did inside it (ms). */
function longestTask(events: TraceEvent[], slices: { ts: number; dur: number; name: string }[]) {
  const top = slices.reduce((a, b) => (b.dur > a.dur ? b : a), { ts: 0, dur: 0, name: 'none' });
  const inside = (name: string) =>
    events
      .filter(
        (e) => e.ph === 'X' && e.name === name && e.ts >= top.ts && e.ts + (e.dur ?? 0) <= top.ts + top.dur,
      )
      .reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  const at = (top.ts - (slices[0]?.ts ?? top.ts)) / 1000;
  const ms = top.dur / 1000;
  const style = inside('UpdateLayoutTree');
  const layout = inside('Layout');
  return {
    ms,
    describe: `${ms.toFixed(1)} ms (${top.name} at +${at.toFixed(0)} ms; style recalc ${style.toFixed(0)} ms, layout ${layout.toFixed(0)} ms inside)`,
  };
}

// ---- the pages -----------------------------------------------------------------------------------

const WEAPONIZED = 'weaponized her vehicle';
const DEMANDING = 'demanding ICE leave the city and state immediately';

/**
 * A task of ours longer than this is a freeze a reader would feel. Deliberately far above the
 * 50 ms long-task line: CI shares 2 cores with other tests, and timed unit tests must not flake.
 */
const FREEZE_MS = 250;

describe('the error trap', () => {
  it('hears errors from the page world and from isolated worlds (so "no errors" means something)', async () => {
    const o = await open('/pages/hostile/csp.html');
    await o.page.evaluate(() => setTimeout(() => console.error('probe: page console')));
    await o.cdp.send('Runtime.evaluate', {
      expression: 'setTimeout(() => { throw new Error("probe: page world") })',
    });
    const { executionContextId } = await o.cdp.send('Page.createIsolatedWorld', {
      frameId: (await o.cdp.send('Page.getFrameTree')).frameTree.frame.id,
      worldName: 'probe-world',
    });
    await o.cdp.send('Runtime.evaluate', {
      expression: 'setTimeout(() => { throw new Error("probe: isolated world") })',
      contextId: executionContextId,
    });
    await expect.poll(() => o.errors.join('\n')).toContain('probe: isolated world');
    expect(o.errors.join('\n')).toContain('probe: page world');
    expect(o.errors.join('\n')).toContain('probe: page console');
    await o.page.close();
  });
});

describe('huge pages', () => {
  it(
    '100,000 elements: the article is highlighted and the page keeps running',
    { timeout: 90_000 },
    async () => {
      let stopTrace: (() => Promise<TraceEvent[]>) | undefined;
      const o = await open('/pages/hostile/many-elements.html', {
        beforeGoto: async (x) => {
          stopTrace = await startTrace(x);
        },
      });
      let m: Marks;
      let events: TraceEvent[];
      // The trace stops even when a wait fails: a trace left running fails the next test's.
      try {
        const start = await marks(o);
        expect(Number(start.attrs['data-elements'])).toBeGreaterThanOrEqual(100_000);
        m = await waitForMarks(
          o,
          (x) => has(x, WEAPONIZED) && has(x, DEMANDING),
          'both quotes to be highlighted',
          30_000,
        );
        await o.page.waitForTimeout(1_000);
      } finally {
        events = await stopTrace!();
      }
      const slices = ourSlices(events);
      // Nothing from the 100,000-element price list is a claim.
      expect(m.ranges.filter((r) => /Item \d+/.test(r))).toEqual([]);
      await expectAlive(o);
      await expectCardOpens(o, WEAPONIZED);
      const longest = longestTask(events, slices);
      console.info(
        `many-elements: our main-thread time ${sumMs(slices).toFixed(0)} ms in ${slices.length} tasks, ` +
          `longest ${longest.describe}; longest page stall ${(await marks(o)).maxGap} ms`,
      );
      await closeQuietly(o);
      // Work runs in slices. Timed assertions flake on a shared machine, so this only catches a
      // freeze; the 50 ms long-task figures are measured and printed by `npm run bench:browser`.
      expect(longest.ms, `longest task of the content script: ${longest.describe}`).toBeLessThan(FREEZE_MS);
    },
  );

  it(
    '100,000 elements on a CPU three times slower: the first read is not cut short',
    { timeout: 120_000 },
    async () => {
      // The first read of this page (100,000 elements to walk) takes over a second of our time
      // on this machine; on a slower one it used to exceed the watchdog's 1.5 s and stop with
      // nothing highlighted. It now has a budget of its own (`firstReadBudgetMs`).
      const o = await open('/pages/hostile/many-elements.html', {
        beforeGoto: async (x) => {
          await x.cdp.send('Emulation.setCPUThrottlingRate', { rate: 3 });
        },
      });
      try {
        await waitForMarks(
          o,
          (x) => has(x, WEAPONIZED) && has(x, DEMANDING),
          'both quotes to be highlighted',
          60_000,
        );
      } finally {
        await o.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      }
      await expectAlive(o);
      await closeQuietly(o);
    },
  );

  it(
    'a 5,000-level nested DOM: no stack overflow, the top and the deepest paragraph are read',
    { timeout: 90_000 },
    async () => {
      const o = await open('/pages/hostile/deep-nesting.html');
      expect(Number((await marks(o)).attrs['data-depth'])).toBeGreaterThan(5_000);
      const m = await waitForMarks(
        o,
        (x) => has(x, WEAPONIZED),
        'the top paragraph to be highlighted',
        30_000,
      );
      // The deepest paragraph is visible text too: it must be read, not lost to recursion limits.
      await waitForMarks(
        o,
        (x) => has(x, DEMANDING),
        'the deepest paragraph to be highlighted',
        10_000,
      ).catch((error) => {
        throw new Error(`${String(error)}\nranges: ${JSON.stringify(m.ranges)}`);
      });
      await expectAlive(o);
      await expectCardOpens(o, WEAPONIZED);
      await closeQuietly(o);
    },
  );
});

describe('a page that never stops changing', () => {
  it(
    'mutating every 4 ms for 10 s: our CPU stays bounded, and we settle once it stops',
    { timeout: 90_000 },
    async () => {
      // Trace from before navigation, so the content script's first evaluation is included.
      let stopTrace: (() => Promise<TraceEvent[]>) | undefined;
      const o = await open('/pages/hostile/mutating.html', {
        waitUntil: 'domcontentloaded',
        beforeGoto: async (x) => {
          stopTrace = await startTrace(x);
        },
      });
      let events: TraceEvent[];
      try {
        await o.page.waitForFunction(
          () => document.documentElement.hasAttribute('data-mutations-done'),
          undefined,
          {
            timeout: 30_000,
            polling: 250,
          },
        );
        await o.page.waitForTimeout(4_000); // the debounce, the last slices, then quiet
      } finally {
        events = await stopTrace!();
      }
      const slices = ourSlices(events);
      const done = stamp(events, 'hostile:mutations-done');
      expect(done, 'the page marks the end of its mutations in the trace').toBeDefined();
      const total = sumMs(slices);
      const settleFrom = done! + 1_500_000; // 1.5 s after the last mutation
      const afterSettle = sumMs(slices.filter((s) => s.ts >= settleFrom));
      const longest = longestTask(events, slices);
      const m = await marks(o);
      console.info(
        `mutating: ${m.attrs['data-mutations-done']} page mutations; our main-thread time ${total.toFixed(0)} ms in ` +
          `${slices.length} tasks, longest ${longest.describe}; ` +
          `${afterSettle.toFixed(1)} ms after settling; ` +
          `longest page stall ${m.maxGap} ms; ${m.ranges.length} ranges highlighted`,
      );
      // Bounded: the watchdog's budget (1.5 s of scanning per 10 s) plus the observer's bookkeeping.
      expect(total, 'our main-thread time over the whole page visit').toBeLessThan(4_500);
      // Settled: once the page is quiet, only the 1 s address poll may run (a few µs each).
      expect(afterSettle, 'our main-thread time after the page went quiet').toBeLessThan(50);
      // The page got its work done: it was not starved by ours.
      expect(Number(m.attrs['data-mutations-done'])).toBeGreaterThan(500);
      expect(m.maxGap, 'longest stall of the page’s own timer').toBeLessThan(1_000);
      // Works or steps aside: whatever is highlighted is the article's, and still in the page.
      expect(m.detached).toEqual([]);
      for (const r of m.ranges) expect(r).not.toMatch(/Update \d+|Viewers/);
      await expectAlive(o);
      await closeQuietly(o);
      // No freeze under fire either (see FREEZE_MS; bench:browser prints the real figures).
      expect(longest.ms, `longest task of the content script: ${longest.describe}`).toBeLessThan(FREEZE_MS);
    },
  );
});

describe('a page that changes faster than the debounce, forever', () => {
  it(
    'a clock ticking every 100 ms does not stop a new entry from being highlighted',
    { timeout: 60_000 },
    async () => {
      const o = await open('/pages/hostile/ticking.html');
      await waitForMarks(o, (x) => has(x, WEAPONIZED), 'the first entry');
      await waitForMarks(o, (x) => x.attrs['data-posted'] === 'yes', 'the page to post its entry', 10_000);
      // The clock never lets the page go quiet for the 400 ms debounce: a rescan must still come.
      await waitForMarks(o, (x) => has(x, DEMANDING), 'the entry posted while the clock ticks', 15_000);
      await expectAlive(o);
      await closeQuietly(o);
    },
  );
});

describe('a single-page app', () => {
  it(
    'replaces document.body and rewrites history: we follow to the new article and back',
    { timeout: 90_000 },
    async () => {
      const o = await open('/pages/hostile/spa.html');
      const first = await waitForMarks(o, (x) => has(x, WEAPONIZED), 'the first article to be highlighted');
      expect(first.ownElements).toBe(1);

      // Same address, brand-new <body>: the new body's passages are found, the old ones dropped.
      await o.page.evaluate(() => (window as unknown as { __spa: { rerender(): void } }).__spa.rerender());
      await waitForMarks(o, (x) => x.attrs['data-renders'] === '2', 'the page to render again', 5_000);
      const rerendered = await waitForMarks(
        o,
        (x) => has(x, WEAPONIZED) && x.detached.length === 0,
        'highlights on the new <body> only (none left on the detached one)',
      );
      expect(rerendered.ownElements).toBe(1);

      // pushState to an unrelated article: nothing of ours remains.
      await o.page.evaluate(() =>
        (window as unknown as { __spa: { go(n: string): void } }).__spa.go('garden'),
      );
      const garden = await waitForMarks(
        o,
        (x) => x.ranges.length === 0 && x.ownElements === 0,
        'a clean page after pushState',
      );
      expect(garden.attrs['data-article']).toBe('garden');

      // pushState to another incident article: its passages are found.
      await o.page.evaluate(() =>
        (window as unknown as { __spa: { go(n: string): void } }).__spa.go('followup'),
      );
      await waitForMarks(
        o,
        (x) => has(x, DEMANDING) && !has(x, WEAPONIZED) && x.detached.length === 0,
        'the follow-up article',
      );

      // Back twice (popstate): the garden page is clean again, then the first article is found again.
      await o.page.goBack();
      await waitForMarks(
        o,
        (x) => x.attrs['data-article'] === 'garden' && x.ranges.length === 0 && x.ownElements === 0,
        'back to the garden',
      );
      await o.page.goBack();
      const back = await waitForMarks(
        o,
        (x) => has(x, WEAPONIZED) && x.detached.length === 0,
        'back to the first article',
      );
      expect(back.ownElements).toBe(1);
      await expectAlive(o);
      await expectCardOpens(o, WEAPONIZED);
      await closeQuietly(o);
    },
  );
});

describe('locked-down pages', () => {
  it(
    'the strictest CSP (default-src none): highlights and a styled card, no violation',
    { timeout: 60_000 },
    async () => {
      const o = await open('/pages/hostile/csp.html');
      await waitForMarks(o, (x) => has(x, WEAPONIZED) && has(x, DEMANDING), 'both quotes to be highlighted');
      await clickPassage(o, WEAPONIZED);
      await expect.poll(() => dialog(o).count()).toBe(1);
      const style = await dialog(o).evaluate((el) => ({
        bg: getComputedStyle(el).backgroundColor,
        width: el.getBoundingClientRect().width,
      }));
      expect(style.bg).not.toBe('rgba(0, 0, 0, 0)'); // our constructed stylesheet applied
      expect(style.width).toBeGreaterThan(300);
      await o.page.keyboard.press('Escape');
      const m = await marks(o);
      expect(m.attrs['data-violations'], 'CSP violations').toBeUndefined();
      await expectAlive(o);
      await closeQuietly(o);
    },
  );

  it(
    'Trusted Types enforced: highlights and the card work without a single violation',
    { timeout: 60_000 },
    async () => {
      const o = await open('/pages/hostile/trusted-types.html');
      const m0 = await marks(o);
      expect(m0.attrs['data-trusted-types'], 'the page really enforces Trusted Types').toBe('enforced');
      await waitForMarks(o, (x) => has(x, WEAPONIZED) && has(x, DEMANDING), 'both quotes to be highlighted');
      const card = await expectCardOpens(o, DEMANDING);
      expect(card).toMatch(/Frey/);
      const m = await marks(o);
      // Only the page's own probe (assets/trusted-types.js) may have been refused.
      console.info(`trusted-types: violations seen: ${m.attrs['data-violations'] ?? 'none'}`);
      const violations = (m.attrs['data-violations'] ?? '')
        .split(' | ')
        .filter((v) => v && !v.includes('probe'));
      expect(violations, 'Trusted Types violations').toEqual([]);
      await expectAlive(o);
      // The page's own probe was refused, as it should be; anything else is an error.
      o.errors = o.errors.filter((e) => !e.includes('/pages/hostile/assets/trusted-types.js'));
      await closeQuietly(o);
    },
  );
});

describe('markup and script-like text inside claimed passages', () => {
  /** Our UI's elements that the page's text described, and any attribute that is a handler or script URL. */
  const inspectUi = (o: Opened) =>
    clean(o, () => {
      const root = document.querySelector('[data-source-context="ui"]')?.shadowRoot;
      if (!root) return null;
      const all = Array.from(root.querySelectorAll('*'));
      return {
        tags: all
          .map((el) => el.localName)
          .filter((t) => ['img', 'script', 'iframe', 'object', 'embed', 'b'].includes(t)),
        handlers: all.flatMap((el) =>
          Array.from(el.attributes)
            .filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value))
            .map((a) => `${el.localName} ${a.name}="${a.value}"`),
        ),
        text: root.textContent ?? '',
      };
    });

  it('is shown as text in our card and the lookup card, and never runs', { timeout: 60_000 }, async () => {
    const o = await open('/pages/hostile/markup-in-quotes.html');
    const m = await waitForMarks(
      o,
      (x) => has(x, 'weaponized her vehicle') && has(x, 'demanding ICE'),
      'the quotes',
    );
    // The markup inside Frey's quote is part of the highlighted passage, as text.
    expect(m.ranges.join(' | ')).toContain('We are demanding ICE <svg onload=alert(1)> leave the city');

    // The card compares the page's quote word by word: the markup shows up there, as text.
    await clickPassage(o, 'demanding ICE');
    await expect.poll(() => dialog(o).count()).toBe(1);
    let ui = await inspectUi(o);
    expect(ui).not.toBeNull();
    expect(ui!.text).toContain('svg onload=alert(1');
    expect(ui!.handlers).toEqual([]);
    expect(ui!.tags).toEqual([]);
    await o.page.keyboard.press('Escape');
    await expect.poll(() => dialog(o).count()).toBe(0);

    // The right-click lookup path, on a selection full of markup (sent as the service worker would).
    await o.page.bringToFront();
    await clean(o, () => getSelection()?.selectAllChildren(document.getElementById('q1')!));
    const reply = (await session.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.tabs.sendMessage(tab!.id!, { type: 'lookup-selection' }, { frameId: 0 });
    })) as { ok?: boolean; value?: { text?: string } };
    expect(reply.ok).toBe(true);
    expect(reply.value?.text).toContain('<img src=x onerror=');
    await expect.poll(() => dialog(o).count()).toBe(1);
    ui = await inspectUi(o);
    expect(ui!.handlers).toEqual([]);
    expect(ui!.tags).toEqual([]);
    await o.page.keyboard.press('Escape');

    // Hovering over the passages does not run anything either.
    await clean(o, () => getSelection()?.removeAllRanges());
    await o.page.hover('#q3');
    await o.page.hover('#q1');
    await o.page.waitForTimeout(300);
    const flags = await o.page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      attr: document.documentElement.getAttribute('data-pwned'),
    }));
    expect(flags).toEqual({ pwned: undefined, attr: null });
    // The <img src=x> in the text was never fetched.
    expect(session.requests.filter((url) => /\/pages\/hostile\/x$/.test(url))).toEqual([]);
    await expectAlive(o);
    await closeQuietly(o);
  });
});

describe('frames', () => {
  it(
    'highlights the top frame and same-origin, sandboxed and srcdoc iframes that hold article text',
    { timeout: 60_000 },
    async () => {
      const o = await open('/pages/hostile/iframes.html');
      await waitForMarks(o, (x) => has(x, WEAPONIZED), 'the top frame');
      await waitForMarks(o, (x) => has(x, DEMANDING), 'the same-origin iframe', 20_000, 'same-origin');
      await clickPassage(o, WEAPONIZED);
      await expect.poll(() => dialog(o).count()).toBe(1);
      await o.page.keyboard.press('Escape');
      // A sandboxed frame (opaque origin, its own process) is read like any other frame.
      await waitForMarks(o, (x) => has(x, DEMANDING), 'the sandboxed iframe', 20_000, 'sandboxed');
      // An about:srcdoc frame is same-origin article text too (the manifest's match_about_blank).
      await waitForMarks(o, (x) => has(x, DEMANDING), 'the srcdoc iframe', 20_000, 'srcdoc');
      await expectAlive(o);
      await expectAlive(o, 'same-origin');
      await expectAlive(o, 'sandboxed');
      await closeQuietly(o);
    },
  );

  it('steps aside in a frame too small to read (1×1 pixels)', { timeout: 60_000 }, async () => {
    const o = await open('/pages/hostile/iframes.html');
    await waitForMarks(o, (x) => has(x, DEMANDING), 'the same-origin iframe', 20_000, 'same-origin');
    await o.page.waitForTimeout(1_000);
    const tiny = await marks(o, 'tiny');
    // An invisible frame (ad slots, trackers, prefetch frames) gets no highlight and no indicator.
    expect(
      { ranges: tiny.ranges.length, ownElements: tiny.ownElements },
      'our work inside a 1×1 frame',
    ).toEqual({
      ranges: 0,
      ownElements: 0,
    });
    await closeQuietly(o);
  });
});

describe('text hidden with CSS and ARIA', () => {
  const hidden: [string, string][] = [
    ['display-none', 'rock solid'],
    ['visibility-hidden', 'causing chaos'],
    ['aria-hidden', 'used his training'],
    ['sr-only', 'full recoveries'],
    ['clip-path', 'struck by gunfire'],
    ['hidden-attribute', '1,300%'],
    ['content-visibility', 'domestic terrorism'],
    ['closed-details', 'demanding ICE leave'],
  ];

  it(
    'is never highlighted; a passage revealed later is; revealing all proves they are claims',
    { timeout: 90_000 },
    async () => {
      const o = await open('/pages/hostile/hidden-text.html');
      await waitForMarks(o, (x) => has(x, WEAPONIZED), 'the visible quote');
      await o.page.waitForTimeout(1_000); // let any late slice land
      let m = await marks(o);
      for (const [id, needle] of [...hidden, ['revealed', 'I am aware of a shooting'] as [string, string]]) {
        expect(has(m, needle), `hidden #${id} was highlighted`).toBe(false);
      }
      // Revealed later: highlighted then.
      const reveal = (id: string) =>
        o.page.evaluate((i) => (window as unknown as { __reveal(id: string): void }).__reveal(i), id);
      await reveal('revealed');
      m = await waitForMarks(o, (x) => has(x, 'aware of a shooting'), 'the revealed passage');
      // Control: once shown, every formerly hidden passage is a claim we highlight, so the
      // assertions above were not vacuous.
      for (const [id] of hidden) await reveal(id);
      m = await waitForMarks(
        o,
        (x) => hidden.every(([, needle]) => has(x, needle)),
        'every revealed passage',
        20_000,
      ).catch(async (error) => {
        const seen = await marks(o);
        const missing = hidden.filter(([, needle]) => !has(seen, needle)).map(([id]) => id);
        throw new Error(
          `${String(error).slice(0, 200)}\nnot highlighted once revealed: ${missing.join(', ')}`,
        );
      });
      await expectAlive(o);
      await closeQuietly(o);
    },
  );
});

describe('a page that poisons its own built-ins', () => {
  it(
    'leaves our isolated world unaffected: highlights, card and keyboard all work',
    { timeout: 60_000 },
    async () => {
      const o = await open('/pages/hostile/overrides.html');
      const m0 = await marks(o);
      expect(m0.attrs['data-poisoned'], 'the page poisoned its world').toBe('yes');
      const m = await waitForMarks(o, (x) => has(x, WEAPONIZED) && has(x, DEMANDING), 'both quotes');
      expect(m.ownElements).toBe(1);
      // The page took our host's custom element name with shadow roots disabled: the UI moved to
      // its fallback host, a plain <div> with an open shadow root.
      const host = await clean(o, () => {
        const el = document.querySelector('[data-source-context="ui"]');
        return el ? { tag: el.localName, shadow: el.shadowRoot !== null } : null;
      });
      expect(host).toEqual({ tag: 'div', shadow: true });
      await expectCardOpens(o, WEAPONIZED);
      // Keyboard path too: next passage opens the card.
      await o.page.keyboard.press('Alt+Shift+ArrowDown');
      await expect.poll(() => dialog(o).count()).toBe(1);
      await o.page.keyboard.press('Escape');
      await expect.poll(() => dialog(o).count()).toBe(0);
      // Nothing of ours ever called the page's poisoned functions.
      expect((await marks(o)).attrs['data-poison-calls']).toBeUndefined();
      await expectAlive(o);
      await closeQuietly(o);
    },
  );
});

describe('privacy', () => {
  it('every request made on every hostile page was local', () => {
    expect(opened.length).toBeGreaterThan(5);
    expect(session.requests.filter((url) => !isLocalUrl(url))).toEqual([]);
  });
});
