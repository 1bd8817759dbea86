// Drives the system Chromium (playwright-core) with the built extension loaded, against pages
// served from 127.0.0.1, for `npm start` and the browser tests. Nothing here reaches the
// internet: every request the browser makes is recorded so tests can assert the extension sent none.

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The builds under test; SC_CHROME_DIR / SC_FIREFOX_DIR point the tests at another build. */
export const CHROME_DIR = process.env.SC_CHROME_DIR ?? resolve(ROOT, 'dist/chrome');
export const FIREFOX_DIR = process.env.SC_FIREFOX_DIR ?? resolve(ROOT, 'dist/firefox');

/** Where the browsers are; override with CHROMIUM_PATH / FIREFOX_PATH on other machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Fails loudly (never skips silently) when a prerequisite of the browser tests is missing. */
export function requirePrerequisites(browserPath: string, extDir: string): void {
  if (!existsSync(browserPath)) {
    throw new Error(
      `Browser not found at ${browserPath}. On Debian: apt-get install -y chromium firefox-esr; ` +
        'elsewhere set CHROMIUM_PATH / FIREFOX_PATH to a Chromium or Firefox binary.',
    );
  }
  if (!existsSync(resolve(extDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extDir}: run \`npm run build\` first.`);
  }
}

/** A Chromium with the extension loaded, its id, and every request seen. */
export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every request URL any page, frame or the extension made, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** The flags that keep Chromium quiet on a machine with no internet. */
export const CHROMIUM_QUIET_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

/** Launches Chromium headless (unless `headless: false`) with dist/chrome loaded. */
export async function launchChromium(
  options: { headless?: boolean; extDir?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<ChromiumSession> {
  const extDir = options.extDir ?? CHROME_DIR;
  requirePrerequisites(CHROMIUM_PATH, extDir);
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...CHROMIUM_QUIET_ARGS],
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, requests, close: () => context.close() };
}

/** True for a URL the tests expect: our local server, the extension's own files, or blank pages. */
export function isLocalUrl(url: string): boolean {
  return /^(http:\/\/127\.0\.0\.1[:/]|chrome-extension:\/\/|moz-extension:\/\/|about:|data:|blob:)/.test(url);
}

/** What our extension drew on a page: highlight ranges per name, and our elements. */
export interface PageMarks {
  highlights: Record<string, string[]>; // highlight name -> text of each range
  ownElements: number; // elements carrying data-source-context
}

/**
 * Runs IN the page: the CSS highlights of ours and our elements. A plain function so that both
 * playwright (Chromium) and puppeteer (Firefox) can evaluate it.
 */
export function collectMarks(): PageMarks {
  const highlights: Record<string, string[]> = {};
  const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  if (registry) {
    for (const [name, highlight] of registry) {
      if (!name.startsWith('source-context-')) continue;
      highlights[name] = [...highlight].map((r) => (r instanceof Range ? r.toString() : String(r)));
    }
  }
  return { highlights, ownElements: document.querySelectorAll('[data-source-context]').length };
}

/**
 * Runs IN the page: the point to click for the highlighted range whose text includes `text`
 * (scrolled into view first), or null.
 */
export function pointInHighlight(text: string): { x: number; y: number } | null {
  const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  for (const [name, highlight] of registry ?? []) {
    if (!/^source-context-(fact|attributed|hedged)$/.test(name)) continue;
    for (const r of highlight) {
      if (!(r instanceof Range) || !r.toString().includes(text)) continue;
      r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = r.getClientRects()[0];
      if (rect) return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
    }
  }
  return null;
}

/** Reads the CSS highlights and our elements from the page (the registry is shared by all worlds). */
export async function readMarks(page: Page): Promise<PageMarks> {
  return page.evaluate(collectMarks);
}

/**
 * Waits until the page has at least `min` highlighted ranges and the count has stopped changing
 * for `quietMs` (linking runs in slices), or throws after `timeoutMs`.
 */
export async function waitForMarks(
  page: Page,
  min = 1,
  timeoutMs = 10_000,
  quietMs = 500,
): Promise<PageMarks> {
  return settleMarks(() => page.evaluate(collectMarks), min, timeoutMs, quietMs, page.url());
}

/** The polling behind `waitForMarks`, for any driver that can read `collectMarks` from a page. */
export async function settleMarks(
  read: () => Promise<PageMarks>,
  min: number,
  timeoutMs: number,
  quietMs: number,
  where: string,
): Promise<PageMarks> {
  const deadline = Date.now() + timeoutMs;
  let marks = await read();
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const n = countRanges(marks);
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    }
    if (n >= min && Date.now() - stableSince >= quietMs) return marks;
    if (Date.now() > deadline) {
      if (n >= min) return marks;
      throw new Error(`Expected at least ${min} highlighted passages on ${where}, saw ${n}`);
    }
    await new Promise((r) => setTimeout(r, 100));
    marks = await read();
  }
}

/** Waits until every one of `needles` is inside some highlighted passage (live pages add them later). */
export async function waitForHighlighted(
  page: Page,
  needles: string[],
  timeoutMs = 15_000,
): Promise<PageMarks> {
  return waitForHighlightedWith(() => page.evaluate(collectMarks), needles, timeoutMs, page.url());
}

/** The polling behind `waitForHighlighted`, for any driver that can read `collectMarks`. */
export async function waitForHighlightedWith(
  read: () => Promise<PageMarks>,
  needles: string[],
  timeoutMs: number,
  where: string,
): Promise<PageMarks> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const marks = await read();
    const all = Object.values(marks.highlights).flat().join(' | ');
    const missing = needles.filter((n) => !all.includes(n));
    if (missing.length === 0) return marks;
    if (Date.now() > deadline) {
      throw new Error(
        `Not highlighted on ${where} after ${timeoutMs} ms: ${missing.map((m) => `"${m}"`).join(', ')}\nHighlighted: ${all}`,
      );
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The number of highlighted ranges over the three carriage styles. */
export function countRanges(marks: PageMarks): number {
  return ['fact', 'attributed', 'hedged']
    .map((s) => marks.highlights[`source-context-${s}`]?.length ?? 0)
    .reduce((a, b) => a + b, 0);
}

/** Clicks the middle of the first line of the highlighted range whose text includes `needle`. */
export async function clickHighlight(page: Page, needle: string): Promise<void> {
  const point = await page.evaluate(pointInHighlight, needle);
  if (!point) throw new Error(`No highlighted passage containing "${needle}" on ${page.url()}`);
  await page.mouse.click(point.x, point.y);
}

/**
 * The parts of Chrome's `chrome` global these helpers call inside the service worker. Functions
 * passed to worker.evaluate() run there, not here, so each reads it from globalThis (types only).
 */
export interface WithChrome {
  chrome: {
    tabs: {
      query(query: object): Promise<{ id?: number; url?: string }[]>;
      get(tabId: number): Promise<{ id?: number; url?: string }>;
      sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
    };
    contextMenus: { onClicked: unknown };
    action: { getBadgeText(details: { tabId: number }): Promise<string> };
  };
}

/**
 * The id of the tab showing `url`. The worker has no "tabs" permission, so it cannot read tab
 * URLs; it asks each tab's content script for its summary, as the popup does.
 */
export async function tabIdFor(session: ChromiumSession, url: string, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const id = await session.worker.evaluate(async (wanted) => {
      const { chrome } = globalThis as unknown as WithChrome;
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id === undefined) continue;
        try {
          const reply = (await chrome.tabs.sendMessage(tab.id, { type: 'get-summary' }, { frameId: 0 })) as {
            ok: boolean;
            value?: { url: string };
          };
          if (reply?.ok && reply.value?.url === wanted) return tab.id;
        } catch {
          // no content script in that tab
        }
      }
      return undefined;
    }, url);
    if (id !== undefined) return id;
    if (Date.now() > deadline) throw new Error(`No tab with a content script shows ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
