// The frame every overlay card shares (the passage card and the lookup card's "nothing matches"):
// a labelled, non-modal dialog with a bar (brand, optional controls, close) over a scrolling body.
// It owns what a reader must find the same in both: where focus lands when the card appears, that
// the scrolling keys then scroll the card's body, and that Escape inside the card backs out of it.

import type { ComponentChildren, JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

import { Icon, IconButton } from './Icon';
import { UI_TEXT } from './labels';
import type { Theme } from './styles';

/** Where the card puts keyboard focus when it mounts. */
export type CardInitialFocus = 'dialog' | 'close' | 'none';

/** Props of the card frame. */
export interface CardFrameProps {
  /** Id of the heading (in the body) that names the dialog. */
  titleId: string;
  /** The brand line at the start of the bar. */
  brand: string;
  /** Controls between the brand and the close button (the passage card's prev/next). */
  controls?: ComponentChildren;
  onClose(): void;
  /** Escape inside the card; closes it unless the card has a step to go back first. */
  onEscape?: () => void;
  /** Focus on mount: the dialog itself (default), its close button, or leave focus alone. */
  initialFocus?: CardInitialFocus;
  theme: Theme;
  children: ComponentChildren;
}

/** The dialog, bar and body of an overlay card. */
export function CardFrame({
  titleId,
  brand,
  controls,
  onClose,
  onEscape = onClose,
  initialFocus = 'dialog',
  theme,
  children,
}: CardFrameProps) {
  const dialogRef = useRef<HTMLElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  // Layout effect: focus lands in the same frame the card appears, so no early keystroke is lost.
  useLayoutEffect(() => {
    const target =
      initialFocus === 'dialog' ? dialogRef.current : initialFocus === 'close' ? closeRef.current : null;
    target?.focus({ preventScroll: true });
    // Only on mount: later renders (tab switches, new passages) must not steal focus.
  }, []);

  const bodyRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>): void => {
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onEscape();
      return;
    }
    // Focus on the dialog itself (where it lands when the card opens): the scrolling keys scroll
    // the card's body, as they would a focused scroller, so its content below the last link can
    // be read without a mouse. Only while the body can move that way; at its end the page
    // scrolls, as with any nested scroller. Keys on the card's controls keep their own meaning.
    if (event.target !== event.currentTarget || !bodyRef.current) return;
    const top = scrollTarget(event, bodyRef.current);
    if (top === null) return;
    event.preventDefault();
    bodyRef.current.scrollTo({ top, behavior: 'instant' });
  };

  return (
    <section
      ref={dialogRef}
      class="sc-root sc-card"
      data-theme={theme}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header class="sc-card__bar">
        <span class="sc-brand">
          <Icon name="logo" />
          {brand}
        </span>
        {controls}
        <IconButton
          buttonRef={closeRef}
          icon="close"
          label={UI_TEXT.close}
          class="sc-close"
          onClick={onClose}
        />
      </header>
      <div ref={bodyRef} class="sc-card__body">
        {children}
      </div>
    </section>
  );
}

/** One arrow key's step, in px (about what browsers scroll a line by). */
const LINE_STEP = 40;

/**
 * Where a scrolling key (arrows, Page Up/Down, Space, Home/End) moves `body`'s scrollTop, or null
 * for any other key, a modified key, or a key that cannot move it (already at that end).
 */
export function scrollTarget(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
  body: Pick<HTMLElement, 'scrollTop' | 'scrollHeight' | 'clientHeight'>,
): number | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.shiftKey && event.key !== ' ') return null;
  const max = Math.max(0, body.scrollHeight - body.clientHeight);
  const page = Math.max(LINE_STEP, body.clientHeight - LINE_STEP);
  const current = body.scrollTop;
  let top: number;
  switch (event.key) {
    case 'ArrowDown':
      top = current + LINE_STEP;
      break;
    case 'ArrowUp':
      top = current - LINE_STEP;
      break;
    case 'PageDown':
      top = current + page;
      break;
    case 'PageUp':
      top = current - page;
      break;
    case ' ':
      top = event.shiftKey ? current - page : current + page;
      break;
    case 'Home':
      top = 0;
      break;
    case 'End':
      top = max;
      break;
    default:
      return null;
  }
  top = Math.min(max, Math.max(0, top));
  return Math.abs(top - current) < 1 ? null : top;
}
