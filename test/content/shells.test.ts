// The thin entry points' own logic: the content script starts once per frame and cleans up.
// (Kept with the build tests while the shells are this small; it moves to test/content/ when
// that folder grows tests of its own.)

import { describe, expect, it } from 'vitest';
import { startContentScript } from '../../src/content/main';
import type { Dataset } from '../../src/dataset/types';

const DATASET: Dataset = {
  version: '1.2.3',
  contentHash: 'hash',
  incidents: [],
  actors: [],
  outlets: [],
  claims: [],
  reports: [],
  framing: [],
  seeds: [],
};

describe('startContentScript', () => {
  it('starts once per window and can start again after destroy()', () => {
    const fakeWindow = {} as Window;
    const first = startContentScript(DATASET, fakeWindow);
    expect(first?.dataset.version).toBe('1.2.3');
    expect(startContentScript(DATASET, fakeWindow)).toBeUndefined();
    first!.destroy();
    const second = startContentScript(DATASET, fakeWindow);
    expect(second).toBeDefined();
    second!.destroy();
  });

  it('aborts its signal on destroy(), so every listener hung on it is removed', () => {
    const instance = startContentScript(DATASET, {} as Window)!;
    let calls = 0;
    const target = new EventTarget();
    target.addEventListener('ping', () => calls++, { signal: instance.signal });
    target.dispatchEvent(new Event('ping'));
    instance.destroy();
    target.dispatchEvent(new Event('ping'));
    expect(calls).toBe(1);
    expect(instance.signal.aborted).toBe(true);
  });

  it('keeps separate windows (frames) apart', () => {
    const a = startContentScript(DATASET, {} as Window);
    const b = startContentScript(DATASET, {} as Window);
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    a!.destroy();
    b!.destroy();
  });
});
