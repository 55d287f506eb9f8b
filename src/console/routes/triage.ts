/**
 * The triage tab's forms: POST /console/triage/:id/route (council and category: the SMS becomes
 * a complaint and goes on as any other) and POST /console/triage/:id/close (with a note the
 * citizen gets). GET /console/triage is a read job. Officers get 403; a complaint the viewer
 * does not triage, or one already settled, is a 404.
 */
import { Router, type Request, type Response } from 'express';
import { closeSmsFiling, routeSmsFiling, type FilingDeps } from '../../citizens/sms-filing';
import { findSmsFiling } from '../../citizens/sms-filings-repository';
import { sharedPlaces } from '../../reference/places';
import { formOf, viewerOf, type ConsoleDeps } from '../deps';
import { messageOf, notFoundOf } from '../page';
import { triagePageOf, triageRegionsOf, type TriageProblem } from '../pages/triage';
import type { ConsoleReads } from '../reads';
import { consoleActions } from './frame';
import { pageOf, readPage, sendPage } from './respond';

const FIELDS = ['council', 'category', 'note'] as const;
/** The longest note to the citizen: it goes out in their SMS. */
export const MAX_TRIAGE_NOTE = 160;

export function triageRoutes(deps: ConsoleDeps, reads: ConsoleReads): Router {
  const router = Router();
  const filingDeps: FilingDeps = {
    ...consoleActions(deps),
    filing: { places: sharedPlaces(), policy: deps.sla, serviceCode: deps.serviceCode },
  };

  router.use('/triage', (req, res, next) => {
    if (viewerOf(res).staff.role !== 'officer') {
      next();
      return;
    }
    sendPage(
      res,
      messageOf(pageOf(req, res), 403, 'triage', 'error.forbidden.title', 'error.forbidden.body'),
    );
  });

  router.get('/triage', readPage(reads, 'triage'));

  /** The waiting complaint the viewer triages, or undefined (a 404 is sent). */
  const waitingFor = (req: Request, res: Response) => {
    const id = Number(req.params.id);
    const f = Number.isSafeInteger(id) ? findSmsFiling(deps.db, id) : undefined;
    const regions = triageRegionsOf(viewerOf(res));
    const mine =
      f !== undefined &&
      f.status === 'waiting' &&
      (regions === 'all' || regions.some((r) => f.guessRegions.includes(`,${r},`)));
    if (!mine) sendPage(res, notFoundOf(pageOf(req, res), 'triage'));
    return mine ? f : undefined;
  };

  const redraw = (req: Request, res: Response, problem: TriageProblem) =>
    sendPage(res, triagePageOf(deps, pageOf(req, res), 400, problem));

  router.post('/triage/:id/route', (req, res) => {
    const f = waitingFor(req, res);
    if (!f) return;
    const form = formOf(req, FIELDS);
    const problem = (field: TriageProblem['field'], key: TriageProblem['key']) =>
      redraw(req, res, { id: f.id, field, key, ...form });
    if (form.council === '') return problem('council', 'triage.err.council');
    if (form.category === '') return problem('category', 'triage.err.category');
    // Kero's ward and village go with the council it guessed; another council has its own.
    const sameCouncil = form.council === f.guessCouncil;
    const r = routeSmsFiling(filingDeps, viewerOf(res).staff.id, f.id, {
      councilCode: form.council,
      categoryCode: form.category,
      ...(sameCouncil && f.guessWard ? { wardCode: f.guessWard } : {}),
      ...(sameCouncil && f.guessWard && f.guessVillage ? { village: f.guessVillage } : {}),
    });
    if (r.ok) return res.redirect(303, `/console/triage?routed=${r.complaint.number}`);
    if (r.why === 'category') return problem('category', 'triage.err.category');
    if (r.why === 'gone') return sendPage(res, notFoundOf(pageOf(req, res), 'triage'));
    return problem('council', 'triage.err.council');
  });

  router.post('/triage/:id/close', (req, res) => {
    const f = waitingFor(req, res);
    if (!f) return;
    const form = formOf(req, FIELDS);
    const note = form.note.trim();
    if (note === '' || note.length > MAX_TRIAGE_NOTE) {
      redraw(req, res, { id: f.id, field: 'note', key: 'triage.err.note', ...form });
      return;
    }
    if (!closeSmsFiling(filingDeps, viewerOf(res).staff.id, f.id, note)) {
      sendPage(res, notFoundOf(pageOf(req, res), 'triage'));
      return;
    }
    res.redirect(303, `/console/triage?closed=${f.number}`);
  });
  return router;
}
