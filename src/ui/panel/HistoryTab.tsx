// The panel's history of lookups: what was looked up, on which page, when, and the claims it
// matched (each opens in the search tab). The reader can remove one lookup or clear them all;
// clearing everything asks once more, in place.

import { useId, useRef, useState } from 'preact/hooks';

import type { DatasetIndex } from '../../dataset/indexed';
import type { HistoryEntry, HistoryView } from '../../messages';
import { IconButton } from '../Icon';
import { snippet } from '../text';
import { PANEL_TEXT, hostOf, whenText } from './text';

/** Props of the history tab. */
export interface HistoryTabProps {
  /** Undefined while loading. */
  history?: HistoryView;
  index: DatasetIndex;
  /** Remove entry `id`, or all entries. */
  onClear(id?: number): void;
  onOpenClaim(claimId: string): void;
  now(): number;
}

// Characters of the looked-up text shown per entry.
const TEXT_CHARS = 160;

/** The history tab. */
export function HistoryTab({ history, index, onClear, onOpenClaim, now }: HistoryTabProps) {
  const headId = `pn-history-${useId()}`;
  const [confirming, setConfirming] = useState(false);
  const clearRef = useRef<HTMLButtonElement>(null);
  const entries = history?.entries ?? [];
  const at = now();
  return (
    <section class="pn-history" aria-labelledby={headId} aria-busy={history === undefined}>
      <div class="pn-history__head">
        <h2 id={headId} class="pn-section__title">
          {PANEL_TEXT.historyHeading}
        </h2>
        {entries.length > 0 && !confirming ? (
          <button
            ref={clearRef}
            type="button"
            class="pn-button pn-button--small"
            onClick={() => setConfirming(true)}
          >
            {PANEL_TEXT.clearHistory}
          </button>
        ) : null}
      </div>
      {confirming ? (
        <div class="pn-confirm" role="group" aria-label={PANEL_TEXT.confirmClear}>
          <p>{PANEL_TEXT.confirmClear}</p>
          <button
            type="button"
            class="pn-button pn-button--small pn-button--danger"
            // Focus lands here so Enter confirms and Escape-free keyboard users can Tab to Cancel.
            ref={(el) => el?.focus()}
            onClick={() => {
              setConfirming(false);
              onClear();
            }}
          >
            {PANEL_TEXT.confirmClearYes}
          </button>
          <button
            type="button"
            class="pn-button pn-button--small pn-button--quiet"
            onClick={() => setConfirming(false)}
          >
            {PANEL_TEXT.cancel}
          </button>
        </div>
      ) : null}
      <p class="pn-muted">{PANEL_TEXT.historyIntro}</p>
      {history === undefined ? (
        <p class="pn-muted" role="status">
          Loading…
        </p>
      ) : entries.length === 0 ? (
        <p class="pn-empty">{PANEL_TEXT.historyEmpty}</p>
      ) : (
        <ul class="pn-entries">
          {entries.map((entry) => (
            <Entry
              key={entry.id}
              entry={entry}
              index={index}
              at={at}
              onRemove={() => onClear(entry.id)}
              onOpenClaim={onOpenClaim}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function Entry({
  entry,
  index,
  at,
  onRemove,
  onOpenClaim,
}: {
  entry: HistoryEntry;
  index: DatasetIndex;
  at: number;
  onRemove(): void;
  onOpenClaim(claimId: string): void;
}) {
  const current = entry.datasetVersion === index.dataset.version;
  const known = entry.claimIds.flatMap((id) => {
    const claim = index.claim(id);
    return claim ? [claim] : [];
  });
  return (
    <li class="pn-entry">
      <blockquote class="pn-entry__text">{snippet(entry.text, TEXT_CHARS)}</blockquote>
      <p class="pn-entry__page" title={entry.url}>
        {entry.title.trim() || hostOf(entry.url)}
      </p>
      <p class="pn-muted">
        {hostOf(entry.url)} ·{' '}
        <time dateTime={new Date(entry.time).toISOString()}>{whenText(entry.time, at)}</time>
      </p>
      {known.length > 0 ? (
        <div class="pn-entry__claims">
          <span class="pn-claim__label">{PANEL_TEXT.matched}:</span>
          <ul>
            {known.map((claim) => (
              <li key={claim.id}>
                <button type="button" class="sc-link pn-entry__claim" onClick={() => onOpenClaim(claim.id)}>
                  {snippet(claim.statement, 90)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p class="pn-muted">{PANEL_TEXT.nothingMatched}</p>
      )}
      {!current ? (
        <p class="pn-muted">{`${PANEL_TEXT.olderDataset} (${entry.datasetVersion || '?'})`}</p>
      ) : null}
      <IconButton
        icon="close"
        size={14}
        label={PANEL_TEXT.removeEntry}
        class="pn-entry__remove"
        onClick={onRemove}
      />
    </li>
  );
}
