// The evaluation corpus: labelled pages in test/fixtures/eval/<split>/*.json, one page per file.
// A page is a list of blocks (paragraphs); a block is a list of passages (sentences or a quote
// with its attribution), joined with one space; blocks are joined with "\n\n". Each passage lists
// the claims it states, so precision and recall are scored per passage, not per page.
// The format is documented in test/fixtures/eval/README.md.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CARRIED_VALUES, type Carried } from '../../src/dataset/types';
import { ROOT } from '../lib/paths';
import { CLAIM_ID_SET } from './claims';

/** The two corpus splits: the engine is tuned on `train`; `validation` is held out. */
export type Split = 'train' | 'validation';
export const SPLITS: readonly Split[] = ['train', 'validation'];

/** Where the corpus lives, relative to the repository root. */
export const CORPUS_DIR = join(ROOT, 'test', 'fixtures', 'eval');

/** A passage as written in a page file: plain text (states no claim) or a labelled object. */
export type PassageSource =
  | string
  | {
      text: string;
      /** Claims the passage states: the engine must link each (recall) and nothing else (precision). */
      claims?: string[];
      /** Claims the passage arguably implies: linking them is neither rewarded nor penalized. */
      optional?: string[];
      /** How the passage carries its claims: one list for all of them, or a list per claim id. */
      carried?: Carried[] | Record<string, Carried[]>;
      /** A reviewer's note: why the label is what it is. Ignored by the scorer. */
      note?: string;
    };

/** A page file as written on disk. */
export interface PageSource {
  id: string; // equals the file name without .json
  style: string; // the kind of page: "wire", "partisan-right", "local-tv-live", "sports"...
  about: boolean; // is the page about the incident?
  note?: string;
  blocks: PassageSource[][];
}

/** One passage of a built page, with its offsets into the page text. */
export interface LabelledPassage {
  id: string; // "<page id>#<block>.<passage>", 1-based, for reports
  start: number;
  end: number;
  text: string;
  claims: string[];
  optional: string[];
  /** Expected carriage per claim id, where the label gives one. */
  carried: Record<string, Carried[]>;
}

/** A page ready to hand to the matcher: the text, block offsets and labelled passages. */
export interface CorpusPage {
  id: string;
  split: Split;
  file: string;
  style: string;
  about: boolean;
  text: string;
  blocks: number[];
  passages: LabelledPassage[];
}

/** A problem in a corpus file, with the file and the place in it. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    problem: string,
  ) {
    super(`${file}: ${where ? `${where}: ` : ''}${problem}`);
    this.name = 'CorpusError';
  }
}

const PAGE_KEYS = new Set(['id', 'style', 'about', 'note', 'blocks']);
const PASSAGE_KEYS = new Set(['text', 'claims', 'optional', 'carried', 'note']);
const CARRIED_SET: ReadonlySet<string> = new Set(CARRIED_VALUES);
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function claimList(value: unknown, file: string, where: string, about: boolean): string[] {
  if (!Array.isArray(value)) throw new CorpusError(file, where, 'must be an array of claim ids');
  const seen = new Set<string>();
  value.forEach((id, i) => {
    if (typeof id !== 'string' || !CLAIM_ID_SET.has(id)) {
      throw new CorpusError(file, `${where}[${i}]`, `unknown claim id ${JSON.stringify(id)}`);
    }
    if (seen.has(id)) throw new CorpusError(file, `${where}[${i}]`, `duplicate claim id "${id}"`);
    seen.add(id);
  });
  if (!about && value.length > 0) {
    throw new CorpusError(file, where, 'a page with "about": false cannot label claims');
  }
  return value as string[];
}

function carriedList(value: unknown, file: string, where: string): Carried[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new CorpusError(file, where, `must be a non-empty array of ${CARRIED_VALUES.join(', ')}`);
  }
  value.forEach((c, i) => {
    if (typeof c !== 'string' || !CARRIED_SET.has(c)) {
      throw new CorpusError(file, `${where}[${i}]`, `unknown carriage ${JSON.stringify(c)}`);
    }
  });
  return value as Carried[];
}

function checkText(text: unknown, file: string, where: string): string {
  if (typeof text !== 'string' || text.length === 0) {
    throw new CorpusError(file, where, 'must be a non-empty string');
  }
  if (text !== text.trim()) throw new CorpusError(file, where, 'has leading or trailing whitespace');
  if (/\n\s*\n/.test(text))
    throw new CorpusError(file, where, 'contains a blank line (split it into blocks)');
  return text;
}

/**
 * Validate a parsed page file and build its text, block offsets and passage offsets.
 * `file` names the source in error messages.
 */
export function buildPage(source: unknown, file: string, split: Split): CorpusPage {
  if (!isObject(source)) throw new CorpusError(file, '', 'a page must be a JSON object');
  for (const key of Object.keys(source)) {
    if (!PAGE_KEYS.has(key)) throw new CorpusError(file, key, 'unknown field');
  }
  const { id, style, about, blocks } = source;
  if (typeof id !== 'string' || !KEBAB.test(id)) {
    throw new CorpusError(file, 'id', 'must be a lower-case kebab-case string');
  }
  const expectedId = basename(file).replace(/\.json$/, '');
  if (id !== expectedId)
    throw new CorpusError(file, 'id', `"${id}" does not match the file name "${expectedId}"`);
  if (typeof style !== 'string' || !KEBAB.test(style)) {
    throw new CorpusError(file, 'style', 'must be a lower-case kebab-case string');
  }
  if (typeof about !== 'boolean') throw new CorpusError(file, 'about', 'must be true or false');
  if (!Array.isArray(blocks) || blocks.length === 0) {
    throw new CorpusError(file, 'blocks', 'must be a non-empty array of blocks');
  }

  let text = '';
  const blockStarts: number[] = [];
  const passages: LabelledPassage[] = [];
  blocks.forEach((block: unknown, b) => {
    const bw = `blocks[${b}]`;
    if (!Array.isArray(block) || block.length === 0) {
      throw new CorpusError(file, bw, 'must be a non-empty array of passages');
    }
    if (b > 0) text += '\n\n';
    blockStarts.push(text.length);
    block.forEach((passage: unknown, p) => {
      const pw = `${bw}[${p}]`;
      let passageText: string;
      let claims: string[] = [];
      let optional: string[] = [];
      let carried: Record<string, Carried[]> = {};
      if (typeof passage === 'string') {
        passageText = checkText(passage, file, pw);
      } else if (isObject(passage)) {
        for (const key of Object.keys(passage)) {
          if (!PASSAGE_KEYS.has(key)) throw new CorpusError(file, `${pw}.${key}`, 'unknown field');
        }
        passageText = checkText(passage.text, file, `${pw}.text`);
        if (passage.claims !== undefined) claims = claimList(passage.claims, file, `${pw}.claims`, about);
        if (passage.optional !== undefined) {
          optional = claimList(passage.optional, file, `${pw}.optional`, about);
          const both = optional.find((c) => claims.includes(c));
          if (both) throw new CorpusError(file, `${pw}.optional`, `"${both}" is also in claims`);
        }
        if (passage.carried !== undefined) {
          if (claims.length === 0) throw new CorpusError(file, `${pw}.carried`, 'needs claims to describe');
          if (Array.isArray(passage.carried)) {
            const list = carriedList(passage.carried, file, `${pw}.carried`);
            carried = Object.fromEntries(claims.map((c) => [c, list]));
          } else if (isObject(passage.carried)) {
            for (const [claimId, list] of Object.entries(passage.carried)) {
              if (!claims.includes(claimId)) {
                throw new CorpusError(file, `${pw}.carried.${claimId}`, 'is not one of the passage claims');
              }
              carried[claimId] = carriedList(list, file, `${pw}.carried.${claimId}`);
            }
          } else {
            throw new CorpusError(file, `${pw}.carried`, 'must be an array or an object keyed by claim id');
          }
        }
        if (passage.note !== undefined && typeof passage.note !== 'string') {
          throw new CorpusError(file, `${pw}.note`, 'must be a string');
        }
      } else {
        throw new CorpusError(file, pw, 'must be a string or an object with "text"');
      }
      if (p > 0) text += ' ';
      const start = text.length;
      text += passageText;
      passages.push({
        id: `${id}#${b + 1}.${p + 1}`,
        start,
        end: text.length,
        text: passageText,
        claims,
        optional,
        carried,
      });
    });
  });
  return { id, split, file, style, about, text, blocks: blockStarts, passages };
}

/** Read and build one page file. */
export function loadPage(file: string, split: Split): CorpusPage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CorpusError(file, '', `cannot read as JSON (${(error as Error).message})`);
  }
  return buildPage(parsed, file, split);
}

/** Read every page of a split, sorted by file name; page ids must be unique across splits. */
export function loadSplit(split: Split, dir: string = CORPUS_DIR): CorpusPage[] {
  const splitDir = join(dir, split);
  if (!statSync(splitDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new CorpusError(splitDir, '', 'the split directory does not exist');
  }
  return readdirSync(splitDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => loadPage(join(splitDir, name), split));
}

/** Read both splits and check that no page id appears twice. */
export function loadCorpus(dir: string = CORPUS_DIR): Record<Split, CorpusPage[]> {
  const corpus = { train: loadSplit('train', dir), validation: loadSplit('validation', dir) };
  const seen = new Map<string, string>();
  for (const page of [...corpus.train, ...corpus.validation]) {
    const other = seen.get(page.id);
    if (other) throw new CorpusError(page.file, 'id', `"${page.id}" is also the id of ${other}`);
    seen.set(page.id, page.file);
  }
  return corpus;
}

/** How many labelled passages state each claim, for coverage checks and reports. */
export function claimCounts(pages: readonly CorpusPage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    for (const passage of page.passages) {
      for (const claimId of passage.claims) counts.set(claimId, (counts.get(claimId) ?? 0) + 1);
    }
  }
  return counts;
}
