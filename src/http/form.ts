/**
 * Form bodies as Africa's Talking posts them (`application/x-www-form-urlencoded`, UTF-8), bounded.
 * A small parser of our own rather than body-parser: it is on the path of every USSD hop, and the
 * generic one costs more than the rest of Express. Rules:
 * - other content types are left alone (`req.body` stays undefined, validation then says what is
 *   missing); a charset other than UTF-8, or a compressed body, is a 400;
 * - at most 64 KB and 50 fields; a repeated field becomes an array (validation rejects it);
 * - a value whose percent-encoding is broken (`text=%E0%A4%A`) is a 400, never stored as typed;
 * - keys land on an object without a prototype, so `__proto__=x` is just an unknown field.
 */
import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import { BadRequestError } from './errors';

const LIMIT_BYTES = 64 * 1024;
const MAX_FIELDS = 50;

export type FormBody = Record<string, string | string[]>;

function decode(s: string): string {
  const spaced = s.includes('+') ? s.replace(/\+/g, ' ') : s;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    throw new BadRequestError('malformed percent-encoding');
  }
}

/** Pure: parses a urlencoded body. Throws BadRequestError on malformed escapes or too many fields. */
export function parseForm(body: string): FormBody {
  const form = Object.create(null) as FormBody;
  if (body === '') return form;
  let fields = 0;
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    if (++fields > MAX_FIELDS) throw new BadRequestError(`more than ${MAX_FIELDS} fields`);
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    const seen = form[key];
    if (seen === undefined) form[key] = value;
    else form[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return form;
}

/** The body's charset when it is a form (undefined: not a form, leave it alone). */
function formCharset(req: IncomingMessage): string | undefined {
  const type = req.headers['content-type'];
  if (!type) return undefined;
  const [media = '', ...params] = type.split(';');
  if (media.trim().toLowerCase() !== 'application/x-www-form-urlencoded') return undefined;
  const charset = params
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  return charset ?? 'utf-8';
}

function readBody(req: IncomingMessage, done: (err?: Error, body?: string) => void): void {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > LIMIT_BYTES) {
    req.resume();
    done(new BadRequestError('body larger than 64 KB'));
    return;
  }
  // Once refused, the rest of the body still flows in (and is dropped) so the socket stays usable.
  const body = { chunks: [] as Buffer[], size: 0, refused: false };
  req.on('data', (chunk: Buffer) => {
    if (body.refused) return;
    body.size += chunk.length;
    if (body.size > LIMIT_BYTES) {
      body.refused = true;
      done(new BadRequestError('body larger than 64 KB'));
      return;
    }
    body.chunks.push(chunk);
  });
  req.on('end', () => {
    if (body.refused) return;
    const buffer =
      body.chunks.length === 1 ? (body.chunks[0] as Buffer) : Buffer.concat(body.chunks);
    done(undefined, buffer.toString('utf8'));
  });
  req.on('error', (err: Error) => {
    if (body.refused) return;
    body.refused = true;
    done(new BadRequestError(`body could not be read: ${err.message}`));
  });
}

/**
 * Reads the request's form body into `req.body` (left undefined for other content types), then
 * calls `done`; `done(err)` with a BadRequestError when the body is not an acceptable form.
 */
export function readForm(req: Request, done: (err?: unknown) => void): void {
  const charset = formCharset(req);
  if (charset === undefined) {
    done();
    return;
  }
  const utf8 = charset === 'utf-8' || charset === 'utf8';
  const compressed = (req.headers['content-encoding'] ?? 'identity').toLowerCase() !== 'identity';
  if (!utf8 || compressed) {
    req.resume();
    done(
      new BadRequestError(
        utf8 ? 'compressed bodies are not accepted' : `unsupported charset ${charset}`,
      ),
    );
    return;
  }
  readBody(req, (err, body) => {
    if (err) {
      done(err);
      return;
    }
    try {
      req.body = parseForm(body ?? '');
    } catch (parseErr) {
      done(parseErr);
      return;
    }
    done();
  });
}
