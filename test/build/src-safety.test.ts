// A second line of defence beside the lint rules in eslint.config.js: scan every file under src/
// for network calls and markup built from strings. Comments are stripped first (they may
// mention these words to explain why they are not used); string contents are kept, so
// `el['innerHTML'] = x` is caught too.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../scripts/lib/build';
import { ROOT } from '../../scripts/lib/paths';

const BANNED: [RegExp, string][] = [
  [/\b(innerHTML|outerHTML)['"]?\]?\s*(=(?!=)|\+=)/, 'assigns HTML markup from a string'],
  [/\binsertAdjacentHTML\b/, 'inserts HTML markup from a string'],
  [/\bcreateContextualFragment\b|\bsetHTMLUnsafe\b|\bparseHTMLUnsafe\b/, 'parses HTML markup from a string'],
  [/\bdangerouslySetInnerHTML\b/, 'renders HTML markup from a string'],
  [/\bdocument\s*\.\s*write(ln)?\b/, 'writes HTML markup from a string'],
  [/(?<![\w$.])eval\s*\(/, 'evaluates a string as code'],
  [/\bFunction\s*\(/, 'builds a function from a string'],
  [/(?<![\w$])fetch\s*\(|\.\s*fetch\b/, 'makes a network request (fetch)'],
  [/\bXMLHttpRequest\b/, 'makes a network request (XMLHttpRequest)'],
  [/\bWebSocket\b/, 'opens a network connection (WebSocket)'],
  [/\bEventSource\b/, 'opens a network connection (EventSource)'],
  [/\bsendBeacon\b/, 'makes a network request (sendBeacon)'],
];

/** The source with every comment removed, keeping line breaks so line numbers still match. */
function withoutComments(source: string, file: string): string {
  const variant = file.endsWith('x') ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, variant, source);
  let out = '';
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    const text = scanner.getTokenText();
    const isComment =
      token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia;
    out += isComment ? text.replace(/[^\n]/g, ' ') : text;
  }
  return out;
}

/** Every banned use in `source`, as `line N: what it does`. */
function findBanned(source: string, file: string): string[] {
  const found: string[] = [];
  withoutComments(source, file)
    .split('\n')
    .forEach((line, i) => {
      for (const [pattern, what] of BANNED) if (pattern.test(line)) found.push(`line ${i + 1}: ${what}`);
    });
  return found;
}

const SOURCES = listFiles(join(ROOT, 'src')).filter((f) => /\.(ts|tsx|js|mjs)$/.test(f));

describe('src/ contains no network calls and builds no markup from strings', () => {
  it('finds source files to scan', () => {
    expect(SOURCES.length).toBeGreaterThan(3);
  });

  it.each(SOURCES)('src/%s', (file) => {
    expect(findBanned(readFileSync(join(ROOT, 'src', file), 'utf8'), file)).toEqual([]);
  });
});

describe('the scanner itself', () => {
  it.each([
    "el.innerHTML = '<b>x</b>';",
    "el['outerHTML'] = s;",
    'el.innerHTML += s;',
    "el.insertAdjacentHTML('beforeend', s);",
    'range.createContextualFragment(s);',
    '<div dangerouslySetInnerHTML={{ __html: s }} />',
    "document.write('<p>');",
    "eval('1 + 1');",
    "new Function('return 1');",
    "fetch('https://example.org');",
    "window.fetch('/x');",
    'const xhr = new XMLHttpRequest();',
    "new WebSocket('wss://x');",
    "new EventSource('/events');",
    "navigator.sendBeacon('/x', data);",
  ])('catches %s', (code) => {
    expect(findBanned(code, 'x.tsx')).not.toEqual([]);
  });

  it.each([
    '// we never call fetch() or set innerHTML here',
    '/* eval( is banned */ const a = 1;',
    'const same = el.innerHTML === other;',
    'const html = el.innerHTML;',
    'prefetch(items);',
    "const label = 'evaluate';",
    'retrieval(x);',
  ])('allows %s', (code) => {
    expect(findBanned(code, 'x.tsx')).toEqual([]);
  });
});
