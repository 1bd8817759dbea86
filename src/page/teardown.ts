// One teardown for everything a content script starts. Listeners take the Disposer's AbortSignal
// (refined-github hands each feature one); observers, timers, frames and objects with destroy()
// are registered on it (Hypothesis keeps a list of Destroyables). dispose() releases them all, in
// reverse order, once.

/** The timer functions a Disposer uses; pass fakes in tests (a test seam). */
export interface TimerHost {
  setTimeout(handler: () => void, ms?: number): number;
  clearTimeout(id: number | undefined): void;
  setInterval(handler: () => void, ms?: number): number;
  clearInterval(id: number | undefined): void;
  requestAnimationFrame?(callback: (time: number) => void): number;
  cancelAnimationFrame?(id: number): void;
}

/** Anything with a `destroy()` (a Highlighter, a ShadowHost, a PlacementController...). */
export interface Destroyable {
  destroy(): void;
}

/** Anything with a `disconnect()` (MutationObserver, ResizeObserver, IntersectionObserver). */
export interface Disconnectable {
  disconnect(): void;
}

/** The owner of a feature's listeners, observers and timers: `dispose()` releases them all. */
export class Disposer {
  private readonly controller = new AbortController();
  private readonly cleanups = new Set<() => void>();
  private readonly timers: TimerHost;

  constructor(timers: TimerHost = globalThis as unknown as TimerHost /* test seam */) {
    this.timers = timers;
  }

  /** Aborted on dispose(): pass it to addEventListener and to child work. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once dispose() has run. */
  get disposed(): boolean {
    return this.controller.signal.aborted;
  }

  /**
   * Run `cleanup` on dispose. Returns a function that runs it early (once) and forgets it. After
   * dispose, `cleanup` runs at once so late registrations never leak.
   */
  add(cleanup: () => void): () => void {
    if (typeof cleanup !== 'function') throw new TypeError('Disposer.add: cleanup must be a function');
    let done = false;
    const run = (): void => {
      if (done) return;
      done = true;
      this.cleanups.delete(run);
      cleanup();
    };
    if (this.disposed) run();
    else this.cleanups.add(run);
    return run;
  }

  /** Destroy `resource` on dispose (destroy() or disconnect()); returns it for chaining. */
  use<T extends Destroyable | Disconnectable>(resource: T): T {
    this.add(() => ('destroy' in resource ? resource.destroy() : resource.disconnect()));
    return resource;
  }

  /** addEventListener, removed on dispose through the signal. */
  listen(
    target: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject,
    options: AddEventListenerOptions = {},
  ): void {
    if (this.disposed) return;
    target.addEventListener(type, listener, { ...options, signal: this.signal });
  }

  /** setTimeout, cleared on dispose. Returns a function that cancels it. */
  timeout(handler: () => void, ms: number): () => void {
    if (this.disposed) return () => {};
    let cancel = (): void => {};
    const id = this.timers.setTimeout(() => {
      cancel();
      handler();
    }, ms);
    cancel = this.add(() => this.timers.clearTimeout(id));
    return cancel;
  }

  /** setInterval, cleared on dispose. Returns a function that cancels it. */
  interval(handler: () => void, ms: number): () => void {
    if (this.disposed) return () => {};
    const id = this.timers.setInterval(handler, ms);
    return this.add(() => this.timers.clearInterval(id));
  }

  /** requestAnimationFrame (a 16 ms timeout where there is none), cancelled on dispose. */
  frame(callback: () => void): () => void {
    if (this.disposed) return () => {};
    const timers = this.timers;
    let cancel = (): void => {};
    const run = (): void => {
      cancel();
      callback();
    };
    if (timers.requestAnimationFrame && timers.cancelAnimationFrame) {
      const id = timers.requestAnimationFrame.call(timers, run);
      cancel = this.add(() => timers.cancelAnimationFrame!.call(timers, id));
    } else {
      const id = timers.setTimeout(run, 16);
      cancel = this.add(() => timers.clearTimeout(id));
    }
    return cancel;
  }

  /**
   * A callback that runs at most once per animation frame however often it is scheduled (scroll
   * and resize handlers); pending runs are cancelled on dispose.
   */
  throttleFrame(callback: () => void): () => void {
    let pending = false;
    return () => {
      if (pending || this.disposed) return;
      pending = true;
      this.frame(() => {
        pending = false;
        callback();
      });
    };
  }

  /** A nested Disposer, disposed with this one (or earlier, on its own). */
  child(): Disposer {
    const child = new Disposer(this.timers);
    const detach = this.add(() => child.dispose());
    child.add(detach);
    return child;
  }

  /**
   * Release everything, newest first. Every cleanup runs even if some throw; their errors are
   * rethrown together afterwards. Idempotent.
   */
  dispose(): void {
    if (this.disposed) return;
    this.controller.abort();
    const errors: unknown[] = [];
    for (const cleanup of [...this.cleanups].reverse()) {
      try {
        cleanup(); // removes itself from the set
      } catch (error) {
        errors.push(error);
      }
    }
    this.cleanups.clear();
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `Disposer: ${errors.length} cleanups failed`);
  }
}
