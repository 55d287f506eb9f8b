/**
 * The staff member's own account: GET /console/account; POST /console/account/language (also
 * the header's language switch, which returns to the page it was pressed on); ending one
 * session or every other one.
 */
import { Router } from 'express';
import { setStaffLanguage } from '../../staff/repository';
import { endOwnSession, endSessionsOfStaff, sessionsOf } from '../auth/sessions';
import { t } from '../core/words';
import { field, param, sessionDeps, viewerOf, type ConsoleDeps } from '../deps';
import type { CookieNames } from '../middleware';
import { setCookie } from '../middleware';
import { accountPage } from '../views/account';
import { frameFor } from './frame';
import { sendHtml } from './respond';

const DONE = {
  language: 'account.done.language',
  ended: 'account.done.ended',
  others: 'account.done.endedOthers',
} as const;

/** Where to go back to after the header's language switch: a console page, else the queue. */
function backTo(raw: string): string {
  return /^\/console(\/|\?|$)/.test(raw) && !raw.startsWith('//') ? raw : '/console';
}

export function accountRoutes(deps: ConsoleDeps, names: CookieNames): Router {
  const router = Router();
  const sessions = sessionDeps(deps);

  router.get('/account', (req, res) => {
    const v = viewerOf(res);
    const done = param(req, 'done');
    const key = done in DONE ? DONE[done as keyof typeof DONE] : undefined;
    const html = accountPage({
      frame: frameFor(
        res,
        t('account.title', v.lang),
        'account',
        key ? { notice: t(key, v.lang) } : {},
      ),
      lang: v.lang,
      reference: deps.reference,
      staff: v.staff,
      councils: v.councils,
      sessions: sessionsOf(sessions, v.staff.id),
      currentId: v.session.id,
      csrf: v.session.csrf,
    });
    sendHtml(res, 200, html);
  });

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
