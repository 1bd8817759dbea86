// The seed articles are the ground truth every offset points into: they must stay exactly the
// files the project was given.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { DEFAULT_SEEDS_DIR } from '../../scripts/compile-dataset';

interface Source {
  seed: string;
  sha256: string;
}
const sources = (
  JSON.parse(readFileSync(join(DEFAULT_SEEDS_DIR, 'sources.json'), 'utf8')) as { sources: Source[] }
).sources;
const articles = join(DEFAULT_SEEDS_DIR, 'articles');
// The copies the project was handed, beside the repository (present in CI and on dev machines).
const shared = join(DEFAULT_SEEDS_DIR, '..', '..', 'shared', 'seeds');

describe('seed articles', () => {
  it('are exactly the files listed in sources.json', () => {
    expect(readdirSync(articles).sort()).toEqual(sources.map((s) => s.seed).sort());
  });

  it('match the sha256 recorded in sources.json, byte for byte', () => {
    for (const source of sources) {
      const bytes = readFileSync(join(articles, source.seed));
      expect(createHash('sha256').update(bytes).digest('hex'), source.seed).toBe(source.sha256);
    }
  });

  it('match the pinned hashes of the two articles the brief was written against', () => {
    const pinned: Record<string, string> = {
      '000_0db36e5d1cd6cab9.txt': 'fdfaeb6b121463e402f9477cfe0f316a3677e069037771c36ac5713578a6aa8d',
      '004_17734199b23d2403.txt': '274588012efc0eca9cfaa28bf119b44ab57998784479940247ea47694b46e0a7',
    };
    for (const [file, hash] of Object.entries(pinned)) {
      expect(
        createHash('sha256')
          .update(readFileSync(join(articles, file)))
          .digest('hex'),
        file,
      ).toBe(hash);
    }
  });

  it.skipIf(!existsSync(shared))('are byte-identical to the shared copies beside the repository', () => {
    for (const source of sources) {
      const original = join(shared, source.seed);
      if (!existsSync(original)) continue; // a seed added later, not from the shared set
      expect(readFileSync(join(articles, source.seed)).equals(readFileSync(original)), source.seed).toBe(
        true,
      );
    }
  });
});
