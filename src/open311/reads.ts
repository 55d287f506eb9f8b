/**
 * Open311's reads as a job (db/reads.ts): the answer to one GET, already in its wire form, so
 * that the query and the serialising of up to 1,000 requests run on a read worker. The HTTP route
 * (src/http/routes/open311.ts) adds the headers.
 */
import type { Jobs } from '../../db/reads';
import { toJson, toXml } from './core/document';
import type { Params } from './core/query';
import { answerOpen311, type Open311Deps, type Resource } from './georeport';

export type Format = 'json' | 'xml';

export interface Open311Ask {
  resource: Resource;
  params: Params;
  /** Where /open311/v2 is served from (for discovery's URL). */
  baseUrl: string;
  format: Format;
}

export interface Open311Reply {
  status: number;
  body: string;
  /** Seconds a client or proxy may keep it; 0: revalidate every time. */
  maxAge: number;
  /** When a window's page was full and more follow: the next page's number. */
  nextPage?: number;
}

/** The answer to one GET as text in `a.format`. */
export function open311Reply(deps: Open311Deps, a: Open311Ask): Open311Reply {
  const answer = answerOpen311(deps, a.resource, a.params, a.baseUrl);
  return {
    status: answer.status,
    body: a.format === 'xml' ? toXml(answer.doc) : toJson(answer.doc),
    maxAge: answer.maxAge,
    ...(answer.nextPage ? { nextPage: answer.nextPage } : {}),
  };
}

export const open311Jobs = { reply: { ask: open311Reply } } satisfies Jobs<Open311Deps>;
export type Open311Jobs = typeof open311Jobs;
