/**
 * The call-back desk's refusals in the staff member's words. Pure.
 */
import { formatCallbackReference } from '../../callbacks/core/reference';
import type { CallbackRefusal } from '../../callbacks/core/refusal';
import type { Lang } from '../../text/translate';
import { whenText } from './format';
import { t } from './words';

/** Pure. Why an action on request `reference` was refused, `now` being the page's time. */
export function callbackRefusalText(
  r: CallbackRefusal,
  reference: string,
  lang: Lang,
  now: number,
): string {
  const ref = formatCallbackReference(reference);
  switch (r.code) {
    case 'notFound':
      return t('cb.err.notFound', lang, { reference: ref });
    case 'notOpen':
      return t('cb.err.notOpen', lang, {
        reference: ref,
        status: t(`cb.status.${r.status}`, lang),
      });
    case 'tooSoon':
      return t('cb.err.tooSoon', lang, { time: whenText(now, r.until) });
    case 'stale':
      return t('cb.err.stale', lang);
    case 'noteEmpty':
      return t('cb.err.noteEmpty', lang);
    case 'noteLong':
      return t('cb.err.noteLong', lang);
  }
}
