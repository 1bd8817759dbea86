// The compiled dataset: the shape of dist/dataset.json, which the extension bundles and other
// tools read. The compiler (scripts/compile-dataset.ts) is the only writer; everything else
// reads. Fields named in the foundation issue (incidents, actors, outlets, claims, reports and
// the listed fields on claims and reports) are a public contract: add fields, never rename.

/** What sort of statement a claim is, per the dataset brief. */
export type ClaimKind = 'quote' | 'assertion' | 'observation' | 'characterization';
export const CLAIM_KINDS: readonly ClaimKind[] = ['quote', 'assertion', 'observation', 'characterization'];

/** How an outlet (or a page) carried a claim. A report may combine several. */
export type Carried = 'direct-quote' | 'paraphrase' | 'attributed' | 'hedged' | 'stated-as-fact';
export const CARRIED_VALUES: readonly Carried[] = [
  'direct-quote',
  'paraphrase',
  'attributed',
  'hedged',
  'stated-as-fact',
];

/** What sort of actor is speaking. */
export type ActorKind = 'agency' | 'person' | 'government' | 'outlet' | 'organization';
export const ACTOR_KINDS: readonly ActorKind[] = ['agency', 'person', 'government', 'outlet', 'organization'];

/**
 * Matching cues, authored by hand in seeds/annotations/cues.json and copied onto the incident
 * or claim they name. Their meaning belongs to src/match/ (documented there); the compiler only
 * checks that they are JSON objects whose leaves are strings or numbers.
 */
export type Cues = { [key: string]: CueValue };
export type CueValue = string | number | boolean | CueValue[] | { [key: string]: CueValue };

/** The one event the dataset is about. */
export interface Incident {
  id: string;
  date: string; // ISO date, e.g. 2026-01-07
  place: string;
  summary: string; // our words
  /** Plain words and phrases that name the incident's context (place, date, people). */
  contextTerms: string[];
  cues?: Cues;
}

/** Someone who asserted something: an agency, a person, a city account, an outlet itself. */
export interface Actor {
  id: string;
  name: string; // "Tricia McLaughlin"
  role: string; // "DHS spokeswoman"
  kind: ActorKind;
  /** The actor this one speaks for (tricia-mclaughlin speaks for dhs). */
  speaksFor?: string;
  /** Other names a page may use for this actor ("Homeland Security", "the department"). */
  aliases: string[];
}

/** A publisher of one or more source articles. An outlet may also be an actor (same id). */
export interface Outlet {
  id: string;
  name: string; // "The Associated Press"
  kind: string; // "wire service"
  /** Where the outlet's article is, for the card's link. */
  url: string;
  published: string; // ISO date
  seeds: string[]; // seed file names
  carriedBy?: string;
  notes: string;
}

/** One way an outlet printed the words of a quote claim. */
export interface QuoteVariant {
  outletId: string;
  reportId: string;
  text: string; // the quoted words as printed, verbatim from the seed
}

/** A statement about the incident that some actor made and outlets reported. */
export interface Claim {
  id: string; // one of the brief's ids, or a new one
  incidentId: string;
  kind: ClaimKind;
  statement: string; // our words
  assertedBy: string[]; // actor ids, at least one
  /** How the printed versions differ, where outlets quoted the claim differently. */
  variants: QuoteVariant[];
  notes?: string;
  cues?: Cues;
}

/** How one outlet carried one claim, tied to a verbatim span of a seed article. */
export interface Report {
  id: string; // `${claimId}/${outletId}` or with a suffix where an outlet carried it twice
  claimId: string;
  outletId: string;
  seed: string; // seed file name, e.g. 004_17734199b23d2403.txt
  start: number; // offset in the seed text as a JavaScript string
  end: number;
  excerpt: string; // === seedText.slice(start, end)
  carried: Carried[];
  /**
   * The outlet's own words crediting the source ("authorities said", "DHS confirmed"), verbatim
   * from the excerpt's line; set exactly when `carried` includes 'attributed'. Shows how vague the
   * credit was when `attributedTo` is empty ("authorities" names no one).
   */
  attribution?: string;
  /** Actor ids the outlet named as the source, where it carried the claim as attributed. */
  attributedTo: string[];
  /** Loaded or framing words the outlet used in this excerpt. */
  loadedTerms: string[];
  /** 1-based line of the seed counted over non-empty lines, as the brief counts. */
  line: number;
  note?: string;
}

/** The words one outlet used for a referent. */
export interface FramingTerm {
  outletId: string;
  terms: string[];
  note?: string;
}

/** The same person, group or act, named differently by each outlet. */
export interface Framing {
  id: string; // "the-driver"
  referent: string; // "the driver"
  claimIds: string[]; // claims where this framing matters (may be empty)
  byOutlet: FramingTerm[];
}

/** A source article the dataset was built from. */
export interface Seed {
  file: string;
  outletId: string;
  url: string;
  published: string;
  sha256: string;
  notes: string;
}

/** The whole compiled dataset. */
export interface Dataset {
  version: string; // semver of the dataset content, from seeds/annotations
  contentHash: string; // sha256 of the compiled content (without this field)
  incidents: Incident[];
  actors: Actor[];
  outlets: Outlet[];
  claims: Claim[];
  reports: Report[];
  framing: Framing[];
  seeds: Seed[];
}
