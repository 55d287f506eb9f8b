/**
 * The replies pages, for supervisors and headquarters: GET /console/replies; POST
 * /console/replies/saved (add), GET/POST /console/replies/saved/:id (edit), POST
 * /console/replies/saved/:id/retire; the same under /console/replies/auto for automatic replies
 * (headquarters). A reply the viewer may not change is a 404; officers get 403 on every one.
 */
import { Router, type Request, type Response } from 'express';
import { REPLY_FIELDS, type ReplyForm } from '../../complaints/core/reply-rules';
import {
  addAutoReply,
  addSavedReply,
  editAutoReply,
  editSavedReply,
  retireAutoReply,
  retireSavedReply,
  type ReplyResult,
} from '../../complaints/replies';
import { formOf, viewerOf, type ConsoleDeps } from '../deps';
import { messageOf, notFoundOf, type Page } from '../page';
import {
  autoEditOf,
  autoReplyOf,
  isPage,
  repliesListOf,
  savedEditOf,
  savedReplyOf,
} from '../pages/replies';
import type { ConsoleReads } from '../reads';
import { pageOf, readPage, sendPage } from './respond';

const formOfRequest = (req: Request): ReplyForm => formOf(req, REPLY_FIELDS);

/** Back to the list with a notice: `done` and the reply's title. */
const back = (res: Response, done: string, title = '') =>
  res.redirect(
    303,
    `/console/replies?done=${done}${title ? `&title=${encodeURIComponent(title)}` : ''}`,
  );

export function repliesRoutes(deps: ConsoleDeps, reads: ConsoleReads): Router {
  const router = Router();
  const replyDeps = { db: deps.db, now: deps.now, reference: deps.reference };
  const actor = (res: Response) => viewerOf(res).staff;

  // Officers manage no replies: the pages are not theirs.
  router.use('/replies', (req, res, next) => {
    if (viewerOf(res).staff.role !== 'officer') {
      next();
      return;
    }
    sendPage(
      res,
      messageOf(pageOf(req, res), 403, 'replies', 'error.forbidden.title', 'error.forbidden.body'),
    );
  });

  /** The list again with the add form's problems, or the 404 page. */
  const refused = <T>(
    req: Request,
    res: Response,
    r: Exclude<ReplyResult<T>, { ok: true }>,
    redraw: (problems: Extract<typeof r, { problems: unknown }>['problems']) => Page,
  ) =>
    sendPage(res, 'notFound' in r ? notFoundOf(pageOf(req, res), 'replies') : redraw(r.problems));

  router.get('/replies', readPage(reads, 'replies'));

  router.post('/replies/saved', (req, res) => {
    const form = formOfRequest(req);
    const r = addSavedReply(replyDeps, actor(res), form);
    if (r.ok) return back(res, 'add', r.row.title);
    refused(req, res, r, (problems) =>
      repliesListOf(deps, pageOf(req, res), { status: 400, addSaved: { form, problems } }),
    );
  });

  router.post('/replies/auto', (req, res) => {
    const form = formOfRequest(req);
    const r = addAutoReply(replyDeps, actor(res), form);
    if (r.ok) return back(res, 'autoAdd');
    refused(req, res, r, (problems) =>
      repliesListOf(deps, pageOf(req, res), {
        status: problems.some((p) => p.code === 'taken') ? 409 : 400,
        addAuto: { form, problems },
      }),
    );
  });

  router.get('/replies/saved/:id', readPage(reads, 'savedReplyEdit'));
  router.get('/replies/auto/:id', readPage(reads, 'autoReplyEdit'));

  router.post('/replies/saved/:id', (req, res) => {
    const row = savedReplyOf(deps, pageOf(req, res));
    if (isPage(row)) return sendPage(res, row);
    const form = formOfRequest(req);
    const r = editSavedReply(replyDeps, actor(res), row.id, form);
    if (r.ok) return back(res, 'edit', r.row.title);
    refused(req, res, r, (problems) =>
      savedEditOf(deps, pageOf(req, res), row, { form, problems }, 400),
    );
  });

  router.post('/replies/auto/:id', (req, res) => {
    const row = autoReplyOf(deps, pageOf(req, res));
    if (isPage(row)) return sendPage(res, row);
    const form = formOfRequest(req);
    const r = editAutoReply(replyDeps, actor(res), row.id, form);
    if (r.ok) return back(res, 'autoEdit');
    refused(req, res, r, (problems) =>
      autoEditOf(
        deps,
        pageOf(req, res),
        row,
        { form: { ...form, category: row.categoryCode, trigger: row.trigger }, problems },
        400,
      ),
    );
  });

  router.post('/replies/saved/:id/retire', (req, res) => {
    const row = savedReplyOf(deps, pageOf(req, res));
    if (isPage(row)) return sendPage(res, row);
    const r = retireSavedReply(replyDeps, actor(res), row.id);
    if (r.ok) return back(res, 'retire', r.row.title);
    sendPage(res, notFoundOf(pageOf(req, res), 'replies'));
  });

  router.post('/replies/auto/:id/retire', (req, res) => {
    const row = autoReplyOf(deps, pageOf(req, res));
    if (isPage(row)) return sendPage(res, row);
    const r = retireAutoReply(replyDeps, actor(res), row.id);
    if (r.ok) return back(res, 'autoRetire');
    sendPage(res, notFoundOf(pageOf(req, res), 'replies'));
  });

  return router;
}
