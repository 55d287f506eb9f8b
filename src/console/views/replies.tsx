/**
 * The replies page: saved replies (with how often each was used) and automatic replies (with how
 * often each went out), those the viewer manages with Edit and Retire; the add forms; the retired
 * ones folded away. And the edit pages of one reply.
 */
import type { AutoReplyRow, SavedReplyRow } from '../../../db/schema';
import type { ReferenceData } from '../../reference/types';
import { codeLabel } from '../../text/labels';
import type { Lang } from '../../text/translate';
import { dateTime } from '../core/format';
import { t } from '../core/words';
import { PostForm } from './forms';
import { renderPage, type Frame } from './layout';
import { ReplyFields, triggerLabel, type ReplyFormView } from './reply-form';

export interface RepliesPageView {
  frame: Frame;
  lang: Lang;
  reference: ReferenceData;
  csrf: string;
  saved: SavedReplyRow[];
  auto: AutoReplyRow[];
  /** Names of the staff who last changed each reply. */
  names: Map<number, string>;
  /** Whether the viewer may edit and retire this saved reply. */
  managesSaved: (r: SavedReplyRow) => boolean;
  managesAuto: boolean;
  addSaved: ReplyFormView;
  /** Headquarters only. */
  addAuto?: ReplyFormView | undefined;
}

function Texts({ r }: { r: Pick<SavedReplyRow, 'textSw' | 'textEn'> }) {
  return (
    <>
      <p lang="sw">
        <strong>SW:</strong> {r.textSw}
      </p>
      <p lang="en">
        <strong>EN:</strong> {r.textEn}
      </p>
    </>
  );
}

function Updated({
  v,
  r,
}: {
  v: RepliesPageView;
  r: Pick<SavedReplyRow, 'updatedBy' | 'updatedAt'>;
}) {
  const name = v.names.get(r.updatedBy) ?? '';
  return <>{t('replies.updated', v.lang, { name, date: dateTime(r.updatedAt) })}</>;
}

/** Edit (a link) and Retire (a form) for a reply named `name`. */
function Manage({ v, path, name }: { v: RepliesPageView; path: string; name: string }) {
  const { lang } = v;
  return (
    <>
      <a href={path}>
        {t('replies.edit', lang)}
        <span class="visually-hidden"> {name}</span>
      </a>
      <PostForm action={`${path}/retire`} csrf={v.csrf} class="inline">
        <button
          type="submit"
          class="secondary small"
          aria-label={`${t('replies.retire', lang)} ${name}`}
        >
          {t('replies.retire', lang)}
        </button>
      </PostForm>
    </>
  );
}

function SavedTable({
  v,
  rows,
  caption,
}: {
  v: RepliesPageView;
  rows: SavedReplyRow[];
  caption: string;
}) {
  const { lang, reference: ref } = v;
  const label = (k: 'title' | 'category' | 'region' | 'texts' | 'uses' | 'updated') =>
    t(`replies.col.${k}`, lang);
  return (
    <div class="table-wrap">
      <table class="cards">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{label('title')}</th>
            <th scope="col">{label('category')}</th>
            <th scope="col">{label('region')}</th>
            <th scope="col">{label('texts')}</th>
            <th scope="col" class="num">
              {label('uses')}
            </th>
            <th scope="col">{label('updated')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('replies.col.actions', lang)}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td data-label={label('title')}>{r.title}</td>
              <td data-label={label('category')}>
                {r.categoryCode === null
                  ? t('replies.allCategories', lang)
                  : codeLabel('category', r.categoryCode, lang)}
              </td>
              <td data-label={label('region')}>
                {r.regionCode === null
                  ? t('replies.allRegions', lang)
                  : (ref.regions.find((x) => x.code === r.regionCode)?.label[lang] ?? r.regionCode)}
              </td>
              <td data-label={label('texts')}>
                <Texts r={r} />
              </td>
              <td data-label={label('uses')} class="num">
                {r.uses}
              </td>
              <td data-label={label('updated')}>
                <Updated v={v} r={r} />
              </td>
              <td>
                {r.active && v.managesSaved(r) && (
                  <Manage v={v} path={`/console/replies/saved/${r.id}`} name={r.title} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AutoTable({
  v,
  rows,
  caption,
}: {
  v: RepliesPageView;
  rows: AutoReplyRow[];
  caption: string;
}) {
  const { lang } = v;
  const label = (k: 'category' | 'trigger' | 'texts' | 'sent' | 'updated') =>
    t(`replies.col.${k}`, lang);
  return (
    <div class="table-wrap">
      <table class="cards">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{label('category')}</th>
            <th scope="col">{label('trigger')}</th>
            <th scope="col">{label('texts')}</th>
            <th scope="col" class="num">
              {label('sent')}
            </th>
            <th scope="col">{label('updated')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('replies.col.actions', lang)}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const name = `${codeLabel('category', r.categoryCode, lang)}, ${triggerLabel(r.trigger, lang)}`;
            return (
              <tr key={r.id}>
                <td data-label={label('category')}>
                  {codeLabel('category', r.categoryCode, lang)}
                </td>
                <td data-label={label('trigger')}>{triggerLabel(r.trigger, lang)}</td>
                <td data-label={label('texts')}>
                  <Texts r={r} />
                </td>
                <td data-label={label('sent')} class="num">
                  {r.sent}
                </td>
                <td data-label={label('updated')}>
                  <Updated v={v} r={r} />
                </td>
                <td>
                  {r.active && v.managesAuto && (
                    <Manage v={v} path={`/console/replies/auto/${r.id}`} name={name} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Active rows in a table (or "none yet"), retired ones folded under it. */
function Listed<R extends { active: boolean }>(p: {
  lang: Lang;
  rows: R[];
  retired: (count: number) => string;
  table: (rows: R[], caption: string) => preact.ComponentChildren;
  caption: (count: number) => string;
}) {
  const active = p.rows.filter((r) => r.active);
  const retired = p.rows.filter((r) => !r.active);
  return (
    <>
      {active.length === 0 ? (
        <p class="panel">{t('replies.none', p.lang)}</p>
      ) : (
        p.table(active, p.caption(active.length))
      )}
      {retired.length > 0 && (
        <details>
          <summary>{p.retired(retired.length)}</summary>
          {p.table(retired, p.retired(retired.length))}
        </details>
      )}
    </>
  );
}

export function repliesPage(v: RepliesPageView): string {
  const { lang } = v;
  return renderPage(
    v.frame,
    <>
      <h1>{t('replies.title', lang)}</h1>
      <section aria-labelledby="saved">
        <h2 id="saved">{t('replies.saved', lang)}</h2>
        <p>{t('replies.savedIntro', lang)}</p>
        <Listed
          lang={lang}
          rows={v.saved}
          retired={(count) => t('replies.retiredTitle', lang, { count })}
          caption={(count) => t('replies.caption', lang, { count })}
          table={(rows, caption) => <SavedTable v={v} rows={rows} caption={caption} />}
        />
        <h3 id="add">{t('replies.add', lang)}</h3>
        <ReplyFields v={v.addSaved} />
      </section>
      <section aria-labelledby="auto">
        <h2 id="auto">{t('replies.auto', lang)}</h2>
        <p>{t('replies.autoIntro', lang)}</p>
        {!v.managesAuto && <p class="hint">{t('replies.autoReadOnly', lang)}</p>}
        <Listed
          lang={lang}
          rows={v.auto}
          retired={(count) => t('replies.retiredAutoTitle', lang, { count })}
          caption={(count) => t('replies.autoCaption', lang, { count })}
          table={(rows, caption) => <AutoTable v={v} rows={rows} caption={caption} />}
        />
        {v.addAuto && (
          <>
            <h3 id="add-auto">{t('replies.addAuto', lang)}</h3>
            <ReplyFields v={v.addAuto} />
          </>
        )}
      </section>
    </>,
  );
}

/** The edit page of one reply. */
export function replyEditPage(p: { frame: Frame; title: string; form: ReplyFormView }): string {
  return renderPage(
    p.frame,
    <>
      <p>
        <a href="/console/replies">{t('common.back', p.form.lang)}</a>
      </p>
      <h1>{p.title}</h1>
      <ReplyFields v={p.form} />
    </>,
  );
}
