/**
 * A plain-text answer written straight to the socket. Express's `res.send` also negotiates
 * freshness, ETags and encodings a webhook answer never needs; on the USSD path that is measurable.
 */
import type { Response } from 'express';

export function sendText(res: Response, status: number, body: string): void {
  res.writeHead(status, [
    'Content-Type',
    'text/plain; charset=utf-8',
    'Content-Length',
    String(Buffer.byteLength(body)),
  ]);
  res.end(body);
}
