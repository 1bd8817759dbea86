import { describe, expect, it } from 'vitest';

import {
  MAX_PASSAGE_SENTENCES,
  MAX_SENTENCE_CHARS,
  SentenceBuilder,
  blockRanges,
  segment,
  segmentBlocks,
} from '../../src/match/segment';
import type { TextInput } from '../../src/match/types';

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
