// A small, deterministic zip writer (and the reader its tests use), so packaging needs neither
// the system `zip` binary nor a dependency. Entries are sorted, timestamps fixed at 1980-01-01
// and permissions fixed at 0644, so the same files always give the same bytes. No zip64: an
// extension is far below its 4 GiB and 65,535-entry limits, and the writer refuses anything larger.

import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** One file in an archive: a forward-slash relative path and its bytes. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const UTF8_FLAG = 0x0800;
const VERSION = 20; // 2.0: deflate
const MADE_BY_UNIX = (3 << 8) | VERSION;
const FILE_MODE = 0o100644;
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01, the earliest date zip can store

function checkName(name: string): void {
  const problem =
    name === ''
      ? 'is empty'
      : name.startsWith('/')
        ? 'is absolute'
        : name.includes('\\')
          ? 'contains a backslash (use forward slashes)'
          : name.split('/').some((part) => part === '' || part === '.' || part === '..')
            ? 'has an empty, "." or ".." path segment'
            : undefined;
  if (problem) throw new Error(`zip entry ${JSON.stringify(name)} ${problem}`);
}

/** Builds a zip archive in memory from `entries` (sorted by name; deflated where that helps). */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (sorted.length > 0xffff) throw new Error(`zip: ${sorted.length} entries is more than 65,535`);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let previous: string | undefined;
  for (const { name, data } of sorted) {
    checkName(name);
    if (name === previous) throw new Error(`zip entry ${JSON.stringify(name)} appears twice`);
    previous = name;
    if (data.length > 0xfffffffe) throw new Error(`zip entry ${JSON.stringify(name)} is too large for zip32`);
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? 8 : 0;
    const body = method === 8 ? deflated : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const crc = crc32(data) >>> 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIG, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_SIG, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    central.writeUInt16LE(VERSION, 6);
    central.writeUInt16LE(UTF8_FLAG, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra length, comment length, disk number, internal attributes: all 0
    central.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);

    offset += local.length + nameBytes.length + body.length;
    if (offset > 0xfffffffe) throw new Error('zip: archive is too large for zip32');
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIG, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Reads every entry of a zip32 archive through its central directory, inflating and checking
 * each entry's CRC and size. Throws an error naming the entry or offset at fault.
 */
export function readZip(archive: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  let endAt = -1;
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, so search only that tail.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === END_SIG) {
      endAt = i;
      break;
    }
  }
  if (endAt < 0) throw new Error('zip: no end-of-central-directory record');
  const count = buf.readUInt16LE(endAt + 10);
  const dirSize = buf.readUInt32LE(endAt + 12);
  let pos = buf.readUInt32LE(endAt + 16);
  if (pos + dirSize > endAt) throw new Error('zip: central directory runs past its end record');
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(pos) !== CENTRAL_SIG)
      throw new Error(`zip: bad central directory entry at byte ${pos}`);
    const method = buf.readUInt16LE(pos + 10);
    const crc = buf.readUInt32LE(pos + 16);
    const packed = buf.readUInt32LE(pos + 20);
    const size = buf.readUInt32LE(pos + 24);
    const nameLength = buf.readUInt16LE(pos + 28);
    const extraLength = buf.readUInt16LE(pos + 30);
    const commentLength = buf.readUInt16LE(pos + 32);
    const localAt = buf.readUInt32LE(pos + 42);
    const name = buf.toString('utf8', pos + 46, pos + 46 + nameLength);
    pos += 46 + nameLength + extraLength + commentLength;

    if (buf.readUInt32LE(localAt) !== LOCAL_SIG) throw new Error(`zip entry ${name}: bad local header`);
    const dataAt = localAt + 30 + buf.readUInt16LE(localAt + 26) + buf.readUInt16LE(localAt + 28);
    const body = buf.subarray(dataAt, dataAt + packed);
    let data: Buffer;
    if (method === 0) data = Buffer.from(body);
    else if (method === 8) data = inflateRawSync(body);
    else throw new Error(`zip entry ${name}: unsupported compression method ${method}`);
    if (data.length !== size)
      throw new Error(`zip entry ${name}: ${data.length} bytes, directory says ${size}`);
    if (crc32(data) >>> 0 !== crc) throw new Error(`zip entry ${name}: CRC mismatch`);
    out.push({ name, data });
  }
  return out;
}
