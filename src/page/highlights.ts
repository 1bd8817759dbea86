// Painting linked passages without changing the page: the CSS Custom Highlight API (ranges are
// registered by name and styled with `::highlight()` rules), so no page element is wrapped, moved
// or restyled. Where the API is missing, the same marks are drawn as boxes in our own shadow-root
// layer from the ranges' client rects, kept in place on scroll and resize.
//
// The three styles differ by more than colour (WCAG 1.4.1): stated as fact = solid underline,
// attributed = dashed, hedged = dotted. Backgrounds are semi-transparent so they read on light and
// dark pages; a prefers-contrast variant thickens them and a forced-colors variant uses system colours.

import type { Carriage } from '../match/types';
import { isShadowRoot } from './dom';
import { createShadowHost, type ShadowHost } from './shadow-host';
import { attachStyles, type AttachedStyles } from './styles';
import { Disposer, type TimerHost } from './teardown';

/** How a page carries a claim, as the highlight shows it. */
export type MarkStyle = 'fact' | 'attributed' | 'hedged';

/** Every mark style, in legend order. */
export const MARK_STYLES: readonly MarkStyle[] = ['fact', 'attributed', 'hedged'];

/** One linked passage to paint: its ranges (one per DOM tree it spans) and its style. */
export interface Mark {
  id: string;
  style: MarkStyle;
  /** Live ranges (they follow DOM edits). A range belongs to one mark only. */
  ranges: readonly Range[];
}

/**
 * The `CSS.highlights` name for a style, the open card's passage, or the brief flash. Marks drawn
 * without a tint (the reader's "underline only" setting) use their own names, `…-plain`, so both
 * sets of rules can be declared up front.
 */
export function highlightName(kind: MarkStyle | 'active' | 'flash', tint = true): string {
  return !tint && kind !== 'active' && kind !== 'flash'
    ? `source-context-${kind}-plain`
    : `source-context-${kind}`;
}

/**
 * The contents of highlights.css (both tints), written by the build. The browser adds it with
 * content.js, in the manifest and on demand, so the `::highlight()` rules are there before the
 * page is built and the highlighter adds no stylesheet to the document: adding one later makes
 * the browser restyle the whole page, which on a page of 100,000 elements is a long task. It
 * holds only `::highlight()` rules (no `:root` property or other marker a page could read).
 */
export function declaredHighlightCss(): string {
  return [
    '/* Source Context: styles for its CSS Custom Highlight API marks. No element is changed. */',
    highlightCss(true),
    highlightCss(false),
  ].join('\n');
}

/**
 * The style for how a page carries a claim: hedged words win (the page distances itself), then
 * attribution or quotation, else the page states it as fact.
 */
export function markStyleFor(carriage: Pick<Carriage, 'carried' | 'hedges'>): MarkStyle {
  const { carried, hedges } = carriage;
  if (carried.includes('hedged') || hedges.length > 0) return 'hedged';
  if (carried.includes('stated-as-fact')) return 'fact';
  if (carried.includes('attributed') || carried.includes('direct-quote')) return 'attributed';
  return 'fact';
}

interface Palette {
  background: string;
  line: string;
  lineStyle: 'solid' | 'dashed' | 'dotted';
}

// Mid-luminance hues: the underline reads on white and on near-black backgrounds alike.
const PALETTE: Record<MarkStyle, Palette> = {
  fact: { background: 'rgba(245, 158, 11, 0.24)', line: 'rgb(217, 119, 6)', lineStyle: 'solid' },
  attributed: { background: 'rgba(59, 130, 246, 0.18)', line: 'rgb(59, 130, 246)', lineStyle: 'dashed' },
  hedged: { background: 'rgba(168, 85, 247, 0.18)', line: 'rgb(168, 85, 247)', lineStyle: 'dotted' },
};
const ACTIVE_BACKGROUND = 'rgba(250, 204, 21, 0.5)';
const FLASH_BACKGROUND = 'rgba(250, 204, 21, 0.85)';

function highlightRule(kind: MarkStyle | 'active' | 'flash', body: string, tint = true): string {
  return `::highlight(${highlightName(kind, tint)}) { ${body} }`;
}

/**
 * The `::highlight()` rules. `tint: false` draws the underlines alone (the reader's "underline
 * only" setting): the line style still tells fact, attributed and hedged apart.
 */
export function highlightCss(tint = true): string {
  return [
    ...MARK_STYLES.map((style) =>
      highlightRule(
        style,
        `background-color: ${tint ? PALETTE[style].background : 'transparent'}; text-decoration-line: underline; ` +
          `text-decoration-style: ${PALETTE[style].lineStyle}; text-decoration-color: ${PALETTE[style].line}; ` +
          'text-decoration-thickness: 2px;',
        tint,
      ),
    ),
    highlightRule('active', `background-color: ${ACTIVE_BACKGROUND};`),
    highlightRule('flash', `background-color: ${FLASH_BACKGROUND}; color: #000;`),
    '@media (prefers-contrast: more) {',
    ...MARK_STYLES.map((style) =>
      highlightRule(style, `background-color: transparent; text-decoration-thickness: 3px;`, tint),
    ),
    highlightRule('active', 'background-color: rgb(250, 204, 21); color: #000;'),
    '}',
    '@media (forced-colors: active) {',
    ...MARK_STYLES.map((style) =>
      highlightRule(style, 'background-color: transparent; text-decoration-color: LinkText;', tint),
    ),
    highlightRule('active', 'background-color: Highlight; color: HighlightText;'),
    highlightRule('flash', 'background-color: Mark; color: MarkText;'),
    '}',
  ].join('\n');
}

/** The default `::highlight()` rules, tinted (exported for tests and the demo page). */
export const HIGHLIGHT_CSS = highlightCss(true);

/** The fallback layer's rules: the same marks as boxes (exported for tests and the demo page). */
export function fallbackCss(tint = true): string {
  return [
    '.sc-layer { position: fixed; top: 0px; left: 0px; width: 0px; height: 0px; overflow: visible; ' +
      'pointer-events: none; z-index: 0; }',
    '.sc-box { position: absolute; box-sizing: border-box; pointer-events: none; border-radius: 2px; }',
    ...MARK_STYLES.map(
      (style) =>
        `.sc-box.sc-${style} { background-color: ${tint ? PALETTE[style].background : 'transparent'}; ` +
        `border-bottom: 2px ${PALETTE[style].lineStyle} ${PALETTE[style].line}; }`,
    ),
    `.sc-box.sc-active { background-color: ${ACTIVE_BACKGROUND}; }`,
    `.sc-box.sc-flash { background-color: ${FLASH_BACKGROUND}; }`,
    '@media (prefers-contrast: more) {',
    ...MARK_STYLES.map(
      (style) => `.sc-box.sc-${style} { background-color: transparent; border-bottom-width: 3px; }`,
    ),
    '}',
    '@media (forced-colors: active) {',
    ...MARK_STYLES.map(
      (style) => `.sc-box.sc-${style} { background-color: transparent; border-bottom-color: LinkText; }`,
    ),
    '.sc-box.sc-active { background-color: transparent; outline: 2px solid Highlight; }',
    '.sc-box.sc-flash { background-color: transparent; outline: 2px solid Mark; }',
    '}',
  ].join('\n');
}

/** The default fallback rules, tinted (exported for tests and the demo page). */
export const FALLBACK_CSS = fallbackCss(true);

/** Options for a Highlighter. */
export interface HighlighterOptions {
  document?: Document; // test seam; defaults to the global document
  /** 'auto' (default): the Custom Highlight API when present, else boxes. */
  mode?: 'auto' | 'api' | 'fallback';
  /** Where the fallback draws its layer; one is created (and removed on destroy) if absent. */
  host?: ShadowHost;
  /** Tint the marks' background as well as underlining them (default true). */
  tint?: boolean;
  /**
   * 'declared': the page already has our `::highlight()` rules (highlights.css; see
   * declaredHighlightCss), so none is added to the document. 'adopt' (default): add them.
   */
  documentCss?: 'adopt' | 'declared';
  /** How long flash() emphasises a passage, in ms (default 1200). */
  flashMs?: number;
  /** Timers and frames; defaults to the document's window (test seam). */
  timers?: TimerHost;
}

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  priority: number;
}
interface HighlightRegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  get(name: string): HighlightLike | undefined;
  delete(name: string): boolean;
}
type HighlightConstructor = new (...ranges: AbstractRange[]) => HighlightLike;

function highlightApi(
  doc: Document,
): { registry: HighlightRegistryLike; Highlight: HighlightConstructor } | null {
  const view = doc.defaultView as
    (Window & { Highlight?: HighlightConstructor; CSS?: { highlights?: HighlightRegistryLike } }) | null;
  const registry = view?.CSS?.highlights;
  const Highlight = view?.Highlight;
  return registry && typeof Highlight === 'function' ? { registry, Highlight } : null;
}

/** Paints marks on the page; one per page, destroyed with the content script. */
export class Highlighter {
  /** How marks are drawn: 'api' (CSS Custom Highlight API) or 'fallback' (boxes in our layer). */
  readonly mode: 'api' | 'fallback';
  private readonly doc: Document;
  private readonly marks = new Map<string, Mark>();
  private activeId: string | null = null;
  private readonly flashing = new Map<string, () => void>();
  private readonly flashMs: number;
  private readonly disposer: Disposer;
  private readonly painter: Painter;
  private destroyed = false;

  constructor(options: HighlighterOptions = {}) {
    this.doc = options.document ?? document;
    const view = this.doc.defaultView;
    this.disposer = new Disposer(options.timers ?? (view as unknown as TimerHost | null) ?? undefined);
    this.flashMs = options.flashMs ?? 1200;
    const requested = options.mode ?? 'auto';
    if (!['auto', 'api', 'fallback'].includes(requested)) {
      throw new TypeError(`Highlighter: mode must be 'auto', 'api' or 'fallback', got ${String(requested)}`);
    }
    const api = requested === 'fallback' ? null : highlightApi(this.doc);
    if (requested === 'api' && !api) {
      throw new Error('Highlighter: mode "api" requested but this page has no CSS.highlights / Highlight');
    }
    let painter: Painter | null = null;
    if (api) {
      const apiPainter = new ApiPainter(
        this.doc,
        api.registry,
        api.Highlight,
        options.tint ?? true,
        options.documentCss ?? 'adopt',
      );
      if (apiPainter.styled || requested === 'api') painter = apiPainter;
      else apiPainter.destroy(); // our ::highlight() rules were blocked: boxes still show
    }
    this.painter =
      painter ?? new BoxPainter(this.doc, options.host, this.disposer, fallbackCss(options.tint ?? true));
    this.mode = this.painter instanceof ApiPainter ? 'api' : 'fallback';
  }

  /** Replace every mark with `marks`. */
  set(marks: Iterable<Mark>): void {
    this.clear();
    for (const mark of marks) this.add(mark);
  }

  /** Add a mark, replacing any with the same id. */
  add(mark: Mark): void {
    this.assertAlive();
    if (!mark || typeof mark.id !== 'string' || !mark.id)
      throw new TypeError('Highlighter.add: mark.id must be a non-empty string');
    if (!MARK_STYLES.includes(mark.style)) {
      throw new TypeError(`Highlighter.add: mark "${mark.id}" has unknown style "${String(mark.style)}"`);
    }
    if (!Array.isArray(mark.ranges))
      throw new TypeError(`Highlighter.add: mark "${mark.id}" needs a ranges array`);
    if (this.marks.has(mark.id)) this.remove(mark.id);
    const copy: Mark = { id: mark.id, style: mark.style, ranges: [...mark.ranges] };
    this.marks.set(mark.id, copy);
    this.painter.add(mark.style, copy.ranges);
    if (this.activeId === mark.id) this.painter.add('active', copy.ranges);
  }

  /** Remove a mark (and its active/flash emphasis). */
  remove(id: string): void {
    const mark = this.marks.get(id);
    if (!mark) return;
    this.flashing.get(id)?.();
    if (this.activeId === id) this.painter.remove('active', mark.ranges);
    this.painter.remove(mark.style, mark.ranges);
    this.marks.delete(id);
  }

  /** Is a mark with this id painted? */
  has(id: string): boolean {
    return this.marks.has(id);
  }

  /** The ids of every mark painted. */
  ids(): string[] {
    return [...this.marks.keys()];
  }

  /** Emphasise the passage whose card is open (null: none). Keeps the mark's own style too. */
  setActive(id: string | null): void {
    this.assertAlive();
    if (this.activeId !== null) {
      const previous = this.marks.get(this.activeId);
      if (previous) this.painter.remove('active', previous.ranges);
    }
    this.activeId = id;
    const mark = id === null ? undefined : this.marks.get(id);
    if (mark) this.painter.add('active', mark.ranges);
  }

  /** The id given to the last setActive (null: none). */
  get active(): string | null {
    return this.activeId;
  }

  /** Briefly emphasise a passage (after scrolling to it), for `durationMs`. */
  flash(id: string, durationMs: number = this.flashMs): void {
    this.assertAlive();
    const mark = this.marks.get(id);
    if (!mark) return;
    this.flashing.get(id)?.();
    this.painter.add('flash', mark.ranges);
    const cancelTimer = this.disposer.timeout(() => end(), durationMs);
    const end = (): void => {
      cancelTimer();
      this.flashing.delete(id);
      if (!this.destroyed) this.painter.remove('flash', mark.ranges);
    };
    this.flashing.set(id, end);
  }

  /** Redraw now (fallback boxes after the page changed; a no-op for the API, which tracks ranges). */
  refresh(): void {
    if (!this.destroyed) this.painter.refresh();
  }

  /** Remove every mark; the highlighter stays usable. */
  clear(): void {
    for (const end of [...this.flashing.values()]) end();
    this.painter.clear();
    this.marks.clear();
  }

  /** Remove everything we added: highlights, our stylesheet, the fallback layer, listeners. */
  destroy(): void {
    if (this.destroyed) return;
    this.clear();
    this.destroyed = true;
    this.disposer.dispose();
    this.painter.destroy();
  }

  private assertAlive(): void {
    if (this.destroyed) throw new Error('Highlighter: used after destroy()');
  }
}

type Layer = MarkStyle | 'active' | 'flash';
const LAYERS: readonly Layer[] = [...MARK_STYLES, 'active', 'flash'];

interface Painter {
  add(layer: Layer, ranges: readonly Range[]): void;
  remove(layer: Layer, ranges: readonly Range[]): void;
  refresh(): void;
  clear(): void;
  destroy(): void;
}

class ApiPainter implements Painter {
  readonly styled: boolean;
  private readonly highlights = new Map<Layer, HighlightLike>();
  private readonly sheets: AttachedStyles[] = [];
  private readonly styledRoots = new Set<ShadowRoot>();
  private readonly css: string;

  constructor(
    doc: Document,
    private readonly registry: HighlightRegistryLike,
    Highlight: HighlightConstructor,
    private readonly tint: boolean,
    documentCss: 'adopt' | 'declared',
  ) {
    this.css = highlightCss(tint);
    if (documentCss === 'declared') this.styled = true;
    else {
      const sheet = attachStyles(doc, this.css);
      this.sheets.push(sheet);
      this.styled = sheet.applied;
    }
    LAYERS.forEach((layer) => {
      const highlight = new Highlight();
      // Active above the styles, flash above everything.
      highlight.priority = layer === 'flash' ? 2 : layer === 'active' ? 1 : 0;
      this.highlights.set(layer, highlight);
      registry.set(highlightName(layer, tint), highlight);
    });
  }

  add(layer: Layer, ranges: readonly Range[]): void {
    const highlight = this.highlights.get(layer)!;
    for (const range of ranges) {
      highlight.add(range);
      // ::highlight() rules apply per tree: text inside a shadow root needs them in that root too.
      const root = range.startContainer.getRootNode();
      if (isShadowRoot(root) && !this.styledRoots.has(root)) {
        this.styledRoots.add(root);
        this.sheets.push(attachStyles(root, this.css));
      }
    }
  }

  remove(layer: Layer, ranges: readonly Range[]): void {
    const highlight = this.highlights.get(layer)!;
    for (const range of ranges) highlight.delete(range);
  }

  refresh(): void {}

  clear(): void {
    for (const highlight of this.highlights.values()) highlight.clear();
  }

  destroy(): void {
    for (const [layer, highlight] of this.highlights) {
      highlight.clear();
      const name = highlightName(layer, this.tint);
      if (this.registry.get(name) === highlight) this.registry.delete(name);
    }
    this.highlights.clear();
    for (const sheet of this.sheets.splice(0)) sheet.remove();
    this.styledRoots.clear();
  }
}

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, without the global

/** The client rects of the text a range covers (not the boxes of elements it contains). */
export function textRects(range: Range): DOMRect[] {
  const rects: DOMRect[] = [];
  const container = range.commonAncestorContainer;
  const doc = container.ownerDocument ?? (container as Document);
  if (container.nodeType === 3) {
    rects.push(...Array.from(range.getClientRects()));
    return rects;
  }
  const walker = doc.createTreeWalker(container, SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(node)) {
      if (range.comparePoint(node, 0) > 0) break; // past the end
      continue;
    }
    const part = doc.createRange();
    part.setStart(node, node === range.startContainer ? range.startOffset : 0);
    part.setEnd(node, node === range.endContainer ? range.endOffset : node.data.length);
    if (!part.collapsed) rects.push(...Array.from(part.getClientRects()));
  }
  return rects;
}

class BoxPainter implements Painter {
  private readonly ranges = new Map<Layer, Set<Range>>(LAYERS.map((layer) => [layer, new Set()]));
  private readonly host: ShadowHost;
  private readonly ownsHost: boolean;
  private readonly layer: HTMLElement;
  private readonly sheet: AttachedStyles;
  private readonly boxes: HTMLElement[] = [];
  private readonly schedule: () => void;

  constructor(
    private readonly doc: Document,
    host: ShadowHost | undefined,
    disposer: Disposer,
    css: string,
  ) {
    this.ownsHost = !host;
    this.host = host ?? createShadowHost(doc, 'highlights');
    this.sheet = this.host.addStyles(css);
    this.layer = doc.createElement('div');
    this.layer.className = 'sc-layer';
    // Before the mount: the card (rendered into the mount) paints above the boxes.
    this.host.shadowRoot.insertBefore(this.layer, this.host.mount);
    this.schedule = disposer.throttleFrame(() => this.draw());
    const view = doc.defaultView;
    if (view) {
      // Capture: scrolls of inner scroll containers move the text too.
      disposer.listen(view, 'scroll', this.schedule, { capture: true, passive: true });
      disposer.listen(view, 'resize', this.schedule, { passive: true });
      const ResizeObserverCtor = (view as Window & { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
      if (ResizeObserverCtor) {
        const observer = disposer.use(new ResizeObserverCtor(this.schedule));
        observer.observe(doc.documentElement);
        if (doc.body) observer.observe(doc.body);
      }
    }
  }

  add(layer: Layer, ranges: readonly Range[]): void {
    const set = this.ranges.get(layer)!;
    for (const range of ranges) set.add(range);
    this.schedule();
  }

  remove(layer: Layer, ranges: readonly Range[]): void {
    const set = this.ranges.get(layer)!;
    for (const range of ranges) set.delete(range);
    this.schedule();
  }

  refresh(): void {
    this.draw();
  }

  clear(): void {
    for (const set of this.ranges.values()) set.clear();
    this.draw();
  }

  /** Position one box per visible line rect, reusing box elements between frames. */
  private draw(): void {
    const view = this.doc.defaultView;
    const width = view?.innerWidth ?? 0;
    const height = view?.innerHeight ?? 0;
    let used = 0;
    for (const layer of LAYERS) {
      for (const range of this.ranges.get(layer)!) {
        for (const rect of textRects(range)) {
          if (rect.width <= 0 || rect.height <= 0) continue;
          // Off-screen lines are skipped: the layer stays small on long pages.
          if (view && (rect.bottom < 0 || rect.top > height || rect.right < 0 || rect.left > width)) continue;
          const box = this.boxes[used] ?? this.newBox();
          used++;
          box.className = `sc-box sc-${layer}`;
          box.style.left = `${rect.left}px`;
          box.style.top = `${rect.top}px`;
          box.style.width = `${rect.width}px`;
          box.style.height = `${rect.height}px`;
        }
      }
    }
    for (const box of this.boxes.splice(used)) box.remove();
  }

  private newBox(): HTMLElement {
    const box = this.doc.createElement('div');
    this.boxes.push(box);
    this.layer.appendChild(box);
    return box;
  }

  destroy(): void {
    for (const set of this.ranges.values()) set.clear();
    this.layer.remove();
    this.boxes.length = 0;
    this.sheet.remove();
    if (this.ownsHost) this.host.destroy();
  }
}
