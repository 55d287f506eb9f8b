/**
 * The edit page of a staff member (GET /console/staff/:id), also redrawn by its POSTs with
 * errors: the form, the new phone waiting for its code (issue 23) and the history of changes to
 * them, for whoever manages them.
 */
import type { StaffRow } from '../../../db/schema';
import { councilsOf, wardsOf } from '../../staff/repository';
import type { StaffForm, StaffFormError } from '../core/staff-form';
import { t } from '../core/words';
import type { ConsoleDeps } from '../deps';
import { arg, frameOf, type Page, type PageRequest } from '../page';
import { staffEditPage } from '../views/staff';
import { formView, isPage, managedOf, summary } from './staff';
import { pendingPhoneOf, staffChangeItems } from './staff-changes';

/** The edit form filled with a staff member as they are. */
export function formOfMember(deps: ConsoleDeps, member: StaffRow): StaffForm {
  const councils = councilsOf(deps.db, [member.id]).get(member.id) ?? [];
  const wards = wardsOf(deps.db, [member.id]).get(member.id) ?? [];
  return {
    name: member.name,
    phone: member.phone,
    role: member.role,
    region: member.regionCode ?? '',
    councils,
    wards: wards.join(', '),
    lang: member.language,
  };
}

/** What the edit page says besides the form: a notice, or an error about the phone's code. */
export interface EditOptions {
  notice?: string;
  /** Shown on the code field of the new phone waiting for it. */
  codeError?: string;
  /** Shown at the top when no phone change waits for a code. */
  error?: string;
}

export function staffEditOf(
  deps: ConsoleDeps,
  r: PageRequest,
  member: StaffRow,
  form: StaffForm,
  errors: StaffFormError[],
  status = 200,
  o: EditOptions = {},
): Page {
  const v = r.viewer;
  const title = t('staff.editTitle', v.lang, { name: member.name });
  const view = formView(
    deps,
    v,
    `/console/staff/${member.id}`,
    form,
    errors,
    t('staff.saveButton', v.lang),
  );
  const pending = pendingPhoneOf(deps, v, member, o.codeError);
  const frame = frameOf(r, title, 'staff', {
    errors: [
      ...(o.error ? [{ text: o.error }] : []),
      ...(o.codeError && pending ? [{ text: o.codeError, field: 'phone-code' }] : []),
      ...summary(v, errors, 'edit'),
    ],
    ...(o.notice ? { notice: o.notice } : {}),
  });
  const html = staffEditPage({
    frame,
    form: view,
    name: member.name,
    ...(pending ? { pending } : {}),
    history: staffChangeItems(deps, v, member.id),
  });
  return { status, html };
}

/** GET /console/staff/:id. */
export function staffEditGet(deps: ConsoleDeps, r: PageRequest): Page {
  const member = managedOf(deps, r);
  if (isPage(member)) return member;
  const form = formOfMember(deps, member);
  const done = arg(r, 'done');
  const waiting = done === 'code' ? pendingPhoneOf(deps, r.viewer, member) : undefined;
  const notice = waiting
    ? t('staff.done.code', r.viewer.lang, { phone: waiting.phone, name: member.name })
    : done === 'cancelled'
      ? t('staff.done.phoneCancelled', r.viewer.lang)
      : undefined;
  return staffEditOf(deps, r, member, form, [], 200, notice ? { notice } : {});
}
