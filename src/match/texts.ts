// Printed-text matching: which quote variants and report excerpts a sentence repeats, and how
// closely. Candidates come from a 3-word shingle index (so the work follows what the sentence
// shares with the dataset, not the number of texts); each is then aligned word by word.

import type { IndexedText } from './build';

/** Size of the shingle bit filter: 2^20 bits (128 KB) keeps it sparse for 10,000 claims. */
export const SHINGLE_BITS_MASK = (1 << 20) - 1;

/** Three-word shingle hash; collisions only add candidates, which the alignment then rejects. */
export function shingleHash(a: number, b: number, c: number): number {
  return (Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77) ^ Math.imul(c + 1, 0xc2b2ae3d)) | 0;
}

/**
 * Does a sentence sharing `count` shingle occurrences with a printed text of `shingles` shingles
 * get aligned with it? A stray shared phrase is not a repeat of the text: ask for a third of its
 * shingles (and two, when it has two). Monotone in `count`, so a block sharing too few with every
 * text has no sentence that shares enough (the block check in index.ts relies on it).
 */
export function enoughShingles(count: number, shingles: number): boolean {
  return count >= Math.min(2, shingles) && count >= 0.3 * shingles;
}

/** How a sentence lines up with one printed text. */
export interface TextMatch {
  id: number; // index into MatcherIndex.texts
  coverage: number; // share of the printed text's words found, in order
  density: number; // share of the page window those words fill
  lcs: number; // words in common, in order
  first: number; // first and last matched page token
  last: number;
  matched: number[]; // every matched page token
}

/** One alignment between page tokens and a printed text. */
interface Alignment {
  lcs: number;
  first: number;
  last: number;
  matched: number[];
}

/** Finds printed texts in sentences; holds scratch arrays so a page allocates them once. */
export class TextScanner {
  private readonly hits: Int32Array;
  private readonly firstAt: Int32Array;
  private readonly lastAt: Int32Array;
  private readonly share: Float64Array;

  constructor(
    private readonly texts: readonly IndexedText[],
    private readonly shingles: ReadonlyMap<number, number[]>,
    private readonly bits: Uint8Array,
  ) {
    this.hits = new Int32Array(texts.length);
    this.firstAt = new Int32Array(texts.length);
    this.lastAt = new Int32Array(texts.length);
    this.share = new Float64Array(texts.length);
  }

  /**
   * Printed texts sharing enough shingles with ids[from, to), aligned word by word; when more
   * than `limit` qualify, only those sharing the largest share of their shingles are aligned.
   */
  scan(ids: Int32Array, from: number, to: number, limit = Infinity): TextMatch[] {
    const hits = this.hits;
    const touched: number[] = [];
    for (let i = from; i + 2 < to; i++) {
      const a = ids[i]!;
      const b = ids[i + 1]!;
      const c = ids[i + 2]!;
      if (a < 0 || b < 0 || c < 0) continue;
      const h = shingleHash(a, b, c);
      if ((this.bits[(h & SHINGLE_BITS_MASK) >>> 3]! & (1 << (h & 7))) === 0) continue;
      const list = this.shingles.get(h);
      if (list === undefined) continue;
      for (let l = 0; l < list.length; l++) {
        const t = list[l]!;
        if (hits[t] === 0) {
          touched.push(t);
          this.firstAt[t] = i;
        }
        hits[t]!++;
        this.lastAt[t] = i + 2;
      }
    }
    let eligible: number[] = [];
    for (const t of touched) {
      const count = hits[t]!;
      hits[t] = 0;
      const text = this.texts[t]!;
      if (enoughShingles(count, text.shingles)) {
        eligible.push(t);
        this.share[t] = count / text.shingles;
      }
    }
    if (eligible.length > limit) {
      eligible.sort((x, y) => this.share[y]! - this.share[x]! || x - y);
      eligible = eligible.slice(0, limit);
    }
    const out: TextMatch[] = [];
    for (const t of eligible) {
      const text = this.texts[t]!;
      const lo = Math.max(from, this.firstAt[t]! - 3);
      const hi = Math.min(to, this.lastAt[t]! + 4);
      const al = exactAt(ids, this.firstAt[t]!, to, text.ids) ?? align(ids, lo, hi, text.ids);
      if (al.lcs === 0) continue;
      out.push({
        id: t,
        coverage: al.lcs / text.ids.length,
        density: al.lcs / (al.last - al.first + 1),
        lcs: al.lcs,
        first: al.first,
        last: al.last,
        matched: al.matched,
      });
    }
    return out;
  }
}

/** Fast path: the printed text appears word for word at `at` (the usual case for copies). */
function exactAt(ids: Int32Array, at: number, to: number, b: Int32Array): Alignment | undefined {
  if (at + b.length > to) return undefined;
  for (let j = 0; j < b.length; j++) if (ids[at + j] !== b[j]) return undefined;
  const matched = new Array<number>(b.length);
  for (let j = 0; j < b.length; j++) matched[j] = at + j;
  return { lcs: b.length, first: at, last: at + b.length - 1, matched };
}

/**
 * Aligns page ids[lo, hi) with a printed text (longest common subsequence of word ids): how many
 * words match and where the matched page words start and end.
 */
export function align(ids: Int32Array, lo: number, hi: number, b: Int32Array): Alignment {
  const n = hi - lo;
  const m = b.length;
  if (n <= 0 || m === 0) return { lcs: 0, first: lo, last: lo, matched: [] };
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    const a = ids[lo + i]!;
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] =
        a === b[j] ? dp[(i + 1) * w + j + 1]! + 1 : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
    }
  }
  const matched: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    // Before the first match, skip a page word when a later one matches as well: this keeps
    // the window tight ("in her vehicle in a residential…" aligns the second "in").
    if (ids[lo + i] === b[j] && !(matched.length === 0 && dp[(i + 1) * w + j] === dp[i * w + j])) {
      matched.push(lo + i);
      i++;
      j++;
    } else if (dp[(i + 1) * w + j]! >= dp[i * w + j + 1]!) i++;
    else j++;
  }
  return { lcs: dp[0]!, first: matched[0] ?? lo, last: matched[matched.length - 1] ?? lo, matched };
}
