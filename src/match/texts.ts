// Printed-text matching: which quote variants and report excerpts a sentence repeats, and how
// closely. Candidates come from a 3-word shingle index (so the work follows what the sentence
// shares with the dataset, not the number of texts); each is then aligned word by word.

import type { IndexedText } from './build';
import { popcount } from './facts';
import { IntList } from './phrases';

/** The largest shingle bit filter (`MatcherIndex.shingleBits`): 2^20 bits (128 KB) keeps it sparse for 10,000 claims. */
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

/** A shingle hash's first slot in a table of 2^(32 - shift) (the top bits of a multiplicative hash). */
function slotOf(h: number, shift: number): number {
  return Math.imul(h, 0x9e3779b1) >>> shift;
}

/**
 * The shingle index (`MatcherIndex.shingles`) as an open-addressing table, made once per index
 * and read by the block plan and the linker's text scan: slot k holds a shingle hash at 2k and
 * 1 + its entry at 2k + 1 (0: empty), found from the hash's top bits (`shift`) onwards; entry e's
 * (text id, the text's shingle count) pairs are postings[postStart[e] .. postStart[e + 1] - 1].
 * One probe of a table that fits the cache (most of a page's shingles are looked up) costs less
 * than a Map lookup and the scattered reads of a typed array per shingle.
 */
export interface ShingleTable {
  table: Int32Array;
  shift: number;
  postStart: Int32Array;
  postings: Int32Array;
}

/** The table of a shingle index (shingle hash → (text id, shingle count) pairs). */
export function shingleTable(shingles: ReadonlyMap<number, Int32Array>): ShingleTable {
  // At most half full, so a probe for a shingle the dataset lacks ends at an empty slot soon.
  let bits = 4;
  while (1 << bits < 2 * shingles.size) bits++;
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  const table = new Int32Array(2 << bits);
  const postStart = new Int32Array(shingles.size + 1);
  let total = 0;
  for (const list of shingles.values()) total += list.length;
  const postings = new Int32Array(total);
  // Plain loops (no per-entry builtin calls): with 10,000 claims this runs 100,000 times, the
  // first of them before the code is optimized.
  let e = 0;
  let at = 0;
  shingles.forEach((list, h) => {
    let k = slotOf(h, shift);
    while (table[2 * k + 1] !== 0) k = (k + 1) & mask;
    table[2 * k] = h;
    table[2 * k + 1] = ++e;
    for (let l = 0; l < list.length; l++) postings[at++] = list[l]!;
    postStart[e] = at;
  });
  return { table, shift, postStart, postings };
}

/** 1 + the entry of shingle hash h in a `ShingleTable`'s `table` (its `shift`); 0 when it has none. */
export function shingleEntry(table: Int32Array, shift: number, h: number): number {
  const mask = (table.length >>> 1) - 1;
  let k = slotOf(h, shift);
  let entry = table[2 * k + 1]!;
  while (entry !== 0 && table[2 * k] !== h) {
    k = (k + 1) & mask;
    entry = table[2 * k + 1]!;
  }
  return entry;
}

/** `TextScanner.scan`'s answer for a sentence with no printed text (shared: callers only read it). */
const NO_MATCHES: TextMatch[] = [];

/** Finds printed texts in sentences; holds scratch arrays so a page allocates them once. */
export class TextScanner {
  /**
   * Per text, four slots side by side (one cache line for the posting loop, which touches
   * thousands of texts at random with a large dataset): shared shingles so far, the first and
   * last page position they start at, and the text's shingle count (from its postings).
   */
  private readonly slots: Int32Array;
  private readonly share: Float64Array;
  private readonly touched = new IntList(1024);
  private readonly eligible = new IntList(256);
  private readonly top = new IntList(32);
  /** A 1,024-bit filter of a page window's word ids, for `reachable`. */
  private readonly windowBits = new Uint32Array(32);
  constructor(
    private readonly texts: readonly IndexedText[],
    /** The index's shingles (see `ShingleTable`). */
    private readonly shingles: ShingleTable,
  ) {
    this.slots = new Int32Array(texts.length * 4);
    this.share = new Float64Array(texts.length);
  }

  /**
   * Printed texts sharing enough shingles with ids[from, to), aligned word by word; when more
   * than `limit` qualify, only those sharing the largest share of their shingles are aligned.
   * Texts that cannot have `minCoverage` of their words in the page window are left out
   * unaligned: with thousands of near-copies of a claim, most candidates share only a few words.
   */
  scan(ids: Int32Array, from: number, to: number, limit = Infinity, minCoverage = 0): TextMatch[] {
    const slots = this.slots; // [t*4]: hits, first, last, total
    const touched = this.touched;
    const { table, shift, postStart, postings } = this.shingles;
    touched.clear();
    for (let i = from; i + 2 < to; i++) {
      const a = ids[i]!;
      const b = ids[i + 1]!;
      const c = ids[i + 2]!;
      if (a < 0 || b < 0 || c < 0) continue;
      const entry = shingleEntry(table, shift, shingleHash(a, b, c));
      if (entry === 0) continue;
      for (let l = postStart[entry - 1]!, end = postStart[entry]!; l < end; l += 2) {
        const t = postings[l]!;
        const at = t << 2;
        if (slots[at] === 0) {
          touched.push(t);
          slots[at + 1] = i;
          slots[at + 3] = postings[l + 1]!;
        }
        slots[at]!++;
        slots[at + 2] = i + 2;
      }
    }
    const qualified = this.eligible;
    qualified.clear();
    for (let k = 0; k < touched.size; k++) {
      const t = touched.data[k]!;
      const count = slots[t << 2]!;
      const total = slots[(t << 2) + 3]!;
      slots[t << 2] = 0;
      if (enoughShingles(count, total)) {
        qualified.push(t);
        this.share[t] = count / total;
      }
    }
    // Most sentences share no printed text: no array made for them.
    if (qualified.size === 0) return NO_MATCHES;
    const eligible = qualified.size > limit ? topShares(qualified, this.share, limit, this.top) : qualified;
    const out: TextMatch[] = [];
    for (let e = 0; e < eligible.size; e++) {
      const t = eligible.data[e]!;
      const text = this.texts[t]!;
      const first = slots[(t << 2) + 1]!;
      const lo = Math.max(from, first - 3);
      const hi = Math.min(to, slots[(t << 2) + 2]! + 4);
      let al = exactAt(ids, first, to, text.ids);
      if (al === undefined) {
        // coverage = lcs / length, and lcs <= reachable: the same division decides, so a text
        // left out here is one the alignment would have given less than `minCoverage`.
        if (minCoverage > 0 && this.reachable(ids, lo, hi, text.ids) / text.ids.length < minCoverage)
          continue;
        al = align(ids, lo, hi, text.ids);
      }
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

  /**
   * An upper bound on the words an alignment of ids[lo, hi) with `b` can match: the words of `b`
   * that may occur in the window (a bit filter: collisions only raise the bound), and no more
   * than the window holds.
   */
  private reachable(ids: Int32Array, lo: number, hi: number, b: Int32Array): number {
    const bits = this.windowBits;
    bits.fill(0);
    for (let i = lo; i < hi; i++) {
      const id = ids[i]!;
      if (id >= 0) bits[(id >>> 5) & 31]! |= 1 << (id & 31);
    }
    let n = 0;
    for (let j = 0; j < b.length; j++) {
      const id = b[j]!;
      if ((bits[(id >>> 5) & 31]! & (1 << (id & 31))) !== 0) n++;
    }
    return Math.min(n, hi - lo);
  }
}

/**
 * The `limit` texts of `eligible` with the largest share (ties: lower id first), in that order,
 * into `top`: the first `limit` of a full sort, kept by insertion (most texts lose to the last
 * kept at once).
 */
function topShares(eligible: IntList, share: Float64Array, limit: number, top: IntList): IntList {
  top.clear();
  for (let e = 0; e < eligible.size; e++) top.offerTop(eligible.data[e]!, limit, share);
  return top;
}

/** Fast path: the printed text appears word for word at `at` (the usual case for copies). */
function exactAt(ids: Int32Array, at: number, to: number, b: Int32Array): Alignment | undefined {
  if (at + b.length > to) return undefined;
  for (let j = 0; j < b.length; j++) if (ids[at + j] !== b[j]) return undefined;
  // Pushed, not preallocated: a packed array, as every other evidence list (the loops over a
  // match's evidence then meet one kind of array, not holey ones as well).
  const matched: number[] = [];
  for (let j = 0; j < b.length; j++) matched.push(at + j);
  return { lcs: b.length, first: at, last: at + b.length - 1, matched };
}

/**
 * Aligns page ids[lo, hi) with a printed text (longest common subsequence of word ids): how many
 * words match and where the matched page words start and end. The printed text's ids are
 * dataset word ids (never -1, the page's id for a word the dataset lacks).
 */
export function align(ids: Int32Array, lo: number, hi: number, b: Int32Array): Alignment {
  const n = hi - lo;
  const m = b.length;
  if (n <= 0 || m === 0) return { lcs: 0, first: lo, last: lo, matched: [] };
  // lcs(i, j) = LCS of page words lo+i.. and printed words j.. (0 past either end).
  const lcs = m <= 31 ? lcsRows(ids, lo, n, b) : lcsTable(ids, lo, n, b);
  const matched: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    // Before the first match, skip a page word when a later one matches as well: this keeps
    // the window tight ("in her vehicle in a residential…" aligns the second "in").
    if (ids[lo + i] === b[j] && !(matched.length === 0 && lcs(i + 1, j) === lcs(i, j))) {
      matched.push(lo + i);
      i++;
      j++;
    } else if (lcs(i + 1, j) >= lcs(i, j + 1)) i++;
    else j++;
  }
  return { lcs: lcs(0, 0), first: matched[0] ?? lo, last: matched[matched.length - 1] ?? lo, matched };
}

/** The alignment table and row vectors, kept between calls (a page aligns thousands of short texts). */
let table = new Uint16Array(4096);
let rows = new Int32Array(256);
/** Per word id, the bits of `lcsRows`'s printed text where it stands (all 0 between calls). */
let wordBits = new Int32Array(1024);

/**
 * `align`'s LCS lengths for a printed text of at most 31 words, bit-parallel (Allison and Dix,
 * Hyyrö): one 32-bit vector per page suffix instead of a row of the table. Both sequences are
 * read backwards, so that vector r (page words lo+n-r..) has a 0 at bit k where the LCS with
 * the printed text's last k + 1 words is one more than with its last k.
 */
function lcsRows(ids: Int32Array, lo: number, n: number, b: Int32Array): (i: number, j: number) => number {
  const m = b.length;
  if (rows.length < n + 1) rows = new Int32Array((n + 1) * 2);
  const v = rows;
  // Each page word's match vector read from a table of the printed words, instead of comparing
  // it with every printed word: the table is set here and cleared again before returning.
  let top = 0;
  for (let k = 0; k < m; k++) if (b[k]! > top) top = b[k]!;
  if (wordBits.length <= top) wordBits = new Int32Array((top + 1) * 2);
  const bitsOf = wordBits;
  for (let k = 0; k < m; k++) bitsOf[b[m - 1 - k]!]! |= 1 << k;
  let row = -1;
  v[0] = row;
  for (let r = 1; r <= n; r++) {
    const a = ids[lo + n - r]!;
    const match = a >= 0 && a <= top ? bitsOf[a]! : 0;
    const u = row & match;
    row = (row + u) | 0 | ((row - u) | 0);
    v[r] = row;
  }
  for (let k = 0; k < m; k++) bitsOf[b[k]!] = 0;
  return (i, j) => {
    const k = m - j;
    return k === 0 ? 0 : k - popcount(v[n - i]! & (-1 >>> (32 - k)));
  };
}

/** `align`'s LCS lengths from the full table (printed texts over 31 words). */
function lcsTable(ids: Int32Array, lo: number, n: number, b: Int32Array): (i: number, j: number) => number {
  const m = b.length;
  const w = m + 1;
  const size = (n + 1) * w;
  if (table.length < size) table = new Uint16Array(size * 2);
  const dp = table;
  // Row n is the empty page suffix, and each row's column m the empty printed suffix.
  dp.fill(0, n * w, size);
  for (let i = n - 1; i >= 0; i--) {
    const a = ids[lo + i]!;
    const row = i * w;
    const below = row + w;
    let right = 0;
    dp[row + m] = 0;
    for (let j = m - 1; j >= 0; j--) {
      let v: number;
      if (a === b[j]) v = dp[below + j + 1]! + 1;
      else {
        const down = dp[below + j]!;
        v = down > right ? down : right;
      }
      dp[row + j] = v;
      right = v;
    }
  }
  return (i, j) => dp[i * w + j]!;
}
