/**
 * Writing a console page: HTML, never cached (pages show one staff member's data). Signed-in
 * GET pages are read jobs (src/console/reads.ts): the request becomes a PageRequest, the job
 * runs on a read worker (or on this thread when there is no pool), its Page is sent here.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Reads } from '../../../db/reads';
import { viewerOf } from '../deps';
import type { Page, PageRequest } from '../page';
import type { ConsoleJobs, PageKind } from '../reads';

export function sendHtml(res: Response, status: number, html: string): void {
  res.status(status);
  res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.send(html);
}

/** What a page function needs of a signed-in request. */
export function pageOf(req: Request, res: Response): PageRequest {
  const strings = (o: object) =>
    Object.fromEntries(
      Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  return {
    viewer: viewerOf(res),
    method: req.method,
    url: req.originalUrl,
    query: strings(req.query),
    params: strings(req.params),
  };
}

export function sendPage(res: Response, page: Page): void {
  if ('redirect' in page) res.redirect(303, page.redirect);
  else sendHtml(res, page.status, page.html);
}

/** Aborted when the client goes before its answer: a job still waiting is dropped. */
export function abortOnClose(res: Response): AbortSignal {
  const ac = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) ac.abort(new Error('the client went away'));
  });
  return ac.signal;
}

/** A GET route answered by the page job `kind`. */
export function readPage(reads: Reads<ConsoleJobs>, kind: PageKind): RequestHandler {
  return async (req, res) => {
    sendPage(res, await reads.ask(kind, pageOf(req, res), abortOnClose(res)));
  };
}
