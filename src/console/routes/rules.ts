/**
 * The routing rules pages, for supervisors (their region's rules; everywhere's shown, not
 * editable) and headquarters (every rule, and the audit log of rules and teams):
 * GET /console/rules (with "who would get it now?"), POST /console/rules (add),
 * GET/POST /console/rules/:id (edit), POST /console/rules/:id/delete. Every change goes through
 * the directory service, which checks rights and audits it.
 */
import { Router, type Request, type Response } from 'express';
import { deleteRule, saveRule } from '../../directory/routing-rules';
import type { RoutingCtx } from '../../directory/teams';
import { checkRuleForm, ruleRefusalError, RULE_FIELDS, type RuleForm } from '../core/rule-form';
import { formOf, viewerOf, type ConsoleDeps } from '../deps';
import { editableRuleOf, isRulePage, ruleEditOf, rulesListOf } from '../pages/rules';
import { ruleLabel } from '../pages/routing-data';
import type { ConsoleReads } from '../reads';
import { pageOf, readPage, sendPage } from './respond';
import { forManagers, refusalPage } from './teams';

export function ruleRoutes(deps: ConsoleDeps, reads: ConsoleReads): Router {
  const router = Router();
  const ctx = (res: Response): RoutingCtx => ({
    now: deps.now(),
    reference: deps.reference,
    actorId: viewerOf(res).staff.id,
  });
  const done = (
    res: Response,
    what: 'add' | 'edit' | 'delete',
    rule: Parameters<typeof ruleLabel>[0],
  ) => {
    const name = encodeURIComponent(ruleLabel(rule, deps.reference, viewerOf(res).lang));
    res.redirect(303, `/console/rules?done=${what}&name=${name}`);
  };
  router.use('/rules', forManagers('rules'));

  router.get('/rules', readPage(reads, 'rules'));

  router.post('/rules', (req, res) => {
    const form: RuleForm = formOf(req, RULE_FIELDS);
    const checked = checkRuleForm(form, deps.reference);
    const r = checked.ok ? saveRule(deps.db, ctx(res), null, checked.input) : undefined;
    if (r?.ok) {
      done(res, 'add', r.value);
      return;
    }
    const errors = checked.ok ? [] : checked.errors;
    const refused = r && !r.ok ? r.refusal : undefined;
    const error = refused && ruleRefusalError(refused);
    if (refused && !error) {
      sendPage(res, refusalPage(req, res, refused, 'rules'));
      return;
    }
    sendPage(
      res,
      rulesListOf(deps, pageOf(req, res), {
        status: 400,
        add: { form, errors: error ? [error] : errors },
      }),
    );
  });

  router.get('/rules/:id', readPage(reads, 'ruleEdit'));

  /** The rule the path names, when the viewer may edit it; else the 403 or 404 page is sent. */
  const editable = (req: Request, res: Response) => {
    const rule = editableRuleOf(deps, pageOf(req, res));
    if (!isRulePage(rule)) return rule;
    sendPage(res, rule);
    return undefined;
  };

  router.post('/rules/:id', (req, res) => {
    const rule = editable(req, res);
    if (!rule) return;
    const form: RuleForm = formOf(req, RULE_FIELDS);
    const checked = checkRuleForm(form, deps.reference);
    const r = checked.ok ? saveRule(deps.db, ctx(res), rule.id, checked.input) : undefined;
    if (r?.ok) {
      done(res, 'edit', r.value);
      return;
    }
    const refused = r && !r.ok ? r.refusal : undefined;
    const error = refused && ruleRefusalError(refused);
    if (refused && !error) {
      sendPage(res, refusalPage(req, res, refused, 'rules'));
      return;
    }
    const errors = error ? [error] : checked.ok ? [] : checked.errors;
    sendPage(res, ruleEditOf(deps, pageOf(req, res), rule, form, errors, 400));
  });

  router.post('/rules/:id/delete', (req, res) => {
    const rule = editable(req, res);
    if (!rule) return;
    const r = deleteRule(deps.db, ctx(res), rule.id);
    if (!r.ok) {
      sendPage(res, refusalPage(req, res, r.refusal, 'rules'));
      return;
    }
    done(res, 'delete', r.value);
  });

  return router;
}
