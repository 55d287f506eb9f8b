/**
 * The staff pages as read jobs (GET /console/staff and the deactivation page; the edit page is
 * ./staff-edit.ts), and the same list redrawn by its POSTs with errors. Supervisors see their
 * region, headquarters everyone (or one region, filtered).
 */
import type { StaffRow } from '../../../db/schema';
import { countOpenByAssignee } from '../../complaints/lists-repository';
import { councilsOf, findStaffById, listStaff, wardsOf } from '../../staff/repository';
import {
  listsRegion,
  manages,
  rolesGivenBy,
  type StaffForm,
  type StaffFormError,
} from '../core/staff-form';
import { t } from '../core/words';
import type { ConsoleDeps, Viewer } from '../deps';
import { arg, frameOf, notFoundOf, type Page, type PageRequest } from '../page';
import { deactivatePage, staffPage, type StaffFormView } from '../views/staff';

const emptyForm = (v: Viewer): StaffForm => ({
  name: '',
  phone: '',
  role: 'officer',
  region: v.staff.role === 'supervisor' ? (v.staff.regionCode ?? '') : '',
  councils: [],
  wards: '',
  lang: 'sw',
});

export function formView(
  deps: ConsoleDeps,
  v: Viewer,
  action: string,
  form: StaffForm,
  errors: StaffFormError[],
  button: string,
): StaffFormView {
  return {
    lang: v.lang,
    reference: deps.reference,
    csrf: v.session.csrf,
    action,
    form,
    errors,
    roles: rolesGivenBy(v.staff),
    regionCodes:
      v.staff.role === 'hq'
        ? deps.reference.regions.map((r) => r.code)
        : [v.staff.regionCode ?? ''],
    button,
  };
}

/** Error summary entries for a staff form (`prefix` tells the add form from the edit one). */
export const summary = (v: Viewer, errors: StaffFormError[], prefix: string) =>
  errors.map((e) => ({ text: t(e.key, v.lang, e.vars), field: `${prefix}-${e.field}` }));

export interface ListOptions {
  status?: number;
  notice?: string;
  error?: string;
  add?: { form: StaffForm; errors: StaffFormError[] };
  importErrors?: string[];
}

export function staffListOf(deps: ConsoleDeps, r: PageRequest, o: ListOptions = {}): Page {
  const v = r.viewer;
  const hq = v.staff.role === 'hq';
  const wanted = arg(r, 'region');
  const filter = hq && deps.reference.regions.some((x) => x.code === wanted) ? wanted : undefined;
  const region = listsRegion(v.staff) ?? filter;
  const members = listStaff(deps.db, region);
  const ids = members.map((m) => m.id);
  const councils = councilsOf(deps.db, ids);
  const wards = wardsOf(deps.db, ids);
  const open = countOpenByAssignee(deps.db, ids);
  const addErrors = o.add?.errors ?? [];
  const importErrors = o.importErrors ?? [];
  const html = staffPage({
    frame: frameOf(r, t('staff.title', v.lang), 'staff', {
      ...(o.notice ? { notice: o.notice } : {}),
      errors: [
        ...(o.error ? [{ text: o.error }] : []),
        ...summary(v, addErrors, 'add'),
        ...(importErrors.length > 0
          ? [{ text: t('staff.err.import', v.lang), field: 'import-file' }]
          : []),
      ],
    }),
    lang: v.lang,
    reference: deps.reference,
    csrf: v.session.csrf,
    items: members.map((member) => ({
      member,
      councils: councils.get(member.id) ?? [],
      wards: wards.get(member.id) ?? [],
      open: open.get(member.id) ?? 0,
      managed: manages(v.staff, member),
    })),
    ...(hq
      ? { regionFilter: { value: filter ?? '', codes: deps.reference.regions.map((x) => x.code) } }
      : {}),
    changesLink: hq,
    add: formView(
      deps,
      v,
      '/console/staff',
      o.add?.form ?? emptyForm(v),
      addErrors,
      t('staff.addButton', v.lang),
    ),
    importErrors,
  });
  return { status: o.status ?? 200, html };
}

/** The staff member a path names, when the viewer manages them; else the 404 page. */
export function managedOf(deps: ConsoleDeps, r: PageRequest): StaffRow | Page {
  const id = Number(r.params.id);
  const member = Number.isSafeInteger(id) ? findStaffById(deps.db, id) : undefined;
  if (member && manages(r.viewer.staff, member)) return member;
  return notFoundOf(r, 'staff');
}

export const isPage = (x: StaffRow | Page): x is Page => 'html' in x || 'redirect' in x;

/** GET /console/staff. */
export function staffGet(deps: ConsoleDeps, r: PageRequest): Page {
  const v = r.viewer;
  const done = arg(r, 'done');
  const name = arg(r, 'name').slice(0, 80);
  const count = Number(arg(r, 'n')) || 0;
  const notice =
    done === 'add' || done === 'edit' || done === 'activate' || done === 'phone'
      ? t(`staff.done.${done}`, v.lang, { name })
      : done === 'deactivate'
        ? t('staff.done.deactivate', v.lang, { name, count })
        : done === 'import'
          ? t('staff.done.import', v.lang, { count })
          : undefined;
  return staffListOf(deps, r, notice ? { notice } : {});
}

/** GET /console/staff/:id/deactivate. */
export function deactivateGet(deps: ConsoleDeps, r: PageRequest): Page {
  const v = r.viewer;
  const member = managedOf(deps, r);
  if (isPage(member)) return member;
  const open = countOpenByAssignee(deps.db, [member.id]).get(member.id) ?? 0;
  const title = t('staff.deactivateTitle', v.lang, { name: member.name });
  const html = deactivatePage({
    frame: frameOf(r, title, 'staff'),
    lang: v.lang,
    csrf: v.session.csrf,
    member,
    open,
  });
  return { status: 200, html };
}
