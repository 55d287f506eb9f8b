/**
 * The console's request plumbing: cookies, the signed-in staff member, and the checks every
 * state change passes (same-site fetch metadata or origin, and a synchronizer CSRF token).
 */
import { parse as parseCookies, serialize } from 'cookie';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { scopeOf } from '../complaints/core/scope';
import { councilsOf } from '../staff/repository';
import type { Lang } from '../text/translate';
import { resumeSession } from './auth/sessions';
import { keyedHash, randomToken, sameHex, sameText } from './auth/tokens';
import { sessionDeps, type ConsoleDeps, type Viewer } from './deps';

export interface CookieNames {
  session: string;
  signIn: string;
  pre: string;
  lang: string;
}

/** `__Host-` cookies (Secure, Path=/, no Domain) over HTTPS; plain ones on localhost http. */
export function cookieNames(secure: boolean): CookieNames {
  const p = secure ? '__Host-kero_' : 'kero_';
  return { session: `${p}session`, signIn: `${p}signin`, pre: `${p}pre`, lang: `${p}lang` };
}

export function cookiesOf(req: Request): Record<string, string | undefined> {
  return parseCookies(req.headers.cookie ?? '');
}

/** Sets (or with `value` undefined, clears) an HttpOnly, SameSite=Lax cookie. */
export function setCookie(
  res: Response,
  deps: ConsoleDeps,
  name: string,
  value: string | undefined,
  maxAgeSeconds?: number,
): void {
  const header = serialize(name, value ?? '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.secureCookie,
    path: deps.secureCookie ? '/' : '/console',
    ...(value === undefined ? { maxAge: 0 } : maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  });
  res.append('Set-Cookie', header);
}

/** Looks up the session cookie; a live session puts the viewer on `res.locals.viewer`. */
export function loadViewer(deps: ConsoleDeps, names: CookieNames): RequestHandler {
  return (req, res, next) => {
    const token = cookiesOf(req)[names.session];
    const signed = token ? resumeSession(sessionDeps(deps), token) : undefined;
    if (signed) {
      const councils = councilsOf(deps.db, [signed.staff.id]).get(signed.staff.id) ?? [];
      const viewer: Viewer = {
        ...signed,
        councils,
        scope: scopeOf({ ...signed.staff, councils }),
        lang: signed.staff.language,
      };
      (res.locals as { viewer?: Viewer }).viewer = viewer;
    } else if (token) {
      (res.locals as { expired?: boolean }).expired = true;
    }
    next();
  };
}

/** Pages behind sign-in: anyone else goes to the sign-in page. */
export const requireViewer: RequestHandler = (_req, res, next) => {
  if ((res.locals as { viewer?: Viewer }).viewer) {
    next();
    return;
  }
  const expired = (res.locals as { expired?: boolean }).expired === true;
  res.redirect(303, `/console/sign-in${expired ? '?ended=1' : ''}`);
};

/** The language of a page: the viewer's, else the sign-in pages' cookie, else Kiswahili. */
export function langOf(req: Request, res: Response, names: CookieNames): Lang {
  const viewer = (res.locals as { viewer?: Viewer }).viewer;
  if (viewer) return viewer.lang;
  return cookiesOf(req)[names.lang] === 'en' ? 'en' : 'sw';
}

/** Whether a state-changing request comes from a page of this site (fetch metadata, origin). */
export function sameSite(req: Request): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return true;
  return origin === `${req.protocol}://${req.get('host') ?? ''}`;
}

/** The token of the pre-session forms (sign-in): a keyed hash of a random cookie. */
export function preToken(req: Request, res: Response, deps: ConsoleDeps, names: CookieNames) {
  let pre = cookiesOf(req)[names.pre];
  if (!pre) {
    pre = randomToken();
    setCookie(res, deps, names.pre, pre);
  }
  return keyedHash(deps.secret, `pre:${pre}`);
}

/** The CSRF token a form of this request must carry. */
export function csrfOf(req: Request, res: Response, deps: ConsoleDeps, names: CookieNames) {
  const viewer = (res.locals as { viewer?: Viewer }).viewer;
  return viewer ? viewer.session.csrf : preToken(req, res, deps, names);
}

/** Whether a POST carries the right CSRF token for its session (or pre-session cookie). */
export function csrfMatches(req: Request, res: Response, deps: ConsoleDeps, names: CookieNames) {
  const body = req.body as Record<string, unknown> | undefined;
  const sent = typeof body?._csrf === 'string' ? body._csrf : '';
  const viewer = (res.locals as { viewer?: Viewer }).viewer;
  if (viewer) return sameText(sent, viewer.session.csrf);
  const pre = cookiesOf(req)[names.pre];
  return pre !== undefined && sameHex(sent, keyedHash(deps.secret, `pre:${pre}`));
}

/** Refuses a POST from another site or without the form's token; `refuse` draws the page. */
export function checkPost(
  deps: ConsoleDeps,
  names: CookieNames,
  refuse: (req: Request, res: Response) => void,
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') {
      next();
      return;
    }
    if (!sameSite(req) || !csrfMatches(req, res, deps, names)) {
      refuse(req, res);
      return;
    }
    next();
  };
}
