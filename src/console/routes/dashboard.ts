/**
 * GET /console/dashboard and GET /console/dashboard.csv?table=…, as read jobs
 * (src/console/pages/dashboard.ts). They never write: office times older complaints lack are a
 * background job's (src/reports/work-times.ts), and the page says so until it has finished.
 */
import { Router } from 'express';
import { sendCsv } from '../../reports/csv';
import type { ConsoleReads } from '../reads';
import { abortOnClose, pageOf, readPage } from './respond';

export function dashboardRoutes(reads: ConsoleReads): Router {
  const router = Router();
  router.get('/dashboard', readPage(reads, 'dashboard'));
  router.get('/dashboard.csv', async (req, res) => {
    const csv = await reads.stream('dashboardCsv', pageOf(req, res), abortOnClose(res));
    await sendCsv(res, csv.head.name, csv.body);
  });
  return router;
}
