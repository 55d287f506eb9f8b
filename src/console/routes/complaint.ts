/**
 * One complaint: GET /console/c/:number, and its actions as POST forms. Everything goes through
 * the lifecycle service the SMS commands use (the same rights, events and SMS), with the events
 * marked as coming from the console. A complaint outside the viewer's scope is a 404, for every
 * method.
 */
import { Router, type Request, type Response } from 'express';
import {
  addNote,
  assignComplaintTo,
  reopenComplaint,
  replyToComplaint,
  resolveComplaint,
  setStatus,
  takeComplaint,
  type ActionResult,
} from '../../complaints/actions';
import { actOnGroup, linkUnderLead, unlink } from '../../complaints/clusters';
import { formatComplaintNumber } from '../../complaints/core/numbers';
import { complaintInScope } from '../../complaints/detail';
import { revealCitizenPhone } from '../../complaints/privacy';
import { replyPreview, savedReplyIdOf } from '../core/composer';
import { refusalText, t } from '../core/words';
import { field, fields, viewerOf, type ConsoleDeps } from '../deps';
import { notFoundOf } from '../page';
import type { DONE } from '../pages/complaint';
import { complaintPageOf, savedReplyDraft, type Extra } from '../pages/complaint';
import type { ConsoleReads } from '../reads';
import { PreviewBlock } from '../views/composer';
import { renderFragment } from '../views/layout';
import { consoleActions } from './frame';
import { pageOf, readPage, sendHtml, sendPage } from './respond';

/** The complaint number in the path. */
const numberOf = (req: Request): string => {
  const n = req.params.number;
  return typeof n === 'string' ? n : '';
};

function notFound(req: Request, res: Response): void {
  sendPage(res, notFoundOf(pageOf(req, res)));
}

/** The complaint's page again, after an action, on this thread. */
function show(deps: ConsoleDeps, req: Request, res: Response, status: number, extra: Extra = {}) {
  sendPage(res, complaintPageOf(deps, pageOf(req, res), status, extra));
}

type Done = (typeof DONE)[number];

/** After an action: back to the page with a notice, or the page again with the refusal. */
function answer(
  deps: ConsoleDeps,
  req: Request,
  res: Response,
  done: Done,
  r: ActionResult,
  field?: string,
) {
  const v = viewerOf(res);
  if (r.ok) {
    res.redirect(303, `/console/c/${r.complaint.number}?done=${done}`);
    return;
  }
  const text = refusalText(r.refusal, v.lang);
  const fieldError = r.refusal.code === 'empty' && field ? { field, text } : undefined;
  show(deps, req, res, r.refusal.code === 'empty' ? 400 : 409, {
    error: text,
    ...(fieldError ? { fieldError } : {}),
  });
}

export function complaintRoutes(deps: ConsoleDeps, reads: ConsoleReads): Router {
  const router = Router();
  const actions = consoleActions(deps);

  router.get('/c/:number', readPage(reads, 'complaint'));

  // Every POST below first finds the complaint in the viewer's scope: outside it, a 404.
  router.post('/c/:number/:action', (req, res, next) => {
    const v = viewerOf(res);
    if (!complaintInScope(deps.db, v.scope, req.params.number)) {
      notFound(req, res);
      return;
    }
    next();
  });

  router.post('/c/:number/preview', (req, res) => {
    const v = viewerOf(res);
    const c = complaintInScope(deps.db, v.scope, req.params.number);
    if (!c) return;
    const preview = replyPreview(deps.reference, c, field(req, 'message'));
    sendHtml(res, 200, renderFragment(PreviewBlock({ lang: v.lang, preview })));
  });

  // The composer's one form: "Use" (a saved reply), "Preview SMS" and "Send reply". The first two
  // redraw the page with the draft; the hidden `savedReply` says which saved reply it started from.
  router.post('/c/:number/reply', (req, res) => {
    const v = viewerOf(res);
    const message = field(req, 'message');
    const savedReplyId = savedReplyIdOf(field(req, 'savedReply'));
    if (field(req, 'use') || field(req, 'preview')) {
      const c = complaintInScope(deps.db, v.scope, req.params.number);
      if (!c) return;
      const typed = {
        message,
        preview: replyPreview(deps.reference, c, message),
        ...(savedReplyId === undefined ? {} : { savedReplyId }),
      };
      if (!field(req, 'use')) return show(deps, req, res, 200, { draft: typed });
      const used = savedReplyDraft(deps, c, savedReplyIdOf(field(req, 'savedChoice')));
      if (used) return show(deps, req, res, 200, { draft: used });
      const text = t('complaint.savedReplyMissing', v.lang);
      return show(deps, req, res, 400, {
        draft: typed,
        error: text,
        fieldError: { field: 'reply-saved', text },
      });
    }
    answer(
      deps,
      req,
      res,
      'reply',
      replyToComplaint(actions, v.staff.id, req.params.number, message, savedReplyId),
      'reply-message',
    );
  });
  router.post('/c/:number/note', (req, res) =>
    answer(
      deps,
      req,
      res,
      'note',
      addNote(actions, viewerOf(res).staff.id, req.params.number, field(req, 'text')),
      'note-text',
    ),
  );
  router.post('/c/:number/take', (req, res) =>
    answer(
      deps,
      req,
      res,
      'take',
      takeComplaint(actions, viewerOf(res).staff.id, req.params.number),
    ),
  );
  router.post('/c/:number/assign', (req, res) =>
    answer(
      deps,
      req,
      res,
      'assign',
      assignComplaintTo(
        actions,
        viewerOf(res).staff.id,
        req.params.number,
        Number(field(req, 'staffId')),
      ),
    ),
  );
  router.post('/c/:number/start', (req, res) =>
    answer(
      deps,
      req,
      res,
      'start',
      setStatus(actions, viewerOf(res).staff.id, req.params.number, 'in_progress'),
    ),
  );
  router.post('/c/:number/resolve', (req, res) =>
    answer(
      deps,
      req,
      res,
      'resolve',
      resolveComplaint(actions, viewerOf(res).staff.id, req.params.number, field(req, 'note')),
      'resolve-note',
    ),
  );
  router.post('/c/:number/reopen', (req, res) =>
    answer(
      deps,
      req,
      res,
      'reopen',
      reopenComplaint(actions, viewerOf(res).staff.id, req.params.number, field(req, 'reason')),
      'reopen-reason',
    ),
  );

  router.post('/c/:number/phone', (req, res) => {
    const v = viewerOf(res);
    const r = revealCitizenPhone(actions, {
      actorId: v.staff.id,
      scope: v.scope,
      number: req.params.number,
      reason: field(req, 'reason'),
    });
    if (r.ok) show(deps, req, res, 200, { shownPhone: r.phone });
    else if (r.why === 'noReason') {
      const text = t('complaint.reasonMissing', v.lang);
      show(deps, req, res, 400, { error: text, fieldError: { field: 'reason', text } });
    } else show(deps, req, res, 409, {});
  });

  // Clusters: link similar complaints under this one, unlink, and act on the whole group.
  router.post('/c/:number/link', (req, res) => {
    const v = viewerOf(res);
    const numbers = fields(req, 'numbers');
    if (numbers.length === 0) {
      show(deps, req, res, 400, { error: t('cluster.chooseSome', v.lang) });
      return;
    }
    const r = linkUnderLead(actions, v.staff.id, numberOf(req), numbers);
    if (r.ok) {
      res.redirect(303, `/console/c/${numberOf(req)}?group=link&n=${r.linked}#cluster`);
      return;
    }
    const error =
      'refusal' in r
        ? refusalText(r.refusal, v.lang)
        : t('cluster.notLinkable', v.lang, {
            numbers: r.notLinkable.map(formatComplaintNumber).join(', '),
          });
    show(deps, req, res, 409, { error });
  });
  router.post('/c/:number/unlink', (req, res) => {
    const v = viewerOf(res);
    const lead = complaintInScope(deps.db, v.scope, numberOf(req));
    const member = complaintInScope(deps.db, v.scope, field(req, 'number'));
    // Only a complaint linked under this one can be unlinked from here.
    if (!lead || !member || member.leadId !== lead.id) {
      notFound(req, res);
      return;
    }
    const r = unlink(actions, v.staff.id, member.number);
    if (r.ok) {
      res.redirect(303, `/console/c/${lead.number}?group=unlink#cluster`);
      return;
    }
    show(deps, req, res, 409, { error: 'refusal' in r ? refusalText(r.refusal, v.lang) : '' });
  });
  for (const kind of ['reply', 'resolve'] as const) {
    router.post(`/c/:number/group-${kind}`, (req, res) => {
      const v = viewerOf(res);
      const r = actOnGroup(actions, v.staff.id, numberOf(req), kind, field(req, 'text'));
      if (!r.ok) {
        const text = refusalText(r.refusal, v.lang);
        const empty = r.refusal.code === 'empty';
        show(deps, req, res, empty ? 400 : 409, {
          error: text,
          ...(empty ? { fieldError: { field: `group-${kind}`, text } } : {}),
        });
        return;
      }
      const skipped = r.result.skipped.map((x) => x.number).join('+');
      res.redirect(
        303,
        `/console/c/${numberOf(req)}?group=${kind}&n=${r.result.done.length}${skipped ? `&skipped=${skipped}` : ''}`,
      );
    });
  }

  router.post('/c/:number/:action', (req, res) => notFound(req, res));
  return router;
}
