// The parts of a claim's account that the overlay card (ClaimCard) and the panel's overview
// (panel/ClaimOverview) both show: the kind tag, who asserted it, how each outlet reported it and
// the framing table. One copy, so the page and the popup cannot drift apart in what they say or how
// a screen reader hears it. Every dataset string is rendered as a JSX text child, never as markup.

import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

import type { DatasetIndex } from '../dataset/indexed';
import type { Claim, Framing, Outlet, Report } from '../dataset/types';
import { Icon } from './Icon';
import {
  KIND_DESCRIPTIONS,
  KIND_LABELS,
  UI_TEXT,
  moreExcerpts,
  notReportedBy,
  quotedList,
  reportTags,
  type ActorName,
} from './labels';
import { safeHttpUrl } from './text';

/** The heading element of a section: h3 in the card, h4 where the claim itself is an h3 (a result list). */
export type SectionHeading = 'h3' | 'h4';

/** A titled section of a claim's account. */
export function Section({
  title,
  heading: Heading = 'h3',
  children,
}: {
  title: string;
  heading?: SectionHeading;
  children: ComponentChildren;
}) {
  return (
    <section class="sc-section">
      <Heading class="sc-section__title">{title}</Heading>
      {children}
    </section>
  );
}

/** The claim's kind (quote, official account, ...) as a labelled tag, its description on hover. */
export function KindTag({ claim }: { claim: Claim }) {
  return (
    <p class="sc-kindrow">
      <span class={`sc-kind sc-kind--${claim.kind}`} title={KIND_DESCRIPTIONS[claim.kind]}>
        <span class="sc-sr">{UI_TEXT.kind} </span>
        {KIND_LABELS[claim.kind]}
      </span>
    </p>
  );
}

/** Props every claim section takes. */
export interface ClaimSectionProps {
  claim: Claim;
  index: DatasetIndex;
  heading?: SectionHeading;
}

/** The "Asserted by" section: every actor the dataset says made the claim. */
export function AssertedBySection({ claim, index, heading }: ClaimSectionProps) {
  return (
    <Section title={UI_TEXT.assertedBy} heading={heading}>
      <ul class="sc-actors">
        {claim.assertedBy.map((actorId) => (
          <li key={actorId}>{index.actorLabel(actorId)}</li>
        ))}
      </ul>
    </Section>
  );
}

/** Props of the outlets section. */
export interface OutletsSectionProps extends ClaimSectionProps {
  actorName: ActorName;
  /** Excerpts shown per outlet before the rest fold into a disclosure; all shown when absent. */
  foldAfter?: number;
  /** Name each outlet's list item by the outlet, for lists a reader browses item by item. */
  nameItems?: boolean;
}

/** The "How outlets reported it" section: each outlet's excerpts, then the outlets that did not. */
export function OutletsSection({
  claim,
  index,
  actorName,
  heading,
  foldAfter,
  nameItems = false,
}: OutletsSectionProps) {
  return (
    <Section title={UI_TEXT.outlets} heading={heading}>
      <ul class="sc-outlets">
        {outletsReportingFirst(index, claim.id).map(({ outlet, reports }) => (
          <OutletReports
            key={outlet.id}
            outlet={outlet}
            reports={reports}
            actorName={actorName}
            foldAfter={foldAfter}
            nameItem={nameItems}
          />
        ))}
      </ul>
    </Section>
  );
}

/** The "Words each outlet chose" section, or nothing when the dataset has no framing for the claim. */
export function FramingSection({ claim, index, heading }: ClaimSectionProps) {
  const framing = index.framingFor(claim.id);
  if (framing.length === 0) return null;
  return (
    <Section title={UI_TEXT.framing} heading={heading}>
      {framing.map((entry) => (
        <FramingTable key={entry.id} framing={entry} index={index} />
      ))}
    </Section>
  );
}

/** An outlet's display name; the bare id when the dataset does not know the outlet. */
export function outletName(index: DatasetIndex, outletId: string): string {
  return index.outlet(outletId)?.name ?? outletId;
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

function OutletReports({
  outlet,
  reports,
  actorName,
  foldAfter = Infinity,
  nameItem,
}: {
  outlet: Outlet;
  reports: Report[];
  actorName: ActorName;
  foldAfter?: number;
  nameItem: boolean;
}) {
  const headId = `sc-outlet-${useId()}`;
  if (reports.length === 0) {
    return (
      <li class="sc-outlet sc-outlet--absent">
        <Icon name="absent" />
        <span>{notReportedBy(outlet.name)}</span>
      </li>
    );
  }
  const href = safeHttpUrl(outlet.url);
  const shown = reports.slice(0, foldAfter);
  const folded = reports.slice(foldAfter);
  return (
    <li class="sc-outlet" aria-labelledby={nameItem ? headId : undefined}>
      <div class="sc-outlet__head">
        <span id={nameItem ? headId : undefined} class="sc-outlet__name">
          {outlet.name}
        </span>
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
