// The first pass over a page: token ids, offsets and breaks straight from the characters.
//
// Recognition and the block plan need every token's dataset id, but most of a page's words are
// never linked, so making a lowercase string per word, looking up canonical phrases and then
// stemming each word again (`tokenizeRanges` + `Vocabulary.idsOf`) is wasted on them. This pass
// reads plain ASCII words (and apostrophe words: "we're", "Frey's" with its possessive dropped)
// in one charCode loop, hashing each word as it goes into a table of the page words seen so far
// with their ids. Wherever a rarer rule could apply (a non-ASCII letter, a zero-width character,
// a decimal or dotted abbreviation, a thousands comma, the first word of a canonical name such
// as "Homeland Security") the rest of the block is handed to the tokenizer, so the output is
// exactly `tokenizeRanges` + `idsOf` (test/match/firstpass.test.ts compares them).

import {
  CHAR_AMP,
  CHAR_APOS,
  CHAR_DIGIT,
  CHAR_LETTER,
  CHAR_PERCENT,
  CHAR_SEP,
  charClass,
  breakBefore,
  stem,
  tokenize,
  wordRules,
} from './normalize';
import type { Vocabulary } from './phrases';

/** Tokens of a text with their dataset ids, original offsets and phrase breaks (a linker `TokenView`). */
export interface IdTokens {
  /** Normalized words, as `tokenize` gives them (shared strings: a repeated word costs nothing). */
  words: string[];
  ids: Int32Array;
  starts: Uint32Array;
  ends: Uint32Array;
  /** 1 when punctuation (not a hyphen or apostrophe) separates the token from the one before. */
  breaks: Uint8Array;
  length: number;
}

const SLOTS = 1 << 15;
const MAX_WORDS = SLOTS >>> 1; // start over past half full: probes stay short

/** Word flags kept next to each table entry. */
const CANON = 1; // starts a canonical phrase: the tokenizer decides
const DOTTED = 2; // "word." is an abbreviation: the tokenizer decides when a period follows
const KEEP_S = 4; // "word's" is a contraction, not a possessive

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

/** Could this character be (or hide, being invisible) a letter or digit for the tokenizer? */
function mayHideWord(c: number): boolean {
  if (c < 128) return false;
  const cls = charClass(c);
  return cls !== CHAR_SEP && cls !== CHAR_APOS && cls !== CHAR_PERCENT && cls !== CHAR_AMP;
}

/** Reads pages into token ids for one vocabulary (one per matcher: ids depend on the dataset). */
export class FirstPass {
  private hashes = new Int32Array(SLOTS);
  private words: (string | undefined)[] = new Array<string | undefined>(SLOTS);
  private wordIds = new Int32Array(SLOTS);
  private flags = new Uint8Array(SLOTS);
  private count = 0;
  private vocabSize: number;
  private readonly percentId: number;
  private readonly andId: number;
  private out = {
    ids: new Int32Array(1024),
    starts: new Uint32Array(1024),
    ends: new Uint32Array(1024),
    breaks: new Uint8Array(1024),
  };
  private outWords: string[] = [];
  private n = 0;
  private lastEnd = -1;

  constructor(private readonly vocab: Vocabulary) {
    this.vocabSize = vocab.size;
    this.percentId = vocab.get(stem('percent'));
    this.andId = vocab.get(stem('and'));
  }

  /** Tokens of each block [starts[b], ends[b]) on its own, concatenated: as `tokenizeRanges` + `idsOf`. */
  read(text: string, starts: Uint32Array, ends: Uint32Array): IdTokens {
    if (this.vocab.size !== this.vocabSize) this.reset(); // a new stem may give a word an id
    this.n = 0;
    for (let b = 0; b < starts.length; b++) {
      const s = starts[b]!;
      const e = ends[b]!;
      if (s < 0 || e > text.length || s > e) {
        throw new RangeError(
          `FirstPass.read: block ${b} [${s}, ${e}) is outside the text (length ${text.length})`,
        );
      }
      this.readBlock(text, s, e);
    }
    const { ids, starts: ts, ends: te, breaks } = this.out;
    const n = this.n;
    const words = this.outWords;
    this.outWords = []; // handed over: the caller keeps it
    return {
      words: words.length === n ? words : words.slice(0, n),
      ids: ids.slice(0, n),
      starts: ts.slice(0, n),
      ends: te.slice(0, n),
      breaks: breaks.slice(0, n),
      length: n,
    };
  }

  private reset(): void {
    this.hashes = new Int32Array(SLOTS);
    this.words = new Array<string | undefined>(SLOTS);
    this.wordIds = new Int32Array(SLOTS);
    this.flags = new Uint8Array(SLOTS);
    this.count = 0;
    this.vocabSize = this.vocab.size;
  }

  private push(word: string, id: number, s: number, e: number, text: string): void {
    // As the tokenizer: the first token of a block breaks; one plain space never does.
    this.pushRaw(word, id, s, e, breakBefore(text, this.lastEnd, s));
    this.lastEnd = e;
  }

  private pushRaw(word: string, id: number, s: number, e: number, brk: number): void {
    let o = this.out;
    if (this.n === o.ids.length) {
      const size = this.n * 2;
      const grown = {
        ids: new Int32Array(size),
        starts: new Uint32Array(size),
        ends: new Uint32Array(size),
        breaks: new Uint8Array(size),
      };
      grown.ids.set(o.ids);
      grown.starts.set(o.starts);
      grown.ends.set(o.ends);
      grown.breaks.set(o.breaks);
      this.out = o = grown;
    }
    const n = this.n++;
    this.outWords[n] = word;
    o.ids[n] = id;
    o.starts[n] = s;
    o.ends[n] = e;
    o.breaks[n] = brk;
  }

  /** The rest of a block [from, end), from a word start, through the tokenizer (a rare rule may apply). */
  private fallBack(text: string, from: number, end: number): void {
    const t = tokenize(text, from, end);
    if (t.length === 0) return;
    const ids = this.vocab.idsOf(t.words);
    // The tokenizer saw no previous token: the first one's break is this block's.
    this.push(t.words[0]!, ids[0]!, t.starts[0]!, t.ends[0]!, text);
    for (let k = 1; k < t.length; k++)
      this.pushRaw(t.words[k]!, ids[k]!, t.starts[k]!, t.ends[k]!, t.breaks[k]!);
    this.lastEnd = t.ends[t.length - 1]!;
  }

  private readBlock(text: string, start: number, end: number): void {
    this.lastEnd = -1;
    let i = start;
    while (i < end) {
      const c = text.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
        const next = this.readWord(text, i, end);
        if (next < 0) {
          this.fallBack(text, i, end);
          return;
        }
        i = next;
      } else if (c === 37) {
        this.push('percent', this.percentId, i, i + 1, text);
        i++;
      } else if (c === 38) {
        this.push('and', this.andId, i, i + 1, text);
        i++;
      } else if (c < 128) {
        i++;
      } else {
        const cls = charClass(c);
        if (cls === CHAR_LETTER || cls === CHAR_DIGIT) {
          this.fallBack(text, i, end);
          return;
        }
        if (cls === CHAR_PERCENT) this.push('percent', this.percentId, i, i + 1, text);
        else if (cls === CHAR_AMP) this.push('and', this.andId, i, i + 1, text);
        i++;
      }
    }
  }

  /**
   * Reads the word starting at ws (an ASCII letter or digit) and pushes its token; returns the
   * index after it, or -1 when a rule of the tokenizer's could apply (nothing pushed).
   */
  private readWord(text: string, ws: number, end: number): number {
    let j = ws;
    let hash = 0;
    let lastApos = -1;
    let baseHash = 0; // hash of the word before its last apostrophe
    for (;;) {
      let c = 0;
      while (j < end) {
        c = text.charCodeAt(j);
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) hash = Math.imul(hash ^ c, 0x01000193);
        else if (c >= 65 && c <= 90) hash = Math.imul(hash ^ (c | 32), 0x01000193);
        else break;
        j++;
      }
      if (j >= end) break;
      // c stops the run: an apostrophe inside a word goes on, a period or comma may be a rule.
      if (c === 46 || c === 44) {
        const d = j + 1 < end ? text.charCodeAt(j + 1) : 32;
        const p = text.charCodeAt(j - 1);
        const afterDigit = p >= 48 && p <= 57;
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
        baseHash = hash;
        hash = Math.imul(hash ^ 39, 0x01000193);
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
      const base = this.lookup(text, ws, lastApos, baseHash);
      const flags = this.flags[base]!;
      if ((flags & KEEP_S) === 0) {
        if ((flags & CANON) !== 0) return -1;
        this.push(this.words[base]!, this.wordIds[base]!, ws, lastApos, text);
        return j;
      }
    }
    const slot = this.lookup(text, ws, j, hash);
    const flags = this.flags[slot]!;
    if ((flags & CANON) !== 0) return -1;
    if ((flags & DOTTED) !== 0 && j < end && text.charCodeAt(j) === 46) return -1;
    this.push(this.words[slot]!, this.wordIds[slot]!, ws, j, text);
    return j;
  }

  /** The table slot of the word text[from, to) (letters, digits, apostrophes), added when new. */
  private lookup(text: string, from: number, to: number, hash: number): number {
    const len = to - from;
    let slot = hash & (SLOTS - 1);
    for (;;) {
      const w = this.words[slot];
      if (w === undefined) break;
      if (this.hashes[slot] === hash && w.length === len) {
        let k = 0;
        while (k < len && norm(text.charCodeAt(from + k)) === w.charCodeAt(k)) k++;
        if (k === len) return slot;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
    if (this.count >= MAX_WORDS) {
      // A huge page of distinct words: start over rather than grow.
      this.reset();
      slot = hash & (SLOTS - 1);
    }
    let word = '';
    for (let k = from; k < to; k++) word += String.fromCharCode(norm(text.charCodeAt(k)));
    this.hashes[slot] = hash;
    this.words[slot] = word;
    this.wordIds[slot] = this.vocab.get(stem(word));
    this.flags[slot] =
      (wordRules.startsCanonical(word) ? CANON : 0) |
      (wordRules.dotted(word) ? DOTTED : 0) |
      (wordRules.keepsS(word) ? KEEP_S : 0);
    this.count++;
    return slot;
  }
}
