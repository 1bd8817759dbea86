// The slice of the WebExtension API the service worker uses, typed narrowly so tests can hand in a
// small fake (STYLE.md: test seams, not mocking frameworks). webextension-polyfill's `browser`
// satisfies it; the compiler checks that in index.ts.

import type { RuntimeListener, SenderInfo, TabsSender } from '../messages';

/** An extension event: listeners in, listeners out. */
export interface ExtEvent<F> {
  addListener(listener: F): void;
  removeListener(listener: F): void;
}

/** The parts of a tab the worker reads (url and title only with activeTab or host access). */
export interface TabInfo {
  id?: number;
  url?: string;
  title?: string;
  incognito?: boolean;
  windowId?: number;
}

/** What a context-menu click reports. */
export interface MenuClick {
  menuItemId: number | string;
  selectionText?: string;
  frameId?: number;
  pageUrl?: string;
  frameUrl?: string;
}

/** The WebExtension API as the service worker uses it. */
export interface BackgroundBrowser {
  runtime: RuntimeListener & {
    getManifest(): { version: string; content_scripts?: { matches?: string[] }[] };
    onInstalled: ExtEvent<(details: { reason: string }) => void>;
    onStartup: ExtEvent<() => void>;
  };
  tabs: TabsSender & {
    get(tabId: number): Promise<TabInfo>;
    query(query: { active?: boolean; currentWindow?: boolean }): Promise<TabInfo[]>;
    create(properties: { url: string }): Promise<unknown>;
    onUpdated: ExtEvent<(tabId: number, change: { status?: string }) => void>;
    onRemoved: ExtEvent<(tabId: number) => void>;
  };
  action: {
    setBadgeText(details: { tabId?: number; text: string | null }): Promise<void>;
    setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
    setTitle(details: { tabId?: number; title: string | null }): Promise<void>;
    openPopup?(options?: Record<string, unknown>): Promise<void>;
  };
  contextMenus: {
    create(
      properties: { id: string; title: string; contexts: ['selection'] },
      callback?: () => void,
    ): unknown;
    removeAll(): Promise<void>;
    onClicked: ExtEvent<(info: MenuClick, tab?: TabInfo) => void>;
  };
  commands: {
    onCommand: ExtEvent<(command: string, tab?: TabInfo) => void>;
  };
  scripting: {
    executeScript(injection: {
      target: { tabId: number; frameIds?: number[] };
      files: string[];
    }): Promise<unknown[]>;
    insertCSS(injection: { target: { tabId: number; frameIds?: number[] }; files: string[] }): Promise<void>;
  };
  storage: {
    session: {
      get(keys: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string): Promise<void>;
    };
  };
  permissions: {
    getAll(): Promise<{ origins?: string[] }>;
  };
  extension: {
    isAllowedFileSchemeAccess(): Promise<boolean>;
  };
  i18n: {
    getMessage(name: string, substitutions?: string | string[]): string;
  };
}

export type { SenderInfo };
