// The benchmark's incident pages: the seed articles' paragraphs and whole positive corpus pages
// (with their labels), shuffled among filler paragraphs until the page reaches its size. The
// labelled passages keep their offsets in the big page, so recall can be measured on them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../src/dataset/types';
import { ROOT } from '../lib/paths';
import type { CorpusPage, LabelledPassage } from './corpus';
import { fillerParagraph } from './filler';
import type { Rng } from './prng';

/** A generated page with the labelled corpus passages it embeds. */
export interface BenchPage {
  text: string;
  blocks: number[];
  /** The embedded corpus passages (claims and neutral ones), sorted, offsets into `text`. */
  passages: LabelledPassage[];
  /** [start, end) of each unrelated filler paragraph: nothing there states a claim. */
  filler?: [number, number][];
}

/** One paragraph to place: plain text, or corpus passages to join with spaces. */
type Block = string | LabelledPassage[];

/** The paragraphs of each seed article the dataset was built from, in order. */
export function seedArticles(dataset: Dataset, dir: string = join(ROOT, 'seeds', 'articles')): string[][] {
  return dataset.seeds.map((seed) => {
    const text = readFileSync(join(dir, seed.file), 'utf8');
    return text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
  });
}

/** A corpus page's blocks, each the list of its passages. */
export function corpusBlocks(page: CorpusPage): LabelledPassage[][] {
  const blocks: LabelledPassage[][] = page.blocks.map(() => []);
  let b = 0;
  for (const passage of page.passages) {
    while (b + 1 < page.blocks.length && passage.start >= page.blocks[b + 1]!) b++;
    blocks[b]!.push(passage);
  }
  return blocks;
}

function blockLength(block: Block): number {
  return typeof block === 'string'
    ? block.length
    : block.reduce((n, p) => n + p.text.length, block.length - 1);
}

/**
 * An incident page of at least `chars` characters: each seed article and each corpus page is kept
 * whole (a unit), units are shuffled, and filler paragraphs go between them at random places.
 */
export function incidentPage(
  rng: Rng,
  chars: number,
  articles: readonly string[][],
  embedded: readonly CorpusPage[],
): BenchPage {
  const units: Block[][] = [...articles.map((a) => [...a]), ...embedded.map(corpusBlocks)];
  const contentLength = units.flat().reduce((n, b) => n + blockLength(b) + 2, 0);
  const filler: string[] = [];
  let fillerLength = 0;
  while (contentLength + fillerLength < chars) {
    const paragraph = fillerParagraph(rng);
    filler.push(paragraph);
    fillerLength += paragraph.length + 2;
  }
  // Slots between units (and before the first and after the last) take filler paragraphs.
  const order = rng.shuffle(units);
  const gaps: string[][] = Array.from({ length: order.length + 1 }, () => []);
  for (const paragraph of filler) gaps[rng.int(0, order.length)]!.push(paragraph);
  const sequence: Block[] = [];
  order.forEach((unit, i) => sequence.push(...gaps[i]!, ...unit));
  sequence.push(...gaps[order.length]!);

  // Built from parts and joined once: a flat string, as the content script's extraction gives
  // (a string grown with += is a rope, and reading it character by character costs twice as much).
  const parts: string[] = [];
  let length = 0;
  const add = (part: string): void => {
    parts.push(part);
    length += part.length;
  };
  const blocks: number[] = [];
  const passages: LabelledPassage[] = [];
  const isFiller = new Set(filler);
  const fillerRanges: [number, number][] = [];
  for (const block of sequence) {
    if (length > 0) add('\n\n');
    blocks.push(length);
    if (typeof block === 'string') {
      if (isFiller.has(block)) fillerRanges.push([length, length + block.length]);
      add(block);
      continue;
    }
    block.forEach((passage, i) => {
      if (i > 0) add(' ');
      const start = length;
      add(passage.text);
      passages.push({ ...passage, start, end: length });
    });
  }
  return { text: parts.join(''), blocks, passages, filler: fillerRanges };
}
