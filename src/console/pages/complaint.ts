/**
 * One complaint's page (GET /console/c/:number, and the same page redrawn by its POST actions
 * with a notice, an error or the reply's preview): every field, the timeline, the forms the
 * viewer may use, the similar complaints. A complaint outside the viewer's scope is a 404.
 */
import { clusterInfo } from '../../complaints/clusters';
import { formatComplaintNumber, isValidComplaintNumber } from '../../complaints/core/numbers';
import { callbackOfComplaint } from '../../callbacks/reads';
import { citizenOtherComplaints, complaintInScope, complaintView } from '../../complaints/detail';
import { savedRepliesOffered } from '../../complaints/replies';
import { assignableStaff, listStaff, staffNames } from '../../staff/repository';
import { loadWardList } from '../../reference/wards';
import type { ComplaintRow } from '../../../db/schema';
import { heldUntil } from '../../outbox/core/quiet-hours';
import { clockTime } from '../../text/calendar';
import { replyPreview, savedReplyChoices } from '../core/composer';
import { staffChoice } from '../core/format';
import { t } from '../core/words';
import type { ConsoleDeps, Viewer } from '../deps';
import { arg, frameOf, notFoundOf, type Page, type PageRequest } from '../page';
import { complaintPage, type ComplaintPageView } from '../views/complaint';
import type { ReplyDraft } from '../views/composer';

export type Extra = Pick<ComplaintPageView, 'shownPhone' | 'draft' | 'fieldError'> & {
  notice?: string;
  error?: string;
};

/** The complaint number in the path. */
export const numberIn = (r: PageRequest): string => r.params.number ?? '';

function assigneesFor(deps: ConsoleDeps, v: Viewer, regionCode: string) {
  if (v.staff.role === 'officer') return [];
  return assignableStaff(deps.db, regionCode).map((s) => staffChoice(s, v.lang));
}

/** The page of the complaint `r` names, with what an action leaves on it. */
export function complaintPageOf(
  deps: ConsoleDeps,
  r: PageRequest,
  status: number,
  extra: Extra = {},
): Page {
  const v = r.viewer;
  const view = complaintView(deps.db, v.scope, numberIn(r));
  if (!view) return notFoundOf(r);
  const c = view.complaint;
  const staffByPhone = new Map(listStaff(deps.db).map((s) => [s.phone, s.name]));
  // A code the list no longer has (a newer list) is still shown, as its code.
  const ward =
    c.wardCode === null
      ? undefined
      : (loadWardList().byCode.get(c.wardCode) ?? { name: c.wardCode, postcode: null });
  const ownerName = c.assigneeId === null ? null : (view.names.get(c.assigneeId) ?? null);
  const fromCallback = callbackOfComplaint(deps.db, v.scope, c);
  const html = complaintPage({
    frame: frameOf(r, t('complaint.title', v.lang, { number: c.number }), 'queue', {
      ...(extra.notice ? { notice: extra.notice } : {}),
      ...(extra.error
        ? {
            errors: [
              { text: extra.error, ...(extra.fieldError ? { field: extra.fieldError.field } : {}) },
            ],
          }
        : {}),
    }),
    lang: v.lang,
    now: deps.now(),
    hours: deps.hours,
    reference: deps.reference,
    complaint: c,
    ownerName,
    savedReplies: savedReplyChoices(deps.reference, c, savedRepliesOffered(deps.db, c), ownerName),
    others: citizenOtherComplaints(deps.db, v.scope, c),
    timeline: {
      lang: v.lang,
      events: view.events,
      sms: view.sms,
      names: view.names,
      citizenPhone: c.citizenPhone,
      staffByPhone,
    },
    csrf: v.session.csrf,
    assignees: assigneesFor(deps, v, c.regionCode),
    viewerId: v.staff.id,
    cluster: {
      ...clusterInfo(deps.db, v.scope, c),
      canLead:
        v.staff.role === 'hq' ||
        (v.staff.role === 'supervisor' && v.staff.regionCode === c.regionCode),
    },
    ...(ward ? { ward: { name: ward.name, postcode: ward.postcode } } : {}),
    ...(fromCallback ? { fromCallback } : {}),
    ...(extra.shownPhone ? { shownPhone: extra.shownPhone } : {}),
    ...(extra.draft ? { draft: extra.draft } : {}),
    ...(extra.fieldError ? { fieldError: extra.fieldError } : {}),
  });
  return { status, html };
}

/**
 * The composer's draft after "Use": saved reply `id` filled in for `c` (its preview counting the
 * filled text), when it is one the composer offers for `c`.
 */
export function savedReplyDraft(
  deps: ConsoleDeps,
  c: ComplaintRow,
  id: number | undefined,
): ReplyDraft | undefined {
  const row = savedRepliesOffered(deps.db, c).find((r) => r.id === id);
  if (!row) return undefined;
  const owner =
    c.assigneeId === null ? null : (staffNames(deps.db, [c.assigneeId]).get(c.assigneeId) ?? null);
  const [choice] = savedReplyChoices(deps.reference, c, [row], owner);
  if (!choice) return undefined;
  return {
    message: choice.text,
    preview: replyPreview(deps.reference, c, choice.text),
    savedReplyId: row.id,
  };
}

export const DONE = ['reply', 'note', 'take', 'assign', 'start', 'resolve', 'reopen'] as const;
const GROUP_DONE = ['link', 'unlink', 'reply', 'resolve'] as const;

/** The notice after an action (`done`) or a group action (`group`, `n`, `skipped`). */
function noticeOf(deps: ConsoleDeps, r: PageRequest): string | undefined {
  const v = r.viewer;
  const done = DONE.find((d) => d === arg(r, 'done'));
  const owner = done === 'assign' ? complaintInScope(deps.db, v.scope, numberIn(r)) : undefined;
  const name = owner?.assigneeId
    ? listStaff(deps.db).find((s) => s.id === owner.assigneeId)?.name
    : undefined;
  const group = GROUP_DONE.find((d) => d === arg(r, 'group'));
  const count = Number(arg(r, 'n')) || 0;
  const skipped = 'skipped' in r.query ? arg(r, 'skipped').split(' ') : [];
  if (group) {
    const numbers = skipped.filter(isValidComplaintNumber).map(formatComplaintNumber).join(', ');
    return [
      t(`cluster.done.${group}`, v.lang, { count }),
      skipped.length > 0 ? t('cluster.skipped', v.lang, { numbers }) : '',
    ]
      .join(' ')
      .trim();
  }
  // The rating request waits out the quiet hours (src/outbox/core/quiet-hours.ts): say until when.
  const ratingAt =
    done === 'resolve' ? heldUntil('sms.resolved', deps.now(), deps.quietHours) : undefined;
  if (ratingAt !== undefined) {
    return t('complaint.done.resolveQuiet', v.lang, { time: clockTime(ratingAt) });
  }
  return done ? t(`complaint.done.${done}`, v.lang, { name: name ?? '' }) : undefined;
}

/** GET /console/c/:number. */
export function complaintGet(deps: ConsoleDeps, r: PageRequest): Page {
  const notice = noticeOf(deps, r);
  return complaintPageOf(deps, r, 200, notice ? { notice } : {});
}
