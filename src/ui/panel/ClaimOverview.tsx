// What the dataset says about one claim, without any page: its kind and words, who asserted it,
// how each outlet reported it (tags, excerpt, link; "Not reported by" for the others) and the
// framing terms. The popup's search and history and the lookup card's "closest claims" show it.
// Its sections are the overlay card's own (ui/ClaimParts.tsx), so it reads the same in the popup
// and on a page.

import type { DatasetIndex } from '../../dataset/indexed';
import type { Claim } from '../../dataset/types';
import { AssertedBySection, FramingSection, KindTag, OutletsSection } from '../ClaimParts';
import type { ActorName } from '../labels';

/** Props of the claim overview. */
export interface ClaimOverviewProps {
  claim: Claim;
  index: DatasetIndex;
  /** The statement's heading level: 2 in a card, 3 inside a list of results. */
  level?: 2 | 3;
  /** Id for the statement heading, so a dialog or region can be labelled by it. */
  titleId?: string;
  /** Leave out the kind and statement when the caller already shows them (a search result). */
  bodyOnly?: boolean;
}

/** The dataset's account of one claim. */
export function ClaimOverview({ claim, index, level = 3, titleId, bodyOnly = false }: ClaimOverviewProps) {
  const actorName: ActorName = (id) => index.actor(id)?.name;
  const Title = level === 2 ? 'h2' : 'h3';
  const heading = level === 2 ? 'h3' : 'h4';
  return (
    <div class="sc-overview">
      {bodyOnly ? null : (
        <>
          <KindTag claim={claim} />
          <Title id={titleId} class="sc-title">
            {claim.statement}
          </Title>
        </>
      )}
      <AssertedBySection claim={claim} index={index} heading={heading} />
      {/* Unlike the card, every excerpt is shown (no folding) and each outlet's item is named. */}
      <OutletsSection claim={claim} index={index} actorName={actorName} heading={heading} nameItems />
      <FramingSection claim={claim} index={index} heading={heading} />
    </div>
  );
}
