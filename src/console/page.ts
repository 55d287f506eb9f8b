/**
 * A signed-in page as data. The route layer turns a request into a PageRequest (the viewer its
 * middleware found, the address, the query and path parameters) and sends back the Page a page
 * function made of it: the same on the main thread and in a read worker (src/console/reads.ts),
 * where neither `req` nor `res` exists.
 */
import { t, type WordKey } from './core/words';
import type { Viewer } from './deps';
import { messagePage } from './views/message';
import type { Frame, Section } from './views/layout';

export interface PageRequest {
  viewer: Viewer;
  method: string;
  /** The path and query as asked (Express's originalUrl). */
  url: string;
  /** Query parameters given once (a repeated one is left out, as `param` reads it). */
  query: Record<string, string>;
  /** Path parameters (`:number`, `:id`). */
  params: Record<string, string>;
}

export type Page = { status: number; html: string } | { redirect: string };

/** A query parameter ('' when absent). */
export const arg = (r: PageRequest, name: string): string => r.query[name] ?? '';

/** A page's address without the one-time notice parameters (`done` and its values). */
function withoutNotice(url: string): string {
  const u = new URL(url, 'http://console');
  for (const k of ['done', 'n', 'name', 'to', 'filed']) u.searchParams.delete(k);
  return `${u.pathname}${u.search}`;
}

/** The frame of a signed-in page. */
export function frameOf(
  r: PageRequest,
  title: string,
  section: Section,
  extra: Pick<Frame, 'errors' | 'notice'> = {},
): Frame {
  const v = r.viewer;
  return {
    lang: v.lang,
    title,
    section,
    who: { name: v.staff.name, role: v.staff.role, csrf: v.session.csrf },
    ...(r.method === 'GET' ? { path: withoutNotice(r.url) } : {}),
    ...(extra.errors && extra.errors.length > 0 ? { errors: extra.errors } : {}),
    ...(extra.notice ? { notice: extra.notice } : {}),
  };
}

/** A message page inside the signed-in frame (not found, forbidden). */
export function messageOf(
  r: PageRequest,
  status: number,
  section: Section,
  title: WordKey,
  body: WordKey,
): Page {
  const lang = r.viewer.lang;
  const who = frameOf(r, '', section).who;
  return {
    status,
    html: messagePage({
      lang,
      title: t(title, lang),
      body: t(body, lang),
      ...(who ? { who } : {}),
    }),
  };
}

/** The 404 page of a signed-in staff member. */
export const notFoundOf = (r: PageRequest, section: Section = 'queue'): Page =>
  messageOf(r, 404, section, 'error.notFound.title', 'error.notFound.body');
