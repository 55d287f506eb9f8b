/** The public status page's words, Kiswahili and English. */
import type { Lang } from '../text/translate';

const en = {
  title: 'Complaint status',
  intro:
    'Type the number of your complaint (8 digits, from the SMS you received) to see where it stands.',
  label: 'Complaint number',
  hint: 'For example 5927 7607',
  button: 'Show status',
  other: 'Kiswahili',
  empty: 'Type the 8 digits of the complaint number.',
  notDigits: 'A complaint number has digits only: check what you typed.',
  length: 'A complaint number has 8 digits: check what you typed.',
  checkDigit: 'This number is mistyped: one of the digits is wrong. Check it against your SMS.',
  notFound: 'No complaint has this number. Check it against your SMS.',
  number: 'Number',
  status: 'Status',
  council: 'Council',
  category: 'Category',
  categoryHidden: 'Not shown',
  filed: 'Filed',
  changed: 'Last change',
  sla: 'Time',
  awaitingReply: 'Waiting for a first reply, due by {date}',
  beingResolved: 'Being worked on, to be resolved by {date}',
  late: 'Late: past its deadline',
  resolvedOnTime: 'Resolved on time',
  resolvedLate: 'Resolved after its deadline',
  noDeadline: 'No deadline',
  pending: 'Received by SMS: being sent to the right council',
  notTaken: 'Not taken as a complaint',
  privacy: 'This page never shows the description, the phone number or who works on it.',
  busy: 'Too many lookups from your connection. Please wait a minute and try again.',
};

const sw: typeof en = {
  title: 'Hali ya lalamiko',
  intro:
    'Andika namba ya lalamiko lako (tarakimu 8, kutoka kwenye SMS uliyopokea) kuona hatua lilipofikia.',
  label: 'Namba ya lalamiko',
  hint: 'Kwa mfano 5927 7607',
  button: 'Onyesha hali',
  other: 'English',
  empty: 'Andika tarakimu 8 za namba ya lalamiko.',
  notDigits: 'Namba ya lalamiko ina tarakimu tu: hakiki ulichoandika.',
  length: 'Namba ya lalamiko ina tarakimu 8: hakiki ulichoandika.',
  checkDigit: 'Namba hii imekosewa: tarakimu moja si sahihi. Ilinganishe na SMS yako.',
  notFound: 'Hakuna lalamiko lenye namba hii. Ilinganishe na SMS yako.',
  number: 'Namba',
  status: 'Hali',
  council: 'Halmashauri',
  category: 'Aina',
  categoryHidden: 'Haionyeshwi',
  filed: 'Lilipowasilishwa',
  changed: 'Mabadiliko ya mwisho',
  sla: 'Muda',
  awaitingReply: 'Linasubiri jibu la kwanza, kabla ya {date}',
  beingResolved: 'Linashughulikiwa, litatuliwe kabla ya {date}',
  late: 'Limechelewa: muda wake umepita',
  resolvedOnTime: 'Limetatuliwa kwa wakati',
  resolvedLate: 'Limetatuliwa baada ya muda wake',
  noDeadline: 'Halina muda maalum',
  pending: 'Limepokelewa kwa SMS: linapelekwa kwa halmashauri husika',
  notTaken: 'Halikupokelewa kama lalamiko',
  privacy: 'Ukurasa huu hauonyeshi maelezo, namba ya simu wala anayelishughulikia.',
  busy: 'Maombi mengi mno kutoka kwenye mtandao wako. Tafadhali subiri dakika moja ujaribu tena.',
};

export type StatusWord = keyof typeof en;

export const statusWords: Record<Lang, typeof en> = { en, sw };

export function sayStatus(lang: Lang, key: StatusWord, vars: Record<string, string> = {}): string {
  return statusWords[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
