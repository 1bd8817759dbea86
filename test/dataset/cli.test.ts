// The CLI as a maintainer runs it: spawned, with --seeds and --out pointing at temp copies.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { DEFAULT_SEEDS_DIR } from '../../scripts/compile-dataset';
import { parseDataset } from '../../src/dataset/load';

const repo = resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'dataset-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [join(repo, 'node_modules/tsx/dist/cli.mjs'), 'scripts/compile-dataset.ts', ...args],
    {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/compile-dataset.ts', () => {
  it('writes the dataset and prints a one-line summary', () => {
    const out = join(tmp, 'good', 'dataset.json');
    const { code, stdout, stderr } = run('--seeds', DEFAULT_SEEDS_DIR, '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^dataset \d+\.\d+\.\d+: 1 incident, 36 claims, \d+ reports, .* -> .*dataset\.json\n$/,
    );
    const dataset = parseDataset(JSON.parse(readFileSync(out, 'utf8')));
    expect(dataset.claims).toHaveLength(36);
  });

  it('prints every problem as file: record: field: problem, writes nothing, and exits 1', () => {
    const seeds = join(tmp, 'broken-seeds');
    cpSync(DEFAULT_SEEDS_DIR, seeds, { recursive: true });
    const claimsPath = join(seeds, 'annotations', 'claims.json');
    const claims = JSON.parse(readFileSync(claimsPath, 'utf8')) as { id: string; kind: string }[];
    const shame = claims.find((c) => c.id === 'shame-chant');
    if (shame) shame.kind = 'chant';
    writeFileSync(claimsPath, JSON.stringify(claims.filter((c) => c.id !== 'idn-training')));
    const out = join(tmp, 'broken', 'dataset.json');

    const { code, stdout, stderr } = run('--seeds', seeds, '--out', out);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toContain(
      `${claimsPath}: shame-chant: kind: "chant" is not one of quote, assertion, observation, characterization`,
    );
    expect(lines).toContain(
      `${claimsPath}: idn-training: id: the claim required by the dataset brief (src/dataset/required.ts) is missing`,
    );
    expect(lines.at(-1)).toMatch(/^compile-dataset: \d+ problem\(s\); .* not written$/);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects an unknown flag with usage and exit code 2', () => {
    const { code, stderr } = run('--seed', 'x');
    expect(code).toBe(2);
    expect(stderr).toContain('unknown argument "--seed"');
    expect(stderr).toContain('usage:');
  });
});
