/**
 * GET/POST /console/call: an agent logs a phone call as a complaint. The complaint is filed by
 * the same service as a USSD one (number, assignment, acknowledgement SMS); its channel is
 * `call` and its first event names the agent. After filing, the form is empty again for the next
 * caller and the notice gives the number (src/console/pages/call.ts).
 */
import { Router } from 'express';
import { fileCall } from '../../complaints/calls';
import { CALL_FIELDS, checkCallForm, type CallForm } from '../core/call-form';
import { formOf, viewerOf, type ConsoleDeps } from '../deps';
import { callPageOf, regionsOf } from '../pages/call';
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
    if (!checked.ok || outside) {
      const errors = checked.ok
        ? [{ field: 'region' as const, key: 'call.err.region' as const }]
        : checked.errors;
      sendPage(res, callPageOf(deps, pageOf(req, res), 400, form, errors));
      return;
    }
    const complaint = fileCall(
      {
        ...consoleActions(deps),
        policy: deps.sla,
        randomInt: deps.randomInt,
        serviceCode: deps.serviceCode,
      },
      v.staff.id,
      checked.call,
    );
    res.redirect(303, `/console/call?filed=${complaint.number}`);
  });
  return router;
}
