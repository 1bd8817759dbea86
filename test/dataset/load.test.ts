// The runtime check of the bundled dataset copy.

import { describe, expect, it } from 'vitest';

import { DatasetShapeError, parseDataset } from '../../src/dataset/load';
import { mustCompile, realInput, type Json } from './helpers';

const dataset = mustCompile(realInput());
const copy = (): Json => JSON.parse(JSON.stringify(dataset)) as Json;

function problemsOf(json: unknown): string[] {
  try {
    parseDataset(json);
  } catch (error) {
    if (error instanceof DatasetShapeError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('parseDataset', () => {
  it('accepts the compiled dataset', () => {
    expect(parseDataset(copy())).toEqual(dataset);
  });

  it('rejects something that is not a dataset at all', () => {
    expect(problemsOf(null)).toEqual(['expected an object, found null']);
    expect(problemsOf({})).toContain('claims: expected an array, found undefined');
    expect(() => parseDataset([])).toThrow(/Invalid dataset/);
  });

  it('names the record and field of a wrong-typed value', () => {
    const json = copy();
    json.claims[3].assertedBy = 'dhs';
    json.reports[0].start = -1;
    expect(problemsOf(json)).toEqual([
      `claims[3] (${String(json.claims[3].id)}): assertedBy: expected an array of strings, found a string ("dhs")`,
      `reports[0] (${String(json.reports[0].id)}): start: expected a non-negative integer, found a number (-1)`,
    ]);
  });

  it('rejects values outside the allowed sets', () => {
    const json = copy();
    json.claims[0].kind = 'rumor';
    json.reports[1].carried = ['shouted'];
    expect(problemsOf(json)).toEqual([
      `claims[0] (${String(json.claims[0].id)}): kind: "rumor" is not one of quote, assertion, observation, characterization`,
      `reports[1] (${String(json.reports[1].id)}): carried[0]: "shouted" is not one of direct-quote, paraphrase, attributed, hedged, stated-as-fact`,
    ]);
  });

  it('rejects offsets that disagree with the excerpt and dangling report references', () => {
    const json = copy();
    json.reports[2].end += 1;
    json.reports[3].claimId = 'gone';
    const found = problemsOf(json);
    expect(found).toContain(
      `reports[2] (${String(json.reports[2].id)}): end: end - start (${json.reports[2].end - json.reports[2].start}) differs from the excerpt's length (${json.reports[2].excerpt.length})`,
    );
    expect(found).toContain(
      `reports[3] (${String(json.reports[3].id)}): claimId: no claims record has id "gone"`,
    );
  });

  it('tolerates fields it does not know, so an older reader can load a newer copy', () => {
    const json = copy();
    json.claims[0].futureField = true;
    expect(() => parseDataset(json)).not.toThrow();
  });
});
