// Plain-text formatting shared by the eval, scan and bench reports.

/** A fixed-point number, or "–" when there is none. */
export function fixed(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
}

/** Text cut to `max` characters on one line, with an ellipsis when cut. */
export function trimText(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * Rows as an aligned table. Columns after the first are right-aligned (numbers) unless `align`
 * says otherwise for a column.
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('left' | 'right')[] = [],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const left = (i: number): boolean => (align[i] ?? (i === 0 ? 'left' : 'right')) === 'left';
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (left(i) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
