// Background entry (dist/chrome/background.js as a service worker, dist/firefox/background.js as
// an event page). Nothing needs a background yet: the context menu, badge and message routing
// arrive with the features that use them, each registered at the top level of this file so the
// browser can wake the worker for them.

export {};
