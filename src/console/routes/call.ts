/**
 * GET/POST /console/call: an agent logs a phone call as a complaint. The complaint is filed by
 * the same service as a USSD one (number, assignment, acknowledgement SMS); its channel is
 * `call` and its first event names the agent. After filing, the form is empty again for the next
 * caller and the notice gives the number (src/console/pages/call.ts).
 */
import { Router } from 'express';
import { parseCallbackReference } from '../../callbacks/core/reference';
import { logCallbackCall } from '../../callbacks/service';
import { fileCall } from '../../complaints/calls';
import { CALL_FIELDS, checkCallForm, type CallForm } from '../core/call-form';
import { field, formOf, viewerOf, type ConsoleDeps } from '../deps';
import { callPageOf, regionsOf } from '../pages/call';
import { callbackRefusalText } from '../core/callback-text';
import type { ConsoleReads } from '../reads';
import { consoleActions } from './frame';
import { pageOf, readPage, sendPage } from './respond';

export function callRoutes(deps: ConsoleDeps, reads: ConsoleReads): Router {
  const router = Router();
  router.get('/call', readPage(reads, 'call'));
  router.post('/call', (req, res) => {
    const v = viewerOf(res);
    const form: CallForm = formOf(req, CALL_FIELDS);
    const regions = regionsOf(deps, v);
    const checked = checkCallForm(form, deps.reference);
    const outside = checked.ok && !regions.includes(checked.call.draft.regionCode);
    // The call-back request this call answers, when the form came from one.
    const callback = parseCallbackReference(field(req, 'callback'));
    if (!checked.ok || outside) {
      const errors = checked.ok
        ? [{ field: 'region' as const, key: 'call.err.region' as const }]
        : checked.errors;
      const extras = callback ? { callback } : {};
      sendPage(res, callPageOf(deps, pageOf(req, res), 400, form, errors, extras));
      return;
    }
    const callDeps = {
      ...consoleActions(deps),
      policy: deps.sla,
      randomInt: deps.randomInt,
      serviceCode: deps.serviceCode,
    };
    if (!callback) {
      const complaint = fileCall(callDeps, v.staff.id, checked.call);
      res.redirect(303, `/console/call?filed=${complaint.number}`);
      return;
    }
    const actor = { staffId: v.staff.id, scope: v.scope };
    const logged = logCallbackCall(callDeps, actor, callback, checked.call);
    if (!logged.ok && logged.refusal.code === 'notOpen' && logged.refusal.status === 'logged') {
      // Logged already (a double click, a colleague): nothing more is filed; its page says so
      // and links the complaint, so the same call is not filed twice.
      res.redirect(303, `/console/callbacks/${callback}?done=already`);
      return;
    }
    if (!logged.ok) {
      // Nothing was filed. The form comes back as typed, without the request: sent again, it
      // files the complaint on its own.
      const error = callbackRefusalText(logged.refusal, callback, v.lang, deps.now());
      const status = logged.refusal.code === 'notFound' ? 404 : 409;
      sendPage(res, callPageOf(deps, pageOf(req, res), status, form, [], { error }));
      return;
    }
    res.redirect(303, `/console/callbacks?done=logged&n=${logged.complaint.number}`);
  });
  return router;
}
