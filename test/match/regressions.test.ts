// Bugs found by other parts of the project (property tests, browser fixtures, hostile pages),
// each pinned here so it stays fixed.

import { describe, expect, it } from 'vitest';

import { createMatcher, segment } from '../../src/match/index';
import { dataset, datasetProblem, matcher } from './dataset';

if (dataset === undefined) console.warn(`test/match: regression tests skipped: ${datasetProblem}`);

const sentencesOf = (text: string): string[] => {
  const seg = segment({ text });
  return [...seg.sentStarts].map((s, i) => text.slice(s, seg.sentEnds[i]));
};

describe('segment: regressions', () => {
  it('keeps exclamations inside a quotation that goes on in one sentence', () => {
    expect(sentencesOf('Protesters chanted “Shame! Shame! Shame!” from behind the police tape.')).toEqual([
      'Protesters chanted “Shame! Shame! Shame!” from behind the police tape.',
    ]);
    expect(sentencesOf('“Shame! Shame! Shame!” they loudly chanted from behind the police tape.')).toEqual([
      '“Shame! Shame! Shame!” they loudly chanted from behind the police tape.',
    ]);
    expect(sentencesOf('He asked “Why? Why now?” Nobody answered.')).toEqual([
      'He asked “Why? Why now?”',
      'Nobody answered.',
    ]);
    expect(sentencesOf('Crowds chanted "Shame! Shame!" all night. Police left.')).toEqual([
      'Crowds chanted "Shame! Shame!" all night.',
      'Police left.',
    ]);
  });

  it('still ends a sentence at a quotation that closes with "!"', () => {
    expect(sentencesOf('She yelled “Stop!” Then he fired.')).toEqual([
      'She yelled “Stop!”',
      'Then he fired.',
    ]);
  });

  it('cuts a 2 MB line without line breaks in linear time', () => {
    const text = 'word '.repeat(400_000);
    const t0 = performance.now();
    const seg = segment({ text });
    const ms = performance.now() - t0;
    expect(seg.sentenceCount).toBeGreaterThan(3000);
    for (let s = 0; s < seg.sentenceCount; s++)
      expect(seg.sentEnds[s]! - seg.sentStarts[s]!).toBeLessThanOrEqual(600);
    // Quadratic scanning took minutes here; linear takes well under a second even on a busy machine.
    expect(ms).toBeLessThan(3000);
  });
});

describe.skipIf(matcher === undefined)('link: regressions', () => {
  it('keeps analyze matches inside one block when a block starts inside a word', () => {
    const input = { text: 'DHS said “agent at 34th Street & Portland,”.” ', blocks: [34] };
    for (const m of matcher!.analyze(input, { force: true }).matches) {
      expect(m.end <= 34 || m.start >= 34, `${m.claimId} [${m.start}, ${m.end})`).toBe(true);
    }
  });

  it('does not link related-story link lines', () => {
    const lines = [
      'RELATED: Minnesota governor criticizes federal surge',
      'RELATED STORY | Minnesota governor criticizes federal immigration surge',
      'READ MORE: Federal immigration crackdown reaches Minneapolis',
      'WATCH | ICE officer shot and killed a woman in Minneapolis',
      'IN CASE YOU MISSED IT | Federal immigration surge in Minneapolis',
      // Every label the opening-letters prefilter of isLinkLine lets through, in either case.
      'Also read: Governor criticizes federal immigration surge',
      'see also | Governor criticizes federal immigration surge',
      'More coverage: Governor criticizes federal immigration surge',
      'More on this story: Governor criticizes federal immigration surge',
      'Listen: Governor criticizes federal immigration surge',
      'Up next: Governor criticizes federal immigration surge',
      'Recommended: Governor criticizes federal immigration surge',
      'TRENDING: Governor criticizes federal immigration surge',
      'Top stories | Governor criticizes federal immigration surge',
      'Read next: Governor criticizes federal immigration surge',
      'Watch live: Governor criticizes federal immigration surge',
      'More: Governor criticizes federal immigration surge',
    ];
    for (const line of lines) {
      expect(matcher!.analyze({ text: line }, { force: true }).matches, line).toEqual([]);
    }
    // The same headline as a sentence of the story is linked.
    const story = matcher!.analyze(
      { text: 'The governor criticized the federal immigration surge.' },
      { force: true },
    );
    expect(story.matches.map((m) => m.claimId)).toContain('immigration-crackdown');
  });

  it('does not read "the woman tried to kill the officers" as the fatal shooting', () => {
    const text =
      'Some sites went further and simply reported that the woman tried to kill the officers with her SUV.';
    const ids = matcher!.analyze({ text }, { force: true }).matches.map((m) => m.claimId);
    expect(ids).not.toContain('fatal-shooting');
  });

  // Found in exploratory QA (session 7): a quote whose key words end right before its speaker
  // was taken for a claim *about* the speaker ("far-left … Mayor Jacob Frey criticized") and
  // shown as stated as fact.
  it('credits a quotation to the speaker named right after it', () => {
    const quote =
      '“An ICE officer, fearing for his life, the lives of his fellow law enforcement and the ' +
      'safety of the public, fired defensive shots,”';
    const cases: [string, string, string][] = [
      [
        `${quote} Homeland Security spokeswoman Tricia McLaughlin said in a statement.`,
        'defensive-shots',
        'tricia-mclaughlin',
      ],
      [`${quote} McLaughlin said.`, 'defensive-shots', 'tricia-mclaughlin'],
      [`${quote} DHS said in a statement.`, 'defensive-shots', 'dhs'],
      ['“Please avoid this area,” the city said on X.', 'city-avoid-area', 'city-of-minneapolis'],
      ['“Please avoid this area,” city officials said.', 'city-avoid-area', 'city-of-minneapolis'],
    ];
    for (const [text, claimId, actorId] of cases) {
      const m = matcher!.analyze({ text }, { force: true }).matches.find((x) => x.claimId === claimId);
      expect(m, text).toBeDefined();
      expect(m!.carried, text).toEqual(['direct-quote', 'attributed']);
      expect(m!.attributedTo?.actorId, text).toBe(actorId);
    }
  });

  // Found in exploratory QA (session 7): a snow-emergency story appended below the article
  // (infinite scroll) had its "residential streets" linked to the shooting's neighborhood.
  it('does not link residential streets in another story on an incident page', () => {
    const text = [
      'The Immigration and Customs Enforcement officer shot the woman in her vehicle in a residential ' +
        'neighborhood in Minneapolis, Department of Homeland Security spokeswoman Tricia McLaughlin said.',
      'Public Works said crews expect to finish plowing residential streets by Saturday evening.',
      'Vehicles parked on residential streets in the city will be towed starting at 9 p.m.',
    ].join('\n\n');
    const matches = matcher!.analyze({ text }, { force: true }).matches;
    const residential = matches.filter((m) => m.claimId === 'residential-neighborhood');
    expect(residential.map((m) => text.slice(m.start, m.end))).toEqual([
      'in a residential neighborhood in Minneapolis',
    ]);
  });

  it('aligns a quote comparison around markup inserted in the quotation', () => {
    const text =
      'The Department of Homeland Security said she “weaponized her vehicle, attempting to run over our law ' +
      'enforcement officers <img src=x onerror="window.x=\'img\';alert(1)"> in an attempt to kill them.”';
    const m = matcher!
      .analyze({ text }, { force: true })
      .matches.find((x) => x.claimId === 'weaponized-vehicle');
    expect(m).toBeDefined();
    expect(m!.quoteComparisons.length).toBeGreaterThan(0);
    for (const cmp of m!.quoteComparisons) {
      const removed = cmp.ops.filter((o) => o.op === 'removed').map((o) => o.text);
      // Every printed word is on the page: nothing is "left out".
      expect(removed, cmp.outletId).toEqual([]);
      expect(cmp.ops.some((o) => o.op === 'added' && o.text.includes('onerror'))).toBe(true);
      expect(cmp.ops.some((o) => o.op === 'same' && o.text.includes('in an attempt to kill them'))).toBe(
        true,
      );
    }
  });
});

describe.skipIf(dataset === undefined)('createMatcher: cheap start-up', () => {
  it('answers mayBeAbout before building the indexes, and builds them on first use', () => {
    const m = createMatcher(dataset!);
    expect(m.mayBeAbout('Nothing here but the weather in Duluth.')).toBe(false);
    expect(m.mayBeAbout('An ICE officer shot a woman in Minneapolis.')).toBe(true);
    expect(m.recognize({ text: 'An ICE officer shot a woman in Minneapolis.' }).score).toBeGreaterThan(0);
  });

  it('still throws on bad cues when created, not on first use', () => {
    const bad = structuredClone(dataset!);
    const claim = bad.claims[0]!;
    claim.cues = { facts: { car: { any: 'car', need: 'yes' } } } as unknown as typeof claim.cues;
    expect(() => createMatcher(bad)).toThrow(/need/);
  });
});
