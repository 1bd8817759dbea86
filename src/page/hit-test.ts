// Which highlighted passage did a click land on? Highlights painted with the Custom Highlight API
// are not elements, so there is no event target to read: we ask the browser for the caret
// position under the click and look it up among the marks' ranges. Ranges are sorted once per
// tree; a lookup is a binary search plus a short backward scan, so hundreds of marks cost a
// handful of boundary comparisons per click.

import { isText } from './dom';

/** A DOM position (what a caret API returns). */
export interface CaretPoint {
  node: Node;
  offset: number;
}

/** Returns the caret position under a viewport point, or null. */
export type CaretFromPoint = (x: number, y: number) => CaretPoint | null;

/**
 * The caret under (x, y) in viewport coordinates: `caretPositionFromPoint` (Firefox, Chrome 128+;
 * given our shadow roots so it can answer inside them) or `caretRangeFromPoint` (older Chrome,
 * Safari). Null when the browser has neither or nothing is there.
 */
export function caretFromPoint(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: readonly ShadowRoot[] = [],
): CaretPoint | null {
  type Position = { offsetNode: Node; offset: number } | null;
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => Position;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const position = d.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] });
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/**
 * Is (x, y) really over the character at the caret? Caret APIs snap to the nearest text even
 * when the click is in a margin beside it; this checks the rects of the characters on either side.
 */
export function pointOverCaretText(point: CaretPoint, x: number, y: number, slop = 1): boolean {
  const { node, offset } = point;
  if (!isText(node) || !node.ownerDocument) return false;
  const range = node.ownerDocument.createRange();
  for (const [start, end] of [
    [offset, offset + 1],
    [offset - 1, offset],
  ] as const) {
    if (start < 0 || end > node.data.length) continue;
    range.setStart(node, start);
    range.setEnd(node, end);
    for (const rect of Array.from(range.getClientRects())) {
      if (
        x >= rect.left - slop &&
        x <= rect.right + slop &&
        y >= rect.top - slop &&
        y <= rect.bottom + slop
      ) {
        return true;
      }
    }
  }
  return false;
}

/** Something clickable: a mark's id and its ranges. */
export interface HitTarget {
  id: string;
  ranges: readonly Range[];
}

/** Options for a HitTester. */
export interface HitTesterOptions {
  document?: Document; // test seam; defaults to the global document
  /** Replaces the browser caret lookup (test seam). */
  caretFromPoint?: CaretFromPoint;
  /**
   * Confirms the point is over text at the caret; default `pointOverCaretText`. `false` trusts
   * the caret alone.
   */
  confirm?: ((point: CaretPoint, x: number, y: number) => boolean) | false;
}

interface Entry {
  id: string;
  range: Range;
}

interface Group {
  entries: Entry[]; // sorted by start
  maxEnd: Range[]; // maxEnd[i]: the range ending last among entries[0..i]
}

const START_TO_START = 0; // Range.START_TO_START, without the global
const END_TO_END = 2; // Range.END_TO_END

/** Finds which marks contain a click point. */
export class HitTester {
  private readonly doc: Document;
  private readonly caret: CaretFromPoint;
  private readonly confirm: ((point: CaretPoint, x: number, y: number) => boolean) | null;
  private targets: HitTarget[] = [];
  private groups: Map<Node, Group> | null = null;
  private shadowRoots: ShadowRoot[] = [];

  constructor(options: HitTesterOptions = {}) {
    this.doc = options.document ?? document;
    this.caret = options.caretFromPoint ?? ((x, y) => caretFromPoint(this.doc, x, y, this.shadowRoots));
    this.confirm = options.confirm === false ? null : (options.confirm ?? pointOverCaretText);
  }

  /** Replace the clickable targets. */
  set(targets: Iterable<HitTarget>): void {
    this.targets = [];
    for (const target of targets) {
      if (!target || typeof target.id !== 'string' || !Array.isArray(target.ranges)) {
        throw new TypeError('HitTester.set: each target needs a string id and a ranges array');
      }
      this.targets.push({ id: target.id, ranges: [...target.ranges] });
    }
    this.groups = null;
  }

  /** Forget every target. */
  clear(): void {
    this.set([]);
  }

  /**
   * Re-sort after the DOM moved text around. Live ranges keep their relative order through
   * ordinary edits, so this is only needed after large rearrangements.
   */
  invalidate(): void {
    this.groups = null;
  }

  /** The ids of the marks under viewport point (x, y), innermost (latest start) first. */
  hitAt(x: number, y: number): string[] {
    if (this.targets.length === 0) return [];
    this.index();
    const point = this.caret(x, y);
    if (!point) return [];
    if (this.confirm && !this.confirm(point, x, y)) return [];
    return this.hitPoint(point.node, point.offset);
  }

  /** The ids of the marks whose ranges contain the DOM position (node, offset), innermost first. */
  hitPoint(node: Node, offset: number): string[] {
    const group = this.index().get(node.getRootNode());
    if (!group) return [];
    const { entries, maxEnd } = group;
    const ids: string[] = [];
    try {
      // The last entry starting at or before the point (comparePoint: -1 means before the start).
      let low = 0;
      let high = entries.length - 1;
      let last = -1;
      while (low <= high) {
        const mid = (low + high) >>> 1;
        if (entries[mid]!.range.comparePoint(node, offset) >= 0) {
          last = mid;
          low = mid + 1;
        } else high = mid - 1;
      }
      for (let i = last; i >= 0; i--) {
        if (maxEnd[i]!.comparePoint(node, offset) > 0) break; // every earlier range ends before the point
        const { id, range } = entries[i]!;
        if (!range.collapsed && range.comparePoint(node, offset) === 0 && !ids.includes(id)) ids.push(id);
      }
    } catch {
      return []; // a node kind or offset ranges cannot compare (doctype, stale offset)
    }
    return ids;
  }

  private index(): Map<Node, Group> {
    if (this.groups) return this.groups;
    const byRoot = new Map<Node, Entry[]>();
    for (const target of this.targets) {
      for (const range of target.ranges) {
        const root = range.startContainer.getRootNode();
        let list = byRoot.get(root);
        if (!list) byRoot.set(root, (list = []));
        list.push({ id: target.id, range });
      }
    }
    const groups = new Map<Node, Group>();
    const shadowRoots: ShadowRoot[] = [];
    for (const [root, entries] of byRoot) {
      entries.sort((a, b) => a.range.compareBoundaryPoints(START_TO_START, b.range));
      const maxEnd: Range[] = [];
      let farthest: Range | null = null;
      for (const { range } of entries) {
        if (!farthest || farthest.compareBoundaryPoints(END_TO_END, range) < 0) farthest = range;
        maxEnd.push(farthest);
      }
      groups.set(root, { entries, maxEnd });
      if (root.nodeType === 11 && 'host' in root) shadowRoots.push(root as ShadowRoot);
    }
    this.shadowRoots = shadowRoots;
    this.groups = groups;
    return groups;
  }
}
