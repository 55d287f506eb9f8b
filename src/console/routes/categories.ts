/**
 * The categories routes (headquarters): the pages are read jobs; add, change, move, retire and
 * bring back are POSTs on the main thread through src/categories/service.ts, each answered by a
 * redirect to the list with what was done, or the form again with its errors.
 */
import { Router, type Request, type Response } from 'express';
import {
  addCategory,
  moveCategory,
  setCategoryRetired,
  updateCategory,
  type CategoryContext,
  type CategoryResult,
} from '../../categories/service';
import type { CategoryForm } from '../../categories/core/category-form';
import { t } from '../core/words';
import { formOf, viewerOf, type ConsoleDeps } from '../deps';
import { notFoundOf } from '../page';
import { categoriesListOf, categoryEditOf, categoryErrors, notHq } from '../pages/categories';
import type { ConsoleReads } from '../reads';
import { pageOf, readPage, sendPage } from './respond';

function formOfRequest(req: Request): CategoryForm {
  const f = formOf(req, ['nameSw', 'nameEn', 'firstResponseDays', 'resolutionDays', 'public']);
  return { ...f, public: f.public === '1' };
}

export function categoryRoutes(deps: ConsoleDeps, reads: ConsoleReads): Router {
  const router = Router();
  const ctx = (res: Response): CategoryContext => ({
    db: deps.db,
    now: deps.now(),
    reference: deps.reference,
    actorStaffId: viewerOf(res).staff.id,
  });

  // Headquarters' pages: anyone else is refused before reading anything.
  router.use('/categories', (req, res, next) => {
    const refused = notHq(pageOf(req, res));
    if (refused) sendPage(res, refused);
    else next();
  });

  router.get('/categories', readPage(reads, 'categories'));
  router.get('/categories/:code', readPage(reads, 'categoryEdit'));

  /** Redirects to the list with what was done to `code`, or answers the outcome. */
  const done = (res: Response, what: string, r: CategoryResult, req: Request) => {
    if (r.ok) {
      const name = r.category[viewerOf(res).lang === 'sw' ? 'nameSw' : 'nameEn'];
      res.redirect(303, `/console/categories?done=${what}&name=${encodeURIComponent(name)}`);
      return;
    }
    const page = pageOf(req, res);
    if ('lastActive' in r) {
      const error = t('categories.err.lastActive', viewerOf(res).lang);
      sendPage(res, categoriesListOf(deps, page, { status: 409, error }));
    } else sendPage(res, notFoundOf(page, 'categories'));
  };

  router.post('/categories', (req, res) => {
    const form = formOfRequest(req);
    const r = addCategory(ctx(res), form);
    if (!r.ok && 'problems' in r) {
      const errors = categoryErrors(r.problems);
      sendPage(
        res,
        categoriesListOf(deps, pageOf(req, res), { status: 400, add: { form, errors } }),
      );
      return;
    }
    done(res, 'add', r, req);
  });

  router.post('/categories/:code', (req, res) => {
    const code = String(req.params.code);
    const category = deps.reference.categoryInfo.get(code);
    const form = formOfRequest(req);
    const r = updateCategory(ctx(res), code, form);
    if (!r.ok && 'problems' in r && category) {
      const errors = categoryErrors(r.problems);
      sendPage(res, categoryEditOf(deps, pageOf(req, res), category, form, errors, 400));
      return;
    }
    done(res, 'edit', r, req);
  });

  router.post('/categories/:code/move', (req, res) => {
    const direction = formOf(req, ['direction']).direction === 'up' ? 'up' : 'down';
    done(res, 'move', moveCategory(ctx(res), String(req.params.code), direction), req);
  });

  for (const [path, retired] of [
    ['retire', true],
    ['restore', false],
  ] as const) {
    router.post(`/categories/:code/${path}`, (req, res) => {
      done(res, path, setCategoryRetired(ctx(res), String(req.params.code), retired), req);
    });
  }

  return router;
}
