// The first pass (src/match/firstpass.ts) must give exactly the ids, offsets and breaks of
// `tokenizeRanges` + `Vocabulary.idsOf`: recognition and the block plan read its output as if
// the page had been tokenized.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillerParagraph, unrelatedPage } from '../../scripts/corpus/filler';
import { createRng } from '../../scripts/corpus/prng';
import { buildIndex } from '../../src/match/build';
import {
  FirstPass,
  PLAN_FIRST,
  PLAN_SECOND,
  PLAN_THIRD,
  PLAN_WORD,
  plannedIn,
  type IdTokens,
} from '../../src/match/firstpass';
import { stem, tokenizeRanges } from '../../src/match/normalize';
import { blockRanges } from '../../src/match/segment';
import type { TextInput } from '../../src/match/types';
import {
  anyString,
  asciiWord,
  hostileChar,
  incidentishText,
  joined,
  mangledWord,
  ruleWord,
} from '../properties/arbitraries';
import { AP_SEED, WJ_SEED, dataset, datasetProblem, seedText } from './dataset';

const ix = dataset === undefined ? undefined : buildIndex(dataset);

/**
 * A pass that notes the recognizer's anchor words and, so that every read path (the fast loop,
 * new and apostrophe words, canonical names, the tokenizer's windows, '%' and '&') has tokens it
 * notes and tokens it does not, every third id and the ids of "percent", "and", "dhs" and "ice".
 * Its plan marks give the ids every mix of PLAN_* bits in turn ("percent", "and", "dhs" and
 * "ice" each shingle mark), so shingles of marks in a row start, end and break on every path.
 */
function markingPass(): FirstPass {
  const vocab = ix!.vocab;
  const table = new Uint8Array(vocab.size + 1);
  table.set(ix!.recognizer.anchorIds.subarray(0, table.length));
  for (let id = 0; id < vocab.size; id += 3) table[id + 1] = 1;
  const plan = new Uint8Array(vocab.size + 1);
  for (let id = 0; id < vocab.size; id++) plan[id + 1] = (id * 7) % 16;
  for (const w of ['percent', 'and', 'dhs', 'ice']) {
    table[vocab.get(stem(w)) + 1] = 1;
    plan[vocab.get(stem(w)) + 1] = PLAN_FIRST | PLAN_SECOND | PLAN_THIRD;
  }
  return new FirstPass(vocab, table, plan);
}

/**
 * The positions a view should have noted for the plan: in each block, the tokens whose ids its
 * table marks PLAN_WORD, and the third of three tokens marked PLAN_FIRST, PLAN_SECOND, PLAN_THIRD.
 */
function expectedPlanned(view: IdTokens): number[] {
  const mark = (k: number): number => view.planMarks[view.ids[k]! + 1] ?? 0;
  const out: number[] = [];
  let from = 0;
  for (const to of view.blockEnds) {
    for (let k = from; k < to; k++) {
      const shingle =
        k - 2 >= from &&
        (mark(k - 2) & PLAN_FIRST) !== 0 &&
        (mark(k - 1) & PLAN_SECOND) !== 0 &&
        (mark(k) & PLAN_THIRD) !== 0;
      if ((mark(k) & PLAN_WORD) !== 0 || shingle) out.push(k);
    }
    from = to;
  }
  return out;
}

/** The positions a view should have noted: its tokens whose ids its table marks. */
function expectedAnchored(view: IdTokens): number[] {
  const out: number[] = [];
  for (let k = 0; k < view.length; k++) if (view.anchorIds[view.ids[k]! + 1] === 1) out.push(k);
  return out;
}

/** Compares the first pass with the tokenizer on one input; returns the number of tokens. */
function expectSame(pass: FirstPass, input: TextInput): number {
  const { starts, ends } = blockRanges(input);
  const want = tokenizeRanges(input.text, starts, ends);
  const wantIds = ix!.vocab.idsOf(want.words);
  const got = pass.read(input.text, starts, ends);
  expect(got.length, `token count of ${JSON.stringify(input.text.slice(0, 200))}`).toBe(want.length);
  // Each block's tokens end where the tokenizer's do: the first token starting at its end or later.
  const blockEnds = Array.from(ends, (e) => {
    let k = 0;
    while (k < want.length && want.starts[k]! < e) k++;
    return k;
  });
  expect(Array.from(got.blockEnds), 'block ends').toEqual(blockEnds);
  // The positions noted for recognition: exactly the tokens whose ids the pass's table marks.
  expect(Array.from(got.anchored), 'anchored positions').toEqual(expectedAnchored(got));
  // The positions noted for the plan, and the same from `plannedIn` block by block.
  const planned = expectedPlanned(got);
  expect(Array.from(got.planned), 'planned positions').toEqual(planned);
  expect(Array.from(got.plannedEnds), 'planned ends').toEqual(
    blockEnds.map((e) => planned.filter((k) => k < e).length),
  );
  const again: number[] = [];
  for (let b = 0, from = 0; b < blockEnds.length; from = blockEnds[b++]!)
    plannedIn(got.planMarks, wantIds, from, blockEnds[b]!, again);
  expect(again, 'plannedIn positions').toEqual(planned);
  // Compared in a loop first (pages have tens of thousands of tokens); the first difference,
  // if any, is reported with its context.
  let k = 0;
  while (
    k < want.length &&
    got.word(k) === want.words[k] &&
    got.ids[k] === wantIds[k] &&
    got.starts[k] === want.starts[k] &&
    got.ends[k] === want.ends[k] &&
    got.breaks[k] === want.breaks[k]
  )
    k++;
  if (k < want.length) {
    const where = `token ${k} (“${want.words[k]}” at ${want.starts[k]}) of ${JSON.stringify(
      input.text.slice(Math.max(0, want.starts[k]! - 100), want.starts[k]! + 100),
    )}`;
    expect([got.word(k), got.ids[k], got.starts[k], got.ends[k], got.breaks[k]], where).toEqual([
      want.words[k],
      wantIds[k],
      want.starts[k],
      want.ends[k],
      want.breaks[k],
    ]);
  }
  return want.length;
}

/** Words that exercise each fast-path decision and each fallback. */
const EDGE_WORDS = [
  "Frey's",
  'FREY’S',
  "it's",
  'It’s',
  "we're",
  "don't",
  "o'brien's",
  "rock'n'roll",
  "1990's",
  "dogs'",
  "'s",
  'Trump`s',
  'St.',
  'St',
  'St. Paul',
  'Ave.',
  'U.S.',
  'a.m.',
  '2.5',
  '1,300',
  '1,300%',
  '12,34',
  'Jan.',
  'Homeland Security',
  "Homeland's Security",
  'Immigration & Customs Enforcement',
  'Department of Homeland Security',
  'per cent',
  'café',
  'naïve',
  'Ren\u00e9e',
  'Good\u200bman',
  'e\u0301',
  'self-defense',
  'he said,”',
  'U.S\u200b.',
  '5.\u200b5',
  "Frey'\u200bs",
  'ｅｘ',
  '１,３００',
  '％',
  '＆',
  'x.y',
  'E. 34th St.',
  '—',
  '“',
  '…',
  // Canonical names read by the fast path, and what stops them.
  "Homeland Security's",
  'Homeland Security’s spokeswoman',
  'Homeland’s Security',
  'Homeland  Security',
  'Homeland   \n Security',
  'Homeland\n\nSecurity',
  'Homeland\u00a0Security',
  'Homeland-Security',
  'Homeland \u200bSecurity',
  'Home\u200bland Security',
  'Homeland Sécurity',
  'Homeland Security Department',
  'Department of Homeland Security Department',
  'U.S. Immigration and Customs Enforcement',
  'Immigration and Customs Enforcement’s',
  'Immigration and Customs',
  'immigration & customs enforcement',
  'Customs and Border Protection officers',
  'United States',
  "United States's",
  'united\tstates',
  'per cent',
  'per  cent',
  'per cent.',
  'per%',
  'per ％',
  'St Paul',
  "St's",
  'St. Paul’s',
  'Jan 7',
  'Mpls.',
  // Word lengths around the key boundaries (6, 12 and 18 characters) and past them, and the
  // largest digits in each part (as int32s, a part of six 9s is negative: it must never be
  // taken for a long word's hashed part).
  'Abcdef',
  'Abcdefg',
  'Abcdefghijkl',
  'Abcdefghijklm',
  'abcdefghijklmnopqr',
  'abcdefghijklmnopqrs',
  '999999',
  '999999999999',
  'aaaaaaaaaaaa999999',
  '9999999999999999999',
  "zzzzzzzzzzzzzzzzz's",
  'Abcdefghij',
  'Abcdefghijk',
  'abcdefghijklmnopqrst',
  'abcdefghijklmnopqrstu',
  'Abcdefghijklmnopqrstuvwxyz’s',
  'administration',
  "administration's",
  '12345678901234567890123',
  // Apostrophes and quotes next to words.
  'it’s',
  'IT’S',
  'didn’t',
  'officers’',
  'Frey’s.',
  'Frey’s”',
  "Frey's%",
  'said.”',
  'said.\u200b',
  'said,”',
  '2,’',
  'word—word',
  'word–word',
  // Phrase words the fast path cannot read (they still complete the phrase).
  'Homeland Śecurity',
  'per Çent',
  'United Ştates',
  'Department of Ĥomeland Security',
];

/** Every word of the canonical phrases, as pages write them, and words that look like them. */
const CANONICAL_WORDS = [
  'Homeland',
  'homeland',
  'Security',
  'security',
  'Department',
  'department',
  'of',
  'Immigration',
  'immigration',
  'and',
  '&',
  'Customs',
  'customs',
  'Enforcement',
  'enforcement',
  'Border',
  'Protection',
  'United',
  'States',
  'U.S.',
  'St.',
  'St',
  'Paul',
  'per',
  'cent',
  'Ave',
  'pct',
  'Mpls',
  'Jan',
  'Sept',
  'Cmdr',
  "Homeland's",
  'Security’s',
  'Customs’',
  'securities',
  'homelands',
];

const edgeText = joined(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...EDGE_WORDS) },
    { weight: 2, arbitrary: asciiWord },
    { weight: 2, arbitrary: ruleWord },
    { weight: 1, arbitrary: mangledWord },
    { weight: 1, arbitrary: hostileChar },
  ),
  30,
);

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) };

describe.skipIf(ix === undefined)(
  `FirstPass: same tokens as the tokenizer${datasetProblem ? ` (${datasetProblem})` : ''}`,
  () => {
    it('on the seed articles, whole and as blank-line blocks', () => {
      const pass = markingPass();
      for (const file of [WJ_SEED, AP_SEED]) {
        const text = seedText(file);
        expect(expectSame(pass, { text })).toBeGreaterThan(300);
        expect(expectSame(pass, { text, blocks: [0] })).toBeGreaterThan(300);
      }
    });

    it('on filler pages of every topic', () => {
      const pass = markingPass();
      const rng = createRng(7);
      expectSame(pass, unrelatedPage(rng, 50_000));
      const paragraphs = Array.from({ length: 40 }, () => fillerParagraph(rng));
      expectSame(pass, { text: paragraphs.join('\n\n') });
    });

    it('on each edge word alone and between words', () => {
      const pass = markingPass();
      for (const w of EDGE_WORDS) {
        expectSame(pass, { text: w });
        expectSame(pass, { text: `The ${w} said, ${w}. ${w}` });
      }
    });

    it('on generated hostile and incident-like text, with any blocks', () => {
      const pass = markingPass();
      const text = fc.oneof(anyString, edgeText, incidentishText(dataset!, 20));
      fc.assert(
        fc.property(
          text.chain((t) =>
            fc
              .array(fc.integer({ min: 0, max: t.length }), { maxLength: 6 })
              .map((bs) => ({ text: t, blocks: [...bs].sort((a, b) => a - b) })),
          ),
          (input) => {
            expectSame(pass, input);
            expectSame(pass, { text: input.text });
          },
        ),
        RUNS,
      );
    });

    it('keeps apostrophe words and possessives on its own path (no string per repeated word)', () => {
      const pass = markingPass();
      // The same token ids as the tokenizer for possessives, contractions and plain words; a
      // repeated page reuses the table (the result does not depend on what was read before).
      const text = "Frey's demand: it's the officer's car. We're told the mayor's office won't say.";
      expectSame(pass, { text });
      expectSame(pass, { text });
    });

    it('on canonical names and rules cut by a block boundary at every position', () => {
      const pass = markingPass();
      const text =
        'The Department of Homeland Security said per cent. U.S. Immigration and Customs ' +
        "Enforcement's St. Paul office, Homeland Security’s 1,300% e.g. United States.";
      for (let at = 0; at <= text.length; at++) {
        expectSame(pass, { text, blocks: [at] });
        expectSame(pass, { text, blocks: [0, at, Math.min(text.length, at + 7)] });
      }
    });

    it('on text made of canonical phrase words, rules and plain words', () => {
      const pass = markingPass();
      const text = joined(
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...CANONICAL_WORDS) },
          { weight: 2, arbitrary: asciiWord },
          { weight: 1, arbitrary: ruleWord },
          { weight: 1, arbitrary: fc.constantFrom(...EDGE_WORDS) },
        ),
        40,
      ).map((t) => t.replace(/[^\S\n]+/g, (gap) => (gap.length > 1 ? gap : ' ')));
      fc.assert(
        fc.property(
          text.chain((t) =>
            fc
              .array(fc.integer({ min: 0, max: t.length }), { maxLength: 4 })
              .map((bs) => ({ text: t, blocks: [...bs].sort((a, b) => a - b) })),
          ),
          (input) => {
            expectSame(pass, input);
            expectSame(pass, { text: input.text });
          },
        ),
        RUNS,
      );
    });

    it('on words that differ only in their last letters, at every length around the key sizes', () => {
      const pass = markingPass();
      // Keys are exact for six characters per part; a key one character longer, or long words
      // left unchecked, would give two of these words the same table entry.
      const words: string[] = [];
      for (let len = 1; len <= 32; len++) {
        const stemPart = 'Abcdefghijklmnopqrstuvwxyz0123456789'.slice(0, len - 1);
        for (const last of 'abcyz09') words.push(stemPart + last);
      }
      expectSame(pass, { text: words.join(' ') });
      expectSame(pass, { text: [...words].reverse().join(', ') });
    });

    it('ends a word at every character that is not an ASCII letter or digit, in each part of the key', () => {
      const pass = markingPass();
      // The hot loop tells letters and digits apart by arithmetic on the character code. The
      // codes next to each range, and non-ASCII ones whose low bits are an ASCII letter's
      // ("Ł" is 0x141, "Ａ" 0xff21), must end the word as the tokenizer does. The words are
      // read twice: the second time every one is in the table, so a character taken for
      // another (or a letter given another's key digit) finds that word's entry and is pushed
      // as it, instead of going to the general reader.
      const alnum = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
      const others = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).filter(
        (ch) => !/[a-zA-Z0-9]/.test(ch),
      );
      others.push('Ł', 'š', 'Ａ', 'ｚ', '٠', '０', 'İ', '’', 'Á', 'á', 'с');
      // The character first in a word after a space, third (in k1), and twelfth (in k2).
      for (const prefix of ['', 'ab', 'Abcdefghijk']) {
        // Each word in a block of its own, after a word and a space: a rule's window (after a
        // period or a comma) cannot reach the next word, which the loop must read itself.
        // (The prefix alone is a word too, for a word cut short at a letter to find.)
        const parts = [`q ${prefix} `, ...[...alnum, "'", ...others].map((ch) => `q ${prefix}${ch}cd `)];
        const text = parts.join('') + parts.join('');
        const blocks = [0];
        for (const part of [...parts, ...parts]) blocks.push(blocks[blocks.length - 1]! + part.length);
        expectSame(pass, { text, blocks: blocks.slice(0, -1) });
      }
    });

    it('across output growth, with signs and canonical words at the edges', () => {
      const pass = markingPass();
      for (const text of [
        '%'.repeat(3000),
        'a%'.repeat(3000),
        '& '.repeat(2500) + 'x',
        'Frey’s '.repeat(1500),
        'Homeland Security '.repeat(1200),
        'per '.repeat(2100),
      ])
        expectSame(pass, { text });
    });

    it('when the page has more distinct words than the table holds', () => {
      const pass = markingPass();
      // 40,000 distinct words (the table starts over past 32,768), then the same page again.
      const words = Array.from({ length: 40_000 }, (_, k) => {
        let w = '';
        for (let v = k + 1; v > 0; v = Math.floor(v / 26)) w += String.fromCharCode(97 + (v % 26));
        return k % 7 === 0 ? `${w}’s` : w;
      });
      const text = `The ${words.join(' ')} Homeland Security said.`;
      expect(expectSame(pass, { text })).toBeGreaterThan(40_000);
      expectSame(pass, { text });
    });

    it('gives a word its id once the vocabulary has its stem', () => {
      const own = buildIndex(dataset!);
      const pass = new FirstPass(own.vocab, own.recognizer.anchorIds);
      const text = 'The zebrafish said zebrafish.';
      const before = pass.read(text, Uint32Array.of(0), Uint32Array.of(text.length));
      expect(before.ids[1]).toBe(-1);
      own.vocab.add(stem('zebrafish'));
      const after = pass.read(text, Uint32Array.of(0), Uint32Array.of(text.length));
      expect(after.ids[1]).toBe(own.vocab.get(stem('zebrafish')));
      expect(after.ids[1]).not.toBe(-1);
      // A word added after the recognizer was built anchors none of its phrases: not noted.
      expect(Array.from(after.anchored)).toEqual(expectedAnchored(after));
      expect(after.anchored).not.toContain(1);
    });

    it('reads a text a few blocks at a time into the view one read gives, one text at a time', () => {
      const pass = markingPass();
      const input = { text: `${seedText(AP_SEED)}\n\n${seedText(WJ_SEED)}` };
      const { starts, ends } = blockRanges(input);
      expect(starts.length).toBeGreaterThan(4);
      const whole = pass.read(input.text, starts, ends);
      const id = pass.begin(input.text, starts.length);
      for (let b = 0; b < starts.length; b += 3)
        expect(pass.more(id, starts.subarray(b, b + 3), ends.subarray(b, b + 3))).toBe(true);
      expect(pass.finish(id)).toEqual(whole);
      // Another read in between ends this one: `more` says so and reads nothing.
      const first = pass.begin(input.text, starts.length);
      expect(pass.more(first, starts.subarray(0, 2), ends.subarray(0, 2))).toBe(true);
      const other = pass.read('Frey spoke.', Uint32Array.of(0), Uint32Array.of(11));
      expect(pass.more(first, starts.subarray(2), ends.subarray(2))).toBe(false);
      expect(() => pass.finish(first)).toThrow(/not the one under way/);
      expect(Array.from(other.anchored)).toEqual(expectedAnchored(other));
      // Started over, in other steps, it notes the same positions as the whole read.
      const again = pass.begin(input.text, starts.length);
      expect(pass.more(again, starts.subarray(0, 1), ends.subarray(0, 1))).toBe(true);
      expect(pass.more(again, starts.subarray(1), ends.subarray(1))).toBe(true);
      const redone = pass.finish(again);
      expect(redone).toEqual(whole);
      expect(redone.anchored.length).toBeGreaterThan(50);
      expect(Array.from(redone.anchored)).toEqual(expectedAnchored(redone));
      // Views already made keep their words.
      expect([other.word(0), other.word(1), other.word(2)]).toEqual(['frey', 'spoke', undefined]);
      expect(whole.word(0)).toBe(tokenizeRanges(input.text, starts, ends).words[0]);
      const few = pass.begin('a b', 1);
      expect(() => pass.more(few, Uint32Array.of(0, 2), Uint32Array.of(1, 3))).toThrow(
        /more blocks than the 1 announced/,
      );
    });

    it('names a block outside the text', () => {
      const pass = markingPass();
      expect(() => pass.read('abc', Uint32Array.of(0), Uint32Array.of(9))).toThrow(
        /block 0 \[0, 9\).*length 3/,
      );
    });
  },
);
