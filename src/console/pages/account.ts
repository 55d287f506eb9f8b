/** The staff member's own account page (GET /console/account): language, sessions, sign out. */
import { sessionsOf } from '../auth/sessions';
import { t } from '../core/words';
import { sessionDeps, type ConsoleDeps } from '../deps';
import { arg, frameOf, type Page, type PageRequest } from '../page';
import { accountPage } from '../views/account';

const DONE = {
  language: 'account.done.language',
  ended: 'account.done.ended',
  others: 'account.done.endedOthers',
} as const;

/** GET /console/account. */
export function accountGet(deps: ConsoleDeps, r: PageRequest): Page {
  const v = r.viewer;
  const done = arg(r, 'done');
  const key = done in DONE ? DONE[done as keyof typeof DONE] : undefined;
  const html = accountPage({
    frame: frameOf(r, t('account.title', v.lang), 'account', key ? { notice: t(key, v.lang) } : {}),
    lang: v.lang,
    reference: deps.reference,
    staff: v.staff,
    councils: v.councils,
    sessions: sessionsOf(sessionDeps(deps), v.staff.id),
    currentId: v.session.id,
    csrf: v.session.csrf,
  });
  return { status: 200, html };
}
