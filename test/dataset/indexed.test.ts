// The lookups the engine and the UI use, against the real dataset.

import { describe, expect, it } from 'vitest';

import { indexDataset } from '../../src/dataset/indexed';
import { mustCompile, realInput } from './helpers';

const dataset = mustCompile(realInput());
const index = indexDataset(dataset);

describe('indexDataset', () => {
  it('finds records by id, and nothing for unknown ids', () => {
    expect(index.dataset).toBe(dataset);
    expect(index.claim('weaponized-vehicle')?.kind).toBe('quote');
    expect(index.actor('tricia-mclaughlin')?.speaksFor).toBe('dhs');
    expect(index.outlet('associated-press')?.name).toBe('The Associated Press');
    expect(index.claim('nope')).toBeUndefined();
    expect(index.actor('nope')).toBeUndefined();
    expect(index.outlet('dhs')).toBeUndefined();
  });

  it('lists the reports of a claim, in seed order, and by outlet', () => {
    expect(index.reportsFor('fatal-shooting').map((r) => r.id)).toEqual([
      'fatal-shooting/western-journal',
      'fatal-shooting/associated-press',
      'fatal-shooting/associated-press#2',
      'fatal-shooting/associated-press#3',
    ]);
    expect(index.reportsBy('fatal-shooting', 'associated-press').map((r) => r.line)).toEqual([1, 2, 6]);
    expect(index.reportsBy('targeted-operations', 'associated-press')).toEqual([]);
    expect(index.reportsFor('nope')).toEqual([]);
  });

  it('names the outlets that did not report a claim', () => {
    expect(index.outletsNotReporting('targeted-operations').map((o) => o.id)).toEqual(['associated-press']);
    expect(index.outletsNotReporting('city-avoid-area').map((o) => o.id)).toEqual(['western-journal']);
    expect(index.outletsNotReporting('suv-crashed')).toEqual([]);
  });

  it('finds the framing entries that list a claim', () => {
    expect(index.framingFor('weaponized-vehicle').map((f) => f.id)).toEqual([
      'the-driver',
      'the-attempt-to-run-officers-over',
    ]);
    expect(index.framingFor('idn-training')).toEqual([]);
  });

  it('labels actors as "name, role", and falls back to the id', () => {
    expect(index.actorLabel('tricia-mclaughlin')).toBe('Tricia McLaughlin, DHS spokeswoman');
    expect(index.actorLabel('jacob-frey')).toBe('Jacob Frey, Mayor of Minneapolis');
    expect(index.actorLabel('someone-else')).toBe('someone-else');
  });

  it('hands out copies, so a caller cannot corrupt the index', () => {
    index.reportsFor('fatal-shooting').pop();
    index.framingFor('weaponized-vehicle').pop();
    expect(index.reportsFor('fatal-shooting')).toHaveLength(4);
    expect(index.framingFor('weaponized-vehicle')).toHaveLength(2);
  });
});
