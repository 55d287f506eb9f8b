/**
 * The staff member's own account: GET /console/account; POST /console/account/language (also
 * the header's language switch, which returns to the page it was pressed on); ending one
 * session or every other one.
 */
import { Router } from 'express';
import { setStaffLanguage } from '../../staff/repository';
import { endOwnSession, endSessionsOfStaff } from '../auth/sessions';
import { field, sessionDeps, viewerOf, type ConsoleDeps } from '../deps';
import type { CookieNames } from '../middleware';
import { setCookie } from '../middleware';
import type { ConsoleReads } from '../reads';
import { readPage } from './respond';

/** Where to go back to after the header's language switch: a console page, else the queue. */
function backTo(raw: string): string {
  return /^\/console(\/|\?|$)/.test(raw) && !raw.startsWith('//') ? raw : '/console';
}

export function accountRoutes(deps: ConsoleDeps, names: CookieNames, reads: ConsoleReads): Router {
  const router = Router();
  const sessions = sessionDeps(deps);

  router.get('/account', readPage(reads, 'account'));

  router.post('/account/language', (req, res) => {
    const v = viewerOf(res);
    const lang = field(req, 'lang');
    if (lang === 'sw' || lang === 'en') {
      setStaffLanguage(deps.db, v.staff.id, lang, deps.now());
      // The sign-in pages speak it too, after signing out.
      setCookie(res, deps, names.lang, lang, 365 * 24 * 3600);
    }
    const back = backTo(field(req, 'back'));
    res.redirect(303, back === '/console/account' ? '/console/account?done=language' : back);
  });

  router.post('/account/sessions/end-others', (_req, res) => {
    const v = viewerOf(res);
    endSessionsOfStaff(sessions, v.staff.id, v.session.id);
    res.redirect(303, '/console/account?done=others');
  });

  router.post('/account/sessions/:id/end', (req, res) => {
    const v = viewerOf(res);
    const id = String(req.params.id);
    if (id !== v.session.id) endOwnSession(sessions, v.staff.id, id);
    res.redirect(303, '/console/account?done=ended');
  });

  return router;
}
