// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { extractText } from '../../src/page/extract';
import {
  FALLBACK_CSS,
  HIGHLIGHT_CSS,
  highlightCss,
  declaredHighlightCss,
  fallbackCss,
  Highlighter,
  highlightName,
  markStyleFor,
  textRects,
  type Mark,
} from '../../src/page/highlights';
import { createShadowHost } from '../../src/page/shadow-host';
import type { TimerHost } from '../../src/page/teardown';
import { UI_ATTRIBUTE } from '../../src/page/dom';

// happy-dom has no Custom Highlight API: these stand in for CSS.highlights and Highlight.
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

// happy-dom's window.CSS is a getter returning a fresh object: replace it while a test runs.
const originalCss = Object.getOwnPropertyDescriptor(window, 'CSS')!;

function installHighlightApi(): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
  Object.defineProperty(window, 'Highlight', { value: FakeHighlight, configurable: true, writable: true });
  return registry;
}

function removeHighlightApi(): void {
  Object.defineProperty(window, 'CSS', originalCss);
  delete (window as { Highlight?: unknown }).Highlight;
}

/** Frames and timers we run by hand. */
function manualTimers(): TimerHost & { runFrames(): void; runTimers(): void } {
  let frames: (() => void)[] = [];
  let timers: (() => void)[] = [];
  return {
    setTimeout: (fn) => timers.push(fn),
    clearTimeout: () => {},
    setInterval: () => 0,
    clearInterval: () => {},
    requestAnimationFrame: (fn) => frames.push(() => fn(0)),
    cancelAnimationFrame: () => {},
    runFrames() {
      const run = frames;
      frames = [];
      run.forEach((fn) => fn());
    },
    runTimers() {
      const run = timers;
      timers = [];
      run.forEach((fn) => fn());
    },
  };
}

function setup(): { marks: Mark[]; snapshot: string } {
  document.body.innerHTML =
    '<p>The <b>officer</b> fired three shots, DHS said.</p><p>She was allegedly trying to run him over.</p>';
  const extracted = extractText(document.body);
  const at = (phrase: string): Range[] => {
    const start = extracted.text.indexOf(phrase);
    return extracted.toRanges(start, start + phrase.length);
  };
  return {
    marks: [
      { id: 'shots', style: 'attributed', ranges: at('officer fired three shots') },
      { id: 'run-over', style: 'hedged', ranges: at('allegedly trying to run him over') },
    ],
    snapshot: document.body.innerHTML,
  };
}

afterEach(() => {
  removeHighlightApi();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  document.adoptedStyleSheets = [];
  for (const el of Array.from(document.documentElement.querySelectorAll(`[${UI_ATTRIBUTE}]`))) el.remove();
});

describe('markStyleFor', () => {
  it('maps carriage to a style: hedged first, then fact, then attributed', () => {
    expect(markStyleFor({ carried: ['attributed'], hedges: ['allegedly'] })).toBe('hedged');
    expect(markStyleFor({ carried: ['hedged', 'paraphrase'], hedges: [] })).toBe('hedged');
    expect(markStyleFor({ carried: ['paraphrase', 'stated-as-fact'], hedges: [] })).toBe('fact');
    expect(markStyleFor({ carried: ['direct-quote', 'attributed'], hedges: [] })).toBe('attributed');
    expect(markStyleFor({ carried: ['paraphrase'], hedges: [] })).toBe('fact');
  });
});

describe('highlight CSS', () => {
  it('tells the styles apart by underline style, not only colour', () => {
    expect(HIGHLIGHT_CSS).toMatch(/::highlight\(source-context-fact\)[^}]*text-decoration-style: solid/);
    expect(HIGHLIGHT_CSS).toMatch(
      /::highlight\(source-context-attributed\)[^}]*text-decoration-style: dashed/,
    );
    expect(HIGHLIGHT_CSS).toMatch(/::highlight\(source-context-hedged\)[^}]*text-decoration-style: dotted/);
    expect(FALLBACK_CSS).toMatch(/sc-fact[^}]*solid/);
    expect(FALLBACK_CSS).toMatch(/sc-attributed[^}]*dashed/);
    expect(FALLBACK_CSS).toMatch(/sc-hedged[^}]*dotted/);
  });

  it('has high-contrast and forced-colours variants, and semi-transparent backgrounds', () => {
    for (const css of [HIGHLIGHT_CSS, FALLBACK_CSS]) {
      expect(css).toContain('@media (prefers-contrast: more)');
      expect(css).toContain('@media (forced-colors: active)');
      expect(css).toMatch(/background-color: rgba\([^)]*0\.\d+\)/);
    }
  });

  it('draws underlines alone, still told apart by line style, when the tint is off', () => {
    for (const css of [highlightCss(false), fallbackCss(false)]) {
      for (const style of ['fact', 'attributed', 'hedged']) {
        const rule = new RegExp(
          `(::highlight\\(source-context-${style}-plain\\)|sc-box\\.sc-${style}) \\{[^}]*\\}`,
        ).exec(css)?.[0];
        expect(rule, style).toContain('background-color: transparent');
        expect(rule, style).toMatch(/solid|dashed|dotted/);
      }
    }
    expect(highlightCss(true)).toBe(HIGHLIGHT_CSS);
  });
});

describe('Highlighter with the Custom Highlight API', () => {
  let registry: Map<string, FakeHighlight>;
  beforeEach(() => {
    registry = installHighlightApi();
  });

  it('registers one highlight per style plus active and flash, adopting its sheet beside the page sheets', () => {
    const pageSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [pageSheet];
    const highlighter = new Highlighter({ document });
    expect(highlighter.mode).toBe('api');
    expect([...registry.keys()].sort()).toEqual(
      ['active', 'attributed', 'fact', 'flash', 'hedged'].map((k) => `source-context-${k}`),
    );
    expect(registry.get(highlightName('active'))!.priority).toBe(1);
    expect(registry.get(highlightName('flash'))!.priority).toBe(2);
    expect(document.adoptedStyleSheets).toHaveLength(2);
    expect(document.adoptedStyleSheets[0]).toBe(pageSheet);
    highlighter.destroy();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toEqual([pageSheet]);
  });

  it('adds no document sheet when the rules are declared, and uses the plain names untinted', () => {
    const pageSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [pageSheet];
    const highlighter = new Highlighter({ document, documentCss: 'declared', tint: false });
    expect(highlighter.mode).toBe('api');
    expect(document.adoptedStyleSheets).toEqual([pageSheet]);
    expect([...registry.keys()].sort()).toEqual([
      'source-context-active',
      'source-context-attributed-plain',
      'source-context-fact-plain',
      'source-context-flash',
      'source-context-hedged-plain',
    ]);
    highlighter.destroy();
    expect(registry.size).toBe(0);
    const declared = declaredHighlightCss();
    // Only ::highlight() rules: no :root property or other marker a page script could read.
    expect(declared).not.toMatch(/:root|--|html|body/);
    expect(declared).toContain('::highlight(source-context-fact)');
    expect(declared).toContain('::highlight(source-context-fact-plain)');
  });

  it('paints marks by style, emphasises the active one and flashes, without touching the page', () => {
    const { marks, snapshot } = setup();
    const timers = manualTimers();
    const highlighter = new Highlighter({ document, timers });
    highlighter.set(marks);
    const attributed = registry.get(highlightName('attributed'))!;
    const hedged = registry.get(highlightName('hedged'))!;
    const active = registry.get(highlightName('active'))!;
    const flash = registry.get(highlightName('flash'))!;
    expect([...attributed].map(String)).toEqual(['officer fired three shots']);
    expect([...hedged].map(String)).toEqual(['allegedly trying to run him over']);

    highlighter.setActive('shots');
    expect([...active].map(String)).toEqual(['officer fired three shots']);
    highlighter.setActive('run-over');
    expect([...active].map(String)).toEqual(['allegedly trying to run him over']);
    expect(highlighter.active).toBe('run-over');
    highlighter.setActive(null);
    expect(active.size).toBe(0);

    highlighter.flash('shots', 500);
    expect(flash.size).toBe(1);
    timers.runTimers();
    expect(flash.size).toBe(0);

    highlighter.remove('shots');
    expect(attributed.size).toBe(0);
    expect(highlighter.ids()).toEqual(['run-over']);
    expect(document.body.innerHTML).toBe(snapshot);
    highlighter.clear();
    expect(hedged.size).toBe(0);
    highlighter.destroy();
    expect(() => highlighter.add(marks[0]!)).toThrow(/after destroy/);
  });

  it('keeps the active emphasis when the active mark is replaced', () => {
    const { marks } = setup();
    const highlighter = new Highlighter({ document });
    highlighter.set(marks);
    highlighter.setActive('shots');
    highlighter.add({ ...marks[0]!, style: 'fact' });
    expect(registry.get(highlightName('active'))!.size).toBe(1);
    expect(registry.get(highlightName('fact'))!.size).toBe(1);
    expect(registry.get(highlightName('attributed'))!.size).toBe(0);
    highlighter.destroy();
  });

  it('adds its rules to shadow roots that hold highlighted text, and removes them', () => {
    document.body.innerHTML = '<x-story></x-story>';
    const shadow = document.querySelector('x-story')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Text inside a shadow root</p>';
    const extracted = extractText(document.body);
    const highlighter = new Highlighter({ document });
    highlighter.add({ id: 'a', style: 'fact', ranges: extracted.toRanges(0, 4) });
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    highlighter.destroy();
    expect(shadow.adoptedStyleSheets).toHaveLength(0);
  });

  it('rejects bad marks with a clear error', () => {
    const highlighter = new Highlighter({ document });
    expect(() => highlighter.add({ id: 'x', style: 'bold' as never, ranges: [] })).toThrow(
      /unknown style "bold"/,
    );
    expect(() => highlighter.add({ id: '', style: 'fact', ranges: [] })).toThrow(/mark\.id/);
    expect(() => new Highlighter({ document, mode: 'paint' as never })).toThrow(/mode must be/);
    highlighter.destroy();
  });
});

describe('Highlighter fallback (no CSS.highlights)', () => {
  function fakeRects(offsetY = 0): void {
    // happy-dom has no layout: give every text range one 16px line per text node.
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      const node = this.startContainer as Text;
      const top =
        100 +
        offsetY +
        Array.from(document.body.querySelectorAll('p')).indexOf(node.parentElement!.closest('p')!) * 20;
      return [
        new DOMRect(10 * this.startOffset, top, 8 * (this.endOffset - this.startOffset), 16),
      ] as unknown as DOMRectList;
    });
  }

  it('refuses mode "api" when the API is missing', () => {
    expect(() => new Highlighter({ document, mode: 'api' })).toThrow(/no CSS\.highlights/);
  });

  it('draws boxes in its own shadow layer and follows scrolling', () => {
    const { marks, snapshot } = setup();
    fakeRects();
    const timers = manualTimers();
    const highlighter = new Highlighter({ document, timers });
    expect(highlighter.mode).toBe('fallback');
    highlighter.set(marks);
    timers.runFrames();
    const hosts = document.documentElement.querySelectorAll(`[${UI_ATTRIBUTE}="highlights"]`);
    expect(hosts).toHaveLength(1);
    const layer = hosts[0]!.shadowRoot!.querySelector('.sc-layer')!;
    const boxes = () => Array.from(layer.querySelectorAll<HTMLElement>('.sc-box'));
    // "officer fired three shots" spans two text nodes (<b>officer</b> and the rest): two boxes.
    expect(boxes().map((b) => b.className)).toEqual([
      'sc-box sc-attributed',
      'sc-box sc-attributed',
      'sc-box sc-hedged',
    ]);
    expect(boxes()[2]!.style.top).toBe('120px');

    highlighter.setActive('run-over');
    timers.runFrames();
    expect(boxes().filter((b) => b.classList.contains('sc-active'))).toHaveLength(1);

    vi.restoreAllMocks();
    fakeRects(-50);
    window.dispatchEvent(new Event('scroll'));
    timers.runFrames();
    expect(boxes()[2]!.style.top).toBe('70px');

    // Lines scrolled out of the viewport are not drawn.
    vi.restoreAllMocks();
    fakeRects(-10_000);
    highlighter.refresh();
    expect(boxes()).toHaveLength(0);

    expect(document.body.innerHTML).toBe(snapshot);
    highlighter.destroy();
    expect(document.documentElement.querySelectorAll(`[${UI_ATTRIBUTE}]`)).toHaveLength(0);
    window.dispatchEvent(new Event('scroll'));
    timers.runFrames(); // listeners are gone: nothing to run, nothing thrown
  });

  it('draws into a given host below its mount, and leaves the host alone on destroy', () => {
    const { marks } = setup();
    fakeRects();
    const host = createShadowHost(document, 'ui');
    const highlighter = new Highlighter({ document, host, mode: 'fallback' });
    highlighter.set(marks);
    highlighter.refresh();
    const children = Array.from(host.shadowRoot.children);
    expect(children.indexOf(host.shadowRoot.querySelector('.sc-layer')!)).toBeLessThan(
      children.indexOf(host.mount),
    );
    expect(host.shadowRoot.querySelectorAll('.sc-box')).toHaveLength(3);
    highlighter.destroy();
    expect(host.shadowRoot.querySelector('.sc-layer')).toBeNull();
    expect(host.host.isConnected).toBe(true);
    host.destroy();
  });
});

describe('textRects', () => {
  it('measures only the text a range covers, one text node at a time', () => {
    document.body.innerHTML = '<p>An <b>ICE</b> officer</p>';
    const seen: string[] = [];
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      seen.push(this.toString());
      return [new DOMRect(0, 0, 1, 1)] as unknown as DOMRectList;
    });
    const extracted = extractText(document.body);
    const rects = textRects(extracted.toRange(1, 10)!);
    expect(seen).toEqual(['n ', 'ICE', ' off']);
    expect(rects).toHaveLength(3);
  });
});
