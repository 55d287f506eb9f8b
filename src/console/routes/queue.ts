/**
 * GET /console: the queue, and GET /console/queue.csv, as read jobs (src/console/pages/queue.ts).
 * POST /console/assign-many: a supervisor assigns the selected rows.
 */
import { Router } from 'express';
import { assignComplaintTo } from '../../complaints/actions';
import { sendCsv } from '../../reports/csv';
import { t } from '../core/words';
import { fields, field, viewerOf, type ConsoleDeps } from '../deps';
import { assignableOf, queuePageOf } from '../pages/queue';
import type { ConsoleReads } from '../reads';
import { consoleActions } from './frame';
import { abortOnClose, pageOf, readPage, sendPage } from './respond';

export function queueRoutes(deps: ConsoleDeps, reads: ConsoleReads): Router {
  const router = Router();
  router.get('/', readPage(reads, 'queue'));

  // The queue as it is filtered, every page of it, as a spreadsheet.
  router.get('/queue.csv', async (req, res) => {
    const csv = await reads.stream('queueCsv', pageOf(req, res), abortOnClose(res));
    await sendCsv(res, csv.head.name, csv.body);
  });

  router.post('/assign-many', (req, res) => {
    const v = viewerOf(res);
    const back = field(req, 'back').startsWith('/console') ? field(req, 'back') : '/console';
    const numbers = fields(req, 'numbers');
    const staffId = Number(field(req, 'staffId'));
    const search = new URL(back, 'http://console').searchParams;
    const region = search.get('region') ?? undefined;
    const to = assignableOf(deps, v, region).find((s) => s.id === staffId);
    if (numbers.length === 0 || !to) {
      // The queue the form was on, from its address.
      const query: Record<string, string> = {};
      for (const [k, value] of search) query[k] ??= value;
      const error = t('queue.bulk.none', v.lang);
      sendPage(res, queuePageOf(deps, { ...pageOf(req, res), query }, { error }));
      return;
    }
    const actions = consoleActions(deps);
    const done = numbers.filter(
      (n) => assignComplaintTo(actions, v.staff.id, n, staffId).ok,
    ).length;
    const sep = back.includes('?') ? '&' : '?';
    res.redirect(303, `${back}${sep}done=assigned&n=${done}&to=${staffId}`);
  });
  return router;
}
