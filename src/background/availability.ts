// Where no content script can run, and how to say why. Browsers protect their own pages, their
// add-on stores and their PDF viewers from every extension; file: pages need a switch the reader
// turns on; in Firefox, sites need the host access the reader may not have granted yet. The popup
// turns the reason into a sentence instead of failing silently.

import type { Unavailable, UnavailableReason } from '../messages';

// Schemes no extension may script.
const BROWSER_SCHEMES = new Set([
  'about:',
  'blob:',
  'brave:',
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'data:',
  'devtools:',
  'edge:',
  'extension:',
  'javascript:',
  'moz-extension:',
  'opera:',
  'resource:',
  'view-source:',
  'vivaldi:',
]);

// Hosts (and path prefixes) the browsers shield from extensions: their add-on stores and accounts.
const PROTECTED: readonly { host: string; path?: string }[] = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
  { host: 'addons.mozilla.org' },
  { host: 'accounts.firefox.com' },
];

const PDF_PATH = /\.pdf$/i;

/** Why no content script can run at `url`, when the URL alone tells; undefined when it may run. */
export function unavailableForUrl(url: string | undefined, fileAccess: boolean): Unavailable | undefined {
  if (url === undefined || url === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const at = (reason: UnavailableReason): Unavailable => ({ reason, url });
  if (BROWSER_SCHEMES.has(parsed.protocol)) return at('browser-page');
  if (parsed.protocol === 'file:') return fileAccess ? undefined : at('file-access');
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return at('browser-page');
  const host = parsed.hostname.toLowerCase();
  if (
    PROTECTED.some((p) => p.host === host && (p.path === undefined || parsed.pathname.startsWith(p.path)))
  ) {
    return at('store');
  }
  return undefined;
}

/** Why injecting a content script failed, from the browser's error and the tab's URL. */
export function unavailableFromError(error: unknown, url?: string): Unavailable {
  const detail = error instanceof Error ? error.message : String(error);
  const base = { detail, ...(url === undefined ? {} : { url }) };
  let pdf = false;
  try {
    pdf = url !== undefined && PDF_PATH.test(new URL(url).pathname);
  } catch {
    // not a URL: not a PDF either
  }
  // Chrome: "The extensions gallery cannot be scripted." / "Cannot access a chrome:// URL".
  if (/gallery cannot be scripted|web ?store/i.test(detail)) return { reason: 'store', ...base };
  if (/chrome:\/\/|chrome-extension:\/\/|about:|edge:\/\/|cannot be scripted|privileged/i.test(detail)) {
    return { reason: pdf ? 'pdf' : 'browser-page', ...base };
  }
  if (pdf) return { reason: 'pdf', ...base };
  if (/file:/i.test(detail) || url?.startsWith('file:')) return { reason: 'file-access', ...base };
  // Chrome: "Cannot access contents of the page. Extension manifest must request permission to
  // access the respective host." Firefox: "Missing host permission for the tab".
  if (/cannot access|host permission|permission to access/i.test(detail))
    return { reason: 'no-access', ...base };
  return { reason: 'unknown', ...base };
}
