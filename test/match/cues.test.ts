import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { CueError, parseClaimCues, parseIncidentCues, parsePhrases } from '../../src/match/cues';
import { createMatcher } from '../../src/match/index';
import type { Dataset } from '../../src/dataset/types';
import { REPO, dataset, datasetProblem } from './dataset';

const cuesFile = JSON.parse(readFileSync(join(REPO, 'seeds', 'annotations', 'cues.json'), 'utf8')) as {
  incidents: Record<string, unknown>;
  claims: Record<string, unknown>;
};

if (dataset === undefined) console.warn(`test/match: dataset tests skipped: ${datasetProblem}`);

describe.skipIf(dataset === undefined)('cues.json', () => {
  it('gives every claim of the dataset cues, and they all parse', () => {
    if (dataset === undefined) return;
    for (const claim of dataset.claims) {
      expect(cuesFile.claims[claim.id], `claim "${claim.id}" has no cues`).toBeDefined();
      const parsed = parseClaimCues(claim.id, claim.cues);
      expect(parsed.facts.length, claim.id).toBeGreaterThan(0);
    }
  });

  it('names only claims and incidents that exist, in the shape the compiler accepts', () => {
    if (dataset === undefined) return;
    const ids = new Set(dataset.claims.map((c) => c.id));
    for (const id of Object.keys(cuesFile.claims)) expect(ids.has(id), id).toBe(true);
    for (const id of Object.keys(cuesFile.incidents))
      expect(dataset.incidents.some((i) => i.id === id)).toBe(true);
    // Leaves are strings, numbers or booleans only (no arrays): phrase lists use "|".
    const walk = (v: unknown, path: string): void => {
      expect(Array.isArray(v), path).toBe(false);
      if (typeof v === 'object' && v !== null)
        for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
      else expect(['string', 'number', 'boolean']).toContain(typeof v);
    };
    walk(cuesFile, 'cues');
  });

  it('parses the incident cues with core groups, facts, lookalike signs and a prefilter', () => {
    if (dataset === undefined) return;
    const incident = dataset.incidents[0]!;
    const cues = parseIncidentCues(incident.id, incident.cues, incident.contextTerms);
    expect(cues.core.length).toBeGreaterThanOrEqual(3);
    expect(cues.facts.length).toBeGreaterThan(5);
    expect(cues.against.length).toBeGreaterThan(3);
    expect(cues.prefilter.length).toBeGreaterThan(0);
  });
});

describe('cue parsing errors name the record, the path and the problem', () => {
  const bad: [string, unknown, RegExp][] = [
    ['not an object', 'x', /cues for claim "c": \(root\): expected an object/],
    [
      'unknown key',
      { facts: {}, mni: 2 },
      /cues for claim "c": mni: unknown key \(allowed: facts, min, veto\)/,
    ],
    [
      'fact not a string',
      { facts: { car: 3 } },
      /facts\.car: expected a phrase string or an object with "any"/,
    ],
    ['empty phrase', { facts: { car: 'car||suv' } }, /facts\.car: phrase 2 is empty/],
    [
      'dangling gap',
      { facts: { run: 'run ..' } },
      /facts\.run: phrase "run \.\.": "\.\." must stand between two words/,
    ],
    [
      'bad number flag',
      { facts: { n: { any: '1300', number: 'yes' } } },
      /facts\.n\.number: expected true or false, got "yes"/,
    ],
    [
      'number and name',
      { facts: { n: { any: '1300', number: true, name: true } } },
      /facts\.n: a fact is a number or a name, not both/,
    ],
    [
      'bad weight',
      { facts: { n: { any: 'x', weight: 50 } } },
      /facts\.n\.weight: expected a number from 0\.1 to 10, got 50/,
    ],
    [
      'bad need',
      { facts: { n: { any: 'x', need: 'yes' } } },
      /facts\.n\.need: expected true or false, got "yes"/,
    ],
    ['typo in fact', { facts: { n: { anyy: 'x' } } }, /facts\.n\.anyy: unknown key/],
    ['min too small', { facts: { a: 'a', b: 'b' }, min: 1 }, /min: is 1 but 2 facts are required/],
    ['min too large', { facts: { a: 'a' }, min: 3 }, /min: expected a number from 1 to 1, got 3/],
    ['bad veto', { facts: { a: 'a' }, veto: ['x'] }, /veto: expected a string of phrases separated by "\|"/],
  ];
  for (const [name, cues, message] of bad) {
    it(name, () => {
      expect(() => parseClaimCues('c', cues as never)).toThrow(CueError);
      expect(() => parseClaimCues('c', cues as never)).toThrow(message);
    });
  }

  it('incident cues: bad threshold, prefilter and topic flags', () => {
    expect(() => parseIncidentCues('i', { threshold: 2 }, [])).toThrow(
      /cues for incident "i": threshold: expected a number from 0\.05 to 1/,
    );
    expect(() => parseIncidentCues('i', { prefilter: { place: 'Minneapolis|' } }, [])).toThrow(
      /prefilter\.place: every substring needs at least 2 characters/,
    );
    expect(() => parseIncidentCues('i', { core: { x: { any: 'a', topic: true } } }, [])).toThrow(
      /core\.x\.topic: unknown key/,
    );
    expect(parseIncidentCues('i', { against: { x: { any: 'a', topic: true } } }, []).against[0]!.topic).toBe(
      true,
    );
  });

  it('a claim without cues is matched by its printed texts alone; an incident without cues uses its context terms', () => {
    expect(parseClaimCues('c', undefined)).toEqual({ facts: [], min: 0, veto: [] });
    const inc = parseIncidentCues('i', undefined, ['Minneapolis', 'ICE officer']);
    expect(inc.facts.map((f) => f.label)).toEqual(['Minneapolis', 'ICE officer']);
    expect(inc.core).toEqual([]);
  });

  it.skipIf(dataset === undefined)('createMatcher reports a bad cue with its claim id', () => {
    if (dataset === undefined) return;
    const broken: Dataset = structuredClone(dataset);
    broken.claims[3]!.cues = { facts: { x: { any: 'a', colour: 'red' } } };
    expect(() => createMatcher(broken)).toThrow(
      new RegExp(`cues for claim "${broken.claims[3]!.id}": facts\\.x\\.colour: unknown key`),
    );
  });

  it('splits phrase lists and trims them', () => {
    expect(parsePhrases(' run over | ran .. over ', 'w', 'p')).toEqual(['run over', 'ran .. over']);
  });
});
