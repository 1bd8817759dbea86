import { describe, expect, it } from 'vitest';

import { CARRIED_VALUES, CLAIM_KINDS } from '../../src/dataset/types';
import {
  CARRIED_LABELS,
  KIND_DESCRIPTIONS,
  KIND_LABELS,
  carriageSentence,
  describeCarriage,
  diffRuns,
  diffSummary,
  indicatorSummary,
  moreExcerpts,
  notReportedBy,
  plural,
  quotedList,
  reportTags,
  whyLinked,
} from '../../src/ui/labels';
import { ops } from './fixtures';

const names: Record<string, string> = {
  dhs: 'Department of Homeland Security',
  'jacob-frey': 'Jacob Frey',
  'tricia-mclaughlin': 'Tricia McLaughlin',
};
const actorName = (id: string): string | undefined => names[id];

describe('label tables', () => {
  it('label every claim kind and carried value', () => {
    for (const kind of CLAIM_KINDS) {
      expect(KIND_LABELS[kind]).toMatch(/^[A-Z]/);
      expect(KIND_DESCRIPTIONS[kind].length).toBeGreaterThan(5);
    }
    for (const value of CARRIED_VALUES) expect(CARRIED_LABELS[value]).toMatch(/^[A-Z]/);
  });
});

describe('describeCarriage', () => {
  it('says who the page attributes the claim to, in the page’s words', () => {
    const result = describeCarriage(
      { carried: ['direct-quote', 'attributed'], attributedTo: { text: 'DHS' }, hedges: [] },
      actorName,
    );
    expect(result.sourcing).toEqual([{ kind: 'attributed', text: 'Attributed to DHS' }]);
    expect(result.form).toEqual({ kind: 'direct-quote', text: 'Direct quote' });
  });

  it('adds the dataset’s name when the page’s words do not contain it', () => {
    const carriage = {
      carried: ['attributed' as const],
      attributedTo: { text: 'authorities', actorId: 'dhs' },
      hedges: [],
    };
    expect(describeCarriage(carriage, actorName).sourcing[0]?.text).toBe(
      'Attributed to authorities (Department of Homeland Security)',
    );
  });

  it('uses the fuller dataset name when it contains the page’s words', () => {
    const carriage = {
      carried: ['attributed' as const],
      attributedTo: { text: 'Frey', actorId: 'jacob-frey' },
      hedges: [],
    };
    expect(describeCarriage(carriage, actorName).sourcing[0]?.text).toBe('Attributed to Jacob Frey');
  });

  it('does not repeat a name the page’s words already give', () => {
    const carriage = {
      carried: ['attributed' as const],
      attributedTo: { text: 'Homeland Security spokeswoman Tricia McLaughlin', actorId: 'tricia-mclaughlin' },
      hedges: [],
    };
    const names = (id: string) => (id === 'tricia-mclaughlin' ? 'Tricia McLaughlin' : id);
    expect(describeCarriage(carriage, names).sourcing[0]?.text).toBe(
      'Attributed to Homeland Security spokeswoman Tricia McLaughlin',
    );
  });

  it('falls back to the actor name, then to a generic phrase, when the page names no one', () => {
    expect(
      describeCarriage(
        { carried: ['attributed'], attributedTo: { text: ' ', actorId: 'dhs' }, hedges: [] },
        actorName,
      ).sourcing[0]?.text,
    ).toBe('Attributed to Department of Homeland Security');
    expect(describeCarriage({ carried: ['attributed'], hedges: [] }).sourcing[0]?.text).toBe(
      'Attributed to a source',
    );
  });

  it('lists the hedging words', () => {
    const result = describeCarriage({
      carried: ['paraphrase', 'hedged'],
      hedges: ['allegedly', ' claimed '],
    });
    expect(result.sourcing).toEqual([{ kind: 'hedged', text: 'Hedged: allegedly, claimed' }]);
    expect(result.form?.text).toBe('Paraphrase');
  });

  it('treats hedge words as hedging even when the carried list omits it', () => {
    expect(
      describeCarriage({ carried: ['paraphrase'], hedges: ['reportedly'] }).sourcing.map((c) => c.kind),
    ).toEqual(['hedged']);
  });

  it('says "stated as fact" when there is no attribution and no hedge', () => {
    expect(describeCarriage({ carried: ['paraphrase'], hedges: [] }).sourcing).toEqual([
      { kind: 'stated-as-fact', text: 'Stated as fact (no attribution)' },
    ]);
    expect(describeCarriage({ carried: ['stated-as-fact'], hedges: [] }).sourcing.map((c) => c.kind)).toEqual(
      ['stated-as-fact'],
    );
  });

  it('lets a found attribution win over a contradictory stated-as-fact', () => {
    const result = describeCarriage({
      carried: ['stated-as-fact', 'attributed'],
      attributedTo: { text: 'DHS' },
      hedges: [],
    });
    expect(result.sourcing.map((c) => c.kind)).toEqual(['attributed']);
  });

  it('keeps a hedged statement with no attribution hedged, and still flags the missing source when asked', () => {
    const hedgedOnly = describeCarriage({ carried: ['hedged'], hedges: ['allegedly'] });
    expect(hedgedOnly.sourcing.map((c) => c.kind)).toEqual(['hedged']);
    const both = describeCarriage({ carried: ['hedged', 'stated-as-fact'], hedges: ['allegedly'] });
    expect(both.sourcing.map((c) => c.kind)).toEqual(['hedged', 'stated-as-fact']);
  });

  it('calls a quote inside a paraphrase "partly quoted", and omits the form when unknown', () => {
    expect(describeCarriage({ carried: ['direct-quote', 'paraphrase'], hedges: [] }).form?.text).toBe(
      'Partly quoted',
    );
    expect(describeCarriage({ carried: [], hedges: [] }).form).toBeUndefined();
  });

  it('builds a one-line sentence, form first', () => {
    expect(
      carriageSentence(
        {
          carried: ['paraphrase', 'attributed', 'hedged'],
          attributedTo: { text: 'authorities', actorId: 'dhs' },
          hedges: ['allegedly'],
        },
        actorName,
      ),
    ).toBe('Paraphrase · Attributed to authorities (Department of Homeland Security) · Hedged: allegedly');
    expect(carriageSentence({ carried: [], hedges: [] })).toBe('Stated as fact (no attribution)');
  });
});

describe('reportTags', () => {
  it('orders tags form first and names who the outlet attributed it to', () => {
    const tags = reportTags(
      { carried: ['attributed', 'hedged', 'paraphrase'], attributedTo: ['dhs'] },
      actorName,
    );
    expect(tags.map((tag) => tag.text)).toEqual([
      'Paraphrase',
      'Attributed to Department of Homeland Security',
      'Hedged',
    ]);
  });

  it('joins several sources and falls back to the id for unknown actors', () => {
    const tags = reportTags(
      { carried: ['attributed'], attributedTo: ['tricia-mclaughlin', 'dhs', 'nobody'] },
      actorName,
    );
    expect(tags[0]?.text).toBe('Attributed to Tricia McLaughlin, Department of Homeland Security and nobody');
  });

  it('says plain "Attributed" when the report names no actor', () => {
    expect(
      reportTags({ carried: ['attributed', 'stated-as-fact'], attributedTo: [] }).map((t) => t.text),
    ).toEqual(['Attributed', 'Stated as fact']);
  });
});

describe('word diff summaries', () => {
  const frey = ops(
    ['added', 'We are'],
    ['removed', 'We’re'],
    ['same', 'demanding ICE'],
    ['removed', 'to'],
    ['same', 'leave the city'],
    ['added', 'and'],
    ['added', 'state'],
    ['same', 'immediately.'],
  );

  it('groups consecutive edits of one kind into runs', () => {
    expect(diffRuns(frey)).toEqual({ added: ['We are', 'and state'], removed: ['We’re', 'to'] });
  });

  it('ignores empty ops and collapses whitespace', () => {
    expect(diffRuns(ops(['added', '  and \n'], ['same', ''], ['added', 'state']))).toEqual({
      added: ['and state'],
      removed: [],
    });
  });

  it('summarises additions and omissions in one line', () => {
    expect(diffSummary(frey, 'The Western Journal')).toBe(
      'This page adds “We are” and “and state”, and leaves out “We’re” and “to”.',
    );
    expect(diffSummary(ops(['same', 'a'], ['removed', 'to']), 'X')).toBe('This page leaves out “to”.');
    expect(diffSummary(ops(['same', 'a']), 'X')).toBe('Same words as X printed.');
  });

  it('counts words instead of quoting when there are many runs', () => {
    const many = ops(
      ['added', 'a b'],
      ['same', '1'],
      ['added', 'c'],
      ['same', '2'],
      ['added', 'd'],
      ['same', '3'],
      ['added', 'e'],
    );
    expect(diffSummary(many, 'X')).toBe('This page adds 5 words.');
  });
});

describe('small builders', () => {
  it('pluralise counts', () => {
    expect(plural(1, 'passage', 'passages')).toBe('1 passage');
    expect(plural(0, 'passage', 'passages')).toBe('0 passages');
    expect(indicatorSummary(7, 5)).toBe('7 passages · 5 claims');
    expect(indicatorSummary(1, 1)).toBe('1 passage · 1 claim');
    expect(indicatorSummary(0, 0)).toBe('no linked passages');
    expect(moreExcerpts(1, 'AP')).toBe('1 more excerpt from AP');
  });

  it('quote list items in English', () => {
    expect(quotedList([])).toBe('');
    expect(quotedList(['a'])).toBe('“a”');
    expect(quotedList(['a', 'b', 'c'])).toBe('“a”, “b” and “c”');
  });

  it('say why a passage was linked', () => {
    expect(whyLinked('near-quote', '  quote:\n“leave the city” ')).toBe(
      'Near quote — quote: “leave the city”',
    );
    expect(whyLinked('exact-quote', '')).toBe('Exact quote');
    expect(notReportedBy('The Associated Press')).toBe('Not reported by The Associated Press');
  });
});
