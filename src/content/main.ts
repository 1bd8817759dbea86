// The content script's lifecycle: start once per frame, own one AbortController that every
// listener, observer and timer added later hangs off, and tear everything down on destroy().

import type { Dataset } from '../dataset/types';

// A content script can reach a frame twice (the manifest injects it, and a later
// scripting.executeScript call may too); both copies share the isolated world's window.
const RUNNING = Symbol.for('source-context.content');

/** A running content script in one frame. */
export interface ContentScript {
  readonly dataset: Dataset;
  /** Aborted by destroy(): pass it to every addEventListener, observer and timer. */
  readonly signal: AbortSignal;
  destroy(): void;
}

type Guarded = { [RUNNING]?: ContentScript };

/**
 * Starts Source Context in this frame with `dataset`, or returns undefined when a copy is
 * already running here.
 */
export function startContentScript(
  dataset: Dataset,
  window_: Window = window, // test seam
): ContentScript | undefined {
  const host = window_ as Window & Guarded;
  if (host[RUNNING]) return undefined;
  const controller = new AbortController();
  const instance: ContentScript = {
    dataset,
    signal: controller.signal,
    destroy() {
      controller.abort();
      if (host[RUNNING] === instance) delete host[RUNNING];
    },
  };
  host[RUNNING] = instance;
  return instance;
}
