// Properties of normalization and its offset map (src/match/normalize.ts) on any string: the map
// is well formed, every normalized span (and every match found in normalized text) maps back to
// an original range whose text normalizes to the same words, and the spellings the module
// promises to equate (quotes, spaces, zero-width characters, ASCII case) really tokenize alike.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, tokenize } from '../../src/match/normalize';
import { anyString, asciiWord, hostileChar, joined, mangledWord, ruleWord, separator } from './arbitraries';

/** Hostile text with enough real words and rule words that tokens and canonical phrases appear. */
const text = fc.oneof(
  anyString,
  joined(fc.oneof(asciiWord, ruleWord, mangledWord, hostileChar)),
  joined(fc.oneof({ weight: 3, arbitrary: ruleWord }, { weight: 1, arbitrary: asciiWord }), 12),
);

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) };

describe('normalize: the offset map', () => {
  it('has one original range per normalized character, inside the input and in order', () => {
    fc.assert(
      fc.property(text, (input) => {
        const n = normalize(input);
        expect(n.starts.length).toBe(n.text.length);
        expect(n.ends.length).toBe(n.text.length);
        let prev = 0;
        for (let k = 0; k < n.text.length; k++) {
          const s = n.starts[k]!;
          const e = n.ends[k]!;
          expect(s).toBeLessThanOrEqual(e);
          expect(e).toBeLessThanOrEqual(input.length);
          expect(s).toBeGreaterThanOrEqual(prev);
          prev = s;
          // A character of a word comes from at least one original character; a space may
          // stand for an empty gap ("a&b" has none between "a" and "and").
          if (n.text[k] !== ' ') expect(e).toBeGreaterThan(s);
        }
      }),
      // "St. Paul" becomes two words from one unit: the space between them must map inside it.
      { ...RUNS, examples: [['St. Paul '], ['Homeland Security St Paul']] },
    );
  });

  it('joins non-empty words with single spaces', () => {
    fc.assert(
      fc.property(text, (input) => {
        const n = normalize(input);
        const t = tokenize(input);
        expect(n.text).toBe(t.words.join(' '));
        for (const w of t.words) {
          expect(w.length).toBeGreaterThan(0);
          expect(w).not.toMatch(/\s/);
          expect(w).toBe(w.toLowerCase());
        }
      }),
      RUNS,
    );
  });

  it('is idempotent: normalized text normalizes to itself', () => {
    fc.assert(
      fc.property(text, (input) => {
        const once = normalize(input).text;
        expect(normalize(once).text).toBe(once);
      }),
      // Capital sharp s (ẞ) must end up as the small one (ß -> ss) does; an invisible character
      // after a possessive must not keep its "'s" ("mclaughlin's" would then lose it).
      // A Hangul syllable after "E." must not come back as three jamo (which reads as "east …").
      { ...RUNS, examples: [['STRAẞE'], ['straße'], ["McLaughlin's\u200b"], ['E.한'], ['a.m.ẞ']] },
    );
  });
});

describe('tokenize: every token and every span maps back', () => {
  it('keeps token offsets inside the input, in order, and each original unit renormalizes to its words', () => {
    fc.assert(
      fc.property(text, (input) => {
        const t = tokenize(input);
        expect(t.starts.length).toBe(t.length);
        for (let i = 0; i < t.length; i++) {
          const s = t.starts[i]!;
          const e = t.ends[i]!;
          expect(e).toBeGreaterThan(s);
          expect(e).toBeLessThanOrEqual(input.length);
          if (i > 0) expect(s).toBeGreaterThanOrEqual(t.starts[i - 1]!);
          // A unit may yield several tokens ("St. Paul" -> saint paul): they share its range.
          const unit = tokenize(input.slice(s, e)).words;
          expect(unit).toContain(t.words[i]);
        }
      }),
      RUNS,
    );
  });

  it('maps any span of whole tokens back to an original range that normalizes to the same words', () => {
    const withSpan = text
      .filter((input) => tokenize(input).length > 0)
      .chain((input) => {
        const n = tokenize(input).length;
        return fc
          .tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: n }))
          .map(([i, len]) => ({ input, i, j: Math.min(n, i + len) }));
      });
    fc.assert(
      fc.property(withSpan, ({ input, i, j }) => {
        const t = tokenize(input);
        const original = input.slice(t.starts[i]!, t.ends[j - 1]!);
        const words = t.words.slice(i, j);
        const again = tokenize(original).words;
        // Tokens that share one original unit with a neighbour outside the span (the "paul" of
        // "St. Paul") bring that neighbour back: then the span's words appear inside.
        const splitsUnit =
          (i > 0 && t.starts[i] === t.starts[i - 1]) || (j < t.length && t.ends[j - 1] === t.ends[j]);
        if (splitsUnit) expect(again.join(' ')).toContain(words.join(' '));
        else expect(again).toEqual(words);
      }),
      RUNS,
    );
  });

  it('maps every occurrence of a phrase found in normalized text back to text with the same words', () => {
    // The engine's matches are searches over normalized words; simulate them with indexOf.
    const withNeedle = text
      .filter((input) => tokenize(input).length > 0)
      .chain((input) => {
        const words = tokenize(input).words;
        return fc
          .tuple(fc.integer({ min: 0, max: words.length - 1 }), fc.integer({ min: 1, max: 3 }))
          .map(([i, len]) => ({ input, needle: words.slice(i, i + len).join(' ') }));
      });
    fc.assert(
      fc.property(withNeedle, ({ input, needle }) => {
        const n = normalize(input);
        let found = 0;
        for (let at = n.text.indexOf(needle); at >= 0; at = n.text.indexOf(needle, at + 1)) {
          const end = at + needle.length;
          const wholeWords =
            (at === 0 || n.text[at - 1] === ' ') && (end === n.text.length || n.text[end] === ' ');
          if (!wholeWords) continue;
          found++;
          const original = input.slice(n.starts[at]!, n.ends[end - 1]!);
          expect(normalize(original).text).toContain(needle);
        }
        expect(found).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('rejects ranges outside the text with a RangeError naming the range', () => {
    fc.assert(
      fc.property(
        anyString,
        fc.integer({ min: -5, max: 300 }),
        fc.integer({ min: -5, max: 300 }),
        (input, s, e) => {
          const valid = s >= 0 && e <= input.length && s <= e;
          if (valid) expect(() => tokenize(input, s, e)).not.toThrow();
          else expect(() => tokenize(input, s, e)).toThrow(new RegExp(`range \\[${s}, ${e}\\)`));
        },
      ),
      RUNS,
    );
  });

  it('tokenizes a sub-range the same as the slice, offset by its start, when cut between words', () => {
    fc.assert(
      fc.property(
        joined(fc.oneof(asciiWord, ruleWord, mangledWord)),
        separator,
        joined(fc.oneof(asciiWord, mangledWord)),
        (a, sep, b) => {
          const input = `${a}\n\n${sep}${b}`;
          const from = a.length + 2;
          const sub = tokenize(input, from);
          const alone = tokenize(input.slice(from));
          expect(sub.words).toEqual(alone.words);
          expect(Array.from(sub.starts)).toEqual(Array.from(alone.starts, (s) => s + from));
        },
      ),
      RUNS,
    );
  });
});

describe('tokenize: spellings that must compare equal', () => {
  const prose = joined(fc.oneof({ weight: 4, arbitrary: asciiWord }, { weight: 1, arbitrary: ruleWord }), 20);

  it('ignores curly versus straight quotes and apostrophes', () => {
    fc.assert(
      fc.property(prose, (input) => {
        const curly = input.replace(/'/g, '’').replace(/"([^"]*)"/g, '“$1”');
        expect(tokenize(curly).words).toEqual(tokenize(input).words);
      }),
      RUNS,
    );
  });

  it('ignores non-breaking, thin and ideographic spaces in place of spaces', () => {
    fc.assert(
      fc.property(prose, fc.constantFrom('\u00a0', '\u2009', '\u202f', '\u3000'), (input, space) => {
        expect(tokenize(input.replace(/ /g, space)).words).toEqual(tokenize(input).words);
      }),
      RUNS,
    );
  });

  it('ignores zero-width characters and soft hyphens inside words', () => {
    fc.assert(
      fc.property(
        prose,
        fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'),
        fc.nat(),
        (input, zw, seed) => {
          // Insert between two letters only: next to a period it would change what the period means.
          let k = 0;
          const mangled = input.replace(/([A-Za-z])(?=[A-Za-z])/g, (m) =>
            (seed >> (k++ % 30)) & 1 ? m + zw : m,
          );
          expect(tokenize(mangled).words).toEqual(tokenize(input).words);
        },
      ),
      // A zero-width space after an initial's letter must not turn "a.Aa" into an acronym.
      {
        ...RUNS,
        examples: [
          ['a.Aa ', '\u200b', 1],
          ['U.S. Immigration', '\u00ad', 1 << 3],
        ],
      },
    );
  });

  it('ignores zero-width characters at the end of a word', () => {
    fc.assert(
      fc.property(prose, fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'), (input, zw) => {
        const mangled = input.replace(/([A-Za-z])(?=\s|$)/g, `$1${zw}`);
        expect(tokenize(mangled).words).toEqual(tokenize(input).words);
      }),
      // A possessive keeps its "'s" when an invisible character follows it.
      { ...RUNS, examples: [["DHS spokeswoman McLaughlin's statement", '\u200b']] },
    );
  });

  it('ignores ASCII case', () => {
    // Only ASCII letters change: String#toUpperCase turns some letters into two ("ŉ" -> "ʼN").
    const ascii = (s: string, upper: boolean): string =>
      s.replace(/[A-Za-z]/g, (c) => (upper ? c.toUpperCase() : c.toLowerCase()));
    fc.assert(
      fc.property(prose, (input) => {
        expect(tokenize(ascii(input, true)).words).toEqual(tokenize(ascii(input, false)).words);
      }),
      RUNS,
    );
  });

  it('drops diacritics written precomposed or as combining marks alike', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('é', 'ñ', 'ü', 'Å', 'ç', 'ø', 'a', 'b'), { minLength: 1, maxLength: 12 }),
        (letters) => {
          const composed = letters.join('').normalize('NFC');
          const decomposed = composed.normalize('NFD');
          expect(tokenize(decomposed).words).toEqual(tokenize(composed).words);
        },
      ),
      RUNS,
    );
  });
});
