/**
 * The teams pages as read jobs (GET /console/teams and /console/teams/:id), and the same list
 * and team page redrawn by their POSTs with errors. Headquarters see every team, a supervisor
 * their region's.
 */
import type { TeamRow } from '../../../db/schema';
import { countOpenByAssignee } from '../../complaints/lists-repository';
import { rulesOfTeam } from '../../complaints/routing-repository';
import { editsRouting, fitsTeam, routingRegionOf } from '../../directory/core/routing-rights';
import { assignableStaff, listStaff, staffByIds } from '../../staff/repository';
import { findTeam, listTeams, membersOf } from '../../staff/teams-repository';
import { staffChoice } from '../core/format';
import type { TeamFormError } from '../core/team-form';
import { t } from '../core/words';
import type { ConsoleDeps, Viewer } from '../deps';
import { arg, frameOf, notFoundOf, type Page, type PageRequest } from '../page';
import { teamPage } from '../views/team';
import { teamsPage } from '../views/teams';
import { regionLabel, ruleLabel } from './routing-data';

const summary = (v: Viewer, errors: TeamFormError[], prefix: string) =>
  errors.map((e) => ({ text: t(e.key, v.lang, e.vars), field: `${prefix}-${e.field}` }));

export interface TeamsOptions {
  status?: number;
  notice?: string;
  add?: { form: { name: string; region: string }; errors: TeamFormError[] };
}

export function teamsListOf(deps: ConsoleDeps, r: PageRequest, o: TeamsOptions = {}): Page {
  const v = r.viewer;
  const ref = deps.reference;
  const region = routingRegionOf(v.staff);
  const teams = listTeams(deps.db, region);
  const members = membersOf(
    deps.db,
    teams.map((x) => x.id),
  );
  const staff = new Map(staffByIds(deps.db, [...members.values()].flat()).map((s) => [s.id, s]));
  const errors = o.add?.errors ?? [];
  const html = teamsPage({
    frame: frameOf(r, t('teams.title', v.lang), 'teams', {
      ...(o.notice ? { notice: o.notice } : {}),
      errors: summary(v, errors, 'add'),
    }),
    lang: v.lang,
    csrf: v.session.csrf,
    items: teams.map((team) => {
      const people = (members.get(team.id) ?? []).flatMap((id) => {
        const s = staff.get(id);
        return s ? [{ name: s.name, active: s.active }] : [];
      });
      return {
        id: team.id,
        name: team.name,
        region: regionLabel(ref, team.regionCode, v.lang),
        members: people,
        rules: rulesOfTeam(deps.db, team.id).length,
        noActive: !people.some((p) => p.active),
      };
    }),
    regions:
      region === undefined
        ? [
            { value: 'national', label: t('teams.national', v.lang) },
            ...ref.regions.map((x) => ({ value: x.code, label: x.label[v.lang] })),
          ]
        : [],
    fixedRegion: region ?? null,
    add: o.add ?? { form: { name: '', region: region ?? '' }, errors: [] },
  });
  return { status: o.status ?? 200, html };
}

/** GET /console/teams. */
export function teamsGet(deps: ConsoleDeps, r: PageRequest): Page {
  const done = arg(r, 'done');
  const name = arg(r, 'name').slice(0, 80);
  const notice = done === 'delete' ? t('teams.done.delete', r.viewer.lang, { name }) : undefined;
  return teamsListOf(deps, r, notice ? { notice } : {});
}

/** The team a path names, when the viewer may edit it; else the 404 page. */
export function editableTeamOf(deps: ConsoleDeps, r: PageRequest): TeamRow | Page {
  const id = Number(r.params.id);
  const team = Number.isSafeInteger(id) ? findTeam(deps.db, id) : undefined;
  if (team && editsRouting(r.viewer.staff, team.regionCode)) return team;
  return notFoundOf(r, 'teams');
}

export const isTeamPage = (x: TeamRow | Page): x is Page => 'html' in x || 'redirect' in x;

export interface TeamOptions {
  status?: number;
  notice?: string;
  name?: string;
  errors?: TeamFormError[];
}

export function teamPageOf(
  deps: ConsoleDeps,
  r: PageRequest,
  team: TeamRow,
  o: TeamOptions = {},
): Page {
  const v = r.viewer;
  const ids = membersOf(deps.db, [team.id]).get(team.id) ?? [];
  const members = staffByIds(deps.db, ids).sort((a, b) => a.name.localeCompare(b.name));
  const open = countOpenByAssignee(deps.db, ids);
  const pool =
    team.regionCode === null ? assignableStaff(deps.db, null) : listStaff(deps.db, team.regionCode);
  const eligible = pool.filter(
    (s) => s.active && fitsTeam(s, team.regionCode) && !ids.includes(s.id),
  );
  const errors = o.errors ?? [];
  const html = teamPage({
    frame: frameOf(r, t('teams.editTitle', v.lang, { name: team.name }), 'teams', {
      ...(o.notice ? { notice: o.notice } : {}),
      errors: summary(v, errors, 'team'),
    }),
    lang: v.lang,
    csrf: v.session.csrf,
    id: team.id,
    name: o.name ?? team.name,
    region: regionLabel(deps.reference, team.regionCode, v.lang),
    members: members.map((s) => ({
      id: s.id,
      name: s.name,
      role: t(`role.${s.role}`, v.lang),
      region: regionLabel(deps.reference, s.regionCode, v.lang),
      active: s.active,
      open: open.get(s.id) ?? 0,
    })),
    eligible: eligible.map((s) => staffChoice(s, v.lang, team.regionCode === null)),
    rules: rulesOfTeam(deps.db, team.id).map((x) => ({
      id: x.id,
      label: ruleLabel(x, deps.reference, v.lang),
    })),
    errors,
  });
  return { status: o.status ?? 200, html };
}

/** GET /console/teams/:id. */
export function teamGet(deps: ConsoleDeps, r: PageRequest): Page {
  const team = editableTeamOf(deps, r);
  if (isTeamPage(team)) return team;
  const v = r.viewer;
  const done = arg(r, 'done');
  const name = arg(r, 'name').slice(0, 80);
  const notice =
    done === 'create' || done === 'rename' || done === 'add' || done === 'remove'
      ? t(`teams.done.${done}`, v.lang, { name })
      : undefined;
  return teamPageOf(deps, r, team, notice ? { notice } : {});
}
