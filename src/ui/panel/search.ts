// Search over the whole dataset for the popup: by words (in the claim, its quoted variants and the
// outlets' excerpts), by who asserted it and by which outlet reported it. Pure: the index is
// built once per dataset and queried on every keystroke, so it stays fast on any page.

import type { DatasetIndex } from '../../dataset/indexed';
import type { Claim } from '../../dataset/types';
import { normalizeWords, stem } from '../../match/normalize';

/** What the reader asked for. */
export interface SearchQuery {
  text: string;
  actorId?: string; // only claims this actor asserted (or an actor speaking for it)
  outletId?: string; // only claims this outlet reported
}

/** One claim found, with how well it matched. */
export interface SearchHit {
  claim: Claim;
  score: number;
}

/** A prepared search over one dataset. */
export interface DatasetSearch {
  search(query: SearchQuery): SearchHit[];
}

// How much a query word counts by where it is found: the claim's own words first, then who
// said it, then the outlets' wording.
const WEIGHTS = { statement: 4, actor: 3, variant: 2, outlet: 2, excerpt: 1 } as const;
type Field = keyof typeof WEIGHTS;

interface Prepared {
  claim: Claim;
  order: number;
  fields: [Field, string[]][]; // stems per field
  actors: Set<string>;
  outlets: Set<string>;
}

function stems(text: string): string[] {
  return normalizeWords(text).map(stem);
}

/** Builds the search for `index`'s dataset. */
export function createSearch(index: DatasetIndex): DatasetSearch {
  const { dataset } = index;
  const prepared: Prepared[] = dataset.claims.map((claim, order) => {
    const reports = index.reportsFor(claim.id);
    const actorIds = new Set(claim.assertedBy);
    // "DHS" finds what its spokeswoman said on its behalf.
    for (const id of claim.assertedBy) {
      const speaksFor = index.actor(id)?.speaksFor;
      if (speaksFor) actorIds.add(speaksFor);
    }
    const actorWords = [...actorIds].flatMap((id) => {
      const actor = index.actor(id);
      return actor ? [actor.name, actor.role, ...actor.aliases] : [id];
    });
    const outletIds = new Set(reports.map((r) => r.outletId));
    const outletWords = [...outletIds].flatMap((id) => [index.outlet(id)?.name ?? id]);
    return {
      claim,
      order,
      fields: [
        ['statement', stems(`${claim.statement} ${claim.id.replace(/-/g, ' ')}`)],
        ['actor', stems(actorWords.join(' '))],
        ['variant', stems(claim.variants.map((v) => v.text).join(' '))],
        ['outlet', stems(outletWords.join(' '))],
        ['excerpt', stems(reports.map((r) => `${r.excerpt} ${r.loadedTerms.join(' ')}`).join(' '))],
      ],
      actors: actorIds,
      outlets: outletIds,
    };
  });

  return {
    search(query) {
      const words = stems(query.text);
      const hits: (SearchHit & { order: number })[] = [];
      for (const item of prepared) {
        if (query.actorId && !item.actors.has(query.actorId)) continue;
        if (query.outletId && !item.outlets.has(query.outletId)) continue;
        let score = 0;
        let all = true;
        for (const word of words) {
          // Prefix match on stems: "weapon" finds "weaponized", "frey" finds "Frey's".
          let best = 0;
          for (const [field, fieldStems] of item.fields) {
            if (WEIGHTS[field] > best && fieldStems.some((s) => s.startsWith(word))) best = WEIGHTS[field];
          }
          if (best === 0) {
            all = false;
            break;
          }
          score += best;
        }
        if (all) hits.push({ claim: item.claim, score, order: item.order });
      }
      hits.sort((a, b) => b.score - a.score || a.order - b.order);
      return hits.map(({ claim, score }) => ({ claim, score }));
    },
  };
}
