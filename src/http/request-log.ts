/** One structured log line per request, with a request id and the USSD sessionId when present. */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (!logger.isLevelEnabled('info')) {
      next();
      return;
    }
    const started = process.hrtime.bigint();
    const reqId = randomUUID();
    res.setHeader('X-Request-Id', reqId);
    res.on('finish', () => {
      const body = req.body as Record<string, unknown> | undefined;
      const sessionId =
        typeof body?.sessionId === 'string' ? body.sessionId.slice(0, 128) : undefined;
      logger.info(
        {
          reqId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          ...(sessionId ? { sessionId } : {}),
        },
        'request',
      );
    });
    next();
  };
}
