/**
 * Open311's reads as a job (db/reads.ts): the answer to one GET, already in its wire form, so
 * that the query and the serialising of up to 1,000 requests run on a read worker. Read in one
 * transaction (one snapshot): the change mark first, then the answer, so that an answer is
 * never newer than the mark it is remembered under (./memo.ts). Its validators: a strong ETag
 * of the body, and Last-Modified, the moment of the last change to any complaint (left out
 * while that moment is in the current second, which a later change could share). The HTTP
 * route (src/http/routes/open311.ts) adds the headers.
 */
import { createHash } from 'node:crypto';
import { inTransaction } from '../../db/client';
import type { Jobs } from '../../db/reads';
import { toJson, toXml } from './core/document';
import type { Params } from './core/query';
import { answerOpen311, type Open311Deps, type Resource } from './georeport';
import type { Cursor } from './pages';
import { changeMark, type ChangeMark } from './repository';

export type Format = 'json' | 'xml';

export interface Open311Ask {
  resource: Resource;
  params: Params;
  /** Where /open311/v2 is served from (for discovery's URL). */
  baseUrl: string;
  format: Format;
  /** The nearest known start of a window's page (./pages.ts). */
  cursor?: Cursor;
}

export interface Open311Reply {
  status: number;
  body: string;
  /** Seconds a client or proxy may keep it; 0: revalidate every time. */
  maxAge: number;
  /** When a window's page was full and more follow: the next page's number. */
  nextPage?: number;
  /** And where it starts. */
  next?: Cursor;
  etag?: string;
  /** Last-Modified (ms), when known. */
  lastModified?: number;
  /** The change mark the answer was read at (answers that read complaints). */
  mark?: ChangeMark;
}

/** A strong validator of a body. */
export const etagOf = (body: string): string =>
  `"${createHash('sha1').update(body).digest('base64url')}"`;

/** Whether answers to `r` read the complaints (else they are fixed: discovery, services). */
export const readsComplaints = (r: Resource): boolean =>
  r.kind === 'requests' || r.kind === 'request';

/** The answer to one GET as text in `a.format`, with its validators. */
export function open311Reply(deps: Open311Deps, a: Open311Ask): Open311Reply {
  if (!readsComplaints(a.resource)) {
    const answer = answerOpen311(deps, a.resource, a.params, a.baseUrl);
    const body = a.format === 'xml' ? toXml(answer.doc) : toJson(answer.doc);
    return { status: answer.status, body, maxAge: answer.maxAge, etag: etagOf(body) };
  }
  return inTransaction(deps.db, () => {
    const mark = changeMark(deps.db);
    const paging = () => ({ mark, ...(a.cursor ? { cursor: a.cursor } : {}) });
    const answer = answerOpen311(deps, a.resource, a.params, a.baseUrl, paging);
    const body = a.format === 'xml' ? toXml(answer.doc) : toJson(answer.doc);
    const settled = Math.floor(deps.now() / 1000) > Math.floor(mark.at / 1000);
    return {
      status: answer.status,
      body,
      maxAge: answer.maxAge,
      ...(answer.nextPage ? { nextPage: answer.nextPage } : {}),
      ...(answer.next ? { next: answer.next } : {}),
      etag: etagOf(body),
      ...(settled && mark.at > 0 ? { lastModified: mark.at } : {}),
      mark,
    };
  });
}

export const open311Jobs = { reply: { ask: open311Reply } } satisfies Jobs<Open311Deps>;
export type Open311Jobs = typeof open311Jobs;
