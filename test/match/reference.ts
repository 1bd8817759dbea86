// Reference helpers the engine's shortcut tests compare against: linking every block the slow
// way (no block plan, no first pass), and pages that mix the seed articles with lookalike filler.

import type { MatcherIndex } from '../../src/match/build';
import { Linker, WordsView } from '../../src/match/link';
import { tokenizeRanges } from '../../src/match/normalize';
import { blockRanges, segment } from '../../src/match/segment';
import type { ClaimMatch, TextInput } from '../../src/match/types';
import { fillerParagraph } from '../../scripts/corpus/filler';
import { createRng } from '../../scripts/corpus/prng';
import { AP_SEED, WJ_SEED, seedText } from './dataset';

/** Every block of the page tokenized, segmented and linked with the given indexes (no block plan). */
export function linkEveryBlock(ix: MatcherIndex, input: TextInput): ClaimMatch[] {
  const br = blockRanges(input);
  const t = tokenizeRanges(input.text, br.starts, br.ends);
  const view = new WordsView(t.words, t.starts, t.ends, t.breaks, ix.vocab.idsOf(t.words));
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

/**
 * The seed articles' paragraphs, each after 0 to `maxFiller` filler paragraphs (ice hockey,
 * Portland, shots, city news), as one page with its block starts.
 */
export function mixedPage(seed: number, maxFiller: number): TextInput {
  const rng = createRng(seed);
  const paragraphs = `${seedText(WJ_SEED)}\n\n${seedText(AP_SEED)}`.split(/\n\s*\n/);
  const all: string[] = [];
  for (const p of paragraphs) {
    for (let k = rng.int(0, maxFiller); k > 0; k--) all.push(fillerParagraph(rng));
    all.push(p.trim());
  }
  const blocks: number[] = [];
  let length = 0;
  for (const p of all) {
    if (blocks.length > 0) length += 2;
    blocks.push(length);
    length += p.length;
  }
  return { text: all.join('\n\n'), blocks };
}
