/** The public figures page's words, Kiswahili and English (the CSV's headings too). */
import type { Lang } from '../text/translate';

const en = {
  title: 'Complaints in figures',
  other: 'Kiswahili',
  country: 'Tanzania',
  region: 'Region {name}',
  byRegion: 'By region',
  byCouncil: 'By council',
  lead: 'Complaints filed from {from} to {to} (Tanzanian time), in published categories.',
  period: 'Period',
  last: 'Last {days} days',
  allRegions: 'All regions',
  asOf: 'Figures as of {time} on {date}. They are counted again every few minutes.',
  colRegion: 'Region',
  colCouncil: 'Council',
  colCode: 'Code',
  received: 'Received',
  resolved: 'Resolved',
  onTime: 'Resolved on time',
  median: 'Median first response',
  hours: '{n} h',
  total: 'Total',
  chart: 'Chart: complaints received, {scope}',
  csv: 'Download these figures (CSV)',
  about: 'About these figures',
  small:
    'A count under 5 reads <5, and that row’s share and median are left out, so that no one can be recognised.',
  onTimeHint:
    'Resolved on time: of the complaints resolved or past their deadline, the share resolved by the deadline.',
  medianHint:
    'Median first response: the office hours (without weekends and public holidays) within which half of the complaints answered had their first response.',
  categories: 'Complaints in categories the centre does not publish are not counted.',
  privacy: 'These figures never show who complained, what they wrote or who works on it.',
  status: 'Follow a complaint by its number',
  deadlinesPreparing:
    'Shares resolved on time are being prepared ({percent} %): Kero is working out the deadlines of older complaints.',
  timesPreparing:
    'Times to first response are being prepared ({percent} %): Kero is working out the office times of older complaints.',
  problem: 'There is a problem',
  badPeriod: 'Choose a period of 30, 90 or 365 days.',
  badRegion: 'No region has this code. Choose one from the list of all regions.',
  busy: 'Too many requests from your connection. Please wait a minute and try again.',
  serverBusy: 'Many people are asking for figures at once. Please try again in a few seconds.',
  csvOnTime: 'Resolved on time (%)',
  csvMedian: 'Median first response (office hours)',
  from: 'From',
  to: 'To',
};

const sw: typeof en = {
  title: 'Takwimu za malalamiko',
  other: 'English',
  country: 'Tanzania',
  region: 'Mkoa wa {name}',
  byRegion: 'Kwa mkoa',
  byCouncil: 'Kwa halmashauri',
  lead: 'Malalamiko yaliyowasilishwa kuanzia {from} hadi {to} (saa za Tanzania), ya aina zinazochapishwa.',
  period: 'Kipindi',
  last: 'Siku {days} zilizopita',
  allRegions: 'Mikoa yote',
  asOf: 'Takwimu za saa {time} tarehe {date}. Zinahesabiwa upya kila baada ya dakika chache.',
  colRegion: 'Mkoa',
  colCouncil: 'Halmashauri',
  colCode: 'Msimbo',
  received: 'Yaliyopokelewa',
  resolved: 'Yaliyotatuliwa',
  onTime: 'Yaliyotatuliwa kwa wakati',
  median: 'Wastani wa kati wa mrejesho wa kwanza',
  hours: 'saa {n}',
  total: 'Jumla',
  chart: 'Chati: malalamiko yaliyopokelewa, {scope}',
  csv: 'Pakua takwimu hizi (CSV)',
  about: 'Kuhusu takwimu hizi',
  small:
    'Idadi iliyo chini ya 5 inaonyeshwa <5, na asilimia na wastani wa safu hiyo haviandikwi, ili mtu yeyote asitambulike.',
  onTimeHint:
    'Yaliyotatuliwa kwa wakati: kati ya malalamiko yaliyotatuliwa au yaliyopita muda wake, asilimia ya yaliyotatuliwa kabla ya muda kuisha.',
  medianHint:
    'Wastani wa kati wa mrejesho wa kwanza: saa za kazi (bila wikendi na sikukuu) ambazo ndani yake nusu ya malalamiko yaliyojibiwa yalipata mrejesho wa kwanza.',
  categories: 'Malalamiko ya aina ambazo kituo hakizichapishi hayahesabiwi.',
  privacy:
    'Takwimu hizi haziwataji waliolalamika, hazionyeshi walichoandika wala wanaoshughulikia malalamiko.',
  status: 'Fuatilia lalamiko kwa namba yake',
  deadlinesPreparing:
    'Asilimia ya yaliyotatuliwa kwa wakati zinaandaliwa ({percent} %): Kero inakokotoa muda wa mwisho wa malalamiko ya zamani.',
  timesPreparing:
    'Muda hadi mrejesho wa kwanza unaandaliwa ({percent} %): Kero inakokotoa muda wa kazi wa malalamiko ya zamani.',
  problem: 'Kuna tatizo',
  badPeriod: 'Chagua kipindi cha siku 30, 90 au 365.',
  badRegion: 'Hakuna mkoa wenye msimbo huu. Chagua mmoja kwenye orodha ya mikoa yote.',
  busy: 'Maombi mengi mno kutoka kwenye mtandao wako. Tafadhali subiri dakika moja ujaribu tena.',
  serverBusy:
    'Watu wengi wanaomba takwimu kwa wakati mmoja. Tafadhali jaribu tena baada ya sekunde chache.',
  csvOnTime: 'Yaliyotatuliwa kwa wakati (%)',
  csvMedian: 'Wastani wa kati wa mrejesho wa kwanza (saa za kazi)',
  from: 'Kuanzia',
  to: 'Hadi',
};

export type FiguresWord = keyof typeof en;

export const figuresWords: Record<Lang, typeof en> = { en, sw };

export function sayFigures(
  lang: Lang,
  key: FiguresWord,
  vars: Record<string, string | number> = {},
): string {
  return figuresWords[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    String(vars[name] ?? whole),
  );
}
