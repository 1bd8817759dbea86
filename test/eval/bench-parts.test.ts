// The benchmark's building blocks: deterministic pages, a baseline that finds what it should,
// and synthetic datasets the matcher accepts. The timings themselves are not tested (a shared
// 2-core machine makes them noisy); `npm run bench` reports them.

import { describe, expect, it } from 'vitest';
import { parseClaimCues } from '../../src/match/cues';
import { createMatcher } from '../../src/match/index';
import { baselinePatterns, baselineSearch, hypothesisSearch } from '../../scripts/corpus/baseline';
import { corpusBlocks, incidentPage, seedArticles } from '../../scripts/corpus/bench-pages';
import { loadCorpus } from '../../scripts/corpus/corpus';
import { loadDataset } from '../../scripts/corpus/dataset';
import { fillerParagraph, TOPICS, unrelatedPage } from '../../scripts/corpus/filler';
import { createRng, hash32 } from '../../scripts/corpus/prng';
import { Perturber, syntheticDataset } from '../../scripts/corpus/synthetic';

const dataset = loadDataset();
const corpus = loadCorpus();
const positives = [...corpus.train, ...corpus.validation].filter((p) => p.about);

describe('the seeded generator', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
    expect(hash32('abc')).toBe(hash32('abc'));
    expect(hash32('abc')).not.toBe(hash32('abd'));
  });

  it('shuffles without losing or adding elements', () => {
    const list = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = createRng(1).shuffle(list);
    expect(shuffled).not.toEqual(list);
    expect(shuffled.slice().sort((x, y) => x - y)).toEqual(list);
  });
});

describe('unrelated pages', () => {
  it('reach the size, mark their blocks, and are the same for the same seed', () => {
    const page = unrelatedPage(createRng(3), 20_000);
    expect(page.text.length).toBeGreaterThanOrEqual(20_000);
    expect(page.blocks[0]).toBe(0);
    for (const start of page.blocks.slice(1)) expect(page.text.slice(start - 2, start)).toBe('\n\n');
    expect(page.text.split('\n\n')).toHaveLength(page.blocks.length);
    expect(unrelatedPage(createRng(3), 20_000)).toEqual(page);
    expect(page.text).not.toMatch(/\{\w+\}/); // every slot filled
  });

  it('keep to their topics, and the pool carries the lookalike words', () => {
    const sports = unrelatedPage(createRng(4), 30_000, ['sports']).text;
    expect(sports).toMatch(/\bice\b/);
    expect(sports).toContain('Portland');
    expect(sports).not.toMatch(/\bICE\b/);
    expect(TOPICS.business!.join(' ')).toMatch(/\bICE\b/);
    expect(() => fillerParagraph(createRng(1), ['gardening'])).toThrow(/unknown filler topic "gardening"/);
  });
});

describe('incident pages', () => {
  it('embed the seed paragraphs and whole corpus pages, with labelled passages at their offsets', () => {
    const articles = seedArticles(dataset);
    expect(articles).toHaveLength(dataset.seeds.length);
    const embedded = positives.slice(0, 3);
    const page = incidentPage(createRng(5), 30_000, articles, embedded);
    expect(page.text.length).toBeGreaterThanOrEqual(30_000);
    for (const paragraph of articles.flat()) expect(page.text).toContain(paragraph);
    const expected = embedded.flatMap((p) => p.passages.map((q) => q.id));
    expect(page.passages.map((p) => p.id).sort()).toEqual(expected.sort());
    for (const p of page.passages) expect(page.text.slice(p.start, p.end)).toBe(p.text);
    for (let i = 1; i < page.passages.length; i++) {
      expect(page.passages[i]!.start).toBeGreaterThan(page.passages[i - 1]!.end);
    }
    for (const start of page.blocks.slice(1)) expect(page.text.slice(start - 2, start)).toBe('\n\n');
    // The filler paragraphs are marked (matches there are false links), and only they are.
    const filler = page.filler ?? [];
    expect(filler.length).toBeGreaterThan(3);
    let fillerChars = 0;
    for (const [s, e] of filler) {
      expect(page.blocks).toContain(s);
      expect(articles.flat()).not.toContain(page.text.slice(s, e));
      expect(page.passages.some((p) => p.start < e && p.end > s)).toBe(false);
      fillerChars += e - s;
    }
    const content = articles.flat().join('').length + embedded.reduce((n, p) => n + p.text.length, 0);
    expect(fillerChars).toBeGreaterThanOrEqual(30_000 - content - 2 * page.blocks.length);
  });

  it('rebuild a corpus page block by block', () => {
    const page = positives[0]!;
    const rebuilt = corpusBlocks(page)
      .map((block) => block.map((p) => p.text).join(' '))
      .join('\n\n');
    expect(rebuilt).toBe(page.text);
  });
});

describe('the fuzzy-quote baseline', () => {
  const patterns = baselinePatterns(dataset);

  it('looks for every report excerpt and every quote variant', () => {
    for (const r of dataset.reports) {
      expect(patterns).toContainEqual({ claimId: r.claimId, text: r.excerpt.trim() });
    }
    for (const c of dataset.claims) {
      for (const v of c.variants) expect(patterns).toContainEqual({ claimId: c.id, text: v.text.trim() });
    }
  });

  it('finds a printed text with a few typos, but not a paraphrase', () => {
    const report = dataset.reports.find((r) => r.excerpt.length > 60)!;
    const typo = report.excerpt.slice(0, 10) + 'xx' + report.excerpt.slice(12);
    const text = `Unrelated words first. ${typo} More words after.`;
    const found = baselineSearch(text, patterns).filter((m) => m.claimId === report.claimId);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.start).toBeGreaterThanOrEqual(20);
    expect(found[0]!.errors).toBeGreaterThan(0);
    const paraphrase =
      'Homeland Security said the woman tried to use her car as a weapon against the officers.';
    expect(baselineSearch(paraphrase, patterns).filter((m) => m.claimId === 'weaponized-vehicle')).toEqual(
      [],
    );
  });

  it('Hypothesis’s search: verbatim copies only when there are some, else fuzzy at half the length', () => {
    const report = dataset.reports.find((r) => r.excerpt.length > 60)!;
    const excerpt = report.excerpt.trim();
    const twice = `Before. ${excerpt} Between. ${excerpt} After.`;
    const exact = hypothesisSearch(twice, patterns).filter((m) => m.claimId === report.claimId);
    expect(exact.map((m) => [m.start, m.errors])).toEqual([
      [8, 0],
      [8 + excerpt.length + 10, 0],
    ]);
    // Not found verbatim: the fuzzy pass allows up to half the text's length in edits.
    const typo = excerpt.slice(0, 10) + 'xx' + excerpt.slice(12);
    const fuzzy = hypothesisSearch(`Words. ${typo}`, patterns).filter((m) => m.claimId === report.claimId);
    expect(fuzzy.length).toBeGreaterThan(0);
    expect(fuzzy.every((m) => m.errors > 0 && m.errors <= excerpt.length / 2)).toBe(true);
  });
});

describe('synthetic datasets', () => {
  it('add derived claims up to the count, each with its own reports and variants', () => {
    const big = syntheticDataset(dataset, 200);
    expect(big.claims).toHaveLength(200);
    expect(new Set(big.claims.map((c) => c.id)).size).toBe(200);
    expect(big.claims.slice(0, dataset.claims.length)).toEqual(dataset.claims);
    const claimIds = new Set(big.claims.map((c) => c.id));
    const reportIds = new Set(big.reports.map((r) => r.id));
    expect(reportIds.size).toBe(big.reports.length);
    for (const r of big.reports) expect(claimIds.has(r.claimId)).toBe(true);
    for (const c of big.claims)
      for (const v of c.variants) expect(reportIds.has(v.reportId), v.reportId).toBe(true);
    const derived = big.claims[dataset.claims.length]!;
    const source = dataset.claims[0]!;
    expect(derived.id).toBe(`${source.id}-syn${dataset.claims.length}`);
    expect(derived.statement).not.toBe(source.statement);
    expect(syntheticDataset(dataset, 200)).toEqual(big);
    expect(() => syntheticDataset(dataset, 3)).toThrow(RangeError);
  });

  it('rewrite words and numbers consistently and keep cues valid', () => {
    const p = new Perturber('salt');
    const cues = {
      facts: {
        act: { any: 'weaponized her vehicle|run over .. officers', alone: true },
        stat: '1,300%|8,000%',
      },
      min: 2,
      veto: 'hockey',
    };
    const rewritten = p.cues(cues);
    expect(Object.keys(rewritten)).toEqual(['facts', 'min', 'veto']);
    expect(() => parseClaimCues('x', rewritten)).not.toThrow();
    const parsed = parseClaimCues('x', rewritten);
    expect(parsed.facts.map((f) => f.phrases.length)).toEqual([2, 2]);
    expect(parsed.facts[0]!.phrases[1]).toMatch(/^\S+ \S+ \.\. \S+$/);
    expect(parsed.facts[1]!.phrases[0]).toMatch(/^\d,\d{3}%$/);
    expect(p.text('Vehicle vehicle VEHICLE')).toMatch(/^(\p{Lu}\p{Ll}*) (\p{Ll}+) (\p{Lu}+)$/u);
    const [a, b, c] = p.text('Vehicle vehicle VEHICLE').split(' ');
    expect(b!.toLowerCase()).toBe(a!.toLowerCase());
    expect(c!.toLowerCase()).toBe(a!.toLowerCase());
  });

  it('are accepted by the matcher', () => {
    expect(() => createMatcher(syntheticDataset(dataset, 300))).not.toThrow();
  });
});
