import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import { normalize, normalizeWords, stem, tokenize } from '../../src/match/normalize';

describe('normalize: spellings that must compare equal', () => {
  const same: [string, string][] = [
    ['We’re demanding', "We're demanding"],
    ['“Shame!”', '"Shame!"'],
    ['Homeland Security’s account', "Homeland Security's account"],
    ['an act—of terror', 'an act - of terror'],
    ['non\u00a0breaking\u2009space', 'non breaking space'],
    ['zero\u200bwidth', 'zerowidth'],
    ['soft\u00adhyphen', 'softhyphen'],
    ['CAUSING CHAOS', 'causing chaos'],
    ['Renée Café naïve', 'Renee Cafe naive'],
    ['a 1,300% increase', 'a 1300 percent increase'],
    ['an 8,000 per cent rise', 'an 8000 percent rise'],
    ['34th Street & Portland', '34th Street and Portland'],
    ['Immigration and Customs Enforcement', 'ICE'],
    ['Immigration & Customs Enforcement officers', 'ICE officers'],
    ['U.S. Immigration and Customs Enforcement', 'ICE'],
    ['the Department of Homeland Security', 'the DHS'],
    ['Homeland Security said', 'DHS said'],
    ['Customs and Border Protection', 'CBP'],
    ['E. 34th St. and Portland Ave.', 'East 34th Street and Portland Avenue'],
    ['Cmdr. Gregory Bovino', 'Commander Gregory Bovino'],
    ['Minneapolis–St. Paul', 'Minneapolis Saint Paul'],
    ['Jan. 7', 'January 7'],
    ['in the U.S. today', 'in the US today'],
    ['Frey’s demand', 'Frey demand'],
  ];
  for (const [a, b] of same) {
    it(`"${a}" ≡ "${b}"`, () => {
      expect(normalize(a).text).toBe(normalize(b).text);
    });
  }

  it('keeps contractions that are not possessives', () => {
    expect(normalizeWords("it's what we're doing")).toEqual(["it's", 'what', "we're", 'doing']);
  });

  it('judges an apostrophe by the letter a diacritic sits on, as in the normalized text', () => {
    // Found by the idempotence property: "１́'ש" kept its apostrophe (a mark came before it),
    // but normalized it is "1'ש", where a digit comes before it, and that separates.
    for (const input of ["１\u0301'ש", "e\u0301'ש", "1'ש"]) {
      const once = normalize(input).text;
      expect(normalize(once).text, input).toBe(once);
    }
    expect(normalizeWords("e\u0301'ש")).toEqual(["e'ש"]);
    expect(normalizeWords("１\u0301'ש")).toEqual(['1', 'ש']);
  });

  it('keeps decimals and does not join separate numbers', () => {
    expect(normalizeWords('2.5 miles, 1,300 and 12,34')).toEqual(['2.5', 'miles', '1300', 'and', '12', '34']);
  });

  it('splits hyphenated words and drops punctuation', () => {
    expect(normalizeWords('far-left Democratic (Minneapolis) mayor!')).toEqual([
      'far',
      'left',
      'democratic',
      'minneapolis',
      'mayor',
    ]);
  });

  it('marks punctuation between words (phrases stop there)', () => {
    const t = tokenize('in Minneapolis, officials say');
    expect(Array.from(t.breaks)).toEqual([1, 0, 1, 0]);
  });

  it('rejects a range outside the text with a clear error', () => {
    expect(() => tokenize('abc', 2, 9)).toThrow(/range \[2, 9\) is outside the text \(length 3\)/);
  });
});

describe('normalize: map back to the original', () => {
  it('maps every normalized character inside the original text', () => {
    const text = '“We’re demanding ICE to leave,” Frey wrote — a 1,300% rise & more.';
    const n = normalize(text);
    expect(n.starts.length).toBe(n.text.length);
    for (let i = 0; i < n.text.length; i++) {
      expect(n.starts[i]).toBeLessThanOrEqual(n.ends[i]!);
      expect(n.ends[i]).toBeLessThanOrEqual(text.length);
    }
    const k = n.text.indexOf('demanding');
    expect(text.slice(n.starts[k]!, n.ends[k + 'demanding'.length - 1]!)).toBe('demanding');
    const p = n.text.indexOf('percent');
    expect(text.slice(n.starts[p]!, n.ends[p + 6]!)).toBe('%');
  });

  // Pieces chosen to exercise every rule: quotes, dashes, invisible characters, numbers,
  // abbreviations, multi-word names, diacritics and case.
  const pieces = [
    'We’re',
    '“Shame!”',
    'Frey’s',
    'ICE',
    'Immigration and Customs Enforcement',
    'Department of Homeland Security',
    'Homeland Security',
    'Customs and Border Protection',
    'E.',
    '34th',
    'St.',
    'Ave.',
    'Portland',
    '1,300%',
    '8,000',
    '2.5',
    '&',
    '—',
    'zero\u200bwidth',
    'café',
    'naïve',
    'Cmdr.',
    'U.S.',
    'said',
    'the',
    'officer',
    '(X)',
    'far-left',
    'Jan.',
    '7,',
  ];
  const separators = [' ', '  ', '\u00a0', ', ', '. ', '\n', ' — '];

  it('every span of whole units maps back to an original range that normalizes to it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...separators)), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.nat(),
        fc.nat(),
        (parts, a, b) => {
          const text = parts.map(([p, sep]) => p + sep).join('');
          const t = tokenize(text);
          const n = normalize(text);
          // A unit is a run of tokens made from one original range (a multi-word name is one).
          const units: [number, number][] = [];
          for (let i = 0; i < t.length; i++) {
            const last = units[units.length - 1];
            if (last !== undefined && t.starts[i] === t.starts[i - 1] && t.ends[i] === t.ends[i - 1])
              last[1] = i + 1;
            else units.push([i, i + 1]);
          }
          if (units.length === 0) return;
          const ua = a % units.length;
          const ub = ua + (b % (units.length - ua));
          const tokFrom = units[ua]![0];
          const tokTo = units[ub]![1];
          // Character offsets of those tokens in the normalized text (words joined by one space).
          let s = 0;
          for (let i = 0; i < tokFrom; i++) s += t.words[i]!.length + 1;
          let e = s;
          for (let i = tokFrom; i < tokTo; i++) e += t.words[i]!.length + (i > tokFrom ? 1 : 0);
          const original = text.slice(n.starts[s]!, n.ends[e - 1]!);
          expect(normalize(original).text).toBe(n.text.slice(s, e));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('handles a 1 MB page in linear time with typed arrays', () => {
    const page = 'The ICE officer’s “weaponized” SUV — 1,300% more. '.repeat(20_000);
    const t = tokenize(page);
    expect(t.starts).toBeInstanceOf(Uint32Array);
    expect(t.length).toBeGreaterThan(150_000);
    expect(t.ends[t.length - 1]).toBeLessThanOrEqual(page.length);
  });
});

describe('stem', () => {
  it('matches inflections of the same word', () => {
    expect(stem('officers')).toBe(stem('officer'));
    expect(stem('weaponized')).toBe(stem('weaponizing'));
    expect(stem('running')).toBe(stem('run'));
    expect(stem('demanded')).toBe(stem('demanding'));
    expect(stem('fired')).toBe(stem('fire'));
    expect(stem('vehicles')).toBe(stem('vehicle'));
  });

  it('leaves numbers and short words alone', () => {
    expect(stem('1300')).toBe('1300');
    expect(stem('34th')).toBe('34th');
    expect(stem('ice')).toBe('ice');
    expect(stem('dhs')).toBe('dhs');
    expect(stem('minneapolis')).toBe('minneapolis');
  });
});
