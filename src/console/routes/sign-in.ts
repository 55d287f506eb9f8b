/**
 * Sign-in by SMS code and sign-out. Codes are limited per phone and address, under a ceiling per
 * phone (../core/sign-in-limits.ts, counted by requestCode), and by express-rate-limit per
 * address: 20 codes in 15 minutes, whatever the phones, and 30 code checks; the pages say the
 * same whether or not the phone is registered.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { normalizePhone } from '../../text/phone';
import type { Lang } from '../../text/translate';
import { checkCode, pendingPhone, requestCode, type CodeCheck } from '../auth/sign-in';
import { endSessionByToken, startSession } from '../auth/sessions';
import { t } from '../core/words';
import { field, param, sessionDeps, type ConsoleDeps } from '../deps';
import { cookiesOf, csrfOf, langOf, setCookie, type CookieNames } from '../middleware';
import { codePage, phonePage } from '../views/sign-in';
import { sendHtml } from './respond';

const WINDOW_MS = 15 * 60_000;

function limiter(
  limit: number,
  key: ((req: Request, res: Response) => string) | undefined,
  tooMany: RequestHandler,
): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(key ? { keyGenerator: key } : {}),
    handler: tooMany,
  });
}

export function signInRoutes(deps: ConsoleDeps, names: CookieNames): Router {
  const router = Router();
  const signIn = { db: deps.db, now: deps.now, secret: deps.secret };
  const lang = (req: Request, res: Response) => langOf(req, res, names);
  const showPhone = (
    req: Request,
    res: Response,
    status: number,
    o: { error?: string; notice?: string; phone?: string; lang?: Lang } = {},
  ) =>
    sendHtml(
      res,
      status,
      phonePage({
        ...o,
        lang: o.lang ?? lang(req, res),
        csrf: csrfOf(req, res, deps, names),
        phone: o.phone ?? '',
      }),
    );
  const showCode = (req: Request, res: Response, status: number, phone: string, error?: string) =>
    sendHtml(
      res,
      status,
      codePage({
        lang: lang(req, res),
        csrf: csrfOf(req, res, deps, names),
        phone,
        ...(error ? { error } : {}),
      }),
    );

  const pendingOf = (req: Request) => {
    const token = cookiesOf(req)[names.signIn];
    return token ? { token, phone: pendingPhone(signIn, token) } : undefined;
  };
  const tooMany = (req: Request, res: Response) =>
    showPhone(req, res, 429, { error: t('signIn.limit', lang(req, res)) });
  const perAddress = limiter(20, undefined, tooMany);
  const checksPerAddress = limiter(30, undefined, (req, res) =>
    showCode(req, res, 429, pendingOf(req)?.phone ?? '', t('error.tooMany', lang(req, res))),
  );

  const send = (req: Request, res: Response, phone: string) => {
    const token = requestCode(signIn, phone, req.ip);
    if (token === undefined) {
      tooMany(req, res);
      return;
    }
    setCookie(res, deps, names.signIn, token, 10 * 60);
    res.redirect(303, '/console/sign-in/code');
  };

  router.get('/sign-in', (req, res) => {
    const asked = param(req, 'lang');
    const l: Lang = asked === 'sw' || asked === 'en' ? asked : lang(req, res);
    if (asked === l) setCookie(res, deps, names.lang, l, 365 * 24 * 3600);
    const notice = param(req, 'out')
      ? t('signIn.signedOut', l)
      : param(req, 'ended')
        ? t('signIn.timedOut', l)
        : undefined;
    showPhone(req, res, 200, { lang: l, ...(notice ? { notice } : {}) });
  });

  router.post('/sign-in', perAddress, (req, res) => {
    const phone = normalizePhone(field(req, 'phone'));
    if (!phone) {
      showPhone(req, res, 400, {
        error: t('signIn.badPhone', lang(req, res)),
        phone: field(req, 'phone'),
      });
      return;
    }
    send(req, res, phone);
  });

  router.get('/sign-in/code', (req, res) => {
    const pending = pendingOf(req);
    if (!pending?.phone) {
      res.redirect(303, '/console/sign-in');
      return;
    }
    showCode(req, res, 200, pending.phone);
  });

  router.post('/sign-in/resend', perAddress, (req, res) => {
    const phone = pendingOf(req)?.phone;
    if (!phone) {
      res.redirect(303, '/console/sign-in');
      return;
    }
    send(req, res, phone);
  });

  router.post('/sign-in/code', checksPerAddress, (req, res) => {
    const token = cookiesOf(req)[names.signIn];
    const l = lang(req, res);
    const check: CodeCheck = token
      ? checkCode(signIn, token, field(req, 'code'))
      : { ok: false, why: 'expired' };
    if (!check.ok) {
      if (check.why === 'wrong') showCode(req, res, 400, check.phone ?? '', t('signIn.badCode', l));
      else showPhone(req, res, 400, { error: t('signIn.expired', l), phone: check.phone ?? '' });
      return;
    }
    // A new session id at every sign-in; the old session cookie, if any, is replaced.
    const old = cookiesOf(req)[names.session];
    if (old) endSessionByToken(sessionDeps(deps), old);
    const session = startSession(sessionDeps(deps), check.staffId, {
      ip: req.ip,
      userAgent: req.get('user-agent'),
    });
    setCookie(res, deps, names.signIn, undefined);
    setCookie(res, deps, names.session, session);
    res.redirect(303, '/console');
  });

  router.post('/sign-out', (req, res) => {
    const token = cookiesOf(req)[names.session];
    if (token) endSessionByToken(sessionDeps(deps), token);
    setCookie(res, deps, names.session, undefined);
    res.redirect(303, '/console/sign-in?out=1');
  });

  return router;
}
