// The linker skips blocks that share nothing it could use with the dataset (index.ts,
// `planBlock`). Skipping must change nothing: these tests link every block the slow way and
// compare, on pages that mix the seed articles with lookalike filler paragraphs.

import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { SpeakerTracker } from '../../src/match/attribution';
import { Linker } from '../../src/match/link';
import { buildIndex, parseDataset } from '../../src/match/build';
import { enoughFactsIn, factScratch, sentencesMayHaveFacts } from '../../src/match/facts';
import { createMatcher } from '../../src/match/index';
import { tokenize, tokenizeRanges } from '../../src/match/normalize';
import { PhraseSet } from '../../src/match/phrases';
import { blockRanges, segment } from '../../src/match/segment';
import { TextScanner } from '../../src/match/texts';
import type { ClaimMatch, TextInput } from '../../src/match/types';
import { loadSplit } from '../../scripts/corpus/corpus';
import { unrelatedPage } from '../../scripts/corpus/filler';
import { createRng } from '../../scripts/corpus/prng';
import { dataset } from './dataset';
import { linkEveryBlock as linkEveryBlockWith, mixedPage as mixedPageOf } from './reference';

/** Every block segmented and linked, as before blocks were skipped. */
const linkEveryBlock = (input: TextInput): ClaimMatch[] =>
  linkEveryBlockWith(buildIndex(parseDataset(dataset!)), input);

/** Seed paragraphs shuffled among filler paragraphs (ice hockey, Portland, shots, city news). */
const mixedPage = (seed: number): TextInput => mixedPageOf(seed, 3);

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

describe.skipIf(dataset === undefined)('a block that only names an actor is read only when needed', () => {
  // "She said…" takes the last named speaker, who may be named blocks earlier, in a block that
  // states no claim: such blocks are passed over, and read (newest first) only when a later
  // "she" needs them.
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

/** Paragraphs as blocks, one blank line apart. */
function blocksPage(paragraphs: readonly string[]): TextInput {
  let text = '';
  const blocks: number[] = [];
  for (const p of paragraphs) {
    blocks.push(text.length);
    text += `${p}\n\n`;
  }
  return { text, blocks };
}

/** Every way the matcher links: analyze, uncached linkSteps, and linkSteps after recognize. */
function everyWay(input: TextInput, per: number): ClaimMatch[][] {
  const m = createMatcher(dataset!);
  const analyzed = m.analyze(input, { force: true }).matches;
  const uncached = [...m.linkSteps(input, { passagesPerStep: per })].flat();
  m.recognize(input);
  const cached = [...m.linkSteps(input, { passagesPerStep: per })].flat();
  return [analyzed, uncached, cached];
}

// Blocks that try each rule of the block check: actors named as subjects, as speakers, in
// passing and inside quotes; pronoun speakers; claims; fact words without their phrases; a
// printed text's words in other sentences; filler.
const PARAGRAPHS = [
  'Tricia McLaughlin spoke to reporters outside the federal building on Thursday afternoon.',
  'Mayor Jacob Frey said the city would hold a vigil on Friday.',
  'Frey held a news conference at City Hall.',
  'Crowds waited for hours on the cold plaza outside a building the city owns, and the department closed the road.',
  'A resident said “the mayor never came here” before leaving.',
  'DHS spokeswoman Tricia McLaughlin said the agency would release more details.',
  'Minneapolis is cold in January. The department store downtown opened late.',
  'She said the driver used her vehicle as a weapon and tried to run the officers over.',
  'He said the driver used her vehicle as a weapon and tried to run the officers over.',
  'They called it an act of domestic terrorism.',
  'He added that the officers were in danger.',
  'The vehicle was parked. A weapon was never found near the scene.',
  'The officer fired. Shots were heard across the block.',
  'An ICE officer shot and killed a woman in Minneapolis on Wednesday, officials said.',
  'The weather was cold and the crowd was small.',
  'Traffic on the interstate moved slowly through the afternoon.',
  'RELATED: Mayor Frey says the city will recover',
  'The statement said the officer feared for his life.',
  // Three shingles of a printed excerpt (the fewest that report needs) and none of its facts.
  'Officials reported a shooting Wednesday by federal agents in St. Paul.',
  // The two facts of "residential-neighborhood" in different sentences; then in one sentence
  // with a word that vetoes the claim ("developer").
  'Lawmakers argued about family homes all morning. Later the street was closed for a parade.',
  'A developer wants to build family homes on the street.',
];

describe.skipIf(dataset === undefined)('skipping blocks: the rules', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads only the skipped blocks a later "she" needs, newest first, back to the one naming her', () => {
    const real = SpeakerTracker.prototype.skip;
    const read: number[] = [];
    const skip = vi.spyOn(SpeakerTracker.prototype, 'skip').mockImplementation(function (
      this: SpeakerTracker,
      speakerOf,
    ) {
      const k = skip.mock.calls.length - 1;
      real.call(this, () => {
        read.push(k);
        return speakerOf();
      });
    });
    const input = blocksPage([
      PARAGRAPHS[1]!, // names Frey (skipped 0)
      PARAGRAPHS[0]!, // names McLaughlin (skipped 1)
      PARAGRAPHS[3]!, // mentions the city and the department in passing (skipped 2)
      PARAGRAPHS[14]!,
      PARAGRAPHS[7]!, // "She said…": needs the speaker
      PARAGRAPHS[3]!, // after the last linked block: not even noted
    ]);
    const got = createMatcher(dataset!).analyze(input, { force: true }).matches;
    expect(got).toEqual(linkEveryBlock(input));
    expect(got.find((x) => x.claimId === 'weaponized-vehicle')?.attributedTo).toEqual({
      text: 'She',
      actorId: 'tricia-mclaughlin',
    });
    expect(skip).toHaveBeenCalledTimes(3);
    // Block 2 names nobody as a speaker, so block 1 is read too; block 0 never is.
    expect(read).toEqual([2, 1]);
  });

  it('gives a pronoun the newest named speaker, even from an earlier skipped block', () => {
    const cases = [
      [PARAGRAPHS[0]!, PARAGRAPHS[1]!, PARAGRAPHS[8]!], // Frey named last → "He" is Frey
      [PARAGRAPHS[1]!, PARAGRAPHS[0]!, PARAGRAPHS[3]!, PARAGRAPHS[6]!, PARAGRAPHS[7]!],
      [PARAGRAPHS[5]!, PARAGRAPHS[4]!, PARAGRAPHS[16]!, PARAGRAPHS[7]!], // quoted mention, link line
      [PARAGRAPHS[13]!, PARAGRAPHS[2]!, PARAGRAPHS[9]!, PARAGRAPHS[10]!], // a claim block, then "they"
      [PARAGRAPHS[0]!, PARAGRAPHS[13]!, PARAGRAPHS[8]!, PARAGRAPHS[17]!],
    ];
    for (const paragraphs of cases) {
      const input = blocksPage(paragraphs);
      const reference = linkEveryBlock(input);
      expect(reference.length).toBeGreaterThan(0);
      for (const got of everyWay(input, 1)) expect(got).toEqual(reference);
    }
    const frey = linkEveryBlock(blocksPage(cases[0]!)).find((x) => x.claimId === 'weaponized-vehicle');
    expect(frey?.attributedTo).toEqual({ text: 'He', actorId: 'jacob-frey' });
  });

  it('skips a block holding the anchor words of a claim’s facts but not their phrases', () => {
    const ix = buildIndex(parseDataset(dataset!));
    // The words of "weaponized-vehicle" apart: the anchor word of each of its facts is here
    // (so a test on anchor words alone would link the block), its phrases are not.
    const scattered = 'The vehicle was parked by a weapon shop; officers ran. Nobody was run down or over.';
    const t = tokenizeRanges(scattered, Uint32Array.of(0), Uint32Array.of(scattered.length));
    const ci = ix.claimIndex.get('weaponized-vehicle')!;
    const words = new Set(ix.vocab.idsOf(t.words));
    let mask = 0;
    const base = ix.factStart[ci]!;
    for (let fi = 0; fi < ix.factStart[ci + 1]! - base; fi++) {
      for (let k = ix.factPhraseStart[base + fi]!; k < ix.factPhraseStart[base + fi + 1]!; k++) {
        const phrase = ix.linkPhrases.phrases[ix.factPhraseIds[k]!]!;
        if (words.has(phrase.ids[phrase.anchor]!)) mask |= 1 << fi;
      }
    }
    expect(mask & ix.requiredMask[ci]!).toBe(ix.requiredMask[ci]!);
    const skip = vi.spyOn(SpeakerTracker.prototype, 'skip');
    const input = blocksPage([scattered, PARAGRAPHS[11]!, PARAGRAPHS[15]!]);
    expect(createMatcher(dataset!).analyze(input, { force: true }).matches).toEqual([]);
    expect(linkEveryBlock(input)).toEqual([]);
    expect(skip).not.toHaveBeenCalled(); // nobody named: nothing even noted
    // The same words as phrases do link.
    for (const got of everyWay(blocksPage([PARAGRAPHS[11]!, PARAGRAPHS[7]!]), 2))
      expect(got.map((m) => m.claimId)).toContain('weaponized-vehicle');
  });

  it('searches a block for phrases only when a claim of a gate phrase there has its other facts’ words', () => {
    // "houses" is a gate phrase of "residential-neighborhood", one of whose other required facts
    // ("neighborhood", "street", "block", ...) has none of its words in the first block.
    const lacking =
      'The council approved new houses on the east side of the river, where the crash happened.';
    const holding =
      'The council approved new houses on the east side of the street, where the crash happened.';
    const scan = vi.spyOn(PhraseSet.prototype, 'scanInto');
    const m = createMatcher(dataset!);
    // Uncached linkSteps: no recognizer scan, so every phrase search is the block plan's.
    expect([...m.linkSteps(blocksPage([lacking]))].flat()).toEqual([]);
    expect(scan).not.toHaveBeenCalled();
    for (const got of everyWay(blocksPage([lacking, PARAGRAPHS[14]!, holding]), 1))
      expect(got).toEqual(linkEveryBlock(blocksPage([lacking, PARAGRAPHS[14]!, holding])));
    scan.mockClear();
    [...m.linkSteps(blocksPage([holding]))].flat();
    expect(scan).toHaveBeenCalled();
  });

  it('does not link a block whose claim facts no one sentence holds, or a sentence vetoes', () => {
    const spread = PARAGRAPHS.length - 2;
    const vetoed = PARAGRAPHS.length - 1;
    // Counted over the whole block, each holds both facts of the claim.
    const ix = buildIndex(parseDataset(dataset!));
    const ci = ix.claimIndex.get('residential-neighborhood')!;
    for (const k of [spread, vetoed]) {
      const text = PARAGRAPHS[k]!;
      const t = tokenizeRanges(text, Uint32Array.of(0), Uint32Array.of(text.length));
      let mask = 0;
      ix.linkPhrases.scan(ix.vocab.idsOf(t.words), t.breaks, 0, t.words.length, (pid) => {
        for (const code of ix.phraseFacts[pid] ?? []) if (code >>> 5 === ci) mask |= 1 << (code & 31);
      });
      expect(mask).toBe(0b11);
    }
    const analyze = vi.spyOn(Linker.prototype, 'analyzeSentence');
    for (const k of [spread, vetoed]) {
      for (const got of everyWay(blocksPage([PARAGRAPHS[k]!]), 1)) expect(got).toEqual([]);
    }
    expect(analyze).not.toHaveBeenCalled();
    // Together with a block that does state it, only that block is read.
    const stated = 'Neighbors said the shooting happened on a quiet street of family homes.';
    const input = blocksPage([PARAGRAPHS[spread]!, stated, PARAGRAPHS[vetoed]!]);
    const reference = linkEveryBlock(input);
    expect(reference.map((m) => m.claimId)).toContain('residential-neighborhood');
    analyze.mockClear();
    for (const got of everyWay(input, 1)) expect(got).toEqual(reference);
    const read = new Set(analyze.mock.calls.map((c) => input.text.slice(c[3], c[4])));
    expect([...read]).toEqual([stated]);
  });

  it('searches a block linked through facts once, for phrases only: its sentences get the plan’s hits', () => {
    const stated =
      'Officers closed the road. Neighbors said the shooting happened on a quiet street of family homes.';
    const input = blocksPage([stated]);
    const reference = linkEveryBlock(input);
    expect(reference.map((m) => m.claimId)).toContain('residential-neighborhood');
    const scan = vi.spyOn(PhraseSet.prototype, 'scanInto');
    const texts = vi.spyOn(TextScanner.prototype, 'scan');
    // Uncached linkSteps: no recognizer scan, so the only phrase search is the block plan's.
    expect([...createMatcher(dataset!).linkSteps(input)].flat()).toEqual(reference);
    expect(scan).toHaveBeenCalledTimes(1);
    expect(texts).not.toHaveBeenCalled();
  });

  it('links a block with enough facts through its shingles when it has enough, so its quotes are looked for', () => {
    // One block with the facts of "residential-neighborhood" in one sentence and the fewest
    // shingles of a printed excerpt in the other: were it linked through facts, the linker
    // would skip its text scan and lose the near quote.
    const stated = 'Neighbors said the shooting happened on a quiet street of family homes.';
    const input = blocksPage([`${stated} ${PARAGRAPHS[18]!}`]);
    const reference = linkEveryBlock(input);
    expect(reference.map((m) => [m.claimId, m.reason])).toEqual(
      expect.arrayContaining([
        ['residential-neighborhood', expect.any(String)],
        ['fatal-shooting', 'near-quote'],
      ]),
    );
    for (const got of everyWay(input, 1)) expect(got).toEqual(reference);
  });

  it('links a block through the fewest shingles a sentence needs to share with a printed text', () => {
    const input = blocksPage([PARAGRAPHS[14]!, PARAGRAPHS[18]!, PARAGRAPHS[15]!]);
    const reference = linkEveryBlock(input);
    expect(reference.map((m) => [m.claimId, m.reason])).toEqual([['fatal-shooting', 'near-quote']]);
    for (const got of everyWay(input, 1)) expect(got).toEqual(reference);
  });

  it('links exactly what linking every block links, on random pages of those blocks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: PARAGRAPHS.length - 1 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (picks, per) => {
          const input = blocksPage(picks.map((k) => PARAGRAPHS[k]!));
          const reference = linkEveryBlock(input);
          for (const got of everyWay(input, per)) expect(got).toEqual(reference);
        },
      ),
      { numRuns: 60, seed: 20260107 },
    );
  });
});

describe.skipIf(dataset === undefined)('the plan’s test of a block for a sentence with enough facts', () => {
  /**
   * Blocks made of the claims' fact and veto phrases, sentence ends, abbreviations, closers and
   * common words, with and without spaces: phrases of one claim beside vetoes of it, in one
   * sentence or across an end that may or may not be one.
   */
  function phraseBlocks(seed: number, count: number): string[] {
    const rng = createRng(seed);
    const cues = parseDataset(dataset!).claimCues;
    const phrases = cues.flatMap((c) => [...c.facts.flatMap((f) => f.phrases), ...c.veto]);
    const glue = [
      'the',
      'said',
      'and',
      'They',
      'in a',
      '. ',
      '. The',
      '! ',
      '? ',
      '… ',
      '.” ',
      ', ',
      'U.S.',
      'St.',
      '\n',
    ];
    const out: string[] = [];
    for (let k = 0; k < count; k++) {
      const parts: string[] = [];
      for (let n = rng.int(2, 30); n > 0; n--) {
        const phrase =
          rng.int(0, 2) === 0
            ? rng.pick(glue)
            : rng.pick(phrases).replace(/\.\./g, rng.pick(['', 'the car']));
        parts.push(rng.int(0, 3) === 0 ? phrase.charAt(0).toUpperCase() + phrase.slice(1) : phrase);
      }
      out.push(parts.join(rng.int(0, 8) === 0 ? '' : ' '));
    }
    return out;
  }

  it('says no sentence of a block has enough facts of a claim and no veto of it only when none has', () => {
    const ix = buildIndex(parseDataset(dataset!));
    const sc = factScratch(ix);
    const pages: TextInput[] = [1, 2, 3, 4, 5, 6].map((seed) => mixedPageOf(seed, 4));
    for (const page of loadSplit('train')) pages.push({ text: page.text, blocks: page.blocks });
    pages.push(unrelatedPage(createRng(11), 60_000));
    for (const seed of [1, 2]) {
      const blocks = phraseBlocks(seed, 1500);
      pages.push({ text: blocks.join('\n\n') });
    }
    let blocks = 0;
    let linking = 0;
    let settled = 0;
    for (const input of pages) {
      const { text } = input;
      const seg = segment(input);
      const ranges = blockRanges(input);
      for (let b = 0, s = 0; b < ranges.starts.length; b++) {
        const bs = ranges.starts[b]!;
        const be = ranges.ends[b]!;
        const t = tokenize(text, bs, be);
        const hits: number[] = [];
        ix.linkPhrases.scanInto(ix.vocab.idsOf(t.words), t.breaks, 0, t.length, hits);
        // The sentence test, sentence by sentence (a hit lies in a sentence when its tokens do).
        let some = false;
        for (; s < seg.sentenceCount && seg.sentBlocks[s] === b; s++) {
          const inside: number[] = [];
          for (let h = 0; h < hits.length; h += 3) {
            const first = t.starts[hits[h + 1]!]!;
            const last = t.starts[hits[h + 2]! - 1]!;
            if (first >= seg.sentStarts[s]! && last < seg.sentEnds[s]!)
              inside.push(hits[h]!, hits[h + 1]!, hits[h + 2]!);
          }
          if (enoughFactsIn(ix, sc, inside)) some = true;
        }
        if (hits.length === 0) continue;
        blocks++;
        const may = sentencesMayHaveFacts(ix, sc, hits, text, t.starts, bs, be);
        if (some) linking++;
        else if (!may) settled++;
        if (some) expect({ text: text.slice(bs, be), may }).toEqual({ text: text.slice(bs, be), may: true });
      }
    }
    expect(blocks).toBeGreaterThan(3000);
    expect(linking).toBeGreaterThan(1000);
    expect(settled).toBeGreaterThan(1000);
  });
});
