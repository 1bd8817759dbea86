// The content script's pipeline on one text, as the benchmarks run it: the cheap test, then
// recognition in steps (a few blocks per step), then every linking step.

import type { ClaimMatch, Matcher, TextInput } from '../../src/match/types';

/** Every match the content script would highlight on `input` ([] when it is not about the incident). */
export function runPipeline(matcher: Matcher, input: TextInput): ClaimMatch[] {
  if (!matcher.mayBeAbout(input.text)) return [];
  const recognizing = matcher.recognizeSteps(input);
  let step = recognizing.next();
  while (!step.done) step = recognizing.next();
  if (!step.value.about) return [];
  const matches: ClaimMatch[] = [];
  for (const step of matcher.linkSteps(input)) for (const m of step) matches.push(m);
  return matches;
}
