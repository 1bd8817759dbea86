// What the dataset says about one claim, without any page: its kind and words, who asserted it,
// how each outlet reported it (tags, excerpt, link; "Not reported by" for the others) and the
// framing terms. The popup's search and history and the lookup card's "closest claims" show it.
// It uses only the classes of ui/styles.ts, so it looks the same in the popup and on a page.

import { useId } from 'preact/hooks';

import type { DatasetIndex } from '../../dataset/indexed';
import type { Claim, Outlet, Report } from '../../dataset/types';
import { Icon } from '../Icon';
import {
  KIND_DESCRIPTIONS,
  KIND_LABELS,
  UI_TEXT,
  notReportedBy,
  quotedList,
  reportTags,
  type ActorName,
} from '../labels';
import { safeHttpUrl } from '../text';

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
  const Sub = level === 2 ? 'h3' : 'h4';
  const framing = index.framingFor(claim.id);
  const outlets = index.dataset.outlets.map((outlet) => ({
    outlet,
    reports: index.reportsBy(claim.id, outlet.id),
  }));
  const ordered = [
    ...outlets.filter((o) => o.reports.length > 0),
    ...outlets.filter((o) => o.reports.length === 0),
  ];
  return (
    <div class="sc-overview">
      {bodyOnly ? null : (
        <>
          <p class="sc-kindrow">
            <span class={`sc-kind sc-kind--${claim.kind}`} title={KIND_DESCRIPTIONS[claim.kind]}>
              <span class="sc-sr">{UI_TEXT.kind} </span>
              {KIND_LABELS[claim.kind]}
            </span>
          </p>
          <Title id={titleId} class="sc-title">
            {claim.statement}
          </Title>
        </>
      )}
      <section class="sc-section">
        <Sub class="sc-section__title">{UI_TEXT.assertedBy}</Sub>
        <ul class="sc-actors">
          {claim.assertedBy.map((id) => (
            <li key={id}>{index.actorLabel(id)}</li>
          ))}
        </ul>
      </section>
      <section class="sc-section">
        <Sub class="sc-section__title">{UI_TEXT.outlets}</Sub>
        <ul class="sc-outlets">
          {ordered.map(({ outlet, reports }) => (
            <OutletEntry key={outlet.id} outlet={outlet} reports={reports} actorName={actorName} />
          ))}
        </ul>
      </section>
      {framing.length > 0 ? (
        <section class="sc-section">
          <Sub class="sc-section__title">{UI_TEXT.framing}</Sub>
          {framing.map((entry) => (
            <table key={entry.id} class="sc-framing">
              <caption>{entry.referent}</caption>
              <thead>
                <tr>
                  <th scope="col">{UI_TEXT.framingOutlet}</th>
                  <th scope="col">{UI_TEXT.framingWords}</th>
                </tr>
              </thead>
              <tbody>
                {entry.byOutlet.map((term) => (
                  <tr key={term.outletId}>
                    <th scope="row">{index.outlet(term.outletId)?.name ?? term.outletId}</th>
                    <td>
                      {quotedList(term.terms)}
                      {term.note ? <span class="sc-framing__note">{term.note}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </section>
      ) : null}
    </div>
  );
}

function OutletEntry({
  outlet,
  reports,
  actorName,
}: {
  outlet: Outlet;
  reports: Report[];
  actorName: ActorName;
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
  return (
    <li class="sc-outlet" aria-labelledby={headId}>
      <div class="sc-outlet__head">
        <span id={headId} class="sc-outlet__name">
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
      {reports.map((report) => {
        const tags = reportTags(report, actorName);
        return (
          <div key={report.id} class="sc-report">
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
            <blockquote class="sc-excerpt" cite={href}>
              {report.excerpt}
            </blockquote>
            {report.loadedTerms.length > 0 ? (
              <p class="sc-loaded">
                <span class="sc-loaded__label">{UI_TEXT.loadedTerms}</span> {quotedList(report.loadedTerms)}
              </p>
            ) : null}
          </div>
        );
      })}
    </li>
  );
}
