// Synthetic datasets for the benchmark's claims-scaling test: the real claims plus derived ones
// up to a count (1,000, 10,000), so we can see how page time grows with the dataset. A derived
// claim copies a real one with a new id and most of its words and numbers swapped for stable
// pseudo-words, consistently across its statement, quotes, excerpts and cues, so the matcher
// indexes it like a real claim (the cues keep their shape: only words and digits change).

import type { Claim, CueValue, Cues, Dataset, Report } from '../../src/dataset/types';
import { createRng, hash32 } from './prng';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tos',
  'vu',
  'bel',
  'dra',
  'sen',
  'qui',
  'mor',
  'tal',
  'fen',
  'gri',
  'pas',
  'zo',
];

/** The share of longer words a derived claim swaps for pseudo-words. */
export const SWAP_RATE = 0.6;

/** Rewrites the words and numbers of texts for one derived claim, the same way every time. */
export class Perturber {
  private readonly words = new Map<string, string>();
  constructor(private readonly salt: string) {}

  private word(word: string): string {
    const key = word.toLowerCase();
    let replacement = this.words.get(key);
    if (replacement === undefined) {
      const rng = createRng(hash32(`${this.salt}\u0000${key}`));
      if (key.length < 4 || rng.next() >= SWAP_RATE) replacement = key;
      else {
        replacement = '';
        while (replacement.length < key.length - 1) replacement += rng.pick(SYLLABLES);
      }
      this.words.set(key, replacement);
    }
    if (word === word.toUpperCase() && word.length > 1) return replacement.toUpperCase();
    if (word[0] === word[0]!.toUpperCase()) return replacement[0]!.toUpperCase() + replacement.slice(1);
    return replacement;
  }

  private number(digits: string): string {
    const rng = createRng(hash32(`${this.salt}\u0000#${digits}`));
    return digits.replace(/\d/g, (d, i: number) =>
      String(i === 0 && d !== '0' ? rng.int(1, 9) : rng.int(0, 9)),
    );
  }

  /** The text with letters runs and digit runs rewritten; everything else (| .. % punctuation) kept. */
  text(text: string): string {
    return text.replace(/\p{L}+|\d+/gu, (run) => (/\d/.test(run) ? this.number(run) : this.word(run)));
  }

  /** Cues with every string leaf rewritten; keys, numbers and booleans kept. */
  cues(cues: Cues): Cues {
    const walk = (value: CueValue): CueValue => {
      if (typeof value === 'string') return this.text(value);
      if (Array.isArray(value)) return value.map(walk);
      if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
      }
      return value;
    };
    return walk(cues) as Cues;
  }
}

/**
 * The real dataset plus derived claims (with their reports) until it holds `count` claims. The
 * derived claims are deterministic: the same `count` always gives the same dataset.
 */
export function syntheticDataset(base: Dataset, count: number): Dataset {
  if (count < base.claims.length)
    throw new RangeError(`syntheticDataset: ${count} is fewer than the real claims`);
  const claims: Claim[] = [...base.claims];
  const reports: Report[] = [...base.reports];
  const reportsByClaim = new Map<string, Report[]>();
  for (const r of base.reports) reportsByClaim.set(r.claimId, [...(reportsByClaim.get(r.claimId) ?? []), r]);

  for (let i = base.claims.length; i < count; i++) {
    const source = base.claims[i % base.claims.length]!;
    const id = `${source.id}-syn${i}`;
    const p = new Perturber(id);
    const reportIds = new Map<string, string>();
    for (const r of reportsByClaim.get(source.id) ?? []) {
      const reportId = r.id.replace(source.id, id);
      reportIds.set(r.id, reportId);
      const excerpt = p.text(r.excerpt);
      reports.push({ ...r, id: reportId, claimId: id, excerpt, end: r.start + excerpt.length });
    }
    claims.push({
      ...source,
      id,
      statement: p.text(source.statement),
      variants: source.variants.map((v) => ({
        ...v,
        reportId: reportIds.get(v.reportId) ?? v.reportId,
        text: p.text(v.text),
      })),
      ...(source.cues ? { cues: p.cues(source.cues) } : {}),
    });
  }
  return { ...base, version: `${base.version}+synthetic.${count}`, claims, reports };
}
