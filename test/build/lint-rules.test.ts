// The lint rules that guard src/'s layers and its no-network, no-markup-from-strings promise
// (eslint.config.js), checked on small snippets linted as if they lived in each folder.

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/paths';

const eslint = new ESLint({ cwd: ROOT });

/** The rule ids reported for `code` linted as `file`, one per line as `line:rule`. */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((m) => `${m.line}:${m.ruleId ?? m.message}`);
}

describe('layer boundaries', () => {
  it('keeps match/ and dataset/ free of browser code', async () => {
    const code = [
      "import { render } from 'preact';",
      "import { useState } from 'preact/hooks';",
      "import browser from 'webextension-polyfill';",
      "import { openDB } from 'idb';",
      "import { readPage } from '../page/text';",
      "import { Card } from '../ui/Card';",
      "import { start } from '../content/main';",
      "import { x } from '../background';",
      "import { y } from '../popup/Popup';",
      "import { ok } from './page-text';",
      "import type { Dataset } from '../dataset/types';",
      'export { render, useState, browser, openDB, readPage, Card, start, x, y, ok };',
      'export type { Dataset };',
    ].join('\n');
    for (const folder of ['match', 'dataset']) {
      const rules = await lint(`src/${folder}/example.ts`, code);
      expect(rules, folder).toEqual(
        [1, 2, 3, 4, 5, 6, 7, 8, 9].map((line) => `${line}:no-restricted-imports`),
      );
    }
  });

  it('keeps ui/ away from background/ and content/', async () => {
    const code = [
      "import { start } from '../content/main';",
      "import { x } from '../background/index';",
      "import { h } from 'preact';",
      "import { match } from '../match/types';",
      'export { start, x, h, match };',
    ].join('\n');
    expect(await lint('src/ui/Example.tsx', code)).toEqual([
      '1:no-restricted-imports',
      '2:no-restricted-imports',
    ]);
  });

  it('keeps page/ free of Preact, ui/ and extension APIs', async () => {
    const code = [
      "import { h } from 'preact';",
      "import { Card } from '../ui/Card';",
      "import browser from 'webextension-polyfill';",
      "import type { ClaimMatch } from '../match/types';",
      'export { h, Card, browser };',
      'export type { ClaimMatch };',
    ].join('\n');
    expect(await lint('src/page/example.ts', code)).toEqual([
      '1:no-restricted-imports',
      '2:no-restricted-imports',
      '3:no-restricted-imports',
    ]);
  });
});

describe('no markup from strings, no network, no eval in src/', () => {
  it.each([
    ["document.body.innerHTML = '<b>x</b>';", 'no-restricted-syntax'],
    ["document.body['outerHTML'] = 'x';", 'no-restricted-syntax'],
    ["document.body.insertAdjacentHTML('beforeend', 'x');", 'no-restricted-syntax'],
    ["document.write('x');", 'no-restricted-properties'],
    ["eval('1');", 'no-eval'],
    ["new Function('return 1');", 'no-new-func'],
    ["setTimeout('alert(1)', 10);", 'no-implied-eval'],
    ["fetch('/x');", 'no-restricted-globals'],
    ["window.fetch('/x');", 'no-restricted-syntax'],
    ["new WebSocket('ws://x');", 'no-restricted-syntax'],
    ['new XMLHttpRequest();', 'no-restricted-syntax'],
    ["navigator.sendBeacon('/x');", 'no-restricted-syntax'],
  ])('%s is an error', async (code, rule) => {
    const rules = await lint('src/content/example.ts', code);
    expect(rules).toContain(`1:${rule}`);
  });

  it('dangerouslySetInnerHTML is an error in components', async () => {
    const rules = await lint(
      'src/ui/Example.tsx',
      "export const A = () => <div dangerouslySetInnerHTML={{ __html: 'x' }} />;",
    );
    expect(rules).toEqual(['1:no-restricted-syntax']);
  });

  it('reading innerHTML or textContent is fine', async () => {
    expect(await lint('src/page/example.ts', 'export const a = document.body.innerHTML.length;')).toEqual([]);
  });

  it('lints the build scripts and tests with the same base rules, but not dist/', async () => {
    expect(await eslint.isPathIgnored('dist/chrome/content.js')).toBe(true);
    expect(await eslint.isPathIgnored('scripts/build.ts')).toBe(false);
  });
});
