// Least privilege: the extension asks for nothing it does not use. A later feature that needs a
// permission adds it to manifest.json AND to the allow-list below, on purpose, in the same change.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, checkSourceManifest, manifestFor } from '../../scripts/lib/manifest';
import { ROOT } from '../../scripts/lib/paths';

/** API permissions the extension may request, and why. */
const ALLOWED_PERMISSIONS: Record<string, string> = {
  activeTab:
    'right-click lookup and the shortcut inject the content script on demand into the tab the reader acted on, ' +
    'and the popup reads that tab; works where site access was not granted (Firefox opt-in)',
  contextMenus: 'the "Look up in Source Context" item on selected text',
  scripting:
    'scripting.executeScript injects content.js on demand (with activeTab) where it is not running yet',
  storage:
    'storage.session keeps per-tab notes of why no script can run there, so they survive the service worker ' +
    'being suspended; settings and history live in IndexedDB, which needs no permission',
};

/** Host permissions the extension may request, and why. */
const ALLOWED_HOST_PERMISSIONS: Record<string, string> = {
  // Only as optional_host_permissions: the same sites the content script matches, so the popup
  // can ask for them with permissions.request where the browser treats site access as opt-in
  // (Firefox MV3). Nothing more than the content script already declares.
  'http://*/*': 'optional: lets the popup ask for the content script’s site access (Firefox opt-in)',
  'https://*/*': 'optional: lets the popup ask for the content script’s site access (Firefox opt-in)',
};

/** Where the content script may run: pages a reader browses, and nothing privileged. */
const ALLOWED_CONTENT_MATCHES = ['http://*/*', 'https://*/*'];

const source = checkSourceManifest(JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')));

describe('least privilege', () => {
  for (const browser of BROWSERS) {
    const manifest = manifestFor(browser, source);

    it(`${browser}: requests only allow-listed permissions`, () => {
      for (const permission of manifest.permissions ?? []) {
        expect(ALLOWED_PERMISSIONS, `permission "${permission}" is not allow-listed`).toHaveProperty([
          permission,
        ]);
      }
      for (const permission of (manifest.optional_permissions as string[] | undefined) ?? []) {
        expect(ALLOWED_PERMISSIONS, `optional permission "${permission}" is not allow-listed`).toHaveProperty(
          [permission],
        );
      }
    });

    it(`${browser}: requests only allow-listed host permissions`, () => {
      const hosts = [
        ...(manifest.host_permissions ?? []),
        ...((manifest.optional_host_permissions as string[] | undefined) ?? []),
      ];
      for (const host of hosts) {
        expect(ALLOWED_HOST_PERMISSIONS, `host permission "${host}" is not allow-listed`).toHaveProperty([
          host,
        ]);
      }
    });

    it(`${browser}: runs the content script only on http(s) pages`, () => {
      const scripts = (manifest.content_scripts ?? []) as { matches: string[] }[];
      for (const script of scripts) {
        for (const match of script.matches) expect(ALLOWED_CONTENT_MATCHES).toContain(match);
      }
    });

    it(`${browser}: exposes no web-accessible resources and no externally_connectable`, () => {
      // Anything listed here lets any web page probe for or talk to the extension.
      expect(manifest).not.toHaveProperty('web_accessible_resources');
      expect(manifest).not.toHaveProperty('externally_connectable');
    });

    it(`${browser}: extension pages may load only their own scripts and may not connect anywhere`, () => {
      // The browser itself then enforces "sends nothing": connect-src 'none' blocks fetch, XHR,
      // WebSocket and beacons from the popup and the service worker.
      const csp = (manifest.content_security_policy as { extension_pages?: string } | undefined)
        ?.extension_pages;
      expect(csp).toBeDefined();
      const directives = Object.fromEntries(
        csp!
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values.join(' ')]),
      );
      expect(directives['script-src']).toBe("'self'");
      expect(directives['object-src']).toBe("'none'");
      expect(directives['connect-src']).toBe("'none'");
    });
  }
});
