// What the popup's page tab computes from the page summary: the linked passages grouped by claim,
// a coverage table of those claims against every outlet, and the claims the page leaves out that
// outlets did report. Pure functions over the summary and the dataset index.

import type { DatasetIndex } from '../../dataset/indexed';
import type { Carried, Claim, Outlet, Report } from '../../dataset/types';
import type { ClaimMatch } from '../../match/types';
import type { PassageSummary } from '../../messages';
import { describeCarriage, type ActorName, type CueKind } from '../labels';
import { uniqueClaims } from '../passages';

/** One passage of the page that states a claim. */
export interface PassageOfClaim {
  /** The passage's index in the summary (what showPassage takes). */
  index: number;
  /** 1-based position among the page's linked passages, for "passage 3". */
  position: number;
  text: string;
  match: ClaimMatch;
}

/** A claim the page states, with every passage stating it. */
export interface ClaimOnPage {
  claimId: string;
  /** Undefined when the claim id is not in the bundled dataset (a stale engine result). */
  claim?: Claim;
  passages: PassageOfClaim[];
}

/** Groups the page's passages by claim, claims in order of first appearance. */
export function claimsOnPage(passages: readonly PassageSummary[], index: DatasetIndex): ClaimOnPage[] {
  const byClaim = new Map<string, ClaimOnPage>();
  const ordered = [...passages].sort((a, b) => a.start - b.start || a.index - b.index);
  ordered.forEach((passage, i) => {
    for (const match of uniqueClaims(passage.matches)) {
      let entry = byClaim.get(match.claimId);
      if (!entry) {
        const claim = index.claim(match.claimId);
        entry = { claimId: match.claimId, ...(claim ? { claim } : {}), passages: [] };
        byClaim.set(match.claimId, entry);
      }
      entry.passages.push({ index: passage.index, position: i + 1, text: passage.text, match });
    }
  });
  return [...byClaim.values()];
}

/** A short tag for a coverage cell. */
export interface ShortTag {
  kind: CueKind;
  text: string;
}

/** How one cell of the coverage table reads: the sourcing first (what matters), then the form. */
export interface CellCarriage {
  sourcing: ShortTag[]; // attributed, hedged, or stated as fact: never empty
  form?: ShortTag; // quote, paraphrase or partly quoted, when known
}

const SHORT: Readonly<Record<CueKind, string>> = {
  'direct-quote': 'Quote',
  paraphrase: 'Paraphrase',
  'partial-quote': 'Partly quoted',
  attributed: 'Attributed',
  hedged: 'Hedged',
  'stated-as-fact': 'As fact',
};

const short = (cue: { kind: CueKind }): ShortTag => ({ kind: cue.kind, text: SHORT[cue.kind] });

/** How the page carries a claim, for its coverage cell. */
export function pageCell(match: ClaimMatch, actorName?: ActorName): CellCarriage {
  const { form, sourcing } = describeCarriage(match, actorName);
  return { sourcing: sourcing.map(short), ...(form ? { form: short(form) } : {}) };
}

/**
 * How an outlet carried a claim across all its reports of it, for its coverage cell; undefined
 * when it did not report it. Read like the page's carriage: no attribution and no hedge is "as fact".
 */
export function outletCell(reports: readonly Report[]): CellCarriage | undefined {
  if (reports.length === 0) return undefined;
  const carried: Carried[] = [...new Set(reports.flatMap((report) => report.carried))];
  const { form, sourcing } = describeCarriage({ carried, hedges: [] });
  return { sourcing: sourcing.map(short), ...(form ? { form: short(form) } : {}) };
}

/** One row of the coverage table. */
export interface CoverageRow {
  claimId: string;
  claim?: Claim;
  /** 1-based, as the claims list numbers them. */
  number: number;
  page?: CellCarriage;
  outlets: { outlet: Outlet; reports: Report[]; cell?: CellCarriage }[];
}

/** The coverage table: each claim on the page against every outlet in the dataset. */
export function coverageRows(
  claims: readonly ClaimOnPage[],
  index: DatasetIndex,
  actorName?: ActorName,
): CoverageRow[] {
  return claims.map((entry, i) => {
    const first = entry.passages[0];
    return {
      claimId: entry.claimId,
      ...(entry.claim ? { claim: entry.claim } : {}),
      number: i + 1,
      ...(first ? { page: pageCell(first.match, actorName) } : {}),
      outlets: index.dataset.outlets.map((outlet) => {
        const reports = index.reportsBy(entry.claimId, outlet.id);
        const cell = outletCell(reports);
        return { outlet, reports, ...(cell ? { cell } : {}) };
      }),
    };
  });
}

/** A claim the page does not state that at least one outlet reported. */
export interface LeftOutClaim {
  claim: Claim;
  outlets: Outlet[];
}

/** The claims outlets reported that the page leaves out, in dataset order. */
export function leftOutClaims(onPage: readonly ClaimOnPage[], index: DatasetIndex): LeftOutClaim[] {
  const stated = new Set(onPage.map((entry) => entry.claimId));
  return index.dataset.claims.flatMap((claim) => {
    if (stated.has(claim.id)) return [];
    const outletIds = new Set(index.reportsFor(claim.id).map((report) => report.outletId));
    const outlets = index.dataset.outlets.filter((outlet) => outletIds.has(outlet.id));
    return outlets.length > 0 ? [{ claim, outlets }] : [];
  });
}
