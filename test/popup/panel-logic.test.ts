// The panel's pure parts: the dataset search, grouping passages by claim, the coverage cells, the
// claims a page leaves out, the wording helpers and the popup's query string.

import { describe, expect, it } from 'vitest';

import { readLocation } from '../../src/popup/location';
import { compileDatasetOrThrow } from '../../src/dataset/compile';
import { indexDataset } from '../../src/dataset/indexed';
import type { Report } from '../../src/dataset/types';
import { claimsOnPage, coverageRows, leftOutClaims, outletCell, pageCell } from '../../src/ui/panel/coverage';
import { columnName } from '../../src/ui/panel/CoverageTable';
import { createSearch } from '../../src/ui/panel/search';
import { hostOf, pageHeadline, partialText, whenText } from '../../src/ui/panel/text';
import { realInput } from '../dataset/helpers';
import { summaryOf } from '../background/fake-content';
import { FIXTURE_DATASET, FREY_QUOTE, HEDGED_PARAPHRASE, MULTI_CLAIM, STATED_AS_FACT } from '../ui/fixtures';

const FIXTURE = indexDataset(FIXTURE_DATASET);
// The real dataset, compiled from seeds/ (the search must work on what ships).
const REAL = indexDataset(compileDatasetOrThrow(realInput()));

describe('createSearch', () => {
  const search = createSearch(REAL);
  const ids = (text: string, extra: { actorId?: string; outletId?: string } = {}) =>
    search.search({ text, ...extra }).map((hit) => hit.claim.id);

  it('lists every claim, in dataset order, when nothing is asked', () => {
    expect(ids('')).toEqual(REAL.dataset.claims.map((c) => c.id));
  });

  it('finds claims by words in any form, best match first', () => {
    expect(ids('weaponized')[0]).toBe('weaponized-vehicle');
    expect(ids('weapon')[0]).toBe('weaponized-vehicle'); // a prefix of the stem
    expect(ids('Shame')).toContain('shame-chant');
    expect(ids('domestic terrorism')[0]).toBe('domestic-terrorism');
  });

  it('finds claims by who asserted them, including for whom a spokeswoman spoke', () => {
    expect(ids('Frey')).toEqual(expect.arrayContaining(['frey-demands-ice-leave', 'frey-causing-chaos']));
    expect(ids('', { actorId: 'tricia-mclaughlin' })).toContain('defensive-shots');
    // DHS finds what its spokeswoman said for it.
    expect(ids('', { actorId: 'dhs' })).toEqual(
      expect.arrayContaining(['defensive-shots', 'weaponized-vehicle']),
    );
  });

  it('narrows by outlet, and finds words only an outlet printed', () => {
    const ap = ids('', { outletId: 'associated-press' });
    expect(ap).toContain('shame-chant');
    expect(ap).not.toContain('two-videos-on-x');
    expect(ids('allegedly')).toContain('weaponized-vehicle'); // in the AP's excerpt only
  });

  it('needs every word to match, and finds nothing for unrelated words', () => {
    expect(ids('Frey terrorism')).toEqual([]);
    expect(ids('tomato gardening')).toEqual([]);
  });
});

describe('claimsOnPage and coverage', () => {
  const summary = summaryOf([[HEDGED_PARAPHRASE], [STATED_AS_FACT], MULTI_CLAIM, [FREY_QUOTE]]);
  const claims = claimsOnPage(summary.passages, FIXTURE);

  it('groups passages by claim, in order of first appearance, numbering passages in page order', () => {
    expect(claims.map((c) => [c.claimId, c.passages.map((p) => p.position)])).toEqual([
      ['weaponized-vehicle', [1]],
      ['rioters-blocked-officers', [2]],
      ['frey-demands-ice-leave', [3, 4]],
      ['frey-stands-with-immigrants', [3]],
    ]);
  });

  it('keeps claims missing from the dataset, without a claim object', () => {
    const odd = summaryOf([[{ ...STATED_AS_FACT, claimId: 'no-such-claim' }]]);
    const [only] = claimsOnPage(odd.passages, FIXTURE);
    expect(only?.claimId).toBe('no-such-claim');
    expect(only).not.toHaveProperty('claim');
  });

  it('reads the page’s and each outlet’s carriage as sourcing first, then form', () => {
    expect(pageCell(HEDGED_PARAPHRASE)).toEqual({
      sourcing: [
        { kind: 'attributed', text: 'Attributed' },
        { kind: 'hedged', text: 'Hedged' },
      ],
      form: { kind: 'paraphrase', text: 'Paraphrase' },
    });
    const report = (carried: Report['carried']) => ({ carried }) as Report;
    expect(outletCell([])).toBeUndefined();
    expect(outletCell([report(['direct-quote', 'attributed']), report(['paraphrase'])])).toEqual({
      sourcing: [{ kind: 'attributed', text: 'Attributed' }],
      form: { kind: 'partial-quote', text: 'Partly quoted' },
    });
    expect(outletCell([report(['paraphrase'])])?.sourcing).toEqual([
      { kind: 'stated-as-fact', text: 'As fact' },
    ]);
  });

  it('builds one row per claim with a cell for every outlet', () => {
    const rows = coverageRows(claims, FIXTURE);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4]);
    for (const row of rows)
      expect(row.outlets.map((o) => o.outlet.id)).toEqual(['western-journal', 'associated-press']);
    const rioters = rows[1]!;
    expect(rioters.outlets[1]!.cell).toBeUndefined(); // the AP did not report it
    expect(rioters.outlets[0]!.cell).toBeDefined();
  });

  it('lists the reported claims the page leaves out', () => {
    const left = leftOutClaims(claims, FIXTURE).map((l) => l.claim.id);
    expect(left).not.toContain('weaponized-vehicle');
    expect(left).toContain('fatal-shooting');
    for (const l of leftOutClaims(claims, FIXTURE)) expect(l.outlets.length).toBeGreaterThan(0);
  });
});

describe('wording', () => {
  it('headlines each page state', () => {
    expect(pageHeadline(summaryOf([], { state: 'paused' }))).toBe('Source Context is paused here');
    expect(pageHeadline(summaryOf([], { state: 'linked' }))).toBe(
      'This page is about the incident, but states none of its claims',
    );
    expect(pageHeadline(summaryOf([[STATED_AS_FACT]]))).toBe('This page is about the incident');
    expect(pageHeadline(summaryOf([], { state: 'stopped' }))).toBe('Reading this page stopped');
  });

  it('says how much of a page was read', () => {
    expect(partialText(summaryOf([], { scannedChars: 1, totalChars: 1000 }))).toBe(
      'Source Context read 1% of this page’s text.',
    );
  });

  it('tells time like a person', () => {
    const now = Date.UTC(2026, 0, 9, 12);
    expect(whenText(now - 10_000, now)).toBe('just now');
    expect(whenText(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(whenText(now - 60 * 60_000, now)).toBe('1 hour ago');
    expect(whenText(now - 5 * 3600_000, now)).toBe('5 hours ago');
    expect(whenText(now - 3 * 86400_000, now, 'en-US')).toBe('Jan 6, 2026');
  });

  it('names hosts and outlet columns compactly', () => {
    expect(hostOf('https://www.ksby.com/a/b')).toBe('www.ksby.com');
    expect(hostOf('not a url')).toBe('not a url');
    expect(columnName('The Associated Press')).toBe('Associated Press');
    expect(columnName('KSBY')).toBe('KSBY');
  });
});

describe('readLocation', () => {
  it('reads the tab id and the welcome flag', () => {
    expect(readLocation('')).toEqual({ welcome: false });
    expect(readLocation('?tab=42')).toEqual({ tabId: 42, welcome: false });
    expect(readLocation('?welcome=1')).toEqual({ welcome: true });
  });

  it.each(['?tab=', '?tab=abc', '?tab=-1', '?tab=1.5', '?tab=99999999999999999999'])(
    'refuses %s, naming the problem',
    (search) => {
      expect(() => readLocation(search)).toThrow('popup.html?tab= needs a tab id (a whole number)');
    },
  );
});
