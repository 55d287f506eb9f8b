/**
 * The web console at /console: server-rendered pages over the same services the SMS console
 * uses. Security headers and a strict Content-Security-Policy (helmet: no inline script, nothing
 * from elsewhere), gzip, bounded form bodies, the signed-in staff member, and on every POST the
 * same-site and CSRF checks. Every page works without JavaScript.
 */
import compression from 'compression';
import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import helmet from 'helmet';
import { ICON, SCRIPT, STYLESHEET, type Asset } from './assets';
import { t } from './core/words';
import type { ConsoleDeps } from './deps';
import { ReadsBusy, inThread } from '../../db/reads';
import { checkPost, cookieNames, langOf, loadViewer, requireViewer } from './middleware';
import { consoleJobs, type ConsoleReads } from './reads';
import { accountRoutes } from './routes/account';
import { callRoutes } from './routes/call';
import { triageRoutes } from './routes/triage';
import { callbackRoutes } from './routes/callbacks';
import { complaintRoutes } from './routes/complaint';
import { dashboardRoutes } from './routes/dashboard';
import { queueRoutes } from './routes/queue';
import { repliesRoutes } from './routes/replies';
import { ruleRoutes } from './routes/rules';
import { sendHtml } from './routes/respond';
import { signInRoutes } from './routes/sign-in';
import { categoryRoutes } from './routes/categories';
import { importUpload, staffRoutes } from './routes/staff';
import { teamRoutes } from './routes/teams';
import { busyPage, messagePage } from './views/message';

function serveAsset(router: Router, asset: Asset): void {
  router.get(asset.path.replace('/console', ''), (_req, res) => {
    res.set({ 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=31536000, immutable' });
    res.send(asset.body);
  });
}

/**
 * The console. Signed-in GET pages and exports are read jobs (src/console/reads.ts) run by
 * `reads`: the read workers in production, this thread's connection by default (tests).
 */
export function consoleRouter(
  deps: ConsoleDeps,
  reads: ConsoleReads = inThread(consoleJobs, deps),
): Router {
  const names = cookieNames(deps.secureCookie);
  const router = Router();
  router.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
          ...(deps.secureCookie ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      // HSTS only where the console is served over HTTPS.
      strictTransportSecurity: deps.secureCookie,
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  router.use(compression());
  serveAsset(router, STYLESHEET);
  serveAsset(router, SCRIPT);
  serveAsset(router, ICON);
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 }));
  router.use(loadViewer(deps, names));
  const refused = (req: Request, res: Response) => {
    const lang = langOf(req, res, names);
    sendHtml(
      res,
      403,
      messagePage({ lang, title: t('error.title', lang), body: t('error.csrf', lang) }),
    );
  };
  // The staff import is a file upload: its form is parsed before its token is checked.
  router.post('/staff/import', importUpload);
  router.use(checkPost(deps, names, refused));
  router.use(signInRoutes(deps, names));
  router.use(requireViewer);
  router.use(queueRoutes(deps, reads));
  router.use(complaintRoutes(deps, reads));
  router.use(callRoutes(deps, reads));
  router.use(triageRoutes(deps, reads));
  router.use(callbackRoutes(deps, reads));
  router.use(staffRoutes(deps, reads));
  router.use(categoryRoutes(deps, reads));
  router.use(repliesRoutes(deps, reads));
  router.use(teamRoutes(deps, reads));
  router.use(ruleRoutes(deps, reads));
  router.use(dashboardRoutes(reads));
  router.use(accountRoutes(deps, names, reads));
  router.use((req, res) => {
    const lang = langOf(req, res, names);
    sendHtml(
      res,
      404,
      messagePage({
        lang,
        title: t('error.notFound.title', lang),
        body: t('error.notFound.body', lang),
      }),
    );
  });
  const failed: ErrorRequestHandler = (err: unknown, req, res, _next) => {
    const status = (err as { status?: unknown }).status;
    const lang = langOf(req, res, names);
    if (err instanceof ReadsBusy) {
      // Said, not dropped: the staff member sees why and can try again.
      res.set('Retry-After', String(err.retryAfterSeconds));
      const again = req.method === 'GET' ? req.originalUrl : undefined;
      sendHtml(res, 503, busyPage({ lang, ...(again ? { again } : {}) }));
      return;
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendHtml(
        res,
        status,
        messagePage({ lang, title: t('error.title', lang), body: t('error.server', lang) }),
      );
      return;
    }
    deps.logger.error({ err, path: req.path }, 'console request failed');
    sendHtml(
      res,
      500,
      messagePage({ lang, title: t('error.title', lang), body: t('error.server', lang) }),
    );
  };
  router.use(failed);
  return router;
}
