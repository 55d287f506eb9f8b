/**
 * Form bodies as Africa's Talking posts them (`application/x-www-form-urlencoded`, UTF-8), bounded.
 * body-parser keeps a value whose percent-encoding is broken (`text=%E0%A4%A`) as the raw escapes,
 * which would then reach the menu and the database as if typed: such a body is a 400 instead.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type RequestHandler } from 'express';
import { BadRequestError } from './errors';

function rejectMalformedEncoding(
  _req: IncomingMessage,
  _res: ServerResponse,
  body: Buffer,
  encoding: string,
): void {
  // Only UTF-8 escapes can be malformed; ISO-8859-1 gives every byte a meaning.
  if (encoding.toLowerCase() !== 'utf-8' || !body.includes(0x25 /* % */)) return;
  for (const pair of body.toString('utf8').split('&')) {
    try {
      decodeURIComponent(pair.replace(/\+/g, ' '));
    } catch {
      throw new BadRequestError('malformed percent-encoding');
    }
  }
}

/** The form parser for the webhooks: 64 KB, 50 fields, well-formed escapes. */
export function formParser(): RequestHandler {
  return express.urlencoded({
    extended: false,
    limit: '64kb',
    parameterLimit: 50,
    verify: rejectMalformedEncoding,
  });
}
