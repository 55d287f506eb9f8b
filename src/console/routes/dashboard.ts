/**
 * GET /console/dashboard and GET /console/dashboard.csv?table=…, as read jobs
 * (src/console/pages/dashboard.ts). Office times still missing are stored here first, on the
 * main thread: the read jobs never write.
 */
import { Router, type RequestHandler } from 'express';
import { sendCsv } from '../../reports/csv';
import { settleWorkTimes } from '../../reports/work-times';
import type { ConsoleDeps } from '../deps';
import type { ConsoleReads } from '../reads';
import { abortOnClose, pageOf, readPage } from './respond';

export function dashboardRoutes(deps: ConsoleDeps, reads: ConsoleReads): Router {
  const router = Router();
  // The seam until office times are kept by a background job (issue 17): one probe of a partial
  // index when nothing is missing, as before every dashboard read.
  const settled: RequestHandler = (_req, _res, next) => {
    settleWorkTimes(deps.db, deps.hours);
    next();
  };
  router.get('/dashboard', settled, readPage(reads, 'dashboard'));
  router.get('/dashboard.csv', settled, async (req, res) => {
    const csv = await reads.stream('dashboardCsv', pageOf(req, res), abortOnClose(res));
    await sendCsv(res, csv.head.name, csv.body);
  });
  return router;
}
