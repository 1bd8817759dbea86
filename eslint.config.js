// One linter for the whole repository (`npm run lint` = eslint . && prettier --check .).
// Besides typescript-eslint's recommended rules it guards two things a reviewer would otherwise
// have to catch by eye: the layer boundaries of src/ (see STYLE.md) and the promise that the
// extension builds no markup from strings and makes no network requests.

import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Import paths are matched with regular expressions so relative (`../ui/x`) and bare
// (`preact/hooks`) specifiers are both caught.
const folder = (...names) => `(^|/)(${names.join('|')})(/|$)`;
const pkg = (...names) => `^(${names.join('|')})(/|$)`;

/** A no-restricted-imports rule built from `[regex, why]` pairs. */
const restrictImports = (...patterns) => [
  'error',
  { patterns: patterns.map(([regex, message]) => ({ regex, message })) },
];

const PURE_CORE =
  'match/ and dataset/ are the pure core: they run in node (scan CLI, tests, benchmark), so no DOM, UI or browser APIs.';

// Markup from strings, and anything that sends data somewhere. Selectors cover both
// `el.innerHTML = s` and `el['innerHTML'] = s`.
const BANNED_SYNTAX = [
  {
    selector:
      'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/], AssignmentExpression > MemberExpression.left[property.value=/^(innerHTML|outerHTML)$/]',
    message: 'Do not build markup from strings: create elements or render with Preact.',
  },
  {
    selector:
      'CallExpression > MemberExpression.callee[property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/]',
    message: 'Do not build markup from strings: create elements or render with Preact.',
  },
  {
    selector:
      'JSXAttribute[name.name="dangerouslySetInnerHTML"], Property[key.name="dangerouslySetInnerHTML"]',
    message: 'Do not build markup from strings: render the content as Preact children.',
  },
  {
    selector: 'NewExpression[callee.name=/^(XMLHttpRequest|WebSocket|EventSource)$/]',
    message: 'Source Context makes no network requests.',
  },
  {
    selector: 'MemberExpression[property.name=/^(fetch|sendBeacon)$/]',
    message: 'Source Context makes no network requests.',
  },
];

const NETWORK_GLOBALS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'].map((name) => ({
  name,
  message: 'Source Context makes no network requests.',
}));

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'demo-output/', 'test/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // `_name` marks a deliberately unused binding (a destructured-away field, a callback slot).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['src/**'],
    // Declared so no-implied-eval can recognise setTimeout('code') on any of these.
    languageOptions: {
      globals: {
        window: 'readonly',
        self: 'readonly',
        globalThis: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
      },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-globals': ['error', ...NETWORK_GLOBALS],
      'no-restricted-syntax': ['error', ...BANNED_SYNTAX],
      'no-restricted-properties': [
        'error',
        { object: 'document', property: 'write', message: 'Do not build markup from strings.' },
        { object: 'document', property: 'writeln', message: 'Do not build markup from strings.' },
      ],
    },
  },
  {
    files: ['src/match/**', 'src/dataset/**'],
    rules: {
      'no-restricted-imports': restrictImports(
        [folder('page', 'ui', 'content', 'background', 'popup'), PURE_CORE],
        [pkg('preact', 'webextension-polyfill', 'idb'), PURE_CORE],
      ),
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': restrictImports([
        folder('background', 'content'),
        'ui/ is components: props in, callbacks out. The content script and background wire them up.',
      ]),
    },
  },
  {
    files: ['src/page/**'],
    rules: {
      'no-restricted-imports': restrictImports(
        [folder('ui'), 'page/ reads and marks the DOM; drawing UI belongs to ui/, wired up by content/.'],
        [
          pkg('preact', 'webextension-polyfill'),
          'page/ uses the DOM only: no Preact and no browser extension APIs.',
        ],
      ),
    },
  },
);
