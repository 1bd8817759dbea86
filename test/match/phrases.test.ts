// Phrase sets (phrases.ts): the anchor index split by the word beside the anchor must find
// exactly the hits, in exactly the order, of checking every phrase anchored on each word.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { GAP_WORDS, IntList, PhraseSet, Vocabulary, type CompiledPhrase } from '../../src/match/phrases';

const WORDS = ['agent', 'shot', 'ice', 'car', 'fen', 'tal', 'mor', 'the', 'federal'];

/** The phrase check as first written, on the compiled phrase. */
function referenceVerify(
  p: CompiledPhrase,
  ids: Int32Array,
  breaks: Uint8Array,
  i: number,
  from: number,
  to: number,
): [number, number] | undefined {
  let pos = i;
  for (let k = p.anchor - 1; k >= 0; k--) {
    let found = -1;
    if (p.gaps[k + 1] === 0) {
      if (pos - 1 >= from && ids[pos - 1] === p.ids[k] && breaks[pos] === 0) found = pos - 1;
    } else {
      for (let q = pos - 1; q >= from && q >= pos - 1 - GAP_WORDS; q--) {
        if (ids[q] === p.ids[k]) {
          found = q;
          break;
        }
      }
    }
    if (found < 0) return undefined;
    pos = found;
  }
  const start = pos;
  pos = i;
  for (let k = p.anchor + 1; k < p.ids.length; k++) {
    let found = -1;
    if (p.gaps[k] === 0) {
      if (pos + 1 < to && ids[pos + 1] === p.ids[k] && breaks[pos + 1] === 0) found = pos + 1;
    } else {
      for (let q = pos + 1; q < to && q <= pos + 1 + GAP_WORDS; q++) {
        if (ids[q] === p.ids[k]) {
          found = q;
          break;
        }
      }
    }
    if (found < 0) return undefined;
    pos = found;
  }
  return [start, pos + 1];
}

/** Every phrase anchored on each token, in phrase id order: (phrase, start, end) triples. */
function referenceScan(
  set: PhraseSet<number>,
  ids: Int32Array,
  breaks: Uint8Array,
  from: number,
  to: number,
): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    set.phrases.forEach((p, pid) => {
      if (ids[i] !== p.ids[p.anchor]) return;
      const hit = referenceVerify(p, ids, breaks, i, from, to);
      if (hit !== undefined) out.push(pid, hit[0], hit[1]);
    });
  }
  return out;
}

/** Words joined into a phrase, some by ".." (a gap of up to GAP_WORDS words). */
const joined = (parts: readonly [string, boolean][]): string =>
  parts.map(([w, gap], k) => (k > 0 && gap ? '.. ' : '') + w).join(' ');
const FILLERS = ['shot', 'ice', 'car', 'tal'];
const filler = fc.tuple(fc.constantFrom(...FILLERS), fc.boolean());
/** Phrases of the filler words alone: many, so each filler word is commoner than "agent". */
const fillerPhrase = fc.array(filler, { minLength: 1, maxLength: 3 }).map(joined);
/**
 * Phrases around "agent" (its rarest word, so they are anchored on it, and many: the anchor's
 * list gets split by the word beside it), as near-copies of claims make them.
 */
const agentPhrase = fc
  .tuple(fc.array(filler, { maxLength: 2 }), fc.boolean(), fc.array(filler, { maxLength: 2 }))
  .map(([before, gap, after]) => joined([...before, ['agent', gap], ...after]));

function phraseSet(texts: readonly string[]): PhraseSet<number> {
  const set = new PhraseSet<number>(new Vocabulary());
  texts.forEach((t, k) => set.add(t, k));
  set.finalize(() => false);
  return set;
}

/** Positions of the tokens whose ids the set's `anchorIds` marks (what the first pass notes). */
function anchoredIn(set: PhraseSet<unknown>, ids: Int32Array): Int32Array {
  const table = set.anchorIds;
  return Int32Array.from(Array.from(ids.keys()).filter((k) => table[ids[k]! + 1] === 1));
}

describe('PhraseSet.scanInto', () => {
  it('finds the hits of checking every phrase anchored on each word, in the same order', () => {
    let split = 0;
    fc.assert(
      fc.property(
        fc.array(agentPhrase, { minLength: 1, maxLength: 16 }),
        fc.array(fillerPhrase, { minLength: 30, maxLength: 60 }),
        fc.array(fc.integer({ min: -1, max: WORDS.length - 1 }), { maxLength: 60 }),
        fc.array(fc.boolean(), { maxLength: 60 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (agents, fillers, page, cuts, shift, cutA, cutB) => {
          const set = phraseSet([...fillers, ...agents]);
          const ids = Int32Array.from(page, (w) =>
            w < 0 ? -1 : set.phrases.length > 0 ? idOf(set, WORDS[w]!) : -1,
          );
          const breaks = Uint8Array.from(page, (_, k) => (cuts[k] === true ? 1 : 0));
          const from = page.length === 0 ? 0 : shift % page.length;
          const out: number[] = [];
          set.scanInto(ids, breaks, from, ids.length, out);
          expect(out).toEqual(referenceScan(set, ids, breaks, from, ids.length));
          // A search bounded by [lo, hi) inside [from, to) finds exactly the hits of [from, to)
          // lying in it, in the same order (the linker takes a sentence's hits from its block's).
          const span = ids.length - from + 1;
          const lo = from + (cutA % span);
          const hi = lo + (cutB % (ids.length - lo + 1));
          const inside: number[] = [];
          set.scanInto(ids, breaks, lo, hi, inside);
          const dealt: number[] = [];
          for (let h = 0; h < out.length; h += 3)
            if (out[h + 1]! >= lo && out[h + 2]! <= hi) dealt.push(out[h]!, out[h + 1]!, out[h + 2]!);
          expect(inside).toEqual(dealt);
          // Visiting only the anchor words' positions (as the first pass notes them) finds the same.
          const at: number[] = [];
          set.scanAt(anchoredIn(set, ids), ids, breaks, at);
          expect(at).toEqual(referenceScan(set, ids, breaks, 0, ids.length));
          if (hasSplitAnchor(set)) split++;
        },
      ),
      { numRuns: 1500 },
    );
    // The split index was exercised, not only the short lists.
    expect(split).toBeGreaterThan(100);
  });

  it('finds phrases split off by the word after or before a common anchor', () => {
    // Seven phrases anchored on "agent" (every other word is commoner): most are reached through
    // the word beside it.
    const texts = [
      'agent',
      'federal agent',
      'agent shot',
      'agent .. car',
      'tal agent',
      'fen agent',
      'mor agent',
    ];
    for (const w of ['tal', 'fen', 'mor', 'car', 'shot', 'federal'])
      for (const other of ['ice', 'the', 'ice the', 'the ice']) texts.push(`${w} ${other}`, `${other} ${w}`);
    const set = phraseSet(texts);
    expect(hasSplitAnchor(set)).toBe(true);
    // "fen , agent" is not "fen agent": punctuation stops a phrase.
    const words = 'the federal agent shot at the car . tal agent fen , agent mor agent'.split(' ');
    const ids = Int32Array.from(words, (w) => idOf(set, w));
    const breaks = Uint8Array.from(words, (w, k) => (k > 0 && ',.'.includes(words[k - 1]!) ? 1 : 0));
    const out: number[] = [];
    set.scanInto(ids, breaks, 0, ids.length, out);
    expect(out).toEqual(referenceScan(set, ids, breaks, 0, ids.length));
    const found = new Set<string>();
    for (let h = 0; h < out.length; h += 3) {
      const text = set.phrases[out[h]!]!.text;
      if (text.includes('agent')) found.add(text);
    }
    expect([...found].sort()).toEqual(
      ['agent', 'agent .. car', 'agent shot', 'federal agent', 'mor agent', 'tal agent'].sort(),
    );
  });
});

describe('PhraseSet.scanInto: word ids', () => {
  it('finds phrases among words with no id, ids past every anchor, and words added after finalize', () => {
    const vocab = new Vocabulary();
    const set = new PhraseSet<number>(vocab);
    set.add('federal agent', 0);
    set.add('shot', 1);
    set.finalize(() => false);
    // Another phrase set on the same vocabulary adds words (the recognizer's do, after the
    // link phrases are final); an id of one of them, or of no word, anchors nothing.
    const other = new PhraseSet<number>(vocab);
    other.add('agent shot the driver', 0);
    other.finalize(() => false);
    const id = (w: string): number => vocab.get(w);
    const ids = Int32Array.of(
      -1,
      id('federal'),
      id('agent'),
      id('driver'),
      -1,
      id('shot'),
      vocab.size + 5,
      -1,
    );
    const breaks = new Uint8Array(ids.length);
    const out: number[] = [];
    set.scanInto(ids, breaks, 0, ids.length, out);
    expect(out).toEqual([set.idOf('federal agent'), 1, 3, set.idOf('shot'), 5, 6]);
    expect(out).toEqual(referenceScan(set, ids, breaks, 0, ids.length));
    // The anchor table is fixed at finalize: the other set's words (and ids past the vocabulary)
    // are not in it, and at only the positions it marks scanAt finds the same hits.
    expect(set.anchorIds.length).toBeLessThan(vocab.size + 1);
    // ("federal agent" is anchored on "federal": as rare as "agent", and first.)
    expect(anchoredIn(set, ids)).toEqual(Int32Array.of(1, 5));
    const at: number[] = [];
    set.scanAt(anchoredIn(set, ids), ids, breaks, at);
    expect(at).toEqual(out);
  });

  it('scanAt looks only at the positions it is given', () => {
    const vocab = new Vocabulary();
    const set = new PhraseSet<number>(vocab);
    set.add('federal agent', 0);
    set.finalize(() => false);
    const ids = Int32Array.of(
      vocab.get('federal'),
      vocab.get('agent'),
      vocab.get('federal'),
      vocab.get('agent'),
    );
    const breaks = new Uint8Array(ids.length);
    const pid = set.idOf('federal agent');
    const anchor = set.anchorOf(pid) === vocab.get('agent') ? 1 : 0;
    const out: number[] = [];
    set.scanAt(Int32Array.of(anchor + 2), ids, breaks, out);
    expect(out).toEqual([pid, 2, 4]);
    // A position whose word anchors nothing adds nothing.
    out.length = 0;
    set.scanAt(Int32Array.of(1 - anchor), ids, breaks, out);
    expect(out).toEqual([]);
  });
});

describe('PhraseSet.matchAt', () => {
  it('finds a phrase at an anchor exactly when the first-written check does', () => {
    let matched = 0;
    fc.assert(
      fc.property(
        fc.array(agentPhrase, { minLength: 1, maxLength: 10 }),
        fc.array(fillerPhrase, { minLength: 5, maxLength: 30 }),
        fc.array(fc.integer({ min: -1, max: WORDS.length - 1 }), { maxLength: 40 }),
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.nat(),
        (agents, fillers, page, cuts, shift) => {
          const set = phraseSet([...fillers, ...agents]);
          const ids = Int32Array.from(page, (w) => (w < 0 ? -1 : idOf(set, WORDS[w]!)));
          const breaks = Uint8Array.from(page, (_, k) => (cuts[k] === true ? 1 : 0));
          const from = page.length === 0 ? 0 : shift % page.length;
          set.phrases.forEach((p, pid) => {
            expect(set.anchorOf(pid)).toBe(p.ids[p.anchor]);
            for (let i = from; i < ids.length; i++) {
              if (ids[i] !== set.anchorOf(pid)) continue;
              const want = referenceVerify(p, ids, breaks, i, from, ids.length) !== undefined;
              expect(set.matchAt(pid, ids, breaks, i, from, ids.length)).toBe(want);
              if (want) matched++;
            }
          });
        },
      ),
      { numRuns: 300 },
    );
    expect(matched).toBeGreaterThan(100); // not only misses
  });
});

/** A word's id in the set's vocabulary (-1 when no phrase uses it). */
function idOf(set: PhraseSet<number>, word: string): number {
  return (set as unknown as { vocab: Vocabulary }).vocab.get(word);
}

/** Does some anchor word's list use the split by neighbouring words? */
function hasSplitAnchor(set: PhraseSet<number>): boolean {
  return (set as unknown as { splitIndex: unknown[] }).splitIndex.some((entry) => entry !== undefined);
}

describe('IntList', () => {
  it('grows as values are pushed and keeps its storage when cleared', () => {
    const list = new IntList(2);
    for (let k = 0; k < 100; k++) list.push(k * 3 - 7);
    expect(list.size).toBe(100);
    expect(Array.from(list.data.subarray(0, list.size))).toEqual(
      Array.from({ length: 100 }, (_, k) => k * 3 - 7),
    );
    const storage = list.data;
    list.clear();
    expect(list.size).toBe(0);
    list.push(5);
    expect(list.data).toBe(storage);
    expect(list.data[0]).toBe(5);
  });
});
