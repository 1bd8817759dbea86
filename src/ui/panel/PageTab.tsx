// The panel's "This page" tab: whether the page is about the incident and why, the claims it
// states (each passage with "Show on page"), the coverage table against every outlet, and the
// claims the page leaves out. Or, where no script can run, why not.

import { useId, useMemo } from 'preact/hooks';

import type { DatasetIndex } from '../../dataset/indexed';
import type { Evidence } from '../../match/types';
import type { PageSummary, SettingsChange, SettingsView } from '../../messages';
import { Icon } from '../Icon';
import {
  KIND_DESCRIPTIONS,
  KIND_LABELS,
  UI_TEXT,
  carriageSentence,
  unknownClaimNotice,
  type ActorName,
} from '../labels';
import { snippet } from '../text';
import { CoverageTable } from './CoverageTable';
import { claimsOnPage, coverageRows, leftOutClaims, type ClaimOnPage } from './coverage';
import { Note } from './Note';
import {
  PANEL_TEXT,
  UNAVAILABLE_TEXT,
  confidenceText,
  evidenceText,
  pageHeadline,
  pageSubline,
  partialText,
  passageName,
} from './text';
import type { PageState } from './types';

/** Props of the page tab. */
export interface PageTabProps {
  page: PageState;
  index: DatasetIndex;
  settings?: SettingsView;
  onShowPassage(index: number): void;
  onOpenPassage(index: number): void;
  onOpenClaim(claimId: string): void;
  onChange(change: SettingsChange): void;
  /** Go to the search tab. */
  onSearch(): void;
  welcome?: boolean;
}

// Page text shown per passage, and evidence items listed before the rest fold away.
const PASSAGE_CHARS = 180;
const EVIDENCE_SHOWN = 8;

/** The "This page" tab. */
export function PageTab(props: PageTabProps) {
  const { page } = props;
  switch (page.kind) {
    case 'none':
      return (
        <p class="pn-muted">
          {PANEL_TEXT.shortcutHint}{' '}
          <button type="button" class="sc-link" onClick={props.onSearch}>
            {PANEL_TEXT.searchHeading}
          </button>
        </p>
      );
    case 'loading':
      return (
        <p class="pn-muted" role="status">
          {PANEL_TEXT.loading}
        </p>
      );
    case 'unavailable':
      return (
        <>
          <Note title={PANEL_TEXT.unavailableTitle} tone="warning">
            <p>{UNAVAILABLE_TEXT[page.unavailable.reason]}</p>
            {page.unavailable.reason === 'unknown' && page.unavailable.detail ? (
              <p class="pn-muted pn-detail">{page.unavailable.detail}</p>
            ) : null}
          </Note>
          <p class="pn-actions">
            <button type="button" class="pn-button" onClick={props.onSearch}>
              {PANEL_TEXT.searchHeading}
            </button>
          </p>
        </>
      );
    case 'ready':
      return <Summary {...props} summary={page.summary} />;
  }
}

function Summary(props: PageTabProps & { summary: PageSummary }) {
  const { summary, index, settings } = props;
  const headId = `pn-status-${useId()}`;
  const claims = useMemo(() => claimsOnPage(summary.passages, index), [summary, index]);
  const actorName: ActorName = (id) => index.actor(id)?.name;
  const linked = summary.state === 'linked' && claims.length > 0;
  const tone = summary.state === 'linked' ? 'about' : summary.state === 'unrelated' ? 'unrelated' : 'other';
  return (
    <>
      <section class={`pn-status pn-status--${tone}`} aria-labelledby={headId}>
        <h2 id={headId} class="pn-status__title">
          {pageHeadline(summary)}
        </h2>
        <p class="pn-status__line">{pageSubline(summary, claims.length)}</p>
        {summary.state === 'paused' ? <PausedActions settings={settings} onChange={props.onChange} /> : null}
        {summary.state === 'linked' || summary.state === 'unrelated' ? (
          <Why evidence={summary.evidence} score={summary.score} about={summary.about} />
        ) : null}
        {summary.state === 'unrelated' ? (
          <p class="pn-actions">
            <button type="button" class="pn-button" onClick={props.onSearch}>
              {PANEL_TEXT.searchHeading}
            </button>
          </p>
        ) : null}
      </section>

      {summary.partial ? (
        <Note title={PANEL_TEXT.partialTitle}>
          <p>{partialText(summary)}</p>
        </Note>
      ) : summary.note && summary.state === 'stopped' ? (
        <Note title={pageHeadline(summary)}>
          <p>{summary.note}</p>
        </Note>
      ) : null}

      {linked ? (
        <>
          <section class="pn-section" aria-labelledby={`${headId}-coverage`}>
            <h2 id={`${headId}-coverage`} class="pn-section__title">
              {PANEL_TEXT.coverageHeading}
            </h2>
            <CoverageTable rows={coverageRows(claims, index, actorName)} index={index} />
          </section>
          <ClaimsList {...props} claims={claims} index={index} actorName={actorName} />
          <LeftOut claims={claims} index={index} onOpenClaim={props.onOpenClaim} />
        </>
      ) : null}
    </>
  );
}

function PausedActions({
  settings,
  onChange,
}: {
  settings?: SettingsView;
  onChange(change: SettingsChange): void;
}) {
  if (!settings) return null;
  return (
    <p class="pn-actions">
      {settings.sitePaused && settings.site ? (
        <button
          type="button"
          class="pn-button pn-button--primary"
          onClick={() => onChange({ kind: 'site-pause', site: settings.site!, paused: false })}
        >
          {`Resume on ${settings.site}`}
        </button>
      ) : null}
      {settings.globalPause ? (
        <button
          type="button"
          class="pn-button pn-button--primary"
          onClick={() => onChange({ kind: 'global-pause', paused: false })}
        >
          Resume everywhere
        </button>
      ) : null}
    </p>
  );
}

function Why({ evidence, score, about }: { evidence: Evidence[]; score: number; about: boolean }) {
  // The same label can be found twice (a name and its abbreviation): list it once.
  const unique = evidence.filter(
    (e, i) => evidence.findIndex((o) => o.label === e.label && o.kind === e.kind) === i,
  );
  const signs = unique.filter((e) => e.kind !== 'against');
  const against = unique.filter((e) => e.kind === 'against');
  if (unique.length === 0) {
    return (
      <p class="pn-why__none">
        {about ? confidenceText(score) : 'No place, person or date of the incident appears on this page.'}
      </p>
    );
  }
  return (
    <div class="pn-why">
      <p class="pn-why__head">
        <span class="pn-why__label">{PANEL_TEXT.whyHeading}</span>{' '}
        <span class="pn-muted">{confidenceText(score)}</span>
      </p>
      {signs.length > 0 ? <EvidenceList title={PANEL_TEXT.evidenceFor} items={signs} kind="for" /> : null}
      {against.length > 0 ? (
        <EvidenceList title={PANEL_TEXT.evidenceAgainst} items={against} kind="against" />
      ) : null}
    </div>
  );
}

function EvidenceList({ title, items, kind }: { title: string; items: Evidence[]; kind: 'for' | 'against' }) {
  const id = `pn-ev-${useId()}`;
  const shown = items.slice(0, EVIDENCE_SHOWN);
  const more = items.length - shown.length;
  return (
    <>
      <h3 id={id} class="pn-sr">
        {title}
      </h3>
      <ul class={`pn-chips pn-chips--${kind}`} aria-labelledby={id}>
        {shown.map((item) => (
          <li key={`${item.kind}:${item.label}`} class={`pn-chip pn-chip--${item.kind}`}>
            <Icon name={kind === 'for' ? 'same' : 'absent'} size={12} />
            {evidenceText(item)}
          </li>
        ))}
        {more > 0 ? <li class="pn-chip pn-chip--more">{`+${more} more`}</li> : null}
      </ul>
    </>
  );
}

function ClaimsList(
  props: PageTabProps & { claims: ClaimOnPage[]; index: DatasetIndex; actorName: ActorName },
) {
  const { claims, index, actorName } = props;
  const headId = `pn-claims-${useId()}`;
  return (
    <section class="pn-section" aria-labelledby={headId}>
      <h2 id={headId} class="pn-section__title">
        {`${PANEL_TEXT.claimsHeading} (${claims.length})`}
      </h2>
      <ul class="pn-claims">
        {claims.map((entry, i) => (
          <li key={entry.claimId} class="pn-claim">
            {entry.claim ? (
              <>
                <p class="sc-kindrow">
                  <span class="pn-num" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span
                    class={`sc-kind sc-kind--${entry.claim.kind}`}
                    title={KIND_DESCRIPTIONS[entry.claim.kind]}
                  >
                    <span class="sc-sr">{UI_TEXT.kind} </span>
                    {KIND_LABELS[entry.claim.kind]}
                  </span>
                </p>
                <h3 class="pn-claim__title">{entry.claim.statement}</h3>
                <p class="pn-claim__actors">
                  <span class="pn-claim__label">{UI_TEXT.assertedBy}:</span>{' '}
                  {entry.claim.assertedBy.map((id) => index.actorLabel(id)).join('; ')}
                </p>
              </>
            ) : (
              <h3 class="pn-claim__title">{unknownClaimNotice(entry.claimId)}</h3>
            )}
            <ul class="pn-passages">
              {entry.passages.map((passage) => (
                <li key={passage.index} class="pn-passage">
                  <blockquote class="pn-passage__text">{snippet(passage.text, PASSAGE_CHARS)}</blockquote>
                  <p class="pn-passage__how">{carriageSentence(passage.match, actorName)}</p>
                  <p class="pn-passage__actions">
                    <button
                      type="button"
                      class="pn-button pn-button--small"
                      onClick={() => props.onShowPassage(passage.index)}
                    >
                      {PANEL_TEXT.showOnPage}
                      <span class="sc-sr">{`, ${passageName(passage.position)}`}</span>
                    </button>
                    <button
                      type="button"
                      class="pn-button pn-button--small pn-button--quiet"
                      onClick={() => props.onOpenPassage(passage.index)}
                    >
                      {PANEL_TEXT.openCard}
                      <span class="sc-sr">{`, ${passageName(passage.position)}`}</span>
                    </button>
                  </p>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LeftOut({
  claims,
  index,
  onOpenClaim,
}: {
  claims: ClaimOnPage[];
  index: DatasetIndex;
  onOpenClaim(claimId: string): void;
}) {
  const left = leftOutClaims(claims, index);
  if (left.length === 0) return null;
  return (
    <details class="pn-section pn-leftout">
      <summary class="pn-leftout__summary">
        <Icon name="chevron-down" size={14} />
        <span class="pn-section__title">{`${PANEL_TEXT.leftOutHeading} (${left.length})`}</span>
      </summary>
      <p class="pn-muted">{PANEL_TEXT.leftOutIntro}</p>
      <ul class="pn-leftout__list">
        {left.map(({ claim, outlets }) => (
          <li key={claim.id}>
            <button type="button" class="pn-leftout__item" onClick={() => onOpenClaim(claim.id)}>
              <span class="pn-leftout__claim">{claim.statement}</span>
              <span class="pn-muted">{`${PANEL_TEXT.reportedBy} ${outlets.map((o) => o.name).join(', ')}`}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
