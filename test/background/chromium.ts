// Helpers for the lookup and popup browser tests (test/browser/lookup.test.ts, popup.test.ts): find a page's tab from the service worker, select
// text in a page, run the context-menu handler, read the badge and open the popup for a tab. Each
// goes through the extension's real code paths (its messages, its listeners), not around them.

import type { Page } from 'playwright-core';
import type { ChromiumSession } from '../browser/harness';

export { tabIdFor, type WithChrome } from '../../scripts/demo/browser';
import type { WithChrome } from '../../scripts/demo/browser';

/** The id of the most recently created tab (for pages without a content script). */
export async function newestTabId(session: ChromiumSession): Promise<number> {
  return session.worker.evaluate(async () =>
    Math.max(...(await (globalThis as unknown as WithChrome).chrome.tabs.query({})).map((t) => t.id ?? -1)),
  );
}

/** Selects the first occurrence of `text` in the page, as a reader dragging over it would. */
export async function selectText(page: Page, text: string): Promise<void> {
  const found = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(needle) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      return true;
    }
    return false;
  }, text);
  if (!found) throw new Error(`"${text}" is not in ${page.url()}`);
}

/**
 * Runs the context-menu handler in the service worker: dispatches contextMenus.onClicked to the
 * listener the worker registered, with what Chrome passes for "Look up in Source Context".
 */
export async function clickLookupMenu(
  session: ChromiumSession,
  tabId: number,
  selectionText: string,
): Promise<void> {
  await session.worker.evaluate(
    async ({ tabId, selectionText }) => {
      const { chrome } = globalThis as unknown as WithChrome;
      const tab = await chrome.tabs.get(tabId);
      const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void };
      onClicked.dispatch(
        { menuItemId: 'source-context-lookup', selectionText, frameId: 0, editable: false, pageUrl: tab.url },
        tab,
      );
    },
    { tabId, selectionText },
  );
}

/** The toolbar badge's text on a tab, as the browser shows it. */
export async function badgeText(session: ChromiumSession, tabId: number): Promise<string> {
  return session.worker.evaluate(
    (tabId) => (globalThis as unknown as WithChrome).chrome.action.getBadgeText({ tabId }),
    tabId,
  );
}

/** Opens the panel for `tabId` in a tab of its own, popup-sized (popup.html?tab=<id>). */
export async function openPopup(
  session: ChromiumSession,
  tabId: number,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 440, height: 640 });
  await page.emulateMedia({ colorScheme });
  await page.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  return page;
}
