// One test per kind of mistake a maintainer can make in seeds/: each feeds a broken copy of the
// real annotations and checks the exact message (file, record id, field, problem), and that
// the mistake does not drown in follow-on messages.

import { describe, expect, it } from 'vitest';

import { compileDataset } from '../../src/dataset/compile';
import {
  AP_REPORTS,
  AP_SEED,
  WJ_REPORTS,
  WJ_SEED,
  byId,
  editJson,
  problems,
  realInput,
  withFile,
  type Json,
  type ReportsFile,
} from './helpers';

const base = realInput();
const apText = base.files[`articles/${AP_SEED}`] ?? '';

describe('the real annotations', () => {
  it('compile without problems', () => {
    expect(problems(base)).toEqual([]);
  });
});

describe('schema', () => {
  it('reports a missing field', () => {
    const input = editJson(base, 'annotations/claims.json', (claims: Json[]) => {
      delete byId(claims, 'shame-chant').statement;
    });
    expect(problems(input)).toEqual(['seeds/annotations/claims.json: shame-chant: statement: is missing']);
  });

  it('reports a wrong-typed field', () => {
    const input = editJson(base, 'annotations/actors.json', (actors: Json[]) => {
      byId(actors, 'jacob-frey').aliases = 'Frey';
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/actors.json: jacob-frey: aliases: expected an array of strings, found a string ("Frey")',
    ]);
  });

  it('reports an empty string where text is required', () => {
    const input = editJson(base, 'annotations/outlets.json', (outlets: Json[]) => {
      byId(outlets, 'western-journal').notes = '  ';
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/outlets.json: western-journal: notes: expected a non-empty string, found a string ("  ")',
    ]);
  });

  it('reports an unknown field, to catch typos', () => {
    const input = editJson(base, AP_REPORTS, (file: ReportsFile) => {
      const report = byId(file.reports, 'shame-chant/associated-press') as Json;
      report.notes = report.note;
      delete report.note;
    });
    expect(problems(input)).toEqual([
      `seeds/${AP_REPORTS}: shame-chant/associated-press: notes: unknown field (allowed: id, claimId, excerpt, occurrence, start, end, carried, attribution, attributedTo, loadedTerms, note)`,
    ]);
  });

  it('names a record without an id by its position', () => {
    const input = editJson(base, 'annotations/framing.json', (framing: Json[]) => {
      delete framing[1].id;
    });
    expect(problems(input)).toEqual(['seeds/annotations/framing.json: framing[1]: id: is missing']);
  });

  it('rejects ids that are not lowercase-hyphenated', () => {
    const input = editJson(base, 'annotations/framing.json', (framing: Json[]) => {
      framing[0].id = 'The Driver';
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/framing.json: The Driver: id: "The Driver" is not a lowercase-hyphenated id like "frey-causing-chaos"',
    ]);
  });

  it('reports invalid JSON with the parser message', () => {
    const input = withFile(base, 'annotations/outlets.json', '[{"id": "western-journal",]');
    const found = problems(input);
    expect(found[0]).toMatch(/^seeds\/annotations\/outlets\.json: \(file\): \(file\): invalid JSON: /);
  });

  it('reports a missing annotation file', () => {
    const input = withFile(base, 'annotations/framing.json', undefined);
    expect(problems(input)).toEqual(['seeds/annotations/framing.json: (file): (file): file is missing']);
  });

  it('reports a file that is not part of the format', () => {
    const input = withFile(base, 'annotations/claim.json', '[]');
    expect(problems(input)).toEqual([
      'seeds/annotations/claim.json: (file): (file): unknown file: expected sources.json, articles/<seed>.txt, annotations/{meta,incidents,actors,outlets,claims,framing,cues}.json or annotations/reports/<seed>.json',
    ]);
  });

  it('rejects a version that is not semver', () => {
    const input = withFile(base, 'annotations/meta.json', '{"version": "1.0"}');
    expect(problems(input)).toEqual([
      'seeds/annotations/meta.json: (file): version: "1.0" is not a semantic version like 1.2.0',
    ]);
  });

  it('rejects a date that is not a calendar date', () => {
    const input = editJson(base, 'annotations/incidents.json', (incidents: Json[]) => {
      incidents[0].date = '2026-02-30';
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/incidents.json: mpls-ice-shooting-2026-01-07: date: "2026-02-30" is not a calendar date in the form YYYY-MM-DD',
    ]);
  });
});

describe('allowed values', () => {
  it('rejects a claim kind outside CLAIM_KINDS', () => {
    const input = editJson(base, 'annotations/claims.json', (claims: Json[]) => {
      byId(claims, 'domestic-terrorism').kind = 'label';
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/claims.json: domestic-terrorism: kind: "label" is not one of quote, assertion, observation, characterization',
    ]);
  });

  it('rejects a carried value outside CARRIED_VALUES', () => {
    const input = editJson(base, WJ_REPORTS, (file: ReportsFile) => {
      byId(file.reports, 'suv-crashed/western-journal').carried = ['stated-as-fact', 'quoted'];
    });
    expect(problems(input)).toEqual([
      `seeds/${WJ_REPORTS}: suv-crashed/western-journal: carried[1]: "quoted" is not one of direct-quote, paraphrase, attributed, hedged, stated-as-fact`,
    ]);
  });

  it('rejects an actor kind outside ACTOR_KINDS', () => {
    const input = editJson(base, 'annotations/actors.json', (actors: Json[]) => {
      byId(actors, 'mary-moran').kind = 'resident';
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/actors.json: mary-moran: kind: "resident" is not one of agency, person, government, outlet, organization',
    ]);
  });

  it('rejects carried values that contradict each other or the attribution', () => {
    const input = editJson(base, WJ_REPORTS, (file: ReportsFile) => {
      byId(file.reports, 'suv-crashed/western-journal').carried = ['stated-as-fact', 'attributed'];
      delete byId(file.reports, 'evolving-situation/western-journal').attribution;
    });
    expect(problems(input)).toEqual([
      `seeds/${WJ_REPORTS}: evolving-situation/western-journal: attribution: is missing: "attributed" reports name the words that credit the source ("DHS said")`,
      `seeds/${WJ_REPORTS}: suv-crashed/western-journal: carried: "stated-as-fact" means no attribution, so it cannot go with "attributed"`,
      `seeds/${WJ_REPORTS}: suv-crashed/western-journal: attribution: is missing: "attributed" reports name the words that credit the source ("DHS said")`,
    ]);
  });

  it('rejects attributedTo on a report not carried as attributed', () => {
    const input = editJson(base, WJ_REPORTS, (file: ReportsFile) => {
      byId(file.reports, 'suv-crashed/western-journal').attributedTo = ['dhs'];
    });
    expect(problems(input)).toEqual([
      `seeds/${WJ_REPORTS}: suv-crashed/western-journal: attributedTo: names actors but "carried" does not include "attributed"`,
    ]);
  });
});

describe('duplicates', () => {
  it('reports a duplicated claim id', () => {
    const input = editJson(base, 'annotations/claims.json', (claims: Json[]) => [
      ...claims,
      { ...byId(claims, 'shame-chant') },
    ]);
    expect(problems(input)).toEqual([
      'seeds/annotations/claims.json: shame-chant: id: duplicate id "shame-chant" (an earlier record in this file has it)',
    ]);
  });

  it('reports a report id used in two seed files', () => {
    // The AP file gets a report whose id says western-journal: both its id pattern and the
    // cross-file duplicate are wrong, and both are said.
    const wj = JSON.parse(base.files[WJ_REPORTS] ?? '') as ReportsFile;
    const input = editJson(base, AP_REPORTS, (file: ReportsFile) => {
      file.reports.push({ ...byId(wj.reports, 'frey-stands-with-immigrants/western-journal') });
    });
    expect(problems(input)).toEqual([
      `seeds/${AP_REPORTS}: frey-stands-with-immigrants/western-journal: id: duplicate id "frey-stands-with-immigrants/western-journal" (also in seeds/${WJ_REPORTS})`,
    ]);
  });

  it('reports a duplicated value in a list', () => {
    const input = editJson(base, 'annotations/claims.json', (claims: Json[]) => {
      byId(claims, 'defensive-shots').assertedBy = ['dhs', 'tricia-mclaughlin', 'dhs'];
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/claims.json: defensive-shots: assertedBy[2]: "dhs" is listed twice',
    ]);
  });
});

describe('references', () => {
  it('claim -> actor', () => {
    const input = editJson(base, 'annotations/claims.json', (claims: Json[]) => {
      byId(claims, 'idn-training').assertedBy = ['immigration-defence-network'];
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/claims.json: idn-training: assertedBy[0]: no actor has id "immigration-defence-network" (see actors.json)',
    ]);
  });

  it('claim -> incident', () => {
    const input = editJson(base, 'annotations/claims.json', (claims: Json[]) => {
      byId(claims, 'idn-training').incidentId = 'mpls-ice-shooting';
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/claims.json: idn-training: incidentId: no incident has id "mpls-ice-shooting" (see incidents.json)',
    ]);
  });

  it('report -> claim', () => {
    const input = editJson(base, AP_REPORTS, (file: ReportsFile) => {
      const report = byId(file.reports, 'bovino-at-scene/associated-press');
      report.claimId = 'bovino-on-scene';
      report.id = 'bovino-on-scene/associated-press';
    });
    expect(problems(input)).toEqual([
      `seeds/${AP_REPORTS}: bovino-on-scene/associated-press: claimId: no claim has id "bovino-on-scene" (see claims.json)`,
      'seeds/annotations/claims.json: bovino-at-scene: id: no report carries this claim: add one to an annotations/reports/<seed>.json file',
    ]);
  });

  it('report id must follow <claimId>/<outletId>', () => {
    const input = editJson(base, AP_REPORTS, (file: ReportsFile) => {
      byId(file.reports, 'bovino-at-scene/associated-press').id = 'bovino-at-scene/ap';
    });
    expect(problems(input)).toEqual([
      `seeds/${AP_REPORTS}: bovino-at-scene/ap: id: expected "bovino-at-scene/associated-press", or with "#2", "#3"... when the outlet carried the claim again`,
    ]);
  });

  it('reports file -> outlet (the seed belongs to another outlet)', () => {
    const input = editJson(base, AP_REPORTS, (file: ReportsFile) => {
      file.outletId = 'western-journal';
    });
    expect(problems(input)).toContain(
      `seeds/${AP_REPORTS}: (file): outletId: "western-journal" differs from the seed's outletId in sources.json ("associated-press")`,
    );
  });

  it('source -> outlet', () => {
    const input = editJson(base, 'sources.json', (sources: Json) => {
      sources.sources[1].outletId = 'ap';
    });
    expect(problems(input)).toContain(
      `seeds/sources.json: ${AP_SEED}: outletId: no outlet has id "ap" (see outlets.json)`,
    );
  });

  it('reports file -> seed', () => {
    const input = withFile(base, 'annotations/reports/005_unknown.json', base.files[AP_REPORTS]);
    expect(problems(input)).toEqual([
      'seeds/annotations/reports/005_unknown.json: (file): (file): no seed in sources.json matches this file name (<seed>.json)',
    ]);
  });

  it('source -> article file', () => {
    const input = withFile(base, `articles/${WJ_SEED}`, undefined);
    expect(problems(input)).toEqual([
      `seeds/sources.json: ${WJ_SEED}: seed: the article seeds/articles/${WJ_SEED} does not exist`,
    ]);
  });

  it('variant -> report', () => {
    const input = editJson(base, 'annotations/claims.json', (claims: Json[]) => {
      byId(claims, 'moran-ordinary-person').variants[0].reportId = 'moran-ordinary-person/western-journal';
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/claims.json: moran-ordinary-person: variants[0].reportId: no report has id "moran-ordinary-person/western-journal" (see annotations/reports/<seed>.json)',
    ]);
  });

  it('variant -> a report of the same claim', () => {
    const input = editJson(base, 'annotations/claims.json', (claims: Json[]) => {
      byId(claims, 'frey-demands-ice-leave').variants[1].reportId =
        'frey-stands-with-immigrants/associated-press';
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/claims.json: frey-demands-ice-leave: variants[1].reportId: report "frey-stands-with-immigrants/associated-press" carries claim "frey-stands-with-immigrants", not this one',
    ]);
  });

  it('framing -> outlet and claim', () => {
    const input = editJson(base, 'annotations/framing.json', (framing: Json[]) => {
      byId(framing, 'the-mayor').claimIds.push('frey-far-right-label');
      byId(framing, 'the-mayor').byOutlet[1].outletId = 'ap';
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/framing.json: the-mayor: claimIds[5]: no claim has id "frey-far-right-label" (see claims.json)',
      'seeds/annotations/framing.json: the-mayor: byOutlet[1].outletId: no outlet has id "ap" (see outlets.json)',
    ]);
  });

  it('actor.speaksFor', () => {
    const input = editJson(base, 'annotations/actors.json', (actors: Json[]) => {
      byId(actors, 'tricia-mclaughlin').speaksFor = 'homeland-security';
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/actors.json: tricia-mclaughlin: speaksFor: no actor has id "homeland-security" (see actors.json)',
    ]);
  });

  it('report attributedTo -> actor', () => {
    const input = editJson(base, AP_REPORTS, (file: ReportsFile) => {
      byId(file.reports, 'moran-ordinary-person/associated-press').attributedTo = ['moran'];
    });
    expect(problems(input)).toEqual([
      `seeds/${AP_REPORTS}: moran-ordinary-person/associated-press: attributedTo[0]: no actor has id "moran" (see actors.json)`,
    ]);
  });

  it('cues -> incident and claim', () => {
    const input = withFile(
      base,
      'annotations/cues.json',
      JSON.stringify({
        incidents: { 'mpls-shooting': { terms: ['x'] } },
        claims: { 'no-such-claim': { phrases: ['y'] } },
      }),
    );
    expect(problems(input)).toEqual([
      'seeds/annotations/cues.json: mpls-shooting: incidents: no incident has id "mpls-shooting" (see incidents.json)',
      'seeds/annotations/cues.json: no-such-claim: claims: no claim has id "no-such-claim" (see claims.json)',
    ]);
  });
});

describe('required content', () => {
  it('reports a required claim that is missing', () => {
    const input = editJson(base, 'annotations/claims.json', (claims: Json[]) =>
      claims.filter((claim) => claim.id !== 'frey-far-left-label'),
    );
    expect(problems(input)).toEqual([
      'seeds/annotations/claims.json: frey-far-left-label: id: the claim required by the dataset brief (src/dataset/required.ts) is missing',
      // Its report and framing still name it: each place is reported, so nothing dangles silently.
      `seeds/${WJ_REPORTS}: frey-far-left-label/western-journal: claimId: no claim has id "frey-far-left-label" (see claims.json)`,
      'seeds/annotations/framing.json: the-mayor: claimIds[0]: no claim has id "frey-far-left-label" (see claims.json)',
      'seeds/annotations/cues.json: frey-far-left-label: claims: no claim has id "frey-far-left-label" (see claims.json)',
    ]);
  });

  it('reports a required actor that is missing', () => {
    const input = editJson(base, 'annotations/actors.json', (actors: Json[]) =>
      actors.filter((actor) => actor.id !== 'immigration-defense-network'),
    );
    expect(problems(input)).toEqual([
      'seeds/annotations/actors.json: immigration-defense-network: id: the actor required by the dataset brief (src/dataset/required.ts) is missing',
    ]);
  });

  it('reports a claim with no asserting actor', () => {
    const input = editJson(base, 'annotations/claims.json', (claims: Json[]) => {
      byId(claims, 'bovino-at-scene').assertedBy = [];
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/claims.json: bovino-at-scene: assertedBy: a claim needs at least one asserting actor',
    ]);
  });

  it('reports a claim that no report carries', () => {
    const input = editJson(base, AP_REPORTS, (file: ReportsFile) => {
      file.reports = file.reports.filter((report) => report.claimId !== 'shame-chant');
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/claims.json: shame-chant: id: no report carries this claim: add one to an annotations/reports/<seed>.json file',
    ]);
  });

  it('reports a seed without a reports file', () => {
    const input = withFile(base, AP_REPORTS, undefined);
    const found = problems(input);
    expect(found).toContain(
      `seeds/sources.json: ${AP_SEED}: seed: has no report annotations: create seeds/${AP_REPORTS}`,
    );
  });

  it('reports an article missing from sources.json', () => {
    const input = withFile(base, 'articles/009_extra.txt', 'Some other article.\n');
    expect(problems(input)).toEqual([
      'seeds/articles/009_extra.txt: (file): (file): article has no entry in sources.json',
    ]);
  });
});

describe('excerpts and offsets', () => {
  it('reports an excerpt that is not in the seed verbatim, with a hint for near matches', () => {
    const input = editJson(base, AP_REPORTS, (file: ReportsFile) => {
      // The seed has curly quotes; straight ones are the classic copy-paste slip.
      byId(file.reports, 'shame-chant/associated-press').excerpt =
        '"Shame! Shame! Shame!" they loudly chanted from behind the police tape.';
    });
    expect(problems(input)).toEqual([
      `seeds/${AP_REPORTS}: shame-chant/associated-press: excerpt: not found verbatim in seeds/articles/${AP_SEED} (a near match exists: check quotation marks, apostrophes, dashes, spaces and case)`,
    ]);
  });

  it('reports an excerpt that is not in the seed at all', () => {
    const input = editJson(base, AP_REPORTS, (file: ReportsFile) => {
      byId(file.reports, 'shame-chant/associated-press').excerpt = 'They chanted.';
    });
    expect(problems(input)).toEqual([
      `seeds/${AP_REPORTS}: shame-chant/associated-press: excerpt: not found verbatim in seeds/articles/${AP_SEED}`,
    ]);
  });

  it('reports an excerpt found more than once without saying which', () => {
    const first = apText.indexOf('in a residential neighborhood');
    const second = apText.indexOf('in a residential neighborhood', first + 1);
    const input = editJson(base, AP_REPORTS, (file: ReportsFile) => {
      delete byId(file.reports, 'residential-neighborhood/associated-press#2').occurrence;
    });
    expect(problems(input)).toEqual([
      `seeds/${AP_REPORTS}: residential-neighborhood/associated-press#2: excerpt: occurs 2 times in seeds/articles/${AP_SEED} (offsets ${first}, ${second}): say which with "occurrence": 1 to 2`,
    ]);
  });

  it('reports an occurrence beyond the excerpt count', () => {
    const input = editJson(base, AP_REPORTS, (file: ReportsFile) => {
      byId(file.reports, 'residential-neighborhood/associated-press#2').occurrence = 3;
    });
    expect(problems(input)).toEqual([
      `seeds/${AP_REPORTS}: residential-neighborhood/associated-press#2: occurrence: is 3 but the excerpt occurs only 2 time(s) in seeds/articles/${AP_SEED}`,
    ]);
  });

  it('accepts stored offsets that match, and reports ones that do not', () => {
    const excerpt = 'Cmdr. Gregory Bovino of U.S. Customs and Border Protection was in the group.';
    const start = apText.indexOf(excerpt);
    const good = editJson(base, AP_REPORTS, (file: ReportsFile) => {
      Object.assign(byId(file.reports, 'bovino-at-scene/associated-press'), {
        start,
        end: start + excerpt.length,
      });
    });
    expect(problems(good)).toEqual([]);

    const bad = editJson(base, AP_REPORTS, (file: ReportsFile) => {
      Object.assign(byId(file.reports, 'bovino-at-scene/associated-press'), {
        start: start + 1,
        end: start + 1 + excerpt.length,
      });
    });
    expect(problems(bad)).toEqual([
      `seeds/${AP_REPORTS}: bovino-at-scene/associated-press: start: offsets ${start + 1}-${start + 1 + excerpt.length} do not hold the excerpt (it is at offset ${start})`,
    ]);
  });

  it('reports an excerpt padded with whitespace', () => {
    const input = editJson(base, WJ_REPORTS, (file: ReportsFile) => {
      byId(file.reports, 'suv-crashed/western-journal').excerpt += ' ';
    });
    expect(problems(input)).toContain(
      `seeds/${WJ_REPORTS}: suv-crashed/western-journal: excerpt: starts or ends with whitespace: trim it to the tightest span`,
    );
  });

  it('reports a seed whose text changed since it was annotated', () => {
    const text = base.files[`articles/${WJ_SEED}`] ?? '';
    const changed = text.replace('Honda SUV', 'Honda  SUV');
    const input = withFile(base, `articles/${WJ_SEED}`, changed);
    expect(problems(input)).toEqual([
      `seeds/sources.json: ${WJ_SEED}: sha256: the article's sha256 is ${base.sha256(changed)}: the article changed since it was annotated; re-check its reports, then update sha256`,
      `seeds/${WJ_REPORTS}: agents-approached-honda/western-journal: excerpt: not found verbatim in seeds/articles/${WJ_SEED} (a near match exists: check quotation marks, apostrophes, dashes, spaces and case)`,
    ]);
  });

  it('reports words that must come from the text but do not', () => {
    const input = editJson(base, WJ_REPORTS, (file: ReportsFile) => {
      byId(file.reports, 'frey-far-left-label/western-journal').loadedTerms = ['radical'];
      byId(file.reports, 'evolving-situation/western-journal').attribution = 'DHS announced';
    });
    expect(problems(input)).toEqual([
      `seeds/${WJ_REPORTS}: evolving-situation/western-journal: attribution: "DHS announced" is not on the excerpt's line (10) of seeds/articles/${WJ_SEED}`,
      `seeds/${WJ_REPORTS}: frey-far-left-label/western-journal: loadedTerms[0]: "radical" does not occur in the excerpt`,
    ]);
  });

  it('reports a variant whose text is not in its report', () => {
    const input = editJson(base, 'annotations/claims.json', (claims: Json[]) => {
      byId(claims, 'frey-demands-ice-leave').variants[0].text =
        'We are demanding ICE to leave the city immediately';
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/claims.json: frey-demands-ice-leave: variants[0].text: does not occur verbatim in the excerpt of report "frey-demands-ice-leave/western-journal"',
    ]);
  });

  it("reports a framing term that is not in the outlet's article", () => {
    const input = editJson(base, 'annotations/framing.json', (framing: Json[]) => {
      byId(framing, 'people-at-the-scene').byOutlet[1].terms.push('rioters');
    });
    expect(problems(input)).toEqual([
      'seeds/annotations/framing.json: people-at-the-scene: byOutlet[1].terms[2]: "rioters" does not occur in any article of associated-press',
    ]);
  });
});

describe('cues', () => {
  it('rejects a cue value that is not a string, number, boolean, array or object', () => {
    const input = withFile(
      base,
      'annotations/cues.json',
      JSON.stringify({ claims: { 'shame-chant': { phrases: ['shame', null], weight: 2 } } }),
    );
    expect(problems(input)).toEqual([
      'seeds/annotations/cues.json: shame-chant: claims.shame-chant.phrases[1]: cue values are strings, numbers, booleans, arrays or objects of them, found null',
    ]);
  });

  it('rejects cues that are not an object', () => {
    const input = withFile(
      base,
      'annotations/cues.json',
      JSON.stringify({ claims: { 'shame-chant': ['shame'] } }),
    );
    expect(problems(input)).toEqual([
      'seeds/annotations/cues.json: shame-chant: claims.shame-chant: expected an object of cues, found an array',
    ]);
  });

  it('rejects an unknown top-level key', () => {
    const input = withFile(base, 'annotations/cues.json', JSON.stringify({ claim: {} }));
    expect(problems(input)).toEqual([
      'seeds/annotations/cues.json: (file): claim: unknown field (allowed: incidents, claims)',
    ]);
  });

  it('copies valid cues onto the incident and claim they name', () => {
    const cues = {
      incidents: { 'mpls-ice-shooting-2026-01-07': { anchors: ['34th Street'], threshold: 0.5 } },
      claims: { 'shame-chant': { phrases: ['shame'], exact: true, nested: { a: [1, 'b'] } } },
    };
    const result = compileDataset(withFile(base, 'annotations/cues.json', JSON.stringify(cues)));
    expect(result.errors).toEqual([]);
    expect(result.dataset?.incidents[0]?.cues).toEqual(cues.incidents['mpls-ice-shooting-2026-01-07']);
    expect(result.dataset?.claims.find((c) => c.id === 'shame-chant')?.cues).toEqual(
      cues.claims['shame-chant'],
    );
    expect(result.dataset?.claims.find((c) => c.id === 'bovino-at-scene')?.cues).toBeUndefined();
  });
});

describe('every problem at once', () => {
  it('collects problems from several files in one run', () => {
    let input = editJson(base, 'annotations/claims.json', (claims: Json[]) => {
      byId(claims, 'domestic-terrorism').kind = 'label';
    });
    input = editJson(input, 'annotations/actors.json', (actors: Json[]) => {
      byId(actors, 'mary-moran').kind = 'resident';
    });
    expect(problems(input)).toHaveLength(2);
  });
});
