// The popup's controller: finds the tab it is about, asks its content script for the page summary
// (having the service worker inject one, or say why it cannot), loads settings and history from
// the service worker, and performs the panel's actions. The panel itself (src/ui/panel/) only
// draws. The browser API comes in as a prop, so tests hand in a fake.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

import type { DatasetIndex } from '../dataset/indexed';
import {
  MessageError,
  send,
  sendToTab,
  type HistoryView,
  type RuntimeSender,
  type SettingsChange,
  type SettingsView,
  type TabsSender,
} from '../messages';
import { Panel, type PageState, type PanelTab } from '../ui/panel/Panel';

/** The slice of the WebExtension API the popup uses (webextension-polyfill's `browser` fits). */
export interface PopupBrowser {
  runtime: RuntimeSender & {
    getURL(path: string): string;
    getManifest(): { version: string; content_scripts?: { matches?: string[] }[] };
  };
  tabs: TabsSender & {
    query(query: { active?: boolean; currentWindow?: boolean }): Promise<{ id?: number }[]>;
    create(properties: { url: string }): Promise<unknown>;
  };
  permissions: {
    getAll(): Promise<{ origins?: string[] }>;
    request(permissions: { origins: string[] }): Promise<boolean>;
  };
}

/** Props of the popup. */
export interface PopupAppProps {
  browser: PopupBrowser;
  index: DatasetIndex;
  /** The tab to describe (popup.html?tab=<id>); by default the current window's active tab. */
  tabId?: number;
  /** Open in a tab of its own rather than the toolbar popup. */
  inTab?: boolean;
  /** Opened after install (popup.html?welcome=1): greet, explain site access, no page. */
  welcome?: boolean;
  /** Closes the toolbar popup (window.close) after an action that moves the reader to the page. */
  closeWindow?: () => void;
  /** How often to ask again while the page is still being read. */
  pollMs?: number;
  now?: () => number; // test seam
}

/** The origins the content script is declared for: what "access to sites" means here. */
export function contentOrigins(browser: Pick<PopupBrowser, 'runtime'>): string[] {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  return [...new Set(scripts.flatMap((script) => script.matches ?? []))];
}

/**
 * Whether the content script may run on the sites it is declared for. Chrome grants that with
 * the extension; Firefox (MV3) leaves it to the reader, who may decline or revoke it. Both list
 * the granted origins in permissions.getAll(), so this asks the browser rather than guessing it.
 */
export async function hasSiteAccess(
  browser: Pick<PopupBrowser, 'runtime' | 'permissions'>,
): Promise<boolean> {
  const granted = new Set((await browser.permissions.getAll()).origins ?? []);
  return contentOrigins(browser).every((origin) => granted.has(origin));
}

/** The popup. */
export function PopupApp(props: PopupAppProps) {
  const { browser, index, pollMs = 700 } = props;
  const [tabId, setTabId] = useState<number | undefined>(props.tabId);
  const [page, setPage] = useState<PageState>(props.welcome ? { kind: 'none' } : { kind: 'loading' });
  const [settings, setSettings] = useState<SettingsView | undefined>(undefined);
  const [history, setHistory] = useState<HistoryView | undefined>(undefined);
  const [hostAccess, setHostAccess] = useState<boolean | undefined>(undefined);
  const [denied, setDenied] = useState(false);
  const [tab, setTab] = useState<PanelTab>('page');
  const [openClaimId, setOpenClaimId] = useState<string | undefined>(undefined);
  const pageUrl = useRef<string | undefined>(undefined);
  // The page URL the settings were last loaded for ('' = none yet): they depend on its site.
  const settingsFor = useRef<string | undefined>(undefined);
  const alive = useRef(true);
  const origins = contentOrigins(browser);

  const loadSettings = useCallback(
    async (url?: string) => {
      try {
        const view = await send(browser.runtime, { type: 'get-settings', ...(url ? { url } : {}) });
        if (alive.current) setSettings(view);
      } catch (error) {
        if (alive.current) setSettings(undefined);
        console.error('Source Context: settings', error);
      }
    },
    [browser],
  );

  const loadPage = useCallback(
    async (id: number): Promise<void> => {
      let next: PageState;
      try {
        next = { kind: 'ready', summary: await sendToTab(browser.tabs, id, { type: 'get-summary' }) };
      } catch (error) {
        if (!(error instanceof MessageError) || error.code !== 'no-receiver') {
          next = {
            kind: 'unavailable',
            unavailable: { reason: 'unknown', detail: (error as Error).message },
          };
        } else {
          // No script in the tab: have the worker inject one, or learn why it can't.
          try {
            const prepared = await send(browser.runtime, { type: 'prepare-tab', tabId: id });
            next = prepared.ready
              ? { kind: 'ready', summary: await sendToTab(browser.tabs, id, { type: 'get-summary' }) }
              : { kind: 'unavailable', unavailable: prepared.unavailable };
          } catch (inner) {
            next = {
              kind: 'unavailable',
              unavailable: { reason: 'unknown', detail: (inner as Error).message },
            };
          }
        }
      }
      if (!alive.current) return;
      setPage(next);
      const url =
        next.kind === 'ready'
          ? next.summary.url
          : next.kind === 'unavailable'
            ? next.unavailable.url
            : undefined;
      pageUrl.current = url;
      if (settingsFor.current !== (url ?? '')) {
        settingsFor.current = url ?? '';
        await loadSettings(url);
      }
    },
    [browser, loadSettings],
  );

  // Start: site access, the tab, its page and the settings.
  useEffect(() => {
    alive.current = true;
    hasSiteAccess(browser).then(
      (granted) => alive.current && setHostAccess(granted),
      () => alive.current && setHostAccess(undefined),
    );
    if (props.welcome) {
      void loadSettings();
      return () => {
        alive.current = false;
      };
    }
    void (async () => {
      let id = props.tabId;
      if (id === undefined) {
        try {
          id = (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
        } catch {
          id = undefined;
        }
      }
      if (!alive.current) return;
      if (id === undefined) {
        setPage({
          kind: 'unavailable',
          unavailable: { reason: 'unknown', detail: 'There is no active tab.' },
        });
        void loadSettings();
        return;
      }
      setTabId(id);
      await loadPage(id);
    })();
    return () => {
      alive.current = false;
    };
  }, []);

  // While the page is still being read, ask again now and then.
  const scanning = page.kind === 'ready' && page.summary.state === 'scanning';
  useEffect(() => {
    if (!scanning || tabId === undefined) return;
    const timer = setTimeout(() => void loadPage(tabId), pollMs);
    return () => clearTimeout(timer);
  }, [page, scanning, tabId]);

  const onTab = (next: PanelTab): void => {
    setTab(next);
    if (next !== 'search') setOpenClaimId(undefined);
    if (next === 'history' && history === undefined) {
      send(browser.runtime, { type: 'get-history' }).then(
        (view) => alive.current && setHistory(view),
        (error: unknown) =>
          alive.current &&
          setHistory({
            entries: [],
            problem: { kind: 'unavailable', message: String((error as Error).message ?? error) },
          }),
      );
    }
  };

  const tell = (what: string) => (error: unknown) => console.error(`Source Context: ${what}`, error);

  return (
    <Panel
      index={index}
      page={page}
      settings={settings}
      history={history}
      hostAccess={hostAccess}
      hostAccessDenied={denied}
      tab={tab}
      onTab={onTab}
      openClaimId={openClaimId}
      onOpenClaim={(claimId) => {
        setOpenClaimId(claimId);
        setTab('search');
      }}
      onShowPassage={(i) => {
        if (tabId === undefined) return;
        sendToTab(browser.tabs, tabId, { type: 'show-passage', index: i }).catch(tell('show passage'));
      }}
      onOpenPassage={(i) => {
        if (tabId === undefined) return;
        sendToTab(browser.tabs, tabId, { type: 'open-passage', index: i }).then(
          // The card takes the reader back to the page: the toolbar popup makes way.
          (reply) => reply.done && !props.inTab && props.closeWindow?.(),
          tell('open passage'),
        );
      }}
      onChange={(change: SettingsChange) => {
        send(browser.runtime, {
          type: 'update-settings',
          change,
          ...(pageUrl.current ? { url: pageUrl.current } : {}),
        })
          .then((view) => {
            if (!alive.current) return;
            setSettings(view);
            // The worker waited for every page to apply the change: the summary is current now.
            if (tabId !== undefined && page.kind === 'ready') void loadPage(tabId);
          })
          .catch(tell('settings'));
      }}
      onClearHistory={(id) => {
        send(browser.runtime, { type: 'clear-history', ...(id === undefined ? {} : { id }) }).then(
          (view) => alive.current && setHistory(view),
          tell('history'),
        );
      }}
      onRequestHostAccess={() => {
        // Called straight from the click: Firefox only grants permissions inside a user gesture.
        browser.permissions.request({ origins }).then(
          (granted) => {
            if (!alive.current) return;
            setHostAccess(granted);
            setDenied(!granted);
            if (granted && tabId !== undefined) void loadPage(tabId);
          },
          (error: unknown) => {
            setDenied(true);
            tell('permissions')(error);
          },
        );
      }}
      onOpenInTab={
        props.inTab || tabId === undefined
          ? undefined
          : () => {
              browser.tabs
                .create({ url: browser.runtime.getURL(`popup.html?tab=${tabId}`) })
                .then(() => props.closeWindow?.(), tell('open in tab'));
            }
      }
      versions={{ extension: browser.runtime.getManifest().version, dataset: index.dataset.version }}
      welcome={props.welcome}
      now={props.now}
    />
  );
}
