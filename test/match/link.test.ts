import { describe, expect, it } from 'vitest';

import { dataset, datasetProblem, matcher, seedText } from './dataset';

if (dataset === undefined) console.warn(`test/match: linking tests skipped: ${datasetProblem}`);

const claimsOf = (text: string): string[] =>
  [...new Set(matcher!.analyze({ text }, { force: true }).matches.map((m) => m.claimId))].sort();

describe.skipIf(matcher === undefined)('link: the dataset links back to itself', () => {
  it('links every report excerpt, on its own, to its claim', () => {
    const missed: string[] = [];
    for (const r of dataset!.reports) {
      const matches = matcher!.analyze({ text: r.excerpt }, { force: true }).matches;
      if (!matches.some((m) => m.claimId === r.claimId)) missed.push(`${r.id}: «${r.excerpt}»`);
    }
    expect(missed).toEqual([]);
  });

  it('links every report inside its seed article, at its place, and nothing the dataset does not list', () => {
    for (const seed of dataset!.seeds) {
      const text = seedText(seed.file);
      const { about, matches } = matcher!.analyze({ text });
      expect(about).toBe(true);
      const reports = dataset!.reports.filter((r) => r.seed === seed.file);
      for (const r of reports) {
        const hit = matches.find((m) => m.claimId === r.claimId && m.start < r.end && m.end > r.start);
        expect(hit, `${r.id} not linked at ${r.start}-${r.end}`).toBeDefined();
      }
      for (const m of matches) {
        const listed = reports.some((r) => r.claimId === m.claimId && m.start < r.end && m.end > r.start);
        expect(listed, `${m.claimId} at «${m.text}» is not a report of ${seed.file}`).toBe(true);
        expect(m.text).toBe(text.slice(m.start, m.end));
      }
    }
  });

  it('calls verbatim excerpts exact quotes with a detail naming the outlet', () => {
    const text = seedText('004_17734199b23d2403.txt');
    const m = matcher!.analyze({ text }).matches.find((x) => x.claimId === 'bovino-at-scene')!;
    expect(m.reason).toBe('exact-quote');
    expect(m.score).toBeGreaterThanOrEqual(0.95);
    expect(m.detail).toMatch(/Same words as The Associated Press's report \(line 7\)/);
    expect(m.detail).toMatch(/Names: Gregory Bovino/);
  });
});

describe.skipIf(matcher === undefined)('link: paraphrases by key facts', () => {
  const cases: [string, string[]][] = [
    ['Homeland Security said the woman tried to use her car as a weapon.', ['weaponized-vehicle']],
    ['DHS claims the driver attempted to run down agents with her SUV.', ['weaponized-vehicle']],
    ['Posts claimed she meant to kill the two agents with her Honda.', ['weaponized-vehicle']],
    // Killing *in* the car, or *with* a gun, is the shooting, not the car as a weapon.
    ['An ICE officer killed the woman with a single shot while she sat in her car.', ['fatal-shooting']],
    ['The agency labeled the incident domestic terrorism.', ['domestic-terrorism']],
    ['Officials said the officer fired in self-defense because he feared for his life.', ['defensive-shots']],
    ['She later died of her wounds, DHS said.', ['alleged-perpetrator-died']],
    [
      'Agents who were injured should fully recover, according to the department.',
      ['officers-injured-recovering'],
    ],
    ['Frey told ICE to get out of Minneapolis.', ['frey-demands-ice-leave']],
    ['Frey said federal agents were sowing chaos in the city.', ['frey-causing-chaos']],
    [
      'The mayor said the city stands with its immigrant and refugee neighbors.',
      ['frey-stands-with-immigrants'],
    ],
    ['Video from two angles appears to back up the DHS version of events.', ['video-corroborates-dhs']],
    ['Agents fired several shots into the car.', ['officers-fired-multiple-shots']],
    ['Greg Bovino, the Border Patrol commander, was spotted at the scene.', ['bovino-at-scene']],
    ['Assaults on officers are up 1,300 percent, the department said.', ['assault-statistics']],
    ['About 100 people trained with the Immigration Defense Network on Tuesday night.', ['idn-training']],
    [
      'It happened at the corner of Portland Ave. and E. 34th St. in south Minneapolis.',
      ['location-34th-portland'],
    ],
    [
      'An immigration agent fatally shot a Minneapolis woman who was behind the wheel of her SUV.',
      ['fatal-shooting'],
    ],
    ['A crowd of angry residents gathered and blew whistles at the agents.', ['protesters-gathered']],
  ];
  for (const [text, want] of cases) {
    it(`«${text}» → ${want.join(', ')}`, () => {
      expect(claimsOf(text)).toEqual(want);
      const m = matcher!.analyze({ text }, { force: true }).matches[0]!;
      expect(m.reason).toBe('paraphrase');
      expect(m.detail).toMatch(/Key facts|Numbers|Names/);
    });
  }

  const none = [
    'The FBI has not said whether it will investigate.',
    'Neighbors left flowers at the corner on Thursday.',
    'The woman’s family has not spoken publicly.',
    'Officers could not be reached for comment.',
    'DHS did not say how many shots were fired.',
    'The mayor will hold a news conference at noon.',
    'In a scene that hearkened back to the immigration crackdowns in Los Angeles and Chicago, people gathered.',
    // Other news beside the story on an incident page (sidebars, briefs, tickers).
    'Freezing rain is expected to leave a glaze of ice on untreated roads by Saturday morning.',
    'Police said shots were fired outside a bar downtown early Sunday; no one was hurt.',
    'The council debated a proposal to limit short-term rentals in residential neighborhoods.',
  ];
  for (const text of none) {
    it(`«${text}» states no claim`, () => {
      expect(claimsOf(text)).toEqual([]);
    });
  }

  it('puts the detail in readable words: which facts, numbers and names matched', () => {
    const m = matcher!.analyze(
      { text: 'Homeland Security said the woman tried to use her car as a weapon.' },
      { force: true },
    ).matches[0]!;
    expect(m.detail).toContain('used as a weapon (“as a weapon”)');
    expect(m.detail).toContain(
      'Attributed to “Homeland Security” (Department of Homeland Security), who asserted it',
    );
  });
});

describe.skipIf(matcher === undefined)('link: spans', () => {
  it('links each printed version of a claim quoted side by side in one sentence', () => {
    const text =
      'One outlet printed “We’re demanding ICE to leave the city immediately,” while the wire ' +
      'version read “We are demanding ICE leave the city and state immediately.”';
    const frey = matcher!
      .analyze({ text }, { force: true })
      .matches.filter((m) => m.claimId === 'frey-demands-ice-leave');
    expect(frey.map((m) => m.text)).toEqual([
      'We’re demanding ICE to leave the city immediately',
      'We are demanding ICE leave the city and state immediately',
    ]);
    // Each is identical to the outlet that printed it, and differs from the other's version.
    const same = frey.map((m) => m.quoteComparisons.filter((c) => c.identical).map((c) => c.outletId));
    expect(same).toEqual([['western-journal'], ['associated-press']]);
  });

  it('gives each claim of a busy sentence its own clause', () => {
    const text =
      'A federal agent shot and killed a Minneapolis motorist when she allegedly tried to run over law ' +
      'enforcement officers during an immigration crackdown in the city, authorities said Wednesday.';
    const matches = matcher!.analyze({ text }, { force: true }).matches;
    const byClaim = Object.fromEntries(matches.map((m) => [m.claimId, m.text]));
    expect(byClaim).toEqual({
      'fatal-shooting': 'A federal agent shot and killed a Minneapolis motorist',
      'weaponized-vehicle': 'she allegedly tried to run over law enforcement officers',
      'immigration-crackdown': 'during an immigration crackdown in the city',
    });
  });

  it('never smears a claim over the neighbouring sentence', () => {
    const first =
      'The department said the situation escalated when one individual “weaponized her vehicle, attempting to run ' +
      'over our law enforcement officers in an attempt to kill them — an act of domestic terrorism.”';
    const second = 'DHS said an ICE officer fired defensive shots.';
    const text = `${first} ${second}`;
    const matches = matcher!.analyze({ text }, { force: true }).matches;
    const boundary = first.length;
    for (const m of matches) {
      expect(m.start >= boundary || m.end <= boundary, `${m.claimId} crosses the sentence boundary`).toBe(
        true,
      );
    }
    const where = (id: string) => matches.find((m) => m.claimId === id)!;
    expect(where('weaponized-vehicle').end).toBeLessThanOrEqual(boundary);
    expect(where('domestic-terrorism').text).toBe('an act of domestic terrorism');
    expect(where('defensive-shots').start).toBeGreaterThanOrEqual(boundary);
  });

  it('keeps matches inside their block', () => {
    const text =
      'ICE officers were conducting targeted operations\n\nin the city when rioters blocked officers.';
    const matches = matcher!.analyze({ text }, { force: true }).matches;
    for (const m of matches) expect(m.text.includes('\n\n')).toBe(false);
  });
});
