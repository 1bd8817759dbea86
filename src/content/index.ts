// Content-script entry (dist/<browser>/content.js, injected into every http(s) frame at
// document_idle, and on demand by the service worker for right-click lookups). It only wires
// things together: the decisions live in src/match, the DOM work in src/page, the UI in src/ui.

import browser from 'webextension-polyfill';
import { dataset } from '../dataset/bundled';
import { startContentScript } from './main';
import { PageController } from './controller';
import { connectContentMessaging } from './messaging';

const running = startContentScript(dataset);
if (running) {
  try {
    // content.js never runs without highlights.css: the manifest declares the two together, and
    // the service worker inserts the sheet before it injects the script on demand (and does not
    // inject it if that fails). So the highlight rules are there; nothing needs to be added.
    const controller = new PageController({ dataset, documentCss: 'declared' });
    running.signal.addEventListener('abort', () => controller.destroy());
    // Settings first (a paused site must not be scanned at all), then the scan; without an answer
    // from the service worker the defaults apply.
    void Promise.resolve(connectContentMessaging(controller, browser, running.signal))
      .catch(() => undefined)
      .then(() => controller.start());
  } catch (error) {
    // Never let our failure become the page's: step aside quietly.
    running.destroy();
    console.debug('[Source Context] stepped aside on this page:', error);
  }
}
