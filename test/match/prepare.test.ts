// The indexes can be built in bounded steps (the content script spreads them over several short
// tasks): stepping gives the same engine as building at once, and a second call has nothing to do.

import { describe, expect, it } from 'vitest';

import { createMatcher } from '../../src/match/index';
import { dataset, datasetProblem } from './dataset';

const SEED_LIKE = [
  'An ICE officer shot and killed a woman in her vehicle in Minneapolis on Wednesday, DHS said.',
  'The department said she “weaponized her vehicle, attempting to run over our law enforcement officers.”',
  '“We are demanding ICE leave the city and state immediately,” Mayor Jacob Frey said.',
].join('\n\n');

describe.skipIf(dataset === undefined)(`prepareSteps ${datasetProblem ?? ''}`, () => {
  it('builds the indexes over many steps, and then links exactly as a matcher built at once', () => {
    const stepped = createMatcher(dataset!);
    let steps = 0;
    for (const _ of stepped.prepareSteps()) steps++;
    expect(steps).toBeGreaterThan(5);
    // Built: a second pass has nothing left to do.
    expect([...stepped.prepareSteps()]).toHaveLength(0);
    const atOnce = createMatcher(dataset!);
    const input = { text: SEED_LIKE };
    expect(stepped.analyze(input)).toEqual(atOnce.analyze(input));
    expect(stepped.analyze(input).matches.map((m) => m.claimId)).toEqual(
      expect.arrayContaining(['fatal-shooting', 'weaponized-vehicle', 'frey-demands-ice-leave']),
    );
  });
});
