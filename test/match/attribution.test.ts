import { describe, expect, it } from 'vitest';

import { ownAttribution, type SubjectHit } from '../../src/match/attribution';
import { inRegions, quoteRegions } from '../../src/match/carriage';
import { WordsView } from '../../src/match/link';
import { tokenize } from '../../src/match/normalize';

/** A sentence as `ownAttribution` sees it, with speaker hits given as [first word, last word). */
function sentence(text: string, hits: [number, number, string][]) {
  const t = tokenize(text);
  // No dataset ids: every word is read (an unknown id never rules a word out).
  const ids = new Int32Array(t.length).fill(-1);
  const tok = new WordsView(t.words, t.starts, t.ends, t.breaks, ids);
  const regions = quoteRegions(text, 0, text.length);
  const inQuote = new Uint8Array(t.length);
  for (let k = 0; k < t.length; k++) inQuote[k] = inRegions(regions, t.starts[k]!) ? 1 : 0;
  const subjects: SubjectHit[] = hits.map(([start, end, actor]) => ({ start, end, actor, anaphoric: false }));
  return { tok, ctx: { from: 0, to: t.length, inQuote, subjects } };
}

describe('ownAttribution', () => {
  // “Ask Frey” said the department on Friday: 0 ask, 1 frey, 2 said, 3 the, 4 department, …
  const text = '“Ask Frey” said the department on Friday.';
  const frey: [number, number, string] = [1, 2, 'jacob-frey'];
  const dept: [number, number, string] = [3, 5, 'dhs'];

  it('passes over a speaker named inside quotation marks, wherever it sits in the hit list', () => {
    for (const hits of [
      [frey, dept],
      [dept, frey],
      [dept, frey, dept],
    ]) {
      const { tok, ctx } = sentence(text, hits);
      const own = ownAttribution(text, tok, ctx);
      expect(own?.who).toEqual({ text: 'the department', actorId: 'dhs', named: true, anaphoric: false });
      expect(own?.verb).toBe(2);
    }
  });

  it('leaves the hit list as it was', () => {
    const { tok, ctx } = sentence(text, [dept, frey]);
    const before = ctx.subjects.slice();
    ownAttribution(text, tok, ctx);
    expect(ctx.subjects).toEqual(before);
  });

  it('keeps a quoted speaker in a short sentence ("“Frey” said.")', () => {
    const short = '“Ask Frey” said today.';
    const { tok, ctx } = sentence(short, [frey]);
    expect(ownAttribution(short, tok, ctx)?.who.actorId).toBe('jacob-frey');
  });
});
