/**
 * The replies pages as read jobs (GET /console/replies, /console/replies/saved/:id and
 * /console/replies/auto/:id), and the same pages redrawn by their POSTs with the form's problems.
 * Supervisors and headquarters only (the route refuses officers).
 */
import type { AutoReplyRow, SavedReplyRow } from '../../../db/schema';
import { AUTO_TRIGGER_LIST } from '../../complaints/core/replies';
import {
  managesAutoReplies,
  managesSavedReply,
  type ReplyForm,
  type ReplyProblem,
} from '../../complaints/core/reply-rules';
import { managedAutoReply, managedSavedReply, replyLists } from '../../complaints/replies';
import { codeLabel } from '../../text/labels';
import { t } from '../core/words';
import type { ConsoleDeps, Viewer } from '../deps';
import { arg, frameOf, notFoundOf, type Page, type PageRequest } from '../page';
import { replyFormErrors, triggerLabel, type ReplyFormView } from '../views/reply-form';
import { repliesPage, replyEditPage } from '../views/replies';

export const EMPTY_REPLY_FORM: ReplyForm = {
  title: '',
  category: '',
  region: '',
  trigger: '',
  textSw: '',
  textEn: '',
};

/** What a form redrawn after a POST held, and what was wrong with it. */
export interface Redraw {
  form: ReplyForm;
  problems: ReplyProblem[];
}

function formView(
  deps: ConsoleDeps,
  v: Viewer,
  o: Pick<ReplyFormView, 'kind' | 'action' | 'prefix' | 'fixed' | 'button'>,
  redraw?: Redraw,
): ReplyFormView {
  return {
    lang: v.lang,
    reference: deps.reference,
    csrf: v.session.csrf,
    ...o,
    form: redraw?.form ?? EMPTY_REPLY_FORM,
    problems: redraw?.problems ?? [],
    chooseRegion: v.staff.role === 'hq',
  };
}

/** Automatic replies in the menu's order of categories, then in a complaint's order of life. */
function byMenuOrder(deps: ConsoleDeps, rows: AutoReplyRow[]): AutoReplyRow[] {
  const position = (c: string) => {
    const i = deps.reference.categories.indexOf(c);
    return i === -1 ? deps.reference.categories.length : i;
  };
  return [...rows].sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      position(a.categoryCode) - position(b.categoryCode) ||
      AUTO_TRIGGER_LIST.indexOf(a.trigger) - AUTO_TRIGGER_LIST.indexOf(b.trigger),
  );
}

export interface ListOptions {
  status?: number;
  notice?: string;
  addSaved?: Redraw;
  addAuto?: Redraw;
}

export function repliesListOf(deps: ConsoleDeps, r: PageRequest, o: ListOptions = {}): Page {
  const v = r.viewer;
  const lists = replyLists(deps.db, v.staff);
  const managesAuto = managesAutoReplies(v.staff);
  const addSaved = formView(
    deps,
    v,
    {
      kind: 'saved',
      action: '/console/replies/saved',
      prefix: 'add',
      fixed: false,
      button: t('replies.addButton', v.lang),
    },
    o.addSaved,
  );
  const addAuto = managesAuto
    ? formView(
        deps,
        v,
        {
          kind: 'auto',
          action: '/console/replies/auto',
          prefix: 'auto',
          fixed: false,
          button: t('replies.addButton', v.lang),
        },
        o.addAuto,
      )
    : undefined;
  const html = repliesPage({
    frame: frameOf(r, t('replies.title', v.lang), 'replies', {
      ...(o.notice ? { notice: o.notice } : {}),
      errors: [...replyFormErrors(addSaved), ...(addAuto ? replyFormErrors(addAuto) : [])],
    }),
    lang: v.lang,
    reference: deps.reference,
    csrf: v.session.csrf,
    saved: lists.saved,
    auto: byMenuOrder(deps, lists.auto),
    names: lists.names,
    managesSaved: (row) => managesSavedReply(v.staff, row.regionCode),
    managesAuto,
    addSaved,
    addAuto,
  });
  return { status: o.status ?? 200, html };
}

const DONE = ['add', 'edit', 'retire', 'autoAdd', 'autoEdit', 'autoRetire'] as const;

/** GET /console/replies. */
export function repliesGet(deps: ConsoleDeps, r: PageRequest): Page {
  const done = DONE.find((d) => d === arg(r, 'done'));
  const title = arg(r, 'title').slice(0, 80);
  const notice = done ? t(`replies.done.${done}`, r.viewer.lang, { title }) : undefined;
  return repliesListOf(deps, r, notice ? { notice } : {});
}

/** The reply the path's id names, when the viewer may change it; else the 404 page. */
const idIn = (r: PageRequest) => {
  const id = Number(r.params.id);
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
};

export function savedReplyOf(deps: ConsoleDeps, r: PageRequest): SavedReplyRow | Page {
  return managedSavedReply(deps.db, r.viewer.staff, idIn(r)) ?? notFoundOf(r, 'replies');
}

export function autoReplyOf(deps: ConsoleDeps, r: PageRequest): AutoReplyRow | Page {
  return managedAutoReply(deps.db, r.viewer.staff, idIn(r)) ?? notFoundOf(r, 'replies');
}

export const isPage = (x: object): x is Page => 'html' in x || 'redirect' in x;

export function savedEditOf(
  deps: ConsoleDeps,
  r: PageRequest,
  row: SavedReplyRow,
  redraw?: Redraw,
  status = 200,
): Page {
  const v = r.viewer;
  const form = formView(
    deps,
    v,
    {
      kind: 'saved',
      action: `/console/replies/saved/${row.id}`,
      prefix: 'edit',
      fixed: false,
      button: t('replies.saveButton', v.lang),
    },
    redraw ?? {
      form: {
        ...EMPTY_REPLY_FORM,
        title: row.title,
        category: row.categoryCode ?? '',
        region: row.regionCode ?? '',
        textSw: row.textSw,
        textEn: row.textEn,
      },
      problems: [],
    },
  );
  const title = t('replies.editTitle', v.lang, { title: row.title });
  const frame = frameOf(r, title, 'replies', { errors: replyFormErrors(form) });
  return { status, html: replyEditPage({ frame, title, form }) };
}

export function autoEditOf(
  deps: ConsoleDeps,
  r: PageRequest,
  row: AutoReplyRow,
  redraw?: Redraw,
  status = 200,
): Page {
  const v = r.viewer;
  const form = formView(
    deps,
    v,
    {
      kind: 'auto',
      action: `/console/replies/auto/${row.id}`,
      prefix: 'edit',
      fixed: true,
      button: t('replies.saveButton', v.lang),
    },
    redraw ?? {
      form: {
        ...EMPTY_REPLY_FORM,
        category: row.categoryCode,
        trigger: row.trigger,
        textSw: row.textSw,
        textEn: row.textEn,
      },
      problems: [],
    },
  );
  const title = t('replies.editAutoTitle', v.lang, {
    category: codeLabel('category', row.categoryCode, v.lang),
    trigger: triggerLabel(row.trigger, v.lang),
  });
  const frame = frameOf(r, title, 'replies', { errors: replyFormErrors(form) });
  return { status, html: replyEditPage({ frame, title, form }) };
}

/** GET /console/replies/saved/:id. */
export function savedReplyEditGet(deps: ConsoleDeps, r: PageRequest): Page {
  const row = savedReplyOf(deps, r);
  return isPage(row) ? row : savedEditOf(deps, r, row);
}

/** GET /console/replies/auto/:id. */
export function autoReplyEditGet(deps: ConsoleDeps, r: PageRequest): Page {
  const row = autoReplyOf(deps, r);
  return isPage(row) ? row : autoEditOf(deps, r, row);
}
