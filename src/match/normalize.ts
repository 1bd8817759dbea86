// Normalization and tokenization with a map back to the original text.
//
// Pages and the dataset spell the same words differently: curly or straight quotes, dashes,
// non-breaking and zero-width spaces, case, diacritics, "1,300%" or "1300 percent", "&" or "and",
// "ICE" or "Immigration and Customs Enforcement", "St." or "Street". Everything that compares
// words goes through `tokenize`, so both sides end up with the same tokens, and every token
// keeps the original offsets it came from (typed arrays: this runs over 1 MB pages).
//
// Tokens are lowercase words without punctuation. A token made by a rule (an abbreviation, a
// number with commas, "%", a multi-word name) maps back to the whole original unit it replaced.

/** Tokens of a text range: normalized words plus the original [start, end) of each. */
export interface Tokens {
  /** Normalized words, e.g. ['dhs', 'said', '1300', 'percent']. */
  words: string[];
  starts: Uint32Array;
  ends: Uint32Array;
  /** 1 when the word has exactly one character per original character (a char-level map exists). */
  exact: Uint8Array;
  /** 1 when punctuation (not a hyphen or apostrophe) separates the word from the one before. */
  breaks: Uint8Array;
  length: number;
}

/** A normalized string with, for every character, the original range it came from. */
export interface NormalizedText {
  text: string; // tokens joined by single spaces
  /** Original start of the unit that produced normalized character i. */
  starts: Uint32Array;
  /** Original end of the unit that produced normalized character i. */
  ends: Uint32Array;
}

// ---------------------------------------------------------------------------------------------
// Character classes. ASCII is a fixed table; other characters are classified once, on first
// sight, into a 64 K table, so the hot loop is one typed-array read per character.

const SEP = 1; // anything that separates words
const LETTER = 2;
const DIGIT = 3;
const APOS = 4; // ' ’ ‘ ʼ: inside a word ("we're") it stays, elsewhere it separates
const DOT = 5;
const COMMA = 6;
const PERCENT = 7;
const AMP = 8;
const IGNORE = 9; // zero-width characters and soft hyphens: dropped without breaking the word
const MARK = 10; // combining marks: dropped (diacritics), part of the word

const classes = new Uint8Array(65536); // 0 = not classified yet
/** Lowercase, diacritic-free replacement for non-ASCII letters ('' = drop). */
const letterRepl = new Map<number, string>();

for (let c = 0; c < 128; c++) {
  let cls = SEP;
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) cls = LETTER;
  else if (c >= 48 && c <= 57) cls = DIGIT;
  else if (c === 39 || c === 96)
    cls = APOS; // ' and `
  else if (c === 46) cls = DOT;
  else if (c === 44) cls = COMMA;
  else if (c === 37) cls = PERCENT;
  else if (c === 38) cls = AMP;
  classes[c] = cls;
}

const LETTER_RE = /\p{L}/u;
const MARK_RE = /\p{M}/u;
const DIGIT_RE = /\p{Nd}/u;
const MARKS_G = /\p{M}/gu;

function classifySlow(c: number): number {
  let cls = SEP;
  if (c >= 0xd800 && c <= 0xdfff)
    cls = SEP; // astral characters (emoji) separate words
  else if (c === 0x00ad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) cls = IGNORE;
  else if (c === 0x2018 || c === 0x2019 || c === 0x201b || c === 0x02bc || c === 0x2032 || c === 0xff07)
    cls = APOS;
  else if (c === 0xff05) cls = PERCENT;
  else if (c === 0xff06) cls = AMP;
  else {
    const ch = String.fromCharCode(c);
    if (MARK_RE.test(ch)) cls = MARK;
    else if (DIGIT_RE.test(ch)) cls = DIGIT;
    else if (LETTER_RE.test(ch)) {
      // "ß" and "ẞ" become "ss", so normalized text normalizes to itself. NFD splits off the
      // diacritics to drop them; NFC then puts back together what is not a diacritic (a Hangul
      // syllable would otherwise stay as three jamo, and "E.한" would not renormalize to itself).
      const repl = ch
        .toLowerCase()
        .normalize('NFD')
        .replace(MARKS_G, '')
        .normalize('NFC')
        .replace(/ß/g, 'ss');
      letterRepl.set(c, repl);
      cls = LETTER;
    }
  }
  classes[c] = cls;
  return cls;
}

function classOf(c: number): number {
  const cls = classes[c]!;
  return cls === 0 ? classifySlow(c) : cls;
}

/** Character classes the first pass (`firstpass.ts`) tells apart; the tokenizer decides the rest. */
export const CHAR_SEP = SEP;
export const CHAR_LETTER = LETTER;
export const CHAR_DIGIT = DIGIT;
export const CHAR_APOS = APOS;
export const CHAR_PERCENT = PERCENT;
export const CHAR_AMP = AMP;
/** The tokenizer's class of a character (for the first pass, which must read words exactly alike). */
export const charClass = classOf;

/** Is this character whitespace or an invisible space (for gap checks and segmentation)? */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0x1680
  );
}

// ---------------------------------------------------------------------------------------------
// Rule tables.

/** Abbreviations whose trailing period belongs to the word (normalized, with the dot). */
const DOTTED: Record<string, string> = {
  'st.': 'street',
  'ave.': 'avenue',
  'av.': 'avenue',
  'blvd.': 'boulevard',
  'rd.': 'road',
  'pkwy.': 'parkway',
  'hwy.': 'highway',
  'e.': 'east',
  'w.': 'west',
  'n.': 'north',
  's.': 'south',
  'u.s.': 'us',
  'u.s.a.': 'us',
  'mr.': 'mr',
  'mrs.': 'mrs',
  'ms.': 'ms',
  'dr.': 'dr',
  'jr.': 'jr',
  'sr.': 'sr',
  'cmdr.': 'commander',
  'cmdt.': 'commandant',
  'sgt.': 'sergeant',
  'lt.': 'lieutenant',
  'capt.': 'captain',
  'gen.': 'general',
  'col.': 'colonel',
  'gov.': 'governor',
  'sen.': 'senator',
  'rep.': 'representative',
  'sec.': 'secretary',
  'dept.': 'department',
  'atty.': 'attorney',
  'minn.': 'minnesota',
  'ore.': 'oregon',
  'calif.': 'california',
  'jan.': 'january',
  'feb.': 'february',
  'mar.': 'march',
  'apr.': 'april',
  'aug.': 'august',
  'sept.': 'september',
  'sep.': 'september',
  'oct.': 'october',
  'nov.': 'november',
  'dec.': 'december',
  'a.m.': 'am',
  'p.m.': 'pm',
  'vs.': 'versus',
  'inc.': 'inc',
  'etc.': 'etc',
};

/**
 * Words and phrases replaced by one canonical form, so that both spellings match. Keys are
 * normalized token sequences (after DOTTED); values are the replacement tokens.
 */
const CANONICAL: Record<string, string> = {
  'immigration and customs enforcement': 'ice',
  'u.s. immigration and customs enforcement': 'ice',
  'department of homeland security': 'dhs',
  'homeland security department': 'dhs',
  'homeland security': 'dhs',
  'customs and border protection': 'cbp',
  'united states': 'us',
  'st. paul': 'saint paul',
  'st paul': 'saint paul',
  st: 'street',
  ave: 'avenue',
  'per cent': 'percent',
  pct: 'percent',
  mpls: 'minneapolis',
  jan: 'january',
  feb: 'february',
  aug: 'august',
  sept: 'september',
  oct: 'october',
  nov: 'november',
  dec: 'december',
  cmdr: 'commander',
};

/** Words after which "'s" is a contraction ("it's"), not a possessive to drop. */
const KEEP_S = new Set(['it', 'he', 'she', 'that', 'there', 'what', 'who', 'here', 'let', 'where', 'how']);

/** Rules that depend on a plain word, for the first pass (which reads plain words and canonical names itself). */
export const wordRules = {
  /** Is "word." an abbreviation whose period belongs to it ("st.", "cmdr.")? */
  dotted: (word: string): boolean => DOTTED[word + '.'] !== undefined,
  /** Is "'s" after this word a contraction ("it's") rather than a possessive? */
  keepsS: (word: string): boolean => KEEP_S.has(word),
  /** Words in the longest canonical phrase ("homeland security", "st") starting with this raw word (0: none). */
  canonicalLength: (word: string): number => canonByFirst.get(word)?.[0]?.from.length ?? 0,
  /** Words in the longest canonical phrase: none reaches further past its first word. */
  longestCanonical: Math.max(...Object.keys(CANONICAL).map((phrase) => phrase.split(' ').length)),
  /** The canonical phrases starting with this raw word, longest first (the tokenizer tries them in this order). */
  canonicalPhrases: (word: string): readonly CanonicalPhrase[] => canonByFirst.get(word) ?? NO_PHRASES,
  /** May text[from, to) separate two words of a canonical phrase (a few spaces, not a paragraph break)? */
  phraseGap: (text: string, from: number, to: number): boolean => gapIsSpace(text, from, to),
};

/** A canonical phrase: the raw words it is written with and the tokens that replace them. */
export interface CanonicalPhrase {
  readonly from: readonly string[];
  readonly to: readonly string[];
}
const NO_PHRASES: readonly CanonicalPhrase[] = [];

/** First token → entries, longest first. */
const canonByFirst = new Map<string, CanonicalPhrase[]>();
for (const [from, to] of Object.entries(CANONICAL)) {
  const fromWords = from.split(' ');
  const entry = { from: fromWords, to: to.split(' ') };
  const list = canonByFirst.get(fromWords[0]!) ?? [];
  list.push(entry);
  list.sort((a, b) => b.from.length - a.from.length);
  canonByFirst.set(fromWords[0]!, list);
}

// ---------------------------------------------------------------------------------------------
// Tokenizer.

/** A growable token list (reused across calls to avoid allocation per sentence). */
class TokenBuffer {
  words: string[] = [];
  starts = new Uint32Array(256);
  ends = new Uint32Array(256);
  exact = new Uint8Array(256);
  breaks = new Uint8Array(256);
  length = 0;

  push(word: string, start: number, end: number, exact: number, brk = 0): void {
    if (this.length === this.starts.length) {
      const n = this.length * 2;
      const s = new Uint32Array(n);
      s.set(this.starts);
      const e = new Uint32Array(n);
      e.set(this.ends);
      const x = new Uint8Array(n);
      x.set(this.exact);
      const b = new Uint8Array(n);
      b.set(this.breaks);
      this.starts = s;
      this.ends = e;
      this.exact = x;
      this.breaks = b;
    }
    this.words[this.length] = word;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.exact[this.length] = exact;
    this.breaks[this.length] = brk;
    this.length++;
  }

  toTokens(): Tokens {
    return {
      words: this.words.length === this.length ? this.words : this.words.slice(0, this.length),
      starts: this.starts.slice(0, this.length),
      ends: this.ends.slice(0, this.length),
      exact: this.exact.slice(0, this.length),
      breaks: this.breaks.slice(0, this.length),
      length: this.length,
    };
  }
}

/**
 * Whether the token starting at `s` breaks from the one that ended at `lastEnd` (-1: the first
 * token of a block, which always breaks). Most gaps are one plain space: no need to look at classes.
 */
export function breakBefore(text: string, lastEnd: number, s: number): number {
  if (lastEnd < 0) return 1;
  if (s <= lastEnd) return 0;
  if (s === lastEnd + 1 && text.charCodeAt(lastEnd) === 32) return 0;
  return gapBreaks(text, lastEnd, s);
}

/** Does text[from, to) hold punctuation that ends a phrase (anything but spaces, hyphens, apostrophes)? */
function gapBreaks(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (breaksPhrase(text.charCodeAt(k))) return 1;
  return 0;
}

/**
 * Does this character, between two tokens, end a phrase? Anything but spaces, hyphens, slashes,
 * apostrophes and invisible characters does (the first pass tracks gaps character by character).
 */
export function breaksPhrase(c: number): boolean {
  if (isSpace(c) || c === 45 || c === 0x2010 || c === 0x2011 || c === 47) return false;
  const cls = classOf(c);
  return cls !== APOS && cls !== IGNORE;
}

/** Class of the first character at or after i (or before it, step -1) that is not invisible. */
function classNear(text: string, i: number, min: number, end: number, step: 1 | -1): number {
  for (let k = i; k >= min && k < end; k += step) {
    const cls = classOf(text.charCodeAt(k));
    if (cls !== IGNORE) return cls;
  }
  return SEP;
}

/**
 * The class of the character a diacritic at i..min belongs to: marks (dropped from the word) and
 * invisible characters are skipped back to their base, so "é'" and "1\u0301'" are judged as the
 * normalized text will have them ("e'", "1'").
 */
function baseClassBefore(text: string, i: number, min: number, end: number): number {
  for (let k = i; k >= min && k < end; k--) {
    const cls = classOf(text.charCodeAt(k));
    if (cls !== IGNORE && cls !== MARK) return cls;
  }
  return SEP;
}

/** After the comma at i: exactly three digits, then no digit ("1,300" but not "12,34" or "1,2345"). */
function thousands(text: string, i: number, end: number): boolean {
  let k = i;
  for (let d = 0; d < 3; d++) {
    k = nextVisible(text, k, end);
    if (k >= end || classOf(text.charCodeAt(k)) !== DIGIT) return false;
  }
  k = nextVisible(text, k, end);
  return k >= end || classOf(text.charCodeAt(k)) !== DIGIT;
}

/** Index of the first visible character after i, or end. */
function nextVisible(text: string, i: number, end: number): number {
  let k = i + 1;
  while (k < end && classOf(text.charCodeAt(k)) === IGNORE) k++;
  return k;
}

/** Reads raw words (before canonical phrases) of text[start, end) into `out`. */
function rawWords(text: string, start: number, end: number, out: TokenBuffer): void {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const cls = classOf(c);
    if (cls === LETTER || cls === DIGIT) {
      i = readWord(text, i, end, out);
    } else if (cls === PERCENT) {
      out.push('percent', i, i + 1, 0);
      i++;
    } else if (cls === AMP) {
      out.push('and', i, i + 1, 0);
      i++;
    } else {
      i++;
    }
  }
}

// Pages repeat a few thousand distinct words: plain ASCII words are looked up in an intern table
// by a hash computed while reading them, so a repeated word costs no new string (no slice, no
// lowercasing, and Map lookups downstream reuse the string's cached hash).

const INTERN_SLOTS = 1 << 16;
const INTERN_MAX = INTERN_SLOTS >>> 1; // reset past half full: probes stay short
let internHashes = new Int32Array(INTERN_SLOTS);
let internWords: (string | undefined)[] = new Array<string | undefined>(INTERN_SLOTS);
let internCount = 0;

/** The lowercase word text[from, to) (ASCII letters and digits only), shared when seen before. */
function intern(text: string, from: number, to: number, hash: number, upper: boolean): string {
  const len = to - from;
  let slot = hash & (INTERN_SLOTS - 1);
  for (;;) {
    const w = internWords[slot];
    if (w === undefined) break;
    if (internHashes[slot] === hash && w.length === len) {
      let k = 0;
      while (k < len && (text.charCodeAt(from + k) | (upper ? 32 : 0)) === w.charCodeAt(k)) k++;
      // Digits are unchanged by `| 32` (48-57 already have the bit set).
      if (k === len) return w;
    }
    slot = (slot + 1) & (INTERN_SLOTS - 1);
  }
  const word = upper ? text.slice(from, to).toLowerCase() : text.slice(from, to);
  if (internCount >= INTERN_MAX) {
    // A huge page of distinct words (a log, a word list): start over rather than grow.
    internHashes = new Int32Array(INTERN_SLOTS);
    internWords = new Array<string | undefined>(INTERN_SLOTS);
    internCount = 0;
    slot = hash & (INTERN_SLOTS - 1);
  }
  internHashes[slot] = hash;
  internWords[slot] = word;
  internCount++;
  return word;
}

/** Reads one word starting at `ws`; returns the index after it. */
function readWord(text: string, ws: number, end: number, out: TokenBuffer): number {
  let j = ws;
  let simple = true; // ASCII letters and digits only: lowercase is the whole normalization
  let upper = false;
  let segLen = 0; // letters since the last dot, for dotted acronyms like U.S.
  let lastApos = -1;
  let hash = 0; // of the lowercased ASCII characters, for the intern table
  while (j < end) {
    const c = text.charCodeAt(j);
    // Hot path: plain ASCII letters and digits.
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      hash = Math.imul(hash ^ c, 0x01000193);
      segLen++;
      j++;
      continue;
    }
    if (c >= 65 && c <= 90) {
      hash = Math.imul(hash ^ (c | 32), 0x01000193);
      upper = true;
      segLen++;
      j++;
      continue;
    }
    const cls = classOf(c);
    if (cls === LETTER || cls === DIGIT) {
      simple = false;
      // Count letters as the normalized text will have them ("ẞ" is two: "ss").
      segLen += cls === LETTER ? (letterRepl.get(c)?.length ?? 1) : 1;
      j++;
    } else if (cls === MARK || cls === IGNORE) {
      simple = false;
      j++;
    } else if (
      cls === APOS &&
      j > ws &&
      baseClassBefore(text, j - 1, ws, end) === LETTER &&
      classNear(text, j + 1, ws, end, 1) === LETTER
    ) {
      simple = false; // inside a word: we're
      lastApos = j;
      segLen = 0;
      j++;
    } else if (
      cls === DOT &&
      classNear(text, j - 1, ws, end, -1) === DIGIT &&
      classNear(text, j + 1, ws, end, 1) === DIGIT
    ) {
      j++; // decimal: 2.5
    } else if (cls === COMMA && classNear(text, j - 1, ws, end, -1) === DIGIT && thousands(text, j, end)) {
      simple = false; // thousands separator: 1,300
      j++;
    } else if (cls === DOT && segLen === 1 && classNear(text, j + 1, ws, end, 1) === LETTER) {
      // Dotted acronym (U.S, a.m): one letter, a dot, one letter; "a.Aa" is two words.
      const letter = nextVisible(text, j, end);
      if (classNear(text, letter + 1, ws, end, 1) === LETTER) break;
      // A letter that normalizes to two ("ẞ" → "ss") is two letters after the dot, as in the
      // normalized text: not an acronym there, so not here either.
      if ((letterRepl.get(text.charCodeAt(letter))?.length ?? 1) > 1) break;
      simple = false;
      segLen = 0;
      j++;
    } else {
      break;
    }
  }
  let word: string;
  let exact = 1;
  if (simple) {
    word = intern(text, ws, j, hash, upper);
  } else {
    let w = '';
    for (let k = ws; k < j; k++) {
      const c = text.charCodeAt(k);
      const cls = classOf(c);
      if (cls === LETTER) {
        if (c < 128) w += String.fromCharCode(c | 32);
        else {
          const r = letterRepl.get(c) ?? '';
          if (r.length !== 1) exact = 0;
          w += r;
        }
      } else if (cls === DIGIT) w += c < 128 ? String.fromCharCode(c) : String((c & 0xf) % 10);
      else if (cls === APOS) w += "'";
      else if (cls === DOT) w += '.';
      else exact = 0; // marks, invisible characters and thousands commas are dropped
    }
    word = w;
  }
  let we = j;
  // A trailing period that belongs to an abbreviation (St., Cmdr., U.S.) is part of the word.
  if (j < end && text.charCodeAt(j) === 46) {
    const dotted = DOTTED[word + '.'];
    if (dotted !== undefined) {
      out.push(word + '.', ws, j + 1, 0);
      return j + 1;
    }
  }
  // Possessive 's is dropped so "Frey's" matches "Frey"; contractions like "it's" stay.
  // (Invisible characters after the "s" do not matter: the word, not the offsets, decides.)
  if (lastApos >= 0 && word.endsWith("'s")) {
    const base = word.slice(0, -2);
    if (!KEEP_S.has(base)) {
      word = base;
      we = lastApos;
    }
  }
  if (word.length > 0) out.push(word, ws, we, exact);
  return j;
}

/** Only spaces between two words of a name, and not a paragraph break. */
function gapIsSpace(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  let newlines = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (!isSpace(c)) return false;
    if (c === 10 && ++newlines > 1) return false;
  }
  return true;
}

const rawScratch = new TokenBuffer();

/** Appends the canonical tokens of text[start, end) to `out`. */
function tokenizeInto(text: string, start: number, end: number, out: TokenBuffer): void {
  rawScratch.length = 0;
  rawWords(text, start, end, rawScratch);
  const raw = rawScratch;
  const n = raw.length;
  let i = 0;
  let lastEnd = -1;
  const emit = (word: string, s: number, e: number, exact: number): void => {
    out.push(word, s, e, exact, breakBefore(text, lastEnd, s));
    lastEnd = e;
  };
  while (i < n) {
    const w = raw.words[i]!;
    const entries = canonByFirst.get(w);
    let matched: CanonicalPhrase | undefined;
    if (entries !== undefined) {
      for (const entry of entries) {
        const len = entry.from.length;
        if (i + len > n) continue;
        let ok = true;
        for (let k = 1; k < len; k++) {
          if (
            raw.words[i + k] !== entry.from[k] ||
            !gapIsSpace(text, raw.ends[i + k - 1]!, raw.starts[i + k]!)
          ) {
            ok = false;
            break;
          }
        }
        if (ok) {
          matched = entry;
          break;
        }
      }
    }
    if (matched !== undefined) {
      // Every replacement token maps to the whole phrase it replaced (one unit).
      const len = matched.from.length;
      const s = raw.starts[i]!;
      const e = raw.ends[i + len - 1]!;
      for (const t of matched.to) emit(t, s, e, 0);
      i += len;
      continue;
    }
    const dotted = w.charCodeAt(w.length - 1) === 46 ? DOTTED[w] : undefined;
    if (dotted !== undefined) emit(dotted, raw.starts[i]!, raw.ends[i]!, 0);
    else emit(w, raw.starts[i]!, raw.ends[i]!, raw.exact[i]!);
    i++;
  }
}

const scratch = new TokenBuffer();

/** Tokenizes text[start, end) into normalized words with their original offsets. */
export function tokenize(text: string, start = 0, end = text.length): Tokens {
  if (start < 0 || end > text.length || start > end) {
    throw new RangeError(`tokenize: range [${start}, ${end}) is outside the text (length ${text.length})`);
  }
  scratch.length = 0;
  tokenizeInto(text, start, end, scratch);
  const tokens = scratch.toTokens();
  scratch.words = [];
  return tokens;
}

/**
 * Tokenizes each range [starts[i], ends[i]) of a text on its own (blocks: a word straddling a
 * block start is two words, and no phrase runs across), concatenated into one token list.
 */
export function tokenizeRanges(text: string, starts: Uint32Array, ends: Uint32Array): Tokens {
  scratch.length = 0;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    const e = ends[i]!;
    if (s < 0 || e > text.length || s > e) {
      throw new RangeError(
        `tokenizeRanges: range ${i} [${s}, ${e}) is outside the text (length ${text.length})`,
      );
    }
    tokenizeInto(text, s, e, scratch);
  }
  const tokens = scratch.toTokens();
  scratch.words = [];
  return tokens;
}

/** Normalizes a text for display and tests: tokens joined by spaces, with a per-character map. */
export function normalize(text: string): NormalizedText {
  const t = tokenize(text);
  let size = 0;
  for (let i = 0; i < t.length; i++) size += t.words[i]!.length + (i > 0 ? 1 : 0);
  const starts = new Uint32Array(size);
  const ends = new Uint32Array(size);
  let k = 0;
  for (let i = 0; i < t.length; i++) {
    const w = t.words[i]!;
    const s = t.starts[i]!;
    const e = t.ends[i]!;
    if (i > 0) {
      // The space stands for whatever separated the two words, or for the unit they share
      // ("St Paul" → "saint paul": both words come from one range).
      const gapStart = t.ends[i - 1]!;
      starts[k] = gapStart <= s ? gapStart : s;
      ends[k] = gapStart <= s ? s : e;
      k++;
    }
    const oneToOne = t.exact[i] === 1 && w.length === e - s;
    for (let c = 0; c < w.length; c++) {
      starts[k] = oneToOne ? s + c : s;
      ends[k] = oneToOne ? s + c + 1 : e;
      k++;
    }
  }
  return { text: t.words.join(' '), starts, ends };
}

/** Normalizes a short phrase (cue, alias, quote) to its token words. */
export function normalizeWords(text: string): string[] {
  return tokenize(text).words;
}

// ---------------------------------------------------------------------------------------------
// Stemming: a light suffix stripper, so "officers" matches "officer" and "weaponized" matches
// "weaponizing". Applied to both sides of every comparison except quote diffs.

const stemCache = new Map<string, string>();

/** The matching stem of a normalized word ("officers" → "officer", "weaponized" → "weaponiz"). */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const s = stemUncached(word);
  if (stemCache.size > 50_000) stemCache.clear(); // bound memory on huge pages
  stemCache.set(word, s);
  return s;
}

function stemUncached(word: string): string {
  let w = word;
  const n = w.length;
  if (n <= 3) return w;
  const last = w.charCodeAt(n - 1);
  if (last >= 48 && last <= 57) return w; // numbers
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 3)
    w = w.slice(0, -1);
  let stripped = false;
  if (w.endsWith('ing') && w.length > 5) {
    w = w.slice(0, -3);
    stripped = true;
  } else if (w.endsWith('ed') && w.length > 4) {
    w = w.slice(0, -2);
    stripped = true;
  }
  if (stripped) {
    const m = w.length;
    const a = w.charCodeAt(m - 1);
    if (m > 2 && a === w.charCodeAt(m - 2) && a !== 108 && a !== 115 && a !== 122 && !isVowel(a)) {
      w = w.slice(0, -1); // running → run
    }
  }
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1); // fire/fired → fir, state/stated → stat
  return w;
}

function isVowel(c: number): boolean {
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117;
}
