// @vitest-environment happy-dom
// The page controller's cost model on pages that are not about the incident: the cheap test only,
// nothing added to the page, re-tests that back off on a page that never stops changing, and one
// teardown that leaves nothing behind. (The incident path is tested in real browsers:
// test/browser/inpage.test.ts.)

import { afterEach, describe, expect, it } from 'vitest';

import { PageController } from '../../src/content/controller';
import type { Dataset } from '../../src/dataset/types';
import type { Matcher } from '../../src/match/types';

/** A matcher that says "not about it" and counts what it was asked. */
function countingMatcher() {
  const calls = { mayBeAbout: 0, other: 0 };
  const refuse = (): never => {
    calls.other++;
    throw new Error('only the cheap test should run on an unrelated page');
  };
  const matcher: Matcher = {
    // eslint-disable-next-line require-yield
    *prepareSteps() {
      refuse();
    },
    mayBeAbout: () => {
      calls.mayBeAbout++;
      return false;
    },
    recognize: refuse,
    // eslint-disable-next-line require-yield
    *recognizeSteps() {
      return refuse();
    },
    analyze: refuse,
    // eslint-disable-next-line require-yield
    *linkSteps() {
      refuse();
    },
    rank: refuse,
  };
  return { matcher, calls };
}

const EMPTY_DATASET = {} as Dataset; // never read: the matcher is passed in
const controllers: PageController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.destroy();
  document.body.replaceChildren();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function start(limits = {}) {
  const { matcher, calls } = countingMatcher();
  const controller = new PageController({ dataset: EMPTY_DATASET, matcher, window, limits });
  controllers.push(controller);
  controller.start();
  return { controller, calls };
}

describe('on a page that is not about the incident', () => {
  it('runs the cheap test once and adds nothing to the page', async () => {
    document.body.innerHTML = '<article><h1>Tomatoes</h1><p>Water deeply twice a week.</p></article>';
    const { controller, calls } = start();
    await sleep(20);
    expect(calls).toEqual({ mayBeAbout: 1, other: 0 });
    expect(controller.summary().state).toBe('unrelated');
    expect(document.querySelectorAll('[data-source-context]')).toHaveLength(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('re-tests a page that keeps changing less and less often', async () => {
    document.body.innerHTML = '<p id="clock">0</p>';
    const { calls } = start({ debounceMs: 5, maxWaitMs: 20 });
    const clock = document.getElementById('clock')!;
    // A ticker changing every 5 ms for 400 ms: re-tests at about 20, 40, 80, 160 ms gaps.
    for (let i = 1; i <= 80; i++) {
      clock.textContent = String(i);
      await sleep(5);
    }
    await sleep(50);
    expect(calls.other).toBe(0);
    expect(calls.mayBeAbout).toBeGreaterThanOrEqual(3); // it does look again
    expect(calls.mayBeAbout).toBeLessThanOrEqual(8); // but backs off (no backoff: ~20)
  });

  it('stops everything on destroy: no more tests, nothing left on the page', async () => {
    document.body.innerHTML = '<p id="p">x</p>';
    const { controller, calls } = start({ debounceMs: 5, maxWaitMs: 10 });
    await sleep(10);
    controller.destroy();
    const before = calls.mayBeAbout;
    for (let i = 0; i < 10; i++) {
      document.getElementById('p')!.textContent = `y${i}`;
      await sleep(5);
    }
    await sleep(50);
    expect(calls.mayBeAbout).toBe(before);
    expect(document.querySelectorAll('[data-source-context]')).toHaveLength(0);
  });
});
