/**
 * Pure. The queue as a spreadsheet: one row per complaint, headed in the staff member's language,
 * names rather than codes, times as `YYYY-MM-DD HH:MM` Tanzanian time (Excel reads that as a date
 * and time). Never the citizen's phone: an export leaves the console's audit trail. The place as
 * typed, then the ward it was recognised as and that ward's postcode (empty when none).
 */
import { formatComplaintNumber } from '../../complaints/core/numbers';
import type { QueueRow } from '../../complaints/queue';
import type { Ward } from '../../reference/core/ward-list';
import type { CsvCell } from '../../reports/csv';
import type { ReferenceData } from '../../reference/types';
import { isoDateTime } from '../../text/calendar';
import { codeLabel } from '../../text/labels';
import type { Lang } from '../../text/translate';
import { t, tKey, type WordKey } from './words';

const HEADER: WordKey[] = [
  'queue.col.number',
  'complaint.filed',
  'complaint.category',
  'complaint.region',
  'complaint.council',
  'complaint.placeTyped',
  'export.ward',
  'export.postcode',
  'complaint.channel',
  'complaint.status',
  'complaint.assignee',
  'complaint.deadline',
  'export.firstResponse',
  'export.resolved',
  'complaint.rating',
  'complaint.description',
];

/** `2026-03-12 09:00`, Tanzanian time; empty for no time. */
export function csvTime(ms: number | null): string {
  return ms === null ? '' : isoDateTime(ms).slice(0, 16).replace('T', ' ');
}

export interface QueueCsvContext {
  lang: Lang;
  reference: ReferenceData;
  /** Every ward by its code (src/reference/wards.ts). */
  wards: ReadonlyMap<string, Pick<Ward, 'name' | 'postcode'>>;
  now: number;
}

export function queueCsv(
  rows: Iterable<QueueRow>,
  c: QueueCsvContext,
): { header: string[]; rows: Iterable<CsvCell[]> } {
  const regionNames = new Map(c.reference.regions.map((r) => [r.code, r.label[c.lang]]));
  const wardOf = (row: QueueRow) => (row.wardCode === null ? undefined : c.wards.get(row.wardCode));
  const named = (row: QueueRow): CsvCell[] => [
    formatComplaintNumber(row.number),
    csvTime(row.createdAt),
    codeLabel('category', row.categoryCode, c.lang),
    regionNames.get(row.regionCode) ?? row.regionCode,
    c.reference.councilLabels.get(row.councilCode)?.[c.lang] ?? row.councilCode,
    row.place ?? '',
    // A code the list no longer has is still written, as its code.
    row.wardCode === null ? '' : (wardOf(row)?.name ?? row.wardCode),
    wardOf(row)?.postcode ?? '',
    tKey(`channel.${row.channel}`, c.lang),
    codeLabel('status', row.status, c.lang),
    row.assigneeName ?? '',
    csvTime(row.dueAt),
    csvTime(row.firstResponseAt),
    csvTime(row.resolvedAt),
    row.rating,
    row.description,
  ];
  return {
    header: HEADER.map((k) => t(k, c.lang)),
    rows: (function* () {
      for (const row of rows) yield named(row);
    })(),
  };
}
