/**
 * One Africa's Talking webhook as one Express handler: the token rule, then the form body, then the
 * route's own work. Kept in one layer rather than three middlewares because every USSD hop pays for
 * each layer the router walks.
 *
 * AT signs nothing, so every callback URL carries `?token=<WEBHOOK_TOKEN>`, compared in constant
 * time; wrong or missing: 401, the body is not even read, nothing is recorded.
 */
import type { Request, RequestHandler, Response } from 'express';
import { tokenDigest, tokenMatches } from './auth';
import { readForm } from './form';
import { sendText } from './text';

/** The route's work once the caller is known and `req.body` holds the form. May throw. */
export type WebhookHandler = (req: Request, res: Response) => void;

export function webhook(expectedToken: string, handle: WebhookHandler): RequestHandler {
  const expected = tokenDigest(expectedToken);
  return (req, res, next) => {
    if (!tokenMatches(expected, req.query.token)) {
      sendText(res, 401, 'Unauthorized');
      return;
    }
    readForm(req, (err) => {
      if (err) {
        next(err);
        return;
      }
      try {
        handle(req, res);
      } catch (handlerErr) {
        next(handlerErr);
      }
    });
  };
}

/** Any method but POST on a webhook URL: 401 without the token (as for POST), else 404. */
export function otherMethod(expectedToken: string): RequestHandler {
  const expected = tokenDigest(expectedToken);
  return (req, res) => {
    const known = tokenMatches(expected, req.query.token);
    sendText(res, known ? 404 : 401, known ? 'Not Found' : 'Unauthorized');
  };
}
