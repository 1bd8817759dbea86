// The coverage table: one row per claim on the page, one column for the page and one per outlet
// in the dataset, each cell saying how the claim was carried there (attributed, hedged or as
// fact, then quote or paraphrase) or "Not reported". A real table with row and column headers, so
// a screen reader can read any cell with its claim and outlet. Cells are words without icons: at
// popup width every pixel of a column goes to the label.

import type { DatasetIndex } from '../../dataset/indexed';
import { snippet } from '../text';
import type { CellCarriage, CoverageRow } from './coverage';
import { PANEL_TEXT } from './text';

/** Props of the coverage table. */
export interface CoverageTableProps {
  rows: readonly CoverageRow[];
  index: DatasetIndex;
}

// Claim statements in the row headers are cut to this many characters (the full text is in the
// claims list, under the same number).
const CLAIM_CHARS = 50;

/** An outlet's name as a column header: without a leading "The", which only costs width. */
export function columnName(name: string): string {
  return name.replace(/^The\s+/i, '');
}

/** The coverage table. */
export function CoverageTable({ rows, index }: CoverageTableProps) {
  const outlets = index.dataset.outlets;
  return (
    <div class="pn-table-wrap">
      <table class="pn-coverage">
        <caption class="pn-sr">{PANEL_TEXT.coverageCaption}</caption>
        <colgroup>
          <col class="pn-coverage__claim-col" />
          <col span={outlets.length + 1} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{PANEL_TEXT.coverageClaim}</th>
            <th scope="col" class="pn-coverage__page">
              {PANEL_TEXT.coveragePage}
            </th>
            {outlets.map((outlet) => (
              <th key={outlet.id} scope="col" title={outlet.name}>
                {columnName(outlet.name)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.claimId}>
              <th scope="row" title={row.claim?.statement}>
                <span class="pn-num" aria-hidden="true">
                  {row.number}
                </span>
                {snippet(row.claim?.statement ?? row.claimId, CLAIM_CHARS)}
              </th>
              <td class="pn-coverage__page">
                <Cell cell={row.page} />
              </td>
              {row.outlets.map(({ outlet, cell }) => (
                <td key={outlet.id}>
                  <Cell cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ cell }: { cell?: CellCarriage }) {
  if (!cell) {
    return <span class="pn-absent">{PANEL_TEXT.notReported}</span>;
  }
  return (
    <span class="pn-cell">
      {cell.sourcing.map((tag, i) => (
        <span key={tag.kind} class={`pn-cell__tag pn-cell__tag--${tag.kind}`}>
          {i > 0 ? <span class="pn-sr">, </span> : null}
          {tag.text}
        </span>
      ))}
      {cell.form ? (
        <span class="pn-cell__form">
          <span class="pn-sr">, </span>
          {cell.form.text}
        </span>
      ) : null}
    </span>
  );
}
