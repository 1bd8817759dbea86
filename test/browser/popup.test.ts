// The popup panel in real Chromium with the built extension (dist/chrome), opened as
// popup.html?tab=<id> for a fixture page: the summary, the coverage table, "Show on page"
// scrolling to and flashing a passage, pausing a site (no highlights after reload), and the
// lookup history. Needs `npm run build`. With SC_SCREENSHOTS=1 it also saves the screenshots in
// demo-output/popup/ (incident page, unrelated page with a search, history; light and dark).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { clickLookupMenu, openPopup, selectText, tabIdFor } from '../background/chromium';
import {
  ROOT,
  launchChromium,
  readMarks,
  startServer,
  waitForMarks,
  type ChromiumSession,
  type DemoServer,
} from './harness';

const SHOTS = process.env.SC_SCREENSHOTS ? join(ROOT, 'demo-output', 'popup') : undefined;
const SEED = '/seed/004_17734199b23d2403.html';

let session: ChromiumSession;
let server: DemoServer;
const errors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  session = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(server.url + path);
  return { page, tabId: await tabIdFor(session, page.url()) };
}

async function popupFor(tabId: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const popup = await openPopup(session, tabId, colorScheme);
  popup.on('pageerror', (e) => errors.push(`popup: ${e.message}`));
  popup.on('console', (m) => {
    if (m.type() === 'error') errors.push(`popup: ${m.text()}`);
  });
  return popup;
}

// The panel itself, at most as tall as a toolbar popup (browsers cap popups at 600 px).
async function shoot(popup: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  const box = await popup.locator('.pn-root').boundingBox();
  if (!box) throw new Error('the panel is not on the page');
  const scroll = await popup.evaluate(() => window.scrollY);
  const top = Math.max(box.y, 0);
  const clip = {
    x: box.x,
    y: top + scroll,
    width: box.width,
    height: Math.min(600, box.y + box.height - top),
  };
  await popup.screenshot({ path: join(SHOTS, `${name}.png`), clip, fullPage: true });
}

describe('the popup for a page about the incident', () => {
  it('shows the summary, the coverage table and the claims with their passages', async () => {
    const { page, tabId } = await open(SEED);
    await waitForMarks(page, 10);
    const popup = await popupFor(tabId);
    await expect
      .poll(() => popup.getByRole('heading', { name: 'This page is about the incident' }).count())
      .toBe(1);
    expect(await popup.getByText(/^\d+ passages linked to \d+ claims from the dataset\.$/).count()).toBe(1);
    expect(
      await popup.getByRole('list', { name: 'Signs of the incident' }).getByRole('listitem').count(),
    ).toBeGreaterThan(2);

    const table = popup.getByRole('table', {
      name: 'How this page and each outlet carried the claims on this page',
    });
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['Claim', 'This page', 'Associated Press', 'Western Journal']);
    const rows = await table.getByRole('row').count();
    const title = await popup.getByRole('heading', { name: /^Claims on this page \(\d+\)$/ }).textContent();
    expect(rows - 1).toBe(Number(/\((\d+)\)/.exec(title ?? '')?.[1]));
    expect(await table.getByRole('cell', { name: 'Not reported' }).count()).toBeGreaterThan(0);
    expect(await popup.getByText(/^Left out by this page \(\d+\)$/).count()).toBe(1);
    await shoot(popup, 'incident-light');
    for (const scheme of ['dark'] as const) {
      if (!SHOTS) break;
      const dark = await popupFor(tabId, scheme);
      await expect
        .poll(() => dark.getByRole('heading', { name: 'This page is about the incident' }).count())
        .toBe(1);
      await shoot(dark, `incident-${scheme}`);
      await dark.evaluate(() => window.scrollTo(0, 640));
      await shoot(dark, `incident-${scheme}-coverage`);
      await dark.close();
    }
    await popup.close();
    await page.close();
  });

  it('“Show on page” scrolls the page to the passage and flashes it', async () => {
    const { page, tabId } = await open(SEED);
    await waitForMarks(page, 10);
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await popupFor(tabId);
    const buttons = popup.getByRole('button', { name: /^Show on page/ });
    await expect.poll(() => buttons.count()).toBeGreaterThan(5);
    // A passage far down the article. The popup is a tab of its own here, so the page is hidden
    // (and a hidden page does not run scroll animations) until it comes back to the front.
    await buttons.last().click();
    await expect
      .poll(() => readMarks(page).then((marks) => marks.highlights['source-context-flash']?.length ?? 0), {
        interval: 20,
      })
      .toBeGreaterThan(0);
    await page.bringToFront();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await popup.close();
    await page.close();
  });
});

describe('settings', () => {
  it('pausing a site leaves no highlights after reload; resuming brings them back', async () => {
    const { page, tabId } = await open('/pages/wire-story.html');
    await waitForMarks(page, 4);
    const popup = await popupFor(tabId);
    await popup.getByRole('tab', { name: 'Settings' }).click();
    const site = popup.getByRole('switch', { name: 'Pause on 127.0.0.1' });
    await expect.poll(() => site.isEnabled()).toBe(true);
    await site.check();
    await expect.poll(() => site.isChecked()).toBe(true);

    await page.reload();
    await page.waitForTimeout(1500); // time in which an unpaused page would be highlighted
    const marks = await readMarks(page);
    expect(Object.values(marks.highlights).flat()).toEqual([]);
    expect(marks.ownElements).toBe(0);
    await popup.reload();
    await expect
      .poll(() => popup.getByRole('heading', { name: 'Source Context is paused here' }).count())
      .toBe(1);

    await popup.getByRole('button', { name: 'Resume on 127.0.0.1' }).click();
    await waitForMarks(page, 4);
    await popup.close();
    await page.close();
  });
});

describe('search and history', () => {
  it('searches the dataset from an unrelated page', async () => {
    const { page, tabId } = await open('/pages/unrelated.html');
    const popup = await popupFor(tabId);
    await expect
      .poll(() => popup.getByRole('heading', { name: 'This page isn’t about the incident' }).count())
      .toBe(1);
    await popup.getByRole('button', { name: 'Search the dataset' }).click();
    await popup.getByRole('searchbox', { name: 'Words to search for' }).fill('Frey leave');
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('1 claim found');
    await popup.getByRole('button', { name: /Frey demanded that ICE/ }).click();
    expect(await popup.getByRole('link', { name: /Open article from The Associated Press/ }).count()).toBe(1);
    await shoot(popup, 'unrelated-search-light');
    if (SHOTS) {
      await popup.emulateMedia({ colorScheme: 'dark' });
      await shoot(popup, 'unrelated-search-dark');
    }
    await popup.close();
    await page.close();
  });

  it('records lookups in the history, which the reader can browse and clear', async () => {
    const wire = await open('/pages/wire-story.html');
    await waitForMarks(wire.page, 1);
    const text = 'The shooting drew crowds of angry protesters';
    await selectText(wire.page, text);
    await clickLookupMenu(session, wire.tabId, text);
    await expect.poll(() => wire.page.getByRole('dialog').count()).toBe(1);
    const garden = await open('/pages/unrelated.html');
    await selectText(garden.page, 'Cherry tomatoes');
    await clickLookupMenu(session, garden.tabId, 'Cherry tomatoes');
    await expect.poll(() => garden.page.getByRole('dialog').count()).toBe(1);

    const popup = await popupFor(garden.tabId);
    await popup.getByRole('tab', { name: 'History' }).click();
    const entries = popup
      .getByRole('listitem')
      .filter({ has: popup.getByRole('button', { name: 'Remove this lookup' }) });
    await expect.poll(() => entries.count()).toBe(2);
    const [newest, older] = await entries.allTextContents();
    expect(newest).toContain('Cherry tomatoes');
    expect(newest).toContain('No claim matched');
    expect(older).toContain(text);
    expect(older).toContain('Matched');
    await shoot(popup, 'history-light');
    if (SHOTS) {
      await popup.emulateMedia({ colorScheme: 'dark' });
      await shoot(popup, 'history-dark');
      await popup.emulateMedia({ colorScheme: 'light' });
    }
    await popup.getByRole('button', { name: 'Clear history' }).click();
    await popup.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => popup.getByText(/^No lookups yet/).count()).toBe(1);
    await popup.close();
    await wire.page.close();
    await garden.page.close();
  });

  it('raised no error in any page or the popup', () => {
    expect(errors).toEqual([]);
  });
});
