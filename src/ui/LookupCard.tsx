// The card for a right-click (or shortcut) lookup of a selection. When the selection states
// dataset claims it is the overlay card itself (ClaimCard), its tabs in rank order, best first, so
// a lookup reads exactly like a highlighted passage. When nothing matches it says so plainly and
// offers the closest claims, each opening the dataset's account of it in the same card.
// Props in, callbacks out: the content script's controller anchors it to the selection.

import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';

import type { DatasetIndex } from '../dataset/indexed';
import type { LookupResult } from '../messages';
import { CardFrame } from './CardFrame';
import { ClaimCard } from './ClaimCard';
import { Icon } from './Icon';
import { ClaimOverview } from './panel/ClaimOverview';
import { PANEL_TEXT } from './panel/text';
import type { Theme } from './styles';
import { snippet } from './text';

/** Props of the lookup card. */
export interface LookupCardProps {
  result: LookupResult;
  index: DatasetIndex;
  onClose(): void;
  /** 'auto' (default) follows prefers-color-scheme. */
  theme?: Theme;
}

// Characters of the selection quoted at the top of the "nothing matches" card.
const SELECTION_CHARS = 160;
// Closest claims offered when nothing matches.
const CLOSEST_SHOWN = 5;

/** The lookup card: the claim card for a match, or "nothing matches" with the closest claims. */
export function LookupCard({ result, index, onClose, theme = 'auto' }: LookupCardProps) {
  if (result.matches.length > 0) {
    return <ClaimCard matches={result.matches} index={index} onClose={onClose} theme={theme} />;
  }
  return <NoMatchCard result={result} index={index} onClose={onClose} theme={theme} />;
}

function NoMatchCard({ result, index, onClose, theme = 'auto' }: LookupCardProps) {
  const titleId = `sc-lookup-${useId()}`;
  const backRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [open, setOpen] = useState<string | undefined>(undefined);
  const lastOpened = useRef<number | undefined>(undefined);

  // Score 0 means "no words in common": offering such claims as "closest" would mislead.
  const closest = result.closest
    .filter((ranked) => ranked.score > 0)
    .flatMap((ranked) => {
      const claim = index.claim(ranked.claimId);
      return claim ? [{ ranked, claim }] : [];
    })
    .slice(0, CLOSEST_SHOWN);
  const openClaim = open === undefined ? undefined : index.claim(open);

  // Moving between the list and a claim keeps focus where the reader is.
  useLayoutEffect(() => {
    if (openClaim) backRef.current?.focus({ preventScroll: true });
    else if (lastOpened.current !== undefined)
      itemRefs.current[lastOpened.current]?.focus({ preventScroll: true });
  }, [open]);

  const empty = result.text.trim() === '';
  return (
    <CardFrame
      titleId={titleId}
      brand={PANEL_TEXT.lookupBrand}
      onClose={onClose}
      onEscape={() => (openClaim ? setOpen(undefined) : onClose())}
      theme={theme}
    >
      {empty ? (
        <>
          <h2 id={titleId} class="sc-title">
            {PANEL_TEXT.lookupEmptyTitle}
          </h2>
          <p class="sc-why">{PANEL_TEXT.lookupEmpty}</p>
        </>
      ) : openClaim ? (
        <>
          <button ref={backRef} type="button" class="sc-link" onClick={() => setOpen(undefined)}>
            <Icon name="prev" size={14} />
            {PANEL_TEXT.backToClosest}
          </button>
          <div class="sc-section">
            <ClaimOverview claim={openClaim} index={index} level={2} titleId={titleId} />
          </div>
        </>
      ) : (
        <>
          <h2 id={titleId} class="sc-title">
            {PANEL_TEXT.lookupNothing}
          </h2>
          <section class="sc-section">
            <h3 class="sc-section__title">{PANEL_TEXT.lookupSelection}</h3>
            <blockquote class="sc-excerpt">{snippet(result.text, SELECTION_CHARS)}</blockquote>
          </section>
          <section class="sc-section">
            <h3 class="sc-section__title" id={`${titleId}-closest`}>
              {PANEL_TEXT.lookupClosest}
            </h3>
            {closest.length === 0 ? (
              <p class="sc-why">{PANEL_TEXT.lookupNoneClose}</p>
            ) : (
              <ul class="sc-list sc-closest" aria-labelledby={`${titleId}-closest`}>
                {closest.map(({ ranked, claim }, i) => (
                  <li key={claim.id}>
                    <button
                      ref={(el) => {
                        itemRefs.current[i] = el;
                      }}
                      type="button"
                      class="sc-item"
                      onClick={() => {
                        lastOpened.current = i;
                        setOpen(claim.id);
                      }}
                    >
                      <span class="sc-item__claim">{claim.statement}</span>
                      <span class="sc-item__how">{ranked.detail}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </CardFrame>
  );
}
