/**
 * Log a phone call: the agent files a complaint for a caller, with the same fields a USSD caller
 * gives (and the caller's phone and language). Errors are listed at the top and next to their
 * fields, and what was typed stays.
 */
import { formatCallbackReference } from '../../callbacks/core/reference';
import { formatComplaintNumber } from '../../complaints/core/numbers';
import type { ReferenceData } from '../../reference/types';
import { codeLabel } from '../../text/labels';
import type { Lang } from '../../text/translate';
import type { CallForm, FormError } from '../core/call-form';
import { t } from '../core/words';
import {
  CouncilSelect,
  councilGroups,
  describedBy,
  Field,
  PostForm,
  Radios,
  Select,
} from './forms';
import { renderPage, type Frame } from './layout';

export interface CallPageView {
  frame: Frame;
  lang: Lang;
  reference: ReferenceData;
  /** Regions the agent may file in (their own, or every region for headquarters). */
  regionCodes: string[];
  form: CallForm;
  errors: FormError[];
  csrf: string;
  /** The complaint just filed, for the links under the notice. */
  filed?: string;
  /** The call-back request this call answers (sent with the form; filing closes it). */
  callback?: string;
}

/** The id of a field's control, for the error summary's links. */
export const callFieldId = (field: keyof CallForm): string =>
  field === 'language' || field === 'identity' ? `call-${field}-first` : `call-${field}`;

export function callPage(v: CallPageView): string {
  const { lang, form, reference: ref } = v;
  const err = (f: keyof CallForm) => {
    const e = v.errors.find((x) => x.field === f);
    return e ? t(e.key, lang) : undefined;
  };
  const regions = ref.regions.filter((r) => v.regionCodes.includes(r.code));
  const descHint = t('call.descriptionHint', lang);
  const frame: Frame = {
    ...v.frame,
    errors: [
      ...(v.frame.errors ?? []),
      ...v.errors.map((e) => ({ text: t(e.key, lang), field: callFieldId(e.field) })),
    ],
  };
  return renderPage(
    frame,
    <>
      <h1>{t('call.title', lang)}</h1>
      {v.filed && (
        <p>
          <a href={`/console/c/${v.filed}`}>
            {t('call.open', lang, { number: formatComplaintNumber(v.filed) })}
          </a>
        </p>
      )}
      {v.callback && (
        <p class="no-print">
          <a href={`/console/callbacks/${v.callback}`}>
            {t('cb.request.title', lang, { reference: formatCallbackReference(v.callback) })}
          </a>
        </p>
      )}
      <p>{t('call.intro', lang)}</p>
      <PostForm action="/console/call" csrf={v.csrf} class="panel">
        {v.callback && <input type="hidden" name="callback" value={v.callback} />}
        <Field id="call-phone" label={t('call.phone', lang)} error={err('phone')}>
          <input
            type="tel"
            id="call-phone"
            name="phone"
            class="short"
            autocomplete="off"
            inputMode="tel"
            value={form.phone}
            aria-describedby={describedBy('call-phone', undefined, err('phone'))}
          />
        </Field>
        <Radios
          id="call-language"
          name="language"
          legend={t('call.language', lang)}
          value={form.language}
          error={err('language')}
          choices={[
            { value: 'sw', label: t('lang.sw', lang) },
            { value: 'en', label: t('lang.en', lang) },
          ]}
        />
        <Field id="call-region" label={t('call.region', lang)} error={err('region')}>
          <select
            id="call-region"
            name="region"
            data-region-select
            aria-describedby={describedBy('call-region', undefined, err('region'))}
          >
            {regions.length > 1 && <option value="">{t('call.choose', lang)}</option>}
            {regions.map((r) => (
              <option key={r.code} value={r.code} selected={r.code === form.region}>
                {r.label[lang]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="call-council" label={t('call.council', lang)} error={err('council')}>
          <CouncilSelect
            id="call-council"
            name="council"
            value={form.council}
            blank={t('call.choose', lang)}
            describedBy={describedBy('call-council', undefined, err('council'))}
            groups={councilGroups(ref, regions, lang)}
          />
        </Field>
        <Field id="call-category" label={t('call.category', lang)} error={err('category')}>
          <Select
            id="call-category"
            name="category"
            value={form.category}
            blank={t('call.choose', lang)}
            describedBy={describedBy('call-category', undefined, err('category'))}
            choices={ref.categories.map((c) => ({
              value: c,
              label: codeLabel('category', c, lang),
            }))}
          />
        </Field>
        <Field id="call-place" label={t('call.place', lang)} error={err('place')}>
          <input
            type="text"
            id="call-place"
            name="place"
            maxLength={80}
            value={form.place}
            aria-describedby={describedBy('call-place', undefined, err('place'))}
          />
        </Field>
        <Field
          id="call-description"
          label={t('call.description', lang)}
          hint={descHint}
          error={err('description')}
        >
          <textarea
            id="call-description"
            name="description"
            rows={4}
            maxLength={300}
            aria-describedby={describedBy('call-description', descHint, err('description'))}
          >
            {form.description}
          </textarea>
        </Field>
        <Radios
          id="call-identity"
          name="identity"
          legend={t('call.identity', lang)}
          value={form.identity}
          error={err('identity')}
          choices={[
            { value: 'identified', label: t('call.identified', lang) },
            { value: 'anonymous', label: t('call.anonymous', lang) },
          ]}
        />
        <button type="submit">{t('call.submit', lang)}</button>
      </PostForm>
    </>,
  );
}
