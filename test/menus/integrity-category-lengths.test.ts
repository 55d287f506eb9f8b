/**
 * Category names as long as headquarters may make them (MAX_CATEGORY_NAME, issue 20): the
 * category menu and the confirm screen, with the longest region and council, the longest ward and
 * village and a 150-character description, in both languages. Every page fits 160 GSM-7
 * characters including `CON `, with its options, and shows the category whole.
 */
import { menu } from '../../menus';
import { MAX_CATEGORY_NAME } from '../../src/categories/core/category-form';
import { placesOf } from '../../src/reference/places';
import { loadWardList } from '../../src/reference/wards';
import {
  encodePlace,
  type PlaceIndex,
  type PlaceMatch,
} from '../../src/reference/core/place-match';
import { setCategoryNames } from '../../src/text/labels';
import { isGsm7 } from '../../src/text/gsm7';
import { translate, type Lang } from '../../src/text/translate';
import { buildView, step } from '../../src/ussd/core/engine';
import { PAGE_BUDGET, renderView } from '../../src/ussd/core/render';
import type { SessionState, UssdContext } from '../../src/ussd/core/types';
import { adminRegions, makeEngineContext } from '../helpers/engine-context';

const langs: Lang[] = ['sw', 'en'];
const NAMES = { sw: 'Huduma za umeme na nishati jua', en: 'Electricity and solar services' };
const DESCRIPTION =
  'Maji hayatoki kijijini tangu mwezi uliopita; bomba kuu limevunjika karibu na shule ya msingi na wananchi wanachota maji ya mto yasiyo salama kwa afya.';

const list = loadWardList();
const places = placesOf(list);
const wardName = (m: PlaceMatch) => list.byCode.get(m.wardCode)?.name ?? m.wardCode;
const matches = [...list.byCouncil.keys()].flatMap((council) =>
  [...(places.index(council)?.exact.values() ?? [])].flat(),
);
const longest = <T>(items: readonly T[], size: (t: T) => number): T =>
  items.reduce((a, b) => (size(b) > size(a) ? b : a));

afterEach(() => setCategoryNames(new Map()));

/** The engine on `screen` of a filing in `lang`'s longest region and council. */
function at(lang: Lang, screen: string, data: Record<string, string>, ctx: UssdContext) {
  const { region, council } = longest(
    adminRegions.flatMap((r) => r.councils.map((c) => ({ region: r, council: c }))),
    (p) => `${p.region.label[lang]}, ${p.council.label[lang]}`.length,
  );
  const stack = ['main', 'file.region', 'file.council'].map((s) => ({ screen: s, page: 0 }));
  const state: SessionState = {
    lang,
    screen,
    page: 0,
    stack,
    data: { region: region.code, council: council.code, ...data },
  };
  return { state, ctx };
}

/** Every page of the screen (walked with 98). */
function pagesOf(first: SessionState, ctx: UssdContext): string[] {
  const bodies: string[] = [];
  for (let state = first; ;) {
    bodies.push(renderView(buildView(menu, state, ctx), state.lang, state.page));
    const next = step(menu, state, '98', ctx).state;
    if (next.screen !== state.screen || next.page !== state.page + 1) return bodies;
    state = next;
  }
}

const fits = (bodies: string[]) => {
  expect(bodies.filter((b) => b.length > PAGE_BUDGET)).toEqual([]);
  expect(bodies.filter((b) => !isGsm7(b, { allowExtended: false }))).toEqual([]);
};

describe(`a category name of ${MAX_CATEGORY_NAME} characters`, () => {
  test('the names tested are as long as allowed', () => {
    expect([NAMES.sw.length, NAMES.en.length]).toEqual([MAX_CATEGORY_NAME, MAX_CATEGORY_NAME]);
  });

  test.each(langs)(
    'when the category menu lists it in %s, then every page fits and it is whole',
    (lang) => {
      const base = makeEngineContext();
      const codes = [...base.categories(), 'long_one'];
      setCategoryNames(new Map([['long_one', NAMES]]));
      const ctx: UssdContext = { ...base, categories: () => codes };
      const { state } = at(lang, 'file.category', {}, ctx);
      const bodies = pagesOf(state, ctx);
      fits(bodies);
      expect(bodies.join('\n')).toMatch(new RegExp(`\\n\\d+\\. ${NAMES[lang]}\\n`));
    },
  );

  test.each(langs)(
    'when it is confirmed in %s with the longest ward and village and description, then the page fits with its options and the category whole',
    (lang) => {
      const worst = longest(
        matches,
        (m) =>
          translate('file.confirm.wardVillage', lang, {
            ward: wardName(m),
            village: m.village ?? '',
          }).length,
      );
      const base = makeEngineContext();
      setCategoryNames(new Map([['long_one', NAMES]]));
      const index: PlaceIndex = { exact: new Map([['worst', [worst]]]) };
      const ctx: UssdContext = { ...base, categories: () => ['long_one'], places: () => index };
      const { state } = at(lang, 'file.place', { category: 'long_one' }, ctx);
      const placed = step(menu, state, 'worst', ctx);
      const t = [DESCRIPTION, '2'].reduce((r, reply) => step(menu, r.state, reply, ctx), placed);
      expect(t.state.screen).toBe('file.confirm');
      expect(encodePlace(worst)).toContain(worst.wardCode);
      const bodies = pagesOf(t.state, ctx);
      fits(bodies);
      for (const body of bodies) {
        expect(body).toContain(NAMES[lang]);
        expect(body).toContain(`1. ${translate('file.confirm.send', lang)}`);
        expect(body).toContain(`2. ${translate('file.confirm.change', lang)}`);
      }
    },
  );
});

describe(`call me back with a category name of ${MAX_CATEGORY_NAME} characters`, () => {
  const longestRegion = longest(adminRegions, (r) =>
    Math.max(r.label.sw.length, r.label.en.length),
  );

  test.each(langs)(
    'when the category is listed, confirmed in the longest region and named as the open request in %s, then every page fits with the name whole',
    (lang) => {
      setCategoryNames(new Map([['long_one', NAMES]]));
      const base = makeEngineContext({
        callback: { reference: '9999999', categoryCode: 'long_one' },
      });
      const codes = [...base.categories(), 'long_one'];
      const ctx: UssdContext = { ...base, categories: () => codes };
      const state = (screen: string, data: Record<string, string>): SessionState => ({
        lang,
        screen,
        page: 0,
        stack: [
          { screen: 'main', page: 0 },
          { screen: 'callback.category', page: 0 },
        ],
        data,
      });
      const listed = pagesOf(state('callback.category', {}), ctx);
      const confirmed = pagesOf(
        state('callback.confirm', { category: 'long_one', region: longestRegion.code }),
        ctx,
      );
      const refused = pagesOf(state('callback.refused', {}), ctx);
      fits([...listed, ...confirmed, ...refused]);
      expect(listed.join('\n')).toMatch(new RegExp(`\\n\\d+\\. ${NAMES[lang]}\\n`));
      expect(confirmed).toHaveLength(1);
      expect(confirmed[0]).toContain(NAMES[lang]);
      expect(confirmed[0]).toContain(longestRegion.label[lang]);
      expect(confirmed[0]).toContain(`2. ${translate('callback.confirm.change', lang)}`);
      expect(refused[0]).toContain(NAMES[lang]);
    },
  );
});
