// The WAI-ARIA tabs pattern with automatic activation, as the overlay card's claim tabs and the
// panel's tabs both use it: arrow keys move and select, Home/End jump, one tab stop (the selected
// tab), and the tabpanel is labelled by its tab. Callers keep their own markup and classes and
// spread the attributes this returns onto it.

import type { JSX } from 'preact';
import { useRef } from 'preact/hooks';

/**
 * Which arrow keys step between tabs: 'horizontal' takes Left/Right only (the panel's tab row);
 * 'all' also takes Up/Down (the card's claim tabs wrap onto several lines).
 */
export type TabArrows = 'horizontal' | 'all';

/** The tab a key press moves to from tab `at` of `count`, or undefined for keys tabs leave alone. */
export function tabKeyTarget(key: string, at: number, count: number, arrows: TabArrows): number | undefined {
  const vertical = arrows === 'all';
  if (key === 'ArrowRight' || (vertical && key === 'ArrowDown')) return (at + 1) % count;
  if (key === 'ArrowLeft' || (vertical && key === 'ArrowUp')) return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

/** Options of useTabs. */
export interface TabsOptions {
  count: number;
  /** Index of the selected tab. */
  active: number;
  /** A tab was chosen (click or key); the caller makes it the active one. */
  onActivate(i: number): void;
  /** Id of tab `i`, which labels the tabpanel while it is selected. */
  tabId(i: number): string;
  /** Id of the one tabpanel all tabs control. */
  panelId: string;
  arrows: TabArrows;
}

/** The attributes useTabs puts on each tab button. */
export interface TabAttributes {
  ref: (el: HTMLButtonElement | null) => void;
  type: 'button';
  role: 'tab';
  id: string;
  'aria-selected': boolean;
  'aria-controls': string;
  tabIndex: number;
  onClick: () => void;
}

/** The attributes useTabs puts on the tabpanel. */
export interface TabPanelAttributes {
  role: 'tabpanel';
  id: string;
  'aria-labelledby': string;
  tabIndex: number;
}

/** What a tablist component wires up: the list's key handler, each tab's and the panel's attributes. */
export interface Tabs {
  /** Select tab `i` and move focus to it. */
  select(i: number): void;
  /** For the element with role="tablist". */
  onKeyDown(event: JSX.TargetedKeyboardEvent<HTMLElement>): void;
  tab(i: number): TabAttributes;
  panel: TabPanelAttributes;
}

/** Keyboard, focus and ARIA wiring of one tablist and its tabpanel. */
export function useTabs({ count, active, onActivate, tabId, panelId, arrows }: TabsOptions): Tabs {
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const select = (i: number): void => {
    onActivate(i);
    tabRefs.current[i]?.focus();
  };
  return {
    select,
    onKeyDown(event) {
      const next = tabKeyTarget(event.key, active, count, arrows);
      if (next === undefined) return;
      event.preventDefault();
      select(next);
    },
    tab: (i) => ({
      ref: (el) => {
        tabRefs.current[i] = el;
      },
      type: 'button',
      role: 'tab',
      id: tabId(i),
      'aria-selected': i === active,
      'aria-controls': panelId,
      tabIndex: i === active ? 0 : -1,
      onClick: () => select(i),
    }),
    panel: { role: 'tabpanel', id: panelId, 'aria-labelledby': tabId(active), tabIndex: 0 },
  };
}
