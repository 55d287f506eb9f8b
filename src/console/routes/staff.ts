/**
 * The staff pages, for supervisors (their region's officers) and headquarters (everyone):
 * GET /console/staff, POST /console/staff (add), GET/POST /console/staff/:id (edit),
 * POST /console/staff/:id/deactivate|activate, POST /console/staff/import (CSV, all or nothing),
 * GET /console/staff/changes (headquarters: the log of staff changes). Deactivating someone moves
 * their open complaints to colleagues and ends their console sessions. A new phone on the edit
 * form is not saved: a code goes to it (issue 23), and the member's page takes that code
 * (./staff-phone.ts).
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import {
  activateStaff,
  addStaff,
  deactivateStaff,
  importStaffCsv,
  updateStaff,
  type Result,
} from '../../directory/service';
import { requestPhoneChange } from '../../directory/phone-change';
import { loadWardList } from '../../reference/wards';
import { findStaffByPhone } from '../../staff/repository';
import { normalizePhone } from '../../text/phone';
import {
  checkStaffForm,
  manages,
  rolesGivenBy,
  STAFF_FIELDS,
  type StaffForm,
  type StaffFormError,
} from '../core/staff-form';
import { t } from '../core/words';
import { fields, formOf, viewerOf, type ConsoleDeps, type Viewer } from '../deps';
import { messageOf } from '../page';
import { staffListOf, type ListOptions } from '../pages/staff';
import { staffEditOf } from '../pages/staff-edit';
import type { ConsoleReads } from '../reads';
import { pageOf, readPage, sendPage } from './respond';
import { changeCtx, managedMember, staffPhoneRoutes, takenError } from './staff-phone';

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

function formOfRequest(req: Request): StaffForm {
  return { ...formOf(req, STAFF_FIELDS), councils: fields(req, 'councils') };
}

/**
 * A phone number already registered to someone else, as a form error. Only someone the viewer
 * can see in their staff list is named (headquarters: anyone; a supervisor: their region's);
 * of anyone else the form says only that the number cannot be used, so the form does not tell
 * a supervisor who holds any phone (issue 23).
 */
function phoneTaken(
  deps: ConsoleDeps,
  viewer: Viewer,
  form: StaffForm,
  except?: number,
): StaffFormError | undefined {
  const phone = normalizePhone(form.phone);
  const holder = phone ? findStaffByPhone(deps.db, phone) : undefined;
  if (!holder || holder.id === except) return undefined;
  return takenError(viewer, holder);
}

const showList = (deps: ConsoleDeps, req: Request, res: Response, o: ListOptions = {}) =>
  sendPage(res, staffListOf(deps, pageOf(req, res), o));

/** The first error of a service result (a race the form checks did not catch). */
const serviceError = <T>(r: Result<T>) => (r.ok ? undefined : r.errors.join('; '));

export function staffRoutes(deps: ConsoleDeps, reads: ConsoleReads): Router {
  const router = Router();
  // Officers manage no one: the staff pages are not theirs.
  router.use('/staff', (req, res, next) => {
    if (viewerOf(res).staff.role !== 'officer') {
      next();
      return;
    }
    sendPage(
      res,
      messageOf(pageOf(req, res), 403, 'staff', 'error.forbidden.title', 'error.forbidden.body'),
    );
  });

  router.use(staffPhoneRoutes(deps));

  router.get('/staff', readPage(reads, 'staff'));

  router.post('/staff', (req, res) => {
    const v = viewerOf(res);
    const form = formOfRequest(req);
    const checked = checkStaffForm(v.staff, form, deps.reference, loadWardList());
    const taken = phoneTaken(deps, v, form);
    if (!checked.ok || taken) {
      const errors = [...(checked.ok ? [] : checked.errors), ...(taken ? [taken] : [])];
      showList(deps, req, res, { status: 400, add: { form, errors } });
      return;
    }
    const r = addStaff(deps.db, changeCtx(deps, res), checked.input);
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
      changeCtx(deps, res),
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

  router.get('/staff/changes', readPage(reads, 'staffChanges'));

  router.get('/staff/:id', readPage(reads, 'staffEdit'));

  router.post('/staff/:id', (req, res) => {
    const v = viewerOf(res);
    const member = managedMember(deps, req, res);
    if (!member) return;
    const form = formOfRequest(req);
    const checked = checkStaffForm(v.staff, form, deps.reference, loadWardList());
    const taken = phoneTaken(deps, v, form, member.id);
    const redraw = (status: number, errors: StaffFormError[]) =>
      sendPage(res, staffEditOf(deps, pageOf(req, res), member, form, errors, status));
    if (!checked.ok || taken) {
      redraw(400, [...(checked.ok ? [] : checked.errors), ...(taken ? [taken] : [])]);
      return;
    }
    // A new phone is not saved: a code goes to it, and only that code makes the change.
    const newPhone = normalizePhone(form.phone) !== member.phone;
    if (newPhone) {
      const asked = requestPhoneChange(deps.db, changeCtx(deps, res), member.id, form.phone);
      if (!asked.ok && asked.code === 'tooMany') {
        redraw(429, [{ field: 'phone', key: 'staff.err.phoneCodeLimit' }]);
        return;
      }
      if (!asked.ok && asked.code === 'taken') {
        redraw(400, [takenError(v, asked.holder)]);
        return;
      }
      if (!asked.ok) throw new Error(`phone change refused after the form's checks: ${asked.code}`);
    }
    const input = { ...checked.input, phone: member.phone };
    const r = updateStaff(deps.db, changeCtx(deps, res), member.id, input);
    if (!r.ok) throw new Error(`staff update refused after the form's checks: ${serviceError(r)}`);
    res.redirect(
      303,
      newPhone
        ? `/console/staff/${member.id}?done=code`
        : `/console/staff?done=edit&name=${encodeURIComponent(r.value.name)}`,
    );
  });

  router.get('/staff/:id/deactivate', readPage(reads, 'staffDeactivate'));

  router.post('/staff/:id/deactivate', (req, res) => {
    const v = viewerOf(res);
    const member = managedMember(deps, req, res);
    if (!member) return;
    if (member.id === v.staff.id) {
      showList(deps, req, res, { status: 409, error: t('staff.err.self', v.lang) });
      return;
    }
    // The service ends their console sessions in the same transaction.
    const r = deactivateStaff(deps.db, changeCtx(deps, res), member.phone);
    if (!r.ok) throw new Error(`deactivation failed: ${serviceError(r)}`);
    res.redirect(
      303,
      `/console/staff?done=deactivate&name=${encodeURIComponent(member.name)}&n=${r.value.reassigned}`,
    );
  });

  router.post('/staff/:id/activate', (req, res) => {
    const member = managedMember(deps, req, res);
    if (!member) return;
    const r = activateStaff(deps.db, changeCtx(deps, res), member.phone);
    if (!r.ok) throw new Error(`activation failed: ${serviceError(r)}`);
    res.redirect(303, `/console/staff?done=activate&name=${encodeURIComponent(member.name)}`);
  });

  return router;
}
