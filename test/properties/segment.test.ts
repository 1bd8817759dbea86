// Properties of segmentation (src/match/segment.ts) on any string and any valid block list:
// sentences come in order, never overlap, never cross a block boundary, are trimmed, never exceed
// the length cap, and together cover every visible character; passages group whole sentences of
// one block. Bad block lists fail with an error naming the offending index.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpace } from '../../src/match/normalize';
import { MAX_PASSAGE_SENTENCES, MAX_SENTENCE_CHARS, segment } from '../../src/match/segment';
import type { TextInput } from '../../src/match/types';
import { anyString, asciiWord, hostileChar, joined, mangledWord, ruleWord, withBlocks } from './arbitraries';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };

/** Prose-like text: words, abbreviations, sentence ends, quotes, hostile characters, long runs. */
const prose = fc.oneof(
  anyString,
  joined(fc.oneof(asciiWord, ruleWord, mangledWord, hostileChar), 60),
  // Long unpunctuated and space-free runs, to reach the length cap.
  fc
    .tuple(
      fc.constantFrom('a', 'ab ', 'word\n', '😀', '\u0301', '\ud800'),
      fc.integer({ min: 100, max: 1500 }),
    )
    .map(([unit, n]) => unit.repeat(n)),
);

/** The block index containing offset `at` (blocks are [starts[b], ends[b])). */
function blockOf(starts: Uint32Array, ends: Uint32Array, at: number): number {
  for (let b = 0; b < starts.length; b++) if (at >= starts[b]! && at < ends[b]!) return b;
  return -1;
}

describe('segment', () => {
  it('yields ordered, trimmed, capped sentences inside their blocks that cover every visible character', () => {
    fc.assert(
      fc.property(withBlocks(prose), (input: TextInput) => {
        const { text } = input;
        const seg = segment(input);
        // Blocks tile the text.
        expect(seg.blockStarts[0]).toBe(0);
        for (let b = 0; b < seg.blockStarts.length; b++) {
          expect(seg.blockEnds[b]).toBeGreaterThanOrEqual(seg.blockStarts[b]!);
          if (b > 0) expect(seg.blockStarts[b]).toBe(seg.blockEnds[b - 1]);
        }
        expect(seg.blockEnds[seg.blockEnds.length - 1]).toBe(text.length);
        // Every given block offset starts a block.
        for (const offset of input.blocks ?? []) expect(Array.from(seg.blockStarts)).toContain(offset);

        let covered = 0; // everything before this offset is accounted for
        for (let s = 0; s < seg.sentenceCount; s++) {
          const start = seg.sentStarts[s]!;
          const end = seg.sentEnds[s]!;
          const block = seg.sentBlocks[s]!;
          expect(start).toBeGreaterThanOrEqual(covered);
          expect(end).toBeGreaterThan(start);
          expect(end - start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
          // Inside its block: never across a boundary.
          expect(start).toBeGreaterThanOrEqual(seg.blockStarts[block]!);
          expect(end).toBeLessThanOrEqual(seg.blockEnds[block]!);
          // Trimmed.
          expect(isSpace(text.charCodeAt(start))).toBe(false);
          expect(isSpace(text.charCodeAt(end - 1))).toBe(false);
          // Only spaces between sentences.
          for (let k = covered; k < start; k++) expect(isSpace(text.charCodeAt(k)), `offset ${k}`).toBe(true);
          covered = end;
        }
        for (let k = covered; k < text.length; k++)
          expect(isSpace(text.charCodeAt(k)), `offset ${k}`).toBe(true);
      }),
      RUNS,
    );
  });

  it('groups whole sentences of one block into passages of at most MAX_PASSAGE_SENTENCES', () => {
    fc.assert(
      fc.property(withBlocks(prose), (input: TextInput) => {
        const seg = segment(input);
        expect(seg.passFirst.length).toBe(seg.passageCount + 1);
        expect(seg.passFirst[0]).toBe(0);
        expect(seg.passFirst[seg.passageCount]).toBe(seg.sentenceCount);
        for (let p = 0; p < seg.passageCount; p++) {
          const first = seg.passFirst[p]!;
          const next = seg.passFirst[p + 1]!;
          expect(next).toBeGreaterThan(first);
          expect(next - first).toBeLessThanOrEqual(MAX_PASSAGE_SENTENCES);
          for (let s = first; s < next; s++) expect(seg.sentBlocks[s]).toBe(seg.sentBlocks[first]);
        }
      }),
      RUNS,
    );
  });

  it('treats blank lines as block boundaries when no blocks are given', () => {
    fc.assert(
      fc.property(
        fc.array(joined(fc.oneof(asciiWord, ruleWord), 8), { minLength: 1, maxLength: 6 }),
        (paragraphs) => {
          const text = paragraphs.join('\n\n');
          const seg = segment({ text });
          for (let s = 0; s < seg.sentenceCount; s++) {
            const sentence = text.slice(seg.sentStarts[s]!, seg.sentEnds[s]!);
            expect(sentence).not.toMatch(/\n[ \t\u00a0]*\n/);
            expect(blockOf(seg.blockStarts, seg.blockEnds, seg.sentStarts[s]!)).toBe(seg.sentBlocks[s]);
          }
        },
      ),
      RUNS,
    );
  });

  it('rejects bad block lists with an error naming the offending index', () => {
    const bad = anyString.chain((text) =>
      fc.oneof(
        // Out of range, negative, fractional or not a number.
        fc
          .tuple(
            fc.integer({ min: 0, max: 4 }),
            fc.oneof(
              fc.integer({ min: text.length + 1, max: text.length + 100 }),
              fc.integer({ min: -100, max: -1 }),
              fc.constant(0.5),
              fc.constant(Number.NaN),
            ),
          )
          .map(([at, value]) => {
            const blocks: number[] = Array.from({ length: at }, () => 0);
            blocks.push(value);
            return { text, blocks, index: at };
          }),
        // Out of order (needs a text of at least one character for two distinct offsets).
        fc
          .tuple(fc.integer({ min: 1, max: Math.max(1, text.length) }), fc.integer({ min: 0, max: 3 }))
          .map(([hi, at]) => {
            if (text.length === 0) return { text: 'x', blocks: [1, 0], index: 1 };
            const blocks: number[] = Array.from({ length: at }, () => 0);
            blocks.push(hi, hi - 1);
            return { text, blocks, index: at + 1 };
          }),
      ),
    );
    fc.assert(
      fc.property(bad, ({ text, blocks, index }) => {
        expect(() => segment({ text, blocks })).toThrow(new RegExp(`blocks\\[${index}\\]`));
      }),
      RUNS,
    );
  });

  it('rejects a text that is not a string', () => {
    for (const text of [undefined, null, 42, ['a'], { length: 1 }]) {
      expect(() => segment({ text } as unknown as TextInput)).toThrow(/TextInput\.text/);
    }
  });
});
