// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';

import { extractText, type ExtractedText } from '../../src/page/extract';
import { HitTester, caretFromPoint, pointOverCaretText, type CaretPoint } from '../../src/page/hit-test';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

/** A caret stub: x is a text offset of the extracted text, y is ignored. */
function caretByOffset(extracted: ExtractedText) {
  return (x: number): CaretPoint | null => extracted.locate(x);
}

function ranges(extracted: ExtractedText, phrase: string, from = 0): Range[] {
  const start = extracted.text.indexOf(phrase, from);
  if (start < 0) throw new Error(`phrase not found: ${phrase}`);
  return extracted.toRanges(start, start + phrase.length);
}

describe('HitTester', () => {
  it('finds the mark under a point, innermost first, and nothing outside', () => {
    document.body.innerHTML =
      '<p>The <b>officer</b> fired three shots.</p><p>DHS said she tried to run him over. Witnesses disagreed.</p>';
    const extracted = extractText(document.body);
    const tester = new HitTester({ document, caretFromPoint: caretByOffset(extracted), confirm: false });
    tester.set([
      { id: 'shots', ranges: ranges(extracted, 'officer fired three shots') },
      { id: 'dhs', ranges: ranges(extracted, 'DHS said she tried to run him over.') },
      { id: 'run-over', ranges: ranges(extracted, 'tried to run him over') },
    ]);
    const at = (phrase: string): string[] => tester.hitAt(extracted.text.indexOf(phrase) + 1, 0);
    expect(at('officer')).toEqual(['shots']);
    expect(at('three')).toEqual(['shots']);
    expect(at('The')).toEqual([]);
    expect(at('said')).toEqual(['dhs']);
    expect(at('run him')).toEqual(['run-over', 'dhs']);
    expect(at('Witnesses')).toEqual([]);
  });

  it('answers for points inside shadow roots', () => {
    document.body.innerHTML = '<p>light text</p><x-story></x-story>';
    const shadow = document.querySelector('x-story')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>shadow text here</p>';
    const extracted = extractText(document.body);
    const tester = new HitTester({ document, caretFromPoint: caretByOffset(extracted), confirm: false });
    tester.set([
      { id: 'light', ranges: ranges(extracted, 'light text') },
      { id: 'shadow', ranges: ranges(extracted, 'text here') },
    ]);
    const textNode = shadow.querySelector('p')!.firstChild!;
    expect(tester.hitPoint(textNode, 9)).toEqual(['shadow']);
    expect(tester.hitPoint(textNode, 2)).toEqual([]);
    expect(tester.hitPoint(document.querySelector('p')!.firstChild!, 3)).toEqual(['light']);
  });

  it('uses few boundary comparisons with hundreds of ranges', () => {
    const sentences = Array.from(
      { length: 500 },
      (_, i) => `<p>Sentence number ${i} about the shooting.</p>`,
    );
    document.body.innerHTML = sentences.join('');
    const extracted = extractText(document.body);
    const tester = new HitTester({ document, caretFromPoint: caretByOffset(extracted), confirm: false });
    tester.set(
      Array.from({ length: 500 }, (_, i) => ({
        id: `s${i}`,
        ranges: ranges(extracted, `number ${i} about`),
      })),
    );
    tester.hitPoint(document.body.firstChild!.firstChild!, 0); // build the index first
    const spy = vi.spyOn(Range.prototype, 'comparePoint');
    const offset = extracted.text.indexOf('number 377 about') + 3;
    expect(tester.hitAt(offset, 0)).toEqual(['s377']);
    expect(spy.mock.calls.length).toBeLessThan(20);
    spy.mockClear();
    expect(tester.hitAt(extracted.text.indexOf('Sentence', offset), 0)).toEqual([]);
    expect(spy.mock.calls.length).toBeLessThan(20);
  });

  it('confirms the point is over the caret text by default', () => {
    document.body.innerHTML = '<p>officer fired</p>';
    const extracted = extractText(document.body);
    const node = extracted.nodes[0]!;
    // One 8px-wide character cell per offset on a line at y 100..116.
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      return [
        new DOMRect(this.startOffset * 8, 100, 8 * (this.endOffset - this.startOffset), 16),
      ] as unknown as DOMRectList;
    });
    const tester = new HitTester({ document, caretFromPoint: (x) => ({ node, offset: Math.round(x / 8) }) });
    tester.set([{ id: 'm', ranges: ranges(extracted, 'officer') }]);
    expect(tester.hitAt(20, 108)).toEqual(['m']);
    expect(tester.hitAt(20, 300)).toEqual([]); // far below the line: the caret snapped, the click missed
    expect(pointOverCaretText({ node: document.body, offset: 0 }, 0, 0)).toBe(false);
  });

  it('rejects malformed targets and survives stale points', () => {
    const tester = new HitTester({ document, caretFromPoint: () => null, confirm: false });
    expect(() => tester.set([{ id: 1, ranges: [] } as never])).toThrow(/string id/);
    expect(tester.hitAt(1, 1)).toEqual([]);
    document.body.innerHTML = '<p>abc</p>';
    const extracted = extractText(document.body);
    tester.set([{ id: 'a', ranges: ranges(extracted, 'abc') }]);
    expect(tester.hitAt(1, 1)).toEqual([]); // no caret
    expect(tester.hitPoint(extracted.nodes[0]!, 99)).toEqual([]); // offset past the end
    tester.clear();
    expect(tester.hitPoint(extracted.nodes[0]!, 1)).toEqual([]);
  });
});

describe('caretFromPoint', () => {
  it('prefers caretPositionFromPoint and passes our shadow roots', () => {
    document.body.innerHTML = '<p>abc</p>';
    const text = document.querySelector('p')!.firstChild!;
    const shadowRoot = document.createElement('div').attachShadow({ mode: 'open' });
    const position = vi.fn(() => ({ offsetNode: text, offset: 2 }));
    const range = vi.fn();
    Object.assign(document, { caretPositionFromPoint: position, caretRangeFromPoint: range });
    expect(caretFromPoint(document, 5, 6, [shadowRoot])).toEqual({ node: text, offset: 2 });
    expect(position).toHaveBeenCalledWith(5, 6, { shadowRoots: [shadowRoot] });
    expect(range).not.toHaveBeenCalled();
    delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
    delete (document as { caretRangeFromPoint?: unknown }).caretRangeFromPoint;
  });

  it('falls back to caretRangeFromPoint, then to null', () => {
    document.body.innerHTML = '<p>abc</p>';
    const text = document.querySelector('p')!.firstChild!;
    const r = document.createRange();
    r.setStart(text, 1);
    Object.assign(document, { caretRangeFromPoint: () => r });
    expect(caretFromPoint(document, 1, 1)).toEqual({ node: text, offset: 1 });
    delete (document as { caretRangeFromPoint?: unknown }).caretRangeFromPoint;
    expect(caretFromPoint(document, 1, 1)).toBeNull();
  });
});
