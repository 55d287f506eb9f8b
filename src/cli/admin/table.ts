/**
 * Plain aligned text tables for the terminal. Pure: rows of strings in, lines out.
 */

export interface Column {
  header: string;
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right';
}

const width = (s: string) => [...s].length;

function pad(s: string, n: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, n - width(s)));
  return align === 'right' ? fill + s : s + fill;
}

/**
 * Pure. Header, a dashed rule, the rows, and (when given) another rule and a footer row
 * such as a total; columns two spaces apart, no trailing spaces.
 */
export function formatTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  footer?: readonly string[],
): string[] {
  const all = [columns.map((c) => c.header), ...rows, ...(footer ? [footer] : [])];
  const widths = columns.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => pad(cells[i] ?? '', widths[i] ?? 0, c.align ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [
    line(columns.map((c) => c.header)),
    rule,
    ...rows.map(line),
    ...(footer ? [rule, line(footer)] : []),
  ];
}
