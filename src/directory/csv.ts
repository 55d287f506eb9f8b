/**
 * CSV files of staff, read with csv-parse (RFC 4180: quoted fields may hold commas, quotes and
 * line breaks). Blank lines are skipped; each row keeps the line it starts on, for messages.
 */
import { parse } from 'csv-parse/sync';

export interface CsvRow {
  line: number;
  cells: string[];
}

export type CsvResult = { ok: true; rows: CsvRow[] } | { ok: false; error: string };

const newlines = (s: string) => s.split('\n').length - 1;

/** Rows of `text` with the line each starts on, or why the text is not CSV. */
export function parseCsv(text: string): CsvResult {
  try {
    const records = parse(text, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const rows = records
      .filter(({ record }) => record.some((cell) => cell.trim() !== ''))
      .map(({ record, info }) => ({
        // csv-parse counts the line a record ends on; a quoted line break moves it down.
        line: info.lines - record.reduce((n, cell) => n + newlines(cell), 0),
        cells: record,
      }));
    return { ok: true, rows };
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    return { ok: false, error: `line ${e.lines ?? '?'}: ${e.message ?? String(err)}` };
  }
}
