/**
 * The teams page: the teams the viewer edits (members, the rules that use each, those with
 * nobody active marked) with a form to add one. One team's page is ./team.tsx.
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

export const errorOf = (lang: Lang, errors: TeamFormError[], field: TeamFormError['field']) => {
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
