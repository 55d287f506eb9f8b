/**
 * The triage tab (GET /console/triage, and the page redrawn by its POSTs with a problem): SMS
 * complaints Kero could not route, oldest first, each with the citizen's words, what Kero
 * guessed and one form to set council and category (or to close it). Headquarters sees every
 * one; a supervisor those whose words point to their region; officers none (403, by the route).
 */
import type { SmsFilingRow } from '../../../db/schema';
import { countWaitingFilings, listWaitingFilings } from '../../citizens/sms-filings-repository';
import { sharedPlaces } from '../../reference/places';
import { t, type WordKey } from '../core/words';
import type { ConsoleDeps, Viewer } from '../deps';
import { arg, frameOf, type Page, type PageRequest } from '../page';
import { triagePage, type TriageItem } from '../views/triage';
import { formatComplaintNumber, isValidComplaintNumber } from '../../complaints/core/numbers';

/** The most waiting complaints one page shows (the oldest: they are the most overdue). */
export const TRIAGE_PAGE = 50;

/** A form's problem, for the page redrawn by a POST. */
export interface TriageProblem {
  id: number;
  field: 'council' | 'category' | 'note';
  key: WordKey;
  /** What was chosen or typed, kept. */
  council: string;
  category: string;
  note: string;
}

/** The regions whose waiting complaints the viewer triages: 'all' for headquarters. */
export const triageRegionsOf = (v: Viewer): readonly string[] | 'all' =>
  v.staff.role === 'hq' ? 'all' : v.staff.regionCode === null ? [] : [v.staff.regionCode];

function itemOf(deps: ConsoleDeps, f: SmsFilingRow, lang: 'sw' | 'en'): TriageItem {
  const ref = deps.reference;
  const regions = f.guessRegions
    .split(',')
    .filter((r) => r !== '')
    .map((code) => ref.regions.find((r) => r.code === code)?.label[lang] ?? code);
  const ward = f.guessWard ? sharedPlaces().ward(f.guessWard)?.name : undefined;
  return {
    id: f.id,
    number: f.number,
    receivedAt: f.receivedAt,
    language: f.language,
    text: f.text,
    guess: {
      regions,
      ...(f.guessCouncil ? { council: ref.councilLabels.get(f.guessCouncil)?.[lang] } : {}),
      ...(ward ? { place: f.guessVillage ? `${f.guessVillage}, ${ward}` : ward } : {}),
    },
    council: f.guessCouncil ?? '',
    category: f.guessCategory ?? '',
    note: '',
  };
}

export function triagePageOf(
  deps: ConsoleDeps,
  r: PageRequest,
  status: number,
  problem?: TriageProblem,
): Page {
  const v = r.viewer;
  const regions = triageRegionsOf(v);
  const items = listWaitingFilings(deps.db, regions, TRIAGE_PAGE).map((f) => {
    const item = itemOf(deps, f, v.lang);
    return problem?.id === f.id
      ? { ...item, council: problem.council, category: problem.category, note: problem.note }
      : item;
  });
  const routed = arg(r, 'routed');
  const closed = arg(r, 'closed');
  const notice = isValidComplaintNumber(routed)
    ? t('triage.routed', v.lang, { number: formatComplaintNumber(routed) })
    : isValidComplaintNumber(closed)
      ? t('triage.closed', v.lang, { number: formatComplaintNumber(closed) })
      : undefined;
  const errors = problem
    ? [{ text: t(problem.key, v.lang), field: `triage-${problem.id}-${problem.field}` }]
    : [];
  const html = triagePage({
    frame: frameOf(r, t('triage.title', v.lang), 'triage', {
      errors,
      ...(notice ? { notice } : {}),
    }),
    lang: v.lang,
    reference: deps.reference,
    now: deps.now(),
    total: countWaitingFilings(deps.db, regions),
    items,
    ...(problem ? { problem: { id: problem.id, field: problem.field, key: problem.key } } : {}),
    ...(isValidComplaintNumber(routed) ? { routed } : {}),
    csrf: v.session.csrf,
  });
  return { status, html };
}

/** GET /console/triage. */
export const triageGet = (deps: ConsoleDeps, r: PageRequest): Page => triagePageOf(deps, r, 200);
