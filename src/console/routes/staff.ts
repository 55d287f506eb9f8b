/**
 * The staff pages, for supervisors (their region's officers) and headquarters (everyone):
 * GET /console/staff, POST /console/staff (add), GET/POST /console/staff/:id (edit),
 * POST /console/staff/:id/deactivate|activate, POST /console/staff/import (CSV, all or nothing).
 * Deactivating someone moves their open complaints to colleagues and ends their console sessions.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import type { StaffRow } from '../../../db/schema';
import { countOpenByAssignee } from '../../complaints/lists-repository';
import {
  activateStaff,
  addStaff,
  deactivateStaff,
  importStaffCsv,
  updateStaff,
  type Result,
} from '../../directory/service';
import { councilsOf, findStaffById, findStaffByPhone, listStaff } from '../../staff/repository';
import { normalizePhone } from '../../text/phone';
import { endSessionsOfStaff } from '../auth/sessions';
import {
  checkStaffForm,
  listsRegion,
  manages,
  rolesGivenBy,
  STAFF_FIELDS,
  type StaffForm,
  type StaffFormError,
} from '../core/staff-form';
import { t } from '../core/words';
import {
  fields,
  formOf,
  param,
  sessionDeps,
  viewerOf,
  type ConsoleDeps,
  type Viewer,
} from '../deps';
import { deactivatePage, staffEditPage, staffPage, type StaffFormView } from '../views/staff';
import { messagePage } from '../views/message';
import { frameFor } from './frame';
import { sendHtml } from './respond';

/** CSV uploads: in memory, one file, at most 1 MB. */
const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: 1_000_000, files: 1, fields: 5 },
});

/**
 * Parses the import form before the console's CSRF check reads its token. Only for a signed-in
 * staff member (anyone else is refused by that check without reading the file); a file over the
 * limit is remembered and answered by the route.
 */
export const importUpload: RequestHandler = (req, res, next) => {
  if (!(res.locals as { viewer?: Viewer }).viewer) {
    next();
    return;
  }
  upload.single('file')(req, res, (err: unknown) => {
    if (err) (res.locals as { uploadFailed?: boolean }).uploadFailed = true;
    next();
  });
};

const emptyForm = (v: Viewer): StaffForm => ({
  name: '',
  phone: '',
  role: 'officer',
  region: v.staff.role === 'supervisor' ? (v.staff.regionCode ?? '') : '',
  councils: [],
  lang: 'sw',
});

function formOfRequest(req: Request): StaffForm {
  return { ...formOf(req, STAFF_FIELDS), councils: fields(req, 'councils') };
}

function formView(
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
const summary = (v: Viewer, errors: StaffFormError[], prefix: string) =>
  errors.map((e) => ({ text: t(e.key, v.lang, e.vars), field: `${prefix}-${e.field}` }));

interface ListOptions {
  status?: number;
  notice?: string;
  error?: string;
  add?: { form: StaffForm; errors: StaffFormError[] };
  importErrors?: string[];
}

function showList(deps: ConsoleDeps, req: Request, res: Response, o: ListOptions = {}) {
  const v = viewerOf(res);
  const hq = v.staff.role === 'hq';
  const wanted = param(req, 'region');
  const filter = hq && deps.reference.regions.some((r) => r.code === wanted) ? wanted : undefined;
  const region = listsRegion(v.staff) ?? filter;
  const members = listStaff(deps.db, region);
  const ids = members.map((m) => m.id);
  const councils = councilsOf(deps.db, ids);
  const open = countOpenByAssignee(deps.db, ids);
  const addErrors = o.add?.errors ?? [];
  const importErrors = o.importErrors ?? [];
  const html = staffPage({
    frame: frameFor(res, t('staff.title', v.lang), 'staff', {
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
      open: open.get(member.id) ?? 0,
      managed: manages(v.staff, member),
    })),
    ...(hq
      ? { regionFilter: { value: filter ?? '', codes: deps.reference.regions.map((r) => r.code) } }
      : {}),
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
  sendHtml(res, o.status ?? 200, html);
}

/** The staff member a path names, when the viewer manages them; else a 404 page. */
function managedMember(deps: ConsoleDeps, req: Request, res: Response): StaffRow | undefined {
  const v = viewerOf(res);
  const id = Number(req.params.id);
  const member = Number.isSafeInteger(id) ? findStaffById(deps.db, id) : undefined;
  if (member && manages(v.staff, member)) return member;
  sendHtml(
    res,
    404,
    messagePage({
      lang: v.lang,
      title: t('error.notFound.title', v.lang),
      body: t('error.notFound.body', v.lang),
      who: frameFor(res, '', 'staff').who,
    }),
  );
  return undefined;
}

/** A phone number already registered to someone else, as a form error. */
function phoneTaken(
  deps: ConsoleDeps,
  form: StaffForm,
  except?: number,
): StaffFormError | undefined {
  const phone = normalizePhone(form.phone);
  const holder = phone ? findStaffByPhone(deps.db, phone) : undefined;
  return holder && holder.id !== except
    ? {
        field: 'phone',
        key: 'staff.err.phoneTaken',
        vars: { phone: holder.phone, name: holder.name },
      }
    : undefined;
}

function showEdit(
  deps: ConsoleDeps,
  res: Response,
  member: StaffRow,
  form: StaffForm,
  errors: StaffFormError[],
  status = 200,
) {
  const v = viewerOf(res);
  const title = t('staff.editTitle', v.lang, { name: member.name });
  const view = formView(
    deps,
    v,
    `/console/staff/${member.id}`,
    form,
    errors,
    t('staff.saveButton', v.lang),
  );
  const frame = frameFor(res, title, 'staff', { errors: summary(v, errors, 'edit') });
  sendHtml(res, status, staffEditPage({ frame, form: view, name: member.name }));
}

/** The first error of a service result (a race the form checks did not catch). */
const serviceError = <T>(r: Result<T>) => (r.ok ? undefined : r.errors.join('; '));

export function staffRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const ctx = () => ({
    db: deps.db,
    now: deps.now(),
    reference: deps.reference,
    source: 'console' as const,
  });

  // Officers manage no one: the staff pages are not theirs.
  router.use('/staff', (_req, res, next) => {
    const v = viewerOf(res);
    if (v.staff.role !== 'officer') {
      next();
      return;
    }
    sendHtml(
      res,
      403,
      messagePage({
        lang: v.lang,
        title: t('error.forbidden.title', v.lang),
        body: t('error.forbidden.body', v.lang),
        who: frameFor(res, '', 'staff').who,
      }),
    );
  });

  router.get('/staff', (req, res) => {
    const v = viewerOf(res);
    const done = param(req, 'done');
    const name = param(req, 'name').slice(0, 80);
    const count = Number(param(req, 'n')) || 0;
    const notice =
      done === 'add' || done === 'edit' || done === 'activate'
        ? t(`staff.done.${done}`, v.lang, { name })
        : done === 'deactivate'
          ? t('staff.done.deactivate', v.lang, { name, count })
          : done === 'import'
            ? t('staff.done.import', v.lang, { count })
            : undefined;
    showList(deps, req, res, notice ? { notice } : {});
  });

  router.post('/staff', (req, res) => {
    const v = viewerOf(res);
    const form = formOfRequest(req);
    const checked = checkStaffForm(v.staff, form, deps.reference);
    const taken = phoneTaken(deps, form);
    if (!checked.ok || taken) {
      const errors = [...(checked.ok ? [] : checked.errors), ...(taken ? [taken] : [])];
      showList(deps, req, res, { status: 400, add: { form, errors } });
      return;
    }
    const r = addStaff(deps.db, ctx(), checked.input);
    if (!r.ok) throw new Error(`staff add refused after the form's checks: ${serviceError(r)}`);
    res.redirect(303, `/console/staff?done=add&name=${encodeURIComponent(r.value.name)}`);
  });

  router.post('/staff/import', (req, res) => {
    const v = viewerOf(res);
    const file = (req as Request & { file?: { buffer: Buffer } }).file;
    const failed = (res.locals as { uploadFailed?: boolean }).uploadFailed === true;
    if (failed || !file || file.buffer.length === 0) {
      showList(deps, req, res, { status: 400, importErrors: [t('staff.err.file', v.lang)] });
      return;
    }
    const r = importStaffCsv(
      deps.db,
      ctx(),
      file.buffer.toString('utf8').replace(/^\uFEFF/, ''),
      (row) =>
        manages(v.staff, { role: row.role, regionCode: row.regionCode ?? null }) &&
        rolesGivenBy(v.staff).includes(row.role)
          ? undefined
          : t('staff.err.notYours', v.lang),
    );
    if (!r.ok) {
      showList(deps, req, res, { status: 400, importErrors: r.errors });
      return;
    }
    res.redirect(303, `/console/staff?done=import&n=${r.value.length}`);
  });

  router.get('/staff/:id', (req, res) => {
    const member = managedMember(deps, req, res);
    if (!member) return;
    const councils = councilsOf(deps.db, [member.id]).get(member.id) ?? [];
    const form: StaffForm = {
      name: member.name,
      phone: member.phone,
      role: member.role,
      region: member.regionCode ?? '',
      councils,
      lang: member.language,
    };
    showEdit(deps, res, member, form, []);
  });

  router.post('/staff/:id', (req, res) => {
    const v = viewerOf(res);
    const member = managedMember(deps, req, res);
    if (!member) return;
    const form = formOfRequest(req);
    const checked = checkStaffForm(v.staff, form, deps.reference);
    const taken = phoneTaken(deps, form, member.id);
    if (!checked.ok || taken) {
      const errors = [...(checked.ok ? [] : checked.errors), ...(taken ? [taken] : [])];
      showEdit(deps, res, member, form, errors, 400);
      return;
    }
    const r = updateStaff(deps.db, ctx(), member.id, checked.input);
    if (!r.ok) throw new Error(`staff update refused after the form's checks: ${serviceError(r)}`);
    res.redirect(303, `/console/staff?done=edit&name=${encodeURIComponent(r.value.name)}`);
  });

  router.get('/staff/:id/deactivate', (req, res) => {
    const v = viewerOf(res);
    const member = managedMember(deps, req, res);
    if (!member) return;
    const open = countOpenByAssignee(deps.db, [member.id]).get(member.id) ?? 0;
    const title = t('staff.deactivateTitle', v.lang, { name: member.name });
    sendHtml(
      res,
      200,
      deactivatePage({
        frame: frameFor(res, title, 'staff'),
        lang: v.lang,
        csrf: v.session.csrf,
        member,
        open,
      }),
    );
  });

  router.post('/staff/:id/deactivate', (req, res) => {
    const v = viewerOf(res);
    const member = managedMember(deps, req, res);
    if (!member) return;
    if (member.id === v.staff.id) {
      showList(deps, req, res, { status: 409, error: t('staff.err.self', v.lang) });
      return;
    }
    const r = deactivateStaff(deps.db, ctx(), member.phone);
    if (!r.ok) throw new Error(`deactivation failed: ${serviceError(r)}`);
    endSessionsOfStaff(sessionDeps(deps), member.id);
    res.redirect(
      303,
      `/console/staff?done=deactivate&name=${encodeURIComponent(member.name)}&n=${r.value.reassigned}`,
    );
  });

  router.post('/staff/:id/activate', (req, res) => {
    const member = managedMember(deps, req, res);
    if (!member) return;
    const r = activateStaff(deps.db, ctx(), member.phone);
    if (!r.ok) throw new Error(`activation failed: ${serviceError(r)}`);
    res.redirect(303, `/console/staff?done=activate&name=${encodeURIComponent(member.name)}`);
  });

  return router;
}
