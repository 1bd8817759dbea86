import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createZip, readZip, type ZipEntry } from '../../scripts/lib/zip';

const text = (s: string) => new TextEncoder().encode(s);

const ENTRIES: ZipEntry[] = [
  { name: 'manifest.json', data: text('{"manifest_version": 3}\n') },
  { name: 'icons/icon-16.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) }, // incompressible: stored
  { name: '_locales/en/messages.json', data: text('{"extName":{"message":"Source Context"}}'.repeat(50)) },
  { name: 'empty.txt', data: new Uint8Array(0) },
  { name: 'naïve/é.txt', data: text('non-ASCII names are flagged UTF-8') },
];

const tmp = mkdtempSync(join(tmpdir(), 'source-context-zip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `unzip` is optional on a developer machine; when present, it is an independent reader. */
const hasUnzip = spawnSync('unzip', ['-v']).status === 0;

describe('createZip', () => {
  const zip = createZip(ENTRIES);

  it('round-trips every entry, sorted by name', () => {
    const read = readZip(zip);
    expect(read.map((e) => e.name)).toEqual(ENTRIES.map((e) => e.name).sort());
    for (const entry of ENTRIES) {
      const found = read.find((e) => e.name === entry.name)!;
      expect(Buffer.from(found.data).equals(Buffer.from(entry.data)), entry.name).toBe(true);
    }
  });

  it('is deterministic: the same files in any order give the same bytes', () => {
    expect(createZip([...ENTRIES].reverse()).equals(zip)).toBe(true);
  });

  it('compresses what shrinks and stores what does not', () => {
    const methodOf = (name: string) => {
      const at = zip.indexOf(Buffer.from(name, 'utf8'));
      return zip.readUInt16LE(at - 30 + 8); // local header: method at offset 8
    };
    expect(methodOf('_locales/en/messages.json')).toBe(8);
    expect(methodOf('icons/icon-16.png')).toBe(0);
  });

  it.runIf(hasUnzip)('passes `unzip -t` and lists the same entries with 1980-01-01 timestamps', () => {
    const file = join(tmp, 'test.zip');
    writeFileSync(file, zip);
    const test = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toContain('No errors detected');
    const list = spawnSync('unzip', ['-Z', '-1', file], { encoding: 'utf8' });
    expect(list.stdout.trim().split('\n')).toEqual(ENTRIES.map((e) => e.name).sort());
    const verbose = spawnSync('unzip', ['-l', file], { encoding: 'utf8' });
    expect(verbose.stdout).toContain('1980-01-01 00:00');
  });

  it.each([
    ['', /is empty/],
    ['/etc/passwd', /is absolute/],
    ['a\\b', /backslash/],
    ['a/../b', /"\.\."/],
    ['a//b', /empty/],
  ])('rejects the entry name %j', (name, message) => {
    expect(() => createZip([{ name, data: new Uint8Array(1) }])).toThrow(message);
  });

  it('rejects duplicate names', () => {
    expect(() => createZip([ENTRIES[0]!, ENTRIES[0]!])).toThrow(/appears twice/);
  });
});

describe('readZip', () => {
  it('detects a corrupted entry', () => {
    const zip = createZip([{ name: 'a.txt', data: new Uint8Array(64).fill(7) }]);
    const stored = createZip([{ name: 'b.bin', data: new Uint8Array([1, 2, 3, 4]) }]);
    stored[30 + 'b.bin'.length] = stored[30 + 'b.bin'.length]! ^ 0xff; // first byte of the stored data
    expect(() => readZip(stored)).toThrow(/b\.bin: CRC mismatch/);
    expect(() => readZip(zip.subarray(0, zip.length - 10))).toThrow(/end-of-central-directory/);
  });
});
