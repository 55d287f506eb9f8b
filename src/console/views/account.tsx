/**
 * The signed-in staff member's own page: who they are, their language (for the console and the
 * SMS Kero sends them), and where they are signed in, with a way to end each session.
 */
import type { ConsoleSessionRow, StaffRow } from '../../../db/schema';
import type { ReferenceData } from '../../reference/types';
import { maskPhone } from '../../text/phone';
import type { Lang } from '../../text/translate';
import { dateTime } from '../core/format';
import { t } from '../core/words';
import { PostForm, Radios } from './forms';
import { renderPage, type Frame } from './layout';

export interface AccountView {
  frame: Frame;
  lang: Lang;
  reference: ReferenceData;
  staff: StaffRow;
  councils: string[];
  sessions: ConsoleSessionRow[];
  currentId: string;
  csrf: string;
}

/** A browser's name from its user agent, for people: "Chrome on Android". */
export function browserName(ua: string | null): string {
  if (!ua) return '';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : '';
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return [browser, os].filter((s) => s !== '').join(' · ');
}

export function accountPage(v: AccountView): string {
  const { lang, staff: s, reference: ref } = v;
  const region =
    s.regionCode === null
      ? t('staff.headquarters', lang)
      : (ref.regions.find((r) => r.code === s.regionCode)?.label[lang] ?? s.regionCode);
  const councils = v.councils.map((c) => ref.councilLabels.get(c)?.[lang] ?? c).join(', ');
  const others = v.sessions.filter((x) => x.id !== v.currentId);
  return renderPage(
    v.frame,
    <>
      <h1>{t('account.title', lang)}</h1>
      <section class="panel" aria-labelledby="me">
        <h2 id="me" class="visually-hidden">
          {t('account.title', lang)}
        </h2>
        <dl class="facts">
          <dt>{t('account.name', lang)}</dt>
          <dd>{s.name}</dd>
          <dt>{t('account.phone', lang)}</dt>
          <dd>{maskPhone(s.phone)}</dd>
          <dt>{t('account.role', lang)}</dt>
          <dd>{t(`role.${s.role}`, lang)}</dd>
          <dt>{t('account.region', lang)}</dt>
          <dd>{region}</dd>
          {councils && (
            <>
              <dt>{t('staff.councils', lang)}</dt>
              <dd>{councils}</dd>
            </>
          )}
        </dl>
      </section>
      <section class="panel" aria-labelledby="language">
        <h2 id="language">{t('account.language', lang)}</h2>
        <PostForm action="/console/account/language" csrf={v.csrf}>
          <p class="hint">{t('account.languageHint', lang)}</p>
          <Radios
            id="account-lang"
            name="lang"
            legend={t('account.language', lang)}
            value={s.language}
            choices={[
              { value: 'sw', label: t('lang.sw', lang) },
              { value: 'en', label: t('lang.en', lang) },
            ]}
          />
          <input type="hidden" name="back" value="/console/account" />
          <button type="submit">{t('common.save', lang)}</button>
        </PostForm>
      </section>
      <section class="panel" aria-labelledby="sessions">
        <h2 id="sessions">{t('account.sessions', lang)}</h2>
        <ul>
          {v.sessions.map((x) => (
            <li key={x.id}>
              {t('account.session', lang, {
                when: dateTime(x.createdAt),
                ip: x.ip ?? t('account.unknownIp', lang),
              })}
              {browserName(x.userAgent) && ` (${browserName(x.userAgent)})`}
              {', '}
              {t('account.lastSeen', lang, { when: dateTime(x.lastSeenAt) })}
              {x.id === v.currentId ? (
                <strong> · {t('account.sessionCurrent', lang)}</strong>
              ) : (
                <PostForm
                  action={`/console/account/sessions/${x.id}/end`}
                  csrf={v.csrf}
                  class="inline"
                >
                  <button type="submit" class="secondary small">
                    {t('account.end', lang)}
                  </button>
                </PostForm>
              )}
            </li>
          ))}
        </ul>
        {others.length > 0 && (
          <PostForm action="/console/account/sessions/end-others" csrf={v.csrf}>
            <button type="submit" class="warning">
              {t('account.endOthers', lang)}
            </button>
          </PostForm>
        )}
      </section>
    </>,
  );
}
