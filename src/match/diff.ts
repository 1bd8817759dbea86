// Word-level diff between the words a page quotes and an outlet's printed version of the quote:
// a longest common subsequence over normalized words, reported in each side's original words.

import type { DiffOp } from './types';
import { tokenize, type Tokens } from './normalize';

/** A run of words to compare: tokens of `text` in [from, to). */
export interface WordRun {
  text: string;
  tokens: Pick<Tokens, 'words' | 'starts' | 'ends'>;
  from: number;
  to: number;
}

/** Makes a WordRun of a whole string (an outlet's printed quote). */
export function wordRun(text: string): WordRun {
  const tokens = tokenize(text);
  return { text, tokens, from: 0, to: tokens.length };
}

type Op = DiffOp['op'];

/**
 * Diffs `page` against `printed`: 'same' runs in the page's words, 'added' = page only,
 * 'removed' = printed only; within a change, removed words come before added ones.
 */
export function diffWords(page: WordRun, printed: WordRun): DiffOp[] {
  const a = page.tokens.words;
  const b = printed.tokens.words;
  const n = page.to - page.from;
  const m = printed.to - printed.from;
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] =
        a[page.from + i] === b[printed.from + j]
          ? dp[(i + 1) * w + j + 1]! + 1
          : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
    }
  }
  // Walk forward, collecting per-word ops: [op, side index].
  const ops: { op: Op; i: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[page.from + i] === b[printed.from + j]) {
      ops.push({ op: 'same', i });
      i++;
      j++;
    } else if (j < m && (i >= n || dp[i * w + j + 1]! >= dp[(i + 1) * w + j]!)) {
      ops.push({ op: 'removed', i: j });
      j++;
    } else {
      ops.push({ op: 'added', i });
      i++;
    }
  }
  // Within each change, put removed words first, then merge runs into original text.
  const ordered: typeof ops = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.op === 'same') {
      ordered.push(ops[k]!);
      k++;
      continue;
    }
    let e = k;
    while (e < ops.length && ops[e]!.op !== 'same') e++;
    for (let x = k; x < e; x++) if (ops[x]!.op === 'removed') ordered.push(ops[x]!);
    for (let x = k; x < e; x++) if (ops[x]!.op === 'added') ordered.push(ops[x]!);
    k = e;
  }
  const out: DiffOp[] = [];
  let r = 0;
  while (r < ordered.length) {
    const op = ordered[r]!.op;
    let e = r;
    while (e + 1 < ordered.length && ordered[e + 1]!.op === op && ordered[e + 1]!.i === ordered[e]!.i + 1)
      e++;
    const side = op === 'removed' ? printed : page;
    const first = side.from + ordered[r]!.i;
    const last = side.from + ordered[e]!.i;
    out.push({ op, text: side.text.slice(side.tokens.starts[first]!, side.tokens.ends[last]!) });
    r = e + 1;
  }
  return out;
}
