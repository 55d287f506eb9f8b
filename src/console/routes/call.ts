/**
 * GET/POST /console/call: an agent logs a phone call as a complaint. The complaint is filed by
 * the same service as a USSD one (number, assignment, acknowledgement SMS); its channel is
 * `call` and its first event names the agent. After filing, the form is empty again for the next
 * caller and the notice gives the number.
 */
import { Router, type Response } from 'express';
import { fileCall } from '../../complaints/calls';
import { formatComplaintNumber, isValidComplaintNumber } from '../../complaints/core/numbers';
import { complaintInScope } from '../../complaints/detail';
import { CALL_FIELDS, checkCallForm, type CallForm, type FormError } from '../core/call-form';
import { t } from '../core/words';
import { formOf, param, viewerOf, type ConsoleDeps } from '../deps';
import { callPage } from '../views/call';
import { consoleActions, frameFor } from './frame';
import { sendHtml } from './respond';

function regionsOf(deps: ConsoleDeps, res: Response): string[] {
  const v = viewerOf(res);
  return v.staff.regionCode === null
    ? deps.reference.regions.map((r) => r.code)
    : [v.staff.regionCode];
}

function blankForm(regions: string[]): CallForm {
  return {
    phone: '',
    language: 'sw',
    region: regions.length === 1 ? (regions[0] ?? '') : '',
    council: '',
    category: '',
    place: '',
    description: '',
    identity: 'identified',
  };
}

function show(
  deps: ConsoleDeps,
  res: Response,
  status: number,
  form: CallForm,
  errors: FormError[],
  filed?: string,
) {
  const v = viewerOf(res);
  const notice = filed
    ? t('call.done', v.lang, { number: formatComplaintNumber(filed) })
    : undefined;
  const inScope = filed !== undefined && complaintInScope(deps.db, v.scope, filed) !== undefined;
  const html = callPage({
    frame: frameFor(res, t('call.title', v.lang), 'call', notice ? { notice } : {}),
    lang: v.lang,
    reference: deps.reference,
    regionCodes: regionsOf(deps, res),
    form,
    errors,
    csrf: v.session.csrf,
    ...(filed && inScope ? { filed } : {}),
  });
  sendHtml(res, status, html);
}

export function callRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  router.get('/call', (req, res) => {
    const filed = isValidComplaintNumber(param(req, 'filed')) ? param(req, 'filed') : undefined;
    show(deps, res, 200, blankForm(regionsOf(deps, res)), [], filed);
  });
  router.post('/call', (req, res) => {
    const v = viewerOf(res);
    const form: CallForm = formOf(req, CALL_FIELDS);
    const regions = regionsOf(deps, res);
    const checked = checkCallForm(form, deps.reference);
    const outside = checked.ok && !regions.includes(checked.call.draft.regionCode);
    if (!checked.ok || outside) {
      const errors = checked.ok
        ? [{ field: 'region' as const, key: 'call.err.region' as const }]
        : checked.errors;
      show(deps, res, 400, form, errors);
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
