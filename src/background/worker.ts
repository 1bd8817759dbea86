// What the service worker does: answer messages, run right-click and shortcut lookups (injecting
// the content script where it is not running yet), keep the toolbar badge, and remember per tab
// why no script can run there. It keeps nothing in memory that matters after the browser
// suspends it: settings and history live in IndexedDB (src/storage), per-tab notes in
// storage.session, badges in the browser itself.

import type { ContentSettings } from '../content/api';
import {
  BACKGROUND_TYPES,
  MessageError,
  assertNever,
  listen,
  replyTo,
  sendToTab,
  type BackgroundMessage,
  type LookupReply,
  type SenderInfo,
  type SettingsView,
  type Unavailable,
} from '../messages';
import { siteOf, type Store, type StoredSettings } from '../storage/store';
import { unavailableForUrl, unavailableFromError } from './availability';
import type { BackgroundBrowser, MenuClick, TabInfo } from './browser';

/** The context menu item's id. */
export const MENU_ID = 'source-context-lookup';

/** The keyboard command's name in manifest.json. */
export const COMMAND_LOOKUP = 'lookup-selection';

/** The badge colours: the design system's accent, and its warning red for "cannot run here". */
export const BADGE_COLOR = '#0a5bb5';
export const BADGE_WARNING_COLOR = '#b42318';

/** What the worker needs; every field is a seam for tests. */
export interface WorkerDeps {
  browser: BackgroundBrowser;
  store: Store;
  now?: () => number;
  /** Pause between tries to reach a just-injected script. */
  retryDelayMs?: number;
}

/** What a lookup ended in: the reply shown on the page, or why no script could run. */
export type LookupOutcome = { ok: true; reply: LookupReply } | { ok: false; unavailable: Unavailable };

/** The service worker's behaviour, as functions the event listeners call. */
export interface Worker {
  handle(message: BackgroundMessage, sender: SenderInfo): Promise<unknown>;
  lookup(tab: TabInfo, frameId: number, text?: string): Promise<LookupOutcome>;
  onMenuClick(info: MenuClick, tab?: TabInfo): Promise<LookupOutcome | undefined>;
  onCommand(command: string, tab?: TabInfo): Promise<LookupOutcome | undefined>;
  onTabLoading(tabId: number): Promise<void>;
  onTabRemoved(tabId: number): Promise<void>;
  onInstalled(reason: string): Promise<void>;
  setUpMenus(): Promise<void>;
  /** The reason recorded for a tab where no script could run, if any. */
  unavailableIn(tabId: number): Promise<Unavailable | undefined>;
}

const sessionKey = (tabId: number): string => `unavailable:${tabId}`;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The settings a content script obeys on `url`. */
export function contentSettingsFor(settings: StoredSettings, url: string): ContentSettings {
  const site = siteOf(url);
  const sitePaused = site !== undefined && settings.pausedSites.includes(site);
  return { paused: settings.globalPause || sitePaused, highlightStyle: settings.highlightStyle };
}

/** The settings as the popup shows them, for the page at `url` when given. */
export function settingsView(
  settings: StoredSettings,
  url: string | undefined,
): Omit<SettingsView, 'problem'> {
  const site = url === undefined ? undefined : siteOf(url);
  return {
    globalPause: settings.globalPause,
    highlightStyle: settings.highlightStyle,
    ...(site === undefined ? {} : { site }),
    sitePaused: site !== undefined && settings.pausedSites.includes(site),
    pausedSites: settings.pausedSites,
  };
}

/** The badge for a page: its linked-passage count, or nothing. */
export function badgeText(state: string, passages: number): string {
  if (state === 'paused' || passages <= 0) return '';
  return passages > 999 ? '999+' : String(passages);
}

/** Builds the worker's behaviour over `deps`. */
export function createWorker(deps: WorkerDeps): Worker {
  const { browser, store } = deps;
  const now = deps.now ?? Date.now;
  const retryDelayMs = deps.retryDelayMs ?? 50;
  const t = (key: string, fallback: string): string => browser.i18n.getMessage(key) || fallback;

  // Fire-and-forget calls to browser APIs that may fail harmlessly (a tab closed meanwhile).
  const quietly = (promise: Promise<unknown> | undefined): Promise<void> =>
    Promise.resolve(promise).then(
      () => undefined,
      () => undefined,
    );

  const fileAccess = (): Promise<boolean> => browser.extension.isAllowedFileSchemeAccess().catch(() => false);

  const recordUnavailable = async (tabId: number, unavailable: Unavailable): Promise<void> => {
    await quietly(browser.storage.session.set({ [sessionKey(tabId)]: unavailable }));
    // A "!" on the button tells the reader the popup has something to say about this tab.
    await quietly(browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_WARNING_COLOR }));
    await quietly(browser.action.setBadgeText({ tabId, text: '!' }));
    await quietly(
      browser.action.setTitle({
        tabId,
        title: t('actionTitleUnavailable', 'Source Context cannot run on this page'),
      }),
    );
  };

  const forgetTab = async (tabId: number): Promise<void> => {
    await quietly(browser.storage.session.remove(sessionKey(tabId)));
  };

  const unavailableIn = async (tabId: number): Promise<Unavailable | undefined> => {
    try {
      const stored = (await browser.storage.session.get(sessionKey(tabId)))[sessionKey(tabId)];
      return typeof stored === 'object' && stored !== null ? (stored as Unavailable) : undefined;
    } catch {
      return undefined;
    }
  };

  /** Injects content.js into one frame; resolves to why it could not, or undefined on success. */
  const inject = async (tabId: number, frameId: number, url?: string): Promise<Unavailable | undefined> => {
    try {
      // The highlight rules the manifest declares with content.js. The script counts on them
      // being there (it adds no stylesheet to the page: that would restyle it), so it is only
      // injected once they are.
      await browser.scripting.insertCSS({
        target: { tabId, frameIds: [frameId] },
        files: ['highlights.css'],
      });
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: ['content.js'],
      });
      return undefined;
    } catch (error) {
      return unavailableFromError(error, url);
    }
  };

  /** Sends to a tab, injecting the content script first if none answers. */
  const reach = async <T>(
    tab: { id: number; url?: string },
    frameId: number,
    request: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; unavailable: Unavailable }> => {
    const known = unavailableForUrl(tab.url, await fileAccess());
    if (known) return { ok: false, unavailable: known };
    try {
      return { ok: true, value: await request() };
    } catch (error) {
      if (!(error instanceof MessageError) || error.code !== 'no-receiver') throw error;
    }
    const failed = await inject(tab.id, frameId, tab.url);
    if (failed) return { ok: false, unavailable: failed };
    // The injected script registers its listener as it starts; give it a few chances.
    for (let attempt = 0; ; attempt++) {
      try {
        return { ok: true, value: await request() };
      } catch (error) {
        const last = attempt >= 4;
        if (!(error instanceof MessageError) || error.code !== 'no-receiver' || last) {
          return { ok: false, unavailable: unavailableFromError(error, tab.url) };
        }
        await sleep(retryDelayMs);
      }
    }
  };

  const lookup = async (tab: TabInfo, frameId: number, text?: string): Promise<LookupOutcome> => {
    if (tab.id === undefined) {
      return { ok: false, unavailable: { reason: 'unknown', detail: 'the tab has no id' } };
    }
    const tabId = tab.id;
    const message = text === undefined || text.trim() === '' ? {} : { text };
    let result: Awaited<ReturnType<typeof reach<LookupReply>>>;
    try {
      result = await reach({ id: tabId, url: tab.url }, frameId, () =>
        sendToTab(browser.tabs, tabId, { type: 'lookup-selection', ...message }, frameId),
      );
    } catch (error) {
      result = { ok: false, unavailable: { reason: 'unknown', detail: (error as Error).message } };
    }
    if (!result.ok) {
      await recordUnavailable(tabId, result.unavailable);
      // Say why right away where the browser lets us open the popup (Chrome 127+, Firefox).
      await quietly(browser.action.openPopup?.());
      return result;
    }
    const reply = result.value;
    // Private windows leave no trace, in the browser's history or in ours.
    if (!tab.incognito && reply.text.trim() !== '') {
      await store.addHistory({
        text: reply.text,
        url: reply.url,
        title: reply.title,
        time: now(),
        claimIds: reply.matches.map((m) => m.claimId).filter((id, i, all) => all.indexOf(id) === i),
      });
    }
    return { ok: true, reply };
  };

  const broadcastSettings = async (): Promise<void> => {
    let tabs: TabInfo[] = [];
    try {
      tabs = await browser.tabs.query({});
    } catch {
      return;
    }
    // Every frame hears it; tabs without our script simply do not answer.
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined
          ? undefined
          : quietly(sendToTab(browser.tabs, tab.id, { type: 'settings-changed' }, null)),
      ),
    );
  };

  const handle = async (msg: BackgroundMessage, sender: SenderInfo): Promise<unknown> => {
    switch (msg.type) {
      case 'get-page-settings': {
        const { value, problem } = await store.settings();
        return replyTo(msg, {
          settings: contentSettingsFor(value, msg.url),
          ...(problem ? { problem } : {}),
        });
      }
      case 'summary-changed': {
        const tabId = sender.tab?.id;
        // Only the top frame speaks for the page; frames report nothing to the badge.
        if (tabId === undefined || (sender.frameId ?? 0) !== 0) return replyTo(msg, { badge: '' });
        const text = badgeText(msg.state, msg.passages);
        await forgetTab(tabId);
        await quietly(browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }));
        await quietly(browser.action.setBadgeText({ tabId, text }));
        await quietly(browser.action.setTitle({ tabId, title: null }));
        return replyTo(msg, { badge: text });
      }
      case 'get-settings': {
        const { value, problem } = await store.settings();
        return replyTo(msg, { ...settingsView(value, msg.url), ...(problem ? { problem } : {}) });
      }
      case 'update-settings': {
        const { value, problem } = await store.change(msg.change);
        await broadcastSettings();
        return replyTo(msg, { ...settingsView(value, msg.url), ...(problem ? { problem } : {}) });
      }
      case 'get-history': {
        const { value, problem } = await store.history();
        return replyTo(msg, { entries: value, ...(problem ? { problem } : {}) });
      }
      case 'clear-history': {
        const { value, problem } = await store.clearHistory(msg.id);
        return replyTo(msg, { entries: value, ...(problem ? { problem } : {}) });
      }
      case 'prepare-tab': {
        let tab: TabInfo;
        try {
          tab = await browser.tabs.get(msg.tabId);
        } catch (error) {
          return replyTo(msg, {
            ready: false,
            unavailable: { reason: 'unknown', detail: `no tab ${msg.tabId}: ${(error as Error).message}` },
          });
        }
        const reached = await reach({ id: msg.tabId, url: tab.url }, 0, () =>
          sendToTab(browser.tabs, msg.tabId, { type: 'get-summary' }),
        ).catch((error: unknown) => ({
          ok: false as const,
          unavailable: unavailableFromError(error, tab.url),
        }));
        if (reached.ok) {
          await forgetTab(msg.tabId);
          return replyTo(msg, { ready: true });
        }
        // A reason recorded by an earlier lookup knew the URL; prefer it to a bare "no access".
        const recorded = await unavailableIn(msg.tabId);
        const unavailable =
          recorded && reached.unavailable.reason === 'no-access' ? recorded : reached.unavailable;
        return replyTo(msg, { ready: false, unavailable });
      }
      default:
        return assertNever(msg);
    }
  };

  const setUpMenus = async (): Promise<void> => {
    // removeAll first: Firefox keeps items across event-page restarts, and a duplicate id fails.
    await quietly(browser.contextMenus.removeAll());
    browser.contextMenus.create(
      { id: MENU_ID, title: t('menuLookup', 'Look up in Source Context'), contexts: ['selection'] },
      () => undefined, // reads runtime.lastError in Chrome, so a duplicate is not logged as unchecked
    );
    await quietly(browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR }));
  };

  return {
    handle,
    lookup,
    unavailableIn,
    setUpMenus,

    async onMenuClick(info, tab) {
      if (info.menuItemId !== MENU_ID || tab?.id === undefined) return undefined;
      return lookup(tab, info.frameId ?? 0, info.selectionText);
    },

    async onCommand(command, tab) {
      if (command !== COMMAND_LOOKUP) return undefined;
      const target =
        tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      if (target?.id === undefined) return undefined;
      return lookup(target, 0);
    },

    async onTabLoading(tabId) {
      // The "cannot run here" note may no longer apply. The badge is left alone: the browser
      // resets a tab's badge, colour and title itself when the tab commits a new document (Chrome
      // and Firefox alike) and keeps them on same-document navigations (a hash change,
      // pushState), which report 'loading' too. Clearing it here blanked it after those for good,
      // as the content script reports only when its count changes.
      await forgetTab(tabId);
    },

    onTabRemoved: forgetTab,

    async onInstalled(reason) {
      await setUpMenus();
      if (reason !== 'install') return;
      // Firefox treats MV3 host access as opt-in: without it the script runs nowhere until the
      // reader grants it. Explain and ask once, on a page of our own.
      // Chrome grants the content script's sites with the extension; getAll() lists them there.
      const granted = new Set(
        (await browser.permissions.getAll().catch(() => ({ origins: undefined }))).origins ?? [],
      );
      const missing = contentOrigins(browser).some((origin) => !granted.has(origin));
      if (missing) await quietly(browser.tabs.create({ url: 'popup.html?welcome=1' }));
    },
  };
}

/** The origins the content script is declared for (what host access means to us). */
export function contentOrigins(browser: Pick<BackgroundBrowser, 'runtime'>): string[] {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  return [...new Set(scripts.flatMap((s) => s.matches ?? []))];
}

/**
 * Registers every listener, synchronously, so the browser can wake the worker for any of them
 * (listeners added after an await are missed when the worker restarts). Returns the stopper.
 */
export function registerWorker(browser: BackgroundBrowser, worker: Worker): () => void {
  const report = (error: unknown): void => console.error('Source Context:', error);
  const onClicked = (info: MenuClick, tab?: TabInfo): void =>
    void worker.onMenuClick(info, tab).catch(report);
  const onCommand = (command: string, tab?: TabInfo): void =>
    void worker.onCommand(command, tab).catch(report);
  const onUpdated = (tabId: number, change: { status?: string }): void => {
    if (change.status === 'loading') void worker.onTabLoading(tabId).catch(report);
  };
  const onRemoved = (tabId: number): void => void worker.onTabRemoved(tabId).catch(report);
  const onInstalled = (details: { reason: string }): void =>
    void worker.onInstalled(details.reason).catch(report);
  const onStartup = (): void => void worker.setUpMenus().catch(report);
  const stopListening = listen<BackgroundMessage>(browser.runtime, BACKGROUND_TYPES, (msg, sender) =>
    worker.handle(msg, sender),
  );
  browser.contextMenus.onClicked.addListener(onClicked);
  browser.commands.onCommand.addListener(onCommand);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onRemoved.addListener(onRemoved);
  browser.runtime.onInstalled.addListener(onInstalled);
  browser.runtime.onStartup.addListener(onStartup);
  return () => {
    stopListening();
    browser.contextMenus.onClicked.removeListener(onClicked);
    browser.commands.onCommand.removeListener(onCommand);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.tabs.onRemoved.removeListener(onRemoved);
    browser.runtime.onInstalled.removeListener(onInstalled);
    browser.runtime.onStartup.removeListener(onStartup);
  };
}
