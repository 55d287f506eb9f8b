/**
 * /open311: the public, read-only Open311 GeoReport v2 endpoint (src/open311/georeport.ts),
 * mounted only when OPEN311_ENABLED. JSON or XML by the path's extension (`.json`, `.xml`); every
 * other path or extension is a 404 in the spec's error format. Any web page may read it (CORS `*`:
 * it is public data, and no cookie or credential is ever involved). It protects itself: at most
 * OPEN311_RATE_LIMIT requests a minute from one client (429), answers that may be cached for a
 * minute and revalidated (ETag, Last-Modified: 304), a re-read of an unchanged answer served
 * from memory, deep pages read after the page before them (src/open311/memo.ts).
 */
import { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { inThread, ReadsBusy, type Reads } from '../../../db/reads';
import { errorDocument, toJson, toXml } from '../../open311/core/document';
import { parseRequestsQuery } from '../../open311/core/query';
import { publicCategories, type Open311Deps, type Resource } from '../../open311/georeport';
import { createOpen311Memo, type Open311Memo } from '../../open311/memo';
import {
  open311Jobs,
  open311Reply,
  readsComplaints,
  type Format,
  type Open311Ask,
  type Open311Jobs,
  type Open311Reply,
} from '../../open311/reads';

const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

const ROUTES: [RegExp, (m: RegExpExecArray) => Resource][] = [
  [/^\/v2\/discovery\.(json|xml)$/, () => ({ kind: 'discovery' })],
  [/^\/v2\/services\.(json|xml)$/, () => ({ kind: 'services' })],
  [/^\/v2\/services\/([^/]+)\.(json|xml)$/, (m) => ({ kind: 'service', code: m[1] ?? '' })],
  [/^\/v2\/requests\.(json|xml)$/, () => ({ kind: 'requests' })],
  [/^\/v2\/requests\/([^/]+)\.(json|xml)$/, (m) => ({ kind: 'request', id: m[1] ?? '' })],
];

/** The resource a path names and the format asked for; an unknown path is still answered. */
function route(path: string): { resource?: Resource; format: Format } {
  for (const [pattern, resource] of ROUTES) {
    const m = pattern.exec(path);
    if (m) return { resource: resource(m), format: m.at(-1) === 'xml' ? 'xml' : 'json' };
  }
  return { format: path.endsWith('.xml') ? 'xml' : 'json' };
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Max-Age': '86400',
};

function send(res: Response, format: Format, a: Open311Reply, next?: string): void {
  res
    .status(a.status)
    .set({
      ...CORS,
      'Content-Type': CONTENT_TYPES[format],
      'Cache-Control': a.maxAge > 0 ? `public, max-age=${a.maxAge}` : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...(next ? { Link: `<${next}>; rel="next"` } : {}),
      ...(a.etag && a.status === 200 ? { ETag: a.etag } : {}),
      ...(a.lastModified !== undefined && a.status === 200
        ? { 'Last-Modified': new Date(a.lastModified).toUTCString() }
        : {}),
    })
    // With the validators set, Express answers a matching If-None-Match/If-Modified-Since 304.
    .send(a.body);
}

/** An error in the spec's format, as text. */
function errorReply(format: Format, status: number, description: string): Open311Reply {
  const doc = errorDocument([{ code: status, description }]);
  return { status, body: format === 'xml' ? toXml(doc) : toJson(doc), maxAge: 0 };
}

function baseUrlOf(deps: Open311Deps, req: Request): string {
  return (deps.open311.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`).replace(
    /\/$/,
    '',
  );
}

/** The same request with `page` set to the next page, for the `Link: rel="next"` header. */
function nextPageUrl(base: string, req: Request, page: number): string {
  const url = new URL(req.originalUrl, `${base}/`);
  url.searchParams.set('page', String(page));
  return `${base}${url.pathname}${url.search}`;
}

/**
 * Failures inside (the database, say) are answered in the spec's format too, without details;
 * every read worker busy and the queue full: 503 with Retry-After.
 */
function failure(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const { format } = route(req.path);
    if (err instanceof ReadsBusy) {
      res.set('Retry-After', String(err.retryAfterSeconds));
      send(res, format, errorReply(format, 503, 'Busy: please try again in a few seconds'));
      return;
    }
    logger.error({ err, path: req.originalUrl }, 'open311 request failed');
    send(res, format, errorReply(format, 500, 'Internal error: please try again later'));
  };
}

export interface Open311RouteDeps extends Open311Deps {
  logger: Logger;
}

/** At most `perMinute` requests a minute from one address (the proxy's client, TRUST_PROXY). */
function perClient(perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Preflights cost nothing and carry no query.
    skip: (req) => req.method === 'OPTIONS',
    handler: (req, res) => {
      const { format } = route(req.path);
      const text = `Too many requests: at most ${perMinute} a minute from one client`;
      send(res, format, errorReply(format, 429, text));
    },
  });
}

/**
 * The answer to a GET that reads complaints: remembered if nothing changed since, else read by
 * `reads` from the nearest known start of its page, and remembered.
 */
async function answerOf(
  deps: Open311Deps,
  memo: Open311Memo,
  reads: Reads<Open311Jobs>,
  key: string,
  ask: Open311Ask,
): Promise<Open311Reply> {
  const now = deps.now();
  const known = memo.answer(key, memo.mark(), now);
  if (known) return known;
  const parsed =
    ask.resource.kind === 'requests'
      ? parseRequestsQuery(ask.params, now, publicCategories(deps.reference).codes)
      : undefined;
  const q = parsed?.ok && parsed.value.kind === 'window' ? parsed.value : undefined;
  const cursor = q ? memo.cursor(q) : undefined;
  const reply = await reads.ask('reply', { ...ask, ...(cursor ? { cursor } : {}) });
  memo.remember(key, q, reply, now);
  return reply;
}

/**
 * The /open311 router: GET and HEAD answered, OPTIONS for CORS, anything else 405. Requests
 * are answered by `reads` (the read workers in production, this thread by default); discovery
 * and services, which read no complaint, here.
 */
export function open311Router(
  deps: Open311RouteDeps,
  reads: Reads<Open311Jobs> = inThread(open311Jobs, deps),
): Router {
  const router = Router();
  const memo = createOpen311Memo(deps.db);
  const perMinute = deps.open311.ratePerMinute ?? 0;
  if (perMinute > 0) router.use(perClient(perMinute));
  router.get(/.*/, async (req, res) => {
    const { resource, format } = route(req.path);
    if (!resource) {
      return send(res, format, errorReply(format, 404, `no resource at ${req.baseUrl}${req.path}`));
    }
    const base = baseUrlOf(deps, req);
    const ask = { resource, params: req.query, baseUrl: base, format };
    const answer = readsComplaints(resource)
      ? await answerOf(deps, memo, reads, req.originalUrl, ask)
      : open311Reply(deps, ask);
    const next = answer.nextPage ? nextPageUrl(base, req, answer.nextPage) : undefined;
    send(res, format, answer, next);
  });
  router.options(/.*/, (_req, res) => {
    res.status(204).set(CORS).end();
  });
  router.all(/.*/, (req, res) => {
    const { format } = route(req.path);
    res.set('Allow', 'GET, HEAD, OPTIONS');
    send(res, format, errorReply(format, 405, `${req.method} is not allowed: read only`));
  });
  router.use(failure(deps.logger));
  return router;
}
