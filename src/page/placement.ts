// Where the card goes: a pure function (viewport maths only, tested with plain numbers) and a small
// controller that re-applies it on scroll and resize, at most once a frame, with `position: fixed`
// coordinates so the page's layout never shifts.

import { Disposer, type TimerHost } from './teardown';

/** A rectangle in viewport coordinates (a DOMRect fits). */
export interface AnchorRect {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

/** Which side of the anchor the card is on; 'over' when no side had room (it may cover the anchor). */
export type Side = 'below' | 'above' | 'right' | 'left' | 'over';

/** Where to put the card, in viewport (position: fixed) coordinates. */
export interface Placement {
  top: number;
  left: number;
  side: Side;
  /** Cap the card's height to this (it scrolls inside) so it stays in the viewport on that side. */
  maxHeight: number;
  maxWidth: number;
  /** False when the anchor has scrolled out of view (the caller may close the card). */
  anchorVisible: boolean;
}

/** Input to `placeCard`. */
export interface PlaceCardInput {
  anchor: AnchorRect;
  card: { width: number; height: number };
  viewport: { width: number; height: number };
  /** Distance kept from the viewport edges (default 8). */
  margin?: number;
  /** Distance between anchor and card (default 6). */
  gap?: number;
  /** A side shorter than this is not worth shrinking the card into (default 120). */
  minHeight?: number;
}

function finite(value: number, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`placeCard: ${name} must be a finite number, got ${String(value)}`);
  }
  return value;
}

/**
 * Place a card of the given size near the anchor, inside the viewport minus a margin: below if it
 * fits, else above, else to the right, else to the left; if no side fits whole, on the taller of
 * below/above with a capped height; only when even that is too small does it go over the anchor.
 */
export function placeCard(input: PlaceCardInput): Placement {
  const { anchor, card, viewport } = input;
  const top = finite(anchor.top, 'anchor.top');
  const left = finite(anchor.left, 'anchor.left');
  const right = finite(anchor.right, 'anchor.right');
  const bottom = finite(anchor.bottom, 'anchor.bottom');
  const vw = Math.max(0, finite(viewport.width, 'viewport.width'));
  const vh = Math.max(0, finite(viewport.height, 'viewport.height'));
  const margin = Math.max(0, finite(input.margin ?? 8, 'margin'));
  const gap = Math.max(0, finite(input.gap ?? 6, 'gap'));
  const minHeight = finite(input.minHeight ?? 120, 'minHeight');
  const availableWidth = Math.max(0, vw - 2 * margin);
  const availableHeight = Math.max(0, vh - 2 * margin);
  const width = Math.min(Math.max(0, finite(card.width, 'card.width')), availableWidth);
  const height = Math.max(0, finite(card.height, 'card.height'));

  const clampX = (x: number): number => Math.max(margin, Math.min(x, vw - margin - width));
  const clampY = (y: number, h: number): number => Math.max(margin, Math.min(y, vh - margin - h));
  const anchorVisible = bottom > 0 && top < vh && right > 0 && left < vw;
  const result = (side: Side, y: number, x: number, maxHeight: number): Placement => {
    const cap = Math.max(0, Math.min(maxHeight, availableHeight));
    return {
      top: clampY(y, Math.min(height, cap)),
      left: clampX(x),
      side,
      maxHeight: cap,
      maxWidth: availableWidth,
      anchorVisible,
    };
  };

  const below = vh - margin - (bottom + gap);
  const above = top - gap - margin;
  const rightSpace = vw - margin - (right + gap);
  const leftSpace = left - gap - margin;
  if (height <= below) return result('below', bottom + gap, left, below);
  if (height <= above) return result('above', top - gap - height, left, above);
  if (height <= availableHeight && width <= rightSpace)
    return result('right', top, right + gap, availableHeight);
  if (height <= availableHeight && width <= leftSpace)
    return result('left', top, left - gap - width, availableHeight);
  if (Math.max(below, above) >= minHeight) {
    return below >= above
      ? result('below', bottom + gap, left, below)
      : result('above', top - gap - above, left, above);
  }
  return result('over', top, left, availableHeight);
}

/** Options for a PlacementController. */
export interface PlacementControllerOptions {
  /** The card's outer element; the controller sets its position (fixed), top, left and max sizes. */
  element: HTMLElement;
  /** The anchor's current rect (e.g. the clicked line's rect); null when it is gone. */
  anchor: () => AnchorRect | null;
  window?: Window; // test seam; defaults to the element's window
  timers?: TimerHost; // test seam; defaults to the window
  margin?: number;
  gap?: number;
  minHeight?: number;
  /** Called after each placement (null: the anchor is gone, nothing was moved). */
  onPlace?: (placement: Placement | null) => void;
}

/** Keeps a card placed next to its anchor while the page scrolls and resizes. */
export class PlacementController {
  private readonly options: PlacementControllerOptions;
  private readonly view: Window;
  private readonly disposer: Disposer;
  private readonly schedule: () => void;

  constructor(options: PlacementControllerOptions) {
    if (!options?.element || typeof options.anchor !== 'function') {
      throw new TypeError('PlacementController: needs an element and an anchor() function');
    }
    const view = options.window ?? options.element.ownerDocument.defaultView;
    if (!view) throw new Error('PlacementController: the element has no window');
    this.options = options;
    this.view = view;
    this.disposer = new Disposer(options.timers ?? (view as unknown as TimerHost));
    this.schedule = this.disposer.throttleFrame(() => this.placeNow());
    options.element.style.setProperty('position', 'fixed');
    // Capture: scrolling an inner container moves the anchor too.
    this.disposer.listen(view, 'scroll', this.schedule, { capture: true, passive: true });
    this.disposer.listen(view, 'resize', this.schedule, { passive: true });
    const ResizeObserverCtor = (view as Window & { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
    if (ResizeObserverCtor) {
      const observer = this.disposer.use(new ResizeObserverCtor(this.schedule));
      observer.observe(options.element);
      // The page's own layout moves the anchor too (a live blog prepends an entry above it).
      const body = view.document.body;
      if (body) observer.observe(body);
    }
  }

  /** Re-place on the next frame (after the card's content changed, for instance). */
  update(): void {
    this.schedule();
  }

  /** Place now (reads layout once) and return the placement, or null if the anchor is gone. */
  placeNow(): Placement | null {
    if (this.disposer.disposed) return null;
    const { element, anchor: getAnchor, onPlace } = this.options;
    const anchor = getAnchor();
    if (!anchor) {
      onPlace?.(null);
      return null;
    }
    // Measure the card's natural size, not the height we capped it to last time.
    element.style.removeProperty('max-height');
    const size = element.getBoundingClientRect();
    const root = this.view.document.documentElement;
    const placement = placeCard({
      anchor,
      card: { width: size.width, height: size.height },
      // clientWidth/Height exclude scrollbars; fall back to inner sizes where they read 0.
      viewport: {
        width: root?.clientWidth || this.view.innerWidth,
        height: root?.clientHeight || this.view.innerHeight,
      },
      margin: this.options.margin,
      gap: this.options.gap,
      minHeight: this.options.minHeight,
    });
    element.style.setProperty('top', `${placement.top}px`);
    element.style.setProperty('left', `${placement.left}px`);
    element.style.setProperty('max-height', `${placement.maxHeight}px`);
    element.style.setProperty('max-width', `${placement.maxWidth}px`);
    element.dataset.side = placement.side;
    onPlace?.(placement);
    return placement;
  }

  /** Stop following the anchor (listeners, observer, pending frame). */
  destroy(): void {
    this.disposer.dispose();
  }
}
