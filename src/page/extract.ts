// Reading a live DOM as a reader sees it: one string of visible text with block boundaries, plus a
// compact map from every character back to the text node and offset it came from, so the
// engine's `{start, end}` offsets turn back into DOM Ranges. Runs in browsers and, for the scan
// CLI, in node through happy-dom, so it reads no globals (see dom.ts).

import {
  BLOCK_TAGS,
  DOCUMENT_NODE,
  ELEMENT_NODE,
  PRE_TAGS,
  TEXT_NODE,
  UI_ATTRIBUTE,
  flatParent,
  isElement,
  isExcludedElement,
  isShadowRoot,
  isShadowSlot,
  isText,
  openShadowRoot,
  slotContent,
} from './dom';

export { UI_ATTRIBUTE };

/** How whitespace inside an element renders: collapsed, collapsed except newlines, or kept. */
export type WhiteSpace = 'collapse' | 'pre-line' | 'preserve';

/** What extraction needs to know about how one element renders. */
export interface ElementLayout {
  /** Starts and ends a block (paragraph, cell, list item...): text never joins across it. */
  readonly block: boolean;
  /** Its own text shows (`visibility: visible`); children may override, as in CSS. */
  readonly visible: boolean;
  readonly whiteSpace: WhiteSpace;
}

/**
 * Decides how an element renders, given its parent's layout; `null` skips the whole subtree (not
 * rendered). Swappable so callers choose between accuracy (computed style) and cost (markup only).
 */
export type LayoutProbe = (el: Element, parent: ElementLayout) => ElementLayout | null;

/** Options for `extractText`. */
export interface ExtractOptions {
  /**
   * How hidden content and blocks are detected. 'computed' (default) reads computed style (and
   * `checkVisibility()` for a subtree root), as a browser renders the page; 'markup' reads only tags, attributes and
   * inline `style` attributes, never forcing style (cheap, and the right choice under happy-dom,
   * whose getComputedStyle is slow and partial); or a custom probe.
   */
  layout?: 'computed' | 'markup' | LayoutProbe;
}

/** A position inside a text node. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/** The text of a DOM subtree as a reader sees it, with the way back to the DOM. */
export interface ExtractedText {
  /** The visible text: whitespace collapsed, "\n\n" between blocks and "\n" at line breaks. */
  readonly text: string;
  /** Sorted offsets where a block (or a line after `<br>`) starts; 0 is the first when text is non-empty. */
  readonly blocks: number[];
  /** Every text node that contributed characters, in reading (flat tree) order. */
  readonly nodes: Text[];
  /** The open shadow roots the text came through (for caret hit-testing inside them). */
  readonly shadowRoots: ShadowRoot[];
  /**
   * The DOM position of the character at `offset` (0..text.length). Separators we inserted map
   * to the end of the text before them; `text.length` maps to the end of the last text.
   */
  locate(offset: number): TextPoint | null;
  /** The text offset of a DOM position, or null when that node contributed no text. */
  offsetOf(node: Node, offset: number): number | null;
  /**
   * One Range covering text[start, end), or null when the span is empty or crosses a shadow-root
   * or slot boundary (one Range cannot; use `toRanges`), or the DOM changed under it.
   */
  toRange(start: number, end: number, document?: Document): Range | null;
  /** Ranges covering text[start, end), one per stretch of a single DOM tree, in reading order. */
  toRanges(start: number, end: number, document?: Document): Range[];
}

// Shared layout objects: there are only 12 combinations, so probes return these, not new objects.
const LAYOUTS = new Map<string, ElementLayout>();
function layout(block: boolean, visible: boolean, whiteSpace: WhiteSpace): ElementLayout {
  const key = `${+block}${+visible}${whiteSpace}`;
  let found = LAYOUTS.get(key);
  if (!found) {
    found = Object.freeze({ block, visible, whiteSpace });
    LAYOUTS.set(key, found);
  }
  return found;
}

/** The layout extraction assumes above the root: a visible block with normal whitespace. */
export const ROOT_LAYOUT: ElementLayout = layout(true, true, 'collapse');

function isInlineDisplay(display: string): boolean {
  // 'inline', 'inline-block', 'inline flow-root', 'contents', 'ruby'...: text flows through them.
  return display.startsWith('inline') || display === 'contents' || display.startsWith('ruby');
}

function whiteSpaceOf(value: string): WhiteSpace | null {
  switch (value) {
    case 'normal':
    case 'nowrap':
    case 'collapse':
      return 'collapse';
    case 'pre-line':
    case 'preserve-breaks':
      return 'pre-line';
    case 'pre':
    case 'pre-wrap':
    case 'break-spaces':
    case 'preserve':
    case 'preserve-spaces':
      return 'preserve';
    default:
      return null; // '' or an unknown value: inherit
  }
}

/** The markup-only probe: tags, the `style` attribute, nothing computed. Never forces style. */
export const markupLayout: LayoutProbe = (el, parent) => {
  let block = BLOCK_TAGS.has(el.localName);
  let visible = parent.visible;
  let whiteSpace: WhiteSpace = PRE_TAGS.has(el.localName) ? 'preserve' : parent.whiteSpace;
  if (el.hasAttribute('style')) {
    const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
    if (style) {
      const display = style.getPropertyValue('display').trim();
      if (display === 'none') return null;
      if (style.getPropertyValue('content-visibility').trim() === 'hidden') return null;
      if (display) block = !isInlineDisplay(display);
      const visibility = style.getPropertyValue('visibility').trim();
      if (visibility) visible = visibility === 'visible';
      whiteSpace = whiteSpaceOf(style.getPropertyValue('white-space').trim()) ?? whiteSpace;
    }
  }
  return layout(block, visible, whiteSpace);
};

/**
 * The computed-style probe: what the browser renders. Reads the computed display (none: skip;
 * inline or block), content-visibility, visibility and white-space, and skips the screen-reader
 * only pattern. The walk is top-down, so a hidden ancestor was already skipped; subtree roots are
 * checked with `checkVisibility()` (see contextLayout). Values a DOM implementation leaves empty
 * (happy-dom) fall back to the markup rules.
 */
export const computedLayout: LayoutProbe = (el, parent) => {
  const view = el.ownerDocument.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return markupLayout(el, parent);
  const style = view.getComputedStyle(el);
  const display = style.display;
  if (display === 'none') return null;
  if (style.contentVisibility === 'hidden') return null;
  if (isVisuallyHidden(style)) return null;
  const block = display ? !isInlineDisplay(display) : BLOCK_TAGS.has(el.localName);
  const visibility = style.visibility;
  const visible = visibility ? visibility === 'visible' : parent.visible;
  // `white-space` is a shorthand now; it reads '' for combinations it cannot express.
  const whiteSpace =
    whiteSpaceOf(style.whiteSpace) ??
    whiteSpaceOf(style.getPropertyValue('white-space-collapse')) ??
    (PRE_TAGS.has(el.localName) ? 'preserve' : parent.whiteSpace);
  return layout(block, visible, whiteSpace);
};

// The "screen-reader only" pattern (1px absolutely positioned box with overflow hidden, or a zero
// clip): present for assistive technology, never seen by a reader. Opacity 0 is NOT treated as
// hidden: many news sites fade paragraphs in on scroll from opacity 0.
function isVisuallyHidden(style: CSSStyleDeclaration): boolean {
  const position = style.position;
  if (position !== 'absolute' && position !== 'fixed') return false;
  if (style.clip === 'rect(0px, 0px, 0px, 0px)' || style.clipPath === 'inset(50%)') return true;
  const width = parseFloat(style.width);
  const height = parseFloat(style.height);
  return width <= 1 && height <= 1 && style.overflow === 'hidden';
}

function probeFor(option: ExtractOptions['layout']): LayoutProbe {
  if (typeof option === 'function') return option;
  if (option === undefined || option === 'computed') return computedLayout;
  if (option === 'markup') return markupLayout;
  throw new TypeError(
    `extractText: options.layout must be 'computed', 'markup' or a function, got ${option}`,
  );
}

// CSS collapsible whitespace: space, tab, line feed, carriage return, form feed (not U+00A0).
const WHITESPACE = /[ \t\n\r\f]+/g;

/** A growable Int32Array: the map back to the DOM stays compact on 1 MB pages. */
class IntList {
  data = new Int32Array(256);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  last(): number {
    return this.data[this.length - 1] ?? 0;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

// The map is a list of runs. Run i starts at output offset runOut[i]; if runNode[i] >= 0 the run
// is linear (output offset o maps to node runNode[i] at runOff[i] + (o - runOut[i])); if it is
// negative it is a separator we inserted, and every character maps to the fixed point
// (node ~runNode[i], runOff[i]): the end of the text before it. A new run starts only where the
// mapping jumps (collapsed whitespace, a new node), so plain prose costs one run per text node.
class Builder {
  readonly chunks: string[] = [];
  length = 0;
  readonly blocks: number[] = [];
  readonly nodes: Text[] = [];
  readonly nodeSegment = new IntList();
  readonly nodeFirstRun = new IntList();
  readonly runOut = new IntList();
  readonly runNode = new IntList();
  readonly runOff = new IntList();
  readonly shadowRoots: ShadowRoot[] = [];
  segment = 0;
  private segments = 0;
  private pendingBreak: 0 | 1 | 2 = 0; // 1: a line break ("\n"), 2: a block boundary ("\n\n")
  private spaceNode: Text | null = null; // where a collapsed whitespace run started
  private spaceOffset = 0;
  private spaceSegment = 0;
  private endNode = -1; // the end of the last emitted text
  private endOffset = 0;

  /** Start a new segment (a stretch of one DOM tree in tree order); returns the one to resume. */
  enterSegment(): number {
    const previous = this.segment;
    this.segment = ++this.segments;
    return previous;
  }

  blockBoundary(): void {
    if (this.length > 0) this.pendingBreak = 2;
    this.spaceNode = null;
  }

  lineBreak(): void {
    if (this.length > 0 && this.pendingBreak === 0) this.pendingBreak = 1;
    this.spaceNode = null;
  }

  text(node: Text, whiteSpace: WhiteSpace): void {
    const data = node.data;
    if (data.length === 0) return;
    if (whiteSpace === 'preserve') {
      this.emit(node, 0, data);
      return;
    }
    WHITESPACE.lastIndex = 0;
    let position = 0;
    for (let match = WHITESPACE.exec(data); match; match = WHITESPACE.exec(data)) {
      if (match.index > position) this.emit(node, position, data.slice(position, match.index));
      if (whiteSpace === 'pre-line' && match[0].includes('\n')) this.lineBreak();
      else if (this.length > 0 && this.pendingBreak === 0 && this.spaceNode === null) {
        this.spaceNode = node;
        this.spaceOffset = match.index;
        this.spaceSegment = this.segment;
      }
      position = match.index + match[0].length;
    }
    if (position < data.length) this.emit(node, position, position === 0 ? data : data.slice(position));
  }

  private emit(node: Text, offset: number, str: string): void {
    if (this.length === 0) {
      this.blocks.push(0);
      this.pendingBreak = 0;
    } else if (this.pendingBreak !== 0) {
      const separator = this.pendingBreak === 2 ? '\n\n' : '\n';
      this.runOut.push(this.length);
      this.runNode.push(~this.endNode);
      this.runOff.push(this.endOffset);
      this.append(separator);
      this.blocks.push(this.length);
      this.pendingBreak = 0;
      this.spaceNode = null;
    } else if (this.spaceNode !== null) {
      this.addRun(this.register(this.spaceNode, this.spaceSegment), this.spaceOffset);
      this.append(' ');
      this.spaceNode = null;
    }
    const index = this.register(node, this.segment);
    this.addRun(index, offset);
    this.append(str);
    this.endNode = index;
    this.endOffset = offset + str.length;
  }

  private append(str: string): void {
    this.chunks.push(str);
    this.length += str.length;
  }

  private register(node: Text, segment: number): number {
    const last = this.nodes.length - 1;
    if (last >= 0 && this.nodes[last] === node) return last;
    this.nodes.push(node);
    this.nodeSegment.push(segment);
    this.nodeFirstRun.push(this.runOut.length);
    return last + 1;
  }

  private addRun(node: number, offset: number): void {
    const runs = this.runOut.length;
    if (runs > 0) {
      const lastNode = this.runNode.last();
      if (lastNode === node && this.runOff.last() + (this.length - this.runOut.last()) === offset) return;
    }
    this.runOut.push(this.length);
    this.runNode.push(node);
    this.runOff.push(offset);
  }

  finish(): Extracted {
    return new Extracted(
      this.chunks.join(''),
      this.blocks,
      this.nodes,
      this.shadowRoots,
      this.nodeSegment.done(),
      this.nodeFirstRun.done(),
      this.runOut.done(),
      this.runNode.done(),
      this.runOff.done(),
      this.endNode,
      this.endOffset,
    );
  }
}

class Extracted implements ExtractedText {
  private nodeIndex: Map<Node, number> | null = null;

  constructor(
    readonly text: string,
    readonly blocks: number[],
    readonly nodes: Text[],
    readonly shadowRoots: ShadowRoot[],
    private readonly nodeSegment: Int32Array,
    private readonly nodeFirstRun: Int32Array,
    private readonly runOut: Int32Array,
    private readonly runNode: Int32Array,
    private readonly runOff: Int32Array,
    private readonly endNode: number,
    private readonly endOffset: number,
  ) {}

  /** The index of the run holding output offset `offset` (0 <= offset < text.length). */
  private runAt(offset: number): number {
    const out = this.runOut;
    let low = 0;
    let high = out.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (out[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private runEnd(run: number): number {
    return run + 1 < this.runOut.length ? this.runOut[run + 1]! : this.text.length;
  }

  locate(offset: number): TextPoint | null {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.text.length || this.nodes.length === 0) {
      return null;
    }
    if (offset === this.text.length) return { node: this.nodes[this.endNode]!, offset: this.endOffset };
    const run = this.runAt(offset);
    const node = this.runNode[run]!;
    if (node < 0) return { node: this.nodes[~node]!, offset: this.runOff[run]! };
    return { node: this.nodes[node]!, offset: this.runOff[run]! + (offset - this.runOut[run]!) };
  }

  offsetOf(node: Node, offset: number): number | null {
    if (!this.nodeIndex) {
      this.nodeIndex = new Map();
      this.nodes.forEach((text, index) => this.nodeIndex!.set(text, index));
    }
    const index = this.nodeIndex.get(node);
    if (index === undefined) return null;
    const first = this.nodeFirstRun[index]!;
    const last = (index + 1 < this.nodes.length ? this.nodeFirstRun[index + 1]! : this.runOut.length) - 1;
    // The node's runs have non-decreasing source offsets: find the last starting at or before `offset`.
    let low = first;
    let high = last;
    if (offset < this.runOff[first]!) return this.runOut[first]!;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.runOff[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    if (this.runNode[low]! < 0) return this.runOut[low]!;
    const length = this.runEnd(low) - this.runOut[low]!;
    return this.runOut[low]! + Math.min(offset - this.runOff[low]!, length);
  }

  toRange(start: number, end: number, document?: Document): Range | null {
    const ranges = this.toRanges(start, end, document);
    return ranges.length === 1 ? ranges[0]! : null;
  }

  toRanges(start: number, end: number, document?: Document): Range[] {
    if (!Number.isFinite(start) || !Number.isFinite(end)) {
      throw new RangeError(`toRanges: offsets must be finite numbers, got ${start}..${end}`);
    }
    const from = Math.max(0, Math.floor(start));
    const to = Math.min(this.text.length, Math.ceil(end));
    if (from >= to || this.nodes.length === 0) return [];
    const doc = document ?? this.nodes[0]!.ownerDocument;
    const firstRun = this.runAt(from);
    const lastRun = this.runAt(to - 1);
    const ranges: Range[] = [];
    let segment = -1;
    let startNode: Text | null = null;
    let startOffset = 0;
    let endNode: Text | null = null;
    let endOffset = 0;
    for (let run = firstRun; run <= lastRun; run++) {
      const nodeIndex = this.runNode[run]!;
      if (nodeIndex < 0) continue; // a separator we inserted: no DOM text to cover
      const node = this.nodes[nodeIndex]!;
      const out = this.runOut[run]!;
      const off = this.runOff[run]!;
      const runStart = run === firstRun ? off + (from - out) : off;
      const runStop = run === lastRun ? off + (to - out) : off + (this.runEnd(run) - out);
      const nodeSegment = this.nodeSegment[nodeIndex]!;
      if (nodeSegment !== segment) {
        if (startNode && endNode) pushRange(ranges, doc, startNode, startOffset, endNode, endOffset);
        segment = nodeSegment;
        startNode = node;
        startOffset = runStart;
      }
      endNode = node;
      endOffset = runStop;
    }
    if (startNode && endNode) pushRange(ranges, doc, startNode, startOffset, endNode, endOffset);
    return ranges;
  }
}

function pushRange(ranges: Range[], doc: Document, a: Text, aOffset: number, b: Text, bOffset: number): void {
  try {
    const range = doc.createRange();
    range.setStart(a, aOffset);
    range.setEnd(b, bOffset);
    if (!range.collapsed) ranges.push(range);
  } catch {
    // The text changed since extraction (offset past the node's end, node moved to another
    // document): no range for this stretch rather than a wrong one.
  }
}

// One level of the depth-first walk. Children come either as a sibling chain (`next`) or as an
// array (`list`, for slot assignments and closed <details>).
interface Frame {
  el: Element | null; // the element whose children these are (its block end is marked on exit)
  layout: ElementLayout;
  next: Node | null;
  list: Node[] | null;
  index: number;
  resumeSegment: number; // the segment to return to when this frame ends (-1: unchanged)
}

/**
 * Extract the visible text of `root` (a document, element, shadow root or text node) with block
 * boundaries and a map back to the DOM. Open shadow roots are read in place of their host's
 * children, slots with their assigned nodes (the flat tree, in reading order). A subtree inside
 * hidden or skipped ancestors yields empty text, so MutationObserver rescans can call it on any
 * added or changed root.
 */
export function extractText(root: Node, options: ExtractOptions = {}): ExtractedText {
  const steps = extractTextSteps(root, { ...options, nodesPerStep: Infinity });
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Options for `extractTextSteps`. */
export interface ExtractStepsOptions extends ExtractOptions {
  /** DOM nodes visited between yields (default 5000: a few ms in a browser, 1 MB pages yield ~20 times). */
  nodesPerStep?: number;
}

/**
 * `extractText` in bounded steps: each `next()` visits at most `nodesPerStep` nodes; the
 * generator's return value is the ExtractedText. Lets the content script keep every task short on
 * huge pages (yield to the event loop between steps). The DOM should not change between steps;
 * if it does, ranges over the changed text come back empty rather than wrong.
 */
export function* extractTextSteps(
  root: Node,
  options: ExtractStepsOptions = {},
): Generator<void, ExtractedText, void> {
  if (!root || typeof root.nodeType !== 'number') {
    throw new TypeError('extractText: root must be a DOM node');
  }
  const perStep = options.nodesPerStep ?? 5000;
  if (!(perStep > 0)) throw new RangeError(`extractTextSteps: nodesPerStep must be positive, got ${perStep}`);
  const probe = probeFor(options.layout);
  const builder = new Builder();
  const context = contextLayout(root, probe);
  if (context === null) return builder.finish();

  const stack: Frame[] = [];
  if (root.nodeType === DOCUMENT_NODE || root.nodeType === 11) {
    if (isShadowRoot(root)) builder.shadowRoots.push(root);
    stack.push({ el: null, layout: context, next: root.firstChild, list: null, index: 0, resumeSegment: -1 });
  } else {
    stack.push({ el: null, layout: context, next: null, list: [root], index: 0, resumeSegment: -1 });
  }

  let budget = perStep;
  while (stack.length > 0) {
    if (--budget < 0) {
      yield;
      budget = perStep - 1;
    }
    const frame = stack[stack.length - 1]!;
    let node: Node | null;
    if (frame.list) node = frame.list[frame.index++] ?? null;
    else {
      node = frame.next;
      if (node) frame.next = node.nextSibling;
    }
    if (!node) {
      stack.pop();
      if (frame.el && frame.layout.block) builder.blockBoundary();
      if (frame.resumeSegment >= 0) builder.segment = frame.resumeSegment;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      if (frame.layout.visible) builder.text(node as Text, frame.layout.whiteSpace);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue; // comments, processing instructions
    const el = node as Element;
    if (isExcludedElement(el)) continue;
    const elLayout = probe(el, frame.layout);
    if (!elLayout) continue;
    if (el.localName === 'br') {
      builder.lineBreak();
      continue;
    }
    if (elLayout.block) builder.blockBoundary();
    stack.push(childFrame(el, elLayout, builder));
  }
  return builder.finish();
}

function childFrame(el: Element, layout: ElementLayout, builder: Builder): Frame {
  const shadow = openShadowRoot(el);
  if (shadow) {
    builder.shadowRoots.push(shadow);
    return {
      el,
      layout,
      next: shadow.firstChild,
      list: null,
      index: 0,
      resumeSegment: builder.enterSegment(),
    };
  }
  if (isShadowSlot(el)) {
    const assigned = slotContent(el);
    if (assigned) {
      return { el, layout, next: null, list: assigned, index: 0, resumeSegment: builder.enterSegment() };
    }
  }
  if (el.localName === 'details' && !el.hasAttribute('open')) {
    // A closed <details> shows only its first <summary>.
    const summary = Array.from(el.children).find((child) => child.localName === 'summary');
    return { el, layout, next: null, list: summary ? [summary] : [], index: 0, resumeSegment: -1 };
  }
  return { el, layout, next: el.firstChild, list: null, index: 0, resumeSegment: -1 };
}

/**
 * The layout `node` sits in, from its flat-tree ancestors (top down); null when an ancestor
 * hides it, so subtree rescans agree with a full extraction.
 */
function contextLayout(node: Node, probe: LayoutProbe): ElementLayout | null {
  const chain: Element[] = [];
  let child: Node = node;
  for (let parent = flatParent(node); parent; parent = flatParent(parent)) {
    if (isElement(parent)) {
      if (
        parent.localName === 'details' &&
        !parent.hasAttribute('open') &&
        !(isElement(child) && child.localName === 'summary')
      ) {
        return null;
      }
      chain.push(parent);
    }
    child = parent;
  }
  if (flatParent(child) === undefined) return null; // an unslotted light child: not rendered
  // checkVisibility() also knows what computed styles do not show (content hidden by a UA shadow
  // tree, content-visibility on an ancestor): one call for the whole ancestor chain.
  const nearest = chain[0];
  if (probe === computedLayout && nearest && typeof nearest.checkVisibility === 'function') {
    const display = nearest.ownerDocument.defaultView?.getComputedStyle(nearest).display;
    if (display !== 'contents' && !nearest.checkVisibility()) return null;
  }
  let current = ROOT_LAYOUT;
  for (let i = chain.length - 1; i >= 0; i--) {
    const el = chain[i]!;
    if (isExcludedElement(el)) return null;
    const next = probe(el, current);
    if (!next) return null;
    current = next;
  }
  // A text root is read in its parent's layout; an element root is probed again by the walk.
  return node.nodeType === TEXT_NODE && !current.visible ? null : current;
}

// Tags the cheap read skips: their content is never page text.
const QUICK_SKIPPED = new Set(['script', 'style', 'noscript', 'template']);

/**
 * A cheap read of `root`'s text for the first "may this be about the incident?" test: skips only
 * script/style/noscript/template (by tag) and our own UI, reads open shadow roots, puts a newline
 * after block tags so words do not fuse. Touches no style and no layout, so it may include
 * hidden text: fine for a test whose "no" must be certain.
 */
export function quickText(root: Node): string {
  const parts: string[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      parts.push((node as Text).data);
      continue;
    }
    if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      if (QUICK_SKIPPED.has(el.localName) || el.hasAttribute(UI_ATTRIBUTE)) continue;
      if (BLOCK_TAGS.has(el.localName) || el.localName === 'br') parts.push('\n');
      const shadow = openShadowRoot(el);
      if (shadow) stack.push(shadow);
    } else if (node.nodeType !== DOCUMENT_NODE && node.nodeType !== 11) continue;
    // Push children in reverse so they pop in document order.
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return parts.join('');
}

/** The attributes whose changes can show or hide text; pass as a MutationObserver attributeFilter. */
export const RESCAN_ATTRIBUTES: readonly string[] = [
  'hidden',
  'style',
  'class',
  'aria-hidden',
  'inert',
  'open',
  'contenteditable',
  'slot',
];

/** Options for `rootsToRescan`. */
export interface RescanOptions {
  /** Is this element a block (a rescan unit)? Default: by tag, no style read. */
  isBlock?: (el: Element) => boolean;
}

/**
 * Given MutationObserver records, the minimal set of elements to re-extract: the nearest block
 * around each changed text or inline content, the added blocks themselves when only blocks were
 * added, nothing for changes inside our own UI or non-text elements. Roots inside other roots
 * are dropped. Returned in first-seen order; removed content needs no rescan (its ranges
 * collapse on their own), but the blocks it was removed from are rescanned.
 */
export function rootsToRescan(records: Iterable<MutationRecord>, options: RescanOptions = {}): Element[] {
  const isBlock = options.isBlock ?? ((el: Element) => BLOCK_TAGS.has(el.localName));
  const found = new Set<Element>();
  const add = (el: Element | null): void => {
    if (el && el.isConnected) found.add(el);
  };
  for (const record of records) {
    const target = record.target;
    if (!target.isConnected || insideIgnored(target)) continue;
    if (record.type === 'characterData') {
      add(nearestBlock(target, isBlock));
    } else if (record.type === 'attributes') {
      if (isElement(target)) add(isBlock(target) ? target : nearestBlock(target, isBlock));
    } else if (record.type === 'childList') {
      const relevant = (node: Node): boolean => isText(node) || (isElement(node) && !isOwnSubtree(node));
      const added = Array.from(record.addedNodes).filter(relevant);
      const removed = Array.from(record.removedNodes).filter(relevant);
      if (added.length === 0 && removed.length === 0) continue;
      const onlyBlocks = (nodes: Node[]): boolean => nodes.every((node) => isElement(node) && isBlock(node));
      // Whole blocks added beside other blocks, or anything but text added straight under <html>
      // or <body> (other extensions' widgets, app roots): only the new elements need reading.
      const topLevel = isElement(target) && (target.localName === 'html' || target.localName === 'body');
      if ((onlyBlocks(added) && onlyBlocks(removed)) || (topLevel && added.every(isElement))) {
        for (const node of added) add(node as Element);
      } else {
        add(isElement(target) && isBlock(target) ? target : nearestBlock(target, isBlock));
      }
    }
  }
  const roots = [...found];
  return roots.filter((root) => !hasAncestorIn(root, found));
}

function isOwnSubtree(node: Node): boolean {
  return isElement(node) && node.hasAttribute(UI_ATTRIBUTE);
}

// Changes inside our UI, or inside elements whose content is never text (script, style...).
function insideIgnored(node: Node): boolean {
  for (let current: Node | null | undefined = node; current; current = flatParent(current)) {
    if (isElement(current)) {
      if (current.hasAttribute(UI_ATTRIBUTE)) return true;
      if (QUICK_SKIPPED.has(current.localName) || current.localName === 'head') return true;
    }
  }
  return false;
}

function nearestBlock(node: Node, isBlock: (el: Element) => boolean): Element | null {
  let last: Element | null = null;
  for (let current = flatParent(node); current; current = flatParent(current)) {
    if (isElement(current)) {
      if (isBlock(current)) return current;
      last = current;
    }
  }
  return last; // no block above: the outermost element
}

function hasAncestorIn(el: Element, set: Set<Element>): boolean {
  for (let current = flatParent(el); current; current = flatParent(current)) {
    if (isElement(current) && set.has(current)) return true;
  }
  return false;
}
