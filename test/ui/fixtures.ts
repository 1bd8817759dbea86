// A small hand-made dataset and engine matches for the UI tests and the gallery, so they do not
// depend on the compiled dataset. Claim ids, actors and outlets follow /work/shared/dataset-brief.md;
// excerpts are verbatim spans of the seeds with their real offsets; statements are our words.

import type { Actor, Claim, Dataset, Framing, Outlet, Report } from '../../src/dataset/types';
import type { ClaimMatch, DiffOp } from '../../src/match/types';

const WJ = '000_0db36e5d1cd6cab9.txt';
const AP = '004_17734199b23d2403.txt';

const actors: Actor[] = [
  {
    id: 'dhs',
    name: 'Department of Homeland Security',
    role: '',
    kind: 'agency',
    aliases: ['DHS', 'Homeland Security', 'the department'],
  },
  {
    id: 'tricia-mclaughlin',
    name: 'Tricia McLaughlin',
    role: 'DHS spokeswoman',
    kind: 'person',
    speaksFor: 'dhs',
    aliases: ['McLaughlin'],
  },
  { id: 'jacob-frey', name: 'Jacob Frey', role: 'Mayor of Minneapolis', kind: 'person', aliases: ['Frey'] },
  {
    id: 'city-of-minneapolis',
    name: 'City of Minneapolis',
    role: 'the city’s account on X',
    kind: 'government',
    aliases: ['the city'],
  },
  {
    id: 'western-journal',
    name: 'The Western Journal',
    role: 'online news site',
    kind: 'outlet',
    aliases: [],
  },
  {
    id: 'associated-press',
    name: 'The Associated Press',
    role: 'wire service',
    kind: 'outlet',
    aliases: ['AP'],
  },
];

const outlets: Outlet[] = [
  {
    id: 'western-journal',
    name: 'The Western Journal',
    kind: 'online news site',
    url: 'https://www.westernjournal.com/watch-footage-multiple-angles-confirms-dhs-account-minneapolis-ice-involved-shooting/',
    published: '2026-01-07',
    seeds: [WJ],
    notes: '',
  },
  {
    id: 'associated-press',
    name: 'The Associated Press',
    kind: 'wire service',
    url: 'https://www.ksby.com/us-news/crime/shooting-is-reported-in-minneapolis-where-the-feds-are-conducting-an-immigration-crackdown',
    published: '2026-01-07',
    seeds: [AP],
    carriedBy: 'Scripps local TV station sites',
    notes: '',
  },
];

function claim(
  id: string,
  kind: Claim['kind'],
  statement: string,
  assertedBy: string[],
  variants: Claim['variants'] = [],
): Claim {
  return { id, incidentId: 'mpls-ice-shooting-2026-01-07', kind, statement, assertedBy, variants };
}

const claims: Claim[] = [
  claim(
    'fatal-shooting',
    'assertion',
    'An ICE officer shot and killed a woman in her vehicle in Minneapolis on Wednesday.',
    ['dhs'],
  ),
  claim(
    'weaponized-vehicle',
    'quote',
    'The driver “weaponized her vehicle, attempting to run over our law enforcement officers in an attempt to kill them.”',
    ['dhs'],
  ),
  claim(
    'domestic-terrorism',
    'characterization',
    'DHS called what the driver did “an act of domestic terrorism.”',
    ['dhs'],
  ),
  claim('rioters-blocked-officers', 'assertion', 'A group of “rioters” began blocking the officers.', [
    'dhs',
  ]),
  claim(
    'defensive-shots',
    'quote',
    'The officer, fearing for his life, the lives of fellow officers and the public’s safety, “fired defensive shots.”',
    ['tricia-mclaughlin', 'dhs'],
  ),
  claim(
    'protesters-gathered',
    'observation',
    'The shooting drew crowds of angry protesters and bystanders.',
    ['associated-press'],
  ),
  claim(
    'frey-demands-ice-leave',
    'quote',
    'Mayor Frey demanded that ICE leave the city (and, in the AP’s version, the state) immediately.',
    ['jacob-frey'],
    [
      {
        outletId: 'western-journal',
        reportId: 'frey-demands-ice-leave/western-journal',
        text: 'We’re demanding ICE to leave the city immediately.',
      },
      {
        outletId: 'associated-press',
        reportId: 'frey-demands-ice-leave/associated-press',
        text: 'We are demanding ICE leave the city and state immediately.',
      },
    ],
  ),
  claim(
    'frey-stands-with-immigrants',
    'quote',
    'Frey: “We stand rock solid with our immigrant and refugee communities.”',
    ['jacob-frey'],
  ),
];

function report(
  claimId: string,
  outletId: 'western-journal' | 'associated-press',
  start: number,
  excerpt: string,
  line: number,
  carried: Report['carried'],
  attributedTo: string[],
  loadedTerms: string[] = [],
  suffix = '',
): Report {
  return {
    id: `${claimId}/${outletId}${suffix}`,
    claimId,
    outletId,
    seed: outletId === 'western-journal' ? WJ : AP,
    start,
    end: start + excerpt.length,
    excerpt,
    carried,
    attributedTo,
    loadedTerms,
    line,
  };
}

const reports: Report[] = [
  report(
    'fatal-shooting',
    'western-journal',
    17,
    'Video footage from multiple angles appears to corroborate the Department of Homeland Security’s account of a fatal shooting Wednesday involving Immigration and Customs Enforcement officers in Minneapolis.',
    1,
    ['paraphrase', 'stated-as-fact'],
    [],
  ),
  report(
    'fatal-shooting',
    'associated-press',
    17,
    'A federal agent shot and killed a Minneapolis motorist when she allegedly tried to run over law enforcement officers during an immigration crackdown in the city, authorities said Wednesday.',
    1,
    ['paraphrase', 'attributed'],
    ['dhs'],
    ['a Minneapolis motorist'],
  ),
  report(
    'fatal-shooting',
    'associated-press',
    208,
    'The Immigration and Customs Enforcement officer shot the woman in her vehicle in a residential neighborhood in Minneapolis, Department of Homeland Security spokeswoman Tricia McLaughlin said in a statement.',
    2,
    ['paraphrase', 'attributed'],
    ['tricia-mclaughlin'],
    [],
    '-2',
  ),
  report(
    'fatal-shooting',
    'associated-press',
    981,
    'Authorities reported a shooting Wednesday involving federal agents in Minneapolis, where immigration enforcement has been conducting a major crackdown.',
    6,
    ['paraphrase', 'attributed'],
    [],
    ['a major crackdown'],
    '-3',
  ),
  report(
    'weaponized-vehicle',
    'western-journal',
    438,
    'weaponized her vehicle, attempting to run over our law enforcement officers in an attempt to kill them',
    3,
    ['direct-quote', 'attributed'],
    ['dhs'],
    ['one individual'],
  ),
  report(
    'weaponized-vehicle',
    'associated-press',
    17,
    'A federal agent shot and killed a Minneapolis motorist when she allegedly tried to run over law enforcement officers during an immigration crackdown in the city, authorities said Wednesday.',
    1,
    ['paraphrase', 'attributed', 'hedged'],
    ['dhs'],
  ),
  report(
    'domestic-terrorism',
    'western-journal',
    373,
    'The department said the situation escalated when one individual “weaponized her vehicle, attempting to run over our law enforcement officers in an attempt to kill them — an act of domestic terrorism.”',
    3,
    ['direct-quote', 'attributed'],
    ['dhs'],
    ['domestic terrorism'],
  ),
  report(
    'rioters-blocked-officers',
    'western-journal',
    223,
    'According to DHS, ICE officers were conducting targeted operations in the city when a group of rioters began blocking officers during the encounter.',
    2,
    ['paraphrase', 'attributed'],
    ['dhs'],
    ['rioters'],
  ),
  report(
    'defensive-shots',
    'western-journal',
    575,
    'DHS said an ICE officer fired defensive shots after fearing for his life, the lives of fellow officers, and the safety of the public.',
    4,
    ['paraphrase', 'attributed'],
    ['dhs'],
  ),
  report(
    'defensive-shots',
    'associated-press',
    418,
    'An ICE officer, fearing for his life, the lives of his fellow law enforcement and the safety of the public, fired defensive shots.',
    3,
    ['direct-quote', 'attributed'],
    ['tricia-mclaughlin'],
  ),
  report(
    'protesters-gathered',
    'associated-press',
    854,
    'The shooting drew throngs of angry protesters to the scene.',
    4,
    ['stated-as-fact'],
    [],
  ),
  report(
    'frey-demands-ice-leave',
    'western-journal',
    2485,
    '“We’re demanding ICE to leave the city immediately.',
    21,
    ['direct-quote', 'attributed'],
    ['jacob-frey'],
  ),
  report(
    'frey-demands-ice-leave',
    'associated-press',
    2035,
    '“We are demanding ICE leave the city and state immediately.',
    13,
    ['direct-quote', 'attributed'],
    ['jacob-frey'],
  ),
  report(
    'frey-stands-with-immigrants',
    'western-journal',
    2537,
    'We stand rock solid with our immigrant and refugee communities.”',
    21,
    ['direct-quote', 'attributed'],
    ['jacob-frey'],
  ),
  report(
    'frey-stands-with-immigrants',
    'associated-press',
    2095,
    'We stand rock solid with our immigrant and refugee communities," Frey said on social media',
    13,
    ['direct-quote', 'attributed'],
    ['jacob-frey'],
  ),
];

const framing: Framing[] = [
  {
    id: 'the-driver',
    referent: 'The driver',
    claimIds: ['weaponized-vehicle', 'fatal-shooting'],
    byOutlet: [
      { outletId: 'western-journal', terms: ['one individual', 'the alleged perpetrator', 'the driver'] },
      { outletId: 'associated-press', terms: ['a Minneapolis motorist', 'the woman'] },
    ],
  },
  {
    id: 'the-attempt',
    referent: 'The attempt to run officers over',
    claimIds: ['weaponized-vehicle'],
    byOutlet: [
      { outletId: 'western-journal', terms: ['weaponized her vehicle'], note: 'DHS’s words, unhedged' },
      { outletId: 'associated-press', terms: ['allegedly tried to run over'] },
    ],
  },
  {
    id: 'people-at-scene',
    referent: 'The people at the scene',
    claimIds: ['rioters-blocked-officers', 'protesters-gathered'],
    byOutlet: [
      { outletId: 'western-journal', terms: ['rioters'], note: 'DHS’s word, without quotation marks' },
      { outletId: 'associated-press', terms: ['protesters', 'bystanders'] },
    ],
  },
  {
    id: 'the-mayor',
    referent: 'The mayor',
    claimIds: ['frey-demands-ice-leave', 'frey-stands-with-immigrants'],
    byOutlet: [
      { outletId: 'western-journal', terms: ['far-left Democratic Minneapolis Mayor Jacob Frey'] },
      { outletId: 'associated-press', terms: ['Mayor Jacob Frey'] },
    ],
  },
];

/** The hand-made dataset: real ids and excerpts, a subset of the claims. */
export const FIXTURE_DATASET: Dataset = {
  version: '0.0.0-fixture',
  contentHash: 'fixture',
  incidents: [
    {
      id: 'mpls-ice-shooting-2026-01-07',
      date: '2026-01-07',
      place: 'East 34th Street and Portland Avenue, Minneapolis, Minnesota',
      summary: 'An ICE officer shot and killed a woman driving an SUV in south Minneapolis.',
      contextTerms: ['Minneapolis', 'ICE', 'Portland Avenue'],
    },
  ],
  actors,
  outlets,
  claims,
  reports,
  framing,
  seeds: [],
};

/** A copy of the fixture dataset that tests may change freely. */
export function cloneFixture(): Dataset {
  return structuredClone(FIXTURE_DATASET);
}

/** Build an engine match with sensible defaults for the fields a test does not care about. */
export function makeMatch(overrides: Partial<ClaimMatch> & Pick<ClaimMatch, 'claimId' | 'text'>): ClaimMatch {
  return {
    start: 0,
    end: overrides.text.length,
    score: 0.9,
    reason: 'paraphrase',
    detail: '',
    carried: [],
    hedges: [],
    quoteComparisons: [],
    ...overrides,
  };
}

/** Word diff helper for fixtures: [op, text] pairs become DiffOps. */
export function ops(...parts: [DiffOp['op'], string][]): DiffOp[] {
  return parts.map(([op, text]) => ({ op, text }));
}

/** A hedged AP-style paraphrase of weaponized-vehicle, attributed to "authorities". */
export const HEDGED_PARAPHRASE = makeMatch({
  claimId: 'weaponized-vehicle',
  start: 120,
  text: 'A federal agent shot and killed a Minneapolis motorist when she allegedly tried to run over law enforcement officers during an immigration crackdown in the city, authorities said Wednesday.',
  reason: 'paraphrase',
  detail: 'key facts: vehicle, run over, law enforcement officers',
  carried: ['paraphrase', 'attributed', 'hedged'],
  attributedTo: { text: 'authorities', actorId: 'dhs' },
  hedges: ['allegedly'],
});

/** The page quotes Frey as the AP printed him; the Western Journal printed other words. */
export const FREY_QUOTE = makeMatch({
  claimId: 'frey-demands-ice-leave',
  start: 400,
  text: '“We are demanding ICE leave the city and state immediately,” Frey said on social media.',
  reason: 'exact-quote',
  detail: 'quote: “We are demanding ICE leave the city and state immediately”',
  carried: ['direct-quote', 'attributed'],
  attributedTo: { text: 'Frey', actorId: 'jacob-frey' },
  quoteComparisons: [
    {
      outletId: 'western-journal',
      printed: 'We’re demanding ICE to leave the city immediately.',
      identical: false,
      ops: ops(
        ['added', 'We are'],
        ['removed', 'We’re'],
        ['same', 'demanding ICE'],
        ['removed', 'to'],
        ['same', 'leave the city'],
        ['added', 'and state'],
        ['same', 'immediately.'],
      ),
    },
    {
      outletId: 'associated-press',
      printed: 'We are demanding ICE leave the city and state immediately.',
      identical: true,
      ops: ops(['same', 'We are demanding ICE leave the city and state immediately.']),
    },
  ],
});

/** A page states the "rioters" claim with no attribution at all. */
export const STATED_AS_FACT = makeMatch({
  claimId: 'rioters-blocked-officers',
  start: 700,
  text: 'A group of rioters began blocking officers before the shooting.',
  reason: 'paraphrase',
  detail: 'key facts: rioters, blocking officers',
  carried: ['paraphrase', 'stated-as-fact'],
});

/** One passage stating two Frey quotes (the AP's line 13). */
const MULTI_TEXT =
  '“We are demanding ICE leave the city and state immediately. We stand rock solid with our immigrant and refugee communities,” Frey said.';
export const MULTI_CLAIM: ClaimMatch[] = [
  { ...FREY_QUOTE, start: 900, end: 900 + MULTI_TEXT.length, text: MULTI_TEXT },
  makeMatch({
    claimId: 'frey-stands-with-immigrants',
    start: 900,
    end: 900 + MULTI_TEXT.length,
    text: MULTI_TEXT,
    reason: 'exact-quote',
    detail: 'quote: “We stand rock solid with our immigrant and refugee communities”',
    carried: ['direct-quote', 'attributed'],
    attributedTo: { text: 'Frey', actorId: 'jacob-frey' },
    score: 0.85,
  }),
];
