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
  /** Time spent within one `budgetWindowMs` before the watchdog stops scanning the page, in ms. */
  budgetMs: number;
  budgetWindowMs: number;
  /**
   * Time the first full read of a page (extraction, recognition, linking) may take before the
   * watchdog stops it, in ms. It is counted apart from `budgetMs`: it happens once, runs in
   * slices and is bounded by `maxChars`, and on a page of 100,000 elements it alone takes over a
   * second on a fast machine (`budgetMs` would stop it, unlinked, on a slower one).
   */
  firstReadBudgetMs: number;
  /** Characters read by recognition (the one step that cannot be sliced). */
  recognizeChars: number;
  /** Changed blocks remembered at most between two rescans. */
  maxPendingRoots: number;
  /** Longest wait between a change and its rescan on a page that never goes quiet, in ms. */
  maxWaitMs: number;
  /** Work per task before yielding to the page, in ms (long tasks are > 50 ms). */
  sliceMs: number;
  /** Quiet time after the last mutation before rescanning, in ms. */
  debounceMs: number;
}

/** Defaults for `ScanLimits`: generous for news pages, tight for pages built to break us. */
export const DEFAULT_LIMITS: ScanLimits = {
  maxChars: 2_000_000,
  maxBurstChars: 300_000,
  budgetMs: 1_500,
  budgetWindowMs: 10_000,
  firstReadBudgetMs: 8_000,
  recognizeChars: 300_000,
  maxPendingRoots: 500,
  maxWaitMs: 1_500,
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
  /**
   * 'declared' when the browser added highlights.css with this script (the extension always does,
   * src/content/index.ts), so the highlighter adds no stylesheet to the document. 'adopt'
   * (default, for pages without it): the highlighter adds the rules itself.
   */
  documentCss?: 'declared' | 'adopt';
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

/** The longest wait between two re-tests of a changing page that is not about the incident. */
const MAX_RETEST_GAP_MS = 30_000;

/** The card's tallest size (px); it scrolls inside beyond that, so it fits beside a passage. */
const CARD_MAX_HEIGHT = 560;

/** The content script's controller for one frame. Call `start()` once. */
export class PageController implements ContentApi {
  private readonly win: Window;
  private readonly doc: Document;
  private readonly dataset: Dataset;
  private indexCache: DatasetIndex | null = null;
  private matcherCache: Matcher | null;
  private readonly limits: ScanLimits;
  private readonly now: () => number;
  private readonly documentCss: 'declared' | 'adopt';
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
  /** The passage the card's placement follows (null for the lookup card). */
  private placedPassageId: string | null = null;
  private openPassageId: string | null = null;
  private indicatorDismissed = false;
  private indicatorExpanded = false;
  private returnFocus: Element | null = null;
  private windowStart = 0;
  private windowSpent = 0;
  /** The first full read's job while it is queued or running, and the time it has taken. */
  private firstRead: Generator<void, void, void> | null = null;
  private firstReadSpent = 0;
  private lastQuickTest = 0;
  /** Least time between two cheap re-tests of a changing page that was not about the incident. */
  private retestGap = DEFAULT_LIMITS.maxWaitMs;
  private jobs: Generator<void, void, void>[] = [];
  private sliceScheduled = false;
  /** Matches found since the last paint, with the extraction they belong to. */
  private found: { matches: ClaimMatch[]; extracted: ExtractedText; root: Node }[] = [];
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
    this.documentCss = options.documentCss ?? 'adopt';
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
  //
  // All scanning work is a queue of generator jobs run in time slices: each slice runs jobs until
  // `sliceMs` is spent, paints what was found, and yields to the page with a timeout. So a full
  // read, a recognition and any number of mutation rescans never make one long task together.

  /** Drop everything from the last scan and scan the page again (navigation, unpause). */
  private restart(): void {
    if (this.destroyed) return;
    this.scan.dispose();
    this.scan = this.disposer.child();
    this.jobs = [];
    this.sliceScheduled = false;
    this.found = [];
    this.passages = [];
    this.recognition = { about: false, score: 0, evidence: [] };
    this.forgetDrawing();
    this.openPassageId = null;
    this.indicatorDismissed = false;
    this.windowStart = this.now();
    this.windowSpent = 0;
    this.firstRead = null;
    this.firstReadSpent = 0;
    this.retestGap = this.limits.maxWaitMs;
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
    this.watchFrameSize();
    this.firstScan();
  }

  /** The cheap first test; only pages that pass it are read in full. */
  private firstScan(): void {
    this.lastQuickTest = this.now();
    const body = this.doc.body ?? this.doc.documentElement;
    if (!body || this.tinyFrame()) return this.setState('unrelated');
    const started = this.now();
    // textContent is native and fast; it includes script text, which only makes the cheap test
    // say "maybe" more often. A near-empty result suggests an app whose text lives in shadow
    // roots: read those too.
    let quick = body.textContent ?? '';
    if (quick.length < 5_000) quick = quickText(body);
    this.totalChars = quick.length;
    const mayBe = this.matcher.mayBeAbout(
      quick.length > this.limits.maxChars ? quick.slice(0, this.limits.maxChars) : quick,
    );
    this.spend(started);
    if (!mayBe) return this.setState('unrelated');
    this.setState('scanning');
    const job = this.fullScanJob(body);
    // Only the page's first read has a budget of its own (see `firstReadBudgetMs`).
    if (this.firstRead === null && this.firstReadSpent === 0) this.firstRead = job;
    this.enqueue(job);
  }

  /** Read the visible text in steps, recognize it, then link it passage by passage. */
  private *fullScanJob(body: Element): Generator<void, void, void> {
    const steps = extractTextSteps(body, { nodesPerStep: 300 });
    let step = steps.next();
    while (!step.done) {
      yield;
      step = steps.next();
    }
    const extracted = step.value;
    yield;
    // The engine's indexes, a few claims per step (built at once, they are a long task).
    yield* this.matcher.prepareSteps();
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
    // Recognition reads the opening of the page (where a story says what it is about), a few
    // blocks per step.
    const head = Math.min(input.text.length, this.limits.recognizeChars);
    this.recognition = yield* this.matcher.recognizeSteps({
      text: input.text.slice(0, head),
      blocks: input.blocks.filter((b) => b < head),
    });
    if (!this.recognition.about) {
      this.setState('unrelated');
      return;
    }
    yield;
    yield* this.linkJob(input, extracted, body);
    this.setState('linked');
  }

  /** Link `input` a few passages per step; matches are painted at the end of each slice. */
  private *linkJob(
    input: { text: string; blocks: number[] },
    extracted: ExtractedText,
    root: Node,
  ): Generator<void, void, void> {
    for (const matches of this.matcher.linkSteps(input, { passagesPerStep: 4 })) {
      if (matches.length > 0) this.found.push({ matches, extracted, root });
      yield;
    }
  }

  /** Re-read changed blocks (live blogs, infinite scroll), one block per step. */
  private *rescanJob(roots: Element[]): Generator<void, void, void> {
    let budget = this.limits.maxBurstChars;
    for (const root of roots) {
      if (!root.isConnected) continue;
      // Forget the passages found in this block before: its text changed.
      this.dropPassagesIn(root);
      if (budget <= 0) {
        this.partial = true;
        this.note = 'This page changes faster than Source Context reads it; some updates were not scanned.';
        continue;
      }
      const extracted = extractText(root);
      yield;
      if (!extracted.text.trim()) continue;
      const text = extracted.text.slice(0, budget);
      budget -= text.length;
      this.scannedChars += text.length;
      this.totalChars += extracted.text.length;
      yield* this.linkJob({ text, blocks: extracted.blocks.filter((b) => b < text.length) }, extracted, root);
    }
    this.repaint();
  }

  private enqueue(job: Generator<void, void, void>): void {
    this.jobs.push(job);
    if (this.sliceScheduled) return;
    this.sliceScheduled = true;
    this.scan.timeout(() => this.runSlice(), 0);
  }

  /** Run queued jobs for one slice, paint what they found, and come back later if more is left. */
  private runSlice(): void {
    this.sliceScheduled = false;
    const scan = this.scan;
    if (scan.disposed) return;
    const started = this.now();
    // A slice that begins with the first read still to finish counts against its budget.
    const firstRead = this.firstRead !== null && this.jobs.includes(this.firstRead);
    if (!firstRead) this.firstRead = null;
    try {
      while (this.jobs.length > 0 && this.now() - started < this.limits.sliceMs) {
        if (this.jobs[0]!.next().done) this.jobs.shift();
      }
    } catch (error) {
      // A bug of ours on a strange page: stop scanning it, keep what was linked, stay quiet.
      this.jobs = [];
      this.note = 'Source Context could not read part of this page.';
      this.partial = true;
      console.debug('[Source Context] scan stopped:', error);
    }
    this.paintFound();
    if (firstRead) this.firstReadSpent += this.now() - started;
    else this.spend(started);
    if (this.overBudget()) return;
    if (this.jobs.length > 0) {
      this.sliceScheduled = true;
      scan.timeout(() => this.runSlice(), 0);
    } else if (this.state === 'linked') this.setState('linked'); // passages changed: tell listeners
  }

  /** Turn the matches found in this slice into passages with live ranges, and paint them. */
  private paintFound(): void {
    if (this.found.length === 0) return;
    const batch = this.found;
    this.found = [];
    for (const { matches, extracted, root } of batch) {
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
    }
    this.sortPassages();
    this.repaint();
  }

  private dropPassagesIn(root: Node): void {
    const before = this.passages.length;
    this.passages = this.passages.filter(
      // A passage belongs to the block its text starts in; the first scan's root is the whole
      // body, so "the body contains this block" must not count.
      (p) => !(root.contains(p.root) || rangesInside(p, root)),
    );
    if (
      this.passages.length !== before &&
      this.openPassageId &&
      !this.passages.some((p) => p.id === this.openPassageId)
    ) {
      this.closeCard(false);
    }
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

  /**
   * Watch for added or changed text and rescan only that. Changed blocks are collected as records
   * arrive (at most `maxPendingRoots`, so a storm costs no memory), and flushed after
   * `debounceMs` of quiet, or at the latest `maxWaitMs` after the first change, so a page that is
   * never quiet (a ticking clock) still gets its new paragraphs read.
   */
  private observeMutations(): void {
    const Observer = (this.win as Window & typeof globalThis).MutationObserver;
    const target = this.doc.documentElement;
    if (!Observer || !target) return;
    const scan = this.scan;
    const roots = new Set<Element>();
    let overflow = false;
    let changed = false;
    let firstChange = 0;
    let cancel: (() => void) | null = null;
    const flush = (): void => {
      cancel = null;
      firstChange = 0;
      if (this.state === 'scanning') {
        // The first read is still running: look again when it is done.
        cancel = scan.timeout(flush, this.limits.debounceMs);
        return;
      }
      const batch = [...roots];
      roots.clear();
      if (overflow) {
        this.partial = true;
        this.note = 'This page changes faster than Source Context reads it; some updates were not scanned.';
      }
      overflow = false;
      const wasChanged = changed;
      changed = false;
      if (this.state === 'linked') {
        if (batch.length > 0) this.enqueue(this.rescanJob(batch));
      } else if (this.state === 'unrelated' && wasChanged) {
        // Not about the incident (yet): maybe the article has just arrived. Re-test, cheaply,
        // and less and less often on a page that keeps changing and stays unrelated (a web
        // app, a ticker): 1.5 s, 3 s, 6 s... up to 30 s.
        const since = this.now() - this.lastQuickTest;
        if (since >= this.retestGap) {
          this.firstScan();
          if (this.state === 'unrelated') this.retestGap = Math.min(this.retestGap * 2, MAX_RETEST_GAP_MS);
        } else {
          changed = true;
          cancel = scan.timeout(flush, this.retestGap - since);
        }
      }
    };
    const observer = new Observer((records) => {
      if (this.checkUrl()) return;
      if (this.state === 'paused' || this.state === 'stopped') return;
      changed = true;
      if (this.state === 'linked' || this.state === 'scanning') {
        for (const root of rootsToRescan(records)) {
          if (roots.size >= this.limits.maxPendingRoots) {
            overflow = true;
            break;
          }
          roots.add(root);
        }
      }
      const now = this.now();
      if (firstChange === 0) firstChange = now;
      cancel?.();
      const wait = Math.max(0, Math.min(this.limits.debounceMs, firstChange + this.limits.maxWaitMs - now));
      cancel = scan.timeout(flush, wait);
    });
    observer.observe(target, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: [...RESCAN_ATTRIBUTES],
    });
    scan.use(observer);
  }

  /** A subframe too small to read (ads, trackers, 1×1 frames): step aside, look again on resize. */
  private tinyFrame(): boolean {
    if (this.win === this.win.top) return false;
    return this.win.innerWidth < 100 || this.win.innerHeight < 60;
  }

  private watchFrameSize(): void {
    if (this.win === this.win.top) return;
    let wasTiny = this.tinyFrame();
    this.scan.listen(this.win, 'resize', () => {
      const tiny = this.tinyFrame();
      if (wasTiny && !tiny) this.scan.timeout(() => this.firstScan(), this.limits.debounceMs);
      wasTiny = tiny;
    });
  }

  private spend(started: number): void {
    const now = this.now();
    if (now - this.windowStart > this.limits.budgetWindowMs) {
      this.windowStart = now;
      this.windowSpent = 0;
    }
    this.windowSpent += now - started;
  }

  /**
   * The watchdog: a page that has kept us busy for more than `budgetMs` within one
   * `budgetWindowMs` window (or whose first read took more than `firstReadBudgetMs`) is left
   * alone from then on, keeping what was already linked.
   */
  private overBudget(): boolean {
    if (this.windowSpent <= this.limits.budgetMs && this.firstReadSpent <= this.limits.firstReadBudgetMs)
      return false;
    if (this.state !== 'stopped') {
      this.scan.dispose();
      this.scan = this.disposer.child();
      this.jobs = [];
      this.sliceScheduled = false;
      this.partial = true;
      this.note = 'This page kept Source Context busy, so it stopped scanning it to keep the page fast.';
      // Keep what was linked on screen: repaint in the new scan scope.
      this.forgetDrawing();
      this.repaint();
      this.setState('stopped');
    }
    return true;
  }

  /** Forget drawing objects whose scan scope was disposed (they were destroyed with it). */
  private forgetDrawing(): void {
    this.highlighter = null;
    this.hitTester = null;
    this.host = null;
    this.cardLayer = null;
    this.indicatorLayer = null;
    this.placement = null;
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
        new Highlighter({
          document: this.doc,
          host: this.ensureHost(),
          tint,
          documentCss: this.documentCss,
        }),
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
    // A card that opens, or moves to another passage (Next/Previous, the shortcut, the
    // indicator, a click), is shown as a fresh open on that passage would be: placed beside it
    // (the old placement followed the old passage, and the card would lie over the new one) and
    // read from the top. A re-render of the same passage (a repaint) only follows it.
    if (!wasOpen || point || this.placedPassageId !== passage.id || !this.placement) {
      if (wasOpen && this.placedPassageId !== passage.id) {
        layer.querySelector('.sc-card__body')?.scrollTo({ top: 0, behavior: 'instant' });
      }
      this.place(() => anchorRect(passage.ranges));
      this.placedPassageId = passage.id;
    } else this.placement.update();
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
          if (placement) {
            // Never taller than the card's own cap; shorter when the side it is on has less room.
            layer.style.setProperty(
              '--sc-card-max-height',
              `${Math.min(CARD_MAX_HEIGHT, placement.maxHeight)}px`,
            );
          }
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
    this.placedPassageId = null;
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
    this.placedPassageId = null;
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

/**
 * The passage's box: the union of its lines. Placing the card against the whole box (below,
 * above, or beside the paragraph) never covers the passage or the lines around the click.
 */
function anchorRect(ranges: readonly Range[]): DOMRect | null {
  const all = ranges
    .flatMap((r) => Array.from(r.getClientRects()))
    .filter((r) => r.width > 0 || r.height > 0);
  if (all.length === 0) return ranges[0]?.getBoundingClientRect() ?? null;
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
