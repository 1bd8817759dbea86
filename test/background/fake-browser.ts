// A small in-memory browser for the messaging, worker and popup tests: one service worker, tabs
// whose frames may run a content script, and runtime messaging between them that goes through the
// same listeners, sender objects and envelopes as in a real browser. No mocking framework: plain
// objects that record what the code under test asked for.

import type { BackgroundBrowser, MenuClick, TabInfo } from '../../src/background/browser';
import type { ContentBrowser } from '../../src/content/messaging';
import type { PopupBrowser } from '../../src/popup/PopupApp';
import type { SenderInfo } from '../../src/messages';

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const BASE_URL = `chrome-extension://${EXTENSION_ID}/`;
export const WORKER_URL = `${BASE_URL}background.js`;
export const POPUP_URL = `${BASE_URL}popup.html`;

type Listener = (message: unknown, sender: SenderInfo) => Promise<unknown> | undefined;

/** An extension event that records its listeners and can be fired by the test. */
export class FakeEvent<F extends (...args: never[]) => unknown> {
  listeners: F[] = [];
  addListener(listener: F): void {
    this.listeners.push(listener);
  }
  removeListener(listener: F): void {
    this.listeners = this.listeners.filter((l) => l !== listener);
  }
  fire(...args: Parameters<F>): void {
    for (const listener of this.listeners) listener(...args);
  }
}

const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

/** Delivers a message to listeners the way runtime messaging does: the first reply wins. */
async function deliver(listeners: Listener[], message: unknown, sender: SenderInfo): Promise<unknown> {
  // Structured clone on the way in and out, as the browser does: no shared objects.
  const copy = structuredClone(message);
  const replies = listeners.map((l) => l(copy, sender)).filter((r) => r !== undefined);
  if (replies.length === 0) throw new Error(NO_RECEIVER);
  return structuredClone(await replies[0]);
}

/** One frame of a tab: its URL and, when a content script runs there, its runtime listeners. */
export interface FakeFrame {
  url: string;
  listeners: Listener[];
}

/** A tab: its info (what tabs.get returns) and frames by id. */
export interface FakeTab {
  info: TabInfo & { id: number };
  frames: Map<number, FakeFrame>;
}

/** The fake browser: the worker's API, plus helpers to make content-script and popup APIs. */
export class FakeBrowser {
  workerListeners: Listener[] = [];
  tabs = new Map<number, FakeTab>();
  badges = new Map<number | 'global', { text?: string; color?: string; title?: string | null }>();
  menus: { id: string; title: string; contexts: string[] }[] = [];
  session = new Map<string, unknown>();
  created: string[] = [];
  popupsOpened = 0;
  hostAccess = true;
  fileAccess = false;
  /** What executeScript does: install a content script in the frame, or throw the browser's error. */
  onInject: (tabId: number, frameId: number) => void = () => {
    throw new Error('Cannot access contents of the page.');
  };
  injections: { tabId: number; frameId: number }[] = [];
  /** Stylesheets inserted with scripting.insertCSS (highlights.css before each injection). */
  insertedCss: { tabId: number; frameId: number; files: string[] }[] = [];
  /** What insertCSS does besides recording: nothing, or throw the browser's error. */
  onInsertCss: () => void = () => undefined;
  /** The tab the popup's tabs.query({active}) finds. */
  activeTabId: number | undefined;
  /** What permissions.request answers (the reader's choice). */
  grantOnRequest = true;
  permissionRequests: string[][] = [];

  readonly events = {
    onMessage: {
      addListener: (l: Listener) => this.workerListeners.push(l),
      removeListener: (l: Listener) => {
        this.workerListeners = this.workerListeners.filter((x) => x !== l);
      },
    },
    onInstalled: new FakeEvent<(details: { reason: string }) => void>(),
    onStartup: new FakeEvent<() => void>(),
    onUpdated: new FakeEvent<(tabId: number, change: { status?: string }) => void>(),
    onRemoved: new FakeEvent<(tabId: number) => void>(),
    onClicked: new FakeEvent<(info: MenuClick, tab?: TabInfo) => void>(),
    onCommand: new FakeEvent<(command: string, tab?: TabInfo) => void>(),
  };

  /** Adds a tab with a top frame (no content script yet). */
  addTab(id: number, url: string, extra: Partial<TabInfo> = {}): FakeTab {
    const tab: FakeTab = { info: { id, url, title: `Title of ${url}`, ...extra }, frames: new Map() };
    tab.frames.set(0, { url, listeners: [] });
    this.tabs.set(id, tab);
    return tab;
  }

  private frame(tabId: number, frameId: number): FakeFrame {
    const frame = this.tabs.get(tabId)?.frames.get(frameId);
    if (!frame) throw new Error(`No tab with id: ${tabId}.`);
    return frame;
  }

  /** The runtime a content script in (tabId, frameId) sees. */
  contentBrowser(tabId: number, frameId = 0): ContentBrowser {
    const frame = this.frame(tabId, frameId);
    const sender: SenderInfo = { id: EXTENSION_ID, url: frame.url, tab: { id: tabId }, frameId };
    return {
      runtime: {
        id: EXTENSION_ID,
        getURL: (path: string) => BASE_URL + path,
        sendMessage: (message: unknown) => deliver(this.workerListeners, message, sender),
        onMessage: {
          addListener: (l: Listener) => frame.listeners.push(l),
          removeListener: (l: Listener) => {
            frame.listeners.splice(frame.listeners.indexOf(l), 1);
          },
        },
      },
    };
  }

  /** tabs.sendMessage as any extension page or the worker calls it. */
  tabsSendMessage = (tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown> => {
    const tab = this.tabs.get(tabId);
    if (!tab) return Promise.reject(new Error(`No tab with id: ${tabId}.`));
    const frames =
      options?.frameId === undefined
        ? [...tab.frames.values()]
        : [tab.frames.get(options.frameId)].filter(Boolean);
    const listeners = frames.flatMap((f) => f!.listeners);
    return deliver(listeners, message, { id: EXTENSION_ID, url: WORKER_URL });
  };

  /** runtime.sendMessage from one of our extension pages (the popup). */
  pageSendMessage = (message: unknown, url = POPUP_URL): Promise<unknown> =>
    deliver(this.workerListeners, message, { id: EXTENSION_ID, url });

  /** The WebExtension API the worker gets. */
  get worker(): BackgroundBrowser {
    return {
      runtime: {
        id: EXTENSION_ID,
        getURL: (path: string) => BASE_URL + path,
        getManifest: () => ({
          version: '0.1.0',
          content_scripts: [{ matches: ['http://*/*', 'https://*/*'] }],
        }),
        onMessage: this.events.onMessage,
        onInstalled: this.events.onInstalled,
        onStartup: this.events.onStartup,
      },
      tabs: {
        sendMessage: this.tabsSendMessage,
        get: async (tabId) => {
          const tab = this.tabs.get(tabId);
          if (!tab) throw new Error(`No tab with id: ${tabId}.`);
          return { ...tab.info };
        },
        query: async () => [...this.tabs.values()].map((t) => ({ ...t.info })),
        create: async ({ url }) => {
          this.created.push(url);
        },
        onUpdated: this.events.onUpdated,
        onRemoved: this.events.onRemoved,
      },
      action: {
        setBadgeText: async ({ tabId, text }) => {
          this.badge(tabId).text = text ?? '';
        },
        setBadgeBackgroundColor: async ({ tabId, color }) => {
          this.badge(tabId).color = color;
        },
        setTitle: async ({ tabId, title }) => {
          this.badge(tabId).title = title;
        },
        openPopup: async () => {
          this.popupsOpened++;
        },
      },
      contextMenus: {
        create: (properties) => {
          if (this.menus.some((m) => m.id === properties.id)) throw new Error('duplicate id');
          this.menus.push(properties);
        },
        removeAll: async () => {
          this.menus = [];
        },
        onClicked: this.events.onClicked,
      },
      commands: { onCommand: this.events.onCommand },
      scripting: {
        executeScript: async ({ target }) => {
          const frameId = target.frameIds?.[0] ?? 0;
          this.injections.push({ tabId: target.tabId, frameId });
          this.onInject(target.tabId, frameId);
          return [];
        },
        insertCSS: async ({ target, files }) => {
          this.onInsertCss();
          this.insertedCss.push({ tabId: target.tabId, frameId: target.frameIds?.[0] ?? 0, files });
        },
      },
      storage: {
        session: {
          get: async (key) =>
            this.session.has(key) ? { [key]: structuredClone(this.session.get(key)) } : {},
          set: async (items) => {
            for (const [k, v] of Object.entries(items)) this.session.set(k, structuredClone(v));
          },
          remove: async (key) => {
            this.session.delete(key);
          },
        },
      },
      permissions: { getAll: async () => this.grantedPermissions() },
      extension: { isAllowedFileSchemeAccess: async () => this.fileAccess },
      i18n: { getMessage: () => '' },
    };
  }

  /** The WebExtension API the popup gets. */
  get popup(): PopupBrowser {
    return {
      runtime: {
        sendMessage: (message: unknown) => this.pageSendMessage(message),
        getURL: (path: string) => BASE_URL + path,
        getManifest: () => ({
          version: '0.1.0',
          content_scripts: [{ matches: ['http://*/*', 'https://*/*'] }],
        }),
      },
      tabs: {
        sendMessage: this.tabsSendMessage,
        query: async () => (this.activeTabId === undefined ? [] : [{ id: this.activeTabId }]),
        create: async ({ url }) => {
          this.created.push(url);
        },
      },
      permissions: {
        getAll: async () => this.grantedPermissions(),
        request: async ({ origins }) => {
          this.permissionRequests.push(origins);
          if (this.grantOnRequest) this.hostAccess = true;
          return this.grantOnRequest;
        },
      },
    };
  }

  /** What permissions.getAll() reports: the content script's sites while access is granted. */
  private grantedPermissions(): { origins: string[]; permissions: string[] } {
    return {
      origins: this.hostAccess ? ['http://*/*', 'https://*/*'] : [],
      permissions: ['activeTab', 'contextMenus', 'scripting', 'storage'],
    };
  }

  private badge(tabId: number | undefined) {
    const key = tabId ?? 'global';
    let badge = this.badges.get(key);
    if (!badge) this.badges.set(key, (badge = {}));
    return badge;
  }
}
