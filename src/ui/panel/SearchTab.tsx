// The panel's search over the whole dataset: words, who asserted a claim, which outlet reported
// it. Works on any page, even where no script can run. Each result is an accordion heading
// (WAI-ARIA) that expands in place into the dataset's account of the claim.

import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';

import type { DatasetIndex } from '../../dataset/indexed';
import { Icon } from '../Icon';
import { KIND_LABELS } from '../labels';
import { ClaimOverview } from './ClaimOverview';
import type { DatasetSearch } from './search';
import { PANEL_TEXT, resultCount } from './text';

/** Props of the search tab. */
export interface SearchTabProps {
  index: DatasetIndex;
  search: DatasetSearch;
  /** A claim to show expanded and scrolled to (chosen elsewhere in the panel). */
  openClaimId?: string;
}

/** The search tab. */
export function SearchTab({ index, search, openClaimId }: SearchTabProps) {
  const baseId = `pn-search-${useId()}`;
  const [text, setText] = useState('');
  const [actorId, setActorId] = useState('');
  const [outletId, setOutletId] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set(openClaimId ? [openClaimId] : []));
  const openRef = useRef<HTMLButtonElement | null>(null);

  const hits = useMemo(
    () =>
      search.search({
        text,
        ...(actorId ? { actorId } : {}),
        ...(outletId ? { outletId } : {}),
      }),
    [search, text, actorId, outletId],
  );

  // A claim chosen elsewhere in the panel opens here with focus on it. Otherwise focus stays on
  // the tab, so arrow keys keep moving between tabs.
  useEffect(() => {
    if (!openClaimId) return;
    setExpanded((old) => new Set([...old, openClaimId]));
    openRef.current?.scrollIntoView?.({ block: 'start' });
    openRef.current?.focus({ preventScroll: true });
  }, [openClaimId]);

  const toggle = (id: string): void =>
    setExpanded((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  // Actors who asserted at least one claim, so every choice finds something.
  const actors = index.dataset.actors.filter((actor) =>
    index.dataset.claims.some(
      (claim) =>
        claim.assertedBy.includes(actor.id) ||
        claim.assertedBy.some((id) => index.actor(id)?.speaksFor === actor.id),
    ),
  );

  return (
    <section class="pn-search" aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`} class="pn-section__title">
        {PANEL_TEXT.searchHeading}
      </h2>
      <form role="search" class="pn-search__form" onSubmit={(event) => event.preventDefault()}>
        <div class="pn-search__box">
          <label class="pn-sr" for={`${baseId}-q`}>
            {PANEL_TEXT.searchLabel}
          </label>
          <input
            id={`${baseId}-q`}
            class="pn-input"
            type="search"
            placeholder={PANEL_TEXT.searchPlaceholder}
            autocomplete="off"
            spellcheck={false}
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </div>
        <div class="pn-search__filters">
          <label class="pn-field">
            <span class="pn-field__label">{PANEL_TEXT.searchActor}</span>
            <select
              class="pn-select"
              value={actorId}
              onChange={(event) => setActorId(event.currentTarget.value)}
            >
              <option value="">{PANEL_TEXT.anyone}</option>
              {actors.map((actor) => (
                <option key={actor.id} value={actor.id}>
                  {actor.name}
                </option>
              ))}
            </select>
          </label>
          <label class="pn-field">
            <span class="pn-field__label">{PANEL_TEXT.searchOutlet}</span>
            <select
              class="pn-select"
              value={outletId}
              onChange={(event) => setOutletId(event.currentTarget.value)}
            >
              <option value="">{PANEL_TEXT.anyOutlet}</option>
              {index.dataset.outlets.map((outlet) => (
                <option key={outlet.id} value={outlet.id}>
                  {outlet.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </form>
      <p class="pn-muted pn-search__status" role="status" aria-live="polite">
        {resultCount(hits.length)}
      </p>
      {hits.length === 0 ? <p class="pn-muted">{PANEL_TEXT.noResults}</p> : null}
      <ul class="pn-results">
        {hits.map(({ claim }) => {
          const open = expanded.has(claim.id);
          const regionId = `${baseId}-r-${claim.id}`;
          return (
            <li key={claim.id} class="pn-result">
              <h3 class="pn-result__head">
                <button
                  ref={claim.id === openClaimId ? openRef : undefined}
                  type="button"
                  class="pn-result__toggle"
                  aria-expanded={open}
                  aria-controls={open ? regionId : undefined}
                  onClick={() => toggle(claim.id)}
                >
                  <Icon name="chevron-down" size={14} />
                  <span class="pn-result__text">
                    <span class="pn-result__statement">{claim.statement}</span>
                    <span class="pn-result__meta">
                      {KIND_LABELS[claim.kind]} ·{' '}
                      {claim.assertedBy.map((id) => index.actor(id)?.name ?? id).join(', ')}
                    </span>
                  </span>
                </button>
              </h3>
              {open ? (
                <div id={regionId} class="pn-result__body">
                  <ClaimOverview claim={claim} index={index} level={3} bodyOnly />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p class="pn-muted pn-hint">{PANEL_TEXT.searchHint}</p>
    </section>
  );
}
