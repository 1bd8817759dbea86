// The in-page experience in real Chromium with the built extension (dist/chrome): highlights on
// incident pages, the card from a click and from the keyboard, the indicator, live updates, a
// strict CSP, and nothing at all on unrelated and lookalike pages. Needs `npm run build` first
// (`npm test` does it).

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Dataset } from '../../src/dataset/types';
import {
  clickHighlight,
  countRanges,
  isLocalUrl,
  launchChromium,
  pageSeesOfUs,
  readMarks,
  ROOT,
  startServer,
  waitForHighlighted,
  waitForMarks,
  type ChromiumSession,
  type DemoServer,
} from './harness';

const dataset = JSON.parse(readFileSync(`${ROOT}/dist/dataset.json`, 'utf8')) as Dataset;
const statement = (id: string): string => {
  const claim = dataset.claims.find((c) => c.id === id);
  if (!claim) throw new Error(`no claim ${id} in the dataset`);
  return claim.statement;
};

let session: ChromiumSession;
let server: DemoServer;
const pageErrors: string[] = [];
const consoleErrors: string[] = [];

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
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${path}: ${m.text()}`);
  });
  await page.goto(server.url + path);
  return page;
}

const dialog = (page: Page) => page.getByRole('dialog');
const cardBody = (page: Page) => page.locator('[data-source-context="ui"] .sc-card__body');

/**
 * Runs IN the page: the card's box, its position text, its body's scroll, the page's scroll, and
 * the lines of the active passage the card lies over.
 */
function cardState() {
  const root = document.querySelector('[data-source-context="ui"]')?.shadowRoot;
  const card = root?.querySelector('[role=dialog]');
  if (!root || !card) return null;
  const box = card.getBoundingClientRect();
  const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  const lines: DOMRect[] = [];
  for (const r of registry.get('source-context-active') ?? [])
    if (r instanceof Range) lines.push(...Array.from(r.getClientRects()).filter((l) => l.width > 0));
  const covered = lines
    .filter((l) => box.left < l.right && box.right > l.left && box.top < l.bottom && box.bottom > l.top)
    .map((l) => [l.left, l.top, l.right, l.bottom].map(Math.round).join(','));
  return {
    box: [box.left, box.top, box.width, box.height].map(Math.round).join(','),
    position: root.querySelector('.sc-nav__pos')?.textContent ?? '',
    lines: lines.length,
    covered,
    scrollTop: root.querySelector('.sc-card__body')?.scrollTop ?? -1,
    pageY: Math.round(scrollY),
  };
}

/** Waits until the page's scroll and the card have stopped moving (a step scrolls smoothly). */
async function settledCard(page: Page): Promise<NonNullable<ReturnType<typeof cardState>>> {
  let last = '';
  for (let i = 0; i < 60; i++) {
    const state = await page.evaluate(cardState);
    const key = JSON.stringify(state);
    if (state && state.lines > 0 && key === last) return state;
    last = key;
    await page.waitForTimeout(100);
  }
  throw new Error(`the card did not settle: ${last}`);
}

describe('incident pages', () => {
  it('highlights the wire story and opens the card for a hedged, attributed claim', async () => {
    const page = await open('/pages/wire-story.html');
    const marks = await waitForMarks(page, 4);
    const all = Object.values(marks.highlights).flat().join(' | ');
    expect(all).toContain('weaponized her vehicle');
    expect(all).toContain('demanding ICE leave the city and state immediately');
    // Exactly one host element of ours, on <html>, taking no space.
    expect(marks.ownElements).toBe(1);

    await clickHighlight(page, 'weaponized her vehicle');
    const card = dialog(page);
    await expect.poll(() => card.count()).toBe(1);
    await expect.poll(() => card.textContent()).toContain(statement('weaponized-vehicle'));
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Department of Homeland Security');
    expect(text).toContain('The Associated Press');
    expect(text).toContain('The Western Journal');
    expect(await card.getByRole('link', { name: /Associated Press|Open article/ }).count()).toBeGreaterThan(
      0,
    );

    // Escape closes it.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    await page.close();
  });

  it('reaches passages from the keyboard and returns focus on Escape', async () => {
    const page = await open('/pages/wire-story.html');
    await waitForMarks(page, 4);
    await page.evaluate(() => (document.querySelector('h1') as HTMLElement).setAttribute('tabindex', '-1'));
    await page.focus('h1');
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(() => dialog(page).count()).toBe(1);
    const first = await dialog(page).textContent();
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(() => dialog(page).textContent()).not.toBe(first);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // The page indicator: opens a list of passages; Enter on one opens its card.
    const pill = page.getByRole('button', { name: /Source Context/ }).first();
    await pill.click();
    const items = page.getByRole('listbox').or(page.getByRole('list')).first();
    await expect.poll(() => items.count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog(page).count()).toBe(1);
    await page.close();
  });

  it('places the card beside each passage it steps to, with its buttons and the shortcut', async () => {
    const page = await open('/pages/wire-story.html');
    const marks = await waitForMarks(page, 4);
    const passages = countRanges(marks);
    await page.evaluate(() => (document.querySelector('h1') as HTMLElement).setAttribute('tabindex', '-1'));
    await page.focus('h1');
    // Each step: the card is placed beside the new passage, never over it (the page has room on
    // every side of these paragraphs), and its body starts at the top.
    const check = async (how: string, step: number) => {
      const { covered, position, scrollTop } = await settledCard(page);
      expect(covered, `${how} #${step} (${position}) covers its passage`).toEqual([]);
      expect(scrollTop, `${how} #${step} (${position}) starts scrolled`).toBe(0);
    };
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(() => dialog(page).count()).toBe(1);
    await check('open', 0);
    for (let i = 1; i < passages; i++) {
      // Scroll the card's body first: the next passage's card must start from its top.
      await cardBody(page).evaluate((body) => body.scrollTo({ top: 120, behavior: 'instant' }));
      await page.keyboard.press('Alt+Shift+ArrowDown');
      await check('Alt+Shift+ArrowDown', i);
    }
    for (let i = 1; i < passages; i++) {
      await dialog(page).getByRole('button', { name: 'Previous passage' }).click();
      await check('Previous passage', i);
    }
    for (let i = 1; i < passages; i++) {
      await dialog(page).getByRole('button', { name: 'Next passage' }).click();
      await check('Next passage', i);
    }
    await page.close();
  });

  it('keeps the card and the indicator off the printed page', async () => {
    const page = await open('/pages/wire-story.html');
    await waitForMarks(page, 4);
    await clickHighlight(page, 'weaponized her vehicle');
    await expect.poll(() => dialog(page).count()).toBe(1);
    const rendered = () =>
      page.evaluate(() => {
        const host = document.querySelector('[data-source-context="ui"]') as HTMLElement;
        const root = host.shadowRoot!;
        const boxes = [root.querySelector('[role=dialog]'), root.querySelector('.sc-indicator-layer button')];
        return {
          host: getComputedStyle(host).display,
          boxes: boxes.map((el) => (el ? el.getClientRects().length : -1)),
        };
      });
    expect(await rendered()).toEqual({ host: 'block', boxes: [1, 1] });
    await page.emulateMedia({ media: 'print' });
    expect(await rendered()).toEqual({ host: 'none', boxes: [0, 0] });
    await page.emulateMedia({ media: 'screen' });
    expect(await rendered()).toEqual({ host: 'block', boxes: [1, 1] });
    await page.close();
  });

  it('scrolls the card body, not the page, from the keyboard when the card has focus', async () => {
    const page = await open('/pages/wire-story.html');
    await page.setViewportSize({ width: 1280, height: 600 });
    await waitForMarks(page, 4);
    await page.evaluate(() => (document.querySelector('h1') as HTMLElement).setAttribute('tabindex', '-1'));
    await page.focus('h1');
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(() => dialog(page).count()).toBe(1);
    await settledCard(page);
    const body = cardBody(page);
    const state = () =>
      page.evaluate(() => {
        const root = document.querySelector('[data-source-context="ui"]')!.shadowRoot!;
        const el = root.querySelector('.sc-card__body') as HTMLElement;
        return {
          top: el.scrollTop,
          max: el.scrollHeight - el.clientHeight,
          pageY: scrollY,
          focus: root.activeElement?.getAttribute('role') ?? root.activeElement?.tagName ?? null,
        };
      });
    const before = await state();
    expect(before.focus).toBe('dialog');
    expect(before.top).toBe(0);
    expect(before.max).toBeGreaterThan(200); // the card's content runs below its fold
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await state()).top).toBe(40);
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await state()).top).toBeGreaterThan(140);
    await page.keyboard.press('Home');
    await expect.poll(async () => (await state()).top).toBe(0);
    await page.keyboard.press('End');
    await expect.poll(async () => (await state()).top).toBeGreaterThanOrEqual(before.max - 1);
    await page.keyboard.press('Shift+Space');
    await expect.poll(async () => (await state()).top).toBeLessThan(before.max - 100);
    await page.keyboard.press('Space');
    await expect.poll(async () => (await state()).top).toBeGreaterThanOrEqual(before.max - 1);
    // The page did not move, the card is still open, and focus is still on it.
    const after = await state();
    expect(after.pageY).toBe(before.pageY);
    expect(after.focus).toBe('dialog');
    expect(await body.count()).toBe(1);
    // Tab still goes Previous → Next → Close → the body's links, and Escape still returns focus.
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const a = document.querySelector('[data-source-context="ui"]')!.shadowRoot!.activeElement;
          return a ? `${a.tagName}:${a.getAttribute('aria-label') ?? ''}` : 'outside';
        }),
      );
    }
    expect(order.slice(0, 3)).toEqual(['BUTTON:Previous passage', 'BUTTON:Next passage', 'BUTTON:Close']);
    expect(order[3]).toMatch(/^A:/);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.close();
  });

  it('keeps the card beside its passage when the page moves content above it', async () => {
    const page = await open('/pages/wire-story.html');
    await waitForMarks(page, 4);
    await clickHighlight(page, 'demanding ICE leave');
    await expect.poll(() => dialog(page).count()).toBe(1);
    const passageRect = () =>
      page.evaluate(() => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
        for (const highlight of registry.values())
          for (const r of highlight)
            if (r instanceof Range && r.toString().includes('demanding ICE leave')) {
              const b = r.getBoundingClientRect();
              return { top: b.top, bottom: b.bottom, left: b.left, right: b.right };
            }
        return null;
      });
    const before = (await passageRect())!;
    const cardBefore = (await dialog(page).boundingBox())!;
    // The page's layout moves the passage down with no DOM change at all (a stylesheet rule, as
    // when a font or a late stylesheet loads): only watching the layout can notice it.
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('article h1 { margin-top: 200px; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    const after = (await passageRect())!;
    const moved = after.top - before.top;
    expect(moved).toBeGreaterThan(150);
    // The card follows the passage (placed again from its new box), and does not cover it.
    await expect
      .poll(async () => Math.abs((await dialog(page).boundingBox())!.y - cardBefore.y - moved) < 8, {
        timeout: 3000,
      })
      .toBe(true);
    const card = (await dialog(page).boundingBox())!;
    const overlaps =
      card.x < after.right &&
      card.x + card.width > after.left &&
      card.y < after.bottom &&
      card.y + card.height > after.top;
    expect(overlaps).toBe(false);
    await page.close();
  });

  it('shows stated-as-fact and attributed passages differently on the partisan blog', async () => {
    const page = await open('/pages/partisan-blog.html');
    const marks = await waitForMarks(page, 3);
    expect(marks.highlights['source-context-fact']?.length ?? 0).toBeGreaterThan(0);
    const all = Object.values(marks.highlights).flat().join(' | ');
    // The comment box's text is form content: never read.
    expect(all).not.toContain('this comment box');
    await clickHighlight(page, 'demanding ICE to leave');
    await expect.poll(() => dialog(page).textContent()).toContain(statement('frey-demands-ice-leave'));
    await page.close();
  });

  it('picks up paragraphs a live blog appends after load', async () => {
    const page = await open('/pages/live-blog.html');
    await waitForMarks(page, 1);
    // The entries arrive 1.2 s, 1.9 s and 2.6 s after load; each must be linked, and the
    // entries that were there at load stay highlighted when new ones arrive above them.
    await waitForHighlighted(page, [
      'demanding ICE leave the city and state immediately',
      'Shame! Shame! Shame!',
      'Please avoid this area',
    ]);
    await page.close();
  });

  it('works under a strict Content-Security-Policy', async () => {
    const page = await open('/pages/csp-strict.html');
    await waitForMarks(page, 2);
    await clickHighlight(page, 'weaponized her vehicle');
    await expect.poll(() => dialog(page).count()).toBe(1);
    // Our constructed stylesheet applied despite the CSP: the card has a real background and width.
    const style = await dialog(page).evaluate((el) => {
      const cs = getComputedStyle(el);
      return { bg: cs.backgroundColor, width: el.getBoundingClientRect().width };
    });
    expect(style.bg).not.toBe('rgba(0, 0, 0, 0)');
    expect(style.width).toBeGreaterThan(300);
    await page.close();
  });

  it('links the seed articles themselves', async () => {
    for (const seed of ['/seed/004_17734199b23d2403.html', '/seed/000_0db36e5d1cd6cab9.html']) {
      const page = await open(seed);
      const marks = await waitForMarks(page, 8);
      expect(countRanges(marks)).toBeGreaterThanOrEqual(8);
      await page.close();
    }
  });
});

describe('pages that are not about the incident', () => {
  for (const path of ['/pages/unrelated.html', '/pages/lookalike.html']) {
    it(`adds no highlight and no element to ${path}`, async () => {
      const page = await open(path);
      await page.waitForTimeout(1500);
      const marks = await readMarks(page);
      expect(countRanges(marks)).toBe(0);
      expect(marks.ownElements).toBe(0);
      await page.close();
    });
  }
});

describe('privacy and manners', () => {
  it('leaves no marker a page script can read, and adds no stylesheet to the document', async () => {
    for (const path of ['/pages/unrelated.html', '/pages/wire-story.html']) {
      const page = await open(path);
      if (path.includes('wire-story')) await waitForMarks(page, 4);
      else await page.waitForTimeout(1500);
      // What the page's own scripts see (page.evaluate runs in the page's world, not ours).
      const seen = await page.evaluate(pageSeesOfUs);
      expect(seen, path).toEqual({ marker: '', adopted: 0, styles: 0, rule: 'dashed' });
      await page.close();
    }
  });

  it('made no request beyond 127.0.0.1 and its own files, and raised no page errors', () => {
    const outside = session.requests.filter((url) => !isLocalUrl(url));
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors.filter((e) => /source.?context/i.test(e))).toEqual([]);
  });
});
