/**
 * The "log a call" page (GET /console/call, and the form redrawn by its POST with the errors):
 * an empty form for the next caller, and after a filing the number it got.
 */
import { formatComplaintNumber, isValidComplaintNumber } from '../../complaints/core/numbers';
import { formatCallbackReference } from '../../callbacks/core/reference';
import { callbackDetail } from '../../callbacks/reads';
import type { CallbackRefusal } from '../../callbacks/core/refusal';
import { complaintInScope } from '../../complaints/detail';
import type { CallForm, FormError } from '../core/call-form';
import { t } from '../core/words';
import type { ConsoleDeps, Viewer } from '../deps';
import { arg, frameOf, type Page, type PageRequest } from '../page';
import { callPage } from '../views/call';
import { callbackRefusalText } from '../core/callback-text';

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

/** What the call page shows besides the form: the number just filed, the request called back. */
export interface CallPageExtras {
  /** The complaint just filed. */
  filed?: string;
  /** The call-back request this call answers: the form carries it, and filing closes it. */
  callback?: string;
  /** An error not about one field (the request could not be closed). */
  error?: string;
}

export function callPageOf(
  deps: ConsoleDeps,
  r: PageRequest,
  status: number,
  form: CallForm,
  errors: FormError[],
  extras: CallPageExtras = {},
): Page {
  const v = r.viewer;
  const { filed, callback } = extras;
  const notice = filed
    ? t('call.done', v.lang, { number: formatComplaintNumber(filed) })
    : callback
      ? t('cb.fromCallback', v.lang, { reference: formatCallbackReference(callback) })
      : undefined;
  const inScope = filed !== undefined && complaintInScope(deps.db, v.scope, filed) !== undefined;
  const frame = frameOf(r, t('call.title', v.lang), 'call', notice ? { notice } : {});
  const html = callPage({
    frame: extras.error ? { ...frame, errors: [{ text: extras.error }] } : frame,
    lang: v.lang,
    reference: deps.reference,
    regionCodes: regionsOf(deps, v),
    form,
    errors,
    csrf: v.session.csrf,
    ...(filed && inScope ? { filed } : {}),
    ...(callback ? { callback } : {}),
  });
  return { status, html };
}

/**
 * The form for calling back an open request in the viewer's scope: the caller's number,
 * language, region and category filled in; the council, place and description are the call's.
 */
function callbackForm(deps: ConsoleDeps, r: PageRequest, typed: string): Page {
  const v = r.viewer;
  const blank = blankForm(regionsOf(deps, v));
  const detail = callbackDetail(deps.db, v.scope, typed);
  const c = detail?.callback;
  if (!c || c.status !== 'open') {
    const refusal: CallbackRefusal = c
      ? { code: 'notOpen', status: c.status }
      : { code: 'notFound' };
    const error = callbackRefusalText(
      refusal,
      c?.reference ?? typed.slice(0, 12),
      v.lang,
      deps.now(),
    );
    return callPageOf(deps, r, 404, blank, [], { error });
  }
  const form: CallForm = {
    ...blank,
    phone: c.phone,
    language: c.language,
    region: c.regionCode,
    category: c.categoryCode,
  };
  return callPageOf(deps, r, 200, form, [], { callback: c.reference });
}

/** GET /console/call: an empty form, the number just filed, or a call-back request's form. */
export function callGet(deps: ConsoleDeps, r: PageRequest): Page {
  if (arg(r, 'callback')) return callbackForm(deps, r, arg(r, 'callback'));
  const filed = isValidComplaintNumber(arg(r, 'filed')) ? arg(r, 'filed') : undefined;
  const extras = filed ? { filed } : {};
  return callPageOf(deps, r, 200, blankForm(regionsOf(deps, r.viewer)), [], extras);
}
