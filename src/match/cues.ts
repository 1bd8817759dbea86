// Typed parsing of the matching cues authored in seeds/annotations/cues.json.
//
// The compiler copies each cue object verbatim onto its incident or claim (`cues` field); their
// meaning is defined here and documented in docs/matching.md. Lists of phrases are one string
// with "|" between alternatives, so every leaf is a string, number or boolean.

import type { Cues, CueValue } from '../dataset/types';

/** A bad cue: the message names the record, the path inside its cues and the problem. */
export class CueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CueError';
  }
}

/** What sort of key fact this is; shapes the readable detail ("numbers", "names"). */
export type FactKind = 'term' | 'number' | 'name';

/** One key fact of a claim: any of its phrases in the sentence satisfies it. */
export interface FactCue {
  name: string;
  phrases: string[];
  /** Must be present for the claim to be linked by key facts. */
  need: boolean;
  kind: FactKind;
  weight: number;
  /** Enough on its own (a distinctive phrase such as "weaponized her vehicle"). */
  alone: boolean;
}

/** The parsed cues of one claim. */
export interface ClaimCues {
  facts: FactCue[];
  /** Least number of facts that must be present (required ones included). */
  min: number;
  /** Phrases that stop the claim from being linked by key facts in that sentence. */
  veto: string[];
}

/** A labelled group of phrases with a weight, for incident recognition. */
export interface WeightedGroup {
  label: string;
  phrases: string[];
  weight: number;
  /**
   * Against groups only: a sign of another topic on the page (hockey, a snowstorm), not of
   * another incident. It counts less as the incident's own facts pile up, so a news briefing or
   * a TV page with sports and weather promos beside the story stays recognized.
   */
  topic: boolean;
}

/** The parsed cues of the incident. */
export interface IncidentCues {
  /** Score at or above which a text is about the incident. */
  threshold: number;
  /** Every core group must be present, or the score stays below the threshold. */
  core: WeightedGroup[];
  /** Distinctive facts: add their weight. */
  facts: WeightedGroup[];
  /** Lookalike signs: subtract their weight. */
  against: WeightedGroup[];
  /** Raw, case-sensitive substrings for `mayBeAbout`: every group needs one present. */
  prefilter: string[][];
}

/** Most facts one claim may have. */
export const MAX_FACTS = 31;

/** The incident threshold when the cues do not set one. */
export const DEFAULT_THRESHOLD = 0.5;

type Obj = { [key: string]: CueValue };

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(where: string, path: string, problem: string): never {
  throw new CueError(`${where}: ${path}: ${problem}`);
}

function checkKeys(where: string, path: string, obj: Obj, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      fail(where, path ? `${path}.${key}` : key, `unknown key (allowed: ${allowed.join(', ')})`);
    }
  }
}

/**
 * Splits a "|"-separated phrase list and checks each phrase: words, with ".." between two words
 * meaning "up to three other words may come between".
 */
export function parsePhrases(value: CueValue | undefined, where: string, path: string): string[] {
  if (typeof value !== 'string') fail(where, path, `expected a string of phrases separated by "|"`);
  const phrases = value.split('|').map((p) => p.trim());
  phrases.forEach((p, i) => {
    if (p === '') fail(where, path, `phrase ${i + 1} is empty (check for a doubled or trailing "|")`);
    const parts = p.split(/\s*\.\.\s*/);
    if (parts.some((part) => part.trim() === '')) {
      fail(where, path, `phrase "${p}": ".." must stand between two words`);
    }
    if (!/[\p{L}\p{N}%&]/u.test(p)) fail(where, path, `phrase "${p}" has no words`);
  });
  return phrases;
}

function parseNumber(
  value: CueValue | undefined,
  where: string,
  path: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    fail(where, path, `expected a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function parseBoolean(value: CueValue | undefined, where: string, path: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(where, path, `expected true or false, got ${JSON.stringify(value)}`);
  return value;
}

/** Parses one claim's cues; a claim without cues is matched by its quotes and excerpts alone. */
export function parseClaimCues(claimId: string, cues: Cues | undefined): ClaimCues {
  const where = `cues for claim "${claimId}"`;
  if (cues === undefined) return { facts: [], min: 0, veto: [] };
  if (!isObj(cues)) fail(where, '(root)', 'expected an object');
  checkKeys(where, '', cues, ['facts', 'min', 'veto']);
  const facts: FactCue[] = [];
  const rawFacts = cues.facts;
  if (rawFacts !== undefined) {
    if (!isObj(rawFacts)) fail(where, 'facts', 'expected an object of named facts');
    for (const [name, value] of Object.entries(rawFacts)) {
      const path = `facts.${name}`;
      if (typeof value === 'string') {
        facts.push({
          name,
          phrases: parsePhrases(value, where, path),
          need: true,
          kind: 'term',
          weight: 1,
          alone: false,
        });
        continue;
      }
      if (!isObj(value)) fail(where, path, 'expected a phrase string or an object with "any"');
      checkKeys(where, path, value, ['any', 'need', 'number', 'name', 'weight', 'alone']);
      // Booleans rather than a "kind" string: tools that rewrite the words of cues (the
      // benchmark's synthetic claims) leave booleans alone.
      const isNumber = parseBoolean(value.number, where, `${path}.number`, false);
      const isName = parseBoolean(value.name, where, `${path}.name`, false);
      if (isNumber && isName) fail(where, path, 'a fact is a number or a name, not both');
      facts.push({
        name,
        phrases: parsePhrases(value.any, where, `${path}.any`),
        need: parseBoolean(value.need, where, `${path}.need`, true),
        kind: isNumber ? 'number' : isName ? 'name' : 'term',
        weight: parseNumber(value.weight, where, `${path}.weight`, 0.1, 10, 1),
        alone: parseBoolean(value.alone, where, `${path}.alone`, false),
      });
    }
  }
  // Facts are tracked as bits of a 32-bit mask on the hot path.
  if (facts.length > MAX_FACTS)
    fail(where, 'facts', `has ${facts.length} facts; at most ${MAX_FACTS} are allowed`);
  const required = facts.filter((f) => f.need).length;
  const min = parseNumber(cues.min, where, 'min', 1, Math.max(1, facts.length), Math.max(1, required));
  if (!Number.isInteger(min)) fail(where, 'min', `expected a whole number, got ${min}`);
  if (facts.length > 0 && min < required) {
    fail(
      where,
      'min',
      `is ${min} but ${required} facts are required (need: true); raise min or make facts optional`,
    );
  }
  const veto = cues.veto === undefined ? [] : parsePhrases(cues.veto, where, 'veto');
  return { facts, min: facts.length === 0 ? 0 : min, veto };
}

function parseGroups(
  where: string,
  path: string,
  value: CueValue | undefined,
  defaultWeight: number,
  allowTopic = false,
): WeightedGroup[] {
  if (value === undefined) return [];
  if (!isObj(value)) fail(where, path, 'expected an object of labelled groups');
  const groups: WeightedGroup[] = [];
  for (const [label, v] of Object.entries(value)) {
    const p = `${path}.${label}`;
    if (typeof v === 'string') {
      groups.push({ label, phrases: parsePhrases(v, where, p), weight: defaultWeight, topic: false });
      continue;
    }
    if (!isObj(v)) fail(where, p, 'expected a phrase string or an object with "any" and "weight"');
    checkKeys(where, p, v, allowTopic ? ['any', 'weight', 'topic'] : ['any', 'weight']);
    groups.push({
      label,
      phrases: parsePhrases(v.any, where, `${p}.any`),
      weight: parseNumber(v.weight, where, `${p}.weight`, 0, 1, defaultWeight),
      topic: parseBoolean(v.topic, where, `${p}.topic`, false),
    });
  }
  return groups;
}

/**
 * Parses the incident's cues. Without cues, the incident's contextTerms become weak facts and
 * nothing is required, so recognition still works (less sharply) for a new incident.
 */
export function parseIncidentCues(
  incidentId: string,
  cues: Cues | undefined,
  contextTerms: string[],
): IncidentCues {
  const where = `cues for incident "${incidentId}"`;
  if (cues === undefined) {
    return {
      threshold: DEFAULT_THRESHOLD,
      core: [],
      facts: contextTerms
        .filter((t) => /[\p{L}\p{N}]/u.test(t))
        .map((t) => ({ label: t, phrases: [t.replace(/\|/g, ' ')], weight: 0.15, topic: false })),
      against: [],
      prefilter: [],
    };
  }
  if (!isObj(cues)) fail(where, '(root)', 'expected an object');
  checkKeys(where, '', cues, ['threshold', 'core', 'facts', 'against', 'prefilter']);
  const prefilter: string[][] = [];
  if (cues.prefilter !== undefined) {
    if (!isObj(cues.prefilter)) fail(where, 'prefilter', 'expected an object of labelled substring lists');
    for (const [label, v] of Object.entries(cues.prefilter)) {
      if (typeof v !== 'string')
        fail(where, `prefilter.${label}`, 'expected a string of substrings separated by "|"');
      const subs = v.split('|');
      if (subs.some((s) => s.length < 2)) {
        fail(
          where,
          `prefilter.${label}`,
          'every substring needs at least 2 characters (check for a stray "|")',
        );
      }
      prefilter.push(subs);
    }
  }
  return {
    threshold: parseNumber(cues.threshold, where, 'threshold', 0.05, 1, DEFAULT_THRESHOLD),
    core: parseGroups(where, 'core', cues.core, 0.15),
    facts: parseGroups(where, 'facts', cues.facts, 0.1),
    against: parseGroups(where, 'against', cues.against, 0.2, true),
    prefilter,
  };
}
