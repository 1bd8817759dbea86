import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageKeys, referencedFiles } from '../../scripts/lib/build';
import {
  CHROME_MIN_VERSION,
  FIREFOX_ANDROID_MIN_VERSION,
  FIREFOX_MIN_VERSION,
  GECKO_ID,
  checkSourceManifest,
  manifestFor,
  type Manifest,
} from '../../scripts/lib/manifest';
import { ROOT } from '../../scripts/lib/paths';

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const source = checkSourceManifest(readJson('manifest.json'));

describe('manifest.json (the source of truth)', () => {
  it('is MV3 with a localized name and description, English default locale and every icon size', () => {
    expect(source.manifest_version).toBe(3);
    expect(source.name).toBe('__MSG_extName__');
    expect(source.description).toBe('__MSG_extDescription__');
    expect(source.default_locale).toBe('en');
    expect(Object.keys(source.icons as object).sort()).toEqual(['128', '16', '32', '48']);
    const action = source.action as Record<string, unknown>;
    expect(action.default_popup).toBe('popup.html');
    expect(Object.keys(action.default_icon as object).sort()).toEqual(['128', '16', '32', '48']);
  });

  it('injects content.js into every http(s) frame at document_idle, with the highlight rules declared', () => {
    expect(source.content_scripts).toEqual([
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['content.js'],
        // Declared up front: a stylesheet added later would restyle the whole page.
        css: ['highlights.css'],
        run_at: 'document_idle',
        all_frames: true,
        // srcdoc and about:blank frames that hold article text belong to their http(s) parent.
        match_about_blank: true,
      },
    ]);
  });

  it('has the same version as package.json', () => {
    expect(source.version).toBe((readJson('package.json') as { version: string }).version);
  });

  it('names only files that exist in extension/ or that the build writes', () => {
    const built = new Set(['content.js', 'background.js', 'popup.js', 'popup.css', 'highlights.css']);
    for (const file of referencedFiles(source)) {
      if (built.has(file)) continue;
      expect(() => readFileSync(join(ROOT, 'extension', file)), file).not.toThrow();
    }
  });

  it('uses only messages that _locales/en/messages.json defines, each with a description', () => {
    const messages = readJson('extension/_locales/en/messages.json') as Record<
      string,
      { message?: unknown; description?: unknown }
    >;
    for (const key of messageKeys(source)) expect(messages, key).toHaveProperty(key);
    for (const [key, entry] of Object.entries(messages)) {
      expect(typeof entry.message, key).toBe('string');
      expect(typeof entry.description, key).toBe('string');
    }
    // Chrome refuses a description longer than 132 characters.
    expect((messages.extDescription!.message as string).length).toBeLessThanOrEqual(132);
    expect(messages.extName!.message).toBe('Source Context');
  });
});

describe('manifestFor', () => {
  const chrome = manifestFor('chrome', source);
  const firefox = manifestFor('firefox', source);

  it('gives Chrome a service worker and no gecko settings', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome).not.toHaveProperty('browser_specific_settings');
    expect(chrome.minimum_chrome_version).toBe(CHROME_MIN_VERSION);
  });

  it('gives Firefox background scripts, its add-on id, minimum versions and no data collection', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings).toEqual({
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(GECKO_ID).toMatch(/^[a-z0-9-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    // data_collection_permissions needs Firefox 140 on desktop and 142 on Android.
    expect(Number.parseFloat(FIREFOX_MIN_VERSION)).toBeGreaterThanOrEqual(140);
    expect(Number.parseFloat(FIREFOX_ANDROID_MIN_VERSION)).toBeGreaterThanOrEqual(142);
  });

  it('keeps permissions identical across browsers', () => {
    expect(firefox.permissions).toEqual(chrome.permissions);
    expect(firefox.host_permissions).toEqual(chrome.host_permissions);
    expect(firefox.optional_permissions).toEqual(chrome.optional_permissions);
  });

  it('changes nothing else: the two differ only in background and browser-specific keys', () => {
    const strip = (m: Manifest) => {
      const {
        background: _b,
        browser_specific_settings: _s,
        minimum_chrome_version: _v,
        ...rest
      } = m as Record<string, unknown>;
      return rest;
    };
    expect(strip(chrome)).toEqual(strip(firefox));
    expect(strip(chrome)).toEqual(strip(source));
  });

  it('does not modify its input and keeps the source key order', () => {
    const before = JSON.stringify(source);
    manifestFor('firefox', source);
    manifestFor('chrome', source);
    expect(JSON.stringify(source)).toBe(before);
    expect(Object.keys(chrome).slice(0, Object.keys(source).length)).toEqual(Object.keys(source));
  });
});

describe('checkSourceManifest', () => {
  const base = (): Record<string, unknown> => structuredClone(source) as Record<string, unknown>;

  it.each([
    ['not an object', () => [] as unknown, /must be a JSON object/],
    ['MV2', () => ({ ...base(), manifest_version: 2 }), /manifest_version must be 3/],
    ['a bad version', () => ({ ...base(), version: '1.02' }), /version must be/],
    ['a missing version', () => ({ ...base(), version: undefined }), /version must be/],
    ['no background', () => ({ ...base(), background: undefined }), /background must be an object/],
    [
      'no service worker',
      () => ({ ...base(), background: { scripts: ['x.js'] } }),
      /background.service_worker/,
    ],
    [
      'background.scripts already set',
      () => ({ ...base(), background: { service_worker: 'b.js', scripts: ['b.js'] } }),
      /background.scripts must not be set/,
    ],
    [
      'gecko settings in the source',
      () => ({ ...base(), browser_specific_settings: {} }),
      /browser_specific_settings must not be set/,
    ],
    [
      'non-string permissions',
      () => ({ ...base(), permissions: [1] }),
      /permissions must be an array of strings/,
    ],
  ])('rejects %s with an error naming the field', (_name, make, message) => {
    expect(() => checkSourceManifest(make())).toThrow(message);
    expect(() => checkSourceManifest(make())).toThrow(/^manifest\.json: /);
  });

  it('accepts the committed manifest', () => {
    expect(() => checkSourceManifest(readJson('manifest.json'))).not.toThrow();
  });
});
