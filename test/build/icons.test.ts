import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, renderIcon } from '../../scripts/lib/icon';
import { decodePng, encodePng } from '../../scripts/lib/png';
import { ROOT } from '../../scripts/lib/paths';

const iconFile = (size: number) => join(ROOT, 'extension', 'icons', `icon-${size}.png`);

function pixel(image: { width: number; data: Uint8Array }, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return [...image.data.subarray(i, i + 4)];
}

describe('extension icons', () => {
  it.each(ICON_SIZES)('icon-%i.png is a valid PNG of that size', (size) => {
    const image = decodePng(readFileSync(iconFile(size)));
    expect([image.width, image.height]).toEqual([size, size]);
  });

  it.each(ICON_SIZES)('icon-%i.png matches the drawing in scripts/lib/icon.ts (run make-icons)', (size) => {
    expect(readFileSync(iconFile(size)).equals(encodePng(renderIcon(size)))).toBe(true);
  });

  it('draws a blue rounded square: transparent corners, opaque blue edges, white bubble, amber dot', () => {
    const image = renderIcon(128);
    expect(pixel(image, 0, 0)[3]).toBe(0); // rounded-off corner
    const [r, g, b, a] = pixel(image, 64, 4);
    expect(a).toBe(255);
    expect(b!).toBeGreaterThan(r! + 80); // deep blue
    expect(b!).toBeGreaterThan(g! + 40);
    expect(pixel(image, 30, 40)).toEqual([255, 255, 255, 255]); // inside the bubble
    const [dr, dg, db] = pixel(image, 104, 27); // the source dot
    expect(dr!).toBeGreaterThan(200);
    expect(dg!).toBeGreaterThan(150);
    expect(db!).toBeLessThan(100);
  });

  it('anti-aliases edges: the rounded corner has partly transparent pixels', () => {
    const image = renderIcon(48);
    const alphas = new Set<number>();
    for (let x = 0; x < 12; x++) alphas.add(pixel(image, x, x)[3]!);
    expect([...alphas].some((a) => a > 0 && a < 255)).toBe(true);
  });

  it('rejects sizes it cannot draw', () => {
    expect(() => renderIcon(0)).toThrow(/size must be an integer/);
    expect(() => renderIcon(12.5)).toThrow(/size must be an integer/);
  });
});

describe('PNG encoder and decoder', () => {
  it('round-trips arbitrary RGBA pixels', () => {
    const width = 7;
    const height = 5;
    const data = new Uint8Array(width * height * 4).map((_, i) => (i * 37 + (i >> 3) * 11) & 0xff);
    const decoded = decodePng(encodePng({ width, height, data }));
    expect(decoded).toEqual({ width, height, data });
  });

  it('is deterministic', () => {
    const image = renderIcon(16);
    expect(encodePng(image).equals(encodePng(image))).toBe(true);
  });

  it('refuses data of the wrong length and names the expected size', () => {
    expect(() => encodePng({ width: 2, height: 2, data: new Uint8Array(15) })).toThrow(/expected 16 bytes/);
  });

  it('detects corruption: a bad signature and a flipped byte in a chunk', () => {
    const png = encodePng(renderIcon(16));
    const badSignature = Buffer.from(png);
    badSignature[1] = 0;
    expect(() => decodePng(badSignature)).toThrow(/not a PNG signature/);
    const flipped = Buffer.from(png);
    flipped[45] = flipped[45]! ^ 0xff; // inside the IDAT data
    expect(() => decodePng(flipped)).toThrow(/bad CRC/);
  });
});
