/** A page with a title and one message: not found, not allowed, try again. */
import type { Lang } from '../../text/translate';
import { t } from '../core/words';
import { renderPage, type Frame } from './layout';

export function messagePage(p: {
  lang: Lang;
  title: string;
  body: string;
  who?: Frame['who'];
}): string {
  return renderPage(
    { lang: p.lang, title: p.title, ...(p.who ? { who: p.who } : {}) },
    <div class="panel">
      <h1>{p.title}</h1>
      <p>{p.body}</p>
      <p>
        <a href="/console">{t('nav.queue', p.lang)}</a>
      </p>
    </div>,
  );
}

/**
 * Every read worker is busy and the queue is full: the same words in both languages (the
 * viewer's first), and a link to try the same page again.
 */
export function busyPage(p: { lang: Lang; again?: string; who?: Frame['who'] }): string {
  const other: Lang = p.lang === 'sw' ? 'en' : 'sw';
  return renderPage(
    { lang: p.lang, title: t('error.busy.title', p.lang), ...(p.who ? { who: p.who } : {}) },
    <div class="panel">
      <h1>{t('error.busy.title', p.lang)}</h1>
      <p>{t('error.busy.body', p.lang)}</p>
      <p lang={other}>
        <strong>{t('error.busy.title', other)}</strong> {t('error.busy.body', other)}
      </p>
      <p>
        <a href={p.again ?? '/console'}>{t('error.busy.again', p.lang)}</a>
      </p>
    </div>,
  );
}
