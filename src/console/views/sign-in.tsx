/** The sign-in pages: the phone number, then the code. */
import type { Lang } from '../../text/translate';
import { t } from '../core/words';
import { describedBy, Field, PostForm } from './forms';
import { renderPage } from './layout';

interface Common {
  lang: Lang;
  csrf: string;
  error?: string;
  notice?: string;
}

function LanguageLinks({ lang }: { lang: Lang }) {
  const other: Lang = lang === 'sw' ? 'en' : 'sw';
  return (
    <p>
      <a href={`/console/sign-in?lang=${other}`} lang={other} hreflang={other}>
        {t(`lang.${other}`, lang)}
      </a>
    </p>
  );
}

/** Step 1: the phone number. */
export function phonePage(p: Common & { phone: string }): string {
  const { lang } = p;
  const hint = t('signIn.phoneHint', lang);
  return renderPage(
    {
      lang,
      title: t('signIn.title', lang),
      ...(p.error ? { errors: [{ text: p.error, field: 'phone' }] } : {}),
      ...(p.notice ? { notice: p.notice } : {}),
    },
    <div class="panel">
      <h1>{t('signIn.title', lang)}</h1>
      <p>{t('signIn.intro', lang)}</p>
      <PostForm action="/console/sign-in" csrf={p.csrf}>
        <Field id="phone" label={t('signIn.phone', lang)} hint={hint} error={p.error}>
          <input
            type="tel"
            id="phone"
            name="phone"
            value={p.phone}
            autocomplete="tel"
            inputMode="tel"
            class="short"
            aria-describedby={describedBy('phone', hint, p.error)}
          />
        </Field>
        <button type="submit">{t('signIn.send', lang)}</button>
      </PostForm>
      <LanguageLinks lang={lang} />
    </div>,
  );
}

/** Step 2: the code sent by SMS. */
export function codePage(p: Common & { phone: string }): string {
  const { lang } = p;
  const hint = t('signIn.codeHint', lang);
  return renderPage(
    {
      lang,
      title: t('signIn.codeTitle', lang),
      ...(p.error ? { errors: [{ text: p.error, field: 'code' }] } : {}),
    },
    <div class="panel">
      <h1>{t('signIn.codeTitle', lang)}</h1>
      <p role="status">{t('signIn.codeSent', lang, { phone: p.phone })}</p>
      <PostForm action="/console/sign-in/code" csrf={p.csrf}>
        <Field id="code" label={t('signIn.code', lang)} hint={hint} error={p.error}>
          <input
            type="text"
            id="code"
            name="code"
            autocomplete="one-time-code"
            inputMode="numeric"
            maxLength={8}
            class="short"
            aria-describedby={describedBy('code', hint, p.error)}
          />
        </Field>
        <button type="submit">{t('signIn.verify', lang)}</button>
      </PostForm>
      <PostForm action="/console/sign-in/resend" csrf={p.csrf}>
        <button type="submit" class="secondary">
          {t('signIn.resend', lang)}
        </button>
      </PostForm>
      <p>
        <a href="/console/sign-in">{t('signIn.otherPhone', lang)}</a>
      </p>
    </div>,
  );
}
