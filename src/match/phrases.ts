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
  /** anchorIndex[tokenId] = flat list of phrase ids anchored on that token. */
  private anchorIndex: (number[] | undefined)[] = [];
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
    const index: (number[] | undefined)[] = [];
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
      (index[tid] ??= []).push(pid);
    });
    this.anchorIndex = index;
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

  /** Like `scan`, but appends (phrase, start, end) triples to `out` (no callback on the hot path). */
  scanInto(ids: Int32Array, breaks: Uint8Array, from: number, to: number, out: number[]): void {
    this.breaks = breaks;
    const index = this.anchorIndex;
    for (let i = from; i < to; i++) {
      const tid = ids[i]!;
      if (tid < 0) continue;
      const list = index[tid];
      if (list === undefined) continue;
      for (let l = 0; l < list.length; l++) {
        const pid = list[l]!;
        const m = this.verify(this.phrases[pid]!, ids, i, from, to);
        if (m >= 0) out.push(pid, m, this.lastEnd);
      }
    }
  }

  private lastEnd = 0;
  private breaks: Uint8Array = new Uint8Array(0);

  /** Checks phrase `p` with its anchor at position i; returns its start (and sets lastEnd) or -1. */
  private verify(p: CompiledPhrase, ids: Int32Array, i: number, from: number, to: number): number {
    const el = p.ids;
    const gaps = p.gaps;
    let pos = i;
    for (let k = p.anchor - 1; k >= 0; k--) {
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
    for (let k = p.anchor + 1; k < el.length; k++) {
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
