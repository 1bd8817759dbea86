// Every English string the overlay shows, and the pure functions that build its sentences. Kept in
// one place so the wording stays consistent between the card and the indicator, and so it can move
// to _locales/ later without touching the components.

import type { Carried, ClaimKind, Report } from '../dataset/types';
import type { Carriage, DiffOp, MatchReason } from '../match/types';

/** Short labels for each kind of claim, shown as the card's kind tag. */
export const KIND_LABELS: Readonly<Record<ClaimKind, string>> = {
  quote: 'Quote',
  assertion: 'Assertion',
  observation: 'Observation',
  characterization: 'Characterization',
};

/** One-line explanations of each kind, for the kind tag's tooltip. */
export const KIND_DESCRIPTIONS: Readonly<Record<ClaimKind, string>> = {
  quote: 'Someone’s own words',
  assertion: 'A statement of fact made by someone',
  observation: 'What a video or a reporter saw',
  characterization: 'A label or a judgement',
};

/** Labels for how an outlet or page carried a claim, as tags. */
export const CARRIED_LABELS: Readonly<Record<Carried, string>> = {
  'direct-quote': 'Direct quote',
  paraphrase: 'Paraphrase',
  attributed: 'Attributed',
  hedged: 'Hedged',
  'stated-as-fact': 'Stated as fact',
};

/** Why the engine linked a passage, in words. */
export const REASON_LABELS: Readonly<Record<MatchReason, string>> = {
  'exact-quote': 'Exact quote',
  'near-quote': 'Near quote',
  paraphrase: 'Paraphrase',
};

/** Fixed strings of the card and indicator. */
export const UI_TEXT = {
  brand: 'Source Context',
  close: 'Close',
  previous: 'Previous passage',
  next: 'Next passage',
  passage: 'Passage',
  kind: 'Claim kind:',
  claimsTabs: 'Claims in this passage',
  assertedBy: 'Asserted by',
  onThisPage: 'How this page carries it',
  whyLinked: 'Why linked:',
  outlets: 'How outlets reported it',
  openArticle: 'Open article',
  opensInNewTab: 'opens in a new tab',
  quotedDifferently: 'Where this page’s quote differs',
  insLegend: 'only on this page',
  framing: 'Same thing, different words',
  framingOutlet: 'Outlet',
  framingWords: 'Words used',
  loadedTerms: 'Loaded words:',
  pageAdds: 'on this page only:',
  outletPrinted: 'printed by the outlet only:',
  linkedPassages: 'Linked passages on this page',
  dismiss: 'Dismiss Source Context on this page',
  noPassages: 'no linked passages',
  unknownClaimTitle: 'Claim not found',
} as const;

/** "1 passage", "7 passages": English plural for the counts the indicator shows. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The indicator pill's count line: "7 passages · 5 claims". */
export function indicatorSummary(passages: number, claims: number): string {
  if (passages === 0) return UI_TEXT.noPassages;
  return `${plural(passages, 'passage', 'passages')} · ${plural(claims, 'claim', 'claims')}`;
}

/** The card's title when one passage states several claims. */
export function multiClaimTitle(count: number): string {
  return `This passage states ${count} claims`;
}

/** The line shown for an outlet in the dataset that did not carry the claim. */
export function notReportedBy(outletName: string): string {
  return `Not reported by ${outletName}`;
}

/** The notice for a match whose claim id is missing from the bundled dataset. */
export function unknownClaimNotice(claimId: string): string {
  return `This passage is linked to claim “${claimId}”, which is not in the bundled dataset.`;
}

/** "“a”, “b” and “c”": English list of quoted fragments. */
export function quotedList(items: readonly string[]): string {
  const quoted = items.map((item) => `“${item}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** The kinds of cue the card shows for how a page carries a claim; each has its own icon and shape. */
export type CueKind =
  'direct-quote' | 'paraphrase' | 'partial-quote' | 'attributed' | 'hedged' | 'stated-as-fact';

/** One cue about how the page carries a claim: its kind (icon, shape) and its words. */
export interface CarriageCue {
  kind: CueKind;
  text: string;
}

/** How a page carries a claim, split into the form (quote or paraphrase) and its sourcing. */
export interface CarriageDescription {
  /** Direct quote, paraphrase or partly quoted; absent when the engine could not tell. */
  form?: CarriageCue;
  /** Attributed and/or hedged, or else stated as fact: never empty. */
  sourcing: CarriageCue[];
}

/** Looks up an actor's display name by id (the card passes `index.actor(id)?.name`). */
export type ActorName = (actorId: string) => string | undefined;

/**
 * Describe how a page carries a claim. Attribution wins over a contradictory 'stated-as-fact'
 * (stated as fact means "no attribution"; an attribution the engine found is the stronger
 * evidence), and a passage that is neither attributed nor hedged reads as stated as fact.
 */
export function describeCarriage(
  carriage: Carriage,
  actorName: ActorName = () => undefined,
): CarriageDescription {
  const has = (value: Carried): boolean => carriage.carried.includes(value);
  const sourcing: CarriageCue[] = [];
  const attributed = has('attributed') || carriage.attributedTo !== undefined;
  if (attributed) sourcing.push({ kind: 'attributed', text: attributionText(carriage, actorName) });
  const hedges = carriage.hedges.map((hedge) => hedge.trim()).filter((hedge) => hedge !== '');
  if (has('hedged') || hedges.length > 0) {
    sourcing.push({ kind: 'hedged', text: hedges.length > 0 ? `Hedged: ${hedges.join(', ')}` : 'Hedged' });
  }
  if (!attributed && (has('stated-as-fact') || sourcing.length === 0)) {
    sourcing.push({ kind: 'stated-as-fact', text: 'Stated as fact (no attribution)' });
  }
  return { form: formCue(has('direct-quote'), has('paraphrase')), sourcing };
}

function attributionText(carriage: Carriage, actorName: ActorName): string {
  const words = carriage.attributedTo?.text.trim() ?? '';
  const actorId = carriage.attributedTo?.actorId;
  const name = actorId === undefined ? undefined : actorName(actorId);
  if (words === '') return name === undefined ? 'Attributed to a source' : `Attributed to ${name}`;
  // The page's own words come first; the dataset's name is added only when it says more
  // ("DHS (Department of Homeland Security)", but "Jacob Frey" rather than "Frey (Jacob Frey)").
  if (name === undefined || name.toLowerCase() === words.toLowerCase()) return `Attributed to ${words}`;
  if (name.toLowerCase().includes(words.toLowerCase())) return `Attributed to ${name}`;
  // "DHS spokeswoman Tricia McLaughlin" already names her: no "(Tricia McLaughlin)" after it.
  if (words.toLowerCase().includes(name.toLowerCase())) return `Attributed to ${words}`;
  return `Attributed to ${words} (${name})`;
}

function formCue(quote: boolean, paraphrase: boolean): CarriageCue | undefined {
  if (quote && paraphrase) return { kind: 'partial-quote', text: 'Partly quoted' };
  if (quote) return { kind: 'direct-quote', text: 'Direct quote' };
  if (paraphrase) return { kind: 'paraphrase', text: 'Paraphrase' };
  return undefined;
}

/** One line for lists: "Paraphrase · Attributed to authorities · Hedged: allegedly". */
export function carriageSentence(carriage: Carriage, actorName?: ActorName): string {
  const { form, sourcing } = describeCarriage(carriage, actorName);
  return [...(form ? [form] : []), ...sourcing].map((cue) => cue.text).join(' · ');
}

// Tags in reading order: the form first, then the sourcing.
const CARRIED_ORDER: readonly Carried[] = [
  'direct-quote',
  'paraphrase',
  'attributed',
  'hedged',
  'stated-as-fact',
];

/** The tags for how one outlet carried a claim ("Direct quote", "Attributed to DHS", "Hedged"). */
export function reportTags(
  report: Pick<Report, 'carried' | 'attributedTo'>,
  actorName?: ActorName,
): CarriageCue[] {
  return CARRIED_ORDER.filter((value) => report.carried.includes(value)).map((value) => {
    if (value !== 'attributed' || report.attributedTo.length === 0)
      return { kind: value, text: CARRIED_LABELS[value] };
    const names = report.attributedTo.map((id) => actorName?.(id) ?? id);
    return { kind: value, text: `Attributed to ${joinAnd(names)}` };
  });
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Runs of consecutive changed words in a word diff, whitespace collapsed. */
export interface DiffRuns {
  added: string[]; // on the page only
  removed: string[]; // in the outlet's version only
}

/** Group a word diff's edits into runs ("and state"), ignoring the unchanged words between them. */
export function diffRuns(ops: readonly DiffOp[]): DiffRuns {
  const runs: DiffRuns = { added: [], removed: [] };
  let kind: 'added' | 'removed' | undefined;
  let words: string[] = [];
  for (const op of ops) {
    const text = collapse(op.text);
    if (text === '') continue;
    const next = op.op === 'same' ? undefined : op.op;
    if (kind !== undefined && next !== kind) {
      runs[kind].push(words.join(' '));
      words = [];
    }
    kind = next;
    if (next !== undefined) words.push(text);
  }
  if (kind !== undefined) runs[kind].push(words.join(' '));
  return runs;
}

// Above this many runs of one kind, the summary counts words instead of quoting them.
const MAX_QUOTED_RUNS = 3;

/** The one-line plain summary of a quote diff: "This page adds “and state”, and leaves out “to”." */
export function diffSummary(ops: readonly DiffOp[], outletName: string): string {
  const { added, removed } = diffRuns(ops);
  if (added.length === 0 && removed.length === 0) return `Same words as ${outletName} printed.`;
  const describe = (runs: string[]): string =>
    runs.length > MAX_QUOTED_RUNS ? plural(wordCount(runs), 'word', 'words') : quotedList(runs);
  // The outlet is named by the heading above the summary, so the sentence stays short.
  const parts: string[] = [];
  if (added.length > 0) parts.push(`adds ${describe(added)}`);
  if (removed.length > 0) parts.push(`leaves out ${describe(removed)}`);
  return `This page ${parts.join(', and ')}.`;
}

function wordCount(runs: readonly string[]): number {
  return runs.reduce((sum, run) => sum + run.split(' ').filter((word) => word !== '').length, 0);
}

/** The heading over one outlet's diff. */
export function comparedWith(outletName: string): string {
  return `Compared with ${outletName}’s printed words`;
}

/** The line for an outlet whose printed words the page quotes exactly. */
export function sameWordsAs(outletName: string): string {
  return `Same words as ${outletName} printed`;
}

/** The legend under a diff: what underline and strike-through mean. */
export function diffLegend(outletName: string): { ins: string; del: string } {
  return { ins: UI_TEXT.insLegend, del: `only in ${outletName}’s version` };
}

/** "Why linked: Near quote — matched “leave the city and state immediately”". */
export function whyLinked(reason: MatchReason, detail: string): string {
  const trimmed = collapse(detail);
  return trimmed === '' ? REASON_LABELS[reason] : `${REASON_LABELS[reason]} — ${trimmed}`;
}

/** The disclosure that reveals an outlet's further excerpts of the same claim. */
export function moreExcerpts(count: number, outletName: string): string {
  return `${plural(count, 'more excerpt', 'more excerpts')} from ${outletName}`;
}

/** The indicator's note for a passage that states more than one claim. */
export function moreClaims(count: number): string {
  return `+ ${plural(count, 'more claim', 'more claims')}`;
}

/** The position line in the card's header, without the "Passage" prefix: "3 of 12". */
export function positionText(current: number, total: number): string {
  return `${current} of ${total}`;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
