// The popup panel: a header, notes that matter right now (storage trouble, missing site access),
// four tabs (this page, search, history, settings) and a footer with the privacy promise and the
// versions in use. Props in, callbacks out: src/popup/ fetches the data and performs the actions
// (STYLE.md: controllers and components apart).

import { useId, useMemo } from 'preact/hooks';

import type { DatasetIndex } from '../../dataset/indexed';
import type { HistoryView, SettingsChange, SettingsView } from '../../messages';
import { IconButton } from '../Icon';
import { useTabs } from '../tabs';
import { HistoryTab } from './HistoryTab';
import { Note } from './Note';
import { PageTab } from './PageTab';
import { createSearch } from './search';
import { SearchTab } from './SearchTab';
import { SettingsTab } from './SettingsTab';
import type { PageState } from './types';

export type { PageState } from './types';
import { PANEL_TEXT, hostOf, storageText } from './text';

/** The panel's tabs. */
export type PanelTab = 'page' | 'search' | 'history' | 'settings';

/** The order of the tabs, as the tablist shows them. */
export const PANEL_TABS: readonly PanelTab[] = ['page', 'search', 'history', 'settings'];

/** Props of the panel. */
export interface PanelProps {
  index: DatasetIndex;
  page: PageState;
  settings?: SettingsView;
  /** Undefined until the history tab is first opened. */
  history?: HistoryView;
  /** False when the browser has not granted access to sites (Firefox opt-in). */
  hostAccess?: boolean;
  /** The reader was asked for site access and said no. */
  hostAccessDenied?: boolean;
  tab: PanelTab;
  onTab(tab: PanelTab): void;
  /** A claim to show expanded in the search tab (from history or the "left out" list). */
  openClaimId?: string;
  onOpenClaim(claimId: string): void;
  onShowPassage(index: number): void;
  onOpenPassage(index: number): void;
  onChange(change: SettingsChange): void;
  onClearHistory(id?: number): void;
  onRequestHostAccess(): void;
  /** Present when the panel is in the toolbar popup: opens it in a tab of its own. */
  onOpenInTab?: () => void;
  versions: { extension: string; dataset: string };
  /** Opened after install: greet and explain. */
  welcome?: boolean;
  now?: () => number; // test seam for the history's "5 min ago"
}

const TAB_LABELS: Readonly<Record<PanelTab, string>> = {
  page: PANEL_TEXT.tabPage,
  search: PANEL_TEXT.tabSearch,
  history: PANEL_TEXT.tabHistory,
  settings: PANEL_TEXT.tabSettings,
};

/** The toolbar popup's panel. */
export function Panel(props: PanelProps) {
  const { index, page, settings, tab, onTab } = props;
  const baseId = `pn-${useId()}`;
  const search = useMemo(() => createSearch(index), [index]);
  const site = settings?.site ?? (page.kind === 'ready' ? hostOf(page.summary.url) : undefined);

  const tabs = useTabs({
    count: PANEL_TABS.length,
    active: PANEL_TABS.indexOf(tab),
    onActivate: (i) => onTab(PANEL_TABS[i]!),
    tabId: (i) => `${baseId}-tab-${PANEL_TABS[i]}`,
    panelId: `${baseId}-panel`,
    arrows: 'horizontal',
  });

  return (
    <div class="sc-root pn-root">
      <header class="pn-header">
        <img class="pn-logo" src="icons/icon-32.png" width={24} height={24} alt="" />
        <div class="pn-header__text">
          <h1 class="pn-title">Source Context</h1>
          {site && page.kind !== 'none' ? <p class="pn-site">{site}</p> : null}
        </div>
        {props.onOpenInTab ? (
          <IconButton icon="external" label={PANEL_TEXT.openInTab} onClick={props.onOpenInTab} />
        ) : null}
      </header>

      <main class="pn-main">
        <GlobalNotes {...props} />

        <div class="pn-tabs" role="tablist" aria-label={PANEL_TEXT.tabsLabel} onKeyDown={tabs.onKeyDown}>
          {PANEL_TABS.map((name, i) => (
            <button key={name} {...tabs.tab(i)} class="pn-tab">
              {name === 'page' && props.welcome ? PANEL_TEXT.tabStart : TAB_LABELS[name]}
            </button>
          ))}
        </div>

        <div class="pn-panel" {...tabs.panel}>
          {tab === 'page' ? (
            <PageTab
              page={page}
              index={index}
              settings={settings}
              onShowPassage={props.onShowPassage}
              onOpenPassage={props.onOpenPassage}
              onOpenClaim={props.onOpenClaim}
              onChange={props.onChange}
              onSearch={() => tabs.select(PANEL_TABS.indexOf('search'))}
              welcome={props.welcome}
            />
          ) : tab === 'search' ? (
            <SearchTab index={index} search={search} openClaimId={props.openClaimId} />
          ) : tab === 'history' ? (
            <HistoryTab
              history={props.history}
              index={index}
              onClear={props.onClearHistory}
              onOpenClaim={props.onOpenClaim}
              now={props.now ?? Date.now}
            />
          ) : (
            <SettingsTab
              settings={settings}
              site={page.kind === 'ready' || page.kind === 'unavailable' ? site : undefined}
              onChange={props.onChange}
            />
          )}
        </div>
        <footer class="pn-footer">
          <p>{PANEL_TEXT.privacy}</p>
          <p>
            {PANEL_TEXT.extensionVersion} {props.versions.extension} · {PANEL_TEXT.datasetVersion}{' '}
            {props.versions.dataset}
          </p>
        </footer>
      </main>
    </div>
  );
}

function GlobalNotes(props: PanelProps) {
  const problem = props.settings?.problem ?? props.history?.problem;
  return (
    <>
      {props.welcome ? (
        <section class="pn-welcome" aria-labelledby="pn-welcome-title">
          <h2 id="pn-welcome-title" class="pn-welcome__title">
            {PANEL_TEXT.welcomeTitle}
          </h2>
          <p>{PANEL_TEXT.welcomeBody}</p>
        </section>
      ) : null}
      {props.hostAccess === false ? (
        <Note title={PANEL_TEXT.hostAccessTitle}>
          <p>{PANEL_TEXT.hostAccessBody}</p>
          <p class="pn-note__actions">
            <button type="button" class="pn-button pn-button--primary" onClick={props.onRequestHostAccess}>
              {PANEL_TEXT.hostAccessButton}
            </button>
          </p>
          {props.hostAccessDenied ? <p role="status">{PANEL_TEXT.hostAccessDenied}</p> : null}
        </Note>
      ) : null}
      {problem ? (
        <Note title={PANEL_TEXT.storageTitle} tone="warning">
          <p>{storageText(problem)}</p>
        </Note>
      ) : null}
    </>
  );
}
