// The small pill in a page corner that says the page has linked passages, and opens a keyboard-
// navigable list of them. Props in, callbacks out: the caller places it and decides what choosing a
// passage does (scroll to it, open its card).

import type { JSX } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';

import type { DatasetIndex } from '../dataset/indexed';
import type { ClaimMatch } from '../match/types';
import { Icon, IconButton } from './Icon';
import { UI_TEXT, carriageSentence, indicatorSummary, moreClaims, type ActorName } from './labels';
import { distinctClaimIds, uniqueClaims } from './passages';
import type { Theme } from './styles';
import { snippet } from './text';

/** Props of the page indicator. */
export interface PageIndicatorProps {
  /** The page's linked passages in page order, each the matches of one passage (see groupIntoPassages). */
  passages: readonly (readonly ClaimMatch[])[];
  index: DatasetIndex;
  /** A passage was chosen from the list (by index into `passages`); the list collapses. */
  onSelect(i: number): void;
  /** The dismiss button was pressed: the caller hides the indicator (and maybe the highlights). */
  onDismiss(): void;
  /** The passage whose card is open, marked in the list and focused first when it opens. */
  activeIndex?: number;
  /** Controlled open state; leave undefined to let the indicator manage it. */
  expanded?: boolean;
  /** Called whenever the indicator wants to open or close its list. */
  onExpandedChange?: (expanded: boolean) => void;
  /** Initial open state when uncontrolled. */
  defaultExpanded?: boolean;
  /** The page edge the pill sits on: the list opens away from it. Default 'bottom'. */
  edge?: 'top' | 'bottom';
  /** 'auto' (default) follows prefers-color-scheme. */
  theme?: Theme;
}

// Characters of page text and of the claim statement shown per list row.
const SNIPPET_CHARS = 110;
const STATEMENT_CHARS = 120;

/** The page-corner pill with its list of linked passages. */
export function PageIndicator(props: PageIndicatorProps) {
  const { passages, index, onSelect, onDismiss, activeIndex, edge = 'bottom', theme = 'auto' } = props;
  const listId = `sc-indicator-${useId()}`;
  const [ownExpanded, setOwnExpanded] = useState(props.defaultExpanded ?? false);
  const expanded = (props.expanded ?? ownExpanded) && passages.length > 0;
  const toggleRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  // Set when the user opened the list, so focus moves into it (not when it starts open).
  const focusOnOpen = useRef(false);

  const setExpanded = (next: boolean): void => {
    if (props.expanded === undefined) setOwnExpanded(next);
    props.onExpandedChange?.(next);
  };

  // Layout effect: the list takes focus in the frame it appears, so an arrow key pressed right
  // after Enter reaches the list rather than the pill.
  useLayoutEffect(() => {
    if (!expanded || !focusOnOpen.current) return;
    focusOnOpen.current = false;
    const start = activeIndex !== undefined && activeIndex < passages.length ? activeIndex : 0;
    itemRefs.current[start]?.focus();
  }, [expanded]);

  const collapse = (): void => {
    setExpanded(false);
    toggleRef.current?.focus();
  };

  const onListKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>): void => {
    const items = itemRefs.current.slice(0, passages.length);
    const at = items.findIndex((item) => item === rootActiveElement(event.currentTarget));
    const last = items.length - 1;
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = at < 0 || at >= last ? 0 : at + 1;
    else if (event.key === 'ArrowUp') next = at <= 0 ? last : at - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    if (next === undefined) return;
    event.preventDefault();
    items[next]?.focus();
  };

  const onRootKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>): void => {
    if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      event.stopPropagation();
      collapse();
    }
  };

  const choose = (i: number): void => {
    setExpanded(false);
    onSelect(i);
  };

  const claims = distinctClaimIds(passages).length;
  const actorName: ActorName = (id) => index.actor(id)?.name;

  return (
    <div class={`sc-root sc-indicator sc-indicator--${edge}`} data-theme={theme} onKeyDown={onRootKeyDown}>
      <div class="sc-pill">
        <button
          ref={toggleRef}
          type="button"
          class="sc-pill__main"
          aria-expanded={passages.length > 0 ? expanded : undefined}
          aria-controls={expanded ? listId : undefined}
          disabled={passages.length === 0}
          onClick={() => {
            focusOnOpen.current = !expanded;
            setExpanded(!expanded);
          }}
        >
          <Icon name="logo" />
          <span class="sc-pill__brand">{UI_TEXT.brand}:</span>{' '}
          <span>{indicatorSummary(passages.length, claims)}</span>
        </button>
        <IconButton
          icon="close"
          size={14}
          label={UI_TEXT.dismiss}
          class="sc-pill__dismiss"
          onClick={onDismiss}
        />
      </div>
      {expanded ? (
        <div class="sc-panel">
          <h2 class="sc-panel__title" id={`${listId}-title`}>
            {UI_TEXT.linkedPassages}
          </h2>
          <ul class="sc-list" id={listId} aria-labelledby={`${listId}-title`} onKeyDown={onListKeyDown}>
            {passages.map((passage, i) => (
              <li key={i}>
                <PassageItem
                  passage={passage}
                  index={index}
                  actorName={actorName}
                  current={i === activeIndex}
                  buttonRef={(el) => {
                    itemRefs.current[i] = el;
                  }}
                  onChoose={() => choose(i)}
                />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

// Inside a shadow root, document.activeElement is the host; the root's own activeElement is the
// focused button. Reading it from the element's root works in both cases.
function rootActiveElement(el: HTMLElement): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.activeElement ?? null;
}

interface PassageItemProps {
  passage: readonly ClaimMatch[];
  index: DatasetIndex;
  actorName: ActorName;
  current: boolean;
  buttonRef(el: HTMLButtonElement | null): void;
  onChoose(): void;
}

function PassageItem({ passage, index, actorName, current, buttonRef, onChoose }: PassageItemProps) {
  const claims = uniqueClaims(passage);
  const first = claims[0];
  const statement = first ? (index.claim(first.claimId)?.statement ?? first.claimId) : '';
  return (
    <button
      ref={buttonRef}
      type="button"
      class="sc-item"
      aria-current={current ? 'true' : undefined}
      onClick={onChoose}
    >
      <span class="sc-item__claim">
        {snippet(statement, STATEMENT_CHARS)}
        {claims.length > 1 ? <span class="sc-item__more"> {moreClaims(claims.length - 1)}</span> : null}
      </span>
      {first ? (
        <>
          <span class="sc-item__snippet">{snippet(first.text, SNIPPET_CHARS)}</span>
          <span class="sc-item__how">{carriageSentence(first, actorName)}</span>
        </>
      ) : null}
    </button>
  );
}
