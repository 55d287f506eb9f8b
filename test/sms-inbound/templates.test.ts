/**
 * Every `sms.*` text, filled with the longest realistic values (the organisation's names at the
 * longest the configuration allows), stays in GSM-7 basic characters and within two SMS parts in
 * both languages; LIST always fits ONE SMS.
 */
import { en, type TextKey } from '../../menus/locales/en';
import { loadAdminUnits } from '../../db/seed/seed';
import { isGsm7, septetLength, smsParts } from '../../src/text/gsm7';
import { smsText, type SmsKey } from '../../src/text/sms';
import { formatOpenList, ONE_SMS } from '../../src/commands/core/format';
import { T0 } from '../helpers/app';
import { translate, type Lang } from '../../src/text/translate';
import { ORG_NAME_MAX, ORG_PREFIX_MAX, orgVars } from '../../src/text/org';
import { directDial } from '../../src/text/dial';

/** The organisation's names and SMS prefixes at the longest ORG_NAME_* and ORG_SMS_PREFIX_* allow. */
const LONGEST_ORG = {
  name: { sw: 'S'.repeat(ORG_NAME_MAX), en: 'E'.repeat(ORG_NAME_MAX) },
  smsPrefix: { sw: 'P'.repeat(ORG_PREFIX_MAX), en: 'Q'.repeat(ORG_PREFIX_MAX) },
};
const CODE = '*152*00*1234#';

const LANGS: Lang[] = ['sw', 'en'];
const smsKeys = (Object.keys(en) as TextKey[]).filter((k): k is SmsKey => k.startsWith('sms.'));

const longest = (values: string[]) => values.reduce((a, b) => (b.length > a.length ? b : a), '');
const longestOf = (prefix: string, lang: Lang, vars: Record<string, string> = {}) =>
  longest(
    (Object.keys(en) as TextKey[])
      .filter((k) => k.startsWith(prefix))
      .map((k) => translate(k, lang, vars)),
  );

const councils = loadAdminUnits().flatMap((r) => r.councils);
const regionNames = loadAdminUnits().map((r) => r.name);
/** A place is 2-60 characters (menus' validator); SHOW puts it after the council. */
const PLACE = 'Mtaa wa Mjimwema B, Kata ya Kigamboni, Kitongoji cha Mwembeni';
const LONG_TEXT =
  'Maji hayatoki kijijini Kalenge tangu mwezi uliopita; bomba kuu limevunjika karibu na shule ya msingi na wananchi wanachota maji ya mto ambayo si salama. '.repeat(
    4,
  );

function valuesFor(lang: Lang): Record<string, string> {
  return {
    ...orgVars(LONGEST_ORG, lang),
    number: '4821 0379',
    category: longestOf('category.', lang),
    council: `${longest(councils.map((c) => (lang === 'sw' ? c.short_sw : c.short)))}, ${PLACE}`,
    code: CODE,
    dial: directDial(CODE, '48210379'),
    level: longestOf('sms.level.', lang),
    // A citizen's own words as a reopening reason are cut to 100 characters and quoted.
    reason: `"${'x'.repeat(100)}"`,
    message: LONG_TEXT,
    note: LONG_TEXT,
    excerpt: LONG_TEXT,
    description: LONG_TEXT,
    name: 'N'.repeat(80),
    // Who changed a staff member's phone (issue 23): a staff name, or the words for the CLI.
    editor: 'M'.repeat(80),
    last: '999',
    phone: '+255754000111',
    status: longestOf('status.', lang),
    date: '12/03/2026',
    count: '999',
    limit: '100000',
    rating: '5',
    days: '14',
    usage: longestOf('sms.usage.', lang),
    input: `${'9'.repeat(20)}..`,
    word: `${'W'.repeat(20)}..`,
    numbers: `${Array.from({ length: 6 }, () => '4821 0379').join(', ')} +94`,
    parts: '1000000000',
    budget: '1000000000',
    month: '2026-03',
    time: '07:00',
    percent: '100',
    area: longest([...regionNames, translate('sms.digest.country', lang)]),
    open: '99999',
    overdue: '99999',
    oldest: translate('sms.digest.oldest', lang, { days: 9999 }),
    unassigned: '99999',
    due: '99999',
  };
}

/**
 * The variable each sender lets smsText shorten (see notify.ts, src/staff/commands*.ts and
 * src/directory/phone-change.ts).
 */
function shrinkFor(key: SmsKey): string | undefined {
  return ['message', 'note', 'excerpt', 'description', 'editor'].find((v) =>
    en[key].includes(`{${v}}`),
  );
}

describe('every sms.* text with the longest values', () => {
  const cases = smsKeys.flatMap((key) => LANGS.map((lang): [SmsKey, Lang] => [key, lang]));

  test.each(cases)(
    'when %s is written in %s, then it is GSM-7 and at most 2 parts',
    (key, lang) => {
      const body = smsText(key, lang, valuesFor(lang), shrinkFor(key));

      expect(body).not.toMatch(/\{\w+\}/);
      expect(isGsm7(body, { allowExtended: false })).toBe(true);
      expect(smsParts(body).parts).toBeLessThanOrEqual(2);
    },
  );
});

describe('formatOpenList', () => {
  const item = (i: number) => ({
    number: String(10000000 + i * 1111),
    categoryCode: 'council_services',
    createdAt: T0 + i * 86_400_000,
  });

  test.each(LANGS)(
    'when an officer holds 30 complaints in %s, then LIST fits one SMS with a tail',
    (lang) => {
      const items = Array.from({ length: 30 }, (_, i) => item(i));
      const body = formatOpenList(items, 30, lang);
      const lines = body.split('\n');
      const shown = lines.length - 2;

      expect(septetLength(body)).toBeLessThanOrEqual(ONE_SMS);
      expect(smsParts(body).parts).toBe(1);
      expect(lines[0]).toBe(translate('sms.cmd.listTitle', lang, { count: 30 }));
      expect(shown).toBeGreaterThanOrEqual(2);
      expect(lines.slice(1, -1).map((l) => l.slice(0, 9))).toEqual(
        items.slice(0, shown).map((i) => `${i.number.slice(0, 4)} ${i.number.slice(4)}`),
      );
      expect(lines.at(-1)).toBe(translate('sms.cmd.listMore', lang, { count: 30 - shown }));
    },
  );

  test('when everything fits, then there is no tail', () => {
    const body = formatOpenList([item(0), item(1)], 2, 'en');

    expect(body).toBe(
      'Kero: open complaints (2):\n1000 0000 Local government services 12/03\n1000 1111 Local government services 13/03',
    );
  });

  test('when there is nothing open, then it says so', () => {
    expect(formatOpenList([], 0, 'sw')).toBe(translate('sms.cmd.listEmpty', 'sw'));
  });
});
