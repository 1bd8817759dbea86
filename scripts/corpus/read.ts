// Turning a file into the engine's input: plain text as it is, HTML through happy-dom and the
// content script's own extractor (src/page/extract.ts), so `npm run scan` sees a page as the
// extension would. Offsets the engine returns are into the text returned here.

import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Window } from 'happy-dom';
import { extractText } from '../../src/page/extract';
import type { TextInput } from '../../src/match/types';

/** The file types the scan reads, by extension. */
export const SCANNABLE_EXTENSIONS: Readonly<Record<string, 'txt' | 'html'>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
};

/** A file that cannot be scanned; the message names the file and the problem. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'InputError';
  }
}

/** A file read for the engine: its kind and the text and blocks to analyse. */
export interface ReadInput extends Required<TextInput> {
  kind: 'txt' | 'html';
}

/**
 * Block starts of plain text: the text's start and the first character after each run of blank
 * lines (CRLF or LF). Mirrors the engine's own rule for text without blocks, made explicit so
 * Windows line endings split paragraphs too.
 */
export function plainTextBlocks(text: string): number[] {
  const blocks: number[] = [];
  const firstContent = text.search(/\S/);
  if (firstContent < 0) return blocks;
  blocks.push(firstContent);
  for (const m of text.matchAll(/\r?\n[ \t]*(?:\r?\n[ \t\r]*)+/g)) {
    const next = m.index + m[0].length;
    if (next < text.length) blocks.push(next);
  }
  return blocks;
}

/** The visible text and blocks of an HTML document, as the content script extracts them. */
export function htmlToInput(html: string): Required<TextInput> {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    // Markup layout: happy-dom computes no real style, and the tags and inline styles decide.
    const extracted = extractText(document.body as unknown as Node, { layout: 'markup' });
    return { text: extracted.text, blocks: [...extracted.blocks] };
  } finally {
    void window.happyDOM.close();
  }
}

/** Read `file` for scanning, or throw an `InputError` saying why it cannot be read. */
export function readInput(file: string): ReadInput {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats) throw new InputError(file, 'no such file');
  if (stats.isDirectory()) throw new InputError(file, 'is a directory, not a file');
  const kind = SCANNABLE_EXTENSIONS[extname(file).toLowerCase()];
  if (!kind) {
    const ext = extname(file) || '(none)';
    throw new InputError(
      file,
      `unsupported file type ${ext}: expected ${Object.keys(SCANNABLE_EXTENSIONS).join(', ')}`,
    );
  }
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(
      file,
      `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  if (kind === 'txt') return { kind, text: content, blocks: plainTextBlocks(content) };
  return { kind, ...htmlToInput(content) };
}
