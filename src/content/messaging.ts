// The content script's side of src/messages.ts: it asks the service worker which settings apply to
// this page and applies them, answers the popup's and the worker's requests with the page
// controller (ContentApi), and reports the number of linked passages for the toolbar badge.
// Everything hangs off one AbortSignal, like the rest of the content script.

import type { ContentApi, ContentSettings, PageSummary } from './api';
import {
  CONTENT_TYPES,
  assertNever,
  listen,
  replyTo,
  send,
  type ContentMessage,
  type RuntimeListener,
  type RuntimeSender,
} from '../messages';

/** The slice of webextension-polyfill's `browser` the content script's messaging uses. */
export interface ContentBrowser {
  runtime: RuntimeListener & RuntimeSender;
}

/** Options, mostly test seams. */
export interface MessagingOptions {
  window?: Window; // test seam
  /** Only the top frame reports to the badge; defaults to `window.top === window`. */
  topFrame?: boolean;
  /** Summary changes are reported at most this often (the controller links in many slices). */
  reportEveryMs?: number;
}

/**
 * Connects the page controller to the rest of the extension until `signal` aborts. The listener
 * is registered before this returns, so a script injected on demand answers straight away.
 * Resolves with the settings applied first (undefined when the service worker could not be
 * reached; the controller then keeps its defaults).
 */
export function connectContentMessaging(
  api: ContentApi,
  browser_: ContentBrowser,
  signal: AbortSignal,
  options: MessagingOptions = {},
): Promise<ContentSettings | undefined> {
  const window_ = options.window ?? window;
  const topFrame = options.topFrame ?? window_.top === window_;
  const reportEveryMs = options.reportEveryMs ?? 250;
  const { runtime } = browser_;
  if (signal.aborted) return Promise.resolve(undefined);

  const refreshSettings = async (): Promise<ContentSettings> => {
    const { settings } = await send(runtime, { type: 'get-page-settings', url: window_.location.href });
    if (!signal.aborted) api.applySettings(settings);
    return settings;
  };

  const handle = async (msg: ContentMessage): Promise<unknown> => {
    switch (msg.type) {
      case 'get-summary':
        return replyTo(msg, api.summary());
      case 'show-passage':
        return replyTo(msg, { done: api.showPassage(msg.index) });
      case 'open-passage':
        return replyTo(msg, { done: api.openPassage(msg.index) });
      case 'lookup-selection': {
        // The live selection carries the ranges the card anchors to; the browser's copy of the
        // text is the fallback for when the selection is gone (focus moved to the menu, say).
        const live = window_.getSelection()?.toString() ?? '';
        const result = api.lookupSelection(live.trim() !== '' ? undefined : msg.text);
        return replyTo(msg, { ...result, url: window_.location.href, title: window_.document.title });
      }
      case 'settings-changed':
        return replyTo(msg, { applied: await refreshSettings() });
      default:
        return assertNever(msg);
    }
  };

  const stopListening = listen<ContentMessage>(runtime, CONTENT_TYPES, handle);

  // Badge reports: the first change goes out at once, later ones at most every reportEveryMs.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: PageSummary | undefined;
  let lastSent = '';
  const report = (summary: PageSummary): void => {
    const key = `${summary.state}:${summary.passages.length}`;
    if (key === lastSent) return;
    lastSent = key;
    send(runtime, { type: 'summary-changed', state: summary.state, passages: summary.passages.length }).catch(
      () => undefined, // the worker restarting, or the extension updated under us: nothing to do
    );
  };
  const flush = (): void => {
    timer = undefined;
    if (pending && !signal.aborted) report(pending);
    pending = undefined;
  };
  const onSummary = (summary: PageSummary): void => {
    pending = summary;
    timer ??= setTimeout(flush, reportEveryMs);
  };
  const unsubscribe = topFrame ? api.onSummaryChange(onSummary) : () => undefined;
  if (topFrame) report(api.summary());

  signal.addEventListener(
    'abort',
    () => {
      stopListening();
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );

  return refreshSettings().catch(() => undefined);
}
