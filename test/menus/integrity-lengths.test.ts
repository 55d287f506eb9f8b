/**
 * Every screen the menu can show, in both languages, at every stack depth the engine can reach it,
 * filled with the worst real data (the region with the most councils, the longest council label,
 * the longest "region, council" pair, the longest category and status labels, a 60-character place
 * and a 150-character description), every page walked with 98, with and without an error line:
 * each page fits 160 characters including `CON `/`END `, is GSM-7 basic, keeps a choice screen's
 * options together and shows every list item exactly once across its pages.
 */
import { menu } from '../../menus';
import { parseConfig } from '../../src/config';
import { en, type TextKey } from '../../menus/locales/en';
import { isGsm7 } from '../../src/text/gsm7';
import { buildView, step } from '../../src/ussd/core/engine';
import { PAGE_BUDGET, renderView } from '../../src/ussd/core/render';
import {
  type ScreenDef,
  type SessionState,
  type UssdContext,
  type ValidatorName,
} from '../../src/ussd/core/types';
import { validators } from '../../src/ussd/core/validators';
import {
  adminRegions,
  complaintFixture,
  makeEngineContext,
  numberFromSeed,
  T0,
  type AdminRegion,
} from '../helpers/engine-context';
import { reachableDepths, type Depth } from '../helpers/menu-graph';
import { textOf, translate, type Lang, type Text } from '../../src/text/translate';
import { ORG_NAME_MAX, ORG_PREFIX_MAX, orgVars, type Organisation } from '../../src/text/org';
import { type RefItem } from '../../src/reference/types';

const langs: Lang[] = ['sw', 'en'];
const longest = <T>(items: readonly T[], size: (t: T) => number): T => {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error('nothing to choose from');
  return rest.reduce((a, b) => (size(b) > size(a) ? b : a), first);
};

interface Pick {
  region: AdminRegion;
  council: RefItem;
}
const pairs: Pick[] = adminRegions.flatMap((region) =>
  region.councils.map((council) => ({ region, council })),
);
const pairLabel = (p: Pick, lang: Lang) => `${p.region.label[lang]}, ${p.council.label[lang]}`;

/** The worst real data for one language, each named with what it is. */
function worstPicks(lang: Lang): [string, Pick][] {
  const most = longest(adminRegions, (r) => r.councils.length);
  const picks: [string, Pick][] = [
    [
      `the most councils (${most.label.en}, ${most.councils.length})`,
      { region: most, council: longest(most.councils, (c) => c.label[lang].length) },
    ],
    ['the longest council label', longest(pairs, (p) => p.council.label[lang].length)],
    ['the longest region+council pair', longest(pairs, (p) => pairLabel(p, lang).length)],
  ];
  return picks.map(([name, p]) => [`${name}: ${pairLabel(p, lang)}`, p]);
}

const codeWithLongestLabel = (prefix: 'category.' | 'status.', lang: Lang) =>
  longest(
    (Object.keys(en) as TextKey[]).filter((k) => k.startsWith(prefix)),
    (k) => translate(k, lang).length,
  ).slice(prefix.length);

/** The longest names the configuration accepts (ORG_NAME_*, ORG_SMS_PREFIX_*, TOLL_FREE_NUMBER). */
const LONGEST_ORG: Organisation = {
  name: { sw: 'Mamlaka ya Maji Safi na Mazing', en: 'Dar es Salaam Water and Sanita' },
  smsPrefix: { sw: 'MAJI-SAFI-DAWAS', en: 'DAR-WATER-SANIT' },
};
const LONGEST_TOLL_FREE = '+255 800 110 010 111';
const SERVICE_CODE = '*152*00*1234#';

const PLACE = 'Mtaa wa Mjimwema B, Kata ya Kigamboni, Kitongoji cha Mwembeni';
const DESCRIPTION =
  'Maji hayatoki kijijini Kalenge tangu mwezi uliopita; bomba kuu limevunjika karibu na shule ya msingi na wananchi wanachota maji ya mto ambayo si salama.';

function worldFor(lang: Lang, pick: Pick): { ctx: UssdContext; data: Record<string, string> } {
  const category = codeWithLongestLabel('category.', lang);
  const status = codeWithLongestLabel('status.', lang);
  const complaints = [1, 2, 3, 4, 5].map((seed) =>
    complaintFixture(seed, {
      status,
      categoryCode: category,
      councilLabel: pick.council.label,
      description: DESCRIPTION,
      createdAt: T0 - seed,
    }),
  );
  const ctx = makeEngineContext({
    complaints,
    tollFreeNumber: LONGEST_TOLL_FREE,
    dailyComplaintLimit: 100,
    serviceCode: SERVICE_CODE,
    org: LONGEST_ORG,
    // The open call-back request the refusal screen names, with the longest category.
    callback: { reference: '9999999', categoryCode: category },
  });
  const data = {
    region: pick.region.code,
    council: pick.council.code,
    category,
    place: PLACE,
    description: DESCRIPTION,
    anonymous: 'yes',
    trackNumber: complaints[0]?.number ?? '',
    number: numberFromSeed(7),
    callbackRef: '9999999',
  };
  return { ctx, data };
}

const known = numberFromSeed(1);
/** Replies each validator refuses, one per error it can give. */
const refused: Record<ValidatorName, string[]> = {
  place: ['x', 'x'.repeat(61)],
  description: ['too short', 'x'.repeat(999)],
  complaintNumber: [
    '12',
    known.slice(0, 7) + String((Number(known[7]) + 1) % 10),
    numberFromSeed(99),
  ],
};

/** The error lines a screen can show: none on END screens, since no reply can follow them. */
function errorsFor(screen: ScreenDef, ctx: UssdContext): Text[] {
  if (screen.type === 'info' && screen.end === true) return [];
  if (screen.type !== 'input') return [{ key: 'common.invalid' }];
  return [
    { key: 'common.empty' },
    ...refused[screen.validate].map((input) => {
      const checked = validators[screen.validate](input, ctx);
      if (checked.ok) throw new Error(`${screen.validate} accepted ${input}`);
      return checked.error;
    }),
  ];
}

/** The session on each page of the screen, walked with 98 through the engine. */
function pagesOf(first: SessionState, ctx: UssdContext): SessionState[] {
  const pages = [first];
  for (let last = first; ;) {
    const next = step(menu, last, '98', ctx).state;
    if (next.screen !== last.screen || next.page !== last.page + 1) return pages;
    pages.push(next);
    last = next;
  }
}

const numbersOn = (body: string) =>
  body
    .slice(4)
    .split('\n')
    .map((line) => /^(\d+)\. /.exec(line)?.[1])
    .filter((n): n is string => n !== undefined && !['0', '00', '98'].includes(n))
    .map(Number);

const stackOf = (depth: Depth) =>
  [
    { screen: menu.main, page: 0 },
    { screen: 'file.region', page: 0 },
  ].slice(0, depth);

const cases = [...reachableDepths(menu)].flatMap(([id, depths]) =>
  [...depths].flatMap((depth) =>
    langs.flatMap((lang) =>
      worstPicks(lang).map(([name, pick]) => [lang, id, depth, name, pick] as const),
    ),
  ),
);

test('when the longest names are checked, then they are as long as the configuration allows', () => {
  for (const lang of langs) {
    expect(LONGEST_ORG.name[lang]).toHaveLength(ORG_NAME_MAX);
    expect(LONGEST_ORG.smsPrefix[lang]).toHaveLength(ORG_PREFIX_MAX);
    expect(orgVars(LONGEST_ORG, lang).org).toHaveLength(ORG_NAME_MAX);
  }
  expect(LONGEST_TOLL_FREE).toHaveLength(20);
  const env = {
    TOLL_FREE_NUMBER: LONGEST_TOLL_FREE,
    USSD_SERVICE_CODES: SERVICE_CODE,
    ORG_NAME_SW: LONGEST_ORG.name.sw,
    ORG_NAME_EN: LONGEST_ORG.name.en,
    ORG_SMS_PREFIX_SW: LONGEST_ORG.smsPrefix.sw,
    ORG_SMS_PREFIX_EN: LONGEST_ORG.smsPrefix.en,
  };
  expect(parseConfig(env).ok).toBe(true);
  expect(parseConfig({ ...env, ORG_NAME_SW: `${LONGEST_ORG.name.sw}x` }).ok).toBe(false);
});

describe('every screen fits one USSD page', () => {
  test.each(cases)(
    'when %s %s (stack depth %i) is shown with %s, then every page fits 160 GSM-7 basic characters',
    (lang, id, depth, _name, pick) => {
      const { ctx, data } = worldFor(lang, pick);
      const screen = menu.screens[id];
      if (!screen) throw new Error(`no screen ${id}`);
      const state: SessionState = { lang, screen: id, page: 0, stack: stackOf(depth), data };
      const shown: number[] = [];
      const bodies: string[] = [];
      for (const page of pagesOf(state, ctx)) {
        const view = buildView(menu, page, ctx);
        const plain = renderView(view, lang, page.page);
        bodies.push(plain);
        shown.push(...numbersOn(plain));
        // Nothing but typed text gives way: a line left out to fit would be lost without a trace.
        const fixedLines = view.lines
          .filter((t) => t.truncatable !== true)
          .map((t) => textOf(t, lang, view.vars));
        expect(fixedLines.filter((line) => !plain.includes(line))).toEqual([]);
        for (const error of errorsFor(screen, ctx)) {
          const body = renderView(buildView(menu, page, ctx, error), lang, page.page);
          bodies.push(body);
          // The error line tops the same page and takes the prompt's place: no option is hidden.
          expect(body.slice(4).split('\n')[0]).toBe(textOf(error, lang));
          expect(numbersOn(body)).toEqual(numbersOn(plain));
        }
      }
      const tooLong = bodies.filter((b) => b.length > PAGE_BUDGET);
      expect(tooLong).toEqual([]);
      expect(bodies.filter((b) => !isGsm7(b, { allowExtended: false }))).toEqual([]);
      expect(bodies.filter((b) => !/^(CON|END) /.test(b))).toEqual([]);
      const items = buildView(menu, state, ctx).items;
      expect(shown).toEqual(items.map((_item, i) => i + 1));
    },
  );
});
