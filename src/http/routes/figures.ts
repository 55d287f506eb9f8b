/**
 * GET /figures and /figures.csv: the public figures (issue 21 part 4). Per region (the country's
 * page) or per council (`region=CODE`) over the last 30, 90 or 365 days (`period`), in Kiswahili
 * or English (`lang`, as /status): received, resolved, share resolved on time, median office
 * hours to a first response, of the published categories only, published as the dashboard's
 * publication CSVs are (src/figures/core/figures.ts). Each region's figures are counted on a
 * read worker and kept in memory for five minutes (src/figures/cache.ts), so a page is served
 * from memory; the page says when they were counted. A bad address is answered 400 with what is
 * wrong; every read worker busy, 503 with Retry-After; FIGURES_REQUESTS_PER_MINUTE from one
 * client (TRUST_PROXY's), then 429.
 */
import { Router, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { Db } from '../../../db/client';
import { inThread, ReadsBusy, type Reads } from '../../../db/reads';
import { keptAnswers } from '../../figures/cache';
import {
  countryTable,
  regionTable,
  type FiguresTable,
  type RegionCounts,
} from '../../figures/core/figures';
import {
  FIGURES_DAYS,
  parseFiguresQuery,
  PRESET_OF,
  type FiguresQuery,
} from '../../figures/core/query';
import { figuresCsv } from '../../figures/csv';
import { figuresJobs, type FiguresJobs } from '../../figures/reads';
import { figuresPage, type FiguresView } from '../../figures/view';
import { sayFigures, type FiguresWord } from '../../figures/words';
import { publicCategories } from '../../open311/georeport';
import type { ReferenceData } from '../../reference/types';
import { dashboardPeriod, type DashboardPeriod } from '../../reports/core/dashboard-period';
import type { Lang } from '../../text/translate';
import { langOf } from './status';

export interface FiguresDeps {
  db: Db;
  reference: ReferenceData;
  now: () => number;
  logger: Logger;
  /** Requests a minute from one client (default FIGURES_REQUESTS_PER_MINUTE; the bench's more). */
  perMinute?: number;
  /**
   * Hears the function that keeps every region's figures of the three periods counted (the
   * server calls it each minute once it listens: src/server.ts), so that no reader waits for a
   * count, not even the first after five quiet minutes or after midnight.
   */
  onWarm?: (warm: () => Promise<void>) => void;
}

export const FIGURES_REQUESTS_PER_MINUTE = 60;
/** How long counted figures are served. */
export const FIGURES_KEEP_MS = 5 * 60_000;
/** From this age on they are counted again in the background while still served. */
export const FIGURES_REFRESH_MS = 4 * 60_000;

/** No script at all; the console's stylesheet and icon; never framed. */
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

type Base = Omit<FiguresView, 'table' | 'problem'>;

function baseOf(deps: FiguresDeps, lang: Lang, query: FiguresQuery, now: number): Base {
  const ref = deps.reference;
  const { period } = dashboardPeriod({ period: PRESET_OF[query.days] }, now);
  const regionName = (code: string) => ref.regions.find((r) => r.code === code)?.label[lang];
  const scope = query.region
    ? sayFigures(lang, 'region', { name: regionName(query.region) ?? query.region })
    : sayFigures(lang, 'country');
  const areaName = (code: string) =>
    regionName(code) ?? ref.councilLabels.get(code)?.[lang] ?? code;
  return { lang, query, period, scope, areaName };
}

function headers(res: Response, lang: Lang, status: number): Response {
  return res
    .status(status)
    .set('Cache-Control', status === 200 ? 'public, max-age=60' : 'no-store')
    .set('Content-Security-Policy', CSP)
    .set('X-Content-Type-Options', 'nosniff')
    .set('Referrer-Policy', 'no-referrer')
    .set('Content-Language', lang)
    .set('Vary', 'Accept-Language');
}

/** A refusal: the page with what is wrong, or the same words as text for the CSV. */
function refuse(res: Response, csv: boolean, status: number, base: Base, problem: FiguresWord) {
  const r = headers(res, base.lang, status);
  if (csv) r.type('text/plain; charset=utf-8').send(sayFigures(base.lang, problem));
  else r.type('html').send(figuresPage({ ...base, problem }));
}

export function figuresRouter(
  deps: FiguresDeps,
  reads: Reads<FiguresJobs> = inThread(figuresJobs, deps),
): Router {
  const kept = keptAnswers<RegionCounts>({
    ttlMs: FIGURES_KEEP_MS,
    refreshAfterMs: FIGURES_REFRESH_MS,
    now: deps.now,
    onBackgroundError: (err) => deps.logger.warn({ err }, 'figures: counting again failed'),
  });

  /** A region's counts over `period`: kept, or counted on a read worker. */
  function countsOf(period: DashboardPeriod, region: string): Promise<RegionCounts> {
    // Headquarters may unpublish a category: figures counted with it are not reused.
    const categories = publicCategories(deps.reference).codes;
    return kept.get(`${period.from} ${region} ${categories.join(',')}`, () =>
      reads.ask('region', { region, from: period.from, until: period.until, categories }),
    );
  }

  // Each region of each period asked for in turn, as a reader would: kept ones cost a map
  // read, ones near their end are counted again behind, missing or expired ones now.
  deps.onWarm?.(async () => {
    for (const days of FIGURES_DAYS) {
      const { period } = dashboardPeriod({ period: PRESET_OF[days] }, deps.now());
      for (const r of deps.reference.regions) await countsOf(period, r.code);
    }
  });

  async function tableOf(query: FiguresQuery, period: DashboardPeriod): Promise<FiguresTable> {
    const ref = deps.reference;
    const counts = (region: string) => countsOf(period, region);
    if (query.region) {
      const councils = (ref.councilsByRegion.get(query.region) ?? []).map((c) => c.code);
      return regionTable(await counts(query.region), councils);
    }
    const regions: RegionCounts[] = [];
    // One region at a time: other readers' jobs run between them.
    for (const r of ref.regions) regions.push(await counts(r.code));
    return countryTable(
      regions,
      ref.pickerRegions.map((r) => r.code),
    );
  }

  const answer = (csv: boolean) => async (req: Request, res: Response) => {
    const lang = langOf(req);
    const parsed = parseFiguresQuery(
      req.query,
      deps.reference.regions.map((r) => r.code),
    );
    const base = baseOf(deps, lang, parsed.query, deps.now());
    if (!parsed.ok) {
      return refuse(res, csv, 400, base, parsed.problem === 'period' ? 'badPeriod' : 'badRegion');
    }
    let table: FiguresTable;
    try {
      table = await tableOf(base.query, base.period);
    } catch (err) {
      if (!(err instanceof ReadsBusy)) throw err;
      res.set('Retry-After', String(err.retryAfterSeconds));
      return refuse(res, csv, 503, base, 'serverBusy');
    }
    if (!csv)
      return headers(res, lang, 200)
        .type('html')
        .send(figuresPage({ ...base, table }));
    const file = figuresCsv({ ...base, table });
    headers(res, lang, 200)
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${file.name}"`)
      .send(file.text);
  };

  const router = Router();
  const limit = rateLimit({
    windowMs: 60_000,
    limit: deps.perMinute ?? FIGURES_REQUESTS_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      const lang = langOf(req);
      const query: FiguresQuery = { days: 30, region: undefined };
      refuse(res, req.path.endsWith('.csv'), 429, baseOf(deps, lang, query, deps.now()), 'busy');
    },
  });
  // One limit for the page and its CSV together.
  router.get(['/figures', '/figures.csv'], limit);
  router.get('/figures', answer(false));
  router.get('/figures.csv', answer(true));
  return router;
}
