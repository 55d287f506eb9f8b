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
