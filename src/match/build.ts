// Builds every index the engine needs, once per dataset: the vocabulary, the claim-fact and
// speaker phrase sets, the shingle index over printed quotes and report excerpts, and the
// incident recognizer. Nothing here runs per page.

import type { Claim, Dataset } from '../dataset/types';
import { parseClaimCues, parseIncidentCues, type ClaimCues, type IncidentCues } from './cues';
import { normalizeWords, stem, tokenize } from './normalize';
import { PhraseSet, STOPWORDS, Vocabulary } from './phrases';
import { Recognizer } from './recognize';
import { wordRun, type WordRun } from './diff';
import { SHINGLE_BITS_MASK, shingleHash, shingleTable, type ShingleTable } from './texts';
import { KIND_STOP, wordKinds } from './carriage';

/** Who owns a phrase in the linking phrase set. */
export type LinkOwner =
  | { t: 'fact'; claim: number; fact: number }
  | { t: 'veto'; claim: number }
  | { t: 'subject'; actor?: string; anaphoric: boolean };

/** Where a printed text (a quote variant or a report excerpt) comes from. */
export interface TextOwner {
  claim: number;
  source: 'variant' | 'excerpt';
  outletId: string;
  reportId: string;
  /** The outlet printed these as someone's own words (its report is a direct quote). */
  quoted: boolean;
}

/** A printed text in the shingle index. */
export interface IndexedText {
  ids: Int32Array;
  shingles: number;
  owners: TextOwner[];
}

/** A printed version of a quote claim, for word diffs. */
export interface PrintedVariant {
  outletId: string;
  outletName: string;
  printed: string;
  run: WordRun;
  /** Stem ids of the printed words, to find how far a page's quotation reaches into them. */
  ids: Int32Array;
}

/** Everything the linker needs about one claim. */
export interface ClaimInfo {
  claim: Claim;
  cues: ClaimCues;
  totalWeight: number;
  /** How many of its facts are required (need: true). */
  required: number;
  /** Actor ids that count as the claim's source (assertedBy plus whom they speak for). */
  asserters: Set<string>;
  variants: PrintedVariant[];
  /** Content-word ids of the statement and excerpts, for rank's word overlap. */
  words: Set<number>;
}

/** The immutable indexes built by `createMatcher`. */
export interface MatcherIndex {
  dataset: Dataset;
  vocab: Vocabulary;
  claims: ClaimInfo[];
  claimIndex: Map<string, number>;
  linkPhrases: PhraseSet<LinkOwner>;
  /** Per link phrase: the claim facts it stands for, packed as claim * 32 + fact (hot path). */
  phraseFacts: (Int32Array | undefined)[];
  /**
   * For the few link phrases owned by very many claims ("ice", "officer" in thousands of
   * near-copies): per claim, the bits of its facts that use the phrase. A sentence touching
   * fewer claims than such a phrase has owners ORs these in per touched claim instead.
   */
  phraseDense: (Uint32Array | undefined)[];
  /** Per link phrase: the claims for which it belongs to a gate fact (see buildIndex). */
  phraseGates: (Int32Array | undefined)[];
  /**
   * `phraseFacts`, `phraseGates` and the claims each link phrase vetoes, in flat arrays: phrase
   * p's fact codes are factCodes[factCodeAt[p] .. factCodeAt[p + 1] - 1], its gate claims
   * gateClaims[gateClaimAt[p] .. gateClaimAt[p + 1] - 1], the claims it vetoes
   * vetoClaims[vetoClaimAt[p] .. vetoClaimAt[p + 1] - 1]. The plan and the linker read them for
   * each phrase hit: a few small arrays stay in the cache, where a typed array per phrase is a
   * few scattered reads each.
   */
  factCodeAt: Int32Array;
  factCodes: Int32Array;
  gateClaimAt: Int32Array;
  gateClaims: Int32Array;
  vetoClaimAt: Int32Array;
  vetoClaims: Int32Array;
  /**
   * Every claim's facts in flat arrays (the sentence loop reads them for thousands of claims, so
   * no object per claim): claim c's facts are the indices factStart[c] to factStart[c + 1] - 1,
   * in cue order; fact f has weight factWeight[f] and link phrase ids
   * factPhraseIds[factPhraseStart[f] .. factPhraseStart[f + 1] - 1], in cue order.
   */
  factStart: Uint32Array;
  factWeight: Float64Array;
  factPhraseStart: Uint32Array;
  factPhraseIds: Int32Array;
  /** Per claim: the sum of its facts' weights (as `ClaimInfo.totalWeight`). */
  totalWeight: Float64Array;
  /**
   * Per claim: 1 when its fact weights are whole multiples of 1/1024 (1, 1.5, 0.25…), so any
   * sum of them is exact in any order; the linker then bounds a claim's score without a margin.
   */
  exactWeights: Uint8Array;
  /** Per link phrase: the speakers it names. */
  phraseSubjects: ({ actor?: string; anaphoric: boolean }[] | undefined)[];
  /** Per claim: bit mask of its required facts, of its `alone` facts, and its `min`. */
  requiredMask: Uint32Array;
  aloneMask: Uint32Array;
  minFacts: Uint8Array;
  texts: IndexedText[];
  /**
   * shingle hash → the texts containing it, as (text id, the text's shingle count) pairs: the
   * scans need the count of every text they touch, and reading it here costs no object read.
   */
  shingles: Map<number, Int32Array>;
  /** `shingles` as the open-addressing table the block plan and the linker probe. */
  shingleTable: ShingleTable;
  /**
   * A bit per (shingle hash & shingleMask), for the block plan: most page shingles miss without
   * a Map lookup. 16 bits a shingle, at least 4 K bits, so a small dataset's filter stays in the
   * L1 cache; at most SHINGLE_BITS_MASK + 1 bits (128 KB) for huge datasets.
   */
  shingleBits: Uint8Array;
  shingleMask: number;
  /** word id → claims whose statement/excerpts use it (rank only). */
  wordClaims: Map<number, number[]>;
  recognizer: Recognizer;
  outletNames: Map<string, string>;
  actorNames: Map<string, string>;
  /** Report id → its line in the seed, for details ("line 3"). */
  reportLines: Map<string, number>;
  stopIds: Set<number>;
  /**
   * 1 at the anchor word id of every phrase that names an actor: such a sentence may set the
   * speaker that a later "he" stands for, so its block is always linked.
   */
  speakerAnchors: Uint8Array;
  /**
   * 1 at the anchor word id of every phrase of a gate fact (`phraseGates`). No claim can have
   * enough facts in a block without one of its gate phrases, so a block holding no such word,
   * naming no actor and sharing no printed-text shingle links nothing and changes no speaker
   * context: the linker skips it after one pass over its word ids.
   */
  gateAnchors: Uint8Array;
  /** Per word id, KIND_* bits: which carriage word lists may hold it (see `wordKinds`). */
  wordKinds: Uint8Array;
}

/** Words a page uses for someone whose statement it is carrying, without naming them. */
const ANAPHORIC_SUBJECTS = [
  'he',
  'she',
  'they',
  'it',
  'statement',
  'the post',
  'the spokeswoman',
  'the spokesman',
  'the spokesperson',
  'a spokeswoman',
  'a spokesman',
  'a spokesperson',
];
/** Generic sources: attributed, but to nobody the dataset knows. */
const GENERIC_SUBJECTS = [
  'authorities',
  'officials',
  'federal officials',
  'city',
  'outlets',
  'news outlets',
  'newspapers',
  'tabloids',
  'sites',
  'websites',
  'blogs',
  'media',
  'reports',
  'commentators',
  'critics',
  'observers',
  'experts',
  'analysts',
  'supporters',
  'lawmakers',
  'reporters',
  'neighbors',
  'bystanders',
  'protesters',
  'police',
  'witnesses',
  'a witness',
  'investigators',
  'the government',
  'the administration',
  'the white house',
  'prosecutors',
  'the fbi',
  'ice',
  'the agency',
  'the bureau',
  'organizers',
  'activists',
  'residents',
];

/** A dataset checked and its cues parsed: cheap, and enough to throw on every bad input early. */
export interface ParsedDataset {
  dataset: Dataset;
  incidentCues: IncidentCues;
  claimCues: ClaimCues[];
}

/** Checks a dataset's shape and parses its cues (throws TypeError or CueError naming the problem). */
export function parseDataset(dataset: Dataset): ParsedDataset {
  checkDataset(dataset);
  const incident = dataset.incidents[0]!;
  return {
    dataset,
    incidentCues: parseIncidentCues(incident.id, incident.cues, incident.contextTerms ?? []),
    claimCues: dataset.claims.map((claim) => parseClaimCues(claim.id, claim.cues)),
  };
}

/** Dense owner masks are kept for phrases with at least this many claim-fact owners, and at most MAX_DENSE. */
const DENSE_MIN_OWNERS = 256;
const MAX_DENSE = 64;

/** Claims handled between two yields of `buildIndexSteps`. */
const YIELD_EVERY = 6;

/** Builds the matcher's indexes from a compiled dataset; throws CueError on bad cues. */
export function buildIndex(input: Dataset | ParsedDataset): MatcherIndex {
  const steps = buildIndexSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `buildIndex` in bounded steps: each `next()` does one phase or a few claims' worth of work, so
 * the content script can build the indexes across several short tasks (a cold browser runs this
 * code unoptimized, and all at once it can take 50–120 ms).
 */
export function* buildIndexSteps(input: Dataset | ParsedDataset): Generator<void, MatcherIndex, void> {
  const parsed = 'claimCues' in input ? input : parseDataset(input);
  const { dataset } = parsed;
  const vocab = new Vocabulary();
  const recognizerCues = parsed.incidentCues;

  const outletNames = new Map(dataset.outlets.map((o) => [o.id, o.name]));
  const actorNames = new Map(dataset.actors.map((a) => [a.id, a.name]));
  const speaksFor = new Map(dataset.actors.map((a) => [a.id, a.speaksFor]));
  const claimIndex = new Map<string, number>();
  dataset.claims.forEach((c, i) => claimIndex.set(c.id, i));

  const linkPhrases = new PhraseSet<LinkOwner>(vocab);
  const reportsByClaim = new Map<string, Dataset['reports']>();
  for (const r of dataset.reports) {
    const list = reportsByClaim.get(r.claimId) ?? [];
    list.push(r);
    reportsByClaim.set(r.claimId, list);
  }

  // Claims: cues → fact and veto phrases; printed variants for diffs.
  const claims: ClaimInfo[] = [];
  for (let ci = 0; ci < dataset.claims.length; ci++) {
    const claim = dataset.claims[ci]!;
    const cues = parsed.claimCues[ci]!;
    cues.facts.forEach((fact, fi) => {
      for (const p of fact.phrases) linkPhrases.add(p, { t: 'fact', claim: ci, fact: fi });
    });
    for (const p of cues.veto) linkPhrases.add(p, { t: 'veto', claim: ci });
    const asserters = new Set<string>();
    for (const a of claim.assertedBy) {
      asserters.add(a);
      const boss = speaksFor.get(a);
      if (boss !== undefined) asserters.add(boss);
    }
    claims.push({
      claim,
      cues,
      totalWeight: cues.facts.reduce((s, f) => s + f.weight, 0),
      required: cues.facts.filter((f) => f.need).length,
      asserters,
      variants: printedVariants(claim, reportsByClaim.get(claim.id) ?? [], outletNames),
      words: new Set<number>(),
    });
    if (ci % YIELD_EVERY === YIELD_EVERY - 1) yield;
  }

  yield;
  for (const info of claims)
    for (const v of info.variants) v.ids = Int32Array.from(v.run.tokens.words, (w) => vocab.add(stem(w)));
  yield;

  // Speakers: every actor's name and aliases, plus generic and anaphoric subjects.
  for (const actor of dataset.actors) {
    for (const alias of [actor.name, ...actor.aliases])
      linkPhrases.add(alias, { t: 'subject', actor: actor.id, anaphoric: false });
  }
  for (const s of GENERIC_SUBJECTS) linkPhrases.add(s, { t: 'subject', anaphoric: false });
  for (const s of ANAPHORIC_SUBJECTS) linkPhrases.add(s, { t: 'subject', anaphoric: true });

  // Printed texts: quote variants and report excerpts, deduplicated, in a shingle index.
  const texts: IndexedText[] = [];
  const textByKey = new Map<string, number>();
  const postings = new Map<number, number[]>();
  const addText = (text: string, owner: TextOwner): void => {
    const words = normalizeWords(text);
    if (words.length < 3) return;
    const ids = Int32Array.from(words, (w) => vocab.add(stem(w)));
    const key = ids.join(',');
    let tid = textByKey.get(key);
    if (tid === undefined) {
      tid = texts.length;
      textByKey.set(key, tid);
      texts.push({ ids, shingles: ids.length - 2, owners: [] });
      const seen = new Set<number>();
      for (let i = 0; i + 2 < ids.length; i++) {
        const h = shingleHash(ids[i]!, ids[i + 1]!, ids[i + 2]!);
        if (seen.has(h)) continue;
        seen.add(h);
        const list = postings.get(h);
        if (list === undefined) postings.set(h, [tid]);
        else list.push(tid);
      }
    }
    texts[tid]!.owners.push(owner);
  };
  const quotedReports = new Set(
    dataset.reports.filter((r) => r.carried.includes('direct-quote')).map((r) => r.id),
  );
  for (let ci = 0; ci < claims.length; ci++) {
    const info = claims[ci]!;
    for (const v of info.claim.variants) {
      const quoted = quotedReports.has(v.reportId);
      addText(v.text, { claim: ci, source: 'variant', outletId: v.outletId, reportId: v.reportId, quoted });
    }
    for (const r of reportsByClaim.get(info.claim.id) ?? []) {
      const quoted = quotedReports.has(r.id);
      addText(r.excerpt, { claim: ci, source: 'excerpt', outletId: r.outletId, reportId: r.id, quoted });
    }
    if (ci % YIELD_EVERY === YIELD_EVERY - 1) yield;
  }

  yield;
  const stopIds = new Set<number>();
  for (const w of STOPWORDS) stopIds.add(vocab.add(stem(w)));

  // Rank's word overlap: content words of each claim's statement and excerpts.
  const wordClaims = new Map<number, number[]>();
  for (let ci = 0; ci < claims.length; ci++) {
    const info = claims[ci]!;
    const sources = [
      info.claim.statement,
      ...(reportsByClaim.get(info.claim.id) ?? []).map((r) => r.excerpt),
    ];
    for (const src of sources) {
      for (const w of tokenize(src).words) {
        const id = vocab.add(stem(w));
        if (stopIds.has(id) || info.words.has(id)) continue;
        info.words.add(id);
        const list = wordClaims.get(id);
        if (list === undefined) wordClaims.set(id, [ci]);
        else list.push(ci);
      }
    }
    if (ci % YIELD_EVERY === YIELD_EVERY - 1) yield;
  }

  yield;
  linkPhrases.finalize((id) => stopIds.has(id));
  yield;
  const recognizer = new Recognizer(recognizerCues, vocab);
  yield;

  // Packed owners and per-claim masks: the sentence loop touches typed arrays, not objects.
  const phraseFacts: (Int32Array | undefined)[] = [];
  const phraseVetoes: (Int32Array | undefined)[] = [];
  const phraseSubjects: ({ actor?: string; anaphoric: boolean }[] | undefined)[] = [];
  const factOwners = new Int32Array(linkPhrases.phrases.length); // how many claim facts use a phrase
  linkPhrases.owners.forEach((owners, pid) => {
    const facts = owners.flatMap((o) => (o.t === 'fact' ? [o.claim * 32 + o.fact] : []));
    const vetoes = owners.flatMap((o) => (o.t === 'veto' ? [o.claim] : []));
    const subjects = owners.flatMap((o) =>
      o.t === 'subject' ? [{ actor: o.actor, anaphoric: o.anaphoric }] : [],
    );
    phraseFacts[pid] = facts.length > 0 ? Int32Array.from(facts) : undefined;
    phraseVetoes[pid] = vetoes.length > 0 ? Int32Array.from(vetoes) : undefined;
    phraseSubjects[pid] = subjects.length > 0 ? subjects : undefined;
    factOwners[pid] = facts.length;
  });
  // How many printed texts use each word: a stand-in for how often pages will (the words of
  // the claims' own reports are the words pages about them use most).
  const textDf = new Map<number, number>();
  for (const t of texts)
    for (const id of new Set(t.ids)) textDf.set(id, (textDf.get(id) ?? 0) + t.owners.length);
  yield;
  const requiredMask = new Uint32Array(claims.length);
  const aloneMask = new Uint32Array(claims.length);
  const minFacts = new Uint8Array(claims.length);
  const factStart = new Uint32Array(claims.length + 1);
  const factWeight: number[] = [];
  const factPhraseStart: number[] = [0];
  const factPhraseIds: number[] = [];
  const totalWeight = new Float64Array(claims.length);
  const exactWeights = new Uint8Array(claims.length);
  const gateClaims: number[][] = [];
  // Dense owner masks: for phrases with at least 1/16 of the claims as owners (so a dense array
  // is at most 16 times its owner list), the largest MAX_DENSE of them.
  const denseMin = Math.max(DENSE_MIN_OWNERS, claims.length >>> 4);
  const phraseDense: (Uint32Array | undefined)[] = new Array<Uint32Array | undefined>(phraseFacts.length);
  phraseFacts
    .map((codes, pid) => ({ pid, owners: codes?.length ?? 0 }))
    .filter((p) => p.owners >= denseMin)
    .sort((a, b) => b.owners - a.owners || a.pid - b.pid)
    .slice(0, MAX_DENSE)
    .forEach(({ pid }) => {
      const dense = new Uint32Array(claims.length);
      for (const code of phraseFacts[pid]!) dense[code >>> 5]! |= 1 << (code & 31);
      phraseDense[pid] = dense;
    });
  for (let ci = 0; ci < claims.length; ci++) {
    const info = claims[ci]!;
    const phrasesOf: Int32Array[] = info.cues.facts.map((f) =>
      Int32Array.from(new Set(f.phrases.map((p) => linkPhrases.idOf(p)).filter((id) => id >= 0))),
    );
    for (const [fi, f] of info.cues.facts.entries()) {
      factWeight.push(f.weight);
      factPhraseIds.push(...phrasesOf[fi]!);
      factPhraseStart.push(factPhraseIds.length);
    }
    factStart[ci + 1] = factWeight.length;
    totalWeight[ci] = info.totalWeight;
    exactWeights[ci] = info.cues.facts.every((f) => Number.isInteger(f.weight * 1024)) ? 1 : 0;
    info.cues.facts.forEach((f, fi) => {
      if (f.need) requiredMask[ci]! |= 1 << fi;
      if (f.alone) aloneMask[ci]! |= 1 << fi;
    });
    minFacts[ci] = info.cues.facts.length === 0 ? 255 : info.cues.min;
    // Gates: the facts a sentence must show before the claim is looked at. Any match needs its
    // rarest required fact (or, when all are optional, one of the n - min + 1 rarest), and any
    // `alone` fact can match by itself; so thousands of claims sharing "officer" cost nothing
    // in a sentence that lacks their rare words.
    const cost = (fi: number): number => {
      let c = 0;
      for (const pid of phrasesOf[fi]!) {
        const p = linkPhrases.phrases[pid]!;
        const anchor = p.ids[p.anchor]!;
        c += 1 + factOwners[pid]! + (textDf.get(anchor) ?? 0) + (stopIds.has(anchor) ? 1000 : 0);
      }
      return c;
    };
    const facts = info.cues.facts.map((_, fi) => fi);
    const required = facts.filter((fi) => info.cues.facts[fi]!.need);
    let gates: number[];
    if (required.length > 0) gates = [required.reduce((a, b) => (cost(b) < cost(a) ? b : a))];
    else
      gates = facts.sort((a, b) => cost(a) - cost(b)).slice(0, Math.max(1, facts.length - info.cues.min + 1));
    for (const fi of info.cues.facts.keys())
      if (info.cues.facts[fi]!.alone && !gates.includes(fi)) gates.push(fi);
    for (const fi of gates) {
      for (const pid of phrasesOf[fi]!) {
        const list = (gateClaims[pid] ??= []);
        if (list[list.length - 1] !== ci) list.push(ci);
      }
    }
    if (ci % YIELD_EVERY === YIELD_EVERY - 1) yield;
  }
  yield;
  const phraseGates: (Int32Array | undefined)[] = [];
  for (let pid = 0; pid < linkPhrases.phrases.length; pid++) {
    const list = gateClaims[pid];
    phraseGates[pid] = list === undefined ? undefined : Int32Array.from(list);
  }
  const speakerAnchors = new Uint8Array(vocab.size);
  const gateAnchors = new Uint8Array(vocab.size);
  linkPhrases.phrases.forEach((p, pid) => {
    const anchor = p.ids[p.anchor]!;
    if (phraseSubjects[pid]?.some((sp) => sp.actor !== undefined)) speakerAnchors[anchor] = 1;
    if (phraseGates[pid] !== undefined) gateAnchors[anchor] = 1;
  });
  const kinds = wordKinds((w) => vocab.get(w), vocab.size);
  for (const id of stopIds) kinds[id]! |= KIND_STOP;
  const phraseCount = linkPhrases.phrases.length;
  const [factCodeAt, factCodes] = flatten(phraseFacts, phraseCount);
  const [gateClaimAt, gateClaimList] = flatten(phraseGates, phraseCount);
  const [vetoClaimAt, vetoClaims] = flatten(phraseVetoes, phraseCount);
  const shingles = new Map<number, Int32Array>();
  for (const [h, tids] of postings) {
    const pairs = new Int32Array(tids.length * 2);
    tids.forEach((t, k) => {
      pairs[2 * k] = t;
      pairs[2 * k + 1] = texts[t]!.shingles;
    });
    shingles.set(h, pairs);
  }
  let shingleMask = (1 << 12) - 1;
  while (shingleMask < 16 * shingles.size && shingleMask < SHINGLE_BITS_MASK)
    shingleMask = 2 * shingleMask + 1;
  const shingleBits = new Uint8Array((shingleMask + 1) >>> 3);
  for (const h of shingles.keys()) shingleBits[(h & shingleMask) >>> 3]! |= 1 << (h & 7);

  return {
    dataset,
    vocab,
    claims,
    claimIndex,
    linkPhrases,
    phraseFacts,
    phraseDense,
    phraseGates,
    factCodeAt,
    factCodes,
    gateClaimAt,
    gateClaims: gateClaimList,
    vetoClaimAt,
    vetoClaims,
    factStart,
    factWeight: Float64Array.from(factWeight),
    factPhraseStart: Uint32Array.from(factPhraseStart),
    factPhraseIds: Int32Array.from(factPhraseIds),
    totalWeight,
    exactWeights,
    phraseSubjects,
    requiredMask,
    aloneMask,
    minFacts,
    texts,
    shingles,
    shingleTable: shingleTable(shingles),
    shingleBits,
    shingleMask,
    wordClaims,
    recognizer,
    outletNames,
    actorNames,
    reportLines: new Map(
      dataset.reports.filter((r) => typeof r.line === 'number').map((r) => [r.id, r.line]),
    ),
    stopIds,
    speakerAnchors,
    gateAnchors,
    wordKinds: kinds,
  };
}

/** The printed versions of a quote claim: its variants, else the quoted words of direct-quote reports. */
function printedVariants(
  claim: Claim,
  reports: Dataset['reports'],
  outletNames: Map<string, string>,
): PrintedVariant[] {
  if (claim.kind !== 'quote') return [];
  const out: PrintedVariant[] = [];
  const make = (outletId: string, printed: string): PrintedVariant => ({
    outletId,
    outletName: outletNames.get(outletId) ?? outletId,
    printed,
    run: wordRun(printed),
    ids: new Int32Array(0), // filled in by buildIndex, which owns the vocabulary
  });
  for (const v of claim.variants) out.push(make(v.outletId, v.text));
  if (out.length === 0) {
    for (const r of reports) {
      if (!r.carried.includes('direct-quote')) continue;
      const m = /[“"]([^”"]+)[”"]?/u.exec(r.excerpt);
      out.push(make(r.outletId, m?.[1] ?? r.excerpt));
    }
  }
  return out;
}

/** A cheap shape check so a broken dataset fails with a clear message, not deep inside. */
function checkDataset(dataset: Dataset): void {
  if (typeof dataset !== 'object' || dataset === null)
    throw new TypeError('createMatcher: dataset is not an object');
  for (const key of ['incidents', 'actors', 'outlets', 'claims', 'reports'] as const) {
    if (!Array.isArray(dataset[key])) throw new TypeError(`createMatcher: dataset.${key} is not an array`);
  }
  if (dataset.incidents.length === 0) throw new TypeError('createMatcher: dataset.incidents is empty');
  dataset.claims.forEach((c, i) => {
    if (typeof c?.id !== 'string')
      throw new TypeError(`createMatcher: dataset.claims[${i}].id is not a string`);
    if (!Array.isArray(c.variants))
      throw new TypeError(`createMatcher: claim "${c.id}": variants is not an array`);
    if (!Array.isArray(c.assertedBy))
      throw new TypeError(`createMatcher: claim "${c.id}": assertedBy is not an array`);
  });
  dataset.reports.forEach((r, i) => {
    if (typeof r?.excerpt !== 'string')
      throw new TypeError(`createMatcher: dataset.reports[${i}].excerpt is not a string`);
  });
}

/** Lists (undefined: empty) as offsets and one array: list i is out[at[i] .. at[i + 1] - 1]. */
function flatten(lists: readonly (Int32Array | undefined)[], n: number): [Int32Array, Int32Array] {
  const at = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) at[i + 1] = at[i]! + (lists[i]?.length ?? 0);
  const out = new Int32Array(at[n]!);
  for (let i = 0; i < n; i++) {
    const list = lists[i];
    if (list !== undefined) out.set(list, at[i]!);
  }
  return [at, out];
}
