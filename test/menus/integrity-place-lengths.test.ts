/**
 * The place screens of issue 19 with the longest names of the ward list, in both languages: the
 * choice (file.place.choose) offering the five longest choices of any council at once (more than
 * a caller is ever offered: their choices all come from one council and one typed name), and the
 * confirm screen naming the longest ward and village beside the longest region and council and
 * the longest category, anonymous, with a 150-character description. Every page fits 160 GSM-7
 * basic characters including `CON `; every choice is shown in full exactly once; the confirm
 * screen keeps its options on one page and its ward line readable. The worst cases are computed
 * here from the list and the locale templates, the way lookups.ts and views.ts label a match, and
 * checked against the screens' own labels of every place. Every name several places share, typed,
 * gives a choice of two pages at most. The worst cases found are printed.
 */
import { menu } from '../../menus';
import { en, type TextKey } from '../../menus/locales/en';
import { placesOf } from '../../src/reference/places';
import { loadWardList } from '../../src/reference/wards';
import {
  encodePlace,
  MAX_PLACE_CHOICES,
  type PlaceIndex,
  type PlaceMatch,
} from '../../src/reference/core/place-match';
import { isGsm7 } from '../../src/text/gsm7';
import { textOf, translate, type Lang } from '../../src/text/translate';
import { buildView, step } from '../../src/ussd/core/engine';
import { placeLabel } from '../../src/ussd/core/lookups';
import { PLACE_MATCH } from '../../src/ussd/core/recognisers';
import { PAGE_BUDGET, paginate, renderView } from '../../src/ussd/core/render';
import type { SessionState, UssdContext } from '../../src/ussd/core/types';
import { views } from '../../src/ussd/core/views';
import { adminRegions, makeEngineContext } from '../helpers/engine-context';

const langs: Lang[] = ['sw', 'en'];
const list = loadWardList();
const places = placesOf(list);
const wardName = (m: PlaceMatch) => list.byCode.get(m.wardCode)?.name ?? m.wardCode;

/** Every ward and village a caller can be offered or confirmed: what each council's index holds. */
const matches: PlaceMatch[] = [...list.byCouncil.keys()].flatMap((council) =>
  [...(places.index(council)?.exact.values() ?? [])].flat(),
);

const choiceLabel = (m: PlaceMatch, lang: Lang) =>
  m.village === undefined
    ? translate('place.ward', lang, { ward: wardName(m) })
    : translate('place.village', lang, { ward: wardName(m), village: m.village });

const confirmLine = (m: PlaceMatch, lang: Lang) =>
  m.village === undefined
    ? translate('file.confirm.ward', lang, { ward: wardName(m) })
    : translate('file.confirm.wardVillage', lang, { ward: wardName(m), village: m.village });

/** The n places with the longest labels (a place listed under two councils counted once). */
function longestMatches(label: (m: PlaceMatch) => string, n: number): PlaceMatch[] {
  const once = new Map(matches.map((m) => [encodePlace(m), m]));
  return [...once.values()].sort((a, b) => label(b).length - label(a).length).slice(0, n);
}

const longest = <T>(items: readonly T[], size: (t: T) => number): T =>
  items.reduce((a, b) => (size(b) > size(a) ? b : a));

const pairs = adminRegions.flatMap((region) =>
  region.councils.map((council) => ({ region, council })),
);
const longestCategory = (lang: Lang) =>
  longest(
    (Object.keys(en) as TextKey[]).filter((k) => k.startsWith('category.')),
    (k) => translate(k, lang).length,
  ).slice('category.'.length);

/** As long as a description can be (150 characters). */
const DESCRIPTION =
  'Maji hayatoki kijijini tangu mwezi uliopita; bomba kuu limevunjika karibu na shule ya msingi na wananchi wanachota maji ya mto yasiyo salama kwa afya.';

/** The engine at the place step of `lang`'s longest region, council and category. */
function atPlace(lang: Lang, offered: PlaceMatch[]): { state: SessionState; ctx: UssdContext } {
  const { region, council } = longest(
    pairs,
    (p) => `${p.region.label[lang]}, ${p.council.label[lang]}`.length,
  );
  // The council's index, as the engine asks for it, holds only `offered`, under the name typed.
  const index: PlaceIndex = { exact: new Map([['worst', offered]]) };
  const ctx: UssdContext = { ...makeEngineContext(), places: () => index };
  const stack = ['main', 'file.region', 'file.council', 'file.category'].map((screen) => ({
    screen,
    page: 0,
  }));
  const data = { region: region.code, council: council.code, category: longestCategory(lang) };
  return { ctx, state: { lang, screen: 'file.place', page: 0, stack, data } };
}

/** Every page of the screen the session is on (walked with 98), plain and after a wrong reply. */
function pagesOf(first: SessionState, ctx: UssdContext): string[] {
  const bodies: string[] = [];
  for (let state = first; ;) {
    const wrong = step(menu, state, '999', ctx);
    bodies.push(renderView(buildView(menu, state, ctx), state.lang, state.page));
    bodies.push(renderView(wrong.view, wrong.state.lang, wrong.state.page));
    const next = step(menu, state, '98', ctx).state;
    if (next.screen !== state.screen || next.page !== state.page + 1) return bodies;
    state = next;
  }
}

const itemLines = (body: string) =>
  body.split('\n').filter((line) => /^\d+\. /.test(line) && !/^(0|00|98)\. /.test(line));

const checkPages = (bodies: string[]) => {
  expect(bodies.filter((b) => b.length > PAGE_BUDGET)).toEqual([]);
  expect(bodies.filter((b) => !isGsm7(b, { allowExtended: false }))).toEqual([]);
  expect(bodies.filter((b) => !b.startsWith('CON '))).toEqual([]);
};

const found: string[] = [];
afterAll(() =>
  console.log(`Place screens, worst cases (${PAGE_BUDGET} at most):\n${found.join('\n')}`),
);

describe('the place screens with the longest names of the ward list', () => {
  test.each(langs)(
    'when the five longest choices of any council are offered in %s, then every page fits and shows its choices whole, once',
    (lang) => {
      const five = longestMatches((m) => choiceLabel(m, lang), MAX_PLACE_CHOICES);
      const labels = five.map((m) => choiceLabel(m, lang));
      const { state, ctx } = atPlace(lang, five);
      // The screen's own label of every place is no longer than the worst case's.
      const screenLabels = matches.map((m) => textOf(placeLabel(encodePlace(m), ctx), lang));
      expect(longest(screenLabels, (l) => l.length)).toBe(labels[0]);

      const choose = step(menu, state, 'worst', ctx).state;
      expect(choose.screen).toBe('file.place.choose');
      const bodies = pagesOf(choose, ctx);
      checkPages(bodies);
      const plain = bodies.filter((_b, i) => i % 2 === 0);
      const offered = [...labels, translate('file.place.none', lang)];
      expect(plain.flatMap(itemLines)).toEqual(offered.map((l, i) => `${i + 1}. ${l}`));
      expect(bodies.filter((_b, i) => i % 2 === 1).flatMap(itemLines)).toEqual(
        plain.flatMap(itemLines),
      );
      const lengths = bodies.map((b) => b.length);
      found.push(
        `${lang} file.place.choose: choices of ${labels.map((l) => l.length).join('/')} characters ` +
          `("${labels[0]}") on ${plain.length} pages of at most ${Math.max(...lengths)}`,
      );
    },
  );

  test.each(langs)(
    'when a name several places of a council share is typed in %s, then its choice takes two pages at most',
    (lang) => {
      const ctx = makeEngineContext();
      const { state } = atPlace(lang, []);
      const pages = new Map<number, number>();
      for (const council of list.byCouncil.keys()) {
        const shared = [...(places.index(council)?.exact ?? [])].filter(([, m]) => m.length > 1);
        for (const [name] of shared) {
          const chosen = step(menu, { ...state, data: { ...state.data, council } }, name, ctx);
          expect(chosen.state.screen).toBe('file.place.choose');
          const n = paginate(chosen.view, lang).length;
          pages.set(n, (pages.get(n) ?? 0) + 1);
        }
      }
      found.push(
        `${lang} file.place.choose, every shared name: ${JSON.stringify([...pages])} (pages, names)`,
      );
      expect(Math.max(...pages.keys())).toBeLessThanOrEqual(2);
    },
  );

  test.each(langs)(
    'when the longest ward and village is confirmed in %s with the longest council and category, then the page fits, its options together and the ward readable',
    (lang) => {
      expect(DESCRIPTION).toHaveLength(150);
      const [worst] = longestMatches((m) => confirmLine(m, lang), 1);
      if (!worst) throw new Error('no ward list');
      const line = confirmLine(worst, lang);
      const { state, ctx } = atPlace(lang, [worst]);
      // The confirm screen's own ward line of every place is no longer than the worst case's.
      const screenLines = matches.map((m) => {
        const data = { ...state.data, [PLACE_MATCH]: encodePlace(m) };
        const text = views.confirm({ ...state, data }, ctx).find((t) => t.truncatable === true);
        return text ? textOf(text, lang) : '';
      });
      expect(longest(screenLines, (l) => l.length)).toBe(line);

      const confirm = step(menu, state, 'worst', ctx);
      const t = [DESCRIPTION, '2'].reduce((r, reply) => step(menu, r.state, reply, ctx), confirm);
      expect(t.state.screen).toBe('file.confirm');
      const bodies = pagesOf(t.state, ctx);
      checkPages(bodies);
      expect(bodies).toHaveLength(2);
      const options = ['file.confirm.send', 'file.confirm.change'] as const;
      const label = translate('file.confirm.ward', lang, { ward: '' });
      const fixed = t.view.lines.filter((l) => l.truncatable !== true).map((l) => textOf(l, lang));
      for (const body of bodies) {
        const lines = body.slice(4).split('\n');
        expect(itemLines(body)).toEqual(options.map((k, i) => `${i + 1}. ${translate(k, lang)}`));
        // Every line but the prompt (an error line may take its place), whole.
        expect(fixed.slice(1).filter((l) => !lines.includes(l))).toEqual([]);
        const ward = lines.find((l) => l.startsWith(label)) ?? '';
        // Whole, or cut with '..' after twelve characters of the name at least.
        const cut = ward.endsWith('..') && line.startsWith(ward.slice(0, -2));
        expect(ward === line || (cut && ward.length - label.length - 2 >= 12)).toBe(true);
      }
      const [body = ''] = bodies;
      const ward = body.split('\n').find((l) => l.startsWith(label)) ?? '';
      const description = body.split('\n').find((l) => l.startsWith('"')) ?? '';
      // The page with the ward line whole and no description: what the renderer had to make fit.
      const whole =
        body.length - ward.length + line.length - (description ? description.length + 1 : 0);
      found.push(
        `${lang} file.confirm: ward line of ${line.length} characters ("${line}"), ${whole} on ` +
          `the page whole; shown cut to ${ward.length} ("${ward}") on a page of ${body.length}, ` +
          (description === ''
            ? 'the description left out'
            : `the description cut to ${description.length}`) +
          `; after a wrong reply ${bodies[1]?.length}`,
      );
    },
  );
});
