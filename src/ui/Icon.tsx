// The overlay's icons as inline SVG drawn with currentColor, so they follow the theme and forced
// colors. Each cue has its own shape: meaning never rests on colour alone.

import type { Ref } from 'preact';

/** The names of the icons the overlay draws. */
export type IconName =
  | 'logo'
  | 'close'
  | 'prev'
  | 'next'
  | 'external'
  | 'direct-quote'
  | 'paraphrase'
  | 'partial-quote'
  | 'attributed'
  | 'hedged'
  | 'stated-as-fact'
  | 'absent'
  | 'same'
  | 'chevron-down';

// 16×16 outlines; strokes unless noted. Kept to a few segments each so they stay legible at 14 px.
const PATHS: Record<IconName, { d: string; fill?: boolean }> = {
  logo: { d: 'M3 3.5h10M3 6.5h7M3 9.5h10M3 12.5h5M12.5 11.5l2 2' },
  close: { d: 'M4 4l8 8M12 4l-8 8' },
  prev: { d: 'M10 3.5L5.5 8l4.5 4.5' },
  next: { d: 'M6 3.5l4.5 4.5L6 12.5' },
  external: { d: 'M9 3h4v4M13 3L7.5 8.5M11 9.5V13H3V5h3.5' },
  'direct-quote': {
    d: 'M3 4h4v4.2C7 10.5 5.8 12 4 12.5V11c.9-.4 1.3-1.1 1.4-2.5H3zM9 4h4v4.2c0 2.3-1.2 3.8-3 4.3V11c.9-.4 1.3-1.1 1.4-2.5H9z',
    fill: true,
  },
  paraphrase: { d: 'M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2zM5 6h6M5 8.2h4' },
  'partial-quote': { d: 'M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2zM5.5 5.5v2.5M8 5.5v2.5' },
  attributed: { d: 'M8 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM3 13.5c.6-2.6 2.6-4 5-4s4.4 1.4 5 4' },
  hedged: {
    d: 'M1.5 6c1.6-2 3.3-2 4.9 0s3.3 2 4.9 0 2.6-1.4 3.2-1M1.5 11c1.6-2 3.3-2 4.9 0s3.3 2 4.9 0 2.6-1.4 3.2-1',
  },
  'stated-as-fact': { d: 'M8 1.8l6.5 11.7h-13zM8 6v3.8M8 11.6v.3' },
  absent: { d: 'M8 14A6 6 0 1 0 8 2a6 6 0 0 0 0 12zM5 8h6' },
  same: { d: 'M3 8.5l3 3 7-7' },
  'chevron-down': { d: 'M4 6l4 4 4-4' },
};

/** A decorative icon: hidden from assistive technology, since the text next to it says the same. */
export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  const { d, fill } = PATHS[name];
  return (
    <svg
      class={`sc-icon sc-icon--${name}`}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={d}
        fill={fill ? 'currentColor' : 'none'}
        stroke={fill ? 'none' : 'currentColor'}
        stroke-width="1.6"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

/** Props of an icon-only button. */
export interface IconButtonProps {
  icon: IconName;
  /** The button's accessible name: an icon-only button has no text of its own to be named by. */
  label: string;
  onClick?: () => void;
  /** Classes added after `sc-icon-btn` (placement and variants). */
  class?: string;
  size?: number;
  disabled?: boolean;
  /** For callers that move focus to the button. */
  buttonRef?: Ref<HTMLButtonElement>;
}

/** An icon-only button: never submits a form, named by its label, its icon hidden from readers. */
export function IconButton({
  icon,
  label,
  onClick,
  class: extra,
  size,
  disabled,
  buttonRef,
}: IconButtonProps) {
  return (
    <button
      ref={buttonRef}
      type="button"
      class={extra ? `sc-icon-btn ${extra}` : 'sc-icon-btn'}
      aria-label={label}
      disabled={disabled}
      onClick={onClick ? () => onClick() : undefined}
    >
      <Icon name={icon} size={size} />
    </button>
  );
}
