// A minimal PNG encoder and decoder (8-bit RGBA, non-interlaced) on node's zlib, so the icons are
// generated and checked without an image library. The decoder reads back what the encoder writes
// and what most tools write (all five row filters), which is what the icon tests need.

import { crc32, deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An RGBA image: `data` holds width * height * 4 bytes, row by row, not premultiplied. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/** Encodes an RGBA image as a PNG file; the output is byte-for-byte deterministic. */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`encodePng: width and height must be positive integers, got ${width}x${height}`);
  }
  if (data.length !== width * height * 4) {
    throw new Error(
      `encodePng: expected ${width * height * 4} bytes of RGBA for ${width}x${height}, got ${data.length}`,
    );
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  // bytes 10..12: compression 0, filter method 0, no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    // Filter type 1 (Sub) on every row: icons are mostly flat colour, so it compresses well.
    const out = y * (stride + 1);
    raw[out] = 1;
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? data[y * stride + x - 4]! : 0;
      raw[out + 1 + x] = (data[y * stride + x]! - left) & 0xff;
    }
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/**
 * Decodes an 8-bit RGBA or RGB, non-interlaced PNG, checking the signature and every chunk's CRC.
 * Throws an error naming the problem for anything else.
 */
export function decodePng(file: Uint8Array): RgbaImage {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE))
    throw new Error('decodePng: not a PNG signature');
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  let sawEnd = false;
  while (pos < buf.length) {
    if (pos + 12 > buf.length) throw new Error(`decodePng: truncated chunk header at byte ${pos}`);
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const bodyEnd = pos + 8 + length;
    if (bodyEnd + 4 > buf.length)
      throw new Error(`decodePng: chunk ${type} at byte ${pos} runs past the end`);
    const body = buf.subarray(pos + 8, bodyEnd);
    const expected = buf.readUInt32BE(bodyEnd);
    if (crc32(buf.subarray(pos + 4, bodyEnd)) >>> 0 !== expected) {
      throw new Error(`decodePng: bad CRC on chunk ${type} at byte ${pos}`);
    }
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      const colourType = body[9];
      if (depth !== 8 || (colourType !== 6 && colourType !== 2) || body[12] !== 0) {
        throw new Error(
          `decodePng: only 8-bit RGB/RGBA non-interlaced is supported (depth ${depth}, type ${colourType})`,
        );
      }
      channels = colourType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      sawEnd = true;
      break;
    }
    pos = bodyEnd + 4;
  }
  if (!width || !height) throw new Error('decodePng: missing IHDR');
  if (!sawEnd) throw new Error('decodePng: missing IEND');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== (stride + 1) * height) {
    throw new Error(`decodePng: image data is ${raw.length} bytes, expected ${(stride + 1) * height}`);
  }
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? rows[y * stride + x - channels]! : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      let out: number;
      switch (filter) {
        case 0:
          out = v;
          break;
        case 1:
          out = v + a;
          break;
        case 2:
          out = v + b;
          break;
        case 3:
          out = v + ((a + b) >> 1);
          break;
        case 4:
          out = v + paeth(a, b, c);
          break;
        default:
          throw new Error(`decodePng: unknown row filter ${filter} on row ${y}`);
      }
      rows[y * stride + x] = out & 0xff;
    }
  }
  if (channels === 4) return { width, height, data: new Uint8Array(rows) };
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = rows[i * 3]!;
    data[i * 4 + 1] = rows[i * 3 + 1]!;
    data[i * 4 + 2] = rows[i * 3 + 2]!;
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}
