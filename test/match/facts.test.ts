// Fact clustering (facts.ts): the cluster search that measures each candidate cluster without
// building it must pick what building every cluster picked.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { ClaimInfo } from '../../src/match/build';
import { clusterFacts, sortByStart, type FactHit, type FactHits, type Hit } from '../../src/match/facts';

const OPTIONAL_REACH = 12;

/** The clustering as first written: every cluster built, the tightest kept, sorted by start. */
function referenceCluster(info: ClaimInfo, hitsByFact: Map<number, Hit[]>): FactHit[] {
  const facts = info.cues.facts;
  let anchorFact = -1;
  let anchorRank = Infinity;
  for (const [fi, hits] of hitsByFact) {
    const rank = (facts[fi]!.need ? 0 : 1000) + hits.length;
    if (rank < anchorRank) {
      anchorRank = rank;
      anchorFact = fi;
    }
  }
  let best: FactHit[] = [];
  let bestExtent = Infinity;
  for (const a of hitsByFact.get(anchorFact) ?? []) {
    const chosen: FactHit[] = [{ fact: anchorFact, start: a.start, end: a.end }];
    let lo = a.start;
    let hi = a.end;
    const centre = (a.start + a.end) / 2;
    const optional: FactHit[] = [];
    for (const [fi, hits] of hitsByFact) {
      if (fi === anchorFact) continue;
      let near = hits[0]!;
      for (const h of hits) {
        if (Math.abs((h.start + h.end) / 2 - centre) < Math.abs((near.start + near.end) / 2 - centre))
          near = h;
      }
      const fh = { fact: fi, start: near.start, end: near.end };
      if (facts[fi]!.need) {
        chosen.push(fh);
        lo = Math.min(lo, near.start);
        hi = Math.max(hi, near.end);
      } else optional.push(fh);
    }
    for (const o of optional)
      if (o.end >= lo - OPTIONAL_REACH && o.start <= hi + OPTIONAL_REACH) chosen.push(o);
    let first = Infinity;
    let last = -Infinity;
    for (const c of chosen) {
      first = Math.min(first, c.start);
      last = Math.max(last, c.end);
    }
    const extent = last - first - chosen.length * 0.5;
    if (extent < bestExtent) {
      bestExtent = extent;
      best = chosen;
    }
  }
  return best.sort((x, y) => x.start - y.start);
}

/** Just the cue facts clusterFacts reads. */
function claimWith(need: readonly boolean[]): ClaimInfo {
  return { cues: { facts: need.map((n) => ({ need: n })) } } as unknown as ClaimInfo;
}

const hit = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 3 }))
  .map(([start, len]) => ({ start, end: start + len }));

describe('clusterFacts', () => {
  it('picks the cluster that building every cluster picks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.array(hit, { minLength: 1, maxLength: 8 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (facts, present) => {
          const info = claimWith(facts.map(([need]) => need));
          const found: FactHits[] = [];
          const map = new Map<number, Hit[]>();
          facts.forEach(([, hits], fi) => {
            // Some facts absent, as in a sentence; hits sorted by start, as factHits gives them.
            if (!present[fi] && fi > 0) return;
            const sorted = sortByStart(hits.map((h) => ({ ...h })));
            found.push({ fact: fi, hits: sorted });
            map.set(fi, sorted);
          });
          expect(clusterFacts(info, found)).toEqual(referenceCluster(info, map));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('drops an optional fact far from the required ones', () => {
    const info = claimWith([true, true, false]);
    const got = clusterFacts(info, [
      { fact: 0, hits: [{ start: 30, end: 31 }] },
      { fact: 1, hits: [{ start: 33, end: 34 }] },
      { fact: 2, hits: [{ start: 2, end: 3 }] },
    ]);
    expect(got.map((h) => h.fact)).toEqual([0, 1]);
  });

  it('gives nothing for no facts', () => {
    expect(clusterFacts(claimWith([true]), [])).toEqual([]);
  });
});

describe('sortByStart', () => {
  it('sorts as the stable Array.prototype.sort does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat()), { maxLength: 12 }),
        (pairs) => {
          const hits = pairs.map(([start, tag]) => ({ start, end: start + 1, tag }));
          expect(sortByStart([...hits])).toEqual([...hits].sort((x, y) => x.start - y.start));
        },
      ),
    );
  });
});
