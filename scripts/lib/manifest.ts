// Turns the one manifest.json at the repository root into the Chrome and Firefox manifests.
// They differ only where the browsers do: Chrome runs the background as a service worker,
// Firefox as an event page with background.scripts, and Firefox needs its gecko settings.

/** A browser the build targets. */
export type Browser = 'chrome' | 'firefox';

/** The browsers the build writes, in the order it writes them. */
export const BROWSERS: readonly Browser[] = ['chrome', 'firefox'];

/** A manifest as JSON: the fields the transform reads are typed, the rest pass through. */
export interface Manifest {
  manifest_version: number;
  version: string;
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  permissions?: string[];
  host_permissions?: string[];
  browser_specific_settings?: unknown;
  [key: string]: unknown;
}

/** The Firefox add-on id: stable forever, since Firefox keys storage and updates by it. */
export const GECKO_ID = 'source-context@sourcecontext.app';

/**
 * Oldest Firefox the add-on installs on: data_collection_permissions arrived in Firefox 140,
 * which is also an ESR, so every other key we use (MV3 action, background.scripts) is older.
 */
export const FIREFOX_MIN_VERSION = '140.0';

/** Firefox for Android added data_collection_permissions in 142, after desktop's 140. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/** Oldest Chrome we support; the bundles are compiled for this target (see scripts/lib/build.ts). */
export const CHROME_MIN_VERSION = '120';

function fail(problem: string): never {
  throw new Error(`manifest.json: ${problem}`);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/**
 * Checks the source manifest is the browser-neutral form the transform expects, throwing an
 * error that names the field at fault. Returns it typed.
 */
export function checkSourceManifest(value: unknown): Manifest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('must be a JSON object');
  const m = value as Record<string, unknown>;
  if (m.manifest_version !== 3) fail(`manifest_version must be 3, got ${JSON.stringify(m.manifest_version)}`);
  if (typeof m.version !== 'string' || !/^(0|[1-9]\d{0,8})(\.(0|[1-9]\d{0,8})){0,3}$/.test(m.version)) {
    fail(
      `version must be 1 to 4 dot-separated integers without leading zeros, got ${JSON.stringify(m.version)}`,
    );
  }
  const bg = m.background;
  if (typeof bg !== 'object' || bg === null) fail('background must be an object');
  const background = bg as Record<string, unknown>;
  if (typeof background.service_worker !== 'string' || background.service_worker === '') {
    fail('background.service_worker must name the background script (Firefox gets it as background.scripts)');
  }
  if ('scripts' in background)
    fail('background.scripts must not be set here: the build derives it for Firefox');
  if ('browser_specific_settings' in m) {
    fail('browser_specific_settings must not be set here: the build adds it for Firefox');
  }
  for (const key of ['permissions', 'host_permissions', 'optional_permissions'] as const) {
    if (key in m && !isStringArray(m[key])) fail(`${key} must be an array of strings`);
  }
  return m as Manifest;
}

/** Derives one browser's manifest from the source manifest (pure: the input is not changed). */
export function manifestFor(browser: Browser, source: Manifest): Manifest {
  const checked = structuredClone(checkSourceManifest(source));
  const script = checked.background!.service_worker!;
  // Rebuild key by key so the output keeps the source's order, which keeps it easy to diff.
  const background = browser === 'chrome' ? { service_worker: script } : { scripts: [script] };
  const out = Object.fromEntries(
    Object.entries(checked).map(([key, value]) => [key, key === 'background' ? background : value]),
  ) as Manifest;
  switch (browser) {
    case 'chrome':
      out.minimum_chrome_version = CHROME_MIN_VERSION;
      return out;
    case 'firefox':
      out.browser_specific_settings = {
        gecko: {
          id: GECKO_ID,
          strict_min_version: FIREFOX_MIN_VERSION,
          // Source Context collects and sends nothing; Firefox shows this at install.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
      };
      return out;
  }
}
