/**
 * The frame of every console page: header with the staff member and the navigation, an error
 * summary or a notice when there is one, the page, the footer. Rendered to a string by
 * preact-render-to-string, which escapes every value.
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { Lang } from '../../text/translate';
import { ICON, SCRIPT, STYLESHEET } from '../assets';
import { t, type WordKey } from '../core/words';

export type Section =
  | 'queue'
  | 'call'
  | 'triage'
  | 'callbacks'
  | 'staff'
  | 'categories'
  | 'replies'
  | 'teams'
  | 'rules'
  | 'dashboard'
  | 'account'
  | 'none';

export interface Frame {
  lang: Lang;
  title: string;
  /** The signed-in staff member, when there is one. */
  who?: { name: string; role: 'officer' | 'supervisor' | 'hq'; csrf: string };
  /** The page's own address, for the language switch to come back to. */
  path?: string;
  section?: Section;
  /** Errors to list at the top (GOV.UK error summary): text, and the field id to jump to. */
  errors?: { text: string; field?: string }[];
  notice?: string;
}

function Nav({
  lang,
  who,
  section,
}: Required<Pick<Frame, 'lang' | 'who'>> & Pick<Frame, 'section'>) {
  const all: [Section, WordKey, string][] = [
    ['queue', 'nav.queue', '/console'],
    ['call', 'nav.call', '/console/call'],
    ['triage', 'nav.triage', '/console/triage'],
    ['callbacks', 'nav.callbacks', '/console/callbacks'],
    ['staff', 'nav.staff', '/console/staff'],
    ['categories', 'nav.categories', '/console/categories'],
    ['replies', 'nav.replies', '/console/replies'],
    ['teams', 'nav.teams', '/console/teams'],
    ['rules', 'nav.rules', '/console/rules'],
    ['dashboard', 'nav.dashboard', '/console/dashboard'],
    ['account', 'nav.account', '/console/account'],
  ];
  // Officers manage no one: triage and the staff, replies, teams and routing pages are for
  // supervisors and headquarters; the categories are headquarters' alone.
  const managing: Section[] = ['triage', 'staff', 'replies', 'teams', 'rules'];
  const items = all.filter(
    ([key]) =>
      (!managing.includes(key) || who.role !== 'officer') &&
      (key !== 'categories' || who.role === 'hq'),
  );
  return (
    <nav class="main" aria-label={t('nav.queue', lang)}>
      <ul>
        {items.map(([key, word, href]) => (
          <li key={key}>
            <a href={href} aria-current={section === key ? 'page' : undefined}>
              {t(word, lang)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Who({ lang, who, path }: Required<Pick<Frame, 'lang' | 'who'>> & Pick<Frame, 'path'>) {
  const other = lang === 'sw' ? 'en' : 'sw';
  return (
    <div class="who">
      <span>{t('nav.signedInAs', lang, { name: who.name })}</span>
      <form method="post" action="/console/account/language">
        <input type="hidden" name="_csrf" value={who.csrf} />
        <input type="hidden" name="lang" value={other} />
        {path && <input type="hidden" name="back" value={path} />}
        <button class="linkish" type="submit" lang={other}>
          {t('lang.switch', lang)}
        </button>
      </form>
      <form method="post" action="/console/sign-out">
        <input type="hidden" name="_csrf" value={who.csrf} />
        <button class="linkish" type="submit">
          {t('nav.signOut', lang)}
        </button>
      </form>
    </div>
  );
}

export function ErrorSummary({ lang, errors }: { lang: Lang; errors: Frame['errors'] }) {
  if (!errors || errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>{t('error.title', lang)}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.text}>{e.field ? <a href={`#${e.field}`}>{e.text}</a> : e.text}</li>
        ))}
      </ul>
    </div>
  );
}

function Page({ frame, children }: { frame: Frame; children: ComponentChildren }) {
  const { lang, who } = frame;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${frame.title} - ${t('app.name', lang)}`}</title>
        <link rel="icon" href={ICON.path} type="image/svg+xml" />
        <link rel="stylesheet" href={STYLESHEET.path} />
        <script src={SCRIPT.path} defer></script>
      </head>
      <body>
        <a class="skip" href="#content">
          {t('app.skip', lang)}
        </a>
        <header class="top">
          <a class="brand" href="/console">
            {t('app.name', lang)} · {t('app.tagline', lang)}
          </a>
          {who && <Nav lang={lang} who={who} section={frame.section} />}
          {who && <Who lang={lang} who={who} path={frame.path} />}
        </header>
        <main id="content">
          <ErrorSummary lang={lang} errors={frame.errors} />
          {frame.notice && (
            <div class="notice" role="status">
              {frame.notice}
            </div>
          )}
          {children}
        </main>
        <footer>{t('app.footer', lang)}</footer>
      </body>
    </html>
  );
}

/** The whole HTML document of a page. */
export function renderPage(frame: Frame, body: ComponentChildren): string {
  return `<!doctype html>${render(<Page frame={frame}>{body}</Page>)}`;
}

/** A fragment (for the script's live previews). */
export const renderFragment = (node: ComponentChildren): string => render(<>{node}</>);
