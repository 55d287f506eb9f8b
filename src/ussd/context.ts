/**
 * What the pure engine may ask about the world during one hop (UssdContext), answered from the
 * reference data and from the hop's transaction. One object per hop, its questions as methods:
 * a hop allocates it once instead of a closure per question.
 */
import { translate } from '../text/translate';
import {
  countUnroutedFilingsSince,
  findSmsFilingByNumber,
} from '../citizens/sms-filings-repository';
import { makeComplaintNumber } from '../complaints/core/numbers';
import {
  complaintNumberExists,
  countComplaintsSince,
  findComplaintByNumber,
  listRecentComplaints,
} from '../complaints/repository';
import { findResumableDraft } from './session-repository';
import {
  type CallbackSummary,
  type ComplaintSummary,
  type ResumableDraft,
  type UssdContext,
} from './core/types';
import { makeCallbackReference } from '../callbacks/core/reference';
import {
  callbackReferenceExists,
  countCallbacksSince,
  findOpenCallback,
} from '../callbacks/repository';
import { startOfDay } from '../text/calendar';
import { type Tx } from '../../db/client';
import { type ComplaintRow } from '../../db/schema';
import { DEFAULT_CALLBACK_DAILY_LIMIT, type UssdDeps, type UssdRequest } from './hop';
import { type ReferenceData, type RefItem } from '../reference/types';
import { type Organisation } from '../text/org';
import { type PlaceIndex } from '../reference/core/place-match';
import { sharedPlaces } from '../reference/places';

function summary(ref: ReferenceData, c: ComplaintRow): ComplaintSummary {
  return {
    number: c.number,
    status: c.status,
    categoryCode: c.categoryCode,
    councilLabel: ref.councilLabels.get(c.councilCode) ?? { sw: c.councilCode, en: c.councilCode },
    createdAt: c.createdAt,
    description: c.description,
    citizenPhone: c.citizenPhone,
  };
}

export class HopContext implements UssdContext {
  readonly phone: string;
  readonly serviceCode: string;
  readonly dailyComplaintLimit: number;
  readonly callbackDailyLimit: number;
  readonly tollFreeNumber?: string;
  readonly org: Organisation;
  /** The resumable draft once looked up (null: looked up, none). */
  private draft: ResumableDraft | null | undefined;

  constructor(
    private readonly deps: UssdDeps,
    private readonly tx: Tx,
    private readonly req: UssdRequest,
    readonly now: number,
  ) {
    this.phone = req.phoneNumber;
    this.serviceCode = req.serviceCode;
    this.dailyComplaintLimit = deps.settings.dailyComplaintLimit;
    this.callbackDailyLimit = deps.settings.callbackDailyLimit ?? DEFAULT_CALLBACK_DAILY_LIMIT;
    this.org = deps.reference.org;
    if (deps.settings.tollFreeNumber) this.tollFreeNumber = deps.settings.tollFreeNumber;
  }

  regions(): RefItem[] {
    return this.deps.reference.pickerRegions;
  }

  councils(regionCode: string): RefItem[] {
    return this.deps.reference.councilsByRegion.get(regionCode) ?? [];
  }

  categories(): string[] {
    return this.deps.reference.categories;
  }

  places(councilCode: string): PlaceIndex | undefined {
    return (this.deps.places ?? sharedPlaces()).index(councilCode);
  }

  wardName(code: string): string | undefined {
    return (this.deps.places ?? sharedPlaces()).ward(code)?.name;
  }

  findComplaint(number: string): ComplaintSummary | undefined {
    const row = findComplaintByNumber(this.tx, number);
    if (row) return summary(this.deps.reference, row);
    // An SMS complaint still in triage: received, its council to come.
    const f = findSmsFilingByNumber(this.tx, number);
    if (f?.status !== 'waiting') return undefined;
    return {
      number: f.number,
      status: 'received',
      categoryCode: '',
      councilLabel: {
        sw: translate('detail.councilPending', 'sw'),
        en: translate('detail.councilPending', 'en'),
      },
      createdAt: f.receivedAt,
      description: f.text,
      citizenPhone: f.phone,
    };
  }

  recentComplaints(limit: number): ComplaintSummary[] {
    return listRecentComplaints(this.tx, this.phone, limit).map((c) =>
      summary(this.deps.reference, c),
    );
  }

  complaintsFiledToday(): number {
    // SMS complaints count too, those still in triage or closed there included.
    const today = startOfDay(this.now);
    return (
      countComplaintsSince(this.tx, this.phone, today) +
      countUnroutedFilingsSince(this.tx, this.phone, today)
    );
  }

  newComplaintNumber(): string {
    for (let i = 0; i < 50; i++) {
      const n = makeComplaintNumber(this.deps.randomInt);
      if (!complaintNumberExists(this.tx, n)) return n;
    }
    throw new Error('no free complaint number after 50 tries');
  }

  openCallback(): CallbackSummary | undefined {
    const row = findOpenCallback(this.tx, this.phone);
    return row ? { reference: row.reference, categoryCode: row.categoryCode } : undefined;
  }

  callbacksToday(): number {
    return countCallbacksSince(this.tx, this.phone, startOfDay(this.now));
  }

  lastComplaintRegion(): string | undefined {
    return listRecentComplaints(this.tx, this.phone, 1)[0]?.regionCode;
  }

  newCallbackReference(): string {
    for (let i = 0; i < 50; i++) {
      const reference = makeCallbackReference(this.deps.randomInt);
      if (!callbackReferenceExists(this.tx, reference)) return reference;
    }
    throw new Error('no free call-back reference after 50 tries');
  }

  resumableDraft(): ResumableDraft | undefined {
    if (this.draft === undefined) {
      const since = this.now - this.deps.settings.draftResumeMinutes * 60_000;
      this.draft = findResumableDraft(this.tx, this.phone, since, this.req.sessionId) ?? null;
    }
    return this.draft ?? undefined;
  }
}
