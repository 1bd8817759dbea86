// Who a sentence attributes its words to: "DHS said", "according to the department", "Frey
// wrote on X", "he added", "Mayor Frey on X: “…”", "Frey's demand that…". Speakers are phrase
// hits (actor names and aliases, generic sources like "authorities", pronouns); a speech word
// next to one makes the attribution. Pronouns take the last named speaker on the page.

import { KIND_SPEECH, SPEECH_NOUNS, SPEECH_SHAPE, SPEECH_WORDS, fits, mayBe } from './carriage';
import { isSpace } from './normalize';
import type { TokenView } from './link';

/** A speaker phrase found in a sentence (token range). */
export interface SubjectHit {
  start: number;
  end: number;
  actor?: string; // a dataset actor id; undefined for "authorities", "he"
  anaphoric: boolean; // "he", "they", "the statement": stands for an earlier speaker
}

/** Who a sentence attributes its content to. */
export interface Attribution {
  text: string; // the page's words for the speaker
  actorId?: string;
  /** Named explicitly (not "he", "the statement"): may become the antecedent of later pronouns. */
  named: boolean;
  /** "he", "the statement": resolved to the last named speaker. */
  anaphoric: boolean;
}

/** The sentence's own attribution and where its words are. */
export interface OwnAttribution {
  who: Attribution;
  start: number; // speaker tokens
  end: number;
  verb: number; // the speech word (or the colon before a quote)
  /** "…, what Homeland Security said happened": the speaker owns only what follows the verb. */
  afterOnly: boolean;
  /** A short "McLaughlin said." sentence: lends its speaker to the quote around it. */
  only: boolean;
}

/** The sentence as attribution sees it. */
export interface SpeakerContext {
  from: number; // token range
  to: number;
  inQuote: Uint8Array; // per token of the sentence
  subjects: SubjectHit[];
}

/** Adjacent speaker hits naming one speaker ("DHS spokeswoman" + "Tricia McLaughlin"). */
interface Chain {
  start: number;
  end: number;
  /** The hit that decides the actor: the one nearest the speech verb. */
  actorHit: SubjectHit;
}

/** Words that may stand between a speaker and the speech verb ("DHS later said"). */
const BETWEEN_WORDS = new Set(
  (
    'also later then again has have had was is were are would will did does previously initially first ' +
    'further even now still separately earlier just since been went on to quickly publicly repeatedly ' +
    'literally in a statement'
  ).split(' '),
);

/** After a speech noun, words that make it an object ("DHS's account of events"), not a source. */
const LINK_WORDS = new Set('of and or in on at for to with by from as than'.split(' '));

/** At most this many words in a sentence that is only an attribution ("McLaughlin said."). */
const SHORT_SENTENCE = 5;

/** "simply", "publicly": an adverb that may stand between a speaker and the verb. */
function isAdverb(w: string): boolean {
  return w.length > 4 && w.endsWith('ly');
}

/**
 * Finds the speaker a sentence names itself, or undefined. `kinds` (the index's `wordKinds`)
 * lets it pass most words without a lookup.
 */
export function ownAttribution(
  text: string,
  tok: TokenView,
  s: SpeakerContext,
  kinds?: Uint8Array,
): OwnAttribution | undefined {
  const { from, to, inQuote, subjects } = s;
  const short = to - from <= SHORT_SENTENCE; // "McLaughlin said." inside a messy quote still counts
  const usable = short ? subjects : outsideQuotes(subjects, inQuote, from);
  for (let v = from; v < to; v++) {
    if (!mayBe(tok.ids, kinds, v, KIND_SPEECH)) continue;
    const w = tok.word(v)!;
    if (!fits(SPEECH_SHAPE, w) || !SPEECH_WORDS.has(w) || (!short && inQuote[v - from])) continue;
    let chosen: Chain | undefined;
    if (SPEECH_NOUNS.has(w)) {
      const c = backwardChain(usable, v, 0, text, tok, false);
      // "statement said" is the verb's business; a lone "statement" names nobody.
      if (c === undefined || c.actorHit.anaphoric) continue;
      // "Frey's demand that…", "the DHS tweet also had…", "Frey's words: …" attribute; the noun
      // as an object ("corroborates DHS's account.", "DHS's account of events") only mentions it.
      const gap = v + 1 < to ? text.slice(tok.ends[v]!, tok.starts[v + 1]!) : '';
      const next = v + 1 < to ? tok.word(v + 1)! : '';
      const leads = next !== '' && (gap.includes(':') || (tok.breaks[v + 1] === 0 && !LINK_WORDS.has(next)));
      if (!leads) continue;
      chosen = c;
    } else if (w === 'according') {
      if (tok.word(v + 1) !== 'to') continue;
      chosen = forwardChain(usable, v + 2, 3, text, tok);
    } else {
      chosen = backwardChain(usable, v, 6, text, tok, true) ?? forwardChain(usable, v + 1, 2, text, tok);
      // "he had gone further, declaring that…": a participle after a comma speaks for the
      // subject of the main clause.
      if (chosen === undefined && w.endsWith('ing') && tok.breaks[v] === 1)
        chosen = backwardChain(usable, v, 14, text, tok, false);
    }
    if (chosen !== undefined)
      return own(text, tok, chosen, v, short && chosen.start <= from + 1 && v >= to - 3, true);
  }
  // "Mayor Frey on X: “We are demanding…”", "Mary Moran, put it simply to KMSP-TV: “I feel…”"
  for (let k = from; k + 1 < to; k++) {
    if (inQuote[k - from] || !inQuote[k + 1 - from]) continue;
    if (text.slice(tok.ends[k]!, tok.starts[k + 1]!).indexOf(':') < 0) continue;
    const chosen = backwardChain(usable, k + 1, 8, text, tok, false);
    if (chosen !== undefined) return own(text, tok, chosen, k, false, false);
  }
  return undefined;
}

/** Two names belong to one speaker only when nothing but spaces separates tokens a and b. */
function joined(text: string, tok: TokenView, a: number, b: number): boolean {
  for (let k = tok.ends[a]!; k < tok.starts[b]!; k++) if (!isSpace(text.charCodeAt(k))) return false;
  return true;
}

/**
 * Between a speaker (ending at token a) and the verb (token b): only auxiliaries and adverbs
 * ("DHS later said"), or an aside between commas ("Frey, a Democrat, said"); "videos were
 * posted" has no speaker.
 */
function between(tok: TokenView, a: number, b: number): boolean {
  if (a === b) return true;
  if (tok.breaks[a] === 1 && tok.breaks[b] === 1) return true;
  // "The agency went further and called it…": a short verb phrase joined by "and", maybe with
  // an adverb before the verb ("Some sites went further and simply reported that…").
  let e = b;
  if (e - 1 > a && isAdverb(tok.word(e - 1)!)) e--;
  if (e - a <= 3 && tok.word(e - 1) === 'and' && tok.breaks[a] === 0) return true;
  for (let k = a; k < b; k++) {
    const w = tok.word(k)!;
    if (!BETWEEN_WORDS.has(w) && !isAdverb(w)) return false;
  }
  return true;
}

/**
 * The attribution to the speaker `chain` with speech word (or colon) `verb`. `afterOnly` is
 * looked for only after a verb ("what Homeland Security said"), not before a quote's colon.
 */
function own(
  text: string,
  tok: TokenView,
  chain: Chain,
  verb: number,
  only: boolean,
  afterOnly: boolean,
): OwnAttribution {
  const words = text.slice(tok.starts[chain.start]!, tok.ends[chain.end - 1]!);
  const hit = chain.actorHit;
  const who: Attribution = hit.anaphoric
    ? { text: words, named: false, anaphoric: true }
    : { text: words, actorId: hit.actor, named: hit.actor !== undefined, anaphoric: false };
  return {
    who,
    start: chain.start,
    end: chain.end,
    verb,
    afterOnly: afterOnly && tok.word(chain.start - 1) === 'what',
    only,
  };
}

/**
 * The hits that start outside quotation marks: `subjects` itself when all do (the usual case;
 * the lists are only read), so most sentences make no copy.
 */
function outsideQuotes(subjects: SubjectHit[], inQuote: Uint8Array, from: number): SubjectHit[] {
  let k = 0;
  while (k < subjects.length && !inQuote[subjects[k]!.start - from]) k++;
  if (k === subjects.length) return subjects;
  const out = subjects.slice(0, k);
  for (k++; k < subjects.length; k++) if (!inQuote[subjects[k]!.start - from]) out.push(subjects[k]!);
  return out;
}

/**
 * The chain of speaker hits ending closest before `v` (within `reach` words), extended left;
 * with `verb`, only a speaker that only `between` words separate from `v`.
 */
function backwardChain(
  subjects: SubjectHit[],
  v: number,
  reach: number,
  text: string,
  tok: TokenView,
  verb: boolean,
): Chain | undefined {
  let best: SubjectHit | undefined;
  for (const h of subjects) {
    if (h.end > v || h.end < v - reach || (verb && !between(tok, h.end, v))) continue;
    if (
      best === undefined ||
      h.end > best.end ||
      (h.end === best.end &&
        (h.start < best.start ||
          (h.start === best.start && h.actor !== undefined && best.actor === undefined)))
    ) {
      best = h;
    }
  }
  if (best === undefined) return undefined;
  let start = best.start;
  for (let again = true; again;) {
    again = false;
    for (const h of subjects) {
      if (h.end === start && h.start < start && joined(text, tok, h.end - 1, start)) {
        start = h.start;
        again = true;
      }
    }
  }
  return { start, end: best.end, actorHit: best };
}

/** The chain of speaker hits starting within `reach` words after `v`, extended right. */
function forwardChain(
  subjects: SubjectHit[],
  v: number,
  reach: number,
  text: string,
  tok: TokenView,
): Chain | undefined {
  let first: SubjectHit | undefined;
  for (const h of subjects) {
    if (h.start < v || h.start > v + reach) continue;
    if (first === undefined || h.start < first.start || (h.start === first.start && h.end > first.end))
      first = h;
  }
  if (first === undefined) return undefined;
  let end = first.end;
  let actorHit = first;
  for (let again = true; again;) {
    again = false;
    for (const h of subjects) {
      const extends_ =
        (h.start === end && joined(text, tok, end - 1, h.start)) || (h.start > first.start && h.start < end);
      if (extends_ && h.end > end) {
        end = h.end;
        actorHit = h;
        again = true;
      }
    }
  }
  // Prefer the longest hit ending at the chain end ("Tricia McLaughlin" over "McLaughlin").
  for (const h of subjects)
    if (h.end === end && h.start < actorHit.start && h.start >= first.start) actorHit = h;
  return { start: first.start, end, actorHit };
}

/** A sentence for `resolveSpeakers`: its own attribution and where quotes are. */
export interface SpeakerSentence extends SpeakerContext {
  block: number;
  prepared: boolean; // quotes and own attribution were worked out
  quoted: boolean; // mostly inside quotation marks
  hasClaims: boolean;
  own?: OwnAttribution;
  /** The speaker finally credited with the sentence's words. */
  resolved?: Attribution;
}

/** Keeps the last named speaker of a page, so "he added" finds Frey. */
export class SpeakerTracker {
  private last: Attribution | undefined;
  /**
   * Blocks read past without being analyzed that may name a speaker, oldest first: each
   * thunk analyzes its block and gives the speaker the block leaves, if any. Only a later "he"
   * needs them, and then only back to the newest block that names someone.
   */
  private skipped: (() => Attribution | undefined)[] = [];

  constructor(private readonly text: string) {}

  /**
   * Notes a block that was not analyzed (it states no claim) but names an actor: `speakerOf`
   * is called only if a later sentence needs the last named speaker and no block since has
   * named one, so the result is what reading every block in order gives.
   */
  skip(speakerOf: () => Attribution | undefined): void {
    this.skipped.push(speakerOf);
  }

  /** The last named speaker, reading the skipped blocks (newest first) only now that it is needed. */
  private current(): Attribution | undefined {
    for (let k = this.skipped.length - 1; k >= 0; k--) {
      const named = this.skipped[k]!();
      if (named !== undefined) {
        this.last = named;
        break;
      }
    }
    this.skipped.length = 0;
    return this.last;
  }

  /** A sentence names a speaker: the skipped blocks before it no longer matter. */
  private name(who: Attribution): void {
    this.last = who;
    this.skipped.length = 0;
  }

  /**
   * The speaker that sentences (prepared ones, in reading order) leave as the last named one, or
   * undefined when none names one: what `resolve` would record, without resolving anything.
   */
  lastNamedIn(sentences: readonly SpeakerSentence[], tok: TokenView): Attribution | undefined {
    let named: Attribution | undefined;
    for (const r of sentences) named = this.namedBy(r, tok) ?? named;
    return named;
  }

  /** The speaker a prepared sentence names for later pronouns, if any. */
  private namedBy(r: SpeakerSentence, tok: TokenView): Attribution | undefined {
    if (!r.prepared) return undefined;
    if (r.own === undefined) {
      // "Mayor Jacob Frey spoke after the shooting." names who a later "he" will be.
      const subject = r.subjects.find(
        (h) => h.actor !== undefined && h.start < r.from + 6 && !r.inQuote[h.start - r.from],
      );
      if (subject === undefined) return undefined;
      const words = this.text.slice(tok.starts[subject.start]!, tok.ends[subject.end - 1]!);
      return { text: words, actorId: subject.actor, named: true, anaphoric: false };
    }
    return !r.own.who.anaphoric && r.own.who.named ? r.own.who : undefined;
  }

  /**
   * Resolves each sentence's speaker in reading order: its own ("he" → the last named speaker),
   * else, for a quoted sentence, a neighbour's in the same block ("…shots. McLaughlin said.").
   */
  resolve(sentences: SpeakerSentence[], tok: TokenView): void {
    for (const r of sentences) {
      if (!r.prepared) continue;
      if (r.own !== undefined && r.own.who.anaphoric) {
        const who = r.own.who; // as a spread of it, spelled out (a spread is a slow clone)
        r.own.who = {
          text: who.text,
          named: who.named,
          anaphoric: who.anaphoric,
          actorId: this.current()?.actorId,
        };
        continue;
      }
      const named = this.namedBy(r, tok);
      if (named !== undefined) this.name(named);
    }
    for (let i = 0; i < sentences.length; i++) {
      const r = sentences[i]!;
      if (r.own !== undefined) {
        r.resolved = r.own.who;
        continue;
      }
      if (!r.quoted || !r.hasClaims) continue;
      // Never index -1 or past the end: V8 reads a missing element through a slow generic lookup.
      const next = i + 1 < sentences.length ? sentences[i + 1] : undefined;
      const prev = i > 0 ? sentences[i - 1] : undefined;
      if (next !== undefined && next.block === r.block && next.own?.only === true) {
        r.resolved = next.own.who;
      } else if (
        prev !== undefined &&
        prev.block === r.block &&
        prev.resolved !== undefined &&
        prev.inQuote.includes(1)
      ) {
        r.resolved = prev.resolved;
      } else {
        // The quote goes on into a later sentence of the block that names the speaker.
        for (let k = i + 1; k < sentences.length && sentences[k]!.block === r.block; k++) {
          const o = sentences[k]!;
          if (o.own !== undefined) {
            r.resolved = o.own.who;
            break;
          }
          if (!o.quoted) break;
        }
      }
    }
  }
}
