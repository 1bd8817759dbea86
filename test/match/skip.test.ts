// The linker skips blocks that share nothing it could use with the dataset (index.ts,
// `blockMatters`). Skipping must change nothing: these tests link every block the slow way and
// compare, on pages that mix the seed articles with lookalike filler paragraphs.

import { describe, expect, it } from 'vitest';

import { buildIndex, parseDataset } from '../../src/match/build';
import { createMatcher } from '../../src/match/index';
import { Linker } from '../../src/match/link';
import { tokenizeRanges } from '../../src/match/normalize';
import { blockRanges, segment } from '../../src/match/segment';
import type { ClaimMatch, TextInput } from '../../src/match/types';
import { fillerParagraph } from '../../scripts/corpus/filler';
import { createRng } from '../../scripts/corpus/prng';
import { AP_SEED, WJ_SEED, dataset, seedText } from './dataset';

/** Every block segmented and linked, as before blocks were skipped. */
function linkEveryBlock(input: TextInput): ClaimMatch[] {
  const ix = buildIndex(parseDataset(dataset!));
  const br = blockRanges(input);
  const t = tokenizeRanges(input.text, br.starts, br.ends);
  const view = {
    words: t.words,
    starts: t.starts,
    ends: t.ends,
    breaks: t.breaks,
    ids: ix.vocab.idsOf(t.words),
  };
  const seg = segment(input);
  const linker = new Linker(ix, input.text, seg);
  const out: ClaimMatch[] = [];
  let ptr = 0;
  for (let p = 0; p < seg.passageCount; p++) {
    const s0 = seg.passFirst[p]!;
    const s1 = seg.passFirst[p + 1]!;
    const from = ptr;
    while (ptr < t.length && t.starts[ptr]! < seg.sentEnds[s1 - 1]!) ptr++;
    out.push(...linker.linkSentences(s0, s1, view, from, ptr));
  }
  return out;
}

/** Seed paragraphs shuffled among filler paragraphs (ice hockey, Portland, shots, city news). */
function mixedPage(seed: number): TextInput {
  const rng = createRng(seed);
  const paragraphs = `${seedText(WJ_SEED)}\n\n${seedText(AP_SEED)}`.split(/\n\s*\n/);
  const all: string[] = [];
  for (const p of paragraphs) {
    for (let k = rng.int(0, 3); k > 0; k--) all.push(fillerParagraph(rng));
    all.push(p.trim());
  }
  let text = '';
  const blocks: number[] = [];
  for (const p of all) {
    if (text) text += '\n\n';
    blocks.push(text.length);
    text += p;
  }
  return { text, blocks };
}

describe.skipIf(dataset === undefined)('skipping blocks that cannot matter', () => {
  for (const seed of [1, 2, 3]) {
    it(`links exactly what linking every block links (page ${seed})`, () => {
      const input = mixedPage(seed);
      const reference = linkEveryBlock(input);
      expect(reference.length).toBeGreaterThan(20);
      const m = createMatcher(dataset!);
      expect(m.analyze(input, { force: true }).matches).toEqual(reference);
      // Uncached (tokenized block by block as the steps go) and cached (just recognized).
      expect([...m.linkSteps(input, { passagesPerStep: 2 })].flat()).toEqual(reference);
      m.recognize(input);
      expect([...m.linkSteps(input, { passagesPerStep: 5 })].flat()).toEqual(reference);
    });
  }
});

describe.skipIf(dataset === undefined)('a block that only names an actor is never skipped', () => {
  // "She said…" takes the last named speaker, who may be named blocks earlier, in a block that
  // states no claim: the rule that such blocks are linked is what keeps her name.
  const named = 'Tricia McLaughlin spoke to reporters outside the federal building on Thursday afternoon.';
  const claim = 'She said the driver used her vehicle as a weapon and tried to run the officers over.';
  // Filler that names nobody (generated filler may mention the mayor).
  const quiet = [
    'The weather was cold and the crowd was small.',
    'Traffic on the interstate moved slowly through the afternoon.',
  ];
  const page = (paragraphs: string[]): TextInput => {
    let text = '';
    const blocks: number[] = [];
    for (const p of paragraphs) {
      blocks.push(text.length);
      text += `${p}\n\n`;
    }
    return { text, blocks };
  };

  it('keeps the speaker that a later block refers to', () => {
    const input = page([named, ...quiet, claim]);
    const reference = linkEveryBlock(input);
    const m = createMatcher(dataset!);
    const got = m.analyze(input, { force: true }).matches;
    expect(got).toEqual(reference);
    const match = got.find((x) => x.claimId === 'weaponized-vehicle');
    expect(match?.attributedTo).toEqual({ text: 'She', actorId: 'tricia-mclaughlin' });
    expect([...m.linkSteps(input, { passagesPerStep: 1 })].flat()).toEqual(reference);
    m.recognize(input);
    expect([...m.linkSteps(input, { passagesPerStep: 1 })].flat()).toEqual(reference);
  });

  it('has no speaker to give when no block names one', () => {
    const input = page([...quiet, claim]);
    const got = createMatcher(dataset!).analyze(input, { force: true }).matches;
    expect(got).toEqual(linkEveryBlock(input));
    expect(got.find((x) => x.claimId === 'weaponized-vehicle')?.attributedTo).toEqual({ text: 'She' });
  });
});
