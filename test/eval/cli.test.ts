// `npm run eval` and `npm run bench` as a user runs them: help, argument errors, and the eval's
// JSON report shape. (The bench's full run takes ~20 s of both cores, so only its argument
// handling is tested here; `npm run bench` is the way to see its numbers.)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/paths';
import { CLAIM_IDS } from '../../scripts/corpus/claims';

function run(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run eval', () => {
  it('prints one JSON object per run with the documented fields', () => {
    const { status, stdout, stderr } = run('eval.ts', '--json', '--split', 'validation');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as {
      floors: Record<string, number>;
      splits: Record<string, Record<string, unknown> & { perClaim: Record<string, unknown> }>;
    };
    expect(Object.keys(result.splits)).toEqual(['validation']);
    const split = result.splits.validation!;
    for (const key of [
      'pages',
      'pageAccuracy',
      'precision',
      'recall',
      'f1',
      'falsePositives',
      'falseNegatives',
      'floorsMet',
    ]) {
      expect(split, key).toHaveProperty(key);
    }
    expect(Object.keys(split.perClaim)).toEqual(expect.arrayContaining([...CLAIM_IDS]));
    expect(result.floors).toEqual({ precision: 0.95, recall: 0.9, pageAccuracy: 0.95 });
  });

  it('lists false positives and negatives with their text under --verbose', () => {
    const { status, stdout } = run('eval.ts', '--verbose', '--split', 'train');
    expect(status).toBe(0);
    expect(stdout).toContain('== train: ');
    expect(stdout).toMatch(/False positives \(\d+\):/);
    expect(stdout).toMatch(/False negatives \(\d+\):/);
  });

  it('names a bad flag or value and exits 2', () => {
    const bad = run('eval.ts', '--split', 'test');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--split: "test" is not one of train, validation');
    const unknown = run('eval.ts', '--verbos');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown flag --verbos');
  });

  it('says where the dataset is missing', () => {
    const { status, stderr } = run('eval.ts', '--dataset', join(ROOT, 'no-such-dataset.json'));
    expect(status).toBe(1);
    expect(stderr).toContain('no-such-dataset.json');
    expect(stderr).toContain('npm run dataset');
  });
});

describe('npm run bench', () => {
  it('explains itself with --help', () => {
    const { status, stdout } = run('bench.ts', '--help');
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: npm run bench');
    expect(stdout).toContain('--json');
  });

  it('names a bad flag and exits 2 without benchmarking', () => {
    const { status, stderr, stdout } = run('bench.ts', '--seed', 'abc');
    expect(status).toBe(2);
    expect(stderr).toContain('--seed: "abc" is not a whole number');
    expect(stdout).toBe('');
  });
});

// bench:ab compares with a git revision: only in a git checkout (a source tarball has none).
const inGit = spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: ROOT }).status === 0;

describe.skipIf(!inGit)('npm run bench:ab', () => {
  it('explains itself with --help', () => {
    const { status, stdout } = run('bench-ab.ts', '--help');
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: npm run bench:ab');
    expect(stdout).toContain('--base');
  });

  it('names a bad revision or round count and exits 2 without benchmarking', () => {
    const rev = run('bench-ab.ts', '--base', 'no-such-revision');
    expect(rev.status).toBe(2);
    expect(rev.stderr).toContain('--base: "no-such-revision" is not a revision');
    expect(rev.stdout).toBe('');
    const rounds = run('bench-ab.ts', '--rounds', '0');
    expect(rounds.status).toBe(2);
    expect(rounds.stderr).toContain('--rounds: "0" is not a whole number >= 1');
  });

  it('compares the results and times both engines, with the exit status saying whether they differ', () => {
    const { status, stdout, stderr } = run('bench-ab.ts', '--base', 'HEAD', '--rounds', '1', '--json');
    expect(stderr).toBe('');
    const result = JSON.parse(stdout) as Record<string, unknown> & { differences: string[] };
    // The working tree may hold engine changes that change results: then it says which, and exits 3.
    expect(status).toBe(result.sameResults ? 0 : 3);
    expect(result.differences.length === 0).toBe(result.sameResults);
    // One round of four pages, each run by two loaded copies of each engine.
    expect(result).toMatchObject({ base: 'HEAD', runs: 8 });
    expect(result.resultsCompared).toBeGreaterThan(100);
    for (const key of ['baseMs', 'workingTreeMs', 'ratio']) expect(result[key]).toBeGreaterThan(0);
  });
});

describe('npm run bench:profile', () => {
  it('explains itself with --help', () => {
    const { status, stdout } = run('bench-profile.ts', '--help');
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: npm run bench:profile');
  });

  it('names a bad count and exits 2 without profiling', () => {
    const { status, stderr, stdout } = run('bench-profile.ts', '--runs', 'many');
    expect(status).toBe(2);
    expect(stderr).toContain('--runs: "many" is not a whole number >= 1');
    expect(stdout).toBe('');
  });

  it('writes the profile and lists the engine functions that take the time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-profile-test-'));
    try {
      const out = join(dir, 'engine.cpuprofile');
      const { status, stdout, stderr } = run('bench-profile.ts', '--runs', '20', '--json', '--out', out);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      const result = JSON.parse(stdout) as {
        samples: number;
        bySelf: { fn: string; selfPct: number }[];
        byTotal: { fn: string; totalPct: number }[];
      };
      expect(result.samples).toBeGreaterThan(0);
      const profile = JSON.parse(readFileSync(out, 'utf8')) as { nodes: unknown[] };
      expect(profile.nodes.length).toBeGreaterThan(10);
      expect(existsSync(join(dir, 'engine.profile.mjs'))).toBe(true);
      // The engine's own functions, by name, with a line in the bundle written beside the profile.
      expect(result.byTotal.map((s) => s.fn)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^linkSteps engine\.profile\.mjs:\d+$/)]),
      );
      for (const s of result.bySelf) expect(s.selfPct).toBeLessThanOrEqual(100);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
