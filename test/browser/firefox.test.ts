// The in-page browser tests again, in Firefox ESR with the Firefox build (dist/firefox) installed
// as a temporary add-on through puppeteer-core (WebDriver BiDi). Same fixture pages, same
// expectations: highlights and a card on incident pages, nothing on unrelated and lookalike pages.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import {
  collectMarks,
  countRanges,
  FIREFOX_DIR,
  FIREFOX_PATH,
  isLocalUrl,
  pageSeesOfUs,
  pointInHighlight,
  requirePrerequisites,
  settleMarks,
  startServer,
  waitForHighlightedWith,
  type DemoServer,
  type PageMarks,
} from './harness';

let browser: Browser;
let server: DemoServer;
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  requirePrerequisites(FIREFOX_PATH, FIREFOX_DIR);
  server = await startServer();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // Keep Firefox off the network: no telemetry, updates, captive-portal or safe-browsing calls.
      'network.captive-portal-service.enabled': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  await browser.installExtension(FIREFOX_DIR);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${String(e)}`));
  page.on('request', (r: HTTPRequest) => requests.push(r.url()));
  await page.goto(server.url + path, { waitUntil: 'load' });
  return page;
}

function waitForMarks(page: Page, min: number, timeoutMs = 15_000): Promise<PageMarks> {
  return settleMarks(() => page.evaluate(collectMarks), min, timeoutMs, 600, page.url());
}

/** The text of our dialog, read through the open shadow root. */
async function dialogText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    for (const host of document.querySelectorAll('[data-source-context]')) {
      const dialog = host.shadowRoot?.querySelector('[role="dialog"]');
      if (dialog) return dialog.textContent;
    }
    return null;
  });
}

async function waitForDialog(page: Page, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await dialogText(page);
    if (text) return text;
    if (Date.now() > deadline) throw new Error('no dialog of ours appeared');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Firefox', () => {
  it('highlights the wire story and opens the card on click', async () => {
    const page = await open('/pages/wire-story.html');
    const marks = await waitForMarks(page, 4);
    expect(Object.values(marks.highlights).flat().join(' | ')).toContain(
      'demanding ICE leave the city and state',
    );
    expect(marks.ownElements).toBe(1);
    const point = await page.evaluate(pointInHighlight, 'demanding ICE leave');
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    const text = await waitForDialog(page);
    expect(text).toContain('Jacob Frey');
    expect(text).toContain('The Associated Press');
    expect(text).toContain('The Western Journal');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogText(page)).toBeNull();
    await page.close();
  });

  // (The print rule is tested in Chromium only: Firefox over WebDriver BiDi cannot emulate print media.)
  it('opens passages from the keyboard, and its keys scroll the card', async () => {
    const page = await open('/pages/wire-story.html');
    await waitForMarks(page, 4);
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await waitForDialog(page);
    // Focus is on the card: Page Down scrolls its body, not the page.
    await page.setViewport({ width: 1280, height: 600 });
    await new Promise((r) => setTimeout(r, 800)); // the step's smooth scroll
    const state = () =>
      page.evaluate(() => {
        const root = document.querySelector('[data-source-context="ui"]')!.shadowRoot!;
        const body = root.querySelector('.sc-card__body') as HTMLElement;
        return { top: body.scrollTop, max: body.scrollHeight - body.clientHeight, pageY: scrollY };
      });
    const before = await state();
    expect(before.max).toBeGreaterThan(100);
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await state()).top).toBeGreaterThan(100);
    expect((await state()).pageY).toBe(before.pageY);
    await page.close();
  });

  it('picks up live-blog entries and works under a strict CSP', async () => {
    const live = await open('/pages/live-blog.html');
    await waitForHighlightedWith(
      () => live.evaluate(collectMarks),
      [
        'Shame! Shame! Shame!',
        'demanding ICE leave the city and state immediately',
        'Please avoid this area',
      ],
      15_000,
      live.url(),
    );
    await live.close();
    const csp = await open('/pages/csp-strict.html');
    await waitForMarks(csp, 2);
    await csp.close();
  });

  for (const path of ['/pages/unrelated.html', '/pages/lookalike.html']) {
    it(`leaves ${path} alone`, async () => {
      const page = await open(path);
      await new Promise((r) => setTimeout(r, 1500));
      const marks = await page.evaluate(collectMarks);
      expect(countRanges(marks)).toBe(0);
      expect(marks.ownElements).toBe(0);
      await page.close();
    });
  }

  it('leaves no marker a page script can read, and adds no stylesheet to the document', async () => {
    for (const path of ['/pages/unrelated.html', '/pages/wire-story.html']) {
      const page = await open(path);
      if (path.includes('wire-story')) await waitForMarks(page, 4);
      else await new Promise((r) => setTimeout(r, 1500));
      // What the page's own scripts see (page.evaluate runs in the page's world, not ours).
      const seen = await page.evaluate(pageSeesOfUs);
      expect(seen, path).toEqual({ marker: '', adopted: 0, styles: 0, rule: 'dashed' });
      await page.close();
    }
  });

  it('made no request beyond 127.0.0.1 and raised no page errors', () => {
    expect(requests.filter((url) => !isLocalUrl(url))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
