/**
 * The teams pages, for supervisors (their region's teams) and headquarters (every team):
 * GET /console/teams, POST /console/teams (add), GET /console/teams/:id, POST
 * /console/teams/:id/rename, /members (add), /members/remove, /delete (when no rule uses it).
 * Every change goes through the directory service, which checks rights and audits it.
 */
import { Router, type Request, type Response } from 'express';
import type { TeamRow } from '../../../db/schema';
import type { RoutingRefusal, RoutingResult } from '../../directory/core/routing-rights';
import {
  addTeamMember,
  createTeam,
  deleteTeam,
  removeTeamMember,
  renameTeam,
  type RoutingCtx,
} from '../../directory/teams';
import { findStaffById } from '../../staff/repository';
import { findTeam } from '../../staff/teams-repository';
import { teamRefusalError, teamRegion } from '../core/team-form';
import { field, viewerOf, type ConsoleDeps } from '../deps';
import { messageOf, notFoundOf, type Page } from '../page';
import { editableTeamOf, isTeamPage, teamPageOf, teamsListOf } from '../pages/teams';
import type { ConsoleReads } from '../reads';
import { pageOf, readPage, sendPage } from './respond';
import type { Section } from '../views/layout';

/** Officers manage no one: the teams and routing pages answer them 403. */
export function forManagers(
  section: Section,
): (req: Request, res: Response, next: () => void) => void {
  return (req, res, next) => {
    if (viewerOf(res).staff.role !== 'officer') {
      next();
      return;
    }
    sendPage(
      res,
      messageOf(pageOf(req, res), 403, section, 'error.forbidden.title', 'error.forbidden.body'),
    );
  };
}

/** The page a refusal that is no form error gets: 403 for rights, 404 for a missing thing. */
export const refusalPage = (
  req: Request,
  res: Response,
  r: RoutingRefusal,
  section: Section,
): Page =>
  r.code === 'notFound'
    ? notFoundOf(pageOf(req, res), section)
    : messageOf(pageOf(req, res), 403, section, 'error.forbidden.title', 'error.forbidden.body');

const idOf = (value: string): number => (/^\d{1,9}$/.test(value) ? Number(value) : 0);

export function teamRoutes(deps: ConsoleDeps, reads: ConsoleReads): Router {
  const router = Router();
  const ctx = (res: Response): RoutingCtx => ({
    now: deps.now(),
    reference: deps.reference,
    actorId: viewerOf(res).staff.id,
  });
  router.use('/teams', forManagers('teams'));

  router.get('/teams', readPage(reads, 'teams'));

  router.post('/teams', (req, res) => {
    const form = { name: field(req, 'name'), region: field(req, 'region') };
    const regionCode = teamRegion(
      form.region,
      deps.reference.regions.map((x) => x.code),
    );
    const r: RoutingResult<TeamRow> =
      regionCode === undefined
        ? { ok: false, refusal: { code: 'badPlace' } }
        : createTeam(deps.db, ctx(res), { name: form.name, regionCode });
    if (r.ok) {
      const name = encodeURIComponent(r.value.name);
      res.redirect(303, `/console/teams/${r.value.id}?done=create&name=${name}`);
      return;
    }
    const error = teamRefusalError(r.refusal);
    if (!error) {
      sendPage(res, refusalPage(req, res, r.refusal, 'teams'));
      return;
    }
    sendPage(
      res,
      teamsListOf(deps, pageOf(req, res), { status: 400, add: { form, errors: [error] } }),
    );
  });

  router.get('/teams/:id', readPage(reads, 'team'));

  /** Runs a change of the team the path names; redirects on success, redraws on a refusal. */
  const change =
    (
      run: (team: TeamRow, req: Request, res: Response) => RoutingResult<unknown>,
      done: (team: TeamRow, req: Request) => string,
    ) =>
    (req: Request, res: Response) => {
      const page = pageOf(req, res);
      const team = editableTeamOf(deps, page);
      if (isTeamPage(team)) {
        sendPage(res, team);
        return;
      }
      const r = run(team, req, res);
      if (r.ok) {
        res.redirect(303, done(findTeam(deps.db, team.id) ?? team, req));
        return;
      }
      const error = teamRefusalError(r.refusal);
      if (!error) {
        sendPage(res, refusalPage(req, res, r.refusal, 'teams'));
        return;
      }
      const name = error.field === 'name' ? field(req, 'name') : undefined;
      sendPage(
        res,
        teamPageOf(deps, page, team, {
          status: error.field === 'delete' ? 409 : 400,
          errors: [error],
          ...(name === undefined ? {} : { name }),
        }),
      );
    };
  const memberName = (req: Request) =>
    encodeURIComponent(findStaffById(deps.db, idOf(field(req, 'staff')))?.name ?? '');

  router.post(
    '/teams/:id/rename',
    change(
      (team, req, res) => renameTeam(deps.db, ctx(res), team.id, field(req, 'name')),
      (team) => `/console/teams/${team.id}?done=rename&name=${encodeURIComponent(team.name)}`,
    ),
  );
  router.post(
    '/teams/:id/members',
    change(
      (team, req, res) => addTeamMember(deps.db, ctx(res), team.id, idOf(field(req, 'staff'))),
      (team, req) => `/console/teams/${team.id}?done=add&name=${memberName(req)}#members`,
    ),
  );
  router.post(
    '/teams/:id/members/remove',
    change(
      (team, req, res) => removeTeamMember(deps.db, ctx(res), team.id, idOf(field(req, 'staff'))),
      (team, req) => `/console/teams/${team.id}?done=remove&name=${memberName(req)}#members`,
    ),
  );
  router.post(
    '/teams/:id/delete',
    change(
      (team, _req, res) => deleteTeam(deps.db, ctx(res), team.id),
      (team) => `/console/teams?done=delete&name=${encodeURIComponent(team.name)}`,
    ),
  );
  return router;
}
