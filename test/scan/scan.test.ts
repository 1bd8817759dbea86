// The scan CLI's contract, checked by running it as a user would: one JSON line per readable file,
// offsets that slice back to the reported text (file text for .txt, extracted text for .html),
// clear errors on stderr for unreadable files and bad flags, and a readable report without --json.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../src/page/extract';
import { ROOT } from '../../scripts/lib/paths';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'scan');
const INCIDENT_TXT = join(FIXTURES, 'incident-wire.txt');
const INCIDENT_HTML = join(FIXTURES, 'incident-article.html');
const UNRELATED_HTML = join(FIXTURES, 'unrelated-hockey.html');
const UNRELATED_TXT = join(FIXTURES, 'unrelated-weather.txt');

interface ScanMatch {
  claimId: string;
  start: number;
  end: number;
  text: string;
  score: number;
  reason: string;
  carried: string[];
  attributedTo: { text: string; actorId?: string } | null;
  hedges: string[];
}
interface ScanLine {
  file: string;
  kind: string;
  about: boolean;
  score: number;
  matches: ScanMatch[];
}

function scan(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'scan.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The text the content script would extract from an HTML file, computed here independently. */
function extracted(file: string): string {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
  const document = new window.DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
  const { text } = extractText(document.body as unknown as Node, { layout: 'markup' });
  void window.happyDOM.close();
  return text;
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'scan-test-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('scan --json', () => {
  let run: ReturnType<typeof scan>;
  let lines: ScanLine[];
  beforeAll(() => {
    run = scan('--json', INCIDENT_TXT, INCIDENT_HTML, UNRELATED_HTML, UNRELATED_TXT);
    lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ScanLine);
  });

  it('prints one JSON object per file, in order, and exits 0', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lines.map((l) => [l.file, l.kind])).toEqual([
      [INCIDENT_TXT, 'txt'],
      [INCIDENT_HTML, 'html'],
      [UNRELATED_HTML, 'html'],
      [UNRELATED_TXT, 'txt'],
    ]);
    for (const line of lines) {
      expect(typeof line.about).toBe('boolean');
      expect(line.score).toBeGreaterThanOrEqual(0);
      expect(line.score).toBeLessThanOrEqual(1);
      expect(Array.isArray(line.matches)).toBe(true);
    }
  });

  it('gives every match the documented fields', () => {
    const matches = lines.flatMap((l) => l.matches);
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) {
      expect(Object.keys(m)).toEqual(
        expect.arrayContaining([
          'claimId',
          'start',
          'end',
          'text',
          'score',
          'carried',
          'reason',
          'attributedTo',
          'hedges',
        ]),
      );
      expect(m.end).toBeGreaterThan(m.start);
      expect(Array.isArray(m.carried)).toBe(true);
      expect(Array.isArray(m.hedges)).toBe(true);
    }
  });

  it('reports .txt offsets into the file text', () => {
    const fileText = readFileSync(INCIDENT_TXT, 'utf8');
    const { matches } = lines[0]!;
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) expect(fileText.slice(m.start, m.end)).toBe(m.text);
  });

  it('reports .html offsets into the extracted text, which skips scripts, styles and hidden content', () => {
    const text = extracted(INCIDENT_HTML);
    expect(text).not.toContain('adTargeting');
    expect(text).not.toContain('Hidden teaser');
    const { matches } = lines[1]!;
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('recognizes the incident pages and not the unrelated ones', () => {
    expect(lines.map((l) => l.about)).toEqual([true, true, false, false]);
    expect(lines[2]!.matches).toEqual([]);
    expect(lines[3]!.matches).toEqual([]);
    const claims = new Set(lines[0]!.matches.map((m) => m.claimId));
    for (const id of [
      'weaponized-vehicle',
      'used-his-training',
      'frey-demands-ice-leave',
      'city-avoid-area',
    ]) {
      expect(claims, id).toContain(id);
    }
  });
});

describe('scan errors', () => {
  it('names each unreadable file on stderr, still prints the others, and exits non-zero', () => {
    const unsupported = join(tmp, 'notes.pdf');
    writeFileSync(unsupported, 'not a page');
    const missing = join(tmp, 'missing.txt');
    const run = scan('--json', missing, INCIDENT_TXT, tmp, unsupported);
    expect(run.status).toBe(1);
    const stderr = run.stderr.trim().split('\n');
    expect(stderr).toEqual([
      `scan: ${missing}: no such file`,
      `scan: ${tmp}: is a directory, not a file`,
      expect.stringMatching(
        new RegExp(
          `^scan: ${unsupported.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: unsupported file type \\.pdf`,
        ),
      ),
    ]);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect((JSON.parse(lines[0]!) as ScanLine).file).toBe(INCIDENT_TXT);
  });

  it('rejects an unknown flag, naming it', () => {
    const run = scan('--jsn', INCIDENT_TXT);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown flag --jsn');
    expect(run.stdout).toBe('');
  });

  it('rejects a call without files', () => {
    const run = scan('--json');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no files given');
  });
});

describe('scan report and help', () => {
  it('prints a readable report: the file, the verdict with evidence, then each claim with its carriage', () => {
    const run = scan(INCIDENT_TXT, UNRELATED_TXT);
    expect(run.status).toBe(0);
    const [incident, unrelated] = run.stdout.split(/\n(?=\S)/);
    expect(incident).toMatch(
      new RegExp(
        `^${INCIDENT_TXT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n  about the incident: yes \\(score [01]\\.\\d\\d\\)`,
      ),
    );
    expect(incident).toMatch(/\n {2}evidence: /);
    expect(incident).toMatch(/\n {2}- weaponized-vehicle {2}\[[^\]]*direct-quote/);
    expect(incident).toContain('“weaponized her vehicle');
    expect(unrelated).toMatch(/^\S+unrelated-weather\.txt\n {2}about the incident: (yes|no) \(score /);
  });

  it('explains itself with --help', () => {
    const run = scan('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: npm run --silent scan -- [options] FILE...');
    expect(run.stdout).toContain('--json');
  });
});
