/**
 * The staff page: the people a supervisor or headquarters member manages, with their open
 * complaints; add one, edit one, deactivate (their open complaints move on) or activate; import
 * a CSV all or nothing.
 */
import type { StaffRow } from '../../../db/schema';
import type { ReferenceData } from '../../reference/types';
import type { Lang } from '../../text/translate';
import type { Role, StaffForm, StaffFormError } from '../core/staff-form';
import { t, tKey } from '../core/words';
import { describedBy, Field, PostForm, Radios, Select, type Choice } from './forms';
import { renderPage, type Frame } from './layout';
import { loadWardList } from '../../reference/wards';
import {
  PendingPhone,
  StaffChanges,
  type PendingPhoneView,
  type StaffChangeItem,
} from './staff-changes';

export interface StaffListItem {
  member: StaffRow;
  councils: string[];
  /** Ward codes (a ward officer); usually none. */
  wards: string[];
  open: number;
  /** Whether the viewer may edit, deactivate or activate them. */
  managed: boolean;
}

export interface StaffFormView {
  lang: Lang;
  reference: ReferenceData;
  csrf: string;
  action: string;
  form: StaffForm;
  errors: StaffFormError[];
  roles: Role[];
  /** Regions the form offers (one for a supervisor). */
  regionCodes: string[];
  button: string;
}

export interface StaffPageView {
  frame: Frame;
  lang: Lang;
  reference: ReferenceData;
  csrf: string;
  items: StaffListItem[];
  /** Headquarters: the region the list is filtered to, and the regions to choose from. */
  regionFilter?: { value: string; codes: string[] };
  add: StaffFormView;
  importErrors: string[];
  /** Headquarters: a link to the log of every staff change. */
  changesLink: boolean;
}

const regionName = (ref: ReferenceData, code: string | null, lang: Lang) =>
  code === null
    ? t('staff.headquarters', lang)
    : (ref.regions.find((r) => r.code === code)?.label[lang] ?? code);

export function StaffFields({ v, prefix }: { v: StaffFormView; prefix: string }) {
  const { lang, form, reference: ref } = v;
  const err = (f: keyof StaffForm) => {
    const e = v.errors.find((x) => x.field === f);
    return e ? t(e.key, lang, e.vars) : undefined;
  };
  const id = (f: string) => `${prefix}-${f}`;
  const regions = ref.regions.filter((r) => v.regionCodes.includes(r.code));
  const councilsHint = t('staff.councilsHint', lang);
  // Editing someone: a new number waits for the code sent to it (issue 23).
  const phoneHint = prefix === 'edit' ? t('staff.phone.hint', lang) : undefined;
  return (
    <PostForm action={v.action} csrf={v.csrf} class="panel">
      <Field id={id('name')} label={t('staff.name', lang)} error={err('name')}>
        <input
          type="text"
          id={id('name')}
          name="name"
          value={form.name}
          maxLength={80}
          autocomplete="off"
          aria-describedby={describedBy(id('name'), undefined, err('name'))}
        />
      </Field>
      <Field id={id('phone')} label={t('staff.phone', lang)} hint={phoneHint} error={err('phone')}>
        <input
          type="tel"
          id={id('phone')}
          name="phone"
          value={form.phone}
          class="short"
          autocomplete="off"
          aria-describedby={describedBy(id('phone'), phoneHint, err('phone'))}
        />
      </Field>
      <Radios
        id={id('role')}
        name="role"
        legend={t('staff.role', lang)}
        value={form.role}
        error={err('role')}
        choices={v.roles.map((r) => ({ value: r, label: t(`role.${r}`, lang) }))}
      />
      {regions.length > 1 ? (
        <Field id={id('region')} label={t('staff.region', lang)} error={err('region')}>
          <Select
            id={id('region')}
            name="region"
            value={form.region}
            blank={t('call.choose', lang)}
            describedBy={describedBy(id('region'), undefined, err('region'))}
            choices={regions.map((r) => ({ value: r.code, label: r.label[lang] }))}
          />
        </Field>
      ) : (
        <input type="hidden" name="region" value={regions[0]?.code ?? ''} />
      )}
      <details open={form.councils.length > 0 || err('councils') !== undefined}>
        <summary>{t('staff.councils', lang)}</summary>
        <fieldset class={err('councils') ? 'error-field checks' : 'checks'} id={id('councils')}>
          <legend>{t('staff.councils', lang)}</legend>
          <p class="hint">{councilsHint}</p>
          {err('councils') && <p class="error-message">{err('councils')}</p>}
          {regions.map((r) => (
            <div key={r.code} data-region={r.code}>
              {regions.length > 1 && <p class="label">{r.label[lang]}</p>}
              {(ref.councilsByRegion.get(r.code) ?? []).map((c) => (
                <label key={c.code}>
                  <input
                    type="checkbox"
                    name="councils"
                    value={c.code}
                    checked={form.councils.includes(c.code)}
                  />
                  {c.label[lang]}
                </label>
              ))}
            </div>
          ))}
        </fieldset>
      </details>
      <Field
        id={id('wards')}
        label={t('staff.wards', lang)}
        hint={t('staff.wardsHint', lang)}
        error={err('wards')}
      >
        <input
          type="text"
          id={id('wards')}
          name="wards"
          value={form.wards}
          autocomplete="off"
          aria-describedby={describedBy(id('wards'), t('staff.wardsHint', lang), err('wards'))}
        />
      </Field>
      <Radios
        id={id('lang')}
        name="lang"
        legend={t('staff.language', lang)}
        value={form.lang}
        choices={[
          { value: 'sw', label: t('lang.sw', lang) },
          { value: 'en', label: t('lang.en', lang) },
        ]}
      />
      <button type="submit">{v.button}</button>
    </PostForm>
  );
}

function Row({ v, item }: { v: StaffPageView; item: StaffListItem }) {
  const { lang, reference: ref } = v;
  const m = item.member;
  const councils =
    item.councils.length === 0
      ? m.role === 'officer'
        ? t('staff.wholeRegion', lang)
        : ''
      : item.councils.map((c) => ref.councilLabels.get(c)?.[lang] ?? c).join(', ');
  const wardNames = item.wards.map((code) => {
    const ward = loadWardList().byCode.get(code);
    return ward ? `${ward.name} (${code})` : code;
  });
  const label = (c: Column) => t(`staff.col.${c}`, lang);
  return (
    <tr>
      <td data-label={label('name')}>{m.name}</td>
      <td data-label={label('phone')}>{m.phone}</td>
      <td data-label={label('role')}>{t(`role.${m.role}`, lang)}</td>
      <td data-label={label('region')}>{regionName(ref, m.regionCode, lang)}</td>
      <td data-label={label('councils')}>
        {councils}
        {wardNames.length > 0 && (
          <span class="hint">
            {' '}
            {t('staff.wardsIn', lang)}: {wardNames.join(', ')}
          </span>
        )}
      </td>
      <td data-label={label('language')}>{tKey(`lang.${m.language}`, lang)}</td>
      <td data-label={label('open')} class="num">
        {item.open}
      </td>
      <td data-label={label('status')}>
        {m.active ? t('staff.active', lang) : t('staff.inactive', lang)}
      </td>
      <td>
        {item.managed && (
          <>
            <a href={`/console/staff/${m.id}`}>
              {t('staff.edit', lang)}
              <span class="visually-hidden"> {m.name}</span>
            </a>
            {m.active ? (
              <a class="button warning small" href={`/console/staff/${m.id}/deactivate`}>
                {t('staff.deactivate', lang)}
                <span class="visually-hidden"> {m.name}</span>
              </a>
            ) : (
              <PostForm action={`/console/staff/${m.id}/activate`} csrf={v.csrf} class="inline">
                <button
                  type="submit"
                  class="secondary small"
                  aria-label={`${t('staff.activate', lang)} ${m.name}`}
                >
                  {t('staff.activate', lang)}
                </button>
              </PostForm>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

function RegionFilter({ v }: { v: StaffPageView }) {
  const f = v.regionFilter;
  if (!f) return null;
  const choices: Choice[] = f.codes.map((c) => ({
    value: c,
    label: regionName(v.reference, c, v.lang),
  }));
  return (
    <form method="get" action="/console/staff" class="search">
      <Field id="staff-region" label={t('staff.region', v.lang)}>
        <Select
          id="staff-region"
          name="region"
          value={f.value}
          blank={t('common.all', v.lang)}
          choices={choices}
        />
      </Field>
      <button type="submit" class="secondary">
        {t('queue.filter.apply', v.lang)}
      </button>
    </form>
  );
}

const COLUMNS = [
  'name',
  'phone',
  'role',
  'region',
  'councils',
  'language',
  'open',
  'status',
] as const;
type Column = (typeof COLUMNS)[number];

export function staffPage(v: StaffPageView): string {
  const { lang } = v;
  return renderPage(
    v.frame,
    <>
      <h1>{t('staff.title', lang)}</h1>
      <p>{t('staff.intro', lang)}</p>
      {v.changesLink && (
        <p>
          <a href="/console/staff/changes">{t('staffAudit.recent', lang)}</a>
        </p>
      )}
      <RegionFilter v={v} />
      {v.items.length === 0 ? (
        <p class="panel">{t('staff.none', lang)}</p>
      ) : (
        <div class="table-wrap">
          <table class="cards">
            <caption>{t('staff.caption', lang, { count: v.items.length })}</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th scope="col" key={c} class={c === 'open' ? 'num' : undefined}>
                    {t(`staff.col.${c}`, lang)}
                  </th>
                ))}
                <th scope="col">
                  <span class="visually-hidden">{t('complaint.actions', lang)}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {v.items.map((item) => (
                <Row key={item.member.id} v={v} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="add">{t('staff.add', lang)}</h2>
      <StaffFields v={v.add} prefix="add" />
      <h2 id="import">{t('staff.import', lang)}</h2>
      <PostForm
        action="/console/staff/import"
        csrf={v.csrf}
        enctype="multipart/form-data"
        class="panel"
      >
        <p class="hint" id="import-hint">
          {t('staff.importHint', lang)}
        </p>
        {v.importErrors.length > 0 && (
          <div class="error-message" id="import-error">
            <p>{t('staff.err.import', lang)}</p>
            <ul>
              {v.importErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        )}
        <label for="import-file">{t('staff.file', lang)}</label>
        <input
          type="file"
          id="import-file"
          name="file"
          accept=".csv,text/csv"
          aria-describedby={v.importErrors.length > 0 ? 'import-hint import-error' : 'import-hint'}
        />
        <button type="submit">{t('staff.importButton', lang)}</button>
      </PostForm>
    </>,
  );
}

export function deactivatePage(p: {
  frame: Frame;
  lang: Lang;
  csrf: string;
  member: StaffRow;
  open: number;
}): string {
  const { lang, member: m } = p;
  return renderPage(
    p.frame,
    <>
      <p>
        <a href="/console/staff">{t('common.back', lang)}</a>
      </p>
      <h1>{t('staff.deactivateTitle', lang, { name: m.name })}</h1>
      <div class="panel">
        <p>{t('staff.deactivateOpen', lang, { name: m.name, count: p.open })}</p>
        <p>{t('staff.confirmDeactivate', lang)}</p>
        <PostForm action={`/console/staff/${m.id}/deactivate`} csrf={p.csrf}>
          <button type="submit" class="warning">
            {t('staff.deactivateButton', lang, { name: m.name })}
          </button>
          <a class="button secondary" href="/console/staff">
            {t('common.cancel', lang)}
          </a>
        </PostForm>
      </div>
    </>,
  );
}

export function staffEditPage(p: {
  frame: Frame;
  form: StaffFormView;
  name: string;
  /** A new phone waiting for its code. */
  pending?: PendingPhoneView;
  /** The changes made to this staff member, newest first. */
  history: StaffChangeItem[];
}): string {
  const { lang } = p.form;
  return renderPage(
    p.frame,
    <>
      <p>
        <a href="/console/staff">{t('common.back', lang)}</a>
      </p>
      <h1>{t('staff.editTitle', lang, { name: p.name })}</h1>
      {p.pending && <PendingPhone p={p.pending} />}
      <StaffFields v={p.form} prefix="edit" />
      <StaffChanges
        lang={lang}
        items={p.history}
        title={t('staffAudit.title', lang, { name: p.name })}
        withMember={false}
      />
    </>,
  );
}
