// How a page carries a claim: inside quotation marks or not, attributed to whom, hedged or not.
// Pure functions over the original text and the sentence's tokens.

import { stem } from './normalize';

/** Opening double quotation marks: “ „ ‟ «. */
function isDoubleOpen(c: number): boolean {
  return c === 0x201c || c === 0x201e || c === 0x201f || c === 0xab;
}
/** Closing double quotation marks: ” ». */
function isDoubleClose(c: number): boolean {
  return c === 0x201d || c === 0xbb;
}

function isWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0xc0 && c !== 0x201c && c !== 0x201d && c !== 0x2018 && c !== 0x2019 && c !== 0xab && c !== 0xbb)
  );
}

function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

/** A character `isWordChar` accepts, as a regex class. */
const WORD_CHAR = '[0-9A-Za-z\\u00c0-\\u2017\\u201a\\u201b\\u201e-\\uffff]';

/**
 * What `quoteRegions` looks at: " « » “ ” „ ‟, the single marks ' ‘ ’ unless they stand between
 * two word characters, and the q of "quote". No other character changes a region: a single mark
 * inside a word ("Frey's", "don’t", most of a page's) neither opens nor closes one, and the scan
 * skips it without a call per mark. A class of these few is scanned about twice as fast as one
 * of everything from « up (dashes, accents and ellipses are common in news).
 */
const QUOTE_SCAN = new RegExp(
  `["\\u00ab\\u00bb\\u201c-\\u201f]|[qQ](?=[uU][oO][tT][eE])|(?<!${WORD_CHAR})['\\u2018\\u2019]|['\\u2018\\u2019](?!${WORD_CHAR})`,
  'g',
);

/**
 * Quoted regions of text[from, to) (one block) as flat [start, end) pairs of the words between
 * the marks. Handles curly and straight double quotes, pages that mix them (a stray straight
 * quote before a curly one), unclosed quotes (closed at the block end, as multi-paragraph quotes
 * are), and single quotes used as quotation marks in headlines ('war against Minnesota').
 */
export function quoteRegions(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  let open = -1; // start of the current double-quoted region
  let single = -1; // start of the current single-quoted region (only outside double quotes)
  let maySpeak = false; // a "quote" read aloud needs a q
  // Only quotation marks and single marks that may quote matter here (and the q of "quote"): a
  // native scan jumps to them, over the block alone (so a block without any costs no more than
  // its own length).
  const block = text.slice(from, to);
  const marks = QUOTE_SCAN;
  marks.lastIndex = 0;
  while (marks.test(block)) {
    const i = from + marks.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === 113 || c === 81) {
      maySpeak = true;
      continue;
    }
    const prev = i > from ? text.charCodeAt(i - 1) : 32;
    const next = i + 1 < to ? text.charCodeAt(i + 1) : 32;
    if (isDoubleOpen(c)) {
      if (open < 0) {
        if (single >= 0) single = -1; // a double quote inside a single one: trust the double
        open = i + 1;
      }
    } else if (isDoubleClose(c)) {
      if (open >= 0) {
        out.push(open, i);
        open = -1;
      }
    } else if (c === 0x22) {
      if (open < 0) {
        single = -1;
        open = i + 1;
      } else if (isBlank(prev) && (isWordChar(next) || isDoubleOpen(next))) {
        // `said. "He used…` inside an open quote: a re-opening mark, the quote goes on.
      } else {
        out.push(open, i);
        open = -1;
      }
    } else if (open < 0 && (c === 0x2018 || c === 0x27) && !isWordChar(prev) && isWordChar(next)) {
      if (single < 0) single = i + 1;
    } else if (open < 0 && single >= 0 && (c === 0x2019 || c === 0x27) && !isWordChar(next)) {
      out.push(single, i);
      single = -1;
    }
  }
  if (open >= 0) out.push(open, to);
  if (maySpeak) spokenQuotes(block, from, out);
  return out;
}

const SPOKEN_QUOTE = /\bquote\b[,:]?\s*([\s\S]*?)(?:[,.;]?\s*\b(?:end quote|unquote|end of quote)\b|$)/gi;

/** Transcripts read quotes aloud: "quote, an ICE officer … fired defensive shots, end quote". */
function spokenQuotes(block: string, from: number, out: number[]): void {
  if (!/\bquote\b/i.test(block)) return;
  SPOKEN_QUOTE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPOKEN_QUOTE.exec(block)) !== null) {
    if (!/end quote|unquote|end of quote/i.test(m[0])) continue; // "quote" alone is just a word
    const start = from + m.index + m[0].indexOf(m[1]!);
    out.push(start, start + m[1]!.length);
    if (m[0].length === 0) SPOKEN_QUOTE.lastIndex++;
  }
}

/** Is offset `pos` inside one of the flat [start, end) regions? */
export function inRegions(regions: readonly number[], pos: number): boolean {
  for (let r = 0; r < regions.length; r += 2) {
    if (pos >= regions[r]! && pos < regions[r + 1]!) return true;
  }
  return false;
}

/** Verbs (and nouns) that introduce what someone said or wrote. */
export const SPEECH_WORDS = new Set([
  'said',
  'say',
  'says',
  'saying',
  'told',
  'tells',
  'wrote',
  'writes',
  'printed',
  'prints',
  'published',
  'added',
  'adds',
  'stated',
  'claimed',
  'claims',
  'alleged',
  'alleges',
  'confirmed',
  'confirms',
  'announced',
  'announces',
  'posted',
  'tweeted',
  'insisted',
  'insists',
  'insist',
  'argued',
  'asserted',
  'noted',
  'described',
  'describes',
  'called',
  'calls',
  'explained',
  'reported',
  'declared',
  'maintained',
  'contended',
  'warned',
  'acknowledged',
  'cited',
  'accused',
  'criticized',
  'demanded',
  'blasted',
  'slammed',
  'condemned',
  'urged',
  'vowed',
  'defended',
  'praised',
  'responded',
  'replied',
  'testified',
  'according',
  'declaring',
  'declares',
  'stating',
  'claiming',
  'insisting',
  'arguing',
  'warning',
  'noting',
  'adding',
  'writing',
  'posting',
  'telling',
  'calling',
  'describing',
  'confirming',
  'announcing',
  'tweets',
  'tweeting',
  'posts',
  'branded',
  'brands',
  'branding',
  'labeled',
  'labelled',
  'termed',
  'blamed',
  'blames',
  'blaming',
  'read',
  'reads',
  'continued',
  'shared',
  'pointed',
  // Nouns after their owner: "Frey's demand", "the DHS tweet", "McLaughlin's statement".
  'statement',
  'demand',
  'tweet',
  'post',
  'account',
  'words',
  'release',
]);

/** Speech nouns: they attribute only to a speaker right before them ("the DHS tweet"). */
export const SPEECH_NOUNS = new Set(['statement', 'demand', 'tweet', 'post', 'account', 'words', 'release']);

/** Words that hedge whatever they govern. */
export const HEDGE_WORDS = new Set([
  'allegedly',
  'alleged',
  'reportedly',
  'purportedly',
  'apparently',
  'supposedly',
  'seemingly',
  'ostensibly',
  'unverified',
  'unconfirmed',
  'claimed',
  'claims',
  'claiming',
  'appears',
  'appear',
  'appeared',
]);

/** After "alleged", a noun for a person: the hedge is on the label, not on the claim. */
const PERSON_NOUNS = new Set([
  'perpetrator',
  'perpetrators',
  'suspect',
  'suspects',
  'shooter',
  'gunman',
  'attacker',
  'assailant',
  'victim',
  'driver',
  'offender',
]);

/** Speech verbs that hedge everything they introduce ("DHS claimed that…"). */
const HEDGING_SPEECH = new Set([
  'claimed',
  'claims',
  'claiming',
  'alleged',
  'alleges',
  'insisted',
  'insists',
  'insist',
]);

/** Subordinators and relative pronouns that open a new clause. */
export const CLAUSE_WORDS = new Set([
  'when',
  'while',
  'after',
  'because',
  'during',
  'but',
  'although',
  'though',
  'which',
  'who',
  'whom',
  'where',
  'before',
  'since',
  'until',
  'whereas',
]);

/**
 * Finds hedges in the words of tokens [from, to) outside quotes; `sentence` adds sentence-wide
 * hedging verbs.
 * `ids` and `kinds` (the tokens' dataset ids and `wordKinds`) let it pass most words unread.
 */
export function findHedges(
  tok: { word(i: number): string | undefined },
  inQuote: Uint8Array,
  offset: number,
  span: { from: number; to: number },
  sentence: { from: number; to: number },
  firstEvidence: number = span.from,
  ids?: Int32Array,
  kinds?: Uint8Array,
): string[] {
  const from = Math.min(span.from, sentence.from);
  const to = Math.max(span.to, sentence.to);
  return hedgesAt(
    tok,
    hedgeLooks(tok, from, to, ids, kinds),
    inQuote,
    offset,
    span.from,
    span.to,
    sentence.from,
    sentence.to,
    firstEvidence,
  );
}

/**
 * The tokens of [from, to) that may be a word `findHedges` looks at, in order. A sentence's
 * matches share them: most sentences have none, and each match then reads no word at all.
 */
export function hedgeLooks(
  tok: { word(i: number): string | undefined },
  from: number,
  to: number,
  ids?: Int32Array,
  kinds?: Uint8Array,
): number[] {
  const looks: number[] = [];
  for (let i = from; i < to; i++) {
    if (mayBe(ids, kinds, i, KIND_HEDGE) && fits(HEDGE_SHAPE, tok.word(i)!)) looks.push(i);
  }
  return looks;
}

/**
 * `findHedges` over the tokens `hedgeLooks` kept (of a range holding both the span
 * [spanFrom, spanTo) and the sentence [sentFrom, sentTo)).
 */
export function hedgesAt(
  tok: { word(i: number): string | undefined },
  looks: readonly number[],
  inQuote: Uint8Array,
  offset: number,
  spanFrom: number,
  spanTo: number,
  sentFrom: number,
  sentTo: number,
  firstEvidence: number,
): string[] {
  const found: string[] = [];
  if (looks.length === 0) return found;
  for (const i of looks) {
    if (i < spanFrom || i >= spanTo) continue;
    const w = tok.word(i)!;
    // Hedges inside quotation marks count too: the page is passing on someone's hedged words
    // ("“appears to corroborate”"), except a speech verb inside a quote, which is the speaker's.
    if (inQuote[i - offset] && HEDGING_SPEECH.has(w)) continue;
    if (HEDGE_WORDS.has(w)) {
      // "the alleged perpetrator" questions who she was, not what is said about her.
      if (w === 'alleged' && PERSON_NOUNS.has(tok.word(i + 1) ?? '')) continue;
      // "appears" hedges only as "appears to" ("appears to corroborate"), not "appears in court".
      if ((w === 'appears' || w === 'appear' || w === 'appeared') && tok.word(i + 1) !== 'to') continue;
      addUnique(found, w === 'appear' || w === 'appeared' ? `${w} to` : w === 'appears' ? 'appears to' : w);
    } else if (w === 'so' && tok.word(i + 1) === 'called' && i + 1 < spanTo) {
      addUnique(found, 'so-called');
    }
  }
  for (const i of looks) {
    if (i < sentFrom || i >= sentTo || inQuote[i - offset]) continue;
    const w = tok.word(i)!;
    // "DHS claimed that she…" hedges what follows, not what came before.
    if (HEDGING_SPEECH.has(w) && i < firstEvidence) addUnique(found, w);
    // "what DHS described as", "what the department called"
    if ((w === 'described' || w === 'called' || w === 'termed' || w === 'labeled') && i < spanTo) {
      for (let k = Math.max(sentFrom, i - 5); k < i; k++) {
        if (tok.word(k) === 'what' && !inQuote[k - offset]) {
          addUnique(found, `what … ${w}`);
          break;
        }
      }
    }
  }
  return found;
}

/** Adds hedge `h` to `found` unless it is there (a function apart: a closure is made per call). */
function addUnique(found: string[], h: string): void {
  if (!found.includes(h)) found.push(h);
}

/** Bits of `wordKinds`: which word lists some word of a dataset stem belongs to. */
export const KIND_HEDGE = 1;
export const KIND_SPEECH = 2;
export const KIND_CLAUSE = 4;
/** A stopword's own id (set by the index, from its stopword ids: exact, not a maybe). */
export const KIND_STOP = 8;

/** Words `findHedges` looks at, besides "what" (only looked at before one of these). */
const HEDGE_LOOKS = [...HEDGE_WORDS, ...HEDGING_SPEECH, 'so', 'described', 'called', 'termed', 'labeled'];

/**
 * Per dataset word id, the lists (KIND_*) that hold a word with that stem. A page token's id is
 * the id of its stem (or -1), so a token whose id is known and lacks the bit is in none of that
 * list's words: a typed-array read instead of a string Set lookup on most tokens. A token with
 * id -1 may still be in a list and is looked up as before.
 */
export function wordKinds(idOf: (stem: string) => number, size: number): Uint8Array {
  const kinds = new Uint8Array(size);
  const mark = (words: Iterable<string>, bit: number): void => {
    for (const w of words) {
      const id = idOf(stem(w));
      if (id >= 0) kinds[id]! |= bit;
    }
  };
  mark(HEDGE_LOOKS, KIND_HEDGE);
  mark(SPEECH_WORDS, KIND_SPEECH);
  mark(CLAUSE_WORDS, KIND_CLAUSE);
  return kinds;
}

/**
 * A filter to run before a string Set lookup: per word length (31 = longer), one bit per first
 * letter a-z (bit 26: anything else). Page words mostly fail it at the cost of two reads.
 */
export function shapeOf(words: Iterable<string>): Uint32Array {
  const shape = new Uint32Array(32);
  for (const w of words) shape[Math.min(w.length, 31)]! |= firstLetterBit(w);
  return shape;
}

function firstLetterBit(w: string): number {
  const c = w.charCodeAt(0) - 97;
  return c >= 0 && c < 26 ? 1 << c : 1 << 26;
}

/** Could `w` be one of the words `shape` was made from (see `shapeOf`)? */
export function fits(shape: Uint32Array, w: string): boolean {
  return (shape[Math.min(w.length, 31)]! & firstLetterBit(w)) !== 0;
}

/** `shapeOf` SPEECH_WORDS. */
export const SPEECH_SHAPE = shapeOf(SPEECH_WORDS);
const HEDGE_SHAPE = shapeOf(HEDGE_LOOKS);
/** `shapeOf` CLAUSE_WORDS. */
export const CLAUSE_SHAPE = shapeOf(CLAUSE_WORDS);

/** Could token `i` (id `ids[i]`) be a word of the lists in `bit`? (No table: always maybe.) */
export function mayBe(
  ids: Int32Array | undefined,
  kinds: Uint8Array | undefined,
  i: number,
  bit: number,
): boolean {
  if (ids === undefined || kinds === undefined) return true;
  const id = ids[i]!;
  // An id past the table (a word the vocabulary got later) is a maybe too.
  return id < 0 || id >= kinds.length || (kinds[id]! & bit) !== 0;
}
