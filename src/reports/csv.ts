/**
 * CSV downloads (RFC 4180: comma-separated, CRLF line ends, quoted where needed) in UTF-8 with a
 * byte-order mark, so that Excel opens Kiswahili text correctly. Rows come from a generator that
 * reads the database a page at a time and are written as the client takes them: a million rows
 * neither time out nor fill memory.
 *
 * A cell a citizen wrote could begin with `=`, `+`, `-` or `@`, which a spreadsheet would run as
 * a formula (OWASP's "CSV injection"); such text cells are prefixed with an apostrophe. Numbers
 * are written as they are.
 */
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type { Response } from 'express';

export type CsvCell = string | number | null | undefined;

/** Pure. A cell as it is written: text that a spreadsheet would take for a formula is defused. */
export function csvCell(v: CsvCell): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

const options = (header: readonly string[]) => ({
  bom: true,
  header: true,
  columns: header.map((h) => ({ key: h, header: h })),
  record_delimiter: 'windows' as const,
  // A lone line feed is not the record delimiter, so csv-stringify would leave it unquoted.
  quoted_match: /[\r\n]/,
  cast: { number: (n: number) => String(n) },
});

/** The stringifier every streamed CSV goes through. */
export function csvStringifier(header: readonly string[]): Transform {
  return stringify(options(header));
}

/** A short table as CSV text, written the same way (`kero report --csv`). */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringifySync(
    rows.map((row) => record(header, row)),
    options(header),
  );
}

/** One row for the stringifier: the header's names as keys. */
function record(header: readonly string[], row: readonly CsvCell[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  header.forEach((h, i) => {
    out[h] = csvCell(row[i]);
  });
  return out;
}

/**
 * Rows as a stream of CSV text, read from `rows` only as fast as the stream is read. When the
 * stream is destroyed (its reader went away) the rows' generator is closed (its `finally`
 * blocks run) and nothing more is read. Made where the rows are read: in a read worker for the
 * console's exports (db/read-pool.ts).
 */
export function csvBody(header: readonly string[], rows: Iterable<readonly CsvCell[]>): Readable {
  function* records() {
    for (const row of rows) yield record(header, row);
  }
  const source = Readable.from(records());
  const out = csvStringifier(header);
  source.once('error', (err) => out.destroy(err));
  out.once('close', () => source.destroy());
  return source.pipe(out);
}

/** Writes rows as CSV to `out`, pulling them only as fast as `out` drains. */
export async function writeCsv(
  out: NodeJS.WritableStream,
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
): Promise<void> {
  await pipeline(csvBody(header, rows), out);
}

/** `name` made safe for a Content-Disposition file name. */
const fileName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '-');

/** Sends a CSV body (csvBody's, here or from a read worker) as a download named `name`. */
export async function sendCsv(
  res: Response,
  name: string,
  body: AsyncIterable<string | Uint8Array>,
): Promise<void> {
  res.status(200);
  res.set({
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName(name)}"`,
    'Cache-Control': 'no-store',
  });
  try {
    await pipeline(body, res);
  } catch (err) {
    // A client that hangs up mid-download is not an error of ours; anything else is.
    if ((err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw err;
  }
}
