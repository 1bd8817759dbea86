// The frame every overlay card shares (the passage card and the lookup card's "nothing matches"):
// a labelled, non-modal dialog with a bar (brand, optional controls, close) over a scrolling body.
// It owns what a reader must find the same in both: where focus lands when the card appears, and
// that Escape inside the card backs out of it.

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

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    onEscape();
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
      <div class="sc-card__body">{children}</div>
    </section>
  );
}
