/**
 * The one error middleware: malformed bodies are 400, anything else 500 with no stack trace.
 * (The USSD route never gets here for ordinary failures: it answers END itself.)
 */
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { sendText } from './text';

/** Thrown by routes for input that fails validation at the edge. */
export class BadRequestError extends Error {
  override name = 'BadRequestError';
}

function statusOf(err: unknown): number {
  if (err instanceof BadRequestError) return 400;
  const status = (err as { status?: unknown; type?: unknown }).status;
  // body-parser errors (malformed encoding, too large, bad charset) carry a 4xx status.
  if (typeof status === 'number' && status >= 400 && status < 500) return 400;
  return 500;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const status = statusOf(err);
    if (status === 500) logger.error({ err, path: req.path }, 'request failed');
    else logger.warn({ path: req.path, reason: (err as Error).message }, 'bad request');
    const message = status === 400 ? `Bad request: ${(err as Error).message}` : 'Internal error';
    sendText(res, status, message);
  };
}
