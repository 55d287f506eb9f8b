/**
 * GET /metrics in Prometheus' text format. Protected by its own token (METRICS_TOKEN, as a bearer
 * token or ?token=) or, when none is set, answered only to callers on this machine that did not
 * come through a proxy (no X-Forwarded-For): a reverse proxy on the same host must not publish it.
 */
import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import { tokenDigest, tokenMatches } from './auth';
import { sendText } from './text';

export interface MetricsRoute {
  registry: Registry;
  token?: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function metricsHandler(route: MetricsRoute): RequestHandler {
  const digest = route.token === undefined ? undefined : tokenDigest(route.token);
  return (req, res, next) => {
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const allowed = digest
      ? tokenMatches(digest, bearer ?? req.query.token)
      : LOOPBACK.has(req.socket.remoteAddress ?? '') &&
        req.headers['x-forwarded-for'] === undefined;
    if (!allowed) {
      sendText(res, digest ? 401 : 404, digest ? 'Unauthorized' : 'Not Found');
      return;
    }
    route.registry
      .metrics()
      .then((text) => {
        res.writeHead(200, { 'Content-Type': route.registry.contentType });
        res.end(text);
      })
      .catch(next);
  };
}
