import { describe, expect, it } from 'vitest';

import {
  MAX_PASSAGE_SENTENCES,
  MAX_SENTENCE_CHARS,
  SentenceBuilder,
  blockRanges,
  oneSentenceAround,
  segment,
  segmentBlocks,
} from '../../src/match/segment';
import type { TextInput } from '../../src/match/types';
import { fillerParagraph } from '../../scripts/corpus/filler';
import { createRng } from '../../scripts/corpus/prng';
import { AP_SEED, WJ_SEED, seedText } from './dataset';

function sentences(input: TextInput | string): string[] {
  const inp = typeof input === 'string' ? { text: input } : input;
  const seg = segment(inp);
  const out: string[] = [];
  for (let s = 0; s < seg.sentenceCount; s++) out.push(inp.text.slice(seg.sentStarts[s], seg.sentEnds[s]));
  return out;
}

describe('segment: sentence rules', () => {
  it('splits at . ! ? followed by a capital', () => {
    expect(sentences('One thing happened. Then another! Did it? Yes.')).toEqual([
      'One thing happened.',
      'Then another!',
      'Did it?',
      'Yes.',
    ]);
  });

  it('does not split after abbreviations, initials or inside decimals and acronyms', () => {
    expect(
      sentences(
        'Cmdr. Gregory Bovino of U.S. Customs and Border Protection was there. ' +
          'It was near E. 34th St. and Portland Ave. in Minneapolis. ' +
          'Mr. Frey spoke on Jan. 7 at 2.5 p.m. with J. Smith. The end.',
      ),
    ).toEqual([
      'Cmdr. Gregory Bovino of U.S. Customs and Border Protection was there.',
      'It was near E. 34th St. and Portland Ave. in Minneapolis.',
      'Mr. Frey spoke on Jan. 7 at 2.5 p.m. with J. Smith.',
      'The end.',
    ]);
  });

  it('knows an abbreviation in any case, with its dots, and nothing that only looks like one', () => {
    // Abbreviations are looked up by a number made from the word's letters: these pin that it
    // is the lowercased word exactly (not a prefix, a near-miss or a longer word).
    for (const w of ['St.', 'ST.', 'st.', 'Calif.', 'U.S.A.', 'u.s.', 'E.g.', 'Approx.', 'Sept.'])
      expect(sentences(`Met at ${w} Then left.`)).toEqual([`Met at ${w} Then left.`]);
    for (const w of ['Sta.', 'S.', 'Ca.', 'Califs.', 'U.S.S.', 'Ust.', 'Approxi.', 'Oct1.', 'Q.'])
      expect(sentences(`It was ${w.toLowerCase()} Then left.`)).toEqual([
        `It was ${w.toLowerCase()}`,
        'Then left.',
      ]);
    expect(sentences('See No. 5 today. He said no. Then left.')).toEqual([
      'See No. 5 today.',
      'He said no.',
      'Then left.',
    ]);
  });

  it('ends a sentence at a capital letter after a lowercase word ("posted on X.")', () => {
    expect(sentences('Two videos were posted on X. The first shows an SUV.')).toEqual([
      'Two videos were posted on X.',
      'The first shows an SUV.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they end', () => {
    expect(sentences('“He used his training,” the statement said. “Shame,” they chanted.')).toEqual([
      '“He used his training,” the statement said.',
      '“Shame,” they chanted.',
    ]);
    expect(sentences('She said "go home." He left (quietly.) Then rain.')).toEqual([
      'She said "go home."',
      'He left (quietly.)',
      'Then rain.',
    ]);
  });

  it('treats an ellipsis as an end only before a capital', () => {
    expect(sentences('We waited... and waited. And then… Nothing happened.')).toEqual([
      'We waited... and waited.',
      'And then…',
      'Nothing happened.',
    ]);
  });

  it('keeps one-word exclamations inside the sentence that follows', () => {
    expect(sentences('“Shame! Shame! Shame!” they loudly chanted. Police left.')).toEqual([
      '“Shame! Shame! Shame!” they loudly chanted.',
      'Police left.',
    ]);
  });

  it('does not split before a lowercase word or when no space follows', () => {
    expect(sentences('See e.g. the report. Yahoo!News covered it.')).toEqual([
      'See e.g. the report.',
      'Yahoo!News covered it.',
    ]);
  });

  it('cuts runaway sentences so facts stay local', () => {
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const out = sentences(long);
    expect(out.length).toBeGreaterThan(1);
    for (const s of out) expect(s.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(out.join(' ')).toBe(long);
  });
});

describe('segment: blocks', () => {
  it('never joins across a blank line in plain text', () => {
    expect(sentences('A headline without a period\n\nThe story starts here. It goes on.')).toEqual([
      'A headline without a period',
      'The story starts here.',
      'It goes on.',
    ]);
  });

  it('never joins across caller block boundaries', () => {
    const text = 'Shooting in Minneapolis Mayor demands ICE leave';
    const blocks = [0, text.indexOf('Mayor')];
    expect(sentences({ text, blocks })).toEqual(['Shooting in Minneapolis', 'Mayor demands ICE leave']);
    const seg = segment({ text, blocks });
    expect(Array.from(seg.sentBlocks)).toEqual([0, 1]);
  });

  it('adds an implicit first block and ignores duplicate offsets', () => {
    const text = 'Intro line. Second block text.';
    const seg = segment({ text, blocks: [12, 12] });
    expect(Array.from(seg.blockStarts)).toEqual([0, 12]);
    expect(seg.sentenceCount).toBe(2);
  });

  it('groups sentences into passages inside one block, capped in length', () => {
    const many = Array.from({ length: MAX_PASSAGE_SENTENCES + 3 }, (_, i) => `Sentence number ${i}.`).join(
      ' ',
    );
    const seg = segment({ text: `Short block.\n\n${many}` });
    expect(seg.passageCount).toBe(3);
    expect(Array.from(seg.passFirst)).toEqual([0, 1, 1 + MAX_PASSAGE_SENTENCES, seg.sentenceCount]);
  });

  it('builds, block by block with some dropped, what segmenting the kept blocks gives', () => {
    const many = Array.from({ length: 2 * MAX_PASSAGE_SENTENCES + 1 }, (_, i) => `Line ${i} here.`).join(' ');
    const text = `One. Two!\n\n${many}\n\nDropped block. Gone.\n\nLast one? Yes.\n\n`;
    const blocks = blockRanges({ text });
    const builder = new SentenceBuilder();
    const kept: number[] = [];
    for (let b = 0; b < blocks.starts.length; b++) {
      const first = builder.add(text, blocks, b);
      expect(first).toBe(segmentBlocks(text, blocks, kept).sentenceCount);
      if (b === 2) builder.dropFrom(first);
      else kept.push(b);
    }
    expect(builder.finish(blocks)).toEqual(segmentBlocks(text, blocks, kept));
    expect(builder.finish(blocks).passageCount).toBe(1 + 3 + 1);
  });

  it('splits each block as it splits it alone, whichever blocks were split before it', () => {
    // Sentence ends are searched for once per character, from where the last search left off
    // (a "!" found further on serves every period before it): no search may reach into a block
    // split before or after it.
    const parts = ['Plain words here.', 'Why now?', 'Stop! Go.', 'Wait… Then what.', 'Jan. 7 came.'];
    const text = Array.from({ length: 40 }, (_, i) => {
      const part = parts[(i * 7) % parts.length]!;
      return i % 3 === 2 ? `${part}\n\n` : `${part} `;
    }).join('');
    const blocks = blockRanges({ text });
    const count = blocks.starts.length;
    const spans = (starts: Uint32Array, ends: Uint32Array, from: number, to: number): number[][] =>
      Array.from({ length: to - from }, (_, k) => [starts[from + k]!, ends[from + k]!]);
    const alone = Array.from({ length: count }, (_, b) => {
      const seg = segmentBlocks(text, blocks, [b]);
      return spans(seg.sentStarts, seg.sentEnds, 0, seg.sentenceCount);
    });
    expect(alone.flat().length).toBeGreaterThan(30);
    for (const step of [1, 2, 3, 5]) {
      const which = Array.from({ length: count }, (_, b) => b).filter((b) => b % step === step - 1);
      const builder = new SentenceBuilder();
      for (const b of which) {
        const first = builder.add(text, blocks, b);
        expect(spans(builder.starts, builder.ends, first, builder.count)).toEqual(alone[b]);
        if (b % 2 === 0) builder.dropFrom(first);
      }
      const seg = segmentBlocks(text, blocks, which);
      expect(spans(seg.sentStarts, seg.sentEnds, 0, seg.sentenceCount)).toEqual(
        which.flatMap((b) => alone[b]!),
      );
    }
  });

  it('rejects bad block offsets with the index and the problem', () => {
    expect(() => segment({ text: 'abc', blocks: [0, 5] })).toThrow(
      /blocks\[1\]: 5 is not an integer offset in \[0, 3\]/,
    );
    expect(() => segment({ text: 'abcdef', blocks: [4, 2] })).toThrow(
      /blocks\[1\]: 2 is smaller than blocks\[0\] \(4\)/,
    );
    expect(() => segment({ text: 'abc', blocks: [1.5] })).toThrow(/blocks\[0\]/);
  });

  it('handles empty and whitespace-only text', () => {
    expect(segment({ text: '' }).sentenceCount).toBe(0);
    expect(segment({ text: '  \n\n  ' }).sentenceCount).toBe(0);
  });

  it('segments a 1 MB page quickly', () => {
    const page = 'Cmdr. Bovino was there at 2.5 p.m. on Jan. 7. “Shame!” they chanted. '.repeat(15_000);
    const t0 = performance.now();
    const seg = segment({ text: page });
    const ms = performance.now() - t0;
    expect(seg.sentenceCount).toBe(30_000);
    expect(ms).toBeLessThan(1000); // generous: the machine is shared; typical is ~15 ms
  });
});

describe('segment: a stretch certainly in one sentence (oneSentenceAround)', () => {
  // Pieces of text full of what the rules look at: ends, abbreviations, initials, decimals,
  // closers, quotations, one-word exclamations, lowercase and capital words, line breaks.
  const PIECES = [
    'The mayor said',
    'ice',
    'agents left',
    'Then',
    'and then',
    'Shame!',
    'Why?',
    'Why now?',
    'U.S.',
    'St.',
    'J.',
    'No. 5',
    '3.5',
    'posted on X.',
    'Wait…',
    '“We left.”',
    '"Go!" he said.',
    '(it ended.)',
    'It’s over.',
    '...',
    '. ',
    '!',
    '?!',
    '.”',
    '’',
    '\n',
    'e.g. this',
    'Yahoo!News',
  ];

  function generated(seed: number): string {
    const rng = createRng(seed);
    const parts: string[] = [];
    for (let k = rng.int(1, 40); k > 0; k--) parts.push(rng.pick(PIECES));
    return parts.join(rng.int(0, 5) === 0 ? '' : ' ');
  }

  it('gives only stretches that every split keeps in the sentence of both places', () => {
    const blocks: string[] = [];
    for (let seed = 1; seed <= 400; seed++) blocks.push(generated(seed));
    const rng = createRng(7);
    for (let k = 0; k < 200; k++) blocks.push(fillerParagraph(rng));
    for (const p of `${seedText(WJ_SEED)}\n\n${seedText(AP_SEED)}`.split(/\n\s*\n/)) blocks.push(p);
    const around = new Int32Array(2);
    let stretches = 0;
    let wide = 0;
    for (const [n, block] of blocks.entries()) {
      // Inside a page, so offsets are not block offsets.
      const text = `Before it.\n\n${block}\n\nAfter it.`;
      const bs = 'Before it.\n\n'.length;
      const be = bs + block.length;
      const seg = segment({ text, blocks: [0, bs, be + 2] });
      // The sentence of each character (-1: none).
      const owner = new Int32Array(text.length).fill(-1);
      for (let s = 0; s < seg.sentenceCount; s++) owner.fill(s, seg.sentStarts[s]!, seg.sentEnds[s]!);
      const local = createRng(n + 1);
      for (let t = 0; t < 40; t++) {
        const p = local.int(bs, be - 1);
        const q = local.int(p, Math.min(be - 1, p + 30));
        const left = local.int(bs, p);
        const right = local.int(q, be - 1);
        if (/\s/.test(text[p]!) || /\s/.test(text[q]!)) continue;
        if (!oneSentenceAround(text, bs, be, p, q, left, right, around)) continue;
        stretches++;
        const from = around[0]!;
        const to = around[1]!;
        expect(from).toBeGreaterThanOrEqual(Math.max(bs, Math.min(left, p)));
        expect(to).toBeLessThanOrEqual(Math.min(be, right + 1));
        expect(from).toBeLessThanOrEqual(p);
        expect(to).toBeGreaterThan(q);
        if (to - from > q - p + 20) wide++;
        const s = owner[p]!;
        expect(s).toBeGreaterThanOrEqual(0);
        let other = -1;
        for (let x = from; x < to && other < 0; x++) if (!/\s/.test(text[x]!) && owner[x] !== s) other = x;
        expect({ block, p, q, other }).toEqual({ block, p, q, other: -1 });
      }
    }
    expect(stretches).toBeGreaterThan(5000);
    expect(wide).toBeGreaterThan(1000);
  });

  it('knows nothing of a block longer than a sentence may be, or across an end', () => {
    const around = new Int32Array(2);
    const long = 'word '.repeat(MAX_SENTENCE_CHARS / 5 + 1);
    expect(oneSentenceAround(long, 0, long.length, 5, 10, 0, long.length, around)).toBe(false);
    const text = 'One thing. Two things.';
    expect(oneSentenceAround(text, 0, text.length, 4, 15, 0, text.length, around)).toBe(false);
    expect(oneSentenceAround(text, 0, text.length, 11, 15, 0, text.length, around)).toBe(true);
    expect([...around]).toEqual([10, 21]);
  });
});
