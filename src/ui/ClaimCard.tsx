// The overlay card for one passage of a page: which dataset claim(s) it states, who asserted them,
// how this page carries them, how each outlet reported them, where the page's quote differs from
// what an outlet printed, and the words each outlet chose. Props in, callbacks out: the content
// script's controller owns placement, page listeners and the shadow root (STYLE.md, adder.tsx vs
// AdderToolbar.tsx). Every page or dataset string is rendered as a JSX text child, never as markup.

import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

import type { DatasetIndex } from '../dataset/indexed';
import type { Claim, Framing, Outlet, Report } from '../dataset/types';
import type { ClaimMatch, DiffOp, QuoteComparison } from '../match/types';
import { Icon } from './Icon';
import {
  KIND_DESCRIPTIONS,
  KIND_LABELS,
  UI_TEXT,
  comparedWith,
  describeCarriage,
  diffLegend,
  diffSummary,
  moreExcerpts,
  multiClaimTitle,
  notReportedBy,
  positionText,
  quotedList,
  reportTags,
  sameWordsAs,
  unknownClaimNotice,
  whyLinked,
  type ActorName,
  type CarriageCue,
} from './labels';
import { uniqueClaims } from './passages';
import type { Theme } from './styles';
import { safeHttpUrl, snippet } from './text';

/** Where the card puts keyboard focus when it mounts. */
export type CardInitialFocus = 'dialog' | 'close' | 'none';

/** Props of the overlay card for one passage. */
export interface ClaimCardProps {
  /** The matches of ONE passage (one per claim it states; duplicates of a claim are merged). */
  matches: readonly ClaimMatch[];
  index: DatasetIndex;
  /** Close was pressed, or Escape inside the card. */
  onClose(): void;
  /** Go to the previous / next linked passage; the button is disabled when absent. */
  onPrev?: () => void;
  onNext?: () => void;
  /** 1-based position of this passage among the page's linked passages ("3 of 12"). */
  position?: { current: number; total: number };
  /** Focus on mount: the dialog itself (default), its close button, or leave focus alone. */
  initialFocus?: CardInitialFocus;
  /** 'auto' (default) follows prefers-color-scheme; the caller may match the page instead. */
  theme?: Theme;
}

// Excerpts shown per outlet before the rest fold into a disclosure.
const VISIBLE_EXCERPTS = 2;
// Tab labels are the claim statement, cut to this many characters.
const TAB_LABEL_CHARS = 44;

/** The overlay card: a labelled, non-modal dialog for one passage. */
export function ClaimCard(props: ClaimCardProps) {
  const {
    matches,
    index,
    onClose,
    onPrev,
    onNext,
    position,
    initialFocus = 'dialog',
    theme = 'auto',
  } = props;
  const baseId = `sc-card-${useId()}`;
  const titleId = `${baseId}-title`;
  const dialogRef = useRef<HTMLElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  const { known, unknown } = useMemo(() => resolveClaims(matches, index), [matches, index]);
  const claimKey = known.map((entry) => entry.claim.id).join('|');
  const [active, setActive] = useState(0);
  // A new passage starts on its first claim.
  useEffect(() => setActive(0), [claimKey]);
  const activeIndex = Math.min(active, Math.max(known.length - 1, 0));

  // Layout effect: focus lands in the same frame the card appears, so no early keystroke is lost.
  useLayoutEffect(() => {
    const target =
      initialFocus === 'dialog' ? dialogRef.current : initialFocus === 'close' ? closeRef.current : null;
    target?.focus({ preventScroll: true });
    // Only on mount: later renders (tab switches, new passages) must not steal focus.
  }, []);

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>): void => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  const actorName: ActorName = (id) => index.actor(id)?.name;
  const single = known.length === 1 ? known[0] : undefined;

  return (
    <section
      ref={dialogRef}
      class="sc-root sc-card"
      data-theme={theme}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header class="sc-card__bar">
        <span class="sc-brand">
          <Icon name="logo" />
          {UI_TEXT.brand}
        </span>
        {position || onPrev || onNext ? (
          <div class="sc-nav" role="group" aria-label={UI_TEXT.linkedPassages}>
            <button
              type="button"
              class="sc-icon-btn"
              aria-label={UI_TEXT.previous}
              disabled={!onPrev}
              onClick={() => onPrev?.()}
            >
              <Icon name="prev" />
            </button>
            {position ? (
              <span class="sc-nav__pos">
                <span class="sc-sr">{UI_TEXT.passage} </span>
                {positionText(position.current, position.total)}
              </span>
            ) : null}
            <button
              type="button"
              class="sc-icon-btn"
              aria-label={UI_TEXT.next}
              disabled={!onNext}
              onClick={() => onNext?.()}
            >
              <Icon name="next" />
            </button>
          </div>
        ) : null}
        <button
          ref={closeRef}
          type="button"
          class="sc-icon-btn sc-close"
          aria-label={UI_TEXT.close}
          onClick={onClose}
        >
          <Icon name="close" />
        </button>
      </header>

      <div class="sc-card__body">
        {known.length === 0 ? (
          <h2 id={titleId} class="sc-title">
            {UI_TEXT.unknownClaimTitle}
          </h2>
        ) : single ? (
          <>
            <KindTag claim={single.claim} />
            <h2 id={titleId} class="sc-title">
              {single.claim.statement}
            </h2>
            <ClaimDetails entry={single} index={index} actorName={actorName} />
          </>
        ) : (
          <MultiClaim
            entries={known}
            active={activeIndex}
            onActivate={setActive}
            baseId={baseId}
            titleId={titleId}
            index={index}
            actorName={actorName}
          />
        )}
        {unknown.map((claimId) => (
          <p key={claimId} class="sc-notice" role="note">
            {unknownClaimNotice(claimId)}
          </p>
        ))}
      </div>
    </section>
  );
}

interface ResolvedClaim {
  claim: Claim;
  match: ClaimMatch;
}

function resolveClaims(
  matches: readonly ClaimMatch[],
  index: DatasetIndex,
): { known: ResolvedClaim[]; unknown: string[] } {
  const known: ResolvedClaim[] = [];
  const unknown: string[] = [];
  for (const match of uniqueClaims(matches)) {
    const claim = index.claim(match.claimId);
    if (claim) known.push({ claim, match });
    else unknown.push(match.claimId);
  }
  return { known, unknown };
}

function KindTag({ claim }: { claim: Claim }) {
  return (
    <p class="sc-kindrow">
      <span class={`sc-kind sc-kind--${claim.kind}`} title={KIND_DESCRIPTIONS[claim.kind]}>
        <span class="sc-sr">{UI_TEXT.kind} </span>
        {KIND_LABELS[claim.kind]}
      </span>
    </p>
  );
}

interface MultiClaimProps {
  entries: ResolvedClaim[];
  active: number;
  onActivate(i: number): void;
  baseId: string;
  titleId: string;
  index: DatasetIndex;
  actorName: ActorName;
}

// WAI-ARIA tabs with automatic activation: arrows move and select, Home/End jump, one tab stop.
function MultiClaim({ entries, active, onActivate, baseId, titleId, index, actorName }: MultiClaimProps) {
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const entry = entries[active];
  const select = (i: number): void => {
    onActivate(i);
    tabRefs.current[i]?.focus();
  };
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>): void => {
    const last = entries.length - 1;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (active + 1) % entries.length
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (active - 1 + entries.length) % entries.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    select(next);
  };
  return (
    <>
      <h2 id={titleId} class="sc-title sc-title--multi">
        {multiClaimTitle(entries.length)}
      </h2>
      <div class="sc-tabs" role="tablist" aria-label={UI_TEXT.claimsTabs} onKeyDown={onKeyDown}>
        {entries.map((item, i) => (
          <button
            key={item.claim.id}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${i}`}
            class="sc-tab"
            aria-selected={i === active}
            aria-controls={`${baseId}-panel`}
            tabIndex={i === active ? 0 : -1}
            title={item.claim.statement}
            onClick={() => select(i)}
          >
            <span class="sc-tab__num" aria-hidden="true">
              {i + 1}
            </span>
            {snippet(item.claim.statement, TAB_LABEL_CHARS)}
          </button>
        ))}
      </div>
      {entry ? (
        <div
          class="sc-tabpanel"
          role="tabpanel"
          id={`${baseId}-panel`}
          aria-labelledby={`${baseId}-tab-${active}`}
          tabIndex={0}
        >
          <KindTag claim={entry.claim} />
          <p class="sc-statement">{entry.claim.statement}</p>
          <ClaimDetails entry={entry} index={index} actorName={actorName} />
        </div>
      ) : null}
    </>
  );
}

function ClaimDetails({
  entry,
  index,
  actorName,
}: {
  entry: ResolvedClaim;
  index: DatasetIndex;
  actorName: ActorName;
}) {
  const { claim, match } = entry;
  const differing = match.quoteComparisons.filter((comparison) => !comparison.identical);
  const identical = match.quoteComparisons.filter((comparison) => comparison.identical);
  const framing = index.framingFor(claim.id);
  return (
    <>
      <Section title={UI_TEXT.assertedBy}>
        <ul class="sc-actors">
          {claim.assertedBy.map((actorId) => (
            <li key={actorId}>{index.actorLabel(actorId)}</li>
          ))}
        </ul>
      </Section>

      <Section title={UI_TEXT.onThisPage}>
        <PageCarriage match={match} actorName={actorName} />
        {identical.map((comparison) => (
          <p key={comparison.outletId} class="sc-same">
            <Icon name="same" />
            {sameWordsAs(outletName(index, comparison.outletId))}
          </p>
        ))}
        <p class="sc-why">
          <span class="sc-why__label">{UI_TEXT.whyLinked}</span> {whyLinked(match.reason, match.detail)}
        </p>
      </Section>

      <Section title={UI_TEXT.outlets}>
        <ul class="sc-outlets">
          {outletsReportingFirst(index, claim.id).map(({ outlet, reports }) => (
            <OutletReports key={outlet.id} outlet={outlet} reports={reports} actorName={actorName} />
          ))}
        </ul>
      </Section>

      {differing.length > 0 ? (
        <Section title={UI_TEXT.quotedDifferently}>
          {differing.map((comparison) => (
            <QuoteDiff
              key={comparison.outletId}
              comparison={comparison}
              outlet={outletName(index, comparison.outletId)}
            />
          ))}
        </Section>
      ) : null}

      {framing.length > 0 ? (
        <Section title={UI_TEXT.framing}>
          {framing.map((entry) => (
            <FramingTable key={entry.id} framing={entry} index={index} />
          ))}
        </Section>
      ) : null}
    </>
  );
}

// Every outlet in the dataset, those that carried the claim first (in dataset order), so the
// "Not reported by" lines follow the excerpts instead of interrupting them.
function outletsReportingFirst(
  index: DatasetIndex,
  claimId: string,
): { outlet: Outlet; reports: Report[] }[] {
  const all = index.dataset.outlets.map((outlet) => ({
    outlet,
    reports: index.reportsBy(claimId, outlet.id),
  }));
  return [
    ...all.filter((entry) => entry.reports.length > 0),
    ...all.filter((entry) => entry.reports.length === 0),
  ];
}

function outletName(index: DatasetIndex, outletId: string): string {
  return index.outlet(outletId)?.name ?? outletId;
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="sc-section">
      <h3 class="sc-section__title">{title}</h3>
      {children}
    </section>
  );
}

function Cue({ cue }: { cue: CarriageCue }) {
  return (
    <li class={`sc-cue sc-cue--${cue.kind}`}>
      <Icon name={cue.kind} />
      <span>{cue.text}</span>
    </li>
  );
}

function PageCarriage({ match, actorName }: { match: ClaimMatch; actorName: ActorName }) {
  const { form, sourcing } = describeCarriage(match, actorName);
  return (
    <ul class="sc-cues">
      {sourcing.map((cue) => (
        <Cue key={cue.kind} cue={cue} />
      ))}
      {form ? <Cue cue={form} /> : null}
    </ul>
  );
}

function OutletReports({
  outlet,
  reports,
  actorName,
}: {
  outlet: Outlet;
  reports: Report[];
  actorName: ActorName;
}) {
  if (reports.length === 0) {
    return (
      <li class="sc-outlet sc-outlet--absent">
        <Icon name="absent" />
        <span>{notReportedBy(outlet.name)}</span>
      </li>
    );
  }
  const href = safeHttpUrl(outlet.url);
  const shown = reports.slice(0, VISIBLE_EXCERPTS);
  const folded = reports.slice(VISIBLE_EXCERPTS);
  return (
    <li class="sc-outlet">
      <div class="sc-outlet__head">
        <span class="sc-outlet__name">{outlet.name}</span>
        {href ? (
          <a class="sc-link" href={href} target="_blank" rel="noopener noreferrer">
            {UI_TEXT.openArticle}
            <span class="sc-sr">
              {' '}
              from {outlet.name}, {UI_TEXT.opensInNewTab}
            </span>
            <Icon name="external" size={14} />
          </a>
        ) : null}
      </div>
      {shown.map((report) => (
        <ReportExcerpt key={report.id} report={report} cite={href} actorName={actorName} />
      ))}
      {folded.length > 0 ? (
        <details class="sc-more">
          <summary>
            <Icon name="chevron-down" size={14} />
            {moreExcerpts(folded.length, outlet.name)}
          </summary>
          {folded.map((report) => (
            <ReportExcerpt key={report.id} report={report} cite={href} actorName={actorName} />
          ))}
        </details>
      ) : null}
    </li>
  );
}

function ReportExcerpt({ report, cite, actorName }: { report: Report; cite?: string; actorName: ActorName }) {
  const tags = reportTags(report, actorName);
  return (
    <div class="sc-report">
      {tags.length > 0 ? (
        <ul class="sc-tags">
          {tags.map((tag) => (
            <li key={tag.kind} class={`sc-tag sc-tag--${tag.kind}`}>
              <Icon name={tag.kind} size={12} />
              {tag.text}
            </li>
          ))}
        </ul>
      ) : null}
      <blockquote class="sc-excerpt" cite={cite}>
        {report.excerpt}
      </blockquote>
      {report.loadedTerms.length > 0 ? (
        <p class="sc-loaded">
          <span class="sc-loaded__label">{UI_TEXT.loadedTerms}</span> {quotedList(report.loadedTerms)}
        </p>
      ) : null}
    </div>
  );
}

function QuoteDiff({ comparison, outlet }: { comparison: QuoteComparison; outlet: string }) {
  const legend = diffLegend(outlet);
  // Named explicitly: not every browser and test DOM derives a figure's name from its figcaption.
  const headId = `sc-diff-${useId()}`;
  return (
    <figure class="sc-diff" aria-labelledby={headId}>
      <figcaption id={headId} class="sc-diff__head">
        {comparedWith(outlet)}
      </figcaption>
      <p class="sc-diff__summary">{diffSummary(comparison.ops, outlet)}</p>
      <p class="sc-diff__text">
        {comparison.ops.map((op, i) => (
          <DiffWord key={i} op={op} last={i === comparison.ops.length - 1} />
        ))}
      </p>
      <p class="sc-legend" aria-hidden="true">
        <span>
          <ins>
            <span class="sc-mark">+</span>underlined
          </ins>{' '}
          {legend.ins}
        </span>
        <span>
          <del>
            <span class="sc-mark">−</span>struck
          </del>{' '}
          {legend.del}
        </span>
      </p>
    </figure>
  );
}

// Screen readers rarely announce <ins>/<del>, so each edit also carries hidden words saying what
// it is; sighted readers get underline vs strike-through and a +/− mark, not colour alone.
function DiffWord({ op, last }: { op: DiffOp; last: boolean }) {
  const text = op.text.trim();
  if (text === '') return null;
  const gap = last ? '' : ' ';
  if (op.op === 'same') return <>{text + gap}</>;
  if (op.op === 'added') {
    return (
      <>
        <ins class="sc-ins">
          <span class="sc-mark" aria-hidden="true">
            +
          </span>
          <span class="sc-sr">[{UI_TEXT.pageAdds} </span>
          {text}
          <span class="sc-sr">]</span>
        </ins>
        {gap}
      </>
    );
  }
  return (
    <>
      <del class="sc-del">
        <span class="sc-mark" aria-hidden="true">
          −
        </span>
        <span class="sc-sr">[{UI_TEXT.outletPrinted} </span>
        {text}
        <span class="sc-sr">]</span>
      </del>
      {gap}
    </>
  );
}

function FramingTable({ framing, index }: { framing: Framing; index: DatasetIndex }) {
  return (
    <table class="sc-framing">
      <caption>{framing.referent}</caption>
      <thead>
        <tr>
          <th scope="col">{UI_TEXT.framingOutlet}</th>
          <th scope="col">{UI_TEXT.framingWords}</th>
        </tr>
      </thead>
      <tbody>
        {framing.byOutlet.map((term) => (
          <tr key={term.outletId}>
            <th scope="row">{outletName(index, term.outletId)}</th>
            <td>
              {quotedList(term.terms)}
              {term.note ? <span class="sc-framing__note">{term.note}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
