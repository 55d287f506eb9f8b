/**
 * Staff changes (issue 23): a new phone number waiting for its code, with the form that confirms
 * it and the one that cancels it; the log of changes to one staff member (on their page) or to
 * everyone (headquarters' page).
 */
import type { Lang } from '../../text/translate';
import { t } from '../core/words';
import { ChangeTable } from './audit';
import { describedBy, Field, PostForm } from './forms';
import { renderPage, type Frame } from './layout';

export interface StaffChangeItem {
  id: number;
  when: string;
  who: string;
  /** The staff member changed (on the page of every change); linked when the viewer manages them. */
  member?: { id: number; name: string; linked: boolean };
  field: string;
  before: string;
  after: string;
}

export interface PendingPhoneView {
  lang: Lang;
  csrf: string;
  memberId: number;
  name: string;
  phone: string;
  when: string;
  until: string;
  /** The code typed was wrong (or there was none to type). */
  error?: string;
}

/** The new number waiting for its code: type the code, or cancel. */
export function PendingPhone({ p }: { p: PendingPhoneView }) {
  const { lang } = p;
  const id = 'phone-code';
  return (
    <section class="panel" aria-labelledby="phone-pending">
      <h2 id="phone-pending">{t('staff.phone.title', lang)}</h2>
      <p>
        {t('staff.phone.body', lang, {
          phone: p.phone,
          when: p.when,
          until: p.until,
          name: p.name,
        })}
      </p>
      <PostForm action={`/console/staff/${p.memberId}/phone`} csrf={p.csrf}>
        <Field id={id} label={t('staff.phone.code', lang)} error={p.error}>
          <input
            type="text"
            id={id}
            name="code"
            class="short"
            inputmode="numeric"
            autocomplete="off"
            maxLength={12}
            aria-describedby={describedBy(id, undefined, p.error)}
          />
        </Field>
        <button type="submit">{t('staff.phone.confirm', lang)}</button>
      </PostForm>
      <PostForm action={`/console/staff/${p.memberId}/phone/cancel`} csrf={p.csrf} class="inline">
        <button type="submit" class="secondary">
          {t('staff.phone.cancel', lang)}
        </button>
      </PostForm>
    </section>
  );
}

/** The log of staff changes as a table (cards at phone width). */
export function StaffChanges({
  lang,
  items,
  title,
  withMember,
}: {
  lang: Lang;
  items: StaffChangeItem[];
  /** The heading above the table (none: the page's own heading says it). */
  title?: string;
  withMember: boolean;
}) {
  const columns = withMember
    ? (['when', 'who', 'member', 'field', 'before', 'after'] as const)
    : (['when', 'who', 'field', 'before', 'after'] as const);
  return (
    <>
      {title !== undefined && <h2 id="changes">{title}</h2>}
      <ChangeTable
        lang={lang}
        id="staff-changes"
        caption={t('staffAudit.caption', lang, { count: items.length })}
        columns={columns}
        label={(c) => t(`staffAudit.col.${c}`, lang)}
        rows={items}
        cell={(a, c) => (c === 'member' ? <Member item={a} /> : a[c])}
      />
    </>
  );
}

function Member({ item }: { item: StaffChangeItem }) {
  const m = item.member;
  if (!m) return null;
  return m.linked ? <a href={`/console/staff/${m.id}`}>{m.name}</a> : <>{m.name}</>;
}

/** GET /console/staff/changes: every staff change, newest first (headquarters). */
export function staffChangesPage(p: { frame: Frame; lang: Lang; items: StaffChangeItem[] }) {
  const { lang } = p;
  return renderPage(
    p.frame,
    <>
      <p>
        <a href="/console/staff">{t('common.back', lang)}</a>
      </p>
      <h1>{t('staffAudit.recent', lang)}</h1>
      <p>{t('staffAudit.intro', lang)}</p>
      <StaffChanges lang={lang} items={p.items} withMember />
    </>,
  );
}
