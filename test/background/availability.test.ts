// Where no content script can run, told from the URL before trying, or from the browser's error after.

import { describe, expect, it } from 'vitest';

import { unavailableForUrl, unavailableFromError } from '../../src/background/availability';

describe('unavailableForUrl', () => {
  it.each([
    ['chrome://extensions/', 'browser-page'],
    ['about:addons', 'browser-page'],
    ['edge://settings', 'browser-page'],
    ['view-source:https://news.example/', 'browser-page'],
    ['chrome-extension://abc/popup.html', 'browser-page'],
    ['moz-extension://abc/popup.html', 'browser-page'],
    ['data:text/html,hi', 'browser-page'],
    ['ftp://files.example/', 'browser-page'],
    ['https://chromewebstore.google.com/detail/x', 'store'],
    ['https://chrome.google.com/webstore/category/extensions', 'store'],
    ['https://addons.mozilla.org/en-US/firefox/', 'store'],
    ['https://microsoftedge.microsoft.com/addons/detail/x', 'store'],
    ['file:///home/reader/story.html', 'file-access'],
  ])('%s → %s', (url, reason) => {
    expect(unavailableForUrl(url, false)).toEqual({ reason, url });
  });

  it.each([
    'https://news.example/story',
    'http://127.0.0.1:8080/pages/wire-story.html',
    'https://chrome.google.com/search', // only the store's path is protected
    'https://news.example/report.pdf', // the URL alone cannot tell the viewer is showing
    undefined,
    '',
    'not a url',
  ])('lets %s be tried', (url) => {
    expect(unavailableForUrl(url, false)).toBeUndefined();
  });

  it('lets file: pages be tried once the reader allowed file access', () => {
    expect(unavailableForUrl('file:///home/reader/story.html', true)).toBeUndefined();
  });
});

describe('unavailableFromError', () => {
  it.each([
    ['The extensions gallery cannot be scripted.', 'https://chromewebstore.google.com/', 'store'],
    ['Cannot access a chrome:// URL', 'chrome://newtab/', 'browser-page'],
    ['Cannot access a chrome-extension:// URL of different extension', 'https://x.example/a.pdf', 'pdf'],
    ['Missing host permission for the tab', 'https://x.example/paper.pdf', 'pdf'],
    [
      'Cannot access contents of url "file:///a.html". Extension manifest must request permission',
      undefined,
      'file-access',
    ],
    [
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      'https://news.example/',
      'no-access',
    ],
    ['Missing host permission for the tab', 'https://news.example/', 'no-access'],
    ['Frame with ID 4 was removed.', 'https://news.example/', 'unknown'],
  ])('%s (%s) → %s', (message, url, reason) => {
    const result = unavailableFromError(new Error(message), url);
    expect(result.reason).toBe(reason);
    expect(result.detail).toBe(message);
    expect(result.url).toBe(url);
  });
});
