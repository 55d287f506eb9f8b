/**
 * The call-back queue (GET /console/callbacks) and one request (GET /console/callbacks/<ref>) as
 * read jobs: the open requests of the viewer's region (headquarters: every region, or one), the
 * first due first, with notices after an action; a request's facts, its actions while open and
 * its history.
 */
import { callbackDetail, callbackQueue, type CallbackDetail } from '../../callbacks/reads';
import { formatCallbackReference, parseCallbackReference } from '../../callbacks/core/reference';
import { RETRY_GAP_MS } from '../../callbacks/core/rules';
import { formatComplaintNumber, isValidComplaintNumber } from '../../complaints/core/numbers';
import type { Lang } from '../../text/translate';
import { whenText } from '../core/format';
import { t } from '../core/words';
import type { ConsoleDeps } from '../deps';
import { arg, frameOf, notFoundOf, type Page, type PageRequest } from '../page';
import { callbackPage, callbacksPage, NOTE_FIELD } from '../views/callbacks';

/** GET /console/callbacks. */
export function callbacksGet(deps: ConsoleDeps, r: PageRequest): Page {
  const v = r.viewer;
  const now = deps.now();
  const asked = arg(r, 'region');
  const region = deps.reference.regions.some((x) => x.code === asked) ? asked : undefined;
  const queue = callbackQueue(deps.db, {
    scope: v.scope,
    ...(region ? { region } : {}),
    ...(arg(r, 'after') ? { after: arg(r, 'after') } : {}),
    now,
  });
  const n = arg(r, 'n');
  const notice =
    arg(r, 'done') === 'closed' && parseCallbackReference(n)
      ? t('cb.done.closed', v.lang, { reference: formatCallbackReference(n) })
      : arg(r, 'done') === 'logged' && isValidComplaintNumber(n)
        ? t('call.done', v.lang, { number: formatComplaintNumber(n) })
        : undefined;
  const html = callbacksPage({
    frame: frameOf(r, t('cb.title', v.lang), 'callbacks', notice ? { notice } : {}),
    lang: v.lang,
    now,
    hours: deps.hours,
    reference: deps.reference,
    queue,
    regionCodes: v.scope.kind === 'all' ? deps.reference.regions.map((x) => x.code) : [],
    after: arg(r, 'after'),
  });
  return { status: 200, html };
}

/** The notice after an action (`done` in the address), when the request shows it happened. */
function doneNotice(d: CallbackDetail, done: string, lang: Lang, now: number): string | undefined {
  const { status, lastAttemptAt } = d.callback;
  if (done === 'missed' && status === 'open' && lastAttemptAt !== null) {
    return t('cb.done.missed', lang, { time: whenText(now, lastAttemptAt + RETRY_GAP_MS) });
  }
  if (done === 'already' && status === 'logged') return t('cb.done.already', lang);
  return done === 'unreachable' && status === 'unreachable'
    ? t('cb.done.unreachable', lang)
    : undefined;
}

/**
 * One request's page: with the notice of the action just taken (`done`), or an error (and the
 * note as typed, redrawn).
 */
export function callbackPageOf(
  deps: ConsoleDeps,
  r: PageRequest,
  status: number,
  o: { done?: string; error?: { text: string; field?: string }; note?: string } = {},
): Page {
  const v = r.viewer;
  const detail = callbackDetail(deps.db, v.scope, r.params.reference ?? '');
  if (!detail) return notFoundOf(r, 'callbacks');
  const now = deps.now();
  const notice = o.done ? doneNotice(detail, o.done, v.lang, now) : undefined;
  const reference = formatCallbackReference(detail.callback.reference);
  const html = callbackPage({
    frame: frameOf(r, t('cb.request.title', v.lang, { reference }), 'callbacks', {
      ...(notice ? { notice } : {}),
      ...(o.error ? { errors: [o.error] } : {}),
    }),
    lang: v.lang,
    now,
    hours: deps.hours,
    reference: deps.reference,
    detail,
    csrf: v.session.csrf,
    note: o.note ?? '',
    ...(o.error?.field === NOTE_FIELD ? { noteError: o.error.text } : {}),
  });
  return { status, html };
}

/** GET /console/callbacks/<reference>. */
export const callbackGet = (deps: ConsoleDeps, r: PageRequest): Page =>
  callbackPageOf(deps, r, 200, { done: arg(r, 'done') });
