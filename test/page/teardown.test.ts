// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';

import { Disposer, type TimerHost } from '../../src/page/teardown';

function fakeTimers(): TimerHost & { pending: Map<number, () => void>; flush(): void } {
  let next = 1;
  const pending = new Map<number, () => void>();
  const schedule = (fn: () => void): number => {
    pending.set(next, fn);
    return next++;
  };
  const cancel = (id: number | undefined): void => {
    if (id !== undefined) pending.delete(id);
  };
  return {
    pending,
    setTimeout: schedule,
    clearTimeout: cancel,
    setInterval: schedule,
    clearInterval: cancel,
    requestAnimationFrame: (fn) => schedule(() => fn(0)),
    cancelAnimationFrame: cancel,
    flush() {
      const run = [...pending.values()];
      pending.clear();
      run.forEach((fn) => fn());
    },
  };
}

describe('Disposer', () => {
  it('removes listeners, observers, timers and frames in one dispose', () => {
    const timers = fakeTimers();
    const disposer = new Disposer(timers);
    const onClick = vi.fn();
    disposer.listen(document, 'click', onClick);
    const observer = disposer.use(new MutationObserver(() => {}));
    const disconnect = vi.spyOn(observer, 'disconnect');
    const destroyable = disposer.use({ destroy: vi.fn() });
    disposer.timeout(() => {}, 100);
    disposer.interval(() => {}, 100);
    disposer.frame(() => {});
    expect(timers.pending.size).toBe(3);

    document.dispatchEvent(new Event('click'));
    expect(onClick).toHaveBeenCalledTimes(1);
    disposer.dispose();
    document.dispatchEvent(new Event('click'));
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(disconnect).toHaveBeenCalledOnce();
    expect(destroyable.destroy).toHaveBeenCalledOnce();
    expect(timers.pending.size).toBe(0);
    expect(disposer.signal.aborted).toBe(true);
    disposer.dispose(); // idempotent
    expect(destroyable.destroy).toHaveBeenCalledOnce();
  });

  it('runs cleanups newest first, and late registrations at once', () => {
    const disposer = new Disposer(fakeTimers());
    const order: number[] = [];
    disposer.add(() => order.push(1));
    disposer.add(() => order.push(2));
    disposer.dispose();
    expect(order).toEqual([2, 1]);
    disposer.add(() => order.push(3));
    expect(order).toEqual([2, 1, 3]);
  });

  it('lets a cleanup run early, once', () => {
    const disposer = new Disposer(fakeTimers());
    const cleanup = vi.fn();
    const early = disposer.add(cleanup);
    early();
    early();
    disposer.dispose();
    expect(cleanup).toHaveBeenCalledOnce();
  });

  it('forgets a timeout once it has fired', () => {
    const timers = fakeTimers();
    const disposer = new Disposer(timers);
    const fired = vi.fn();
    disposer.timeout(fired, 10);
    timers.flush();
    expect(fired).toHaveBeenCalledOnce();
    const clear = vi.spyOn(timers, 'clearTimeout');
    disposer.dispose();
    expect(clear).not.toHaveBeenCalled();
  });

  it('throttles to one run per frame', () => {
    const timers = fakeTimers();
    const disposer = new Disposer(timers);
    const run = vi.fn();
    const schedule = disposer.throttleFrame(run);
    schedule();
    schedule();
    schedule();
    timers.flush();
    expect(run).toHaveBeenCalledOnce();
    schedule();
    disposer.dispose();
    timers.flush();
    expect(run).toHaveBeenCalledOnce();
  });

  it('disposes children with the parent, and lets them go early', () => {
    const parent = new Disposer(fakeTimers());
    const child = parent.child();
    const early = parent.child();
    const a = vi.fn();
    const b = vi.fn();
    child.add(a);
    early.add(b);
    early.dispose();
    expect(b).toHaveBeenCalledOnce();
    parent.dispose();
    expect(a).toHaveBeenCalledOnce();
    expect(child.disposed).toBe(true);
  });

  it('runs every cleanup even when some throw, then reports them', () => {
    const disposer = new Disposer(fakeTimers());
    const last = vi.fn();
    disposer.add(last);
    disposer.add(() => {
      throw new Error('one');
    });
    disposer.add(() => {
      throw new Error('two');
    });
    expect(() => disposer.dispose()).toThrow(AggregateError);
    expect(last).toHaveBeenCalledOnce();
    const single = new Disposer(fakeTimers());
    single.add(() => {
      throw new Error('only');
    });
    expect(() => single.dispose()).toThrow('only');
  });

  it('rejects a non-function cleanup', () => {
    expect(() => new Disposer(fakeTimers()).add(42 as never)).toThrow(/must be a function/);
  });
});
