// Incident recognition: is this text about the incident, how sure, and why.
//
// Lookalike pages share many of the incident's words (other DHS statements about "weaponized"
// vehicles, other shootings by federal agents, Portland in Oregon, "ice" in sports), so the score
// needs three things: every core group (a shooting, federal immigration agents, the place), some
// distinctive facts (34th Street and Portland Avenue, the date, the woman in the SUV, Frey's
// demand...), and few lookalike signs (another date, a man shot, another city, hockey).

import type { Evidence, Recognition } from './types';
import type { IncidentCues, WeightedGroup } from './cues';
import { PhraseSet, STOPWORDS, type Vocabulary } from './phrases';
import { stem } from './normalize';

interface GroupRef {
  kind: 'core' | 'fact' | 'against';
  index: number;
  /**
   * The group's number across kinds (core groups, then facts, then against): sightings are kept
   * in an array by it, not a keyed map. Stored, not computed per hit from the kind: a property
   * read keyed by a string variable is a slow, generic lookup in V8.
   */
  group: number;
}

/** The lead: the first 20% of the words, at least 80 and at most 400; signs there weigh 1.5×. */
const LEAD_SHARE = 0.2;
const LEAD_MIN = 80;
const LEAD_MAX = 400;
const LEAD_BOOST = 1.5;

/** Fact score up to which topic signs count fully, and from which they no longer count. */
const TOPIC_FULL = 0.2;
const TOPIC_NONE = 0.6;

/** Words between two sightings of a group for both to count. */
const REPEAT_DISTANCE = 20;

/** How much repeated sightings add: a fact seen 3+ times counts 1.5 times. */
export function repeatFactor(count: number): number {
  return Math.min(1 + 0.25 * (count - 1), 1.5);
}

/**
 * Sightings from which `repeatFactor` no longer grows: a group seen this often has all it can
 * get from the page, and its phrases need not be looked for again.
 */
export const ENOUGH_SIGHTINGS = 3;

/** Positions of the tokens whose ids a table marks (as the first pass's `IdTokens` has them). */
export interface AnchoredTokens {
  /** Token indices, ascending. */
  readonly anchored: Int32Array;
  /** The table they were noted by (1 at id + 1). */
  readonly anchorIds: Uint8Array;
}

/** Where and how often one group was seen on a page. */
interface Sighting {
  ref: GroupRef;
  count: number;
  start: number;
  end: number;
  last: number;
  first: number;
  /** The page it belongs to (entries are reused across pages, by group). */
  gen: number;
}

/** A recognizer built once per incident. */
export class Recognizer {
  private readonly phrases: PhraseSet<GroupRef>;
  private readonly sightings: (Sighting | undefined)[] = [];
  private readonly found: number[] = [];
  private gen = 0;
  /**
   * For skipping, on a page, the anchor words whose phrases can add nothing more (every group
   * owning them seen ENOUGH_SIGHTINGS times: in the incident's own text, most sightings):
   * per group, the distinct phrases it owns; per phrase, how many distinct groups own it; per
   * anchor word id, its slot, and per slot, how many phrases are anchored on it.
   */
  private readonly groupPhrases: number[][] = [];
  private readonly phraseGroups: Uint32Array;
  private readonly anchorSlot: Int32Array;
  private readonly slotPhrases: Uint32Array;
  /** On the page being read: those counts for the groups not yet seen enough (0: nothing to add). */
  private readonly phraseLive: Uint32Array;
  private readonly slotLive: Uint32Array;
  private readonly groups: Record<GroupRef['kind'], WeightedGroup[]>;
  readonly threshold: number;
  private readonly prefilter: string[][];

  constructor(
    cues: IncidentCues,
    private readonly vocab: Vocabulary,
  ) {
    this.threshold = cues.threshold;
    this.prefilter = cues.prefilter;
    this.groups = { core: cues.core, fact: cues.facts, against: cues.against };
    this.phrases = new PhraseSet<GroupRef>(vocab);
    let group = 0;
    for (const kind of ['core', 'fact', 'against'] as const) {
      this.groups[kind].forEach((g, index) => {
        const ref = { kind, index, group: group++ };
        for (const p of g.phrases) this.phrases.add(p, ref);
      });
    }
    const stops = new Set([...STOPWORDS].map((w) => vocab.get(stem(w))));
    this.phrases.finalize((id) => stops.has(id));
    const owners = this.phrases.owners;
    this.phraseGroups = new Uint32Array(owners.length);
    owners.forEach((refs, pid) => {
      for (const group of new Set(refs.map((ref) => ref.group))) {
        (this.groupPhrases[group] ??= []).push(pid);
        this.phraseGroups[pid]!++;
      }
    });
    this.anchorSlot = new Int32Array(this.phrases.anchorIds.length).fill(-1);
    const slotPhrases: number[] = [];
    for (let pid = 0; pid < owners.length; pid++) {
      const id = this.phrases.anchorOf(pid);
      if (this.anchorSlot[id] === -1) {
        this.anchorSlot[id] = slotPhrases.length;
        slotPhrases.push(0);
      }
      slotPhrases[this.anchorSlot[id]!]!++;
    }
    this.slotPhrases = Uint32Array.from(slotPhrases);
    this.phraseLive = new Uint32Array(owners.length);
    this.slotLive = new Uint32Array(slotPhrases.length);
  }

  /**
   * Cheap first test over the raw string: every prefilter group needs one of its substrings.
   * No normalization and no allocation proportional to the text: a few `indexOf` calls.
   */
  mayBeAbout(text: string): boolean {
    return passesPrefilter(this.prefilter, text);
  }

  /**
   * The token ids its phrases are anchored on (1 at id + 1): given to the first pass, which
   * notes where they occur on a page (`AnchoredTokens`), so `recognize` looks only there.
   */
  get anchorIds(): Uint8Array {
    return this.phrases.anchorIds;
  }

  /**
   * Scores token ids (of the whole text) with evidence; starts/ends map tokens to offsets.
   * `anchored`, when it was noted with this recognizer's `anchorIds`, lists the tokens to look
   * at (the same result, without visiting every token); otherwise every token is looked at.
   */
  recognize(
    ids: Int32Array,
    breaks: Uint8Array,
    starts: Uint32Array,
    ends: Uint32Array,
    anchored?: AnchoredTokens,
  ): Recognition {
    // One entry per group seen, in the order first seen (the evidence order depends on it).
    const seen: Sighting[] = [];
    const found = this.found;
    found.length = 0;
    this.phraseLive.set(this.phraseGroups);
    this.slotLive.set(this.slotPhrases);
    if (anchored !== undefined && anchored.anchorIds === this.phrases.anchorIds) {
      // Position by position, so that words whose phrases can add nothing more are passed by.
      const { anchorSlot, slotLive } = this;
      const at = anchored.anchored;
      for (let k = 0; k < at.length; k++) {
        if (slotLive[anchorSlot[ids[at[k]!]!]!] === 0) continue;
        const from = found.length;
        this.phrases.scanAt(at, ids, breaks, found, k, k + 1);
        this.sight(found, from, starts, ends, seen);
      }
    } else {
      this.phrases.scanInto(ids, breaks, 0, ids.length, found);
      this.sight(found, 0, starts, ends, seen);
    }
    this.gen++;
    const evidence: Evidence[] = [];
    let score = 0;
    let coreFound = 0;
    // The headline and lead say what a page is about; background paragraphs ("weeks after an
    // ICE officer killed a woman on January 7…") count less than signs in the lead.
    const leadEnd = Math.max(LEAD_MIN, Math.min(LEAD_MAX, Math.round(ids.length * LEAD_SHARE)));
    const lead = (first: number): number => (first < leadEnd ? LEAD_BOOST : 1);
    let factScore = 0;
    for (const { ref, count, first } of seen) {
      if (ref.kind === 'fact')
        factScore += this.groups.fact[ref.index]!.weight * repeatFactor(count) * lead(first);
    }
    // Topic signs (sports, weather) fade out as the incident's own facts add up.
    const topicDamp = Math.max(0, Math.min(1, 1 - (factScore - TOPIC_FULL) / (TOPIC_NONE - TOPIC_FULL)));
    for (const { ref, count, start, end, first } of seen) {
      const g = this.groups[ref.kind][ref.index]!;
      if (ref.kind === 'core') {
        coreFound++;
        score += g.weight;
        evidence.push({ kind: 'term', label: g.label, weight: round(g.weight), start, end });
      } else if (ref.kind === 'fact') {
        const w = g.weight * repeatFactor(count) * lead(first);
        score += w;
        evidence.push({ kind: 'fact', label: g.label, weight: round(w), start, end });
      } else {
        const w = g.weight * repeatFactor(count) * lead(first) * (g.topic ? topicDamp : 1);
        if (w === 0) continue;
        score -= w;
        evidence.push({ kind: 'against', label: g.label, weight: round(-w), start, end });
      }
    }
    const coreMissing = this.groups.core.length - coreFound;
    if (coreMissing > 0) {
      // Without a shooting, federal agents and the place, it cannot be about this incident,
      // however many of its words it shares.
      score = Math.min(score * 0.5, this.threshold - 0.05);
    }
    score = round(Math.max(0, Math.min(1, score)));
    evidence.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.start ?? 0) - (b.start ?? 0));
    return { about: score >= this.threshold, score, evidence };
  }

  /** Notes the sightings of the phrase hits found[from..] (phrase, start, end triples). */
  private sight(
    found: readonly number[],
    from: number,
    starts: Uint32Array,
    ends: Uint32Array,
    seen: Sighting[],
  ): void {
    for (let h = from; h < found.length; h += 3) {
      const s = found[h + 1]!;
      const e = found[h + 2]!;
      for (const ref of this.phrases.owners[found[h]!]!) {
        const entry = this.sightings[ref.group];
        if (entry === undefined || entry.gen !== this.gen) {
          const fresh = {
            ref,
            count: 1,
            start: starts[s]!,
            end: ends[e - 1]!,
            last: s,
            first: s,
            gen: this.gen,
          };
          this.sightings[ref.group] = fresh;
          seen.push(fresh);
        } else if (s - entry.last > REPEAT_DISTANCE) {
          // Sightings close together ("freezing rain and black ice" in one promo) count once.
          entry.count++;
          entry.last = s;
          if (entry.count === ENOUGH_SIGHTINGS) this.seenEnough(ref.group);
        }
      }
    }
  }

  /**
   * A group was seen ENOUGH_SIGHTINGS times: its phrases owned by no other group still short of
   * that are no longer looked for, nor the words all of whose phrases are such.
   */
  private seenEnough(group: number): void {
    const { phraseLive, slotLive, anchorSlot } = this;
    for (const pid of this.groupPhrases[group] ?? [])
      if (--phraseLive[pid]! === 0) slotLive[anchorSlot[this.phrases.anchorOf(pid)]!]!--;
  }
}

/**
 * The cheap first test on its own (the matcher runs it before building anything else): every
 * prefilter group needs one of its raw substrings, found with `indexOf`.
 */
export function passesPrefilter(prefilter: readonly (readonly string[])[], text: string): boolean {
  for (const group of prefilter) {
    let found = false;
    for (let i = 0; i < group.length; i++) {
      if (text.indexOf(group[i]!) !== -1) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
