import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  CLAUSE_SHAPE,
  CLAUSE_WORDS,
  HEDGE_WORDS,
  KIND_CLAUSE,
  KIND_HEDGE,
  KIND_SPEECH,
  SPEECH_SHAPE,
  SPEECH_WORDS,
  findHedges,
  hedgeLooks,
  hedgesAt,
  fits,
  inRegions,
  mayBe,
  quoteRegions,
  wordKinds,
} from '../../src/match/carriage';
import { stem, tokenize } from '../../src/match/normalize';
import { Vocabulary } from '../../src/match/phrases';
import { diffWords, wordRun } from '../../src/match/diff';
import type { ClaimMatch } from '../../src/match/types';
import { dataset, datasetProblem, matcher, seedText } from './dataset';

if (dataset === undefined) console.warn(`test/match: carriage tests skipped: ${datasetProblem}`);

function quoted(text: string): string[] {
  const r = quoteRegions(text, 0, text.length);
  const out: string[] = [];
  for (let i = 0; i < r.length; i += 2) out.push(text.slice(r[i], r[i + 1]));
  return out;
}

/**
 * `quoteRegions` as first written, visiting every character from « up: the scan now jumps only
 * to the marks that can change a region (not to a single mark between two word characters),
 * which must give the same regions.
 */
function referenceRegions(text: string, from: number, to: number): number[] {
  const word = (c: number): boolean =>
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0xc0 && ![0x201c, 0x201d, 0x2018, 0x2019, 0xab, 0xbb].includes(c));
  const blank = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
  const opens = (c: number): boolean => [0x201c, 0x201e, 0x201f, 0xab].includes(c);
  const out: number[] = [];
  let open = -1;
  let single = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 0x22 || c === 0x27 || c >= 0xab)) continue;
    const prev = i > from ? text.charCodeAt(i - 1) : 32;
    const next = i + 1 < to ? text.charCodeAt(i + 1) : 32;
    if (opens(c)) {
      if (open < 0) {
        single = -1;
        open = i + 1;
      }
    } else if (c === 0x201d || c === 0xbb) {
      if (open >= 0) {
        out.push(open, i);
        open = -1;
      }
    } else if (c === 0x22) {
      if (open < 0) {
        single = -1;
        open = i + 1;
      } else if (!(blank(prev) && (word(next) || opens(next)))) {
        out.push(open, i);
        open = -1;
      }
    } else if (open < 0 && (c === 0x2018 || c === 0x27) && !word(prev) && word(next)) {
      if (single < 0) single = i + 1;
    } else if (open < 0 && single >= 0 && (c === 0x2019 || c === 0x27) && !word(next)) {
      out.push(single, i);
      single = -1;
    }
  }
  if (open >= 0) out.push(open, to);
  return out;
}

describe('quoteRegions', () => {
  it('gives the regions a visit of every character gives', () => {
    // Word characters at the edges of `isWordChar`'s ranges too (0-9, À, ‗, ￿, a surrogate pair),
    // beside single marks: the scan skips a mark only between two of them.
    const chars = [...'ab Z.,\'"“”„‟«»‘’—–…é·‹›‚‛\u00a0\u2032\u300009\u00bf\u00c0\u2017\uffff😀q'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (cs) => {
        const text = cs.join('');
        expect(quoteRegions(text, 0, text.length)).toEqual(referenceRegions(text, 0, text.length));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives those regions whatever stands on either side of a single mark', () => {
    // Every pair of neighbours from the edges of `isWordChar`'s ranges and the marks themselves,
    // around each single mark, where a single quotation is open and where none is.
    const edges = [...'09/:@AZ[`az{ .\'"«»\u00bf\u00c0\u2017‘’‚‛“”„‟\uffff'];
    edges.push('\ud83d', '\ude00');
    for (const p of edges) {
      for (const n of edges) {
        for (const m of ["'", '‘', '’']) {
          for (const text of [`'ab${p}${m}${n}c' d`, `x ${p}${m}${n}y ‘z’`, `“a ${p}${m}${n}b”`]) {
            expect(quoteRegions(text, 0, text.length)).toEqual(referenceRegions(text, 0, text.length));
          }
        }
      }
    }
  });

  it('finds curly and straight quotes', () => {
    expect(quoted('He said “go home” and "leave now" today.')).toEqual(['go home', 'leave now']);
  });

  it('ignores apostrophes but reads single quotes used as quotation marks', () => {
    expect(quoted('We’re here; DHS calls her a ‘domestic terrorist’ in a post.')).toEqual([
      'domestic terrorist',
    ]);
  });

  it('copes with a stray straight quote before a curly one and a reopening quote', () => {
    const text = '"“An ICE officer fired defensive shots. McLaughlin said. "He used his training."';
    expect(quoted(text)).toEqual([text.slice(1, -1)]);
  });

  it('closes an unclosed quote at the end of the block (multi-paragraph quotes)', () => {
    expect(quoted('“We stand rock solid with our communities.')).toEqual([
      'We stand rock solid with our communities.',
    ]);
  });

  it('reads quotes spoken aloud in transcripts', () => {
    const text = 'Let me read it: quote, fired defensive shots, end quote. Then more.';
    expect(quoted(text)).toEqual(['fired defensive shots']);
    expect(quoted('A quote from the mayor.')).toEqual([]);
    expect(quoted('He read: QUOTE, fired defensive shots, END QUOTE.')).toEqual(['fired defensive shots']);
  });

  it('inRegions tests membership', () => {
    expect(inRegions([2, 5, 9, 12], 4)).toBe(true);
    expect(inRegions([2, 5, 9, 12], 5)).toBe(false);
    expect(inRegions([], 0)).toBe(false);
  });
});

describe('quoteRegions on part of a text', () => {
  it('gives offsets in the whole text and reads spoken quotes inside the range only', () => {
    const before = 'Earlier: “not this one”. ';
    const block = 'He said, quote, we will leave, end quote, on Friday and “went home”.';
    const text = before + block + ' After: “nor this”.';
    const r = quoteRegions(text, before.length, before.length + block.length);
    const got: string[] = [];
    for (let i = 0; i < r.length; i += 2) got.push(text.slice(r[i], r[i + 1]));
    expect(got).toEqual(['went home', 'we will leave']);
  });
});

describe('word list filters', () => {
  // A vocabulary holding some list words (as the dataset's texts would) and not others.
  const vocab = new Vocabulary();
  for (const w of ['said', 'claimed', 'allegedly', 'when', 'officer', 'the', 'city']) vocab.add(stem(w));
  const kinds = wordKinds((s) => vocab.get(s), vocab.size);
  const words = [
    ...SPEECH_WORDS,
    ...HEDGE_WORDS,
    ...CLAUSE_WORDS,
    'so',
    'called',
    'officer',
    'the',
    'city',
    'zebra',
    '',
  ];

  it('never rules out a word of the list (by id or by shape)', () => {
    for (const w of words) {
      const ids = vocab.idsOf([w]);
      if (SPEECH_WORDS.has(w)) {
        expect(mayBe(ids, kinds, 0, KIND_SPEECH), w).toBe(true);
        expect(fits(SPEECH_SHAPE, w), w).toBe(true);
      }
      if (HEDGE_WORDS.has(w)) expect(mayBe(ids, kinds, 0, KIND_HEDGE), w).toBe(true);
      if (CLAUSE_WORDS.has(w)) {
        expect(mayBe(ids, kinds, 0, KIND_CLAUSE), w).toBe(true);
        expect(fits(CLAUSE_SHAPE, w), w).toBe(true);
      }
    }
  });

  it('rules out known words of no list', () => {
    for (const w of ['officer', 'the', 'city']) {
      const ids = vocab.idsOf([w]);
      expect(mayBe(ids, kinds, 0, KIND_SPEECH | KIND_HEDGE | KIND_CLAUSE), w).toBe(false);
    }
    expect(fits(SPEECH_SHAPE, 'zebra')).toBe(false);
  });

  it('findHedges finds the same hedges with and without the filter', () => {
    const sentences = [
      'The officer allegedly fired, DHS claimed, in what the agency called self-defense.',
      'The so called investigation appears to show that the alleged suspect reportedly fled.',
      '“They insisted he was armed,” a witness said, though police claimed otherwise.',
    ];
    for (const text of sentences) {
      const t = tokenize(text);
      const ids = vocab.idsOf(t.words);
      const inQuote = new Uint8Array(t.words.length);
      if (text.startsWith('“')) inQuote.fill(1, 0, 5);
      const all = { from: 0, to: t.words.length };
      const tok = { word: (i: number) => t.words[i] };
      const plain = findHedges(tok, inQuote, 0, all, all, 3);
      expect(plain.length, text).toBeGreaterThan(0);
      expect(findHedges(tok, inQuote, 0, all, all, 3, ids, kinds), text).toEqual(plain);
    }
  });

  it("hedgesAt on a sentence's hedge looks finds what reading every word finds, for every span", () => {
    const text =
      'Police said the so called driver allegedly appears to have fled, what DHS described as an attack.';
    const t = tokenize(text);
    const ids = vocab.idsOf(t.words);
    const tok = { word: (i: number) => t.words[i] };
    const n = t.words.length;
    const inQuote = new Uint8Array(n + 2).fill(1, 4, 6);
    // The sentence is tokens [1, n) of a longer view, as the linker's sentences are.
    const sentence = { from: 1, to: n };
    const looks = hedgeLooks(tok, sentence.from, sentence.to, ids, kinds);
    expect(looks.length).toBeGreaterThan(0);
    expect(looks.length).toBeLessThan(n - 1);
    const every = Array.from({ length: n - 1 }, (_, k) => k + 1);
    let hedged = 0;
    for (let from = 1; from < n; from++) {
      for (let to = from + 1; to <= n; to++) {
        const q = inQuote.subarray(1);
        const want = hedgesAt(tok, every, q, 1, from, to, 1, n, from + 1);
        const got = hedgesAt(tok, looks, q, 1, from, to, 1, n, from + 1);
        expect(findHedges(tok, q, 1, { from, to }, sentence, from + 1, ids, kinds)).toEqual(got);
        expect(got, `[${from}, ${to})`).toEqual(want);
        if (got.length > 0) hedged++;
      }
    }
    expect(hedged).toBeGreaterThan(0);
  });
});

describe('diffWords', () => {
  it('diffs normalized words and reports each side in its own words', () => {
    const ops = diffWords(
      wordRun('We’re demanding ICE to leave the city immediately.'),
      wordRun('We are demanding ICE leave the city and state immediately.'),
    );
    expect(ops).toEqual([
      { op: 'removed', text: 'We are' },
      { op: 'added', text: 'We’re' },
      { op: 'same', text: 'demanding ICE' },
      { op: 'added', text: 'to' },
      { op: 'same', text: 'leave the city' },
      { op: 'removed', text: 'and state' },
      { op: 'same', text: 'immediately' },
    ]);
  });

  it('treats spelling variants (quotes, case, 1,300%) as the same words', () => {
    const ops = diffWords(
      wordRun('a “1,300% INCREASE” in assaults'),
      wordRun('a 1300 percent increase in assaults'),
    );
    expect(ops).toEqual([{ op: 'same', text: 'a “1,300% INCREASE” in assaults' }]);
  });

  it('handles empty sides', () => {
    expect(diffWords(wordRun(''), wordRun('leave now'))).toEqual([{ op: 'removed', text: 'leave now' }]);
    expect(diffWords(wordRun('leave now'), wordRun(''))).toEqual([{ op: 'added', text: 'leave now' }]);
  });
});

describe.skipIf(matcher === undefined)('carriage on a page', () => {
  const one = (text: string, claimId: string): ClaimMatch => {
    const m = matcher!.analyze({ text }, { force: true }).matches.find((x) => x.claimId === claimId);
    expect(m, `${claimId} not linked in «${text}»`).toBeDefined();
    return m!;
  };

  it('links the seed articles alike a second time (lists shared between sentences stay unwritten)', () => {
    // Sentences in blocks without quotation marks share one list of zeros per length as their
    // `inQuote`: a write into one would show as quotes in later sentences of that length.
    const run = (): string =>
      JSON.stringify(dataset!.seeds.map((seed) => matcher!.analyze({ text: seedText(seed.file) }).matches));
    const first = run();
    expect(first).toContain('"direct-quote"');
    expect(run()).toBe(first);
  });

  it('attributed to a named agency', () => {
    const m = one(
      'The Department of Homeland Security said an ICE officer fired defensive shots.',
      'defensive-shots',
    );
    expect(m.carried).toEqual(['paraphrase', 'attributed']);
    expect(m.attributedTo).toEqual({ text: 'The Department of Homeland Security', actorId: 'dhs' });
    expect(m.hedges).toEqual([]);
  });

  it('attributed without a name: "according to the department" → dhs', () => {
    const m = one(
      'According to the department, ICE officers were conducting targeted operations in the city.',
      'targeted-operations',
    );
    expect(m.attributedTo).toEqual({ text: 'the department', actorId: 'dhs' });
    expect(m.text).toBe('ICE officers were conducting targeted operations in the city');
  });

  it('a pronoun takes the last named speaker, across blocks', () => {
    const m = one(
      'Mayor Jacob Frey spoke after the shooting.\n\n“We’re demanding ICE to leave the city immediately,” he added.',
      'frey-demands-ice-leave',
    );
    expect(m.carried).toEqual(['direct-quote', 'attributed']);
    expect(m.attributedTo).toEqual({ text: 'he', actorId: 'jacob-frey' });
  });

  it('a quote attributed in the next sentence ("… shots. McLaughlin said.")', () => {
    const text =
      '"“An ICE officer, fearing for his life, the lives of his fellow law enforcement and the safety of the public, ' +
      'fired defensive shots. McLaughlin said. "He used his training and saved his own life and that of his fellow officers."';
    for (const id of ['defensive-shots', 'used-his-training']) {
      const m = one(text, id);
      expect(m.carried).toEqual(['direct-quote', 'attributed']);
      expect(m.attributedTo?.actorId).toBe('tricia-mclaughlin');
    }
  });

  it('a speaker introduced by a colon', () => {
    const m = one(
      'Mayor Frey on X: “We stand rock solid with our immigrant and refugee communities.”',
      'frey-stands-with-immigrants',
    );
    expect(m.attributedTo).toEqual({ text: 'Mayor Frey', actorId: 'jacob-frey' });
    expect(m.carried).toContain('direct-quote');
  });

  it('hedged by an adverb, without attribution', () => {
    const m = one('She allegedly tried to run over officers.', 'weaponized-vehicle');
    expect(m.carried).toEqual(['paraphrase', 'hedged']);
    expect(m.hedges).toEqual(['allegedly']);
    expect(m.attributedTo).toBeUndefined();
  });

  it('hedged and attributed by "claimed"', () => {
    const m = one('Federal officials claimed the woman tried to ram agents.', 'weaponized-vehicle');
    expect(m.carried).toEqual(['paraphrase', 'attributed', 'hedged']);
    expect(m.attributedTo).toEqual({ text: 'Federal officials' });
    expect(m.hedges).toEqual(['claimed']);
  });

  it('hedged by "what DHS described as", and the hedge stays with its clause', () => {
    const text = 'An ICE officer shot a woman after what DHS described as an attempt to run over agents.';
    const weaponized = one(text, 'weaponized-vehicle');
    expect(weaponized.hedges).toEqual(['what … described']);
    const shooting = one(text, 'fatal-shooting');
    expect(shooting.carried).toEqual(['paraphrase', 'stated-as-fact']);
  });

  it('hedged by "appears to", even inside quotation marks', () => {
    const m = one(
      'The Western Journal wrote that the footage “appears to corroborate” the DHS account.',
      'video-corroborates-dhs',
    );
    expect(m.hedges).toEqual(['appears to']);
    expect(m.carried).toContain('hedged');
  });

  it('stated as fact', () => {
    const m = one('The SUV crashed a short distance away.', 'suv-crashed');
    expect(m.carried).toEqual(['paraphrase', 'stated-as-fact']);
    expect(m.attributedTo).toBeUndefined();
  });

  it('a label for the speaker is not the speaker’s statement', () => {
    const m = one(
      'Following the shooting, far-left Democratic Minneapolis Mayor Jacob Frey criticized the presence of federal agents.',
      'frey-far-left-label',
    );
    expect(m.carried).toEqual(['paraphrase', 'stated-as-fact']);
  });

  it('direct quote when the speaker’s printed words are read out in a transcript', () => {
    const m = one(
      'Let me read the statement: quote, an ICE officer, fearing for his life, the lives of his fellow law enforcement ' +
        'and the safety of the public, fired defensive shots, end quote.',
      'defensive-shots',
    );
    expect(m.carried[0]).toBe('direct-quote');
  });

  it('credits what a paper printed or a site wrote to them', () => {
    const printed = one(
      'One tabloid printed “We’re demanding ICE to leave the city immediately” under his photo.',
      'frey-demands-ice-leave',
    );
    expect(printed.carried).toEqual(['direct-quote', 'attributed']);
    expect(printed.attributedTo?.text).toBe('tabloid');
    const wrote = one(
      'Two websites wrote that the officer fired defensive shots because he feared for his life.',
      'defensive-shots',
    );
    expect(wrote.carried).toContain('attributed');
    expect(wrote.attributedTo?.text).toBe('websites');
    // A short verb phrase joined by "and", with an adverb before the speech verb.
    const further = one(
      'Some sites went further and simply reported that the woman tried to kill the officers with her SUV.',
      'weaponized-vehicle',
    );
    expect(further.attributedTo?.text).toBe('sites');
  });

  it('compares a page quote with each outlet’s version (frey-demands-ice-leave)', () => {
    const m = one(
      '“We are demanding ICE leave the city and state immediately,” Frey said.',
      'frey-demands-ice-leave',
    );
    expect(m.carried).toEqual(['direct-quote', 'attributed']);
    const byOutlet = Object.fromEntries(m.quoteComparisons.map((c) => [c.outletId, c]));
    expect(byOutlet['associated-press']!.identical).toBe(true);
    expect(byOutlet['western-journal']!.identical).toBe(false);
    expect(byOutlet['western-journal']!.printed).toBe('We’re demanding ICE to leave the city immediately');
    expect(byOutlet['western-journal']!.ops).toEqual([
      { op: 'removed', text: 'We’re' },
      { op: 'added', text: 'We are' },
      { op: 'same', text: 'demanding ICE' },
      { op: 'removed', text: 'to' },
      { op: 'same', text: 'leave the city' },
      { op: 'added', text: 'and state' },
      { op: 'same', text: 'immediately' },
    ]);
  });

  it('works the card fields out on first read, and they survive JSON, spreads and cloning', () => {
    const text = '“We are demanding ICE leave the city and state immediately,” Frey said.';
    const first = one(text, 'frey-demands-ice-leave');
    const eager = JSON.parse(JSON.stringify(first)) as typeof first;
    expect(eager.detail).toMatch(/^Same words as the quote as printed by /);
    expect(eager.quoteComparisons).toHaveLength(2);
    // Every way the content script and the popup hand a match on sees the same values.
    const again = one(text, 'frey-demands-ice-leave');
    expect({ ...again }).toEqual(eager);
    expect(structuredClone(one(text, 'frey-demands-ice-leave'))).toEqual(eager);
    expect(Object.keys(again)).toEqual(Object.keys(eager));
    // Read once, then kept (the same array each time) and writable like any field.
    expect(again.quoteComparisons).toBe(again.quoteComparisons);
    again.detail = 'changed';
    expect(again.detail).toBe('changed');
  });

  it('no comparisons for paraphrases', () => {
    const m = one('Frey told ICE to get out of Minneapolis.', 'frey-demands-ice-leave');
    expect(m.carried[0]).toBe('paraphrase');
    expect(m.quoteComparisons).toEqual([]);
  });
});
