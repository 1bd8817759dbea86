// Draws the Source Context mark: a white speech bubble holding an opening quote mark, on a deep
// blue rounded square, with an amber "source" dot cut into the bubble's corner. Shapes are
// described in a 128-unit design space and rasterized by supersampling, so every size is
// anti-aliased and generated from one description (no hand-edited bitmaps to drift apart).

import type { RgbaImage } from './png';

/** The icon sizes the manifest references, in pixels. */
export const ICON_SIZES = [16, 32, 48, 128] as const;

type Rgb = readonly [number, number, number];
type Inside = (x: number, y: number) => boolean;
interface Layer {
  inside: Inside;
  colour: (x: number, y: number) => Rgb;
}

const BLUE_TOP: Rgb = [0x2a, 0x56, 0xc6];
const BLUE_BOTTOM: Rgb = [0x15, 0x34, 0x82];
const QUOTE_BLUE: Rgb = [0x1c, 0x43, 0xa0];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const AMBER: Rgb = [0xf7, 0xb5, 0x35];

function background(_x: number, y: number): Rgb {
  const t = Math.min(1, Math.max(0, y / 128));
  return [0, 1, 2].map((i) => BLUE_TOP[i]! + (BLUE_BOTTOM[i]! - BLUE_TOP[i]!) * t) as unknown as Rgb;
}

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Inside {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function circle(cx: number, cy: number, r: number): Inside {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Inside {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) =>
    (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const d1 = side(ax, ay, bx, by, x, y);
    const d2 = side(bx, by, cx, cy, x, y);
    const d3 = side(cx, cy, ax, ay, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

function union(...shapes: Inside[]): Inside {
  return (x, y) => shapes.some((inside) => inside(x, y));
}

/**
 * One opening quote glyph ("6" shape): a ball whose tail rises from its left side and curls to
 * the right, thinning as it goes. (bx, by) is the ball's centre, r its radius.
 */
function quoteGlyph(bx: number, by: number, r: number): Inside {
  const arcR = 2.1 * r; // radius of the tail's centre line
  const ax = bx + arcR - r * 0.45; // the arc's centre sits to the right of the ball
  const ay = by - r * 0.1;
  const from = Math.PI; // leaves the ball on its left
  const to = Math.PI * 1.42; // ends up and to the right
  const endX = ax + arcR * Math.cos(to);
  const endY = ay + arcR * Math.sin(to);
  const endHalf = r * 0.32;
  const ball = circle(bx, by, r);
  const cap = circle(endX, endY, endHalf);
  return (x, y) => {
    if (ball(x, y) || cap(x, y)) return true;
    let angle = Math.atan2(y - ay, x - ax);
    if (angle < 0) angle += 2 * Math.PI;
    if (angle < from || angle > to) return false;
    const t = (angle - from) / (to - from);
    const half = r * (1 - t) + endHalf * t;
    return Math.abs(Math.hypot(x - ax, y - ay) - arcR) <= half;
  };
}

function intersect(...shapes: Inside[]): Inside {
  return (x, y) => shapes.every((inside) => inside(x, y));
}

function layers(): Layer[] {
  const square = roundedRect(0, 0, 128, 128, 26);
  const bubble = union(roundedRect(20, 24, 108, 88, 18), triangle(32, 80, 60, 80, 26, 108));
  const quotes = union(quoteGlyph(48, 66, 9.5), quoteGlyph(76, 66, 9.5));
  return [
    { inside: square, colour: background },
    { inside: bubble, colour: () => WHITE },
    { inside: quotes, colour: () => QUOTE_BLUE },
    // The gap ring is painted in the background colour so the dot reads as separate from the bubble.
    { inside: intersect(square, circle(104, 27, 19)), colour: background },
    { inside: circle(104, 27, 12.5), colour: () => AMBER },
  ];
}

/** Renders the icon at `size` x `size` pixels (RGBA, transparent outside the rounded square). */
export function renderIcon(size: number): RgbaImage {
  if (!Number.isInteger(size) || size < 8 || size > 1024) {
    throw new Error(`renderIcon: size must be an integer from 8 to 1024, got ${size}`);
  }
  const scale = 128 / size;
  // Small sizes get more samples per pixel: their edges carry most of the shape.
  const n = size <= 48 ? 8 : 4;
  const all = layers();
  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Average premultiplied colour over the sub-samples, compositing the layers at each one.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) * scale;
          const y = (py + (sy + 0.5) / n) * scale;
          let top: Rgb | undefined;
          for (const layer of all) if (layer.inside(x, y)) top = layer.colour(x, y);
          if (top) {
            r += top[0];
            g += top[1];
            b += top[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        data[i] = Math.round(r / a);
        data[i + 1] = Math.round(g / a);
        data[i + 2] = Math.round(b / a);
        data[i + 3] = Math.round((a / (n * n)) * 255);
      }
    }
  }
  return { width: size, height: size, data };
}
