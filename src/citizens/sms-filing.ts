/**
 * A complaint sent as a free-text SMS to the shortcode (issue 21). Runs in the incoming SMS's
 * transaction (src/sms/inbound.ts): the citizen gets a complaint number at once, in the language
 * of the text. Where the text names one council outright and its words point to a category, the
 * complaint is filed and routed like a USSD one (channel `sms`); otherwise it waits in triage
 * (sms_filings) under that number, seen by headquarters and the supervisors of the regions its
 * words point to, until staff set council and category (routeSmsFiling) or close it.
 *
 * A long message that the phone sent as several texts arrives as several: a text within
 * JOIN_MINUTES of the last one joins the complaint it belongs to, silently; a later text joins a
 * complaint still in triage (and is acknowledged), as a message would join an open complaint.
 */
import { type ComplaintRow, type SmsFilingRow } from '../../db/schema';
import { latestFiledSince } from '../complaints/lists-repository';
import { inTransaction, type Tx } from '../../db/client';
import { fileComplaint } from '../complaints/filing';
import { formatComplaintNumber, makeComplaintNumber } from '../complaints/core/numbers';
import type { SlaPolicy } from '../complaints/core/sla';
import type { ActionDeps } from '../complaints/actions';
import {
  complaintNumberExists,
  countComplaintsSince,
  updateComplaint,
} from '../complaints/repository';
import type { Places } from '../reference/places';
import {
  buildPlaceGuessIndex,
  guessPlace,
  type PlaceGuess,
  type PlaceGuessIndex,
  type PlaceHit,
} from '../reference/core/place-guess';
import type { ReferenceData } from '../reference/types';
import { enqueueSms } from '../outbox/repository';
import { directDial } from '../text/dial';
import { orgVars } from '../text/org';
import { smsText, type SmsKey } from '../text/sms';
import { translate, type Lang } from '../text/translate';
import { startOfDay } from '../text/calendar';
import { guessCategory, smsLanguage, tooShortToFile } from './core/sms-filing';
import {
  countUnroutedFilingsSince,
  findSmsFiling,
  insertSmsFiling,
  settleFiling,
  updateWaitingFiling,
  waitingFilingOf,
} from './sms-filings-repository';
import { upsertCitizen } from '../complaints/repository';

/** Texts from one phone this close together are one message the phone split. */
export const JOIN_MINUTES = 5;
/** A complaint's words never grow past this many characters by joined texts. */
export const MAX_FILED_TEXT = 2000;

export interface SmsFilingDeps {
  /** The country's wards and villages (indexed after the server listens). */
  places: Places;
  policy: SlaPolicy;
  randomInt: (maxExclusive: number) => number;
  /** DAILY_COMPLAINT_LIMIT: the same limit as USSD filing, across both channels. */
  dailyLimit: number;
  /** The USSD code quoted in the acknowledgement ('' or undefined: "the USSD code"). */
  serviceCode: string | undefined;
}

/** What routing a complaint out of triage (or closing it) needs of filing by SMS. */
export type TriageSettings = Pick<SmsFilingDeps, 'places' | 'policy' | 'serviceCode'>;

interface Ctx<F extends TriageSettings = SmsFilingDeps> {
  now: number;
  reference: ReferenceData;
  filing: F;
}

/** What the inbound SMS log records of a text handled here. */
export interface FilingHandled {
  handledAs: 'sms_filed' | 'sms_triage' | 'sms_joined' | 'sms_limit';
  complaintId: number | null;
}

const indexes = new WeakMap<ReferenceData, { country: unknown; index: PlaceGuessIndex }>();

/** The councils', regions' and (once indexed) places' names, built again only when they change. */
function guessIndexOf(ref: ReferenceData, places: Places): PlaceGuessIndex {
  const country = places.country();
  const known = indexes.get(ref);
  if (known && known.country === country) return known.index;
  const regions = ref.regions.map((r) => ({ code: r.code, names: [r.label.sw, r.label.en] }));
  const councils = [...ref.councilsByRegion].flatMap(([regionCode, list]) =>
    list.map((c) => ({ code: c.code, regionCode, names: [c.label.sw, c.label.en] })),
  );
  const index = buildPlaceGuessIndex(regions, councils, country ?? new Map());
  indexes.set(ref, { country, index });
  return index;
}

function send(
  tx: Tx,
  ctx: Ctx<TriageSettings>,
  phone: string,
  lang: Lang,
  key: SmsKey,
  vars: Record<string, string | number> = {},
  shrink?: string,
) {
  const body = smsText(key, lang, { ...orgVars(ctx.reference.org, lang), ...vars }, shrink);
  enqueueSms(tx, { toPhone: phone, body, template: key }, ctx.now);
}

const dialFor = (ctx: Ctx, number: string, lang: Lang) =>
  ctx.filing.serviceCode
    ? directDial(ctx.filing.serviceCode, number)
    : translate('sms.ussdCode', lang);

const joinText = (before: string, more: string) => `${before} ${more}`.slice(0, MAX_FILED_TEXT);

/** What Kero reads in the words, as a waiting filing's guesses. */
function guessesOf(ctx: Ctx, text: string): { guess: PlaceGuess; category: string | undefined } {
  const guess = guessPlace(guessIndexOf(ctx.reference, ctx.filing.places), text);
  const categories = ctx.reference.categories.map((code) => {
    const label = ctx.reference.categoryInfo.get(code)?.label;
    return { code, names: label ? [label.sw, label.en] : [] };
  });
  return { guess, category: guessCategory(text, categories) };
}

const guessColumns = (g: PlaceGuess, category: string | undefined) => ({
  guessRegions: g.regions.length > 0 ? `,${g.regions.join(',')},` : '',
  guessCouncil: g.guessCouncil ?? null,
  guessCategory: category ?? null,
  guessWard: g.place?.wardCode ?? null,
  guessVillage: g.place?.village ?? null,
});

function newNumber(tx: Tx, randomInt: (n: number) => number): string {
  for (let i = 0; i < 50; i++) {
    const n = makeComplaintNumber(randomInt);
    if (!complaintNumberExists(tx, n)) return n;
  }
  throw new Error('no free complaint number after 50 tries');
}

/** The place words of a recognised ward or village, as a USSD caller's typed place would be. */
function placeText(ctx: Ctx<TriageSettings>, hit: PlaceHit | undefined): string | null {
  if (!hit) return null;
  return hit.village ?? ctx.filing.places.ward(hit.wardCode)?.name ?? null;
}

function regionOfCouncil(ref: ReferenceData, council: string): string | undefined {
  for (const [region, list] of ref.councilsByRegion) {
    if (list.some((c) => c.code === council)) return region;
  }
  return undefined;
}

/**
 * A text that belongs to a complaint already sent: the rest of a split message (within
 * JOIN_MINUTES), or more words for a complaint still in triage. Undefined: it is not one.
 */
export function joinSmsText(
  tx: Tx,
  ctx: Ctx,
  phone: string,
  text: string,
): FilingHandled | undefined {
  const since = ctx.now - JOIN_MINUTES * 60_000;
  const waiting = waitingFilingOf(tx, phone);
  if (waiting) {
    const joined = joinText(waiting.text, text);
    const { guess, category } = guessesOf(ctx, joined);
    updateWaitingFiling(tx, waiting.id, {
      text: joined,
      lastTextAt: ctx.now,
      ...guessColumns(guess, category),
    });
    const routed = routeAtOnce(tx, ctx, { ...waiting, text: joined }, guess, category);
    if (routed) return { handledAs: 'sms_joined', complaintId: routed.id };
    if (waiting.lastTextAt < since) {
      const number = formatComplaintNumber(waiting.number);
      send(tx, ctx, phone, waiting.language, 'sms.citizen.added', { number });
    }
    return { handledAs: 'sms_joined', complaintId: null };
  }
  const recent = latestFiledSince(tx, phone, since);
  if (!recent || recent.channel !== 'sms' || recent.resolvedAt !== null) return undefined;
  if (recent.closedAt !== null) return undefined;
  updateComplaint(tx, recent.id, { description: joinText(recent.description, text) }, ctx.now);
  return { handledAs: 'sms_joined', complaintId: recent.id };
}

/**
 * A waiting filing whose words now name its council and category is filed at once (the citizen
 * already has its number: the assignment SMS follows as for any complaint).
 */
function routeAtOnce(
  tx: Tx,
  ctx: Ctx,
  f: SmsFilingRow,
  guess: PlaceGuess,
  category: string | undefined,
): ComplaintRow | undefined {
  if (guess.council === undefined || category === undefined) return undefined;
  const complaint = fileFiled(tx, ctx, f, {
    councilCode: guess.council,
    categoryCode: category,
    place: guess.place,
    acknowledge: false,
  });
  if (!complaint) return undefined;
  settleFiling(tx, f.id, { status: 'routed', complaintId: complaint.id, handledBy: null }, ctx.now);
  return complaint;
}

/** Files a complaint from an SMS's words with its number and time of arrival. */
function fileFiled(
  tx: Tx,
  ctx: Ctx<TriageSettings>,
  f: Pick<SmsFilingRow, 'phone' | 'number' | 'text' | 'language' | 'receivedAt'>,
  to: {
    councilCode: string;
    categoryCode: string;
    place: PlaceHit | undefined;
    /** Who sent it on out of triage; undefined: Kero, at once. */
    triagedBy?: number;
    acknowledge: boolean;
  },
): ComplaintRow | undefined {
  const regionCode = regionOfCouncil(ctx.reference, to.councilCode);
  if (regionCode === undefined) return undefined;
  const hit = to.place?.councilCode === to.councilCode ? to.place : undefined;
  upsertCitizen(tx, f.phone, f.language, ctx.now);
  return fileComplaint(tx, ctx.reference, {
    phone: f.phone,
    number: f.number,
    draft: {
      regionCode,
      councilCode: to.councilCode,
      categoryCode: to.categoryCode,
      place: placeText(ctx, hit),
      wardCode: hit?.wardCode ?? null,
      village: hit?.village ?? null,
      description: f.text,
      anonymous: false,
    },
    language: f.language,
    serviceCode: ctx.filing.serviceCode ?? '',
    channel: 'sms',
    // The citizen filed it, by SMS, when they sent it; staff only sent it on.
    filedBy: { source: 'sms' },
    ...(to.triagedBy !== undefined ? { triagedBy: to.triagedBy } : {}),
    receivedAt: f.receivedAt,
    acknowledge: to.acknowledge,
    policy: ctx.filing.policy,
    now: ctx.now,
  });
}

/**
 * A new complaint from a text: past the day's limit, the limit; else a number at once, and the
 * complaint routed or in triage. Undefined for a text too short to be a complaint ("Habari",
 * "Nataka kutoa malalamiko"): the caller answers with its how-to.
 */
export function fileBySms(
  tx: Tx,
  ctx: Ctx,
  phone: string,
  text: string,
): FilingHandled | undefined {
  if (tooShortToFile(text)) return undefined;
  const lang = smsLanguage(text);
  const today = startOfDay(ctx.now);
  const filed =
    countComplaintsSince(tx, phone, today) + countUnroutedFilingsSince(tx, phone, today);
  if (filed >= ctx.filing.dailyLimit) {
    send(tx, ctx, phone, lang, 'sms.fileLimit', { limit: ctx.filing.dailyLimit });
    return { handledAs: 'sms_limit', complaintId: null };
  }
  const number = newNumber(tx, ctx.filing.randomInt);
  const { guess, category } = guessesOf(ctx, text);
  const arrived = { phone, number, text, language: lang, receivedAt: ctx.now };
  if (guess.council !== undefined && category !== undefined) {
    const c = fileFiled(tx, ctx, arrived, {
      councilCode: guess.council,
      categoryCode: category,
      place: guess.place,
      acknowledge: true,
    });
    if (c) return { handledAs: 'sms_filed', complaintId: c.id };
  }
  upsertCitizen(tx, phone, lang, ctx.now);
  insertSmsFiling(tx, { ...arrived, ...guessColumns(guess, category) });
  send(tx, ctx, phone, lang, 'sms.filedTriage', {
    number: formatComplaintNumber(number),
    dial: dialFor(ctx, number, lang),
  });
  return { handledAs: 'sms_triage', complaintId: null };
}

export interface RouteFiling {
  councilCode: string;
  categoryCode: string;
  /** A ward (postcode code) of that council, optional; and a village of that ward. */
  wardCode?: string;
  village?: string;
}

export interface FilingDeps extends ActionDeps {
  filing: TriageSettings;
}

export type RouteResult =
  | { ok: true; complaint: ComplaintRow }
  | { ok: false; why: 'gone' | 'council' | 'category' | 'ward' };

/**
 * Staff set a waiting SMS complaint's council and category: it becomes a complaint with the
 * number the citizen has, filed at the time of the text, assigned by the normal rule (the
 * citizen gets the assignment SMS, the officer theirs). One transaction.
 */
export function routeSmsFiling(
  deps: FilingDeps,
  staffId: number,
  filingId: number,
  to: RouteFiling,
): RouteResult {
  const ref = deps.reference;
  if (regionOfCouncil(ref, to.councilCode) === undefined) return { ok: false, why: 'council' };
  if (!ref.categories.includes(to.categoryCode)) return { ok: false, why: 'category' };
  const places = deps.filing.places;
  const ward = to.wardCode ? places.ward(to.wardCode) : undefined;
  if (to.wardCode && !places.councilsOf(to.wardCode).includes(to.councilCode)) {
    return { ok: false, why: 'ward' };
  }
  if (to.village && !ward?.villages.includes(to.village)) return { ok: false, why: 'ward' };
  return inTransaction(deps.db, (tx): RouteResult => {
    const f = findSmsFiling(tx, filingId);
    if (!f || f.status !== 'waiting') return { ok: false, why: 'gone' };
    const ctx = { now: deps.now(), reference: ref, filing: deps.filing };
    const place = to.wardCode
      ? {
          councilCode: to.councilCode,
          wardCode: to.wardCode,
          ...(to.village ? { village: to.village } : {}),
        }
      : undefined;
    const complaint = fileFiled(tx, ctx, f, {
      councilCode: to.councilCode,
      categoryCode: to.categoryCode,
      place,
      triagedBy: staffId,
      acknowledge: false,
    });
    if (!complaint) return { ok: false, why: 'council' };
    settleFiling(
      tx,
      f.id,
      { status: 'routed', complaintId: complaint.id, handledBy: staffId },
      ctx.now,
    );
    return { ok: true, complaint };
  });
}

/**
 * Staff close a waiting SMS that is not a complaint the centre can take (a greeting, an
 * advertisement, a question for another office): the citizen is told, with the note.
 */
export function closeSmsFiling(
  deps: FilingDeps,
  staffId: number,
  filingId: number,
  note: string,
): boolean {
  return inTransaction(deps.db, (tx) => {
    const f = findSmsFiling(tx, filingId);
    if (!f || f.status !== 'waiting') return false;
    const now = deps.now();
    settleFiling(tx, f.id, { status: 'closed', handledBy: staffId, note }, now);
    const ctx = { now, reference: deps.reference, filing: deps.filing };
    send(
      tx,
      ctx,
      f.phone,
      f.language,
      'sms.filingClosed',
      {
        number: formatComplaintNumber(f.number),
        note,
        code: ctx.filing.serviceCode || translate('sms.ussdCode', f.language),
      },
      'note',
    );
    return true;
  });
}
