/**
 * GET /console/callbacks (the queue) and /console/callbacks/<reference> (one request) as read
 * jobs (src/console/pages/callbacks.ts). POST .../missed: a try that reached nobody; POST
 * .../close: closed with a note. Logging the call as a complaint goes through the "Log a call"
 * form (src/console/routes/call.ts). A refusal redraws the page with the reason; nothing changes.
 */
import { Router } from 'express';
import { closeCallback, recordMissedTry, type Actor } from '../../callbacks/service';
import { field, viewerOf, type ConsoleDeps } from '../deps';
import { callbackRefusalText } from '../core/callback-text';
import { callbackPageOf } from '../pages/callbacks';
import { NOTE_FIELD } from '../views/callbacks';
import type { ConsoleReads } from '../reads';
import { pageOf, readPage, sendPage } from './respond';

export function callbackRoutes(deps: ConsoleDeps, reads: ConsoleReads): Router {
  const router = Router();
  const actorOf = (res: Parameters<typeof viewerOf>[0]): Actor => {
    const v = viewerOf(res);
    return { staffId: v.staff.id, scope: v.scope };
  };
  router.get('/callbacks', readPage(reads, 'callbacks'));
  router.get('/callbacks/:reference', readPage(reads, 'callback'));

  router.post('/callbacks/:reference/missed', (req, res) => {
    const reference = req.params.reference;
    // How many tries the page showed; anything else counts as a page out of date.
    const typed = field(req, 'seen');
    const seen = /^\d{1,2}$/.test(typed) ? Number(typed) : -1;
    const done = recordMissedTry(deps, actorOf(res), reference, seen);
    if (done.ok) {
      const what = done.callback.status === 'unreachable' ? 'unreachable' : 'missed';
      res.redirect(303, `/console/callbacks/${done.callback.reference}?done=${what}`);
      return;
    }
    const lang = viewerOf(res).lang;
    const text = callbackRefusalText(done.refusal, reference, lang, deps.now());
    const status = done.refusal.code === 'notFound' ? 404 : 409;
    sendPage(res, callbackPageOf(deps, pageOf(req, res), status, { error: { text } }));
  });

  router.post('/callbacks/:reference/close', (req, res) => {
    const reference = req.params.reference;
    const note = field(req, 'note');
    const done = closeCallback(deps, actorOf(res), reference, note);
    if (done.ok) {
      res.redirect(303, `/console/callbacks?done=closed&n=${done.callback.reference}`);
      return;
    }
    const lang = viewerOf(res).lang;
    const text = callbackRefusalText(done.refusal, reference, lang, deps.now());
    const onNote = done.refusal.code === 'noteEmpty' || done.refusal.code === 'noteLong';
    const status = done.refusal.code === 'notFound' ? 404 : onNote ? 400 : 409;
    const error = onNote ? { text, field: NOTE_FIELD } : { text };
    sendPage(res, callbackPageOf(deps, pageOf(req, res), status, { error, note }));
  });
  return router;
}
