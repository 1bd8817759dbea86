// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { PlacementController, placeCard, type AnchorRect, type Placement } from '../../src/page/placement';
import type { TimerHost } from '../../src/page/teardown';

const viewport = { width: 1000, height: 800 };
const card = { width: 320, height: 200 };
const rect = (left: number, top: number, width = 100, height = 20): AnchorRect => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

function overlaps(p: Placement, size: { width: number; height: number }, a: AnchorRect): boolean {
  const height = Math.min(size.height, p.maxHeight);
  const width = Math.min(size.width, p.maxWidth);
  return p.left < a.right && p.left + width > a.left && p.top < a.bottom && p.top + height > a.top;
}

describe('placeCard', () => {
  it('prefers below the anchor, aligned with its left edge', () => {
    expect(placeCard({ anchor: rect(100, 100), card, viewport })).toMatchObject({
      side: 'below',
      top: 126,
      left: 100,
      anchorVisible: true,
    });
  });

  it('goes above when there is no room below', () => {
    const p = placeCard({ anchor: rect(100, 700), card, viewport });
    expect(p).toMatchObject({ side: 'above', top: 700 - 6 - 200, left: 100 });
  });

  it('goes beside when neither below nor above fits', () => {
    const tall = { width: 300, height: 500 };
    const anchor = rect(100, 350);
    expect(placeCard({ anchor, card: tall, viewport })).toMatchObject({ side: 'right', left: 206 });
    expect(placeCard({ anchor: rect(600, 350), card: { width: 500, height: 500 }, viewport })).toMatchObject({
      side: 'left',
      left: 600 - 6 - 500,
    });
  });

  it('keeps the card inside the viewport at every corner', () => {
    const corners = [rect(0, 0, 10, 10), rect(990, 0, 10, 10), rect(0, 790, 10, 10), rect(990, 790, 10, 10)];
    for (const anchor of corners) {
      const p = placeCard({ anchor, card, viewport });
      expect(p.left).toBeGreaterThanOrEqual(8);
      expect(p.left + card.width).toBeLessThanOrEqual(992);
      expect(p.top).toBeGreaterThanOrEqual(8);
      expect(p.top + Math.min(card.height, p.maxHeight)).toBeLessThanOrEqual(792);
      expect(overlaps(p, card, anchor)).toBe(false);
    }
  });

  it('shrinks into the taller side before covering the anchor', () => {
    const big = { width: 900, height: 700 };
    const p = placeCard({ anchor: rect(50, 300), card: big, viewport });
    expect(p.side).toBe('below');
    expect(p.maxHeight).toBe(800 - 8 - 326);
    expect(overlaps(p, big, rect(50, 300))).toBe(false);
  });

  it('covers the anchor only in a tiny viewport, and never leaves it', () => {
    const tiny = { width: 200, height: 150 };
    const p = placeCard({ anchor: rect(20, 60, 50, 20), card, viewport: tiny });
    expect(p.side).toBe('over');
    expect(p).toMatchObject({ top: 8, left: 8, maxWidth: 184, maxHeight: 134 });
    const none = placeCard({ anchor: rect(0, 0), card, viewport: { width: 10, height: 10 } });
    expect(none).toMatchObject({ maxWidth: 0, maxHeight: 0 });
  });

  it('clamps when the anchor scrolled out of view and says so', () => {
    const p = placeCard({ anchor: rect(100, -300), card, viewport });
    expect(p.anchorVisible).toBe(false);
    expect(p.top).toBe(8);
  });

  it('rejects non-finite input, naming the field', () => {
    expect(() => placeCard({ anchor: { ...rect(0, 0), top: NaN }, card, viewport })).toThrow(/anchor\.top/);
    expect(() => placeCard({ anchor: rect(0, 0), card: { width: Infinity, height: 1 }, viewport })).toThrow(
      /card\.width/,
    );
  });

  it('never covers a visible anchor unless it says "over", and stays in the viewport when it can', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 2000 }),
        fc.integer({ min: 200, max: 1400 }),
        fc.integer({ min: 50, max: 600 }),
        fc.integer({ min: 30, max: 900 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 10, max: 60 }),
        (vw, vh, cw, ch, fx, fy, aw, ah) => {
          const view = { width: vw, height: vh };
          const anchor = rect(fx * (vw - aw), fy * (vh - ah), Math.min(aw, vw), ah);
          const size = { width: cw, height: ch };
          const p = placeCard({ anchor, card: size, viewport: view });
          if (p.side !== 'over') expect(overlaps(p, size, anchor)).toBe(false);
          if (cw + 16 <= vw) {
            expect(p.left).toBeGreaterThanOrEqual(8);
            expect(p.left + cw).toBeLessThanOrEqual(vw - 8 + 1e-9);
          }
          expect(p.top).toBeGreaterThanOrEqual(8);
          expect(p.top + Math.min(ch, p.maxHeight)).toBeLessThanOrEqual(vh - 8 + 1e-9);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('PlacementController', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  function manualFrames(): TimerHost & { run(): number } {
    let frames: (() => void)[] = [];
    return {
      setTimeout: () => 0,
      clearTimeout: () => {},
      setInterval: () => 0,
      clearInterval: () => {},
      requestAnimationFrame: (fn) => frames.push(() => fn(0)),
      cancelAnimationFrame: () => {},
      run() {
        const run = frames;
        frames = [];
        run.forEach((fn) => fn());
        return run.length;
      },
    };
  }

  it('places the card with fixed coordinates and follows scrolling, once per frame', () => {
    const element = document.createElement('div');
    document.body.appendChild(element);
    vi.spyOn(element, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 300, 150));
    let anchor: AnchorRect | null = rect(100, 100);
    const placed: (Placement | null)[] = [];
    const timers = manualFrames();
    const controller = new PlacementController({
      element,
      anchor: () => anchor,
      timers,
      onPlace: (p) => placed.push(p),
    });
    expect(element.style.position).toBe('fixed');
    const p = controller.placeNow()!;
    expect(element.style.top).toBe(`${p.top}px`);
    expect(element.style.left).toBe('100px');
    expect(element.dataset.side).toBe('below');

    anchor = rect(100, 40);
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    expect(timers.run()).toBe(1); // three events, one frame
    expect(element.style.top).toBe('66px');

    anchor = null;
    controller.update();
    timers.run();
    expect(placed.at(-1)).toBeNull();
    expect(element.style.top).toBe('66px');

    controller.destroy();
    window.dispatchEvent(new Event('scroll'));
    expect(timers.run()).toBe(0);
    expect(controller.placeNow()).toBeNull();
  });

  it('requires an element and an anchor function', () => {
    expect(() => new PlacementController({} as never)).toThrow(/element and an anchor/);
  });
});
