/**
 * A UssdContext made of plain arrays for the pure engine tests: the real regions and councils from
 * the seed file, the real category codes, an in-memory list of complaints, a counter for the day's
 * filings, deterministic complaint numbers and an optional resumable draft. No database, no clock.
 */
import { categoryCodes, loadAdminUnits } from '../../db/seed/seed';
import { makeComplaintNumber } from '../../src/complaints/core/numbers';
import { seededRandomInt } from '../../src/cli/demo/random';
import { makeCallbackReference } from '../../src/callbacks/core/reference';
import {
  type CallbackSummary,
  type ComplaintSummary,
  type ResumableDraft,
  type UssdContext,
} from '../../src/ussd/core/types';
import { type RefItem } from '../../src/reference/types';
import { placesOf } from '../../src/reference/places';
import { DEFAULT_ORGANISATION, type Organisation } from '../../src/text/org';

/** 2026-03-12 09:00 in Dar es Salaam (06:00 UTC), a Thursday. */
export const T0 = Date.UTC(2026, 2, 12, 6, 0, 0);
export const PHONE = '+255712345678';
export const OTHER_PHONE = '+255754000111';
export { SERVICE_CODE } from './world';
import { SERVICE_CODE } from './world';
export const TOLL_FREE = '0800 110 010';

export { seededRandomInt };

export interface AdminRegion extends RefItem {
  mainland: boolean;
  councils: RefItem[];
}

/** The real reference data, in menu order (mainland alphabetically, then Zanzibar). */
export const adminRegions: readonly AdminRegion[] = loadAdminUnits().map((r) => ({
  code: r.code,
  label: { sw: r.name, en: r.name },
  mainland: r.mainland,
  councils: r.councils.map((c) => ({ code: c.code, label: { sw: c.short_sw, en: c.short } })),
}));

/** The 26 mainland regions: what the picker offers by default (REGIONS=mainland). */
export const mainlandRegions = adminRegions.filter((r) => r.mainland);

export function regionNamed(name: string): AdminRegion {
  const region = adminRegions.find((r) => r.label.en === name);
  if (!region) throw new Error(`no region named '${name}'`);
  return region;
}

export function councilNamed(region: AdminRegion, enLabel: string): RefItem {
  const council = region.councils.find((c) => c.label.en === enLabel);
  if (!council) throw new Error(`no council '${enLabel}' in ${region.code}`);
  return council;
}

/** A UssdContext whose world tests can change between replies. */
export interface EngineContext extends UssdContext {
  complaints: ComplaintSummary[];
  filedToday: number;
  draft: ResumableDraft | undefined;
  /** Every number handed out by newComplaintNumber, in order. */
  issuedNumbers: string[];
  /** This phone's open call-back request. */
  callback: CallbackSummary | undefined;
  callbacksAsked: number;
  /** The region of this phone's last complaint. */
  lastRegion: string | undefined;
  /** Every reference handed out by newCallbackReference, in order. */
  issuedReferences: string[];
}

export interface EngineContextOptions {
  phone?: string;
  now?: number;
  dailyComplaintLimit?: number;
  filedToday?: number;
  tollFreeNumber?: string;
  serviceCode?: string;
  complaints?: ComplaintSummary[];
  draft?: ResumableDraft;
  callback?: CallbackSummary;
  callbacksAsked?: number;
  callbackDailyLimit?: number;
  lastRegion?: string;
  /** Seed of the complaint-number generator. */
  seed?: number;
  /** The regions the picker offers (default: all 31, the longest lists). */
  regions?: readonly AdminRegion[];
  org?: Organisation;
}

/** The real ward list (the national postcode list), as the server loads it. */
const places = placesOf();

export function makeEngineContext(options: EngineContextOptions = {}): EngineContext {
  const regions = options.regions ?? adminRegions;
  const randomInt = seededRandomInt(options.seed ?? 42);
  const ctx: EngineContext = {
    phone: options.phone ?? PHONE,
    now: options.now ?? T0,
    dailyComplaintLimit: options.dailyComplaintLimit ?? 5,
    serviceCode: options.serviceCode ?? SERVICE_CODE,
    org: options.org ?? DEFAULT_ORGANISATION,
    ...(options.tollFreeNumber !== undefined ? { tollFreeNumber: options.tollFreeNumber } : {}),
    complaints: [...(options.complaints ?? [])],
    filedToday: options.filedToday ?? 0,
    draft: options.draft,
    issuedNumbers: [],
    callback: options.callback,
    callbacksAsked: options.callbacksAsked ?? 0,
    callbackDailyLimit: options.callbackDailyLimit ?? 3,
    lastRegion: options.lastRegion,
    issuedReferences: [],
    regions: () => regions.map(({ code, label }) => ({ code, label })),
    councils: (regionCode) => regions.find((r) => r.code === regionCode)?.councils ?? [],
    categories: () => [...categoryCodes],
    places: (councilCode) => places.index(councilCode),
    wardName: (code) => places.ward(code)?.name,
    findComplaint: (number) => ctx.complaints.find((c) => c.number === number),
    recentComplaints: (limit) =>
      ctx.complaints
        .filter((c) => c.citizenPhone === ctx.phone)
        .sort((a, b) => b.createdAt - a.createdAt)
        .slice(0, limit),
    complaintsFiledToday: () => ctx.filedToday,
    newComplaintNumber: () => {
      const number = makeComplaintNumber(randomInt);
      ctx.issuedNumbers.push(number);
      return number;
    },
    resumableDraft: () => ctx.draft,
    openCallback: () => ctx.callback,
    callbacksToday: () => ctx.callbacksAsked,
    lastComplaintRegion: () => ctx.lastRegion,
    newCallbackReference: () => {
      const reference = makeCallbackReference(randomInt);
      ctx.issuedReferences.push(reference);
      return reference;
    },
  };
  return ctx;
}

/** A valid complaint number, the same for the same seed. */
export const numberFromSeed = (seed: number): string => makeComplaintNumber(seededRandomInt(seed));

/** A stored complaint (Tanga Jiji, water, received) whose number comes from `seed`. */
export function complaintFixture(
  seed: number,
  overrides: Partial<ComplaintSummary> = {},
): ComplaintSummary {
  return {
    number: numberFromSeed(seed),
    status: 'received',
    categoryCode: 'water',
    councilLabel: councilNamed(regionNamed('Tanga'), 'Tanga CC').label,
    createdAt: T0,
    description: 'Maji hayatoki kijijini tangu wiki iliyopita.',
    citizenPhone: PHONE,
    ...overrides,
  };
}

/** The number a region has in the region list (numbering runs on across pages). */
export const regionNumber = (name: string): string =>
  String(adminRegions.indexOf(regionNamed(name)) + 1);

/** The number a council has in its region's council list. */
export const councilNumber = (regionName: string, enLabel: string): string => {
  const region = regionNamed(regionName);
  return String(region.councils.indexOf(councilNamed(region, enLabel)) + 1);
};
