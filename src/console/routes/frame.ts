/** What every signed-in page's frame needs, from the request's viewer. */
import type { Response } from 'express';
import type { ActionDeps } from '../../complaints/actions';
import { viewerOf, type ConsoleDeps } from '../deps';
import type { Frame, Section } from '../views/layout';

/** A page's address without the one-time notice parameters (`done` and its values). */
function withoutNotice(url: string): string {
  const u = new URL(url, 'http://console');
  for (const k of ['done', 'n', 'name', 'to', 'filed']) u.searchParams.delete(k);
  return `${u.pathname}${u.search}`;
}

/** The frame of a signed-in page. */
export function frameFor(
  res: Response,
  title: string,
  section: Section,
  extra: Pick<Frame, 'errors' | 'notice'> = {},
): Frame {
  const v = viewerOf(res);
  return {
    lang: v.lang,
    title,
    section,
    who: { name: v.staff.name, role: v.staff.role, csrf: v.session.csrf },
    ...(res.req.method === 'GET' ? { path: withoutNotice(res.req.originalUrl) } : {}),
    ...(extra.errors && extra.errors.length > 0 ? { errors: extra.errors } : {}),
    ...(extra.notice ? { notice: extra.notice } : {}),
  };
}

/** The lifecycle services' dependencies for an action taken in the console. */
export const consoleActions = (deps: ConsoleDeps): ActionDeps => ({
  db: deps.db,
  now: deps.now,
  reference: deps.reference,
  via: 'console',
  hours: deps.hours,
});
