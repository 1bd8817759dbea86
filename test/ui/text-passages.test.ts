import { describe, expect, it } from 'vitest';

import { distinctClaimIds, groupIntoPassages, uniqueClaims } from '../../src/ui/passages';
import { collapseWhitespace, safeHttpUrl, snippet } from '../../src/ui/text';
import { makeMatch } from './fixtures';

describe('snippet', () => {
  it('keeps short text whole, whitespace collapsed', () => {
    expect(snippet('  a\n\tb  c ', 20)).toBe('a b c');
    expect(collapseWhitespace('x \n y')).toBe('x y');
  });

  it('cuts at a word boundary and ends with an ellipsis within the limit', () => {
    const text = 'The presence of federal immigration enforcement agents is causing chaos in our city';
    const out = snippet(text, 30);
    expect(out.length).toBeLessThanOrEqual(30);
    expect(out).toBe('The presence of federal…');
  });

  it('cuts a long single word mid-word and drops trailing punctuation before the ellipsis', () => {
    expect(snippet('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
    expect(snippet('one two three, four five six seven', 15)).toBe('one two three…');
  });

  it('rejects a useless limit with a clear error', () => {
    expect(() => snippet('abc', 1)).toThrow(/max must be an integer >= 2, got 1/);
  });
});

describe('safeHttpUrl', () => {
  it('accepts http and https URLs only', () => {
    expect(safeHttpUrl('https://apnews.com/x')).toBe('https://apnews.com/x');
    expect(safeHttpUrl('http://example.org')).toBe('http://example.org/');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeHttpUrl('/relative')).toBeUndefined();
    expect(safeHttpUrl('')).toBeUndefined();
  });
});

describe('groupIntoPassages', () => {
  const m = (claimId: string, start: number, end: number, score = 0.5) =>
    makeMatch({ claimId, start, end, score, text: 'x'.repeat(Math.max(end - start, 0)) });

  it('puts overlapping matches in one passage, best score first, passages in page order', () => {
    const passages = groupIntoPassages([
      m('c', 50, 60),
      m('a', 0, 10, 0.4),
      m('b', 5, 12, 0.9),
      m('d', 11, 20),
    ]);
    expect(passages.map((passage) => passage.map((match) => match.claimId))).toEqual([
      ['b', 'd', 'a'],
      ['c'],
    ]);
  });

  it('keeps ranges that only touch apart', () => {
    expect(groupIntoPassages([m('a', 0, 10), m('b', 10, 20)])).toHaveLength(2);
  });

  it('returns no passages for no matches and names a bad range', () => {
    expect(groupIntoPassages([])).toEqual([]);
    expect(() => groupIntoPassages([m('bad', 9, 3)])).toThrow(/claim "bad" has an invalid range 9\.\.3/);
  });

  it('counts distinct claims and keeps one match per claim', () => {
    const passages = [[m('a', 0, 5), m('b', 0, 5)], [m('a', 9, 12)]];
    expect(distinctClaimIds(passages)).toEqual(['a', 'b']);
    const dupes = [m('a', 0, 5, 0.2), m('b', 0, 5, 0.5), m('a', 0, 5, 0.7)];
    expect(uniqueClaims(dupes).map((match) => [match.claimId, match.score])).toEqual([
      ['a', 0.7],
      ['b', 0.5],
    ]);
  });
});
