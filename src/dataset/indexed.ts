// Lookups over a compiled dataset, built once so the engine and the UI can ask "which outlets
// carried this claim?" without scanning arrays on every highlight or card render.

import type { Actor, Claim, Dataset, Framing, Outlet, Report } from './types';

/** Read-only lookups over one compiled dataset; every map is built once by `indexDataset`. */
export interface DatasetIndex {
  readonly dataset: Dataset;
  claim(id: string): Claim | undefined;
  actor(id: string): Actor | undefined;
  outlet(id: string): Outlet | undefined;
  /** Every report of a claim, in dataset order (by seed, then position in the seed). */
  reportsFor(claimId: string): Report[];
  /** The reports one outlet made of one claim (several when it carried it more than once). */
  reportsBy(claimId: string, outletId: string): Report[];
  /** Outlets with no report of the claim, in dataset order: the UI's "not reported by". */
  outletsNotReporting(claimId: string): Outlet[];
  /** Framing entries that list the claim. */
  framingFor(claimId: string): Framing[];
  /** "Tricia McLaughlin, DHS spokeswoman"; the bare id when the actor is unknown. */
  actorLabel(actorId: string): string;
}

/** Builds the lookup maps of `dataset` once and returns the index that answers from them. */
export function indexDataset(dataset: Dataset): DatasetIndex {
  const claims = byId(dataset.claims);
  const actors = byId(dataset.actors);
  const outlets = byId(dataset.outlets);

  const reportsByClaim = new Map<string, Report[]>();
  for (const report of dataset.reports) {
    pushTo(reportsByClaim, report.claimId, report);
  }
  const framingByClaim = new Map<string, Framing[]>();
  for (const framing of dataset.framing) {
    for (const claimId of framing.claimIds) pushTo(framingByClaim, claimId, framing);
  }

  // Callers get fresh arrays so nothing they do can corrupt the shared maps.
  return {
    dataset,
    claim: (id) => claims.get(id),
    actor: (id) => actors.get(id),
    outlet: (id) => outlets.get(id),
    reportsFor: (claimId) => [...(reportsByClaim.get(claimId) ?? [])],
    reportsBy: (claimId, outletId) =>
      (reportsByClaim.get(claimId) ?? []).filter((report) => report.outletId === outletId),
    outletsNotReporting(claimId) {
      const reporting = new Set((reportsByClaim.get(claimId) ?? []).map((report) => report.outletId));
      return dataset.outlets.filter((outlet) => !reporting.has(outlet.id));
    },
    framingFor: (claimId) => [...(framingByClaim.get(claimId) ?? [])],
    actorLabel(actorId) {
      const actor = actors.get(actorId);
      if (!actor) return actorId;
      return actor.role ? `${actor.name}, ${actor.role}` : actor.name;
    },
  };
}

function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  return new Map(records.map((record) => [record.id, record]));
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
