// The page controller: the content script's one stateful object. It wires src/page (reading the
// DOM, highlights, hit-testing, placement), src/match (recognition and linking) and src/ui (the
// card and the indicator) together, and owns every listener, observer and timer through one
// Disposer so `destroy()` leaves the page as it found it.
//
// Cost model: the content script runs on every page a reader opens. On an unrelated page it reads
// text once without touching style or layout (`quickText`), runs the cheap test, and stops; no
// element of ours is added. Only pages that pass go on to a full extraction, recognition, and
// linking in time slices so that no task runs long.

import { h, render, type ComponentChild } from 'preact';
import type { Dataset } from '../dataset/types';
import { indexDataset, type DatasetIndex } from '../dataset/indexed';
import { createMatcher } from '../match/index';
import type { ClaimMatch, Matcher, Recognition } from '../match/types';
import {
  Disposer,
  Highlighter,
  HitTester,
  PlacementController,
  createShadowHost,
  extractText,
  extractTextSteps,
  markStyleFor,
  quickText,
  rootsToRescan,
  RESCAN_ATTRIBUTES,
  type ExtractedText,
  type ShadowHost,
  type TimerHost,
} from '../page/index';
import { ClaimCard } from '../ui/ClaimCard';
import { PageIndicator } from '../ui/PageIndicator';
import { UI_STYLES, type Theme } from '../ui/styles';
import { groupIntoPassages } from '../ui/passages';
import { LookupCard } from '../ui/LookupCard';
import type { ContentApi, ContentSettings, LookupResult, PageSummary, PassageSummary } from './api';

/** Ceilings that keep a hostile or huge page from costing the reader. */
export interface ScanLimits {
  /** Characters of page text scanned at most; the rest is left and the popup says so. */
  maxChars: number;
  /** Characters re-read per mutation burst at most. */
  maxBurstChars: number;
  /** Time spent on one page (all scans together) before the watchdog stops scanning it, in ms. */
  budgetMs: number;
  /** Work per task before yielding to the page, in ms (long tasks are > 50 ms). */
  sliceMs: number;
  /** Quiet time after the last mutation before rescanning, in ms. */
  debounceMs: number;
}

/** Defaults for `ScanLimits`: generous for news pages, tight for pages built to break us. */
export const DEFAULT_LIMITS: ScanLimits = {
  maxChars: 2_000_000,
  maxBurstChars: 300_000,
  budgetMs: 3_000,
  sliceMs: 12,
  debounceMs: 400,
};

/** Options for a PageController; all but `dataset` are test seams. */
export interface ControllerOptions {
  dataset: Dataset;
  window?: Window;
  matcher?: Matcher;
  limits?: Partial<ScanLimits>;
  now?: () => number;
  settings?: ContentSettings;
}

interface Passage {
  id: string;
  matches: ClaimMatch[];
  ranges: Range[];
  text: string;
  start: number;
  end: number;
  /** The block element it was found in, for rescans. */
  root: Node;
}

const DEFAULT_SETTINGS: ContentSettings = { paused: false, highlightStyle: 'background' };

let nextPassageId = 1;

/** The content script's controller for one frame. Call `start()` once. */
export class PageController implements ContentApi {
  private readonly win: Window;
  private readonly doc: Document;
  private readonly dataset: Dataset;
  private indexCache: DatasetIndex | null = null;
  private matcherCache: Matcher | null;
  private readonly limits: ScanLimits;
  private readonly now: () => number;
  private readonly disposer: Disposer;
  /** Per-scan resources (highlights, UI, observers), replaced on navigation or pause. */
  private scan: Disposer;
  private settings: ContentSettings;
  private state: PageSummary['state'] = 'scanning';
  private recognition: Recognition = { about: false, score: 0, evidence: [] };
  private passages: Passage[] = [];
  private highlighter: Highlighter | null = null;
  private highlighterTint = true;
  private hitTester: HitTester | null = null;
  private host: ShadowHost | null = null;
  private cardLayer: HTMLElement | null = null;
  private indicatorLayer: HTMLElement | null = null;
  private placement: PlacementController | null = null;
  private openPassageId: string | null = null;
  private indicatorDismissed = false;
  private indicatorExpanded = false;
  private returnFocus: Element | null = null;
  private spentMs = 0;
  private partial = false;
  private note: string | undefined;
  private scannedChars = 0;
  private totalChars = 0;
  private url: string;
  private readonly listeners = new Set<(summary: PageSummary) => void>();
  private destroyed = false;
  private started = false;

  constructor(options: ControllerOptions) {
    this.win = options.window ?? window;
    this.doc = this.win.document;
    this.dataset = options.dataset;
    this.matcherCache = options.matcher ?? null;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.now = options.now ?? (() => this.win.performance.now());
    this.settings = options.settings ?? DEFAULT_SETTINGS;
    this.disposer = new Disposer(this.win as unknown as TimerHost);
    this.scan = this.disposer.child();
    this.url = this.pageUrl();
  }

  // Built on first use: most pages never need more than the cheap first test.
  private get matcher(): Matcher {
    return (this.matcherCache ??= createMatcher(this.dataset));
  }

  private get index(): DatasetIndex {
    return (this.indexCache ??= indexDataset(this.dataset));
  }

  /** Begin: scan now, and follow in-page navigation. */
  start(): void {
    if (this.started || this.destroyed) return;
    this.started = true;
    this.watchNavigation();
    this.restart();
  }

  // ---- ContentApi -------------------------------------------------------------------------

  summary(): PageSummary {
    return {
      url: this.win.location.href,
      title: this.doc.title,
      state: this.state,
      about: this.recognition.about,
      score: this.recognition.score,
      evidence: this.recognition.evidence,
      passages: this.passages.map((p, index): PassageSummary => ({
        index,
        start: p.start,
        end: p.end,
        text: p.text,
        matches: p.matches,
      })),
      partial: this.partial,
      note: this.note,
      scannedChars: this.scannedChars,
      totalChars: this.totalChars,
    };
  }

  showPassage(index: number): boolean {
    const passage = this.passages[index];
    const range = passage?.ranges[0];
    if (!passage || !range || !this.highlighter) return false;
    scrollRangeIntoView(range, this.win);
    this.highlighter.flash(passage.id);
    return true;
  }

  openPassage(index: number): boolean {
    const passage = this.passages[index];
    if (!passage) return false;
    scrollRangeIntoView(passage.ranges[0], this.win);
    this.openCard(passage);
    return true;
  }

  lookupSelection(text?: string): LookupResult {
    const selection = this.win.getSelection();
    const selected = (text ?? selection?.toString() ?? '').trim();
    const result: LookupResult = { text: selected, matches: [], closest: [] };
    if (!selected) return result;
    // The reader asked: link even when the page as a whole is not about the incident.
    result.matches = this.matcher.analyze({ text: selected }, { force: true }).matches;
    if (result.matches.length === 0) result.closest = this.matcher.rank(selected, 5);
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
    this.showLookup(result, range);
    return result;
  }

  applySettings(settings: ContentSettings): void {
    const was = this.settings;
    this.settings = { ...settings };
    if (!this.started) return; // start() will scan with these settings
    if (was.paused !== settings.paused) {
      this.restart();
      return;
    }
    if (was.highlightStyle !== settings.highlightStyle) this.repaint();
  }

  onSummaryChange(listener: (summary: PageSummary) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.listeners.clear();
    this.disposer.dispose();
  }

  // ---- scanning ---------------------------------------------------------------------------

  /** Drop everything from the last scan and scan the page again (navigation, unpause). */
  private restart(): void {
    if (this.destroyed) return;
    this.scan.dispose();
    this.scan = this.disposer.child();
    this.passages = [];
    this.recognition = { about: false, score: 0, evidence: [] };
    this.highlighter = null;
    this.hitTester = null;
    this.host = null;
    this.cardLayer = null;
    this.indicatorLayer = null;
    this.placement = null;
    this.openPassageId = null;
    this.indicatorDismissed = false;
    this.spentMs = 0;
    this.partial = false;
    this.note = undefined;
    this.scannedChars = 0;
    this.totalChars = 0;
    if (this.settings.paused) {
      this.setState('paused');
      return;
    }
    this.setState('scanning');
    this.observeMutations();
    this.firstScan();
  }

  private firstScan(): void {
    const body = this.doc.body ?? this.doc.documentElement;
    if (!body) return this.setState('unrelated');
    const started = this.now();
    // textContent is native and fast; it includes script text, which only makes the cheap test
    // say "maybe" more often. A near-empty result suggests an app whose text lives in shadow
    // roots: read those too.
    let quick = body.textContent ?? '';
    if (quick.length < 5_000) quick = quickText(body);
    this.totalChars = quick.length;
    const text = quick.length > this.limits.maxChars ? quick.slice(0, this.limits.maxChars) : quick;
    const mayBe = this.matcher.mayBeAbout(text);
    this.spend(started);
    if (!mayBe) return this.setState('unrelated');
    this.fullScan();
  }

  /** Extract the visible text (in slices), recognize it, and link it in slices. */
  private fullScan(): void {
    const body = this.doc.body ?? this.doc.documentElement;
    if (!body) return;
    const steps = extractTextSteps(body, { nodesPerStep: 400 });
    const scan = this.scan;
    const slice = (): void => {
      if (scan.disposed) return;
      const started = this.now();
      let step = steps.next();
      while (!step.done && this.now() - started < this.limits.sliceMs) step = steps.next();
      this.spend(started);
      if (this.overBudget()) return;
      if (!step.done) {
        scan.timeout(slice, 0);
        return;
      }
      this.recognizeAndLink(step.value, body);
    };
    slice();
  }

  private recognizeAndLink(extracted: ExtractedText, body: Node): void {
    const started = this.now();
    this.totalChars = extracted.text.length;
    this.scannedChars = Math.min(extracted.text.length, this.limits.maxChars);
    if (extracted.text.length > this.limits.maxChars) {
      this.partial = true;
      this.note = `Only the first ${formatChars(this.limits.maxChars)} of this page's text were scanned.`;
    }
    const input = {
      text: extracted.text.slice(0, this.scannedChars),
      blocks: extracted.blocks.filter((b) => b < this.scannedChars),
    };
    this.recognition = this.matcher.recognize(input);
    this.spend(started);
    if (!this.recognition.about) return this.setState('unrelated');
    this.linkInSlices(input, extracted, body, () => this.setState('linked'));
  }

  /** Link `input` a few passages at a time, yielding to the page between slices. */
  private linkInSlices(
    input: { text: string; blocks: number[] },
    extracted: ExtractedText,
    root: Node,
    done: () => void,
  ): void {
    const steps = this.matcher.linkSteps(input, { passagesPerStep: 8 });
    const scan = this.scan;
    const slice = (): void => {
      if (scan.disposed) return;
      const started = this.now();
      const found: ClaimMatch[] = [];
      let finished = false;
      while (this.now() - started < this.limits.sliceMs) {
        const step = steps.next();
        if (step.done) {
          finished = true;
          break;
        }
        found.push(...step.value);
      }
      if (found.length > 0) this.addPassages(found, extracted, root);
      this.spend(started);
      if (this.overBudget()) return;
      if (finished) done();
      else scan.timeout(slice, 0);
    };
    slice();
  }

  /** Turn matches into passages with live ranges, paint them, and update the UI. */
  private addPassages(matches: ClaimMatch[], extracted: ExtractedText, root: Node): void {
    for (const group of groupIntoPassages(matches)) {
      const start = Math.min(...group.map((m) => m.start));
      const end = Math.max(...group.map((m) => m.end));
      const ranges = extracted.toRanges(start, end, this.doc);
      if (ranges.length === 0) continue;
      this.passages.push({
        id: `p${nextPassageId++}`,
        matches: group,
        ranges,
        text: extracted.text.slice(start, end),
        start,
        end,
        root,
      });
    }
    this.sortPassages();
    this.repaint();
  }

  private sortPassages(): void {
    this.passages.sort((a, b) => {
      const ra = a.ranges[0];
      const rb = b.ranges[0];
      if (!ra || !rb || ra.startContainer.getRootNode() !== rb.startContainer.getRootNode()) return 0;
      try {
        return ra.compareBoundaryPoints(Range.START_TO_START, rb);
      } catch {
        return 0;
      }
    });
  }

  /** Watch for added or changed text (live blogs, infinite scroll) and rescan only that. */
  private observeMutations(): void {
    const Observer = (this.win as Window & typeof globalThis).MutationObserver;
    if (!Observer) return;
    const scan = this.scan;
    let pending: MutationRecord[] = [];
    let cancel: (() => void) | null = null;
    const observer = new Observer((records) => {
      if (this.checkUrl()) return;
      pending.push(...records);
      cancel?.();
      cancel = scan.timeout(() => {
        cancel = null;
        const batch = pending;
        pending = [];
        this.rescan(batch);
      }, this.limits.debounceMs);
    });
    const target = this.doc.documentElement;
    if (!target) return;
    observer.observe(target, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: [...RESCAN_ATTRIBUTES],
    });
    scan.use(observer);
  }

  private rescan(records: MutationRecord[]): void {
    if (this.state === 'paused' || this.state === 'stopped' || this.overBudget()) return;
    if (this.state !== 'linked') {
      // Not about the incident (yet): maybe the article has just been loaded. Re-test cheaply.
      if (this.state === 'unrelated') this.firstScan();
      return;
    }
    const started = this.now();
    const roots = rootsToRescan(records);
    let budget = this.limits.maxBurstChars;
    for (const root of roots) {
      // Forget the passages found in this root before: its text changed.
      const stale = this.passages.filter(
        (p) => root.contains(p.root) || p.root.contains(root) || rangesInside(p, root),
      );
      if (stale.length > 0) {
        const ids = new Set(stale.map((p) => p.id));
        this.passages = this.passages.filter((p) => !ids.has(p.id));
      }
      if (budget <= 0) {
        this.partial = true;
        this.note = 'This page changes faster than Source Context reads it; some updates were not scanned.';
        continue;
      }
      const extracted = extractText(root);
      if (!extracted.text.trim()) continue;
      const text = extracted.text.slice(0, budget);
      budget -= text.length;
      this.scannedChars += text.length;
      this.totalChars += extracted.text.length;
      this.linkInSlices(
        { text, blocks: extracted.blocks.filter((b) => b < text.length) },
        extracted,
        root,
        () => this.setState('linked'),
      );
    }
    this.spend(started);
    this.repaint();
  }

  private spend(started: number): void {
    this.spentMs += this.now() - started;
  }

  /** The watchdog: a page that keeps us busy past the budget is left alone from then on. */
  private overBudget(): boolean {
    if (this.spentMs <= this.limits.budgetMs) return false;
    if (this.state !== 'stopped') {
      this.scan.dispose();
      this.scan = this.disposer.child();
      this.partial = true;
      this.note = 'This page kept changing, so Source Context stopped scanning it to keep it fast.';
      // Keep what was linked on screen: repaint in the new scan scope.
      this.highlighter = null;
      this.hitTester = null;
      this.host = null;
      this.cardLayer = null;
      this.indicatorLayer = null;
      this.placement = null;
      this.repaint();
      this.setState('stopped');
    }
    return true;
  }

  private setState(state: PageSummary['state']): void {
    this.state = state;
    const summary = this.summary();
    for (const listener of this.listeners) {
      try {
        listener(summary);
      } catch {
        // A listener's failure must not stop the scan.
      }
    }
  }

  // ---- drawing -----------------------------------------------------------------------------

  /** Paint every passage, refresh the hit-tester and the indicator. */
  private repaint(): void {
    if (this.passages.length === 0 && !this.highlighter) return;
    const highlighter = this.ensureHighlighter();
    if (this.settings.highlightStyle === 'off') highlighter.clear();
    else {
      highlighter.set(
        this.passages.map((p) => ({ id: p.id, style: markStyleFor(strongest(p.matches)), ranges: p.ranges })),
      );
      if (this.openPassageId && highlighter.has(this.openPassageId))
        highlighter.setActive(this.openPassageId);
    }
    this.ensureHitTester().set(this.passages.map((p) => ({ id: p.id, ranges: p.ranges })));
    this.renderIndicator();
    if (this.openPassageId) {
      const open = this.passages.find((p) => p.id === this.openPassageId);
      if (open) this.renderCard(open);
      else this.closeCard();
    }
  }

  private ensureHighlighter(): Highlighter {
    const tint = this.settings.highlightStyle !== 'underline';
    if (this.highlighter && this.highlighterTint !== tint) {
      // The reader switched between tinted and underline-only marks: paint with a new sheet.
      this.highlighter.destroy();
      this.highlighter = null;
    }
    if (!this.highlighter) {
      this.highlighter = this.scan.use(
        new Highlighter({ document: this.doc, host: this.ensureHost(), tint }),
      );
      this.highlighterTint = tint;
    }
    return this.highlighter;
  }

  private ensureHitTester(): HitTester {
    if (!this.hitTester) {
      this.hitTester = new HitTester({ document: this.doc });
      this.scan.listen(this.doc, 'click', (event) => this.onClick(event as MouseEvent), { capture: true });
      this.scan.listen(this.doc, 'keydown', (event) => this.onKeyDown(event as KeyboardEvent), {
        capture: true,
      });
    }
    return this.hitTester;
  }

  private ensureHost(): ShadowHost {
    if (!this.host) {
      const host = createShadowHost(this.doc, 'ui', { css: UI_STYLES });
      this.scan.use(host);
      this.host = host;
      this.indicatorLayer = this.doc.createElement('div');
      this.indicatorLayer.className = 'sc-indicator-layer';
      setStyles(this.indicatorLayer, { position: 'fixed', right: '16px', bottom: '16px' });
      this.cardLayer = this.doc.createElement('div');
      this.cardLayer.className = 'sc-card-layer';
      setStyles(this.cardLayer, { position: 'fixed', top: '0px', left: '0px', display: 'none' });
      host.mount.append(this.indicatorLayer, this.cardLayer);
      this.scan.add(() => {
        if (this.cardLayer) render(null, this.cardLayer);
        if (this.indicatorLayer) render(null, this.indicatorLayer);
      });
    }
    this.host.ensureAttached();
    return this.host;
  }

  private theme(): Theme {
    return pageTheme(this.win, this.doc);
  }

  private renderIndicator(): void {
    if (!this.indicatorLayer) this.ensureHost();
    const layer = this.indicatorLayer!;
    if (this.passages.length === 0 || this.indicatorDismissed) {
      render(null, layer);
      return;
    }
    const activeIndex = this.passages.findIndex((p) => p.id === this.openPassageId);
    render(
      h(PageIndicator, {
        passages: this.passages.map((p) => p.matches),
        index: this.index,
        theme: this.theme(),
        activeIndex: activeIndex >= 0 ? activeIndex : undefined,
        expanded: this.indicatorExpanded,
        onExpandedChange: (expanded: boolean) => {
          this.indicatorExpanded = expanded;
          this.renderIndicator();
        },
        onSelect: (i: number) => {
          this.indicatorExpanded = false;
          this.openPassage(i);
        },
        onDismiss: () => {
          this.indicatorDismissed = true;
          this.renderIndicator();
        },
      }),
      layer,
    );
  }

  private onClick(event: MouseEvent): void {
    if (event.button !== 0 || !this.hitTester || this.passages.length === 0) return;
    const path = event.composedPath();
    if (this.host && path.includes(this.host.host)) return; // a click inside our own UI
    const selection = this.win.getSelection();
    if (selection && !selection.isCollapsed && selection.toString().trim()) return; // the reader is selecting
    const ids = this.hitTester.hitAt(event.clientX, event.clientY);
    const passage = ids.length > 0 ? this.passages.find((p) => p.id === ids[0]) : undefined;
    if (passage) this.openCard(passage, { x: event.clientX, y: event.clientY });
    else if (this.openPassageId && !path.some((n) => n === this.cardLayer)) this.closeCard(false);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.passages.length === 0) return;
    if (event.key === 'Escape' && this.openPassageId) {
      this.closeCard();
      return;
    }
    // Alt+Shift+ArrowDown / ArrowUp: next / previous linked passage, anywhere but in form fields.
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (isEditable(event.target)) return;
    event.preventDefault();
    event.stopPropagation();
    this.step(event.key === 'ArrowDown' ? 1 : -1);
  }

  private step(delta: number): void {
    const count = this.passages.length;
    if (count === 0) return;
    const current = this.passages.findIndex((p) => p.id === this.openPassageId);
    const next = current < 0 ? (delta > 0 ? 0 : count - 1) : (current + delta + count) % count;
    this.openPassage(next);
  }

  private openCard(passage: Passage, point?: { x: number; y: number }): void {
    if (!this.openPassageId) {
      const active = this.doc.activeElement;
      this.returnFocus = active && active !== this.doc.body ? active : null;
    }
    this.openPassageId = passage.id;
    this.highlighter?.setActive(passage.id);
    this.renderCard(passage, point);
    this.renderIndicator();
  }

  private renderCard(passage: Passage, point?: { x: number; y: number }): void {
    this.ensureHost();
    const layer = this.cardLayer!;
    const position = this.passages.indexOf(passage);
    const wasOpen = layer.style.display !== 'none';
    layer.style.display = 'block';
    render(
      h(ClaimCard, {
        matches: passage.matches,
        index: this.index,
        theme: this.theme(),
        position: { current: position + 1, total: this.passages.length },
        onClose: () => this.closeCard(),
        onPrev: this.passages.length > 1 ? () => this.step(-1) : undefined,
        onNext: this.passages.length > 1 ? () => this.step(1) : undefined,
        initialFocus: 'dialog',
      }),
      layer,
    );
    if (!wasOpen || point) this.place(() => anchorRect(passage.ranges, point));
    else this.placement?.update();
  }

  private place(anchor: () => DOMRect | null): void {
    const layer = this.cardLayer!;
    this.placement?.destroy();
    this.placement = this.scan.use(
      new PlacementController({
        element: layer,
        anchor,
        window: this.win,
        onPlace: (placement) => {
          if (placement) layer.style.setProperty('--sc-card-max-height', `${placement.maxHeight}px`);
        },
      }),
    );
    this.placement.placeNow();
  }

  private closeCard(restoreFocus = true): void {
    const layer = this.cardLayer;
    if (layer) {
      render(null, layer);
      layer.style.display = 'none';
    }
    this.placement?.destroy();
    this.placement = null;
    this.openPassageId = null;
    this.highlighter?.setActive(null);
    this.renderIndicator();
    if (restoreFocus && this.returnFocus instanceof (this.win as Window & typeof globalThis).HTMLElement) {
      this.returnFocus.focus({ preventScroll: true });
    }
    this.returnFocus = null;
  }

  private showLookup(result: LookupResult, range: Range | null): void {
    this.ensureHost();
    const layer = this.cardLayer!;
    this.openPassageId = null;
    const active = this.doc.activeElement;
    this.returnFocus = active && active !== this.doc.body ? active : null;
    layer.style.display = 'block';
    const card: ComponentChild = h(LookupCard, {
      result,
      index: this.index,
      theme: this.theme(),
      onClose: () => this.closeCard(),
    });
    render(card, layer);
    const fallback = this.win.innerHeight / 3;
    this.place(() =>
      range ? range.getBoundingClientRect() : new DOMRect(this.win.innerWidth / 2 - 1, fallback, 2, 2),
    );
  }

  // ---- navigation --------------------------------------------------------------------------

  private pageUrl(): string {
    const { origin, pathname, search } = this.win.location;
    return `${origin}${pathname}${search}`; // a fragment change is not a new page
  }

  /** Starts over when the page's address changed (pushState, popstate); true if it did. */
  private checkUrl(): boolean {
    const url = this.pageUrl();
    if (url === this.url) return false;
    this.url = url;
    this.restart();
    return true;
  }

  private watchNavigation(): void {
    // The isolated world cannot see the page's own history.pushState calls, so watch for their
    // effects: popstate, the Navigation API where there is one, DOM changes (checked in the
    // observer), and a slow poll for SPAs that change the address without touching the DOM.
    const check = () => {
      this.disposer.timeout(() => this.checkUrl(), 50);
    };
    this.disposer.listen(this.win, 'popstate', check);
    const navigation = (this.win as Window & { navigation?: EventTarget }).navigation;
    if (navigation && typeof navigation.addEventListener === 'function') {
      this.disposer.listen(navigation, 'navigatesuccess', check);
    }
    this.disposer.interval(() => this.checkUrl(), 1000);
  }
}

// ---- helpers ---------------------------------------------------------------------------------

/** The match whose carriage the highlight shows: the first, which the engine ranks best. */
function strongest(matches: readonly ClaimMatch[]): ClaimMatch {
  return [...matches].sort((a, b) => b.score - a.score)[0]!;
}

function rangesInside(passage: Passage, root: Node): boolean {
  return passage.ranges.some((r) => root.contains(r.startContainer));
}

function setStyles(el: HTMLElement, styles: Record<string, string>): void {
  for (const [name, value] of Object.entries(styles)) el.style.setProperty(name, value);
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return (
    el.isContentEditable ||
    !!el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')
  );
}

function anchorRect(ranges: readonly Range[], point?: { x: number; y: number }): DOMRect | null {
  const range = ranges[0];
  if (!range) return null;
  const rects = Array.from(range.getClientRects());
  if (rects.length === 0) return range.getBoundingClientRect();
  // Anchor to the line that was clicked (the card then sits just above or below it).
  if (point) {
    const hit = rects.find((r) => point.y >= r.top - 2 && point.y <= r.bottom + 2);
    if (hit) return hit;
  }
  const all = ranges.flatMap((r) => Array.from(r.getClientRects()));
  const top = Math.min(...all.map((r) => r.top));
  const bottom = Math.max(...all.map((r) => r.bottom));
  const left = Math.min(...all.map((r) => r.left));
  const right = Math.max(...all.map((r) => r.right));
  return new DOMRect(left, top, right - left, bottom - top);
}

function scrollRangeIntoView(range: Range | undefined, win: Window): void {
  if (!range) return;
  const rect = range.getBoundingClientRect();
  const target = rect.top + win.scrollY - win.innerHeight / 3;
  const reduce = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  win.scrollTo({ top: Math.max(0, target), behavior: reduce ? 'auto' : 'smooth' });
}

/** 'dark' when the page's own background is dark, so our UI matches the page, not the OS. */
export function pageTheme(win: Window, doc: Document): Theme {
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const color = win.getComputedStyle(el).backgroundColor;
    const rgba = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(color);
    if (!rgba) continue;
    if (rgba[4] !== undefined && Number(rgba[4]) < 0.5) continue; // transparent: look further up
    const [r, g, b] = [Number(rgba[1]), Number(rgba[2]), Number(rgba[3])];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110 ? 'dark' : 'light';
  }
  return 'light';
}

function formatChars(n: number): string {
  return n >= 1_000_000
    ? `${(n / 1_000_000).toFixed(1)} million characters`
    : `${Math.round(n / 1000)} thousand characters`;
}
