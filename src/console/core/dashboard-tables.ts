/**
 * The dashboard's tables as data: headings, raw cells, the kind of each column and each figure's
 * queue link. The page draws them and the CSV downloads write them, so both always say the same.
 * Pure.
 */
import type { Dashboard, Row } from '../../reports/dashboard';
import { publicRow } from '../../reports/core/dashboard';
import { trendWeek, type DashboardPeriod } from '../../reports/core/dashboard-period';
import type { ReferenceData } from '../../reference/types';
import { formatDate, startOfTanzanianDay } from '../../text/calendar';
import { codeLabel } from '../../text/labels';
import type { Lang } from '../../text/translate';
import { queueHref, type LinkFilters, type QueueTab } from './dashboard-links';
import { t, type WordKey } from './words';

export const TABLES = ['area', 'category', 'channel', 'ratings', 'trend', 'staff'] as const;
export type TableId = (typeof TABLES)[number];

export type Kind = 'text' | 'count' | 'pct' | 'avg' | 'rate' | 'hours';
export type Cell = string | number | null;

export interface TableRow {
  cells: Cell[];
  /** The queue link of each cell, where it has one. */
  links: (string | undefined)[];
}

export interface Table {
  id: TableId;
  title: string;
  columns: { label: string; kind: Kind }[];
  rows: TableRow[];
}

export interface TableContext {
  lang: Lang;
  period: DashboardPeriod;
  reference: ReferenceData;
  /** Filters every queue link carries (headquarters looking at one region: that region). */
  base: LinkFilters;
  /** The dashboard of one area, for the area names (a region's, a council's). */
  areaHref?: (code: string) => string;
  /** The names of a council's wards by code, for its dashboard by ward. */
  wardNames?: ReadonlyMap<string, string>;
}

const col = (lang: Lang, key: WordKey, kind: Kind) => ({ label: t(key, lang), kind });

function breakdownTable(
  c: TableContext,
  id: 'area' | 'category' | 'channel',
  title: string,
  rows: readonly Row[],
  label: (key: string) => string,
  /** The queue filters of a row's figures (undefined: the queue cannot show them, no links). */
  filters: (key: string) => LinkFilters | undefined,
  withRate: boolean,
): Table {
  const { lang, period } = c;
  const heads: [WordKey, Kind][] = [
    [
      id === 'area'
        ? 'dash.col.area'
        : id === 'category'
          ? 'dash.col.category'
          : 'dash.col.channel',
      'text',
    ],
    ['dash.received', 'count'],
    ['dash.resolved', 'count'],
    ['dash.open', 'count'],
    ['dash.unattended', 'count'],
    ['dash.firstResponseSla', 'pct'],
    ['dash.resolutionSla', 'pct'],
    ['dash.reopenRate', 'pct'],
    ['dash.rating', 'avg'],
    ...(withRate ? [['dash.per10k', 'rate'] as [WordKey, Kind]] : []),
  ];
  const tabs: (QueueTab | undefined)[] = [undefined, 'open', 'resolved', 'open', 'unassigned'];
  return {
    id,
    title,
    columns: heads.map(([k, kind]) => col(lang, k, kind)),
    rows: rows.map((r) => {
      const f = r.figures;
      const cells: Cell[] = [
        label(r.key),
        f.received,
        f.resolved,
        f.open,
        f.unattended,
        f.firstResponseSla,
        f.resolutionSla,
        f.reopenRate,
        f.ratingAverage,
        ...(withRate ? [r.per10k ?? null] : []),
      ];
      const rowFilters = filters(r.key);
      const links = cells.map((_, i) => {
        const tab = tabs[i];
        if (i === 0) return c.areaHref && id === 'area' ? c.areaHref(r.key) : undefined;
        return tab && rowFilters ? queueHref(tab, period, { ...c.base, ...rowFilters }) : undefined;
      });
      return { cells, links };
    }),
  };
}

/** Every table of the dashboard, in page order. */
export function dashboardTables(d: Dashboard, c: TableContext): Table[] {
  const { lang, period, reference } = c;
  const areaLabel = (code: string) => {
    switch (d.area) {
      case 'region':
        return reference.regions.find((r) => r.code === code)?.label[lang] ?? code;
      case 'council':
        return reference.councilLabels.get(code)?.[lang] ?? code;
      case 'ward':
        return code === '' ? t('dash.noWard', lang) : (c.wardNames?.get(code) ?? code);
    }
  };
  // The queue has no filter for "no ward": that row's figures are not links.
  const areaFilters = (k: string): LinkFilters | undefined =>
    d.area === 'region'
      ? { region: k }
      : d.area === 'council'
        ? { council: k }
        : k === ''
          ? undefined
          : { ward: k };
  const tables: Table[] = [
    breakdownTable(
      c,
      'area',
      t(`dash.byArea.${d.area}`, lang),
      d.byArea,
      areaLabel,
      areaFilters,
      // No population figures below the council.
      d.area !== 'ward',
    ),
    breakdownTable(
      c,
      'category',
      t('dash.byCategory', lang),
      d.byCategory,
      (k) => codeLabel('category', k, lang),
      (k) => ({ category: k }),
      false,
    ),
    breakdownTable(
      c,
      'channel',
      t('dash.byChannel', lang),
      d.byChannel,
      (k) => (['ussd', 'sms', 'call', 'demo'].includes(k) ? t(`channel.${k as 'ussd'}`, lang) : k),
      (k) => ({ channel: k }),
      false,
    ),
    {
      id: 'ratings',
      title: t('dash.ratings', lang),
      columns: [col(lang, 'dash.col.stars', 'text'), col(lang, 'dash.col.count', 'count')],
      rows: d.totals.ratings.map((n, i) => ({
        cells: [t('dash.ratingStars', lang, { n: i + 1 }), n],
        links: [undefined, queueHref('resolved', period, c.base)],
      })),
    },
    {
      id: 'trend',
      title: t('dash.trend', lang),
      columns: [
        col(lang, 'dash.week', 'text'),
        col(lang, 'dash.received', 'count'),
        col(lang, 'dash.resolved', 'count'),
      ],
      rows: d.trend.received.map((received, i) => {
        const w = trendWeek(period, i);
        const day = (s: string) => formatDate(startOfTanzanianDay(s) ?? 0);
        return {
          cells: [
            t('dash.weekOf', lang, { from: day(w.fromDate), to: day(w.toDate) }),
            received,
            d.trend.resolved[i] ?? 0,
          ],
          links: [undefined, queueHref('open', w, c.base), queueHref('resolved', w, c.base)],
        };
      }),
    },
  ];
  if (d.staff.length > 0) {
    tables.push({
      id: 'staff',
      title: t('dash.staff', lang),
      columns: [
        col(lang, 'dash.col.name', 'text'),
        col(lang, 'dash.col.assigned', 'count'),
        col(lang, 'dash.col.replied', 'count'),
        col(lang, 'dash.col.resolved', 'count'),
        col(lang, 'dash.col.medianFirst', 'hours'),
      ],
      rows: d.staff.map((s) => ({
        cells: [s.name, s.assigned, s.replied, s.resolved, s.medianFirstResponse],
        links: [],
      })),
    });
  }
  return tables;
}

/** The breakdowns (by area, category, channel) may be published: in their public form. */
export const PUBLIC_TABLES: readonly TableId[] = ['area', 'category', 'channel'];

/** Pure. A breakdown table as published: small cells "<5", their shares left out. */
export function publicTable(table: Table): Table {
  const counts = table.columns.flatMap((c, i) => (c.kind === 'count' ? [i] : []));
  return {
    ...table,
    rows: table.rows.map((r) => ({
      cells: publicRow(r.cells, typeof r.cells[1] === 'number' ? r.cells[1] : 0, counts),
      links: [],
    })),
  };
}
