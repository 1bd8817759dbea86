// How a page carries a claim: inside quotation marks or not, attributed to whom, hedged or not.
// Pure functions over the original text and the sentence's tokens.

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
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // Fast path: only quotation marks and apostrophes matter here.
    if (c !== 0x22 && c !== 0x27 && c < 0xab) {
      if (c === 113 || c === 81) maySpeak = true;
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
  if (maySpeak) spokenQuotes(text, from, to, out);
  return out;
}

const SPOKEN_QUOTE = /\bquote\b[,:]?\s*([\s\S]*?)(?:[,.;]?\s*\b(?:end quote|unquote|end of quote)\b|$)/gi;

/** Transcripts read quotes aloud: "quote, an ICE officer … fired defensive shots, end quote". */
function spokenQuotes(text: string, from: number, to: number, out: number[]): void {
  const block = text.slice(from, to);
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

/** Finds hedges in words[from, to) outside quotes; `sentence` adds sentence-wide hedging verbs. */
export function findHedges(
  words: readonly string[],
  inQuote: Uint8Array,
  offset: number,
  span: { from: number; to: number },
  sentence: { from: number; to: number },
  firstEvidence: number = span.from,
): string[] {
  const found: string[] = [];
  const addUnique = (h: string): void => {
    if (!found.includes(h)) found.push(h);
  };
  for (let i = span.from; i < span.to; i++) {
    const w = words[i]!;
    // Hedges inside quotation marks count too: the page is passing on someone's hedged words
    // ("“appears to corroborate”"), except a speech verb inside a quote, which is the speaker's.
    if (inQuote[i - offset] && HEDGING_SPEECH.has(w)) continue;
    if (HEDGE_WORDS.has(w)) {
      // "the alleged perpetrator" questions who she was, not what is said about her.
      if (w === 'alleged' && PERSON_NOUNS.has(words[i + 1] ?? '')) continue;
      // "appears" hedges only as "appears to" ("appears to corroborate"), not "appears in court".
      if ((w === 'appears' || w === 'appear' || w === 'appeared') && words[i + 1] !== 'to') continue;
      addUnique(w === 'appear' || w === 'appeared' ? `${w} to` : w === 'appears' ? 'appears to' : w);
    } else if (w === 'so' && words[i + 1] === 'called' && i + 1 < span.to) {
      addUnique('so-called');
    }
  }
  for (let i = sentence.from; i < sentence.to; i++) {
    if (inQuote[i - offset]) continue;
    const w = words[i]!;
    // "DHS claimed that she…" hedges what follows, not what came before.
    if (HEDGING_SPEECH.has(w) && i < firstEvidence) addUnique(w);
    // "what DHS described as", "what the department called"
    if ((w === 'described' || w === 'called' || w === 'termed' || w === 'labeled') && i < span.to) {
      for (let k = Math.max(sentence.from, i - 5); k < i; k++) {
        if (words[k] === 'what' && !inQuote[k - offset]) {
          addUnique(`what … ${w}`);
          break;
        }
      }
    }
  }
  return found;
}
