/**
 * One team's page: rename, members (add, remove), the rules that send complaints to it, and
 * delete when none does.
 */
import type { Lang } from '../../text/translate';
import type { TeamFormError } from '../core/team-form';
import { t } from '../core/words';
import { describedBy, Field, PostForm, Select, type Choice } from './forms';
import { renderPage, type Frame } from './layout';
import { errorOf } from './teams';

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
