/**
 * Integrity of the menu as data, iterated over `menu` (no screen list is written here): every
 * target exists, every screen is reachable, every key and name it uses is defined, and the two
 * translations have the same keys, all non-empty and GSM-7 basic. Rendered lengths are checked in
 * integrity-lengths.test.ts.
 */
import { categoryCodes } from '../../db/seed/seed';
import { complaintStatuses } from '../../db/schema';
import { menu } from '../../menus';
import { en, type TextKey } from '../../menus/locales/en';
import { sw } from '../../menus/locales/sw';
import { isGsm7 } from '../../src/text/gsm7';
import { lookups } from '../../src/ussd/core/lookups';
import type { ScreenDef, ScreenId } from '../../src/ussd/core/types';
import { validators } from '../../src/ussd/core/validators';
import { recognisers } from '../../src/ussd/core/recognisers';
import { effects } from '../../src/ussd/core/effects';
import { guards } from '../../src/ussd/core/guards';
import { views } from '../../src/ussd/core/views';
import { allReferences, reachableDepths } from '../helpers/menu-graph';

const screens = Object.entries(menu.screens);
const isView = (name: string): name is keyof typeof views => name in views;

/** Every translation key a screen shows, with where it sits. */
function keysOf(id: ScreenId, s: ScreenDef): [string, string][] {
  const keys: [string, string][] = [];
  if (s.zero) keys.push([`${id} zero.label`, s.zero.label]);
  if (s.type !== 'info') keys.push([`${id} prompt`, s.prompt]);
  if (s.type === 'list') keys.push([`${id} empty`, s.empty]);
  if (s.type === 'input' && s.skip) keys.push([`${id} skip`, s.skip]);
  if (s.type === 'choice') s.options.forEach((o, i) => keys.push([`${id} options[${i}]`, o.label]));
  if (s.type === 'info' && 'text' in s) keys.push([`${id} text`, s.text]);
  return keys;
}

describe('menu targets and reachability', () => {
  test.each(allReferences(menu))('when %s names %j, then that screen exists', (_where, target) => {
    expect(Object.keys(menu.screens)).toContain(target);
  });

  const reachable = reachableDepths(menu);
  test.each(screens.map(([id]) => id))(
    'when %s is looked for from the entry points, then it is reachable',
    (id) => {
      expect(reachable.has(id)).toBe(true);
    },
  );

  test.each(screens.filter(([, s]) => s.draft === true).map(([id]) => id))(
    'when the draft screen %s is resumed, then it is not an END screen',
    (id) => {
      const s = menu.screens[id];
      expect(s?.type === 'info' && s.end === true).toBe(false);
    },
  );
});

describe('names the menus use', () => {
  const names = screens.flatMap(([id, s]): [string, string, boolean][] => {
    if (s.type === 'list') return [[id, `lookup ${s.lookup}`, s.lookup in lookups]];
    if (s.type === 'input') {
      return [
        [id, `validator ${s.validate}`, s.validate in validators],
        ...(s.recognise
          ? [
              [id, `recogniser ${s.recognise.as}`, s.recognise.as in recognisers] as [
                string,
                string,
                boolean,
              ],
            ]
          : []),
      ];
    }
    if (s.type === 'choice') {
      return [
        ...(s.view ? [[id, `view ${s.view}`, isView(s.view)] as [string, string, boolean]] : []),
        ...s.options.flatMap((o): [string, string, boolean][] => [
          ...(o.guard
            ? [[id, `guard ${o.guard}`, o.guard in guards] as [string, string, boolean]]
            : []),
          ...(o.effect
            ? [[id, `effect ${o.effect}`, o.effect in effects] as [string, string, boolean]]
            : []),
        ]),
      ];
    }
    if (s.type === 'info' && 'view' in s) return [[id, `view ${s.view}`, isView(s.view)]];
    return [];
  });

  test.each(names)('when %s uses the %s, then it is registered', (_id, _name, registered) => {
    expect(registered).toBe(true);
  });

  test('when an option has a guard, then it says where to go when the guard fails', () => {
    const unguarded = screens.flatMap(([id, s]) =>
      s.type === 'choice'
        ? s.options.filter((o) => o.guard && !o.otherwise).map((o) => `${id} ${o.label}`)
        : [],
    );
    expect(unguarded).toEqual([]);
  });
});

describe('translations', () => {
  const usedKeys = screens.flatMap(([id, s]) => keysOf(id, s));

  test.each(usedKeys)(
    'when %s uses %j, then en and sw both have non-empty text for it',
    (_where, key) => {
      expect([key in en, key in sw]).toEqual([true, true]);
      expect(en[key as TextKey].trim()).not.toBe('');
      expect(sw[key as TextKey].trim()).not.toBe('');
    },
  );

  test('when the two languages are compared, then they have exactly the same keys', () => {
    expect(Object.keys(sw).sort()).toEqual(Object.keys(en).sort());
  });

  const entries = (['en', 'sw'] as const).flatMap((lang) =>
    Object.entries(lang === 'en' ? en : sw).map(([key, text]) => [lang, key, text] as const),
  );

  test.each(entries)(
    'when %s %s is read, then it is non-empty GSM-7 basic text around its {vars}',
    (_lang, _key, text) => {
      // '{' and '}' are GSM-7 extension characters, but a {var} never reaches the phone.
      const shown = text.replace(/\{\w+\}/g, '');
      expect(text.trim()).not.toBe('');
      expect([...shown].filter((ch) => !isGsm7(ch, { allowExtended: false }))).toEqual([]);
    },
  );

  const vars = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  test.each(Object.keys(en) as TextKey[])(
    'when %s is filled in, then en and sw take the same {vars}',
    (key) => {
      expect(vars(sw[key])).toEqual(vars(en[key]));
    },
  );

  test.each([
    ...categoryCodes.map((code) => `category.${code}`),
    ...complaintStatuses.map((status) => `status.${status}`),
  ])('when the code %s is shown, then it has a translation', (key) => {
    expect([key in en, key in sw]).toEqual([true, true]);
  });
});
