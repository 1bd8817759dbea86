// Rule-based segmentation into blocks, sentences and passages.
//
// Intl.Segmenter costs about 600 ms per 100 KB in Node 20, far too slow for the content script,
// so this is a single pass over the characters with a few rules: a sentence ends at . ! ? or an
// ellipsis (plus any closing quotes or brackets), followed by space and then something that is
// not a lowercase letter, unless the period belongs to an abbreviation (St., Cmdr., U.S., Jan.),
// an initial or a decimal number. Sentences never cross a block boundary.

import type { TextInput } from './types';
import { isSpace } from './normalize';

/** Sentences and passages of a text, as parallel typed arrays of original offsets. */
export interface Segmentation {
  /** Block ranges: block b is [blockStarts[b], blockEnds[b]). */
  blockStarts: Uint32Array;
  blockEnds: Uint32Array;
  /** Sentence s is [sentStarts[s], sentEnds[s]), trimmed, inside block sentBlocks[s]. */
  sentStarts: Uint32Array;
  sentEnds: Uint32Array;
  sentBlocks: Uint32Array;
  sentenceCount: number;
  /** Passage p covers sentences [passFirst[p], passFirst[p + 1]) (one block, or part of a long one). */
  passFirst: Uint32Array; // length passageCount + 1
  passageCount: number;
}

/** Longest sentence kept whole; longer runs (lists, unpunctuated dumps) are cut so facts stay local. */
export const MAX_SENTENCE_CHARS = 600;
/** Most sentences in one passage (the unit of work of `linkSteps`). */
export const MAX_PASSAGE_SENTENCES = 8;

/** Words whose trailing period does not end a sentence (lowercase, without the period). */
const ABBREVIATIONS = new Set([
  'st',
  'ave',
  'av',
  'blvd',
  'rd',
  'pkwy',
  'hwy',
  'mr',
  'mrs',
  'ms',
  'dr',
  'jr',
  'sr',
  'cmdr',
  'cmdt',
  'sgt',
  'lt',
  'capt',
  'gen',
  'col',
  'gov',
  'sen',
  'rep',
  'sec',
  'dept',
  'atty',
  'minn',
  'ore',
  'calif',
  'wash',
  'jan',
  'feb',
  'mar',
  'apr',
  'aug',
  'sept',
  'sep',
  'oct',
  'nov',
  'dec',
  'vs',
  'fig',
  'approx',
  'est',
  'inc',
  'corp',
  'co',
  'ltd',
  'u.s',
  'u.s.a',
  'u.k',
  'e.g',
  'i.e',
  'a.m',
  'p.m',
  'd.c',
]);

/** Longest entry of ABBREVIATIONS (no initial or "No." is longer either). */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/**
 * A word of ASCII letters and dots, lowercased, as a number: each character a digit in base 28
 * (a-z 1-26, "." 27), so distinct words of up to LONGEST_ABBREVIATION (6) characters get
 * distinct keys. A sentence ends on such a short word often; looking its key up in a set of
 * numbers spares the `slice` and `toLowerCase` strings made per period.
 */
function abbreviationKey(text: string, s: number, e: number): number {
  let key = 0;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    key = key * 28 + (c === 46 ? 27 : (c | 32) - 96);
  }
  return key;
}

/** The keys of ABBREVIATIONS, and of "no" ("No. 5"). */
const ABBREVIATION_KEYS = new Set([...ABBREVIATIONS].map((a) => abbreviationKey(a, 0, a.length)));
const NO_KEY = abbreviationKey('no', 0, 2);

const CLOSERS = new Set([0x22, 0x27, 0x29, 0x5d, 0x201d, 0x2019, 0xbb, 0x203a]); // " ' ) ] ” ’ » ›

/**
 * The next place at or after `i` of `ch` in `block` (-1: none), given the last one found
 * (`known`: -1 for none, -2 before any search): searched for again only once `i` is past it, as
 * offsets only grow while a block is split, so the rare "!" and "…" are not searched for at
 * every period.
 */
function nextOf(block: string, ch: string, known: number, i: number): number {
  return known === -1 || known >= i ? known : block.indexOf(ch, i);
}

/** The earlier of two places, -1 standing for none. */
function earlier(a: number, b: number): number {
  return a < 0 || (b >= 0 && b < a) ? b : a;
}

function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026; // . ! ? …
}

function isLower(c: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Validates `blocks` and returns block ranges; plain text splits at blank lines. */
export function blockRanges(input: TextInput): { starts: Uint32Array; ends: Uint32Array } {
  const { text } = input;
  const starts: number[] = [];
  if (input.blocks === undefined) {
    starts.push(0);
    const re = /\n(?:[ \t\r\f\v\u00a0]*\n)+/g; // one or more blank lines
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) starts.push(m.index + m[0].length);
  } else {
    const blocks = input.blocks;
    if (!Array.isArray(blocks)) throw new TypeError('TextInput.blocks: expected an array of offsets');
    let prev = -1;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      if (typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > text.length) {
        throw new RangeError(
          `TextInput.blocks[${i}]: ${String(b)} is not an integer offset in [0, ${text.length}]`,
        );
      }
      if (b < prev)
        throw new RangeError(`TextInput.blocks[${i}]: ${b} is smaller than blocks[${i - 1}] (${prev})`);
      prev = b;
    }
    if (blocks.length === 0 || blocks[0] !== 0) starts.push(0);
    for (const b of blocks) if (starts[starts.length - 1] !== b) starts.push(b);
  }
  const n = starts.length;
  const s = new Uint32Array(n);
  const e = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    s[i] = starts[i]!;
    e[i] = i + 1 < n ? starts[i + 1]! : text.length;
  }
  return { starts: s, ends: e };
}

/** Growable list of ranges. */
class Ranges {
  starts: Uint32Array = new Uint32Array(64);
  ends: Uint32Array = new Uint32Array(64);
  blocks: Uint32Array = new Uint32Array(64);
  length = 0;
  push(s: number, e: number, b: number): void {
    if (this.length === this.starts.length) {
      const grow = (a: Uint32Array): Uint32Array => {
        const x = new Uint32Array(a.length * 2);
        x.set(a);
        return x;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.blocks = grow(this.blocks);
    }
    this.starts[this.length] = s;
    this.ends[this.length] = e;
    this.blocks[this.length] = b;
    this.length++;
  }
}

/**
 * `segmentBlocks` collects sentences here and returns copies: the linker segments one block at a
 * time as it reads past blocks naming a speaker, and fresh arrays for each add up.
 */
const SCRATCH = new Ranges();

/** Splits the text into blocks, sentences and passages. */
export function segment(input: TextInput): Segmentation {
  const { text } = input;
  if (typeof text !== 'string') throw new TypeError('TextInput.text: expected a string');
  return segmentBlocks(text, blockRanges(input));
}

/**
 * Segments only the blocks listed in `which` (ascending block indices; default: all): the
 * linker skips blocks that share nothing with the dataset, so they are never split. Block
 * ranges stay those of the whole text, so block indices mean the same in every segmentation.
 */
export function segmentBlocks(
  text: string,
  blocks: { starts: Uint32Array; ends: Uint32Array },
  which?: ArrayLike<number>,
): Segmentation {
  const out = SCRATCH;
  out.length = 0;
  const count = which === undefined ? blocks.starts.length : which.length;
  for (let k = 0; k < count; k++) {
    const b = which === undefined ? k : which[k]!;
    splitSentences(text, blocks.starts[b]!, blocks.ends[b]!, b, out);
  }
  return toSegmentation(out, blocks);
}

/**
 * Sentences of blocks split one at a time, kept or dropped, then made one Segmentation (as
 * `segmentBlocks` would give for the blocks kept): the block plan splits a block to test its
 * sentences, and keeps them for the linker only when the block is linked.
 */
export class SentenceBuilder {
  private readonly out = new Ranges();

  /** Splits block b (after any block added before: ascending) and returns its first sentence. */
  add(text: string, blocks: { starts: Uint32Array; ends: Uint32Array }, b: number): number {
    const first = this.out.length;
    splitSentences(text, blocks.starts[b]!, blocks.ends[b]!, b, this.out);
    return first;
  }

  /** Drops the sentences from `first` on (those of the block last added, say). */
  dropFrom(first: number): void {
    this.out.length = Math.min(this.out.length, first);
  }

  /** Sentences so far; sentence s is [starts[s], ends[s]). The arrays change with `add`. */
  get count(): number {
    return this.out.length;
  }
  get starts(): Uint32Array {
    return this.out.starts;
  }
  get ends(): Uint32Array {
    return this.out.ends;
  }

  /** The sentences kept, in passages as `segmentBlocks` makes them. */
  finish(blocks: { starts: Uint32Array; ends: Uint32Array }): Segmentation {
    return toSegmentation(this.out, blocks);
  }
}

/**
 * Copies sentences into a Segmentation. A block's sentences are contiguous; its passages start
 * at its first sentence and every MAX_PASSAGE_SENTENCES after it.
 */
function toSegmentation(out: Ranges, blocks: { starts: Uint32Array; ends: Uint32Array }): Segmentation {
  const n = out.length;
  const passFirst: number[] = [];
  let blockFirst = 0;
  for (let s = 0; s < n; s++) {
    if (s === 0 || out.blocks[s] !== out.blocks[s - 1]) blockFirst = s;
    if ((s - blockFirst) % MAX_PASSAGE_SENTENCES === 0) passFirst.push(s);
  }
  const passageCount = passFirst.length;
  const pf = new Uint32Array(passageCount + 1);
  for (let p = 0; p < passageCount; p++) pf[p] = passFirst[p]!;
  pf[passageCount] = n;
  return {
    blockStarts: blocks.starts,
    blockEnds: blocks.ends,
    sentStarts: out.starts.slice(0, n),
    sentEnds: out.ends.slice(0, n),
    sentBlocks: out.blocks.slice(0, n),
    sentenceCount: n,
    passFirst: pf,
    passageCount,
  };
}

/** Pushes the trimmed sentence [s, e) (split further when too long). */
function pushSentence(text: string, s: number, e: number, block: number, out: Ranges): void {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s >= e) return;
  if (e - s <= MAX_SENTENCE_CHARS) {
    out.push(s, e, block);
    return;
  }
  // Too long: cut at line breaks first, then at the last space before the limit.
  let start = s;
  while (e - start > MAX_SENTENCE_CHARS) {
    const limit = start + MAX_SENTENCE_CHARS;
    // Scan back only within this piece: `lastIndexOf` would run to the start of the text on
    // a long line without breaks, which makes a 2 MB one-line page quadratic.
    let cut = limit;
    while (cut > start && text.charCodeAt(cut) !== 10) cut--;
    if (cut <= start) {
      cut = limit;
      while (cut > start + MAX_SENTENCE_CHARS / 2 && !isSpace(text.charCodeAt(cut))) cut--;
      if (cut <= start + MAX_SENTENCE_CHARS / 2) cut = limit;
    }
    pushSentence(text, start, cut, block, out);
    start = cut;
  }
  pushSentence(text, start, e, block, out);
}

/**
 * Where the word (letters and inner dots) that ends right before `i` starts, not looking before
 * `min`; for a word longer than `most` characters, some offset before i - most (the caller only
 * reads short words, and a page's sentences mostly end on longer ones).
 */
function wordStartBefore(text: string, i: number, min: number, most: number): number {
  const stop = Math.max(min, i - most - 1);
  let k = i;
  while (k > stop) {
    const c = text.charCodeAt(k - 1);
    if (isAsciiLetter(c) || (c === 46 && k - 1 > min && isAsciiLetter(text.charCodeAt(k - 2)))) k--;
    else break;
  }
  return k;
}

/** Is the word before position `i` (skipping spaces) a lowercase word? */
function afterLowercaseWord(text: string, i: number, min: number): boolean {
  let k = i - 1;
  while (k >= min && isSpace(text.charCodeAt(k))) k--;
  if (k < min || k === i - 1) return false;
  let start = k;
  while (start > min && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  return isLower(text.charCodeAt(start)) && isAsciiLetter(text.charCodeAt(k));
}

/** Does text[s, e) hold at most one word? */
function oneWord(text: string, s: number, e: number): boolean {
  let words = 0;
  let inWord = false;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    const letter =
      isAsciiLetter(c) || (c >= 48 && c <= 57) || (c >= 0xc0 && !isSpace(c) && (c < 0x2000 || c > 0x206f));
    if (letter && !inWord && ++words > 1) return false;
    inWord = letter;
  }
  return true;
}

/** Does text[from, to) (the closers after a terminal) hold a closing double quotation mark? */
function closesQuote(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x22 || c === 0x201d || c === 0xbb) return true;
  }
  return false;
}

/**
 * Is offset `i` inside a double quotation opened since `from`? Looks back at most
 * MAX_SENTENCE_CHARS, so text full of "!" stays linear.
 */
function insideQuote(text: string, from: number, i: number): boolean {
  let open = 0;
  let straight = 0;
  for (let k = Math.max(from, i - MAX_SENTENCE_CHARS); k < i; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x201c || c === 0x201e || c === 0xab) open++;
    else if ((c === 0x201d || c === 0xbb) && open > 0) open--;
    else if (c === 0x22) straight++;
  }
  return open > 0 || straight % 2 === 1;
}

/**
 * A stretch of block [bs, be) that lies in one sentence with the characters at p <= q, however
 * the rules below decide, as [around[0], around[1]); false when none is known. A sentence ends
 * only after a run of . ! ? … and the closers after it, so two places with no terminal between
 * them are in one sentence when the first is neither a terminal nor a closer (it cannot then lie
 * in the tail of an earlier run). The stretch reaches from p back to the end of the run before it
 * (and its closers), and from q on to the next terminal, but no further than `left` and `right`
 * (how far the caller needs to know). Blocks longer than MAX_SENTENCE_CHARS are left out: their
 * sentences may be cut anywhere.
 */
export function oneSentenceAround(
  text: string,
  bs: number,
  be: number,
  p: number,
  q: number,
  left: number,
  right: number,
  around: Int32Array,
): boolean {
  if (be - bs > MAX_SENTENCE_CHARS) return false;
  const cp = text.charCodeAt(p);
  const cq = text.charCodeAt(q);
  if (isTerminal(cp) || CLOSERS.has(cp) || isTerminal(cq) || CLOSERS.has(cq)) return false;
  for (let k = p; k < q; k++) if (isTerminal(text.charCodeAt(k))) return false;
  let from = p;
  while (from > left && from > bs && !isTerminal(text.charCodeAt(from - 1))) from--;
  // Leading closers may be the tail of a run: leave them out.
  while (from < p && CLOSERS.has(text.charCodeAt(from))) from++;
  let to = q;
  while (to <= right && to < be && !isTerminal(text.charCodeAt(to))) to++;
  around[0] = from;
  around[1] = to;
  return true;
}

function splitSentences(text: string, bs: number, be: number, block: number, out: Ranges): void {
  let s = bs;
  let frag = bs; // start of the current piece, after one-word exclamations kept in the sentence
  let i = bs;
  // The next . ! ? and … (offsets in `chars`, the block alone): native scans, much faster than a
  // loop over characters or a call to the regex engine per terminal.
  const chars = text.slice(bs, be);
  let period = -2;
  let bang = -2;
  let question = -2;
  let ellipsis = -2;
  while (i < be) {
    const at = i - bs;
    period = nextOf(chars, '.', period, at);
    bang = nextOf(chars, '!', bang, at);
    question = nextOf(chars, '?', question, at);
    ellipsis = nextOf(chars, '\u2026', ellipsis, at);
    const next = earlier(earlier(period, bang), earlier(question, ellipsis));
    if (next < 0) break;
    i = bs + next;
    const c = text.charCodeAt(i);
    let j = i + 1;
    while (j < be && isTerminal(text.charCodeAt(j))) j++;
    while (j < be && CLOSERS.has(text.charCodeAt(j))) j++;
    if (j < be && !isSpace(text.charCodeAt(j))) {
      i = j; // "3.5", "U.S.A", "Yahoo!News": not an end
      continue;
    }
    if (c === 46 && j === i + 1) {
      const ws = wordStartBefore(text, i, bs, LONGEST_ABBREVIATION);
      // Most sentences end on a word longer than any abbreviation: no string made for those.
      if (ws < i && i - ws <= LONGEST_ABBREVIATION) {
        // The word is ASCII letters and dots (see `wordStartBefore`), so its key is exact.
        const key = abbreviationKey(text, ws, i);
        const first = text.charCodeAt(ws);
        // Initials (J. Smith) and known abbreviations (Cmdr. Bovino, Jan. 7, U.S. Customs). "X"
        // after a lowercase word is the platform ("posted on X."), which ends the sentence.
        const initial =
          i - ws === 1 &&
          first >= 65 &&
          first <= 90 &&
          !(first === 88 && afterLowercaseWord(text, i - 1, bs));
        const numbered =
          key === NO_KEY && j + 1 < be && text.charCodeAt(j + 1) >= 48 && text.charCodeAt(j + 1) <= 57;
        if (initial || numbered || ABBREVIATION_KEYS.has(key)) {
          i = j;
          continue;
        }
      }
    }
    // “Shame! Shame! Shame!”, “Why? Why now?”: an exclamation or question inside a quotation
    // that goes on is part of the quoted sentence; only the closing mark may end it.
    if (c !== 46 && c !== 0x2026 && !closesQuote(text, i + 1, j) && insideQuote(text, s, i)) {
      i = j;
      continue;
    }
    let k = j;
    while (k < be && isSpace(text.charCodeAt(k))) k++;
    if (k < be && isLower(text.charCodeAt(k))) {
      i = j; // "... and then", "e.g. something": the sentence goes on
      continue;
    }
    if (oneWord(text, frag, j)) {
      frag = k;
      i = j; // "“Shame! Shame! Shame!”": a one-word exclamation is not a sentence of its own
      continue;
    }
    pushSentence(text, s, j, block, out);
    s = k;
    frag = k;
    i = k;
  }
  pushSentence(text, s, be, block, out);
}
