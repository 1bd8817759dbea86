// Claim linking: for each sentence of a passage, the claims it states, with a score, a reason, a
// readable detail, the span that states it, and how the page carries it.
//
// Two signals, both index-driven (work grows with what a sentence shares with the dataset, not
// with the number of claims):
//   1. printed texts (quote variants, report excerpts) through a 3-word shingle index, verified
//      by an alignment → exact or near quote (texts.ts);
//   2. key facts from the cues (phrases anchored on their rarest word) → paraphrase (facts.ts).
// Matches stay inside one sentence; the span shrinks to the clause or quote that states the claim.

import type { Carried } from '../dataset/types';
import type { ClaimMatch, DiffOp, MatchReason, QuoteComparison } from './types';
import type { ClaimInfo, MatcherIndex, PrintedVariant } from './build';
import {
  SpeakerTracker,
  ownAttribution,
  type Attribution,
  type SpeakerSentence,
  type SubjectHit,
} from './attribution';
import { CLAUSE_WORDS, findHedges, inRegions, quoteRegions } from './carriage';
import { diffWords } from './diff';
import { addHit, clusterFacts, type FactHit, type Hit } from './facts';
import { segmentBlocks, type Segmentation } from './segment';
import { TextScanner, align } from './texts';

/** Tokens of the text being linked (the whole page, or one passage), with dataset ids. */
export interface TokenView {
  words: string[];
  starts: Uint32Array;
  ends: Uint32Array;
  /** 1 where punctuation separates a word from the one before (phrases stop there). */
  breaks: Uint8Array;
  ids: Int32Array;
}

/** A claim found in a sentence, before carriage is worked out. */
interface Candidate {
  claim: number;
  reason: MatchReason;
  score: number;
  from: number; // token span that states the claim
  to: number;
  /** Tokens that matched (quote alignment or fact phrases), to decide "inside quotation marks". */
  evidence: number[];
  facts: FactHit[];
  text?: { id: number; coverage: number; lcs: number; length: number; quoted: boolean };
}

/** Partial evidence per claim, for `rank` (kept only when asked). */
export interface PartialEvidence {
  factWeight: number;
  facts: FactHit[];
  coverage: number;
  vetoed: boolean;
}

/** One sentence: its claims, speakers and quotes. */
interface SentenceResult extends SpeakerSentence {
  start: number; // offsets in the text
  end: number;
  candidates: Candidate[];
  /** Names a known actor (so it may set the antecedent of later pronouns). */
  named: boolean;
}

const EMPTY = new Uint8Array(0);

/** , ; : ( ) [ ] " “ ” — – … « » end a clause. */
const CLAUSE_PUNCT = new Set([
  0x2c, 0x3b, 0x3a, 0x28, 0x29, 0x5b, 0x5d, 0x22, 0x201c, 0x201d, 0x2014, 0x2013, 0x2026, 0xab, 0xbb,
]);

/** Most claims linked in one sentence (the best-scoring ones). */
export const MAX_CLAIMS_PER_SENTENCE = 6;
/** Most candidate claims (and printed texts) fully evaluated in one sentence. */
const MAX_EVALUATED = 4 * MAX_CLAIMS_PER_SENTENCE;
/** Score of an exact quote (all words, in order). */
const EXACT = 0.97;
/** Least share of a printed text's words for an exact quote, and least density of its window. */
const EXACT_COVERAGE = 0.95;
const EXACT_DENSITY = 0.9;
/** Least share of a printed text's words for a near quote, and least density of its window. */
const NEAR_COVERAGE = 0.6;
const NEAR_DENSITY = 0.6;
/** Printed texts shorter than this need an almost exact repeat (a few common words prove little). */
const SHORT_TEXT = 6;
/** Share of the sentence above which the span is the whole sentence. */
const WHOLE_SENTENCE = 0.75;
/** Printed words reproduced this completely (and this long) count as a direct quote without marks. */
const VERBATIM = 0.8;
const VERBATIM_WORDS = 4;
/** Bonus when the page credits the claim to one of its asserting actors. */
const SOURCE_BONUS = 0.03;

/** Links the sentences of one text; keeps speaker context across passages. */
export class Linker {
  private readonly speakers: SpeakerTracker;
  private readonly scanner: TextScanner;
  private regionsBlock = -1;
  private regions: number[] = [];
  private readonly diffCache = new Map<string, DiffOp[]>();
  // Per-claim scratch for the sentence loop, reset by a generation stamp instead of clearing.
  private generation = 0;
  private readonly seen: Uint32Array;
  private readonly vetoed: Uint32Array;
  private readonly phraseSeen: Uint32Array;
  private readonly phraseFirst: Int32Array;
  private readonly hits: number[] = [];
  private readonly next: number[] = [];

  constructor(
    private readonly ix: MatcherIndex,
    private readonly text: string,
    private seg: Segmentation,
  ) {
    this.speakers = new SpeakerTracker(text);
    this.scanner = new TextScanner(ix.texts, ix.shingles, ix.shingleBits);
    this.seen = new Uint32Array(ix.claims.length);
    this.vetoed = new Uint32Array(ix.claims.length);
    this.phraseSeen = new Uint32Array(ix.linkPhrases.phrases.length);
    this.phraseFirst = new Int32Array(ix.linkPhrases.phrases.length);
  }

  /**
   * Links sentences [s0, s1) of one passage; `tok` holds their tokens in [tokFrom, tokTo).
   * `seg` numbers the sentences when it is not the linker's own (a block segmented on its own;
   * its block ranges must be the same text's).
   */
  linkSentences(
    s0: number,
    s1: number,
    tok: TokenView,
    tokFrom: number,
    tokTo: number,
    seg: Segmentation = this.seg,
  ): ClaimMatch[] {
    this.seg = seg;
    const results = this.readPassage(seg, s0, s1, tok, tokFrom, tokTo);
    this.speakers.resolve(results, tok);
    const out: ClaimMatch[] = [];
    for (const r of results) {
      // In reading order within the sentence; the stronger claim first at one place.
      const ms = r.candidates.map((c) => this.toMatch(c, r, tok));
      ms.sort((a, b) => a.start - b.start || b.score - a.score);
      for (const m of ms) out.push(m);
    }
    return out;
  }

  /**
   * Passes over a block that states no claim but names an actor (`tok` holds its tokens in
   * [tokFrom, tokTo)): it is segmented and read only if a later "he said" needs the speaker it
   * names, so attribution comes out as if every block were linked. The caller vouches that the
   * block links nothing (see `blockKind` in index.ts).
   */
  skipBlock(block: number, tok: TokenView, tokFrom: number, tokTo: number): void {
    this.speakers.skip(() => {
      const seg = segmentBlocks(this.text, { starts: this.seg.blockStarts, ends: this.seg.blockEnds }, [
        block,
      ]);
      let named: Attribution | undefined;
      let ptr = tokFrom;
      // Passage by passage, as linking reads it (which sentences get prepared depends on it).
      for (let p = 0; p < seg.passageCount; p++) {
        const s0 = seg.passFirst[p]!;
        const s1 = seg.passFirst[p + 1]!;
        const from = ptr;
        while (ptr < tokTo && tok.starts[ptr]! < seg.sentEnds[s1 - 1]!) ptr++;
        named = this.speakers.lastNamedIn(this.readPassage(seg, s0, s1, tok, from, ptr), tok) ?? named;
      }
      return named;
    });
  }

  /** Analyzes sentences [s0, s1) of `seg` and works out quotes and own speakers where they matter. */
  private readPassage(
    seg: Segmentation,
    s0: number,
    s1: number,
    tok: TokenView,
    tokFrom: number,
    tokTo: number,
  ): SentenceResult[] {
    const results: SentenceResult[] = [];
    let ptr = tokFrom;
    for (let s = s0; s < s1; s++) {
      const start = seg.sentStarts[s]!;
      const end = seg.sentEnds[s]!;
      while (ptr < tokTo && tok.starts[ptr]! < start) ptr++;
      const from = ptr;
      while (ptr < tokTo && tok.starts[ptr]! < end) ptr++;
      const block = seg.sentBlocks[s]!;
      results.push(
        isLinkLine(this.text, start)
          ? emptySentence(from, ptr, start, end, block)
          : this.analyzeSentence(tok, from, ptr, start, end, block),
      );
    }
    // Quotes and speakers only where they can matter: sentences naming an actor (antecedents
    // for "he") and every sentence of a block that states a claim.
    // A passage is one block or part of one, so "busy blocks" is a short list.
    const busyBlocks: number[] = [];
    for (const r of results)
      if (r.candidates.length > 0 && !busyBlocks.includes(r.block)) busyBlocks.push(r.block);
    for (const r of results) if (r.named || busyBlocks.includes(r.block)) this.prepare(r, tok);
    return results;
  }

  /** Finds the claims and speakers of one sentence (token range [from, to)). */
  analyzeSentence(
    tok: TokenView,
    from: number,
    to: number,
    start: number,
    end: number,
    block: number,
    partials?: Map<number, PartialEvidence>,
  ): SentenceResult {
    const ix = this.ix;
    // The sentence's phrase hits (pid, start, end triples), chained by phrase through `next`.
    const gen = ++this.generation;
    const hits = this.hits;
    hits.length = 0;
    ix.linkPhrases.scanInto(tok.ids, tok.breaks, from, to, hits);
    const textLimit = partials === undefined ? MAX_EVALUATED : Infinity;
    const textMatches = this.scanner.scan(tok.ids, from, to, textLimit);
    // Most sentences of a long page share no phrase and no printed text with the dataset.
    if (hits.length === 0 && textMatches.length === 0) return emptySentence(from, to, start, end, block);
    const next = this.next;
    next.length = hits.length / 3;
    const subjects: SubjectHit[] = [];
    const touched: number[] = [];
    const seen = this.seen;
    for (let h = 0; h < hits.length; h += 3) {
      const pid = hits[h]!;
      if (this.phraseSeen[pid] !== gen) {
        this.phraseSeen[pid] = gen;
        next[h / 3] = -1;
      } else next[h / 3] = this.phraseFirst[pid]!;
      this.phraseFirst[pid] = h;
      // Claims are looked at only when one of their gate facts shows (rank looks at all).
      if (partials === undefined) {
        const gates = ix.phraseGates[pid];
        if (gates !== undefined) {
          for (let k = 0; k < gates.length; k++) {
            const claim = gates[k]!;
            if (seen[claim] !== gen) {
              seen[claim] = gen;
              touched.push(claim);
            }
          }
        }
      } else {
        const codes = ix.phraseFacts[pid];
        if (codes !== undefined) {
          for (let k = 0; k < codes.length; k++) {
            const claim = codes[k]! >>> 5;
            if (seen[claim] !== gen) {
              seen[claim] = gen;
              touched.push(claim);
            }
          }
        }
      }
      const vetoes = ix.phraseVetoes[pid];
      if (vetoes !== undefined) for (let k = 0; k < vetoes.length; k++) this.vetoed[vetoes[k]!] = gen;
      const speakers = ix.phraseSubjects[pid];
      if (speakers !== undefined) {
        for (const sp of speakers) {
          subjects.push({ start: hits[h + 1]!, end: hits[h + 2]!, actor: sp.actor, anaphoric: sp.anaphoric });
        }
      }
    }
    // The facts of each touched claim present here (a bit test first: with thousands of claims,
    // most stop at it), then their places.
    let passing: { claim: number; mask: number; estimate: number }[] = [];
    for (const claim of touched) {
      const phrasesOf = ix.factPhrases[claim]!;
      let mask = 0;
      for (let fi = 0; fi < phrasesOf.length; fi++) {
        const pids = phrasesOf[fi]!;
        for (let k = 0; k < pids.length; k++) {
          if (this.phraseSeen[pids[k]!] === gen) {
            mask |= 1 << fi;
            break;
          }
        }
      }
      const req = ix.requiredMask[claim]!;
      const enough =
        ((mask & req) === req && popcount(mask) >= ix.minFacts[claim]!) ||
        (mask & ix.aloneMask[claim]!) !== 0;
      if (partials === undefined && (!enough || this.vetoed[claim] === gen)) continue;
      passing.push({ claim, mask, estimate: factShare(ix.claims[claim]!, mask) });
    }
    // Thousands of near-duplicate claims can pass in one sentence; only a few can be linked, so
    // place only the likeliest (by the share of their fact weight present).
    if (partials === undefined && passing.length > MAX_EVALUATED) {
      passing.sort((x, y) => y.estimate - x.estimate || x.claim - y.claim);
      passing = passing.slice(0, MAX_EVALUATED);
    }
    const facts = new Map<number, Map<number, Hit[]>>();
    for (const { claim, mask } of passing) {
      const phrasesOf = ix.factPhrases[claim]!;
      const byFact = new Map<number, Hit[]>();
      for (let fi = 0; fi < phrasesOf.length; fi++) {
        if ((mask & (1 << fi)) === 0) continue;
        const list: Hit[] = [];
        for (const pid of phrasesOf[fi]!) {
          if (this.phraseSeen[pid] !== gen) continue;
          for (let h = this.phraseFirst[pid]!; h >= 0; h = next[h / 3]!)
            addHit(list, hits[h + 1]!, hits[h + 2]!);
        }
        byFact.set(
          fi,
          list.sort((x, y) => x.start - y.start),
        );
      }
      facts.set(claim, byFact);
    }
    const vetoed = this.vetoed;

    const byClaim = new Map<number, Candidate>();

    // 1. Printed texts: exact and near quotes.
    for (const tm of textMatches) {
      const t = ix.texts[tm.id]!;
      const exact = tm.coverage >= EXACT_COVERAGE && tm.density >= EXACT_DENSITY;
      const near =
        tm.coverage >= NEAR_COVERAGE &&
        tm.density >= NEAR_DENSITY &&
        (t.ids.length >= SHORT_TEXT || tm.coverage >= 0.9);
      const seen = new Set<number>();
      for (const owner of t.owners) {
        if (seen.has(owner.claim)) continue;
        seen.add(owner.claim);
        if (partials !== undefined) {
          const p = notePartial(partials, owner.claim);
          p.coverage = Math.max(p.coverage, tm.coverage);
        }
        // A veto word stops a near quote too ("We are aware of a shooting involving federal law
        // enforcement" is the city's post, not Frey's); only an exact repeat overrides it.
        if (!exact && (!near || vetoed[owner.claim] === gen)) continue;
        const score = exact
          ? EXACT + 0.03 * Math.min(tm.coverage, tm.density)
          : 0.6 + 0.35 * tm.coverage * tm.density;
        const prev = byClaim.get(owner.claim);
        if (prev !== undefined && prev.score >= score) continue;
        byClaim.set(owner.claim, {
          claim: owner.claim,
          reason: exact ? 'exact-quote' : 'near-quote',
          score,
          from: tm.first,
          to: tm.last + 1,
          evidence: tm.matched,
          facts: [],
          text: {
            id: tm.id,
            coverage: tm.coverage,
            lcs: tm.lcs,
            length: t.ids.length,
            quoted: t.owners.some((o) => o.claim === owner.claim && o.quoted),
          },
        });
      }
    }

    // 2. Key facts: a paraphrase when the required ones (and enough in all) are here.
    for (const [ci, hitsByFact] of facts) {
      const info = ix.claims[ci]!;
      const cues = info.cues;
      const list = clusterFacts(info, hitsByFact);
      let weight = 0;
      let required = 0;
      let alone = false;
      for (const h of list) {
        const f = cues.facts[h.fact]!;
        weight += f.weight;
        if (f.need) required++;
        if (f.alone) alone = true;
      }
      if (partials !== undefined) {
        const p = notePartial(partials, ci);
        if (weight > p.factWeight) {
          p.factWeight = weight;
          p.facts = list;
        }
        if (vetoed[ci] === gen) p.vetoed = true;
      }
      if (vetoed[ci] === gen) continue;
      if (!alone && (required < info.required || list.length < cues.min)) continue;
      const score = 0.5 + 0.35 * (info.totalWeight > 0 ? weight / info.totalWeight : 1);
      const evidence: number[] = [];
      let lo = to;
      let hi = from;
      for (const h of list) {
        lo = Math.min(lo, h.start);
        hi = Math.max(hi, h.end);
        for (let k = h.start; k < h.end; k++) evidence.push(k);
      }
      const prev = byClaim.get(ci);
      if (prev !== undefined) {
        // A printed text matched too: keep its reason and span, add the facts' evidence.
        prev.facts = list;
        prev.score = Math.max(prev.score, score);
        for (const k of evidence) if (!prev.evidence.includes(k)) prev.evidence.push(k);
        continue;
      }
      const span = this.clauseSpan(tok, lo, hi, from, to);
      byClaim.set(ci, {
        claim: ci,
        reason: 'paraphrase',
        score,
        from: span.from,
        to: span.to,
        evidence,
        facts: list,
      });
    }

    // A sentence states a handful of claims at most; past that, near-duplicate claims compete
    // and only the best are credible (and the page's cost stays bounded for huge datasets).
    let candidates = [...byClaim.values()];
    if (candidates.length > MAX_CLAIMS_PER_SENTENCE && partials === undefined) {
      candidates.sort((a, b) => b.score - a.score || a.claim - b.claim);
      candidates = candidates.slice(0, MAX_CLAIMS_PER_SENTENCE);
    }
    return {
      from,
      to,
      start,
      end,
      block,
      candidates,
      subjects,
      inQuote: EMPTY,
      quoted: false,
      prepared: false,
      hasClaims: candidates.length > 0,
      named: subjects.some((h) => h.actor !== undefined),
    };
  }

  /** Works out quotation marks and the sentence's own speaker (only where it can matter). */
  private prepare(r: SentenceResult, tok: TokenView): void {
    if (r.prepared) return;
    r.prepared = true;
    const inQuote = new Uint8Array(r.to - r.from);
    let quotedCount = 0;
    const regions = this.blockRegions(r.block);
    if (regions.length > 0) {
      for (let k = r.from; k < r.to; k++) {
        if (inRegions(regions, tok.starts[k]!)) {
          inQuote[k - r.from] = 1;
          quotedCount++;
        }
      }
    }
    r.inQuote = inQuote;
    r.quoted = r.to > r.from && quotedCount * 2 >= r.to - r.from;
    if (r.subjects.length > 0) r.own = ownAttribution(this.text, tok, r);
  }

  private blockRegions(block: number): number[] {
    if (block !== this.regionsBlock) {
      this.regionsBlock = block;
      this.regions = quoteRegions(this.text, this.seg.blockStarts[block]!, this.seg.blockEnds[block]!);
    }
    return this.regions;
  }

  /** Widens a token span to the clause around it (commas, dashes, quotes, "when", "during"…). */
  private clauseSpan(
    tok: TokenView,
    lo: number,
    hi: number,
    from: number,
    to: number,
  ): { from: number; to: number } {
    let left = lo;
    while (left > from && !this.boundaryBefore(tok, left)) left--;
    if (left < lo && CLAUSE_WORDS.has(tok.words[left]!)) left++;
    let right = hi;
    while (right < to && !this.boundaryBefore(tok, right)) right++;
    if (right - left >= WHOLE_SENTENCE * (to - from)) return { from, to };
    return { from: left, to: right };
  }

  /** Does a new clause start at token j? */
  private boundaryBefore(tok: TokenView, j: number): boolean {
    if (CLAUSE_WORDS.has(tok.words[j]!)) return true;
    const a = tok.ends[j - 1]!;
    const b = tok.starts[j]!;
    for (let k = a; k < b; k++) {
      const c = this.text.charCodeAt(k);
      if (CLAUSE_PUNCT.has(c)) return true;
      if (c === 0x2d && k > a && k + 1 < b) return true; // " - " used as a dash
    }
    return false;
  }

  /** Builds the public match: span, carriage, detail and quote comparisons. */
  private toMatch(c: Candidate, r: SentenceResult, tok: TokenView): ClaimMatch {
    const info = this.ix.claims[c.claim]!;
    const whole = c.to - c.from >= WHOLE_SENTENCE * (r.to - r.from);
    let start = whole ? r.start : tok.starts[c.from]!;
    let end = whole ? r.end : tok.ends[c.to - 1]!;
    if (start >= end) {
      start = r.start;
      end = r.end;
    }
    const own = r.own;
    let quoted = 0;
    let unquotedContent = 0;
    for (const k of c.evidence) {
      if (r.inQuote[k - r.from]) quoted++;
      else if (
        !(own !== undefined && ((k >= own.start && k < own.end) || k === own.verb)) &&
        !this.ix.stopIds.has(tok.ids[k]!)
      )
        unquotedContent++;
    }
    // Inside quotation marks, or the speaker's printed words reproduced whole (a post, a
    // transcript read aloud): either way the page gives the words as the speaker's. Facts count
    // one each: "“Shame! Shame! Shame!” rang out" quotes the claim's key fact.
    const verbatim =
      c.text !== undefined &&
      c.text.quoted &&
      c.text.length >= VERBATIM_WORDS &&
      c.text.coverage >= VERBATIM &&
      c.reason !== 'paraphrase';
    const quotedFacts = c.facts.filter((h) => r.inQuote[h.start - r.from] === 1).length;
    const directQuote =
      quoted >= 3 ||
      (quoted > 0 && quoted * 2 >= c.evidence.length) ||
      (quotedFacts > 0 && quotedFacts * 2 >= c.facts.length) ||
      verbatim;
    const firstEvidence = c.evidence.length > 0 ? Math.min(...c.evidence) : c.from;
    const hedges = findHedges(
      tok.words,
      r.inQuote,
      r.from,
      { from: c.from, to: c.to },
      { from: r.from, to: r.to },
      firstEvidence,
    );
    // A claim about the speaker ("far-left … Mayor Jacob Frey criticized") is not their
    // statement: every fact sits in or just before the speaker's name, before the verb.
    const ownUsed = own !== undefined && r.resolved === own.who;
    const aboutSpeaker =
      ownUsed &&
      c.facts.length > 0 &&
      c.facts.every((h) => h.end <= own.end && h.start >= own.start - 4 && h.end <= own.verb);
    const beforeWhat = ownUsed && own.afterOnly && c.from < own.verb;
    const attribution = aboutSpeaker || beforeWhat ? undefined : r.resolved;
    const carried: Carried[] = directQuote ? ['direct-quote'] : ['paraphrase'];
    if (directQuote && unquotedContent >= 2) carried.push('paraphrase');
    if (attribution !== undefined) carried.push('attributed');
    if (hedges.length > 0) carried.push('hedged');
    if (attribution === undefined && hedges.length === 0) carried.push('stated-as-fact');
    const bySource = attribution?.actorId !== undefined && info.asserters.has(attribution.actorId);
    const score = Math.min(1, c.score + (bySource ? SOURCE_BONUS : 0));
    const match: ClaimMatch = {
      claimId: info.claim.id,
      start,
      end,
      text: this.text.slice(start, end),
      score: Math.round(score * 1000) / 1000,
      reason: c.reason,
      detail: this.detail(info, c, tok, attribution, bySource),
      carried,
      hedges,
      quoteComparisons: directQuote ? this.compare(info, c, r, tok) : [],
    };
    if (attribution !== undefined) {
      match.attributedTo =
        attribution.actorId !== undefined
          ? { text: attribution.text, actorId: attribution.actorId }
          : { text: attribution.text };
    }
    return match;
  }

  /** Word diffs between the page's quoted words and each outlet's printed version. */
  private compare(info: ClaimInfo, c: Candidate, r: SentenceResult, tok: TokenView): QuoteComparison[] {
    if (info.variants.length === 0) return [];
    let qa = -1;
    let qb = -1;
    for (let k = c.from; k < c.to; k++) {
      if (!r.inQuote[k - r.from]) continue;
      if (qa < 0) qa = k;
      qb = k + 1;
    }
    // The whole quotation the matched words sit in: the match may cover only part of it (words
    // the page inserted, such as stray markup, split the alignment), and the rest is not missing.
    // Markup or stray quotation marks inside a quotation can split it into several regions, so
    // the sentence's other quoted words all count.
    let extra = false;
    if (qa >= 0) {
      for (let k = r.from; k < r.to && !extra; k++)
        extra = (k < qa || k >= qb) && r.inQuote[k - r.from] === 1;
    } else {
      // No quotation marks (a post, a transcript): the matched words themselves are the quote.
      qa = c.from;
      qb = c.to;
    }
    const best = new Map<string, { cmp: QuoteComparison; same: number }>();
    for (let vi = 0; vi < info.variants.length; vi++) {
      const v = info.variants[vi]!;
      // Reach as far into the quotation as this printed version's words go, no further: a
      // longer quotation holding other claims' words is not a difference from this one.
      let a = qa;
      let b = qb;
      // Only when words seem missing: the alignment costs a sentence × printed-words table.
      if (extra && this.diffFor(c.claim, vi, tok, qa, qb, v).some((o) => o.op === 'removed')) {
        for (const k of align(tok.ids, r.from, r.to, v.ids).matched) {
          if (r.inQuote[k - r.from] !== 1) continue;
          if (k < a) a = k;
          if (k + 1 > b) b = k + 1;
        }
      }
      if (b - a < 2) continue;
      const ops = this.diffFor(c.claim, vi, tok, a, b, v).map((o) => ({ ...o }));
      let same = 0;
      for (const op of ops) if (op.op === 'same') same += op.text.length;
      // An outlet with several printed fragments ("1,300%…", "8,000%…"): compare the closest.
      const prev = best.get(v.outletId);
      if (prev !== undefined && prev.same >= same) continue;
      best.set(v.outletId, {
        same,
        cmp: { outletId: v.outletId, printed: v.printed, identical: ops.every((o) => o.op === 'same'), ops },
      });
    }
    return [...best.values()].map((b) => b.cmp);
  }

  /** The diff of page tokens [a, b) against a printed variant, once per distinct quote. */
  private diffFor(
    claim: number,
    vi: number,
    tok: TokenView,
    a: number,
    b: number,
    v: PrintedVariant,
  ): DiffOp[] {
    // Pages repeat quotes (syndicated copies, live blogs): diff each distinct quote once.
    const key = `${claim}|${vi}|${this.text.slice(tok.starts[a]!, tok.ends[b - 1]!)}`;
    let cached = this.diffCache.get(key);
    if (cached === undefined) {
      cached = diffWords({ text: this.text, tokens: tok, from: a, to: b }, v.run);
      this.diffCache.set(key, cached);
    }
    return cached;
  }

  /** A readable sentence on why the claim was linked. */
  private detail(
    info: ClaimInfo,
    c: Candidate,
    tok: TokenView,
    attribution: Attribution | undefined,
    bySource: boolean,
  ): string {
    const parts: string[] = [];
    if (c.text !== undefined && c.reason !== 'paraphrase') parts.push(this.textDetail(c.text, c.reason));
    const facts = describeFacts(info, c.facts, this.text, tok);
    if (facts !== '') parts.push(facts);
    if (parts.length === 0) parts.push('Matched the claim');
    if (attribution !== undefined) {
      const who =
        attribution.actorId !== undefined
          ? (this.ix.actorNames.get(attribution.actorId) ?? attribution.actorId)
          : undefined;
      const said =
        who !== undefined && who.toLowerCase() !== attribution.text.toLowerCase()
          ? `“${attribution.text}” (${who})`
          : `“${attribution.text}”`;
      parts.push(bySource ? `Attributed to ${said}, who asserted it` : `Attributed to ${said}`);
    }
    return parts.join('. ') + '.';
  }

  /** "Same words as The Associated Press's report (line 7)", "Close to the quote as printed by…". */
  private textDetail(t: NonNullable<Candidate['text']>, reason: MatchReason): string {
    const text = this.ix.texts[t.id]!;
    const outlet = (id: string): string => this.ix.outletNames.get(id) ?? id;
    const variantOutlets = unique(
      text.owners.filter((o) => o.source === 'variant').map((o) => outlet(o.outletId)),
    );
    const excerptOwners = text.owners.filter((o) => o.source === 'excerpt');
    const what =
      variantOutlets.length > 0
        ? `the quote as printed by ${listJoin(variantOutlets)}`
        : `${listJoin(unique(excerptOwners.map((o) => outlet(o.outletId))))}'s report${lineOf(this.ix, excerptOwners[0]?.reportId)}`;
    if (reason === 'exact-quote') return `Same words as ${what}`;
    return `Close to ${what} (${t.lcs} of ${t.length} words)`;
  }
}

/**
 * "RELATED: Governor criticizes federal surge", "READ MORE | …", "WATCH: …": a link to another
 * story, whose headline states nothing on this page.
 */
const LINK_LINE =
  /(?:related(?:[ \t]+(?:stories|story|coverage|content|articles?|links?|reading|video))?|read[ \t]+(?:more|next|also)|also[ \t]+read|see[ \t]+also|more[ \t]+(?:coverage|on[ \t]+this(?:[ \t]+story)?)|watch(?:[ \t]+(?:now|live|more))?|listen|in[ \t]+case[ \t]+you[ \t]+missed[ \t]+it|up[ \t]+next|recommended|trending|top[ \t]+stories|more)[ \t]*[:|]/iy;

/** Does the sentence at `start` open with a related-link label? */
function isLinkLine(text: string, start: number): boolean {
  LINK_LINE.lastIndex = start;
  return LINK_LINE.test(text);
}

/** A sentence with no phrase and no printed text of the dataset: no claims, no speakers. */
function emptySentence(from: number, to: number, start: number, end: number, block: number): SentenceResult {
  return {
    from,
    to,
    start,
    end,
    block,
    candidates: [],
    subjects: [],
    inQuote: EMPTY,
    quoted: false,
    prepared: false,
    hasClaims: false,
    named: false,
  };
}

/** Share of a claim's fact weight whose bits are set in `mask`. */
function factShare(info: ClaimInfo, mask: number): number {
  let w = 0;
  info.cues.facts.forEach((f, fi) => {
    if ((mask & (1 << fi)) !== 0) w += f.weight;
  });
  return info.totalWeight > 0 ? w / info.totalWeight : 0;
}

/** Number of set bits (facts seen). */
function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function notePartial(partials: Map<number, PartialEvidence>, claim: number): PartialEvidence {
  let p = partials.get(claim);
  if (p === undefined) partials.set(claim, (p = { factWeight: 0, facts: [], coverage: 0, vetoed: false }));
  return p;
}

/** Says which facts matched, in the page's words: "Key facts: vehicle (“car”). Numbers: 1,300%." */
export function describeFacts(info: ClaimInfo, facts: FactHit[], text: string, tok: TokenView): string {
  if (facts.length === 0) return '';
  const groups: Record<'term' | 'number' | 'name', string[]> = { term: [], number: [], name: [] };
  for (const h of facts) {
    const f = info.cues.facts[h.fact]!;
    const words = text.slice(tok.starts[h.start]!, tok.ends[h.end - 1]!);
    groups[f.kind].push(
      f.kind === 'term' && words.toLowerCase() !== f.name.toLowerCase() ? `${f.name} (“${words}”)` : words,
    );
  }
  const parts: string[] = [];
  if (groups.term.length > 0) parts.push(`Key facts: ${groups.term.join(', ')}`);
  if (groups.number.length > 0) parts.push(`Numbers: ${groups.number.join(', ')}`);
  if (groups.name.length > 0) parts.push(`Names: ${groups.name.join(', ')}`);
  return parts.join('. ');
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function listJoin(xs: string[]): string {
  if (xs.length <= 1) return xs[0] ?? 'an outlet';
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

function lineOf(ix: MatcherIndex, reportId: string | undefined): string {
  if (reportId === undefined) return '';
  const line = ix.reportLines.get(reportId);
  return line !== undefined ? ` (line ${line})` : '';
}
