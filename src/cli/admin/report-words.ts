/**
 * The words of `kero report` in Kiswahili and English: column headers, the title line, the SMS
 * line. Pure. Statuses as columns agree with the plural *malalamiko* (ya-: yamepokelewa).
 */
import type { Lang } from '../../text/translate';

export interface ReportWords {
  region: string;
  category: string;
  regionName: string;
  categoryName: string;
  received: string;
  assigned: string;
  inProgress: string;
  resolved: string;
  closed: string;
  total: string;
  medianResponse: string;
  medianResolution: string;
  breaches: string;
  totalRow: string;
  none: string;
  /** The title: complaints filed in `period`, in `where`. */
  title: (period: string, where: string) => string;
  period: (from: string | null, to: string | null) => string;
  allRegions: string;
  oneRegion: (name: string, code: string) => string;
  sms: (month: string, parts: number) => string;
  budget: (budget: number, percent: number) => string;
  noBudget: string;
}

export const reportWords: Record<Lang, ReportWords> = {
  en: {
    region: 'region',
    category: 'category',
    regionName: 'region name',
    categoryName: 'category name',
    received: 'received',
    assigned: 'assigned',
    inProgress: 'in progress',
    resolved: 'resolved',
    closed: 'closed',
    total: 'total',
    medianResponse: 'median response h',
    medianResolution: 'median resolution h',
    breaches: 'SLA breaches',
    totalRow: 'TOTAL',
    none: 'No complaints.',
    title: (period, where) => `Complaints filed ${period} (Tanzanian time), ${where}`,
    period: (from, to) =>
      from && to
        ? `from ${from} to ${to}`
        : from
          ? `from ${from}`
          : to
            ? `up to ${to}`
            : 'all time',
    allRegions: 'all regions',
    oneRegion: (name, code) => `region ${name} (${code})`,
    sms: (month, parts) => `SMS sent in ${month} (Tanzanian time): ${parts} parts`,
    budget: (budget, percent) => ` of a budget of ${budget} (${percent}%)`,
    noBudget: ' (no SMS_MONTHLY_BUDGET)',
  },
  sw: {
    region: 'mkoa',
    category: 'aina',
    regionName: 'jina la mkoa',
    categoryName: 'jina la aina',
    received: 'yamepokelewa',
    assigned: 'yamepangiwa',
    inProgress: 'yanashughulikiwa',
    resolved: 'yametatuliwa',
    closed: 'yamefungwa',
    total: 'jumla',
    medianResponse: 'saa hadi mrejesho (kati)',
    medianResolution: 'saa hadi kutatuliwa (kati)',
    breaches: 'muda umepitwa',
    totalRow: 'JUMLA',
    none: 'Hakuna malalamiko.',
    title: (period, where) => `Malalamiko yaliyowasilishwa ${period} (saa za Tanzania), ${where}`,
    period: (from, to) =>
      from && to
        ? `kuanzia ${from} hadi ${to}`
        : from
          ? `kuanzia ${from}`
          : to
            ? `hadi ${to}`
            : 'tangu mwanzo',
    allRegions: 'mikoa yote',
    oneRegion: (name, code) => `mkoa wa ${name} (${code})`,
    sms: (month, parts) => `SMS zilizotumwa mwezi ${month} (saa za Tanzania): sehemu ${parts}`,
    budget: (budget, percent) => ` kati ya bajeti ya ${budget} (${percent}%)`,
    noBudget: ' (hakuna SMS_MONTHLY_BUDGET)',
  },
};
