// The vocabulary (stem → id) and phrase sets: compiled cue phrases found in a page's token ids
// through an inverted index on each phrase's rarest word, so the work per page token is one
// array read plus checks of only the phrases anchored on that word.

import { stem, tokenize } from './normalize';

/** Common words: never used to anchor a phrase, ignored when counting shared words. */
export const STOPWORDS = new Set(
  (
    'a an the of in on at to and or for with by from as that this these those it its is was were be been ' +
    'being are am has have had do does did he she his her him they their them we our us i me my you your ' +
    'not no but who whom which what when where while during about into over under than then there here ' +
    'also more most very just so such can could would should will may might must after before up down out ' +
    'off all any some one if because said says say'
  ).split(' '),
);

/**
 * A growable list of 32-bit ints, for scratch lists reused across sentences and blocks:
 * `clear` keeps the storage (setting a JS array's length to 0 drops it, and refilling it
 * allocates again, which with thousands of claims is megabytes per page).
 */
export class IntList {
  data: Int32Array;
  size = 0;

  constructor(capacity = 64) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  clear(): void {
    this.size = 0;
  }

  /**
   * Offers `value` to a list that keeps the `limit` best values, best first, by `score` (ties:
   * the lower value first): the head of a full sort, kept by insertion, as most values lose to
   * the last one kept at once.
   */
  offerTop(value: number, limit: number, score: Float64Array): void {
    let k: number;
    if (this.size < limit) {
      k = this.size;
      this.push(value);
    } else if (ranksFirst(score, value, this.data[limit - 1]!)) k = limit - 1;
    else return;
    const kept = this.data;
    for (; k > 0 && ranksFirst(score, value, kept[k - 1]!); k--) kept[k] = kept[k - 1]!;
    kept[k] = value;
  }
}

/** Does x rank before y by `score` (ties: the lower first)? */
function ranksFirst(score: Float64Array, x: number, y: number): boolean {
  return score[x]! > score[y]! || (score[x] === score[y] && x < y);
}

/** Distinct page words remembered by `idsOf`. */
const SURFACE_CACHE = 100_000;

/** Maps word stems to dense ids; only stems seen in the dataset or cues get one. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  /** The id of a stem, created when new. */
  add(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
      this.surface.clear(); // a word that mapped to -1 may now have an id
    }
    return id;
  }

  /** The id of a stem, or -1 when no phrase or text uses it. */
  get(s: string): number {
    const id = this.ids.get(s);
    return id === undefined ? -1 : id;
  }

  get size(): number {
    return this.ids.size;
  }

  /** Ids of every token of a page range, -1 for words the dataset never uses. */
  idsOf(words: readonly string[], from = 0, to = words.length): Int32Array {
    const out = new Int32Array(to - from);
    const surface = this.surface;
    for (let i = from; i < to; i++) {
      const w = words[i]!;
      let id = surface.get(w);
      if (id === undefined) {
        id = this.ids.get(stem(w)) ?? -1;
        if (surface.size >= SURFACE_CACHE) surface.clear(); // bound memory on huge pages
        surface.set(w, id);
      }
      out[i - from] = id;
    }
    return out;
  }

  /** Word as written (normalized) → id, so each distinct page word is stemmed once. */
  private readonly surface = new Map<string, number>();
}

/** Most other words allowed between two words joined by ".." in a phrase. */
export const GAP_WORDS = 3;

/** A phrase compiled to stem ids. */
export interface CompiledPhrase {
  text: string; // as written in the cue
  ids: Int32Array;
  /** gaps[k] = how many other words may come before element k (0 for the first). */
  gaps: Uint8Array;
  anchor: number; // index of the rarest element
}

/** Compiles a phrase ("run .. over", "Homeland Security") to stem ids. Empty when it has no words. */
export function compilePhrase(text: string, vocab: Vocabulary): CompiledPhrase {
  const ids: number[] = [];
  const gaps: number[] = [];
  const parts = text.split(/\s*\.\.\s*/);
  parts.forEach((part, p) => {
    const words = tokenize(part).words;
    words.forEach((w, k) => {
      ids.push(vocab.add(stem(w)));
      gaps.push(p > 0 && k === 0 ? GAP_WORDS : 0);
    });
  });
  return { text, ids: Int32Array.from(ids), gaps: Uint8Array.from(gaps), anchor: 0 };
}

/** `PhraseSet` anchors flags: some phrase is anchored on the id; it has split lists as well. */
const ANCHORS_ANY = 1;
const ANCHORS_SPLIT = 2;

/** Phrases anchored on one word, more than this many, are split by the word next to the anchor. */
const SPLIT_ANCHOR = 6;

/**
 * The phrases of a common anchor word ("agent" in "agent shot", "federal agent", … and in
 * thousands of near-copies of claims) split off by the word that must sit right beside the
 * anchor, so an occurrence of the anchor checks only the phrases its neighbours allow. Each
 * list is in ascending phrase id.
 */
interface SplitLists {
  /** Phrases whose next word comes right after the anchor, by that word's id. */
  next: Map<number, number[]>;
  /** Phrases that end at the anchor and whose previous word comes right before it, by that id. */
  prev: Map<number, number[]>;
}

/** One place a phrase was found: token indices [start, end) in the searched range. */
export interface PhraseHit {
  phrase: number;
  start: number;
  end: number;
}

/**
 * A set of phrases, each owned by one or more payloads (a claim's fact, an actor, an incident
 * group). Identical phrases are stored once, so thousands of near-copies of a claim add owners,
 * not work.
 */
export class PhraseSet<Owner> {
  readonly phrases: CompiledPhrase[] = [];
  readonly owners: Owner[][] = [];
  private readonly byKey = new Map<string, number>();
  /**
   * The phrases anchored on each token id that are checked at each of its occurrences, in
   * ascending phrase id, as (phrase, first element, end, anchor element) quads, the elements
   * being indices into `flatIds`: token tid's are anyQuads[4 * anyStart[tid] ..
   * 4 * anyStart[tid + 1] - 1] (typed arrays, each phrase's bounds beside its id).
   * splitIndex[tokenId] = the rest, for anchors of more than SPLIT_ANCHOR phrases.
   */
  private anyStart = new Uint32Array(1);
  private anyQuads = new Int32Array(0);
  private splitIndex: (SplitLists | undefined)[] = [];
  /**
   * At id + 1: ANCHORS_ANY for token ids some phrase is anchored on, with ANCHORS_SPLIT when the
   * id has split lists. Most tokens of a page anchor nothing, and this typed-array test turns
   * them away before any list is read (and says whether `splitIndex` is). Shifted so that a word
   * with no id (-1) reads 0 at index 0 and one test covers it: a third of a page's words have
   * no id, in no pattern, and testing the sign first mispredicted for many of them (half the
   * time of the recognizer's whole-page scan). Sized to the vocabulary (`scanInto` grows it
   * when words are added after `finalize`, as other phrase sets do), so no read falls past its
   * end: V8 makes such reads slower everywhere once one happens.
   */
  private anchors = new Uint8Array(1);
  /** 1 at id + 1 for each id `anchors` flags at `finalize` (see `anchorIds`). */
  private anchorsAtFinalize = new Uint8Array(1);
  /**
   * Every phrase's word ids and gaps in flat arrays (phrase p at flatStart[p] ..
   * flatStart[p + 1] - 1) and its anchor: `verify` reads typed arrays, not one object per phrase.
   */
  private flatStart = new Uint32Array(0);
  private flatIds = new Int32Array(0);
  private flatGaps = new Uint8Array(0);
  private flatAnchor = new Uint32Array(0);
  private finalized = false;

  constructor(private readonly vocab: Vocabulary) {}

  /** Adds a phrase for an owner; returns the phrase id, or -1 when the phrase has no words. */
  add(text: string, owner: Owner): number {
    if (this.finalized) throw new Error('PhraseSet.add: the set is already finalized');
    const compiled = compilePhrase(text, this.vocab);
    if (compiled.ids.length === 0) return -1;
    const key = `${compiled.ids.join(',')}/${compiled.gaps.join(',')}`;
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.phrases.length;
      this.byKey.set(key, id);
      this.phrases.push(compiled);
      this.owners.push([]);
    }
    this.owners[id]!.push(owner);
    return id;
  }

  /** The id of a phrase already added (the same text compiles to the same key), or -1. */
  idOf(text: string): number {
    const compiled = compilePhrase(text, this.vocab);
    return this.byKey.get(`${compiled.ids.join(',')}/${compiled.gaps.join(',')}`) ?? -1;
  }

  /** Picks each phrase's anchor (its least common word) and builds the index. */
  finalize(isStop: (id: number) => boolean): void {
    const df = new Map<number, number>();
    for (const p of this.phrases) for (const id of new Set(p.ids)) df.set(id, (df.get(id) ?? 0) + 1);
    const lists: (number[] | undefined)[] = [];
    this.phrases.forEach((p, pid) => {
      let best = 0;
      let bestCost = Infinity;
      for (let k = 0; k < p.ids.length; k++) {
        const id = p.ids[k]!;
        const cost = (df.get(id) ?? 0) + (isStop(id) ? 1e6 : 0);
        if (cost < bestCost) {
          bestCost = cost;
          best = k;
        }
      }
      p.anchor = best;
      const tid = p.ids[best]!;
      (lists[tid] ??= []).push(pid);
    });
    const anyIndex: number[][] = [];
    const splitIndex: (SplitLists | undefined)[] = [];
    lists.forEach((pids, tid) => {
      if (pids === undefined) return;
      if (pids.length <= SPLIT_ANCHOR) {
        anyIndex[tid] = pids;
        return;
      }
      const any: number[] = [];
      const entry: SplitLists = { next: new Map(), prev: new Map() };
      for (const pid of pids) {
        const p = this.phrases[pid]!;
        const k = p.anchor;
        // The adjacent word the phrase itself requires (no ".." gap): a filter only, as `verify`
        // still checks the whole phrase.
        let key: Map<number, number[]> | undefined;
        let word = -1;
        if (k + 1 < p.ids.length && p.gaps[k + 1] === 0) {
          key = entry.next;
          word = p.ids[k + 1]!;
        } else if (k + 1 === p.ids.length && k > 0 && p.gaps[k] === 0) {
          key = entry.prev;
          word = p.ids[k - 1]!;
        }
        if (key === undefined) any.push(pid);
        else {
          const list = key.get(word);
          if (list === undefined) key.set(word, [pid]);
          else list.push(pid);
        }
      }
      anyIndex[tid] = any;
      splitIndex[tid] = entry;
    });
    this.splitIndex = splitIndex;
    const size = Math.max(lists.length, this.vocab.size) + 1;
    this.anchors = new Uint8Array(size);
    this.anchorsAtFinalize = new Uint8Array(size);
    lists.forEach((pids, tid) => {
      if (pids === undefined) return;
      this.anchors[tid + 1] = splitIndex[tid] !== undefined ? ANCHORS_ANY | ANCHORS_SPLIT : ANCHORS_ANY;
      this.anchorsAtFinalize[tid + 1] = 1;
    });
    const n = this.phrases.length;
    this.flatStart = new Uint32Array(n + 1);
    this.phrases.forEach((p, pid) => (this.flatStart[pid + 1] = this.flatStart[pid]! + p.ids.length));
    this.flatIds = new Int32Array(this.flatStart[n]!);
    this.flatGaps = new Uint8Array(this.flatStart[n]!);
    this.flatAnchor = new Uint32Array(n);
    this.phrases.forEach((p, pid) => {
      this.flatIds.set(p.ids, this.flatStart[pid]!);
      this.flatGaps.set(p.gaps, this.flatStart[pid]!);
      this.flatAnchor[pid] = p.anchor;
    });
    this.anyStart = new Uint32Array(lists.length + 1);
    anyIndex.forEach((pids, tid) => (this.anyStart[tid + 1] = pids.length));
    for (let tid = 0; tid < lists.length; tid++) this.anyStart[tid + 1]! += this.anyStart[tid]!;
    this.anyQuads = new Int32Array(4 * this.anyStart[lists.length]!);
    anyIndex.forEach((pids, tid) => {
      pids.forEach((pid, k) => {
        const at = 4 * (this.anyStart[tid]! + k);
        this.anyQuads[at] = pid;
        this.anyQuads[at + 1] = this.flatStart[pid]!;
        this.anyQuads[at + 2] = this.flatStart[pid + 1]!;
        this.anyQuads[at + 3] = this.flatStart[pid]! + this.flatAnchor[pid]!;
      });
    });
    this.finalized = true;
  }

  /**
   * Finds every phrase in ids[from, to) and calls `hit` for each (positions are indices into
   * ids). Words of a phrase must not be split by punctuation (`breaks`), except across "..".
   */
  scan(
    ids: Int32Array,
    breaks: Uint8Array,
    from: number,
    to: number,
    hit: (phrase: number, start: number, end: number) => void,
  ): void {
    // The callback form, for callers off the hot path: collect, then report in order.
    const found: number[] = [];
    this.scanInto(ids, breaks, from, to, found);
    for (let h = 0; h < found.length; h += 3) hit(found[h]!, found[h + 1]!, found[h + 2]!);
  }

  /**
   * Like `scan`, but appends (phrase, start, end) triples to `out` (no callback on the hot path).
   * Hits come in order of anchor position, then of phrase id.
   */
  scanInto(ids: Int32Array, breaks: Uint8Array, from: number, to: number, out: number[]): void {
    this.breaks = breaks;
    if (this.anchors.length <= this.vocab.size) {
      const grown = new Uint8Array(this.vocab.size + 1);
      grown.set(this.anchors);
      this.anchors = grown;
    }
    const anchors = this.anchors;
    for (let i = from; i < to; i++) {
      const tid = ids[i]!;
      const flags = anchors[tid + 1]!;
      if (flags !== 0) this.hitsAt(flags, tid, ids, breaks, i, from, to, out);
    }
  }

  /**
   * Like `scanInto` over all of ids, but looks only at the token positions `at` (ascending):
   * those whose ids are in `anchorIds` (the first pass notes them as it reads, so the page's
   * other tokens are not visited again). Gives exactly `scanInto`'s hits, in the same order.
   * (Only at positions at[k0] .. at[k1 - 1], when given.)
   */
  scanAt(at: Int32Array, ids: Int32Array, breaks: Uint8Array, out: number[], k0 = 0, k1 = at.length): void {
    this.breaks = breaks;
    const to = ids.length;
    const anchors = this.anchors;
    for (let k = k0; k < k1; k++) {
      const i = at[k]!;
      const tid = ids[i]!;
      // A position whose id anchors nothing here adds nothing, as in `scanInto`.
      const flags = tid + 1 < anchors.length ? anchors[tid + 1]! : 0;
      if (flags !== 0) this.hitsAt(flags, tid, ids, breaks, i, 0, to, out);
    }
  }

  /**
   * The token ids phrases are anchored on, for `scanAt`'s callers to note positions by: 1 at
   * id + 1 for each (fixed at `finalize`; ids added to the vocabulary later anchor nothing).
   */
  get anchorIds(): Uint8Array {
    return this.anchorsAtFinalize;
  }

  /**
   * Appends the hits of the phrases anchored on token `tid` (whose `anchors` flags are `flags`,
   * not 0) at position i, in phrase id order.
   */
  private hitsAt(
    flags: number,
    tid: number,
    ids: Int32Array,
    breaks: Uint8Array,
    i: number,
    from: number,
    to: number,
    out: number[],
  ): void {
    const mark = out.length;
    const quads = this.anyQuads;
    for (let q = 4 * this.anyStart[tid + 1]!, l = 4 * this.anyStart[tid]!; l < q; l += 4) {
      const m = this.verifyAt(quads[l + 1]!, quads[l + 2]!, quads[l + 3]!, ids, i, from, to);
      if (m >= 0) out.push(quads[l]!, m, this.lastEnd);
    }
    if ((flags & ANCHORS_SPLIT) === 0) return;
    const split = this.splitIndex[tid]!;
    let lists = out.length > mark ? 1 : 0;
    if (i + 1 < to && breaks[i + 1] === 0) {
      const next = split.next.get(ids[i + 1]!);
      if (next !== undefined && this.verifyAll(next, ids, i, from, to, out)) lists++;
    }
    if (i > from && breaks[i] === 0) {
      const prev = split.prev.get(ids[i - 1]!);
      if (prev !== undefined && this.verifyAll(prev, ids, i, from, to, out)) lists++;
    }
    if (lists > 1) sortTriples(out, mark);
  }

  /**
   * Is phrase `pid` in ids[from, to) with its anchor word at i (as `scanInto` would find it)?
   * For callers that only need to know whether a few chosen phrases occur.
   */
  matchAt(pid: number, ids: Int32Array, breaks: Uint8Array, i: number, from: number, to: number): boolean {
    this.breaks = breaks;
    return this.verify(pid, ids, i, from, to) >= 0;
  }

  /** The token id a phrase is anchored on (where `scanInto` and `matchAt` look for it). */
  anchorOf(pid: number): number {
    return this.flatIds[this.flatStart[pid]! + this.flatAnchor[pid]!]!;
  }

  /** Verifies phrases `pids` with their anchor at i, appending hits; did any match? */
  private verifyAll(
    pids: number[],
    ids: Int32Array,
    i: number,
    from: number,
    to: number,
    out: number[],
  ): boolean {
    let found = false;
    for (let l = 0; l < pids.length; l++) {
      const pid = pids[l]!;
      const m = this.verify(pid, ids, i, from, to);
      if (m >= 0) {
        out.push(pid, m, this.lastEnd);
        found = true;
      }
    }
    return found;
  }

  private lastEnd = 0;
  private breaks: Uint8Array = new Uint8Array(0);

  /** Checks phrase `pid` with its anchor at position i; returns its start (and sets lastEnd) or -1. */
  private verify(pid: number, ids: Int32Array, i: number, from: number, to: number): number {
    const first = this.flatStart[pid]!;
    return this.verifyAt(first, this.flatStart[pid + 1]!, first + this.flatAnchor[pid]!, ids, i, from, to);
  }

  /**
   * `verify` of the phrase at flatIds[first, end), whose anchor is flatIds[anchor], with the
   * anchor at position i.
   */
  private verifyAt(
    first: number,
    end: number,
    anchor: number,
    ids: Int32Array,
    i: number,
    from: number,
    to: number,
  ): number {
    const el = this.flatIds;
    const gaps = this.flatGaps;
    let pos = i;
    for (let k = anchor - 1; k >= first; k--) {
      const maxGap = gaps[k + 1]!;
      let found = -1;
      if (maxGap === 0) {
        if (pos - 1 >= from && ids[pos - 1] === el[k] && this.breaks[pos] === 0) found = pos - 1;
      } else {
        for (let q = pos - 1; q >= from && q >= pos - 1 - maxGap; q--) {
          if (ids[q] === el[k]) {
            found = q;
            break;
          }
        }
      }
      if (found < 0) return -1;
      pos = found;
    }
    const start = pos;
    pos = i;
    for (let k = anchor + 1; k < end; k++) {
      const maxGap = gaps[k]!;
      let found = -1;
      if (maxGap === 0) {
        if (pos + 1 < to && ids[pos + 1] === el[k] && this.breaks[pos + 1] === 0) found = pos + 1;
      } else {
        for (let q = pos + 1; q < to && q <= pos + 1 + maxGap; q++) {
          if (ids[q] === el[k]) {
            found = q;
            break;
          }
        }
      }
      if (found < 0) return -1;
      pos = found;
    }
    this.lastEnd = pos + 1;
    return start;
  }
}

/** Sorts the (phrase, start, end) triples of out[from..] by phrase id (a few, so by insertion). */
function sortTriples(out: number[], from: number): void {
  for (let a = from + 3; a < out.length; a += 3) {
    const pid = out[a]!;
    const start = out[a + 1]!;
    const end = out[a + 2]!;
    let b = a - 3;
    for (; b >= from && out[b]! > pid; b -= 3) {
      out[b + 3] = out[b]!;
      out[b + 4] = out[b + 1]!;
      out[b + 5] = out[b + 2]!;
    }
    out[b + 3] = pid;
    out[b + 4] = start;
    out[b + 5] = end;
  }
}
