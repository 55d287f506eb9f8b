/**
 * GET /status: the public status page (issue 21). Anyone with a complaint number sees its public
 * facts (src/status/core/status.ts); a mistyped number (its check digit) is told as such. One
 * read of the unique number index on the main thread (tens of microseconds: no reason for a read
 * worker); at most 30 lookups a minute from one client (TRUST_PROXY's), against guessing.
 */
import { Router, type Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Db } from '../../../db/client';
import { parseComplaintNumber } from '../../complaints/core/numbers';
import type { ReferenceData } from '../../reference/types';
import { publicStatus } from '../../status/core/status';
import { findStatusRow } from '../../status/repository';
import { findSmsFilingByNumber } from '../../citizens/sms-filings-repository';
import { statusPage, type StatusView } from '../../status/view';
import type { Lang } from '../../text/translate';
import type { StatusWord } from '../../status/words';

export interface StatusDeps {
  db: Db;
  reference: ReferenceData;
  now: () => number;
  /** Lookups a minute from one client (default STATUS_LOOKUPS_PER_MINUTE; the bench's more). */
  perMinute?: number;
}

export const STATUS_LOOKUPS_PER_MINUTE = 30;

/** No script at all; the console's stylesheet and icon; forms only to itself; never framed. */
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const REASONS: Record<string, StatusWord> = {
  empty: 'empty',
  not_digits: 'notDigits',
  length: 'length',
  check_digit: 'checkDigit',
};

/** The page's language: `?lang=sw|en`, else the browser's (Accept-Language), else Kiswahili. */
export function langOf(req: Request): Lang {
  const asked = typeof req.query.lang === 'string' ? req.query.lang : '';
  if (asked === 'en' || asked === 'sw') return asked;
  return req.acceptsLanguages('sw', 'en') === 'en' ? 'en' : 'sw';
}

/** The page for one request (the number as typed, if any). */
export function statusViewOf(deps: StatusDeps, lang: Lang, typed: string | undefined): StatusView {
  if (typed === undefined) return { lang, typed: '' };
  const text = typed.slice(0, 40);
  const parsed = parseComplaintNumber(text);
  if (!parsed.ok)
    return { lang, typed: text, problem: REASONS[parsed.reason] ?? 'empty', status: 400 };
  const row = findStatusRow(deps.db, parsed.number);
  if (!row) {
    // An SMS complaint not yet routed (in triage) or closed there: its number is real.
    const filing = findSmsFilingByNumber(deps.db, parsed.number);
    if (!filing || filing.status === 'routed') {
      return { lang, typed: text, problem: 'notFound', status: 404 };
    }
    const waiting = filing.status === 'waiting';
    return {
      lang,
      typed: text,
      found: {
        number: filing.number,
        status: waiting ? 'received' : 'closed',
        councilCode: '',
        categoryCode: null,
        filedAt: filing.receivedAt,
        changedAt: filing.handledAt ?? filing.lastTextAt,
        sla: { kind: 'noDeadline' },
        councilName: '',
        triage: waiting ? 'pending' : 'notTaken',
      },
    };
  }
  const ref = deps.reference;
  const found = publicStatus(
    row,
    deps.now(),
    (code) => ref.categoryInfo.get(code)?.public !== false,
  );
  return {
    lang,
    typed: text,
    found: {
      ...found,
      councilName: ref.councilLabels.get(row.councilCode)?.[lang] ?? row.councilCode,
    },
  };
}

export function statusRouter(deps: StatusDeps): Router {
  const router = Router();
  router.get(
    '/status',
    rateLimit({
      windowMs: 60_000,
      limit: deps.perMinute ?? STATUS_LOOKUPS_PER_MINUTE,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (req, res) => {
        const lang = langOf(req);
        res
          .status(429)
          .type('html')
          .send(statusPage({ lang, typed: '', problem: 'busy' }));
      },
    }),
    (req, res) => {
      const typed = typeof req.query.number === 'string' ? req.query.number : undefined;
      const view = statusViewOf(deps, langOf(req), typed);
      res
        .status(view.status ?? 200)
        .set('Cache-Control', 'no-store')
        .set('Content-Security-Policy', CSP)
        .set('X-Content-Type-Options', 'nosniff')
        .set('Referrer-Policy', 'no-referrer')
        .set('Content-Language', view.lang)
        .type('html')
        .send(statusPage(view));
    },
  );
  return router;
}
