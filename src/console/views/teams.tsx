/**
 * The teams pages: the teams the viewer edits (members, the rules that use each, those with
 * nobody active marked) with a form to add one; and one team's page: rename, members (add,
 * remove), the rules that send complaints to it, delete when none does.
 */
import type { Lang } from '../../text/translate';
import type { TeamFormError } from '../core/team-form';
import { t } from '../core/words';
import { describedBy, Field, PostForm, Select, type Choice } from './forms';
import { renderPage, type Frame } from './layout';

export interface TeamItem {
  id: number;
  name: string;
  region: string;
  members: { name: string; active: boolean }[];
  rules: number;
  noActive: boolean;
}

export interface TeamsPageView {
  frame: Frame;
  lang: Lang;
  csrf: string;
  items: TeamItem[];
  /** Headquarters: national and every region; none for a supervisor (their region, fixed). */
  regions: Choice[];
  fixedRegion: string | null;
  add: { form: { name: string; region: string }; errors: TeamFormError[] };
}

const errorOf = (lang: Lang, errors: TeamFormError[], field: TeamFormError['field']) => {
  const e = errors.find((x) => x.field === field);
  return e ? t(e.key, lang, e.vars) : undefined;
};

function Members({ lang, members }: { lang: Lang; members: TeamItem['members'] }) {
  if (members.length === 0) return <span class="muted">{t('teams.noMembers', lang)}</span>;
  const inactive = t('teams.inactive', lang);
  return <>{members.map((m) => (m.active ? m.name : `${m.name} (${inactive})`)).join(', ')}</>;
}

function TeamsTable({ v }: { v: TeamsPageView }) {
  const { lang } = v;
  const label = (c: 'name' | 'region' | 'members' | 'rules') => t(`teams.col.${c}`, lang);
  return (
    <div class="table-wrap">
      <table class="cards">
        <caption>{t('teams.caption', lang, { count: v.items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{label('name')}</th>
            <th scope="col">{label('region')}</th>
            <th scope="col">{label('members')}</th>
            <th scope="col" class="num">
              {label('rules')}
            </th>
          </tr>
        </thead>
        <tbody>
          {v.items.map((x) => (
            <tr key={x.id} id={`team-${x.id}`}>
              <td data-label={label('name')}>
                <a href={`/console/teams/${x.id}`}>{x.name}</a>
              </td>
              <td data-label={label('region')}>{x.region}</td>
              <td data-label={label('members')}>
                <Members lang={lang} members={x.members} />
                {x.noActive && <p class="error-message">{t('teams.noActive', lang)}</p>}
              </td>
              <td data-label={label('rules')} class="num">
                {x.rules}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function teamsPage(v: TeamsPageView): string {
  const { lang } = v;
  const nameError = errorOf(lang, v.add.errors, 'name');
  const regionError = errorOf(lang, v.add.errors, 'region');
  const hint = t('teams.regionHint', lang);
  return renderPage(
    v.frame,
    <>
      <h1>{t('teams.title', lang)}</h1>
      <p>{t('teams.intro', lang)}</p>
      {v.items.length === 0 ? <p class="panel">{t('teams.none', lang)}</p> : <TeamsTable v={v} />}
      <h2 id="add">{t('teams.add', lang)}</h2>
      <PostForm action="/console/teams" csrf={v.csrf} class="panel">
        <Field id="add-name" label={t('teams.name', lang)} error={nameError}>
          <input
            type="text"
            id="add-name"
            name="name"
            value={v.add.form.name}
            maxLength={60}
            autocomplete="off"
            aria-describedby={describedBy('add-name', undefined, nameError)}
          />
        </Field>
        {v.regions.length > 0 ? (
          <Field id="add-region" label={t('teams.region', lang)} hint={hint} error={regionError}>
            <Select
              id="add-region"
              name="region"
              value={v.add.form.region}
              choices={v.regions}
              describedBy={describedBy('add-region', hint, regionError)}
            />
          </Field>
        ) : (
          <input type="hidden" name="region" value={v.fixedRegion ?? ''} />
        )}
        <button type="submit">{t('teams.addButton', lang)}</button>
      </PostForm>
    </>,
  );
}

export interface TeamPageView {
  frame: Frame;
  lang: Lang;
  csrf: string;
  id: number;
  name: string;
  region: string;
  members: {
    id: number;
    name: string;
    role: string;
    region: string;
    active: boolean;
    open: number;
  }[];
  /** Active staff who may join and are not members yet. */
  eligible: Choice[];
  /** The rules that send complaints to this team. */
  rules: { id: number; label: string }[];
  errors: TeamFormError[];
}

function MembersTable({ v }: { v: TeamPageView }) {
  const { lang } = v;
  const col = (c: 'name' | 'role' | 'region' | 'status' | 'open') =>
    c === 'name' ? t('teams.member', lang) : t(`teams.col.${c}`, lang);
  if (v.members.length === 0) return <p class="panel">{t('teams.noMembers', lang)}</p>;
  return (
    <div class="table-wrap">
      <table class="cards">
        <caption>{t('teams.membersCaption', lang, { count: v.members.length })}</caption>
        <thead>
          <tr>
            {(['name', 'role', 'region', 'status', 'open'] as const).map((c) => (
              <th scope="col" key={c} class={c === 'open' ? 'num' : undefined}>
                {col(c)}
              </th>
            ))}
            <th scope="col">
              <span class="visually-hidden">{t('complaint.actions', lang)}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {v.members.map((m) => (
            <tr key={m.id}>
              <td data-label={col('name')}>{m.name}</td>
              <td data-label={col('role')}>{m.role}</td>
              <td data-label={col('region')}>{m.region}</td>
              <td data-label={col('status')}>
                {m.active ? t('staff.active', lang) : t('staff.inactive', lang)}
              </td>
              <td data-label={col('open')} class="num">
                {m.open}
              </td>
              <td>
                <PostForm
                  action={`/console/teams/${v.id}/members/remove`}
                  csrf={v.csrf}
                  class="inline"
                >
                  <input type="hidden" name="staff" value={String(m.id)} />
                  <button
                    type="submit"
                    class="secondary small"
                    aria-label={`${t('teams.remove', lang)} ${m.name}`}
                  >
                    {t('teams.remove', lang)}
                  </button>
                </PostForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function teamPage(v: TeamPageView): string {
  const { lang } = v;
  const nameError = errorOf(lang, v.errors, 'name');
  const memberError = errorOf(lang, v.errors, 'member');
  const deleteError = errorOf(lang, v.errors, 'delete');
  const active = v.members.some((m) => m.active);
  return renderPage(
    v.frame,
    <>
      <p>
        <a href="/console/teams">{t('common.back', lang)}</a>
      </p>
      <h1>{t('teams.editTitle', lang, { name: v.name })}</h1>
      <p class="lead">{v.region}</p>
      {!active && <p class="error-message">{t('teams.noActive', lang)}</p>}
      <PostForm action={`/console/teams/${v.id}/rename`} csrf={v.csrf} class="panel">
        <Field id="team-name" label={t('teams.rename', lang)} error={nameError}>
          <input
            type="text"
            id="team-name"
            name="name"
            value={v.name}
            maxLength={60}
            autocomplete="off"
            aria-describedby={describedBy('team-name', undefined, nameError)}
          />
        </Field>
        <button type="submit" class="secondary">
          {t('teams.renameButton', lang)}
        </button>
      </PostForm>
      <h2 id="members">{t('teams.members', lang)}</h2>
      <MembersTable v={v} />
      <h2 id="add-member">{t('teams.addMember', lang)}</h2>
      {v.eligible.length === 0 ? (
        <p class="panel">{t('teams.nobodyToAdd', lang)}</p>
      ) : (
        <PostForm action={`/console/teams/${v.id}/members`} csrf={v.csrf} class="panel">
          <Field id="team-member" label={t('teams.member', lang)} error={memberError}>
            <Select
              id="team-member"
              name="staff"
              value=""
              blank={t('call.choose', lang)}
              choices={v.eligible}
              describedBy={describedBy('team-member', undefined, memberError)}
            />
          </Field>
          <button type="submit">{t('teams.addMemberButton', lang)}</button>
        </PostForm>
      )}
      <h2 id="team-delete">{t('teams.delete', lang)}</h2>
      <div class="panel">
        {v.rules.length > 0 ? (
          <>
            <p class={deleteError ? 'error-message' : undefined}>
              {t('teams.inUse', lang, { count: v.rules.length })}
            </p>
            <p class="label">{t('teams.usedBy', lang)}</p>
            <ul>
              {v.rules.map((x) => (
                <li key={x.id}>
                  <a href={`/console/rules#rule-${x.id}`}>{x.label}</a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <PostForm action={`/console/teams/${v.id}/delete`} csrf={v.csrf}>
            <button type="submit" class="warning">
              {t('teams.deleteButton', lang, { name: v.name })}
            </button>
          </PostForm>
        )}
      </div>
    </>,
  );
}
