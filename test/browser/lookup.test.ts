// Right-click lookup and the toolbar badge in real Chromium with the built extension (dist/chrome):
// the service worker's context-menu handler runs on a selection and the page shows the card (a
// match, a match on an unrelated page, and "nothing matches"); where no script can run, the popup
// explains why; the badge counts linked passages, clears on navigation to another document and
// keeps its count through same-document navigations. Needs `npm run build`.

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Dataset } from '../../src/dataset/types';
import {
  badgeText,
  clickLookupMenu,
  newestTabId,
  openPopup,
  selectText,
  tabIdFor,
  type WithChrome,
} from '../background/chromium';
import {
  ROOT,
  isLocalUrl,
  launchChromium,
  startServer,
  waitForMarks,
  type ChromiumSession,
  type DemoServer,
} from './harness';

const dataset = JSON.parse(readFileSync(`${ROOT}/dist/dataset.json`, 'utf8')) as Dataset;
const statement = (id: string): string => dataset.claims.find((c) => c.id === id)!.statement;

let session: ChromiumSession;
let server: DemoServer;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  await page.goto(server.url + path);
  return page;
}

const dialog = (page: Page) => page.getByRole('dialog');

describe('right-click lookup', () => {
  it('shows the card for a selection that states a claim', async () => {
    const page = await open('/pages/wire-story.html');
    await waitForMarks(page, 1);
    const tabId = await tabIdFor(session, page.url());
    const text = 'the woman “weaponized her vehicle” in an attempt to kill officers';
    await selectText(page, text);
    await clickLookupMenu(session, tabId, text);
    await expect.poll(() => dialog(page).count()).toBe(1);
    await expect.poll(() => dialog(page).textContent()).toContain(statement('weaponized-vehicle'));
    expect(await dialog(page).textContent()).toContain('How outlets reported it');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    await page.close();
  });

  it('links a selection even on a page the recognizer calls unrelated', async () => {
    const page = await open('/pages/unrelated.html');
    const tabId = await tabIdFor(session, page.url());
    // Nothing is selected on the page: the worker passes the text the browser reported.
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    await clickLookupMenu(
      session,
      tabId,
      'Mayor Jacob Frey said: “We are demanding ICE leave the city and state immediately.”',
    );
    await expect.poll(() => dialog(page).textContent()).toContain(statement('frey-demands-ice-leave'));
    await page.close();
  });

  it('says plainly when nothing matches, and offers the closest claims', async () => {
    const page = await open('/pages/unrelated.html');
    const tabId = await tabIdFor(session, page.url());
    const text = 'Cherry tomatoes are the easiest place to start.';
    await selectText(page, text);
    await clickLookupMenu(session, tabId, text);
    const card = page.getByRole('dialog', { name: 'No claim from the dataset matches this selection' });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain(text);

    // A selection that shares words with claims, without stating one: the closest are offered.
    const near = 'Officers were in the neighborhood';
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    await clickLookupMenu(session, tabId, near);
    const closest = page.getByRole('list', { name: 'Closest claims' });
    await expect.poll(() => closest.count()).toBe(1);
    await closest.getByRole('button').first().click();
    await expect
      .poll(() => dialog(page).getByRole('button', { name: 'Back to the closest claims' }).count())
      .toBe(1);
    await page.close();
  });

  it('where no script can run, records why and the popup explains it', async () => {
    const page = await session.context.newPage();
    await page.goto('chrome://version/');
    const tabId = await newestTabId(session);
    await clickLookupMenu(session, tabId, 'Google Chrome');
    await expect.poll(() => badgeText(session, tabId)).toBe('!');
    const popup = await openPopup(session, tabId);
    const note = popup.getByRole('note', { name: 'Source Context can’t run on this page' });
    await expect.poll(() => note.count()).toBe(1);
    expect(await note.textContent()).toContain('Browsers don’t let extensions read their own pages');
    await popup.close();
    await page.close();
  });
});

describe('the toolbar badge', () => {
  /** The number of linked passages the page's content script reports (the popup's summary). */
  const passageCount = (tabId: number): Promise<number> =>
    session.worker.evaluate(async (tabId) => {
      const { chrome } = globalThis as unknown as WithChrome;
      const reply = (await chrome.tabs.sendMessage(tabId, { type: 'get-summary' }, { frameId: 0 })) as {
        value: { passages: unknown[] };
      };
      return reply.value.passages.length;
    }, tabId);

  /** Runs `navigate` and waits until the browser has told the worker the tab finished loading. */
  async function navigated(tabId: number, navigate: () => Promise<unknown>): Promise<void> {
    type Listener = (id: number, change: { status?: string }) => void;
    type OnUpdated = { addListener(l: Listener): void; removeListener(l: Listener): void };
    await session.worker.evaluate((tabId) => {
      const scope = globalThis as unknown as WithChrome & { loaded?: Promise<void> };
      const onUpdated = (scope.chrome.tabs as unknown as { onUpdated: OnUpdated }).onUpdated;
      scope.loaded = new Promise((resolve) => {
        const listener: Listener = (id, change) => {
          if (id !== tabId || change.status !== 'complete') return;
          onUpdated.removeListener(listener);
          resolve();
        };
        onUpdated.addListener(listener);
      });
    }, tabId);
    await navigate();
    await session.worker.evaluate(() => (globalThis as unknown as { loaded: Promise<void> }).loaded);
  }

  it('shows the number of linked passages, nothing on unrelated pages, and clears on navigation', async () => {
    const page = await open('/pages/wire-story.html');
    await waitForMarks(page, 4);
    const tabId = await tabIdFor(session, page.url());
    const passages = await passageCount(tabId);
    expect(passages).toBeGreaterThanOrEqual(4);
    await expect.poll(() => badgeText(session, tabId)).toBe(String(passages));

    await page.goto(`${server.url}/pages/unrelated.html`);
    await expect.poll(() => badgeText(session, tabId)).toBe('');
    await page.close();
  });

  it('keeps the count through same-document navigations: a hash change, pushState, back', async () => {
    const page = await open('/pages/wire-story.html');
    await waitForMarks(page, 4);
    const tabId = await tabIdFor(session, page.url());
    const passages = await passageCount(tabId);
    await expect.poll(() => badgeText(session, tabId)).toBe(String(passages));

    const navigations: [string, () => void][] = [
      ['a hash change', () => (location.hash = 'comments')],
      ['pushState with the same content', () => history.pushState({}, '', '/pages/wire-story.html?page=2')],
      ['back', () => history.back()],
    ];
    for (const [what, navigate] of navigations) {
      await navigated(tabId, () => page.evaluate(navigate));
      // The browser has reported the navigation to the worker ('loading', then 'complete'). The
      // page keeps its passages (a new URL is read again, so its count may be 0 for a moment),
      // and the badge keeps, or comes back to, their count, and stays there.
      const state = async (): Promise<[string, number]> => [
        await badgeText(session, tabId),
        await passageCount(tabId),
      ];
      await expect
        .poll(state, { message: `after ${what}`, timeout: 6_000 })
        .toEqual([String(passages), passages]);
      await page.waitForTimeout(1_500);
      expect(await state(), `after ${what}, later`).toEqual([String(passages), passages]);
    }
    await page.close();
  });

  it('made no request beyond the local server', () => {
    expect(session.requests.filter((url) => !isLocalUrl(url) && !url.startsWith('chrome://'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
