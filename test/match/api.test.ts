import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Dataset } from '../../src/dataset/types';
import type { ClaimMatch } from '../../src/match/types';
import { createMatcher } from '../../src/match/index';
import { AP_SEED, WJ_SEED, dataset, datasetProblem, matcher, seedText } from './dataset';

if (dataset === undefined) console.warn(`test/match: API tests skipped: ${datasetProblem}`);

const page = (): string => `${seedText(WJ_SEED)}\n\n${seedText(AP_SEED)}`;

describe.skipIf(matcher === undefined)('analyze and linkSteps', () => {
  const m = matcher!;

  it('linkSteps yields the same matches as analyze, in bounded steps', () => {
    const text = page();
    const all = m.analyze({ text }).matches;
    const steps = [...m.linkSteps({ text }, { passagesPerStep: 3 })];
    expect(steps.length).toBeGreaterThan(5);
    expect(steps.flat()).toEqual(all);
  });

  it('recognizeSteps reads a long page a few blocks per step and returns what recognize does', () => {
    const text = Array.from({ length: 16 }, () => page()).join('\n\n'); // ~100 K characters
    const expected = createMatcher(dataset!).recognize({ text });
    const steps = m.recognizeSteps({ text });
    let count = 0;
    let step = steps.next();
    while (!step.done) {
      count++;
      // Another call between steps (a reader's lookup) must not disturb the one under way.
      m.analyze({ text: 'Frey told ICE to get out of Minneapolis.' }, { force: true });
      step = steps.next();
    }
    expect(count).toBeGreaterThanOrEqual(3);
    expect(step.value).toEqual(expected);
    // Linking then reuses the text read in steps, and links what a fresh matcher links.
    const again = m.recognizeSteps({ text });
    while (!again.next().done);
    expect([...m.linkSteps({ text })].flat()).toEqual(createMatcher(dataset!).analyze({ text }).matches);
  });

  it('links two texts stepped in turn, with lookups between the steps, as it links each alone', () => {
    // The Linkers of one matcher share their scratch arrays: none may carry state between calls.
    const a = page();
    const b = `${seedText(AP_SEED)}\n\n${seedText(WJ_SEED)}`;
    const lookup = 'Frey told ICE to get out of Minneapolis.';
    const alone = [a, b, lookup].map(
      (text) => createMatcher(dataset!).analyze({ text }, { force: true }).matches,
    );
    const stepsA = m.linkSteps({ text: a }, { passagesPerStep: 2 });
    const stepsB = m.linkSteps({ text: b }, { passagesPerStep: 3 });
    const got: ClaimMatch[][] = [[], []];
    for (let doneA = false, doneB = false; !doneA || !doneB;) {
      const stepA = doneA ? undefined : stepsA.next();
      const stepB = doneB ? undefined : stepsB.next();
      if (stepA?.done === false) got[0]!.push(...stepA.value);
      else doneA = true;
      if (stepB?.done === false) got[1]!.push(...stepB.value);
      else doneB = true;
      expect(m.analyze({ text: lookup }, { force: true }).matches).toEqual(alone[2]);
    }
    expect(got[0]).toEqual(alone[0]);
    expect(got[1]).toEqual(alone[1]);
    expect(alone[0]!.length).toBeGreaterThan(40);
  });

  it('gives the same matches whether or not the text was just recognized', () => {
    const text = page();
    const all = m.analyze({ text }).matches;
    m.recognize({ text: 'something else about Minneapolis and ICE' }); // drops the cached tokens
    expect([...m.linkSteps({ text }, { passagesPerStep: 2 })].flat()).toEqual(all);
  });

  it('respects caller blocks the same way in both', () => {
    const text = page().replace(/\n\n/g, '\n');
    const blocks = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) blocks.push(i + 1);
    const a = m.analyze({ text, blocks }).matches;
    expect([...m.linkSteps({ text, blocks })].flat()).toEqual(a);
    expect(a.length).toBeGreaterThan(40);
  });

  it('returns matches in reading order with text equal to the slice', () => {
    const text = page();
    const { matches } = m.analyze({ text });
    for (let i = 0; i < matches.length; i++) {
      const x = matches[i]!;
      expect(x.text).toBe(text.slice(x.start, x.end));
      expect(x.score).toBeGreaterThan(0);
      expect(x.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(x.start).toBeGreaterThanOrEqual(matches[i - 1]!.start);
    }
  });

  it('never throws on hostile text, and every match is a slice of it', () => {
    const pieces = fc.constantFrom(
      'ICE officer shot a woman',
      ' in Minneapolis. ',
      '“',
      '”',
      '"',
      '\n\n',
      '\u200b',
      '😀',
      '\ud800',
      'e\u0301',
      'St.',
      '1,300%',
      'x'.repeat(700),
      ' Frey said, ',
      '…',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        for (const x of m.analyze({ text }, { force: true }).matches) {
          expect(x.text).toBe(text.slice(x.start, x.end));
          expect(x.start).toBeLessThan(x.end);
        }
        m.rank(text, 3);
      }),
      { numRuns: 150 },
    );
  });

  it('rejects bad input with a clear message', () => {
    expect(() => m.analyze({} as never)).toThrow(
      /analyze: expected \{ text: string, blocks\?: number\[\] \}/,
    );
    expect(() => m.recognize(null as never)).toThrow(/recognize: expected/);
    expect(() => [...m.linkSteps({ text: 'x' }, { passagesPerStep: 0 })]).toThrow(
      /linkSteps: passagesPerStep must be a whole number >= 1, got 0/,
    );
    expect(() => m.analyze({ text: 'abc', blocks: [7] }, { force: true })).toThrow(
      /blocks\[0\]: 7 is not an integer offset/,
    );
    expect(() => m.rank(3 as never)).toThrow(/rank: expected a string/);
    expect(() => m.rank('x', -1)).toThrow(/rank: limit must be a whole number >= 0/);
  });

  it('createMatcher rejects a broken dataset with the field that is wrong', () => {
    expect(() => createMatcher({} as never)).toThrow(/dataset\.incidents is not an array/);
    const broken = structuredClone(dataset!) as Dataset;
    (broken.reports[2] as { excerpt: unknown }).excerpt = 42;
    expect(() => createMatcher(broken)).toThrow(/dataset\.reports\[2\]\.excerpt is not a string/);
  });
});

describe.skipIf(matcher === undefined)('rank: right-click lookup', () => {
  const m = matcher!;

  it('puts the stated claim first with a reason and a detail', () => {
    const ranked = m.rank('Homeland Security said the woman tried to use her car as a weapon', 3);
    expect(ranked).toHaveLength(3);
    expect(ranked[0]).toMatchObject({ claimId: 'weaponized-vehicle', reason: 'paraphrase' });
    expect(ranked[0]!.detail).toMatch(/used as a weapon/);
    expect(ranked[1]!.score).toBeLessThan(ranked[0]!.score);
  });

  it('scores every claim, with a detail even for weak or no matches', () => {
    const ranked = m.rank('video');
    expect(ranked).toHaveLength(dataset!.claims.length);
    expect(ranked[0]!.score).toBeGreaterThan(0);
    expect(ranked[0]!.reason).toBeUndefined();
    expect(ranked[0]!.detail).toMatch(/key facts/);
    const last = ranked[ranked.length - 1]!;
    expect(last.score).toBe(0);
    expect(last.detail).toBe('No key facts or words in common.');
    const scores = ranked.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('names what is missing for a partial match', () => {
    const top = m.rank('the mayor wants ICE gone', 1)[0]!;
    expect(top.claimId).toBe('frey-demands-ice-leave');
    expect(top.detail).toMatch(/missing: leave/);
  });
});

describe.skipIf(matcher === undefined)('scale: the index, not a loop over claims', () => {
  // Synthetic claims made of nonsense words: they must not change what the real page links,
  // and must not make linking proportionally slower.
  function withNoise(n: number): Dataset {
    const ds = structuredClone(dataset!) as Dataset;
    let seed = 42;
    const word = (): string => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return `zq${seed.toString(36)}`;
    };
    const phrase = (k: number): string => Array.from({ length: k }, word).join(' ');
    const template = ds.claims[0]!;
    const report = ds.reports[0]!;
    for (let i = 0; i < n; i++) {
      const id = `noise-${i}`;
      ds.claims.push({
        ...template,
        id,
        statement: phrase(10),
        variants: [],
        cues: { facts: { a: phrase(2), b: `${phrase(1)}|${phrase(2)}` }, veto: phrase(1) },
      });
      ds.reports.push({ ...report, id: `${id}/x`, claimId: id, excerpt: phrase(12) });
    }
    return ds;
  }

  it('links at most a handful of claims per sentence, the best first, even among 300 copies', () => {
    const ds = structuredClone(dataset!) as Dataset;
    const source = ds.claims.find((c) => c.id === 'weaponized-vehicle')!;
    for (let i = 0; i < 300; i++) ds.claims.push({ ...source, id: `copy-${i}`, variants: [] });
    const m = createMatcher(ds);
    const text = 'Homeland Security said the woman tried to use her car as a weapon.';
    const ids = m.analyze({ text }, { force: true }).matches.map((x) => x.claimId);
    expect(ids.length).toBeLessThanOrEqual(6);
    expect(ids[0]).toBe('weaponized-vehicle'); // equal scores: the dataset's order decides
  });

  it('links the same matches with 2,000 extra claims, without slowing down in proportion', () => {
    const text = page().repeat(8);
    const small = matcher!;
    const big = createMatcher(withNoise(2000));
    const time = (mm: typeof small): number => {
      for (let i = 0; i < 3; i++) mm.analyze({ text });
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) mm.analyze({ text });
      return (performance.now() - t0) / 10;
    };
    expect(big.analyze({ text }).matches).toEqual(small.analyze({ text }).matches);
    const tSmall = time(small);
    const tBig = time(big);
    // 57 times the claims; an index keeps the cost close (a loop over claims would be ~57×).
    expect(tBig).toBeLessThan(tSmall * 4 + 10);
  });
});
