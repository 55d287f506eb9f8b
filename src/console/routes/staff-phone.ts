/**
 * A staff member's new sign-in phone waiting for its code (issue 23), from their page:
 * POST /console/staff/:id/phone with the code makes the change (then every session of theirs has
 * ended: their own phone, the viewer's too), POST /console/staff/:id/phone/cancel drops it. Only
 * for someone the viewer manages (else 404); a wrong code, or none waiting, redraws the page.
 */
import { Router, type Request, type Response } from 'express';
import type { StaffRow } from '../../../db/schema';
import { cancelPhoneChange, confirmPhoneChange } from '../../directory/phone-change';
import { listsRegion, type StaffFormError } from '../core/staff-form';
import { t } from '../core/words';
import { field, viewerOf, type ConsoleDeps, type Viewer } from '../deps';
import { isPage, managedOf } from '../pages/staff';
import { formOfMember, staffEditOf, type EditOptions } from '../pages/staff-edit';
import { pageOf, sendPage } from './respond';

/** The context of a staff change by the signed-in staff member of `res`. */
export const changeCtx = (deps: ConsoleDeps, res: Response) => ({
  now: deps.now(),
  reference: deps.reference,
  source: 'console' as const,
  actorId: viewerOf(res).staff.id,
  secret: deps.secret,
});

/**
 * A phone number registered to `holder`, as a form error: named only when the viewer sees them
 * in their staff list (issue 23).
 */
export function takenError(viewer: Viewer, holder: StaffRow): StaffFormError {
  const region = listsRegion(viewer.staff);
  const visible = region === undefined || holder.regionCode === region;
  return visible
    ? {
        field: 'phone',
        key: 'staff.err.phoneTaken',
        vars: { phone: holder.phone, name: holder.name },
      }
    : { field: 'phone', key: 'staff.err.phoneUnavailable', vars: { phone: holder.phone } };
}

/** A staff member the path names and the viewer manages; else the 404 page is sent. */
export function managedMember(
  deps: ConsoleDeps,
  req: Request,
  res: Response,
): StaffRow | undefined {
  const found = managedOf(deps, pageOf(req, res));
  if (!isPage(found)) return found;
  sendPage(res, found);
  return undefined;
}

export function staffPhoneRoutes(deps: ConsoleDeps): Router {
  const router = Router();

  router.post('/staff/:id/phone', (req, res) => {
    const v = viewerOf(res);
    const member = managedMember(deps, req, res);
    if (!member) return;
    const r = confirmPhoneChange(deps.db, changeCtx(deps, res), member.id, field(req, 'code'));
    if (r.ok) {
      // Their own phone: their sessions, this one too, have just ended.
      res.redirect(
        303,
        member.id === v.staff.id
          ? '/console/sign-in'
          : `/console/staff?done=phone&name=${encodeURIComponent(member.name)}`,
      );
      return;
    }
    const page = (o: EditOptions) =>
      sendPage(
        res,
        staffEditOf(deps, pageOf(req, res), member, formOfMember(deps, member), [], 400, o),
      );
    if (r.code === 'wrong') page({ codeError: t('staff.err.phoneCode', v.lang) });
    else if (r.code === 'taken') {
      const e = takenError(v, r.holder);
      page({ error: t(e.key, v.lang, e.vars) });
    } else page({ error: t('staff.err.phoneNone', v.lang) });
  });

  router.post('/staff/:id/phone/cancel', (req, res) => {
    const member = managedMember(deps, req, res);
    if (!member) return;
    cancelPhoneChange(deps.db, changeCtx(deps, res), member.id);
    res.redirect(303, `/console/staff/${member.id}?done=cancelled`);
  });

  return router;
}
