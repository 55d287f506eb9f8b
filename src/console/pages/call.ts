/**
 * The "log a call" page (GET /console/call, and the form redrawn by its POST with the errors):
 * an empty form for the next caller, and after a filing the number it got.
 */
import { formatComplaintNumber, isValidComplaintNumber } from '../../complaints/core/numbers';
import { complaintInScope } from '../../complaints/detail';
import type { CallForm, FormError } from '../core/call-form';
import { t } from '../core/words';
import type { ConsoleDeps, Viewer } from '../deps';
import { arg, frameOf, type Page, type PageRequest } from '../page';
import { callPage } from '../views/call';

/** The regions the viewer may file in: their own, or every one for headquarters. */
export function regionsOf(deps: ConsoleDeps, v: Viewer): string[] {
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

export function callPageOf(
  deps: ConsoleDeps,
  r: PageRequest,
  status: number,
  form: CallForm,
  errors: FormError[],
  filed?: string,
): Page {
  const v = r.viewer;
  const notice = filed
    ? t('call.done', v.lang, { number: formatComplaintNumber(filed) })
    : undefined;
  const inScope = filed !== undefined && complaintInScope(deps.db, v.scope, filed) !== undefined;
  const html = callPage({
    frame: frameOf(r, t('call.title', v.lang), 'call', notice ? { notice } : {}),
    lang: v.lang,
    reference: deps.reference,
    regionCodes: regionsOf(deps, v),
    form,
    errors,
    csrf: v.session.csrf,
    ...(filed && inScope ? { filed } : {}),
  });
  return { status, html };
}

/** GET /console/call. */
export function callGet(deps: ConsoleDeps, r: PageRequest): Page {
  const filed = isValidComplaintNumber(arg(r, 'filed')) ? arg(r, 'filed') : undefined;
  return callPageOf(deps, r, 200, blankForm(regionsOf(deps, r.viewer)), [], filed);
}
