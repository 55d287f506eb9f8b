/**
 * Answers for the "file a complaint" flow, turned into the replies a caller types (from the main
 * menu up to the confirm screen) and into the draft the `complaint.submit` effect must carry.
 */
import { categoryCodes, type CategoryCode } from '../../db/seed/seed';
import { councilNamed, councilNumber, regionNamed, regionNumber } from './engine-context';
import { type ComplaintDraft } from '../../src/complaints/core/draft';

export interface FilingAnswers {
  region: string;
  /** English short label of the council ('Dar es Salaam CC'). */
  council: string;
  category: CategoryCode;
  /** null: skipped with '1'. */
  place: string | null;
  description: string;
  anonymous: boolean;
}

export const waterInDar: FilingAnswers = {
  region: 'Dar es Salaam',
  council: 'Dar es Salaam CC',
  category: 'water',
  place: 'Kata ya Mbezi',
  description: 'Maji hayatoki kijijini tangu wiki iliyopita.',
  anonymous: false,
};

export const categoryNumber = (code: CategoryCode): string =>
  String(categoryCodes.indexOf(code) + 1);

/** Replies from the main menu to the confirm screen. */
export function repliesToConfirm(a: FilingAnswers): string[] {
  return [
    '1',
    regionNumber(a.region),
    councilNumber(a.region, a.council),
    categoryNumber(a.category),
    a.place ?? '1',
    a.description,
    a.anonymous ? '2' : '1',
  ];
}

/** The draft the submit effect must carry for these answers. */
export function draftFor(a: FilingAnswers): ComplaintDraft {
  const region = regionNamed(a.region);
  return {
    regionCode: region.code,
    councilCode: councilNamed(region, a.council).code,
    categoryCode: a.category,
    place: a.place,
    description: a.description,
    anonymous: a.anonymous,
  };
}
