// The first pass over a page: token ids, offsets and breaks straight from the characters.
//
// Recognition and the block plan need every token's dataset id, but most of a page's words are
// never linked, so making a lowercase string per word, looking up canonical phrases and then
// stemming each word again (`tokenizeRanges` + `Vocabulary.idsOf`) is wasted on them. This pass
// reads plain ASCII words (and possessives: "Frey's" is the token "frey") in one charCode loop,
// packing each word into a numeric key as it goes and looking the key up in a table of the page
// words seen so far with their ids and rule flags. The output is exactly `tokenizeRanges` +
// `idsOf` (test/match/firstpass.test.ts compares them on seeds, filler pages, every block cut
// of rule-heavy text and generated hostile text).
//
// Rarer cases leave the loop: words with other apostrophes ("we're") and new words go through
// a general word reader; a word that starts a canonical phrase ("Homeland" in "Homeland
// Security") is matched against the phrases here, as the tokenizer does, from the raw words that
// follow it; and where a rule only the tokenizer knows could apply (a non-ASCII letter, an
// invisible character, a decimal, a dotted abbreviation, a thousands comma) a short window of
// text is handed to the tokenizer. The window ends at the first whitespace after enough plain
// words that no canonical phrase begun inside it can reach past it; two facts of the tokenizer
// make that cut exact:
// - no word contains whitespace, and no rule looks past a whitespace character, so the words of
//   a block are those of the text before a whitespace followed by those of the text after it;
// - a canonical phrase spans at most `wordRules.canonicalLength(first word)` raw words, so once
//   that many words past every possible start are in the window, none crosses its end.

import {
  CHAR_AMP,
  CHAR_APOS,
  CHAR_DIGIT,
  CHAR_LETTER,
  CHAR_PERCENT,
  CHAR_SEP,
  charClass,
  breakBefore,
  breaksPhrase,
  isSpace,
  stem,
  tokenize,
  wordRules,
} from './normalize';
import type { Vocabulary } from './phrases';

/**
 * Tokens of a text with their dataset ids, original offsets and phrase breaks (a linker
 * `TokenView`). A token's word is looked up when asked for: an array of a string per token
 * would cost more to fill than reading the page (a page's array is a large object, and each
 * store into it a write barrier), and most of a long page's words are never read.
 */
export class IdTokens {
  constructor(
    readonly ids: Int32Array,
    readonly starts: Uint32Array,
    readonly ends: Uint32Array,
    /** 1 when punctuation (not a hyphen or apostrophe) separates the token from the one before. */
    readonly breaks: Uint8Array,
    /** Token index after block b's tokens: the block plan needs no search for each block's range. */
    readonly blockEnds: Uint32Array,
    /** Per token, where its word is: dict[w] for w >= 0, extras[-1 - w] for the others. */
    private readonly wordAt: Int32Array,
    /** The table's words (only ever appended to, so the indices read stay right). */
    private readonly dict: readonly string[],
    /** Words of this read that are not in the table (from the tokenizer, '%', '&'). */
    private readonly extras: readonly string[],
    /** Indices of the tokens whose ids `anchorIds` marks, ascending (see `FirstPass`). */
    readonly anchored: Int32Array,
    /** The table `anchored` was noted by (1 at id + 1): a reader checks it is the one it needs. */
    readonly anchorIds: Uint8Array,
    /**
     * Indices of the tokens the block plan must visit, ascending: those whose ids `planMarks`
     * marks with `PLAN_WORD`, and the third token of each three tokens of one block that `planMarks`
     * marks `PLAN_FIRST`, `PLAN_SECOND` and `PLAN_THIRD` in turn (see `FirstPass`).
     */
    readonly planned: Int32Array,
    /** Index in `planned` after block b's positions (as `blockEnds` for tokens). */
    readonly plannedEnds: Uint32Array,
    /** The table `planned` was noted by: a reader checks it is the one it needs. */
    readonly planMarks: Uint8Array,
  ) {}

  get length(): number {
    return this.ids.length;
  }

  /** Token i's normalized word, as `tokenize` gives it; undefined outside [0, length). */
  word(i: number): string | undefined {
    const w = this.wordAt[i];
    if (w === undefined) return undefined;
    return w >= 0 ? this.dict[w] : this.extras[-1 - w];
  }
}

// A word's key is its characters as the digits of base-38 numbers: letters (either case) 1-26,
// digits 27-36, apostrophes 37. No digit is 0, so different words have different numbers as long
// as they are exact: six characters per number, which stays below 2 ** 32 (38 ** 6 is about
// 3.0e9) and so is exact as the bits of an int32, computed with `Math.imul` (an int32 multiply
// waits on half the latency of a double one, and each character waits on the last: ten
// characters per double took 7-10% longer on the key loop alone, ~1% on the whole pipeline).
// A word has three: k1 for its first six characters, k2 for the next six and k3 for the six
// after (0 when there are none); longer words, a few per page, get a hash as k3 in
// [-2 ** 30, -1], a range no exact k3 takes (as int32s those are 1 to 2 ** 31 - 1 and -2 ** 31
// to 38 ** 6 - 1 - 2 ** 32), and are compared character by character.

// Numbers used in the hot loop are const enum members, so they compile to literals: V8's
// optimized code loads a module-level const from its context, with checks, on every use.

/** The key digit of an ASCII letter or digit, 0 for every other character (a 64 K table: no range checks). */
const SYM = new Uint8Array(65536);
for (let k = 0; k < 26; k++) SYM[97 + k] = SYM[65 + k] = k + 1;
for (let k = 0; k < 10; k++) SYM[48 + k] = 27 + k;

const enum Key {
  Base = 38,
  AposDigit = 37,
  /** Characters per key number. */
  Chars = 6,
  /** Hashed k3s (of words longer than three key numbers) are -1 - (a hash & HashMask). */
  HashMask = 0x3fffffff,
}

// The table: open addressing over slots of 32 bytes in one Int32Array (k1, k2 and k3 at 8s,
// 8s + 1 and 8s + 2, the id at 8s + 4, flags at 8s + 5, the word's index in `dict` at 8s + 6),
// so a hit reads one cache line. k1 = 0 marks an empty slot.
// Indices are written `(s << 3) | Field.Id`, not `8 * s + 4`: V8 cannot tell that `8 * s + 4`
// stays an int32 and checks each product and sum for overflow (a shift or an or never
// overflows); in the hot loop that is ~2% of a page's pass.
const MIN_BITS = 12; // 4,096 slots: a page's few thousand distinct words fit at under half full
const MAX_BITS = 16; // past 32,768 distinct words (a word list, a log) the table starts over

/** Where a slot's fields are, from 8s (k1 at 8s itself). */
const enum Field {
  K2 = 1,
  K3 = 2,
  Id = 4,
  Meta = 5,
  Word = 6,
}

/** Word flags: rules, and the length of the canonical phrases the word starts. */
const enum Flag {
  /** "word." is an abbreviation: the tokenizer decides when a period follows. */
  Dotted = 1,
  /** "word's" is a contraction, not a possessive. */
  KeepS = 2,
  /** Bits 4-7: words in the longest canonical phrase starting with the word. */
  CanonShift = 4,
  CanonMask = 15 << 4,
  /** Bit 8: the word's id is one the recognizer anchors phrases on (`FirstPass` anchorIds). */
  AnchorShift = 8,
  /** Bits 9-12: the id's `planMarks` (PLAN_WORD, PLAN_FIRST, PLAN_SECOND, PLAN_THIRD). */
  PlanShift = 9,
  /** The three shingle marks, bits 10-12, and the first of them. */
  ShingleMask = 7 << 10,
  First = 1 << 10,
  /** Bit 12 of the shingle state: the token ends three marked in turn. */
  ThirdShift = 12,
}

/**
 * `planMarks` bits (at id + 1): the block plan visits a token whose id is marked PLAN_WORD, and
 * the third of three tokens in a row of one block marked PLAN_FIRST, PLAN_SECOND, PLAN_THIRD.
 */
export const PLAN_WORD = 1;
export const PLAN_FIRST = 2;
export const PLAN_SECOND = 4;
export const PLAN_THIRD = 8;

/**
 * Appends to `out` the positions of tokens [from, to) of one block that a pass with `planMarks`
 * notes in `IdTokens.planned` (for tokens that did not come from a pass).
 */
export function plannedIn(
  planMarks: Uint8Array,
  ids: Int32Array,
  from: number,
  to: number,
  out: { push(value: number): void },
): void {
  let state = 0;
  for (let i = from; i < to; i++) {
    const meta = markOf(planMarks, ids[i]!) << Flag.PlanShift;
    state = meta & ((state << 1) | Flag.First);
    if ((((meta >>> Flag.PlanShift) | (state >>> Flag.ThirdShift)) & 1) !== 0) out.push(i);
  }
}

/** A table's mark of an id (0 for -1 and for ids past it). */
function markOf(table: Uint8Array, id: number): number {
  return id + 1 < table.length ? table[id + 1]! : 0;
}

/** Why the hot loop stopped: what it hands over to a method. */
const enum Stop {
  /** The block's end. */
  End = 0,
  /** A word for the general reader (apostrophes, new and very long words). */
  Slow,
  /** A word that starts canonical phrases. */
  Canon,
  /** A rule of the tokenizer's. */
  Rare,
  /** A non-ASCII character between words (a letter to hand over, '%', '&', or to step over). */
  Other,
  /** The output arrays are full. */
  Full,
}

/** Word indices of the tokens '%' and '&' stand for (always the first extras). */
const enum Sign {
  Percent = -1,
  And = -2,
}

/** ASCII characters that end a word with no rule to apply (not '.', ',' or an apostrophe). */
const PLAIN_END = new Uint8Array(65536);
for (let c = 0; c < 128; c++)
  if (SYM[c] === 0 && c !== 46 && c !== 44 && c !== 39 && c !== 96) PLAIN_END[c] = 1;

/** 1 for the ASCII characters that end a phrase between two tokens (the tokenizer's rule). */
const BREAKS = new Uint8Array(128);
for (let c = 0; c < 128; c++) BREAKS[c] = breaksPhrase(c) ? 1 : 0;

/** Raw words that must follow a rare rule's text before a window may end (any could start a phrase). */
const RARE_REACH = wordRules.longestCanonical - 1;

/**
 * The first slot to probe for a key (three int32s). The `| 0` keeps the slot an int32 for V8
 * (`>>>` gives a uint32, which it may hold as a double and convert back for every index).
 */
function slotOf(k1: number, k2: number, k3: number, shift: number): number {
  return (Math.imul(k1 ^ Math.imul(k2, 0x85ebca6b) ^ Math.imul(k3, 0xc2b2ae35), 0x9e3779b1) >>> shift) | 0;
}

/** Is k3 a hash (of a word longer than three key numbers), not characters? */
function hashed(k3: number): boolean {
  return k3 < 0 && k3 >= -1 - Key.HashMask;
}

/** The normalized code of a character inside a fast-path word: lowercase ASCII, or "'" for apostrophes. */
function norm(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : 39;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** ASCII whitespace: never inside a word, and no rule of the tokenizer looks past it. */
function isCut(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Could this character be (or hide, being invisible) a letter or digit for the tokenizer? */
function mayHideWord(c: number): boolean {
  if (c < 128) return false;
  const cls = charClass(c);
  return cls !== CHAR_SEP && cls !== CHAR_APOS && cls !== CHAR_PERCENT && cls !== CHAR_AMP;
}

/** Index of the first ASCII whitespace at or after i in [i, end), or end. */
function nextCut(text: string, i: number, end: number): number {
  let k = i;
  while (k < end && !isCut(text.charCodeAt(k))) k++;
  return k;
}

/** A table marking no id: a pass given no anchor ids notes no positions. */
const NO_ANCHORS = new Uint8Array(1);

/**
 * Reads pages into token ids for one vocabulary (one per matcher: ids depend on the dataset).
 *
 * It also notes where the tokens whose ids `anchorIds` marks are (1 at id + 1: the recognizer's
 * phrase anchors, about one page token in ten), so recognition verifies phrases only there
 * instead of visiting every token of the page again. The pass looks every word up anyway, and
 * the mark is a bit of the word's table entry, so noting costs a store per token. The block
 * plan's positions (`planMarks`, `IdTokens.planned`: a fifth of the tokens) are noted the same
 * way, with the shingle marks of the last three tokens kept in a few bits as the pass goes.
 */
export class FirstPass {
  private bits = MIN_BITS;
  private i32 = new Int32Array(8 << MIN_BITS);
  private entries = 0; // words in the table
  /** Table words by index; only grows during a read (tokens already read point into it). */
  private dict: string[] = [];
  private vocabSize: number;
  private readonly percentId: number;
  private readonly andId: number;
  // What readWord found: the table slot of the token and where the token ends (before a
  // dropped possessive "'s"); what keyOf computed.
  private hit = 0;
  private tokEnd = 0;
  // Where scan stopped and why, and the word it stopped at.
  private stop: Stop = Stop.End;
  private ws = 0;
  private we = 0;
  private k1 = 0;
  private k2 = 0;
  private k3 = 0;
  // What nextRaw read, and the raw words after a canonical word (scratch for `canonical`).
  private rawWord = '';
  private rawEnd = 0;
  private rawResume = 0;
  private readonly follow = { words: [] as string[], ends: [] as number[], resumes: [] as number[] };
  /** Ids of the tokens canonical phrases are replaced with ("dhs", "ice"). */
  private canonIds = new Map<string, number>();
  // The tokens read so far (grown by doubling, copied out by finish()). A token's word is an
  // index: dict[w] for w >= 0, extras[-1 - w] for words that come from the tokenizer.
  private ids = new Int32Array(1024);
  private starts = new Uint32Array(1024);
  private ends = new Uint32Array(1024);
  private breaks = new Uint8Array(1024);
  private wordAt = new Int32Array(1024);
  private extras: string[] = [];
  /** Indices of tokens whose ids anchorIds marks (na of them): as long as ids, so never full first. */
  private anchored = new Int32Array(1024);
  private na = 0;
  /** Indices of the tokens the block plan visits (np of them), as long as ids too. */
  private planned = new Int32Array(1024);
  private np = 0;
  /** The shingle marks of the block's last tokens (`Flag.ShingleMask` bits, see `plannedIn`). */
  private shingle = 0;
  private n = 0;
  private lastEnd = -1;
  /** The read under way (see `begin`): its number, text and the ends of its blocks so far. */
  private reads = 0;
  private reading:
    | { id: number; text: string; blockEnds: Uint32Array; plannedEnds: Uint32Array; blocks: number }
    | undefined;

  /**
   * `anchorIds`: 1 at id + 1 for the ids whose token positions each read notes (`IdTokens.anchored`);
   * `planMarks`: PLAN_* bits at id + 1 for the positions it notes for the block plan (`IdTokens.planned`).
   */
  constructor(
    private readonly vocab: Vocabulary,
    private readonly anchorIds: Uint8Array = NO_ANCHORS,
    private readonly planMarks: Uint8Array = NO_ANCHORS,
  ) {
    this.vocabSize = vocab.size;
    this.percentId = vocab.get(stem('percent'));
    this.andId = vocab.get(stem('and'));
  }

  /** Tokens of each block [starts[b], ends[b]) on its own, concatenated: as `tokenizeRanges` + `idsOf`. */
  read(text: string, starts: Uint32Array, ends: Uint32Array): IdTokens {
    const id = this.begin(text, starts.length);
    this.more(id, starts, ends);
    return this.finish(id);
  }

  /**
   * Starts reading `text`, `blockCount` blocks given in order to `more` (so a long page can be
   * read a few blocks at a time), then `finish`. Returns the read's number. One read is under
   * way at a time: beginning another ends the last.
   */
  begin(text: string, blockCount: number): number {
    // A new stem may give a word an id; a table that overflowed left old words in dict.
    if (this.vocab.size !== this.vocabSize || this.dict.length > this.entries) this.reset(this.bits);
    this.n = 0;
    this.na = 0;
    this.np = 0;
    this.extras = ['percent', 'and']; // Sign.Percent, Sign.And
    this.reading = {
      id: ++this.reads,
      text,
      blockEnds: new Uint32Array(blockCount),
      plannedEnds: new Uint32Array(blockCount),
      blocks: 0,
    };
    return this.reads;
  }

  /**
   * Reads the next blocks [starts[b], ends[b]) of read `id`. Returns false, reading nothing,
   * when another read has begun since (the caller starts over).
   */
  more(id: number, starts: Uint32Array, ends: Uint32Array): boolean {
    const r = this.reading;
    if (r === undefined || r.id !== id) return false;
    const text = r.text;
    if (r.blocks + starts.length > r.blockEnds.length) {
      throw new RangeError(`FirstPass.more: more blocks than the ${r.blockEnds.length} announced`);
    }
    for (let b = 0; b < starts.length; b++) {
      const s = starts[b]!;
      const e = ends[b]!;
      if (s < 0 || e > text.length || s > e) {
        throw new RangeError(
          `FirstPass.read: block ${r.blocks} [${s}, ${e}) is outside the text (length ${text.length})`,
        );
      }
      this.readBlock(text, s, e);
      r.plannedEnds[r.blocks] = this.np;
      r.blockEnds[r.blocks++] = this.n;
    }
    return true;
  }

  /** The tokens of read `id` (the one under way: `more` has not returned false). */
  finish(id: number): IdTokens {
    const r = this.reading;
    if (r === undefined || r.id !== id)
      throw new Error(`FirstPass.finish: read ${id} is not the one under way`);
    this.reading = undefined;
    const n = this.n;
    const extras = this.extras;
    this.extras = [];
    return new IdTokens(
      this.ids.slice(0, n),
      this.starts.slice(0, n),
      this.ends.slice(0, n),
      this.breaks.slice(0, n),
      r.blockEnds.subarray(0, r.blocks),
      this.wordAt.slice(0, n),
      this.dict,
      extras,
      this.anchored.slice(0, this.na),
      this.anchorIds,
      this.planned.slice(0, this.np),
      r.plannedEnds.subarray(0, r.blocks),
      this.planMarks,
    );
  }

  /** Empties the table and the words (between reads only: tokens point into dict). */
  private reset(bits: number): void {
    this.bits = bits;
    this.i32 = new Int32Array(8 << bits);
    this.entries = 0;
    this.dict = [];
    this.canonIds.clear();
    this.vocabSize = this.vocab.size;
  }

  /** Appends a token (word index w), with the tokenizer's break before it. */
  private push(w: number, id: number, s: number, e: number, text: string): void {
    this.pushRaw(w, id, s, e, breakBefore(text, this.lastEnd, s));
    this.lastEnd = e;
  }

  private pushRaw(w: number, id: number, s: number, e: number, brk: number): void {
    const n = this.n++;
    if (n === this.ids.length) this.grow();
    if (this.anchors(id)) this.anchored[this.na++] = n;
    const meta = markOf(this.planMarks, id) << Flag.PlanShift;
    this.shingle = meta & ((this.shingle << 1) | Flag.First);
    if ((((meta >>> Flag.PlanShift) | (this.shingle >>> Flag.ThirdShift)) & 1) !== 0)
      this.planned[this.np++] = n;
    this.wordAt[n] = w;
    this.ids[n] = id;
    this.starts[n] = s;
    this.ends[n] = e;
    this.breaks[n] = brk;
  }

  /** Does anchorIds mark this id (-1 for none)? Ids added to the vocabulary after it anchor nothing. */
  private anchors(id: number): boolean {
    return id + 1 < this.anchorIds.length && this.anchorIds[id + 1] === 1;
  }

  /** The word index of a word that is not in the table (from the tokenizer, '%', '&'). */
  private extra(word: string): number {
    this.extras.push(word);
    return -this.extras.length;
  }

  private grow(): void {
    const size = this.ids.length * 2;
    const ids = new Int32Array(size);
    const starts = new Uint32Array(size);
    const ends = new Uint32Array(size);
    const breaks = new Uint8Array(size);
    const wordAt = new Int32Array(size);
    const anchored = new Int32Array(size);
    const planned = new Int32Array(size);
    ids.set(this.ids);
    starts.set(this.starts);
    ends.set(this.ends);
    breaks.set(this.breaks);
    wordAt.set(this.wordAt);
    anchored.set(this.anchored);
    planned.set(this.planned);
    this.anchored = anchored;
    this.planned = planned;
    this.ids = ids;
    this.starts = starts;
    this.ends = ends;
    this.breaks = breaks;
    this.wordAt = wordAt;
  }

  /**
   * Reads one block: the fast loop (`scan`) goes as far as it can, and each rarer case it stops
   * at goes to a method (apostrophe and new words to `slowWord`, canonical names to
   * `canonical`, other rules to `window`) before it goes on.
   */
  private readBlock(text: string, start: number, end: number): void {
    this.lastEnd = -1;
    this.shingle = 0; // shingles never cross a block
    let i = start;
    while (i < end) {
      // Whether punctuation lies between the last token and i (the first token of a block breaks).
      i = this.scan(text, i, end, breakBefore(text, this.lastEnd, i));
      const stop = this.stop;
      this.stop = Stop.End;
      if (stop === Stop.Slow) i = this.slowWord(text, this.ws, end);
      else if (stop === Stop.Canon) i = this.canonical(text, this.ws, this.we, i, end, this.hit);
      else if (stop === Stop.Rare) i = this.window(text, this.ws, end, -1, RARE_REACH);
      else if (stop === Stop.Full) this.grow();
      else if (stop === Stop.Other) {
        const cls = charClass(text.charCodeAt(i));
        if (cls === CHAR_LETTER || cls === CHAR_DIGIT) i = this.window(text, i, end, -1, RARE_REACH);
        else {
          if (cls === CHAR_PERCENT) this.push(Sign.Percent, this.percentId, i, i + 1, text);
          else if (cls === CHAR_AMP) this.push(Sign.And, this.andId, i, i + 1, text);
          i++;
        }
      }
    }
  }

  /**
   * The hot loop: reads plain words (letters and digits, ending at a space or at punctuation
   * that starts no rule, or a possessive "'s") from i, looks them up and pushes them, until the
   * block ends or something rarer comes: then it sets `stop` (and `ws`, `we`, `hit` for a word)
   * and returns where that is. `gap` is 1 when punctuation lies between the last token and i:
   * the loop sees every character after that, so it tracks breaks itself. It makes no calls
   * (around a call V8 keeps the loop's variables on the stack) and keeps the arrays in locals.
   */
  private scan(text: string, from: number, end: number, gap: number): number {
    const { i32, ids, starts, ends, breaks, wordAt, anchored, planned, percentId, andId } = this;
    // 1 when '%' or '&' (the tokens "percent", "and") is an anchor: noted like any other token.
    const percentAnchors = this.anchors(percentId) ? 1 : 0;
    const andAnchors = this.anchors(andId) ? 1 : 0;
    const percentPlan = markOf(this.planMarks, percentId) << Flag.PlanShift;
    const andPlan = markOf(this.planMarks, andId) << Flag.PlanShift;
    const cap = ids.length;
    const shift = 32 - this.bits;
    const mask = (1 << this.bits) - 1;
    const sym = SYM; // locals: loaded once, not on every use
    const plainEnd = PLAIN_END;
    const breaking = BREAKS;
    let n = this.n;
    let na = this.na;
    let np = this.np;
    let shingle = this.shingle;
    let last = this.lastEnd;
    let stop: Stop = Stop.End;
    let i = from;
    let ws = i;
    let we = i; // the token's end: before a possessive's "'s"
    let slot = 0;
    while (i < end) {
      let c = text.charCodeAt(i);
      let s = sym[c]!;
      if (s === 0) {
        // Between words: only '%' and '&' need more, and non-ASCII characters go to readBlock.
        if (c >= 128) {
          stop = Stop.Other;
          break;
        }
        if (c === 37 || c === 38) {
          // '%' is the token "percent", '&' "and".
          if (n === cap) {
            ws = i;
            stop = Stop.Full;
            break;
          }
          wordAt[n] = c === 37 ? Sign.Percent : Sign.And;
          ids[n] = c === 37 ? percentId : andId;
          anchored[na] = n;
          na += c === 37 ? percentAnchors : andAnchors;
          const plan = c === 37 ? percentPlan : andPlan;
          shingle = plan & ((shingle << 1) | Flag.First);
          planned[np] = n;
          np += ((plan >>> Flag.PlanShift) | (shingle >>> Flag.ThirdShift)) & 1;
          starts[n] = i;
          ends[n] = i + 1;
          breaks[n] = gap;
          n++;
          last = i + 1;
          gap = 0;
        } else if (gap === 0) {
          gap = breaking[c]!;
        }
        i++;
        continue;
      }
      for (;;) {
        ws = i;
        let k1 = s;
        let k2 = 0;
        let k3 = 0;
        c = 32; // the character after the word (a space at the block end)
        let lim = ws + Key.Chars < end ? ws + Key.Chars : end;
        // Key digits inside a word come from arithmetic, not SYM: in V8 each load from a
        // table costs a map check, two pointer loads and a bounds check (~2.5% of the pass).
        for (i++; i < lim; i++) {
          c = text.charCodeAt(i);
          s = (c | 32) - 96; // a letter's digit, 1-26
          if ((s - 1) >>> 0 >= 26) {
            s = c - 21; // a digit's, 27-36
            if ((s - 27) >>> 0 >= 10) break;
          }
          k1 = (Math.imul(k1, Key.Base) + s) | 0;
        }
        if (i === lim) {
          // Six characters (or the block's end): a longer word goes on in k2, then in k3.
          c = 32;
          lim = i + Key.Chars < end ? i + Key.Chars : end;
          for (; i < lim; i++) {
            c = text.charCodeAt(i);
            s = (c | 32) - 96;
            if ((s - 1) >>> 0 >= 26) {
              s = c - 21;
              if ((s - 27) >>> 0 >= 10) break;
            }
            k2 = (Math.imul(k2, Key.Base) + s) | 0;
          }
          if (i === lim) {
            c = 32;
            for (; i < end; i++) {
              c = text.charCodeAt(i);
              s = (c | 32) - 96;
              if ((s - 1) >>> 0 >= 26) {
                s = c - 21;
                if ((s - 27) >>> 0 >= 10) break;
              }
              k3 = (Math.imul(k3, Key.Base) + s) | 0;
            }
            if (i === end) c = 32;
            if (i - ws > 3 * Key.Chars) {
              stop = Stop.Slow; // too long for exact keys: compared character by character
              break;
            }
          }
        }
        we = i;
        // The word flags that stop the loop here: a canonical word always, an abbreviation
        // when a period follows ("St."), a contraction when "'s" follows ("it's"). One test of
        // the word's flags against it, not one per flag (~1%).
        let stops = Flag.CanonMask;
        if (c !== 32) {
          if (c === 46 || c === 44) {
            const d = i + 1 < end ? text.charCodeAt(i + 1) : 32;
            // Decimals ("2.5"), thousands ("1,300"), acronyms ("U.S.") need a letter or digit
            // right after, maybe behind an invisible character (the general reader looks).
            if (c === 46) {
              if (sym[d] !== 0) {
                stop = Stop.Rare;
                break;
              }
              if (d >= 128) {
                stop = Stop.Slow;
                break;
              }
              stops |= Flag.Dotted;
            } else if (isDigit(text.charCodeAt(i - 1)) && (isDigit(d) || d >= 128)) {
              stop = Stop.Rare;
              break;
            }
          } else if (
            (c === 39 || c === 0x2019) &&
            i + 2 <= end &&
            (text.charCodeAt(i + 1) | 32) === 115 &&
            isLetter(text.charCodeAt(i - 1)) &&
            (i + 2 === end || plainEnd[text.charCodeAt(i + 2)] === 1)
          ) {
            // A possessive ("Frey's", "Frey’s"): the token is the word before the apostrophe.
            i += 2;
            stops |= Flag.KeepS;
          } else if (c === 39 || c === 96 || c >= 128) {
            stop = Stop.Slow; // other apostrophes, non-ASCII: maybe more word
            break;
          }
        }
        slot = slotOf(k1, k2, k3, shift);
        let at = i32[slot << 3]!;
        while (
          at !== 0 &&
          (at !== k1 || i32[(slot << 3) | Field.K2] !== k2 || i32[(slot << 3) | Field.K3] !== k3)
        ) {
          slot = (slot + 1) & mask;
          at = i32[slot << 3]!;
        }
        if (at === 0) {
          stop = Stop.Slow; // a new word: slowWord adds it (the table may grow)
          break;
        }
        const meta = i32[(slot << 3) | Field.Meta]!;
        const m = meta & stops;
        if (m !== 0) {
          // "it's": a contraction, the token is the whole word; "St.", "Jan.": the tokenizer
          // reads the period with the abbreviation; else maybe the start of a canonical name
          // ("Homeland Security").
          stop = (m & Flag.KeepS) !== 0 ? Stop.Slow : (m & Flag.Dotted) !== 0 ? Stop.Rare : Stop.Canon;
          break;
        }
        if (n === cap) {
          stop = Stop.Full;
          break;
        }
        wordAt[n] = i32[(slot << 3) | Field.Word]!;
        ids[n] = i32[(slot << 3) | Field.Id]!;
        // An anchor's position is noted by counting it, not by a test: a position is stored
        // at every token (na <= n, so in bounds) and kept only when the flag adds one. About
        // one token in ten anchors, in no pattern: a branch would mispredict on them.
        anchored[na] = n;
        na += (meta >>> Flag.AnchorShift) & 1;
        // The plan's positions, noted the same way: the word's own mark, or the third of three
        // shingle marks in a row (meta's shingle bits, each kept only where the last one was).
        shingle = meta & ((shingle << 1) | Flag.First);
        planned[np] = n;
        np += ((meta >>> Flag.PlanShift) | (shingle >>> Flag.ThirdShift)) & 1;
        starts[n] = ws;
        ends[n] = we;
        breaks[n] = gap;
        n++;
        last = we;
        // What lies between this token and the next: a dropped "'s" breaks (its "s" is a letter).
        gap = we === i ? 0 : 1;
        // One space and another word: go on without going back to the loop above.
        if (c !== 32 || i + 1 >= end) break;
        c = text.charCodeAt(i + 1);
        s = (c | 32) - 96;
        if ((s - 1) >>> 0 >= 26) {
          s = c - 21;
          if ((s - 27) >>> 0 >= 10) break;
        }
        i++;
      }
      if (stop !== Stop.End) break;
    }
    this.n = n;
    this.na = na;
    this.np = np;
    this.shingle = shingle;
    this.lastEnd = last;
    this.stop = stop;
    this.ws = ws;
    this.we = we;
    this.hit = slot;
    // A word to hand over is read again from its start (the canonical one reads on after it).
    return stop === Stop.Slow || stop === Stop.Rare || stop === Stop.Full ? ws : i;
  }

  /** One word from ws through the general reader: apostrophes, abbreviations, canonical names, new words. */
  private slowWord(text: string, ws: number, end: number): number {
    const j = this.readWord(text, ws, end);
    if (j < 0) return this.window(text, ws, end, -1, RARE_REACH);
    const slot = this.hit;
    const meta = this.i32[(slot << 3) | Field.Meta]!;
    if ((meta & Flag.Dotted) !== 0 && this.tokEnd === j && j < end && text.charCodeAt(j) === 46) {
      // An abbreviation ("St.", "Jan."): the tokenizer reads the period with it.
      return this.window(text, ws, end, -1, RARE_REACH);
    }
    if ((meta & Flag.CanonMask) !== 0) return this.canonical(text, ws, this.tokEnd, j, end, slot);
    this.push(this.i32[(slot << 3) | Field.Word]!, this.i32[(slot << 3) | Field.Id]!, ws, this.tokEnd, text);
    return j;
  }

  /**
   * A word that starts canonical phrases ("homeland" in "Homeland Security", its raw word
   * text[ws, we), read up to j): tries them as the tokenizer does, longest first, on the raw
   * words that follow, and pushes the replacement tokens or the word itself; returns where
   * reading goes on. When a word it needs is one the fast path cannot read, the tokenizer decides.
   */
  private canonical(text: string, ws: number, we: number, j: number, end: number, slot: number): number {
    const w = this.i32[(slot << 3) | Field.Word]!;
    const id = this.i32[(slot << 3) | Field.Id]!;
    const phrases = wordRules.canonicalPhrases(this.dict[w]!);
    const follow = this.follow;
    let read = 0; // raw words read after this one
    let stopped = false; // the next raw word cannot be part of a phrase
    for (const phrase of phrases) {
      const len = phrase.from.length;
      let k = 1;
      for (; k < len; k++) {
        if (read < k) {
          if (stopped) break;
          const got =
            read === 0
              ? this.nextRaw(text, we, j, end)
              : this.nextRaw(text, follow.ends[read - 1]!, follow.resumes[read - 1]!, end);
          if (got < 0) return this.window(text, ws, end, j, phrases[0]!.from.length - 1);
          if (got === 0) {
            stopped = true;
            break;
          }
          follow.words[read] = this.rawWord;
          follow.ends[read] = this.rawEnd;
          follow.resumes[read] = this.rawResume;
          read++;
        }
        if (follow.words[k - 1] !== phrase.from[k]) break;
      }
      if (k === len) {
        // Every replacement token maps to the whole phrase it replaced.
        const e = len === 1 ? we : follow.ends[len - 2]!;
        for (const t of phrase.to) this.push(this.extra(t), this.canonId(t), ws, e, text);
        return len === 1 ? j : follow.resumes[len - 2]!;
      }
    }
    this.push(w, id, ws, we, text);
    return j;
  }

  /**
   * Reads the raw word after one whose token ended at `prevEnd` (reading went on at `pos`) into
   * rawWord, rawEnd and rawResume. Returns 1 when it may continue a canonical phrase, 0 when it
   * cannot (more than a few spaces between, or none left in the block), -1 when only the
   * tokenizer can tell what it is.
   */
  private nextRaw(text: string, prevEnd: number, pos: number, end: number): number {
    if (prevEnd !== pos) return 0; // a dropped possessive "'s" lies between: not only spaces
    let q = pos;
    while (q < end && q - pos <= 3 && isSpace(text.charCodeAt(q))) q++;
    if (q >= end || !wordRules.phraseGap(text, pos, q)) return 0;
    const c = text.charCodeAt(q);
    if (SYM[c] !== 0) {
      const j = this.readWord(text, q, end);
      if (j < 0) return -1;
      const slot = this.hit;
      // "St." and the like: the raw word has the period (handled by the tokenizer).
      if (
        (this.i32[(slot << 3) | Field.Meta]! & Flag.Dotted) !== 0 &&
        this.tokEnd === j &&
        j < end &&
        text.charCodeAt(j) === 46
      )
        return -1;
      this.rawWord = this.dict[this.i32[(slot << 3) | Field.Word]!]!;
      this.rawEnd = this.tokEnd;
      this.rawResume = j;
      return 1;
    }
    const cls = c < 128 ? (c === 37 ? CHAR_PERCENT : c === 38 ? CHAR_AMP : CHAR_SEP) : charClass(c);
    if (cls === CHAR_PERCENT || cls === CHAR_AMP) {
      this.rawWord = cls === CHAR_PERCENT ? 'percent' : 'and';
      this.rawEnd = this.rawResume = q + 1;
      return 1;
    }
    // A letter or digit the fast path cannot read; anything else is not a space, so no phrase
    // goes past it.
    return cls === CHAR_LETTER || cls === CHAR_DIGIT ? -1 : 0;
  }

  /** The id of a canonical replacement token. */
  private canonId(t: string): number {
    let id = this.canonIds.get(t);
    if (id === undefined) {
      id = this.vocab.get(stem(t));
      this.canonIds.set(t, id);
    }
    return id;
  }

  /**
   * Hands text from the word start `from` to the tokenizer, up to the first whitespace (or the
   * block end) that no rule or canonical phrase begun before it can cross, and returns that point.
   * Reading goes on at `resume` (after a word read whole), or at the next whitespace when -1;
   * `reach` raw words must follow before the window may end.
   */
  private window(text: string, from: number, end: number, resume: number, reach: number): number {
    let pos = resume < 0 ? nextCut(text, from, end) : resume;
    let left = reach;
    for (;;) {
      // The gap before the next word. '%' and '&' are raw words too, but not counting them only
      // makes the window longer.
      while (pos < end) {
        const c = text.charCodeAt(pos);
        if (SYM[c] !== 0) break;
        if (isCut(c)) {
          if (left <= 0) {
            this.fallBack(text, from, pos);
            return pos;
          }
        } else if (c >= 128) {
          const cls = charClass(c);
          if (cls === CHAR_LETTER || cls === CHAR_DIGIT) {
            // Words the fast path cannot read: how many there are and what they start is unknown.
            pos = nextCut(text, pos, end);
            left = Math.max(left, RARE_REACH);
            continue;
          }
        }
        pos++;
      }
      if (pos >= end) break;
      const j = this.readWord(text, pos, end);
      const meta = j < 0 ? 0 : this.i32[(this.hit << 3) | Field.Meta]!;
      if (
        j < 0 ||
        ((meta & Flag.Dotted) !== 0 && this.tokEnd === j && j < end && text.charCodeAt(j) === 46)
      ) {
        pos = nextCut(text, pos, end);
        left = Math.max(left, RARE_REACH);
        continue;
      }
      // One more raw word: it may start a phrase of its own.
      left = Math.max(left - 1, ((meta & Flag.CanonMask) >>> Flag.CanonShift) - 1);
      pos = j;
    }
    this.fallBack(text, from, end);
    return end;
  }

  /** Text [from, end), from a word start, through the tokenizer (a rare rule may apply). */
  private fallBack(text: string, from: number, end: number): void {
    const t = tokenize(text, from, end);
    if (t.length === 0) return;
    const ids = this.vocab.idsOf(t.words);
    // The tokenizer saw no previous token: the first one's break is this block's.
    this.push(this.extra(t.words[0]!), ids[0]!, t.starts[0]!, t.ends[0]!, text);
    for (let k = 1; k < t.length; k++)
      this.pushRaw(this.extra(t.words[k]!), ids[k]!, t.starts[k]!, t.ends[k]!, t.breaks[k]!);
    this.lastEnd = t.ends[t.length - 1]!;
  }

  /**
   * Reads the word starting at ws (an ASCII letter or digit), leaving its table slot in `hit`
   * and its token's end in `tokEnd`; returns the index after it, or -1 when a rule of the
   * tokenizer's could apply.
   */
  private readWord(text: string, ws: number, end: number): number {
    let j = ws;
    let lastApos = -1;
    for (;;) {
      let c = 0;
      while (j < end) {
        c = text.charCodeAt(j);
        if (SYM[c] === 0) break;
        j++;
      }
      if (j >= end) break;
      // c stops the run: an apostrophe inside a word goes on, a period or comma may be a rule.
      if (c === 46 || c === 44) {
        const d = j + 1 < end ? text.charCodeAt(j + 1) : 32;
        const afterDigit = isDigit(text.charCodeAt(j - 1));
        // Decimals ("2.5"), thousands ("1,300"), acronyms ("U.S.") need a letter or digit right
        // after, maybe behind an invisible character: then the tokenizer decides.
        if (c === 44 ? afterDigit && (isDigit(d) || d >= 128) : isLetter(d) || isDigit(d) || mayHideWord(d))
          return -1;
        break;
      }
      const cls = c < 128 ? (c === 39 || c === 96 ? CHAR_APOS : CHAR_SEP) : charClass(c);
      if (cls === CHAR_APOS) {
        if (!isLetter(text.charCodeAt(j - 1))) break; // after a digit: not inside a word
        const d = j + 1 < end ? text.charCodeAt(j + 1) : 32;
        if (mayHideWord(d)) return -1;
        if (!isLetter(d)) break;
        lastApos = j;
        j++;
        continue;
      }
      // Non-ASCII letters and digits, diacritics and invisible characters: the tokenizer decides.
      if (cls !== CHAR_SEP && cls !== CHAR_PERCENT && cls !== CHAR_AMP) return -1;
      break;
    }
    // Possessive 's is dropped ("Frey's" → "frey"); contractions ("it's") stay whole.
    if (lastApos >= 0 && lastApos === j - 2 && (text.charCodeAt(j - 1) | 32) === 115) {
      const base = this.lookup(text, ws, lastApos);
      if ((this.i32[(base << 3) | Field.Meta]! & Flag.KeepS) === 0) {
        this.hit = base;
        this.tokEnd = lastApos;
        return j;
      }
    }
    this.hit = this.lookup(text, ws, j);
    this.tokEnd = j;
    return j;
  }

  /** Sets k1, k2 and k3 to the key of the word text[from, to) (letters, digits, apostrophes). */
  private keyOf(text: string, from: number, to: number): void {
    let k1 = 0;
    let k2 = 0;
    let k3 = 0;
    for (let k = from; k < to; k++) {
      const s = SYM[text.charCodeAt(k)] || Key.AposDigit; // any other character in such a word is an apostrophe
      if (k - from < Key.Chars) k1 = (Math.imul(k1, Key.Base) + s) | 0;
      else if (k - from < 2 * Key.Chars) k2 = (Math.imul(k2, Key.Base) + s) | 0;
      else k3 = (Math.imul(k3, Key.Base) + s) | 0;
    }
    if (to - from > 3 * Key.Chars) {
      let h = 0x811c9dc5;
      for (let k = from; k < to; k++) h = Math.imul(h ^ norm(text.charCodeAt(k)), 0x01000193);
      k3 = -1 - (h & Key.HashMask);
    }
    this.k1 = k1;
    this.k2 = k2;
    this.k3 = k3;
  }

  /** The table slot of the word text[from, to) (letters, digits, apostrophes), added when new. */
  private lookup(text: string, from: number, to: number): number {
    this.keyOf(text, from, to);
    const { k1, k2, k3, i32 } = this;
    const mask = (1 << this.bits) - 1;
    let slot = slotOf(k1, k2, k3, 32 - this.bits);
    for (;;) {
      const at = i32[slot << 3]!;
      if (at === 0) break;
      if (
        at === k1 &&
        i32[(slot << 3) | Field.K2] === k2 &&
        i32[(slot << 3) | Field.K3] === k3 &&
        (!hashed(k3) || this.sameWord(slot, text, from, to))
      )
        return slot;
      slot = (slot + 1) & mask;
    }
    return this.add(text, from, to, k1, k2, k3);
  }

  /** Is the word in `slot` the word text[from, to)? (For long words, whose k3 is a hash.) */
  private sameWord(slot: number, text: string, from: number, to: number): boolean {
    const w = this.dict[this.i32[(slot << 3) | Field.Word]!]!;
    if (w.length !== to - from) return false;
    for (let k = 0; k < w.length; k++) if (norm(text.charCodeAt(from + k)) !== w.charCodeAt(k)) return false;
    return true;
  }

  /** Adds the word text[from, to) under (k1, k2, k3), growing (or, past the largest size, emptying) the table. */
  private add(text: string, from: number, to: number, k1: number, k2: number, k3: number): number {
    if (2 * (this.entries + 1) > 1 << this.bits) {
      if (this.bits < MAX_BITS) this.rehash(this.bits + 1);
      else this.rehash(MIN_BITS, true); // a huge page of distinct words: start over rather than grow
    }
    const i32 = this.i32;
    const mask = (1 << this.bits) - 1;
    let slot = slotOf(k1, k2, k3, 32 - this.bits);
    while (i32[slot << 3] !== 0) slot = (slot + 1) & mask;
    let word = '';
    for (let c = from; c < to; c++) word += String.fromCharCode(norm(text.charCodeAt(c)));
    const id = this.vocab.get(stem(word));
    i32[slot << 3] = k1;
    i32[(slot << 3) | Field.K2] = k2;
    i32[(slot << 3) | Field.K3] = k3;
    i32[(slot << 3) | Field.Id] = id;
    i32[(slot << 3) | Field.Word] = this.dict.length;
    i32[(slot << 3) | Field.Meta] =
      (this.anchors(id) ? 1 << Flag.AnchorShift : 0) |
      (markOf(this.planMarks, id) << Flag.PlanShift) |
      (Math.min(wordRules.canonicalLength(word), 15) << Flag.CanonShift) |
      (wordRules.dotted(word) ? Flag.Dotted : 0) |
      (wordRules.keepsS(word) ? Flag.KeepS : 0);
    this.dict.push(word);
    this.entries++;
    return slot;
  }

  /** Moves every entry into a table of 2 ** bits slots, or drops them all when `empty`. */
  private rehash(bits: number, empty = false): void {
    const old = this.i32;
    this.bits = bits;
    this.i32 = new Int32Array(8 << bits);
    if (empty) {
      this.entries = 0; // dict keeps its words until the read ends (read() then resets)
      return;
    }
    const i32 = this.i32;
    const mask = (1 << bits) - 1;
    for (let s = 0; s << 3 < old.length; s++) {
      const k1 = old[s << 3]!;
      if (k1 === 0) continue;
      const k2 = old[(s << 3) | Field.K2]!;
      const k3 = old[(s << 3) | Field.K3]!;
      let slot = slotOf(k1, k2, k3, 32 - bits);
      while (i32[slot << 3] !== 0) slot = (slot + 1) & mask;
      i32[slot << 3] = k1;
      i32[(slot << 3) | Field.K2] = k2;
      i32[(slot << 3) | Field.K3] = k3;
      i32[(slot << 3) | Field.Id] = old[(s << 3) | Field.Id]!;
      i32[(slot << 3) | Field.Meta] = old[(s << 3) | Field.Meta]!;
      i32[(slot << 3) | Field.Word] = old[(s << 3) | Field.Word]!;
    }
  }
}
