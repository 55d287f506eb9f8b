/**
 * The public status page: a form for a complaint number and, once one is typed, its public
 * facts or why there are none. No script, no sign-in; the console's stylesheet; fits 360 px.
 */
import { Fragment } from 'preact';
import { render } from 'preact-render-to-string';
import { formatComplaintNumber } from '../complaints/core/numbers';
import { STYLESHEET, ICON } from '../console/assets';
import { dateTime } from '../console/core/format';
import { formatDate } from '../text/calendar';
import { codeLabel } from '../text/labels';
import type { Lang } from '../text/translate';
import type { PublicStatus } from './core/status';
import { sayStatus, type StatusWord } from './words';

export interface StatusView {
  lang: Lang;
  /** What was typed ('' when nothing yet). */
  typed: string;
  /** The problem with what was typed, or that no complaint has it. */
  problem?: StatusWord;
  /**
   * `triage`: an SMS complaint staff have not yet sent to its council ('pending'), or closed
   * there as not a complaint ('notTaken'): its council and category are not known.
   */
  found?: PublicStatus & { councilName: string; triage?: 'pending' | 'notTaken' };
  status?: number;
}

function Facts({ lang, s }: { lang: Lang; s: NonNullable<StatusView['found']> }) {
  const say = (k: StatusWord, vars?: Record<string, string>) => sayStatus(lang, k, vars);
  const sla =
    s.sla.kind === 'awaitingReply' || s.sla.kind === 'beingResolved'
      ? say(s.sla.kind, { date: formatDate(s.sla.dueAt) })
      : say(s.sla.kind);
  const unknown = s.triage ? say(s.triage) : undefined;
  const rows: [StatusWord, string][] = [
    ['number', formatComplaintNumber(s.number)],
    ['status', codeLabel('status', s.status, lang)],
    ['council', unknown ?? s.councilName],
    [
      'category',
      unknown ??
        (s.categoryCode === null
          ? say('categoryHidden')
          : codeLabel('category', s.categoryCode, lang)),
    ],
    ['filed', dateTime(s.filedAt)],
    ['changed', dateTime(s.changedAt)],
    ['sla', sla],
  ];
  return (
    <dl class="facts panel" aria-live="polite">
      {rows.map(([k, v]) => (
        <Fragment key={k}>
          <dt>{say(k)}</dt>
          <dd>{v}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

export function statusPage(v: StatusView): string {
  const { lang } = v;
  const say = (k: StatusWord) => sayStatus(lang, k);
  const other = lang === 'sw' ? 'en' : 'sw';
  const query = (l: Lang) =>
    `/status?lang=${l}${v.typed ? `&number=${encodeURIComponent(v.typed)}` : ''}`;
  const error = v.problem ? say(v.problem) : undefined;
  const body = (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{say('title')}</title>
        <link rel="icon" href={ICON.path} type="image/svg+xml" />
        <link rel="stylesheet" href={STYLESHEET.path} />
      </head>
      <body>
        <header class="top">
          <span class="brand">Kero</span>
          <a href={query(other)} lang={other}>
            {say('other')}
          </a>
        </header>
        <main id="content">
          <h1>{say('title')}</h1>
          <p>{say('intro')}</p>
          <form method="get" action="/status" class="panel">
            <input type="hidden" name="lang" value={lang} />
            <div class={error ? 'error-field' : undefined}>
              <label for="number">{say('label')}</label>
              <p class="hint" id="number-hint">
                {say('hint')}
              </p>
              {error && (
                <p class="error-message" id="number-error">
                  {error}
                </p>
              )}
              <input
                type="text"
                inputMode="numeric"
                id="number"
                name="number"
                value={v.typed}
                class="short"
                autocomplete="off"
                aria-describedby={error ? 'number-hint number-error' : 'number-hint'}
                aria-invalid={error ? 'true' : undefined}
              />
            </div>
            <button type="submit">{say('button')}</button>
          </form>
          {v.found && <Facts lang={lang} s={v.found} />}
          <p class="hint">{say('privacy')}</p>
        </main>
      </body>
    </html>
  );
  return `<!DOCTYPE html>${render(body)}`;
}
