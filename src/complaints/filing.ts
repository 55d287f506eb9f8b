/**
 * Complaint use cases. Each runs inside the caller's transaction (the USSD handler owns one per
 * request) so that the complaint, its history and the SMS it causes are written together.
 */
import { directDial } from '../text/dial';
import { orgVars } from '../text/org';
import { smsText } from '../text/sms';
import { isGsm7, smsParts } from '../text/gsm7';
import { announceNewComplaintOwner, ownerForNewComplaint } from './assigning';
import { queueCitizenSms } from './notify';
import { formatComplaintNumber } from './core/numbers';
import { placeKey } from './core/place';
import { firstResponseDue, policyFor, resolutionDue, type SlaPolicy } from './core/sla';
import { insertComplaint, insertEvent, upsertCitizen } from './repository';
import { translate, type Lang } from '../text/translate';
import { codeLabel } from '../text/labels';
import { type Tx } from '../../db/client';
import { type ComplaintRow } from '../../db/schema';
import { type ComplaintDraft } from './core/draft';
import { type ReferenceData } from '../reference/types';

export interface FileComplaintInput {
  phone: string;
  number: string;
  draft: ComplaintDraft;
  language: Lang;
  /** The USSD service code: the acknowledgement SMS says to dial it with the number inside. */
  serviceCode: string;
  /** How it reached the centre: 'ussd' (default), 'sms', 'call' (logged by an agent), 'demo'. */
  channel?: string;
  /**
   * Who wrote it down: the citizen on USSD or by SMS, or a staff member (an agent logging a
   * call, or routing an SMS complaint out of triage) in the console.
   */
  filedBy: { source: 'ussd' | 'sms' } | { source: 'console' | 'cli'; staffId: number };
  /**
   * When the citizen sent it, if earlier than `now`: an SMS complaint routed out of triage keeps
   * the time of its text, and its deadlines run from then.
   */
  receivedAt?: number;
  /** False: the citizen already has the number (an SMS complaint out of triage): no ack SMS. */
  acknowledge?: boolean;
  /** The staff member who sent an SMS complaint on out of triage (a `triaged` event, now). */
  triagedBy?: number;
  /** The SLA policy of the day: the complaint's deadlines are fixed at filing. */
  policy: SlaPolicy;
  now: number;
}

/**
 * The acknowledgement with the public status page's link (PUBLIC_URL set) when it still fits the
 * SMS parts it takes without it; else as it was.
 */
export function withStatusLink(
  body: string,
  statusUrl: string | undefined,
  number: string,
  language: Lang,
): string {
  if (!statusUrl) return body;
  const linked = `${body} ${translate('link.status', language, { url: `${statusUrl}?number=${number}` })}`;
  return isGsm7(linked) && smsParts(linked).parts <= smsParts(body).parts ? linked : body;
}

/**
 * Writes the complaint with the owner the routing rules or the region-based rule give it, its
 * `received` and `assigned` events, the acknowledgement SMS and the assignment notices, all in
 * the caller's transaction.
 */
export function fileComplaint(tx: Tx, ref: ReferenceData, input: FileComplaintInput): ComplaintRow {
  const { phone, number, draft, language, now } = input;
  const at = Math.min(input.receivedAt ?? now, now);
  // The category's own deadlines where headquarters set them, fixed now for this complaint.
  const policy = policyFor(input.policy, ref.categoryInfo.get(draft.categoryCode));
  upsertCitizen(tx, phone, language, now);
  const routed = ownerForNewComplaint(tx, draft);
  const owner = routed.assignment;
  const complaint = insertComplaint(tx, {
    number,
    citizenPhone: phone,
    regionCode: draft.regionCode,
    councilCode: draft.councilCode,
    categoryCode: draft.categoryCode,
    place: draft.place,
    wardCode: draft.wardCode ?? null,
    village: draft.village ?? null,
    // Clusters match on this key: a recognised ward and village beat the typed words.
    placeKey:
      draft.wardCode != null
        ? `ward ${draft.wardCode} ${draft.village ?? ''}`.trim()
        : draft.place === null
          ? null
          : (placeKey(draft.place) ?? ''),
    description: draft.description,
    anonymous: draft.anonymous,
    language,
    channel: input.channel ?? 'ussd',
    status: owner.staffId === null ? 'received' : 'assigned',
    level: owner.level,
    assigneeId: owner.staffId,
    firstResponseDueAt: firstResponseDue(at, policy),
    resolutionDueAt: resolutionDue(at, policy),
    createdAt: at,
    updatedAt: now,
  });
  const by = input.filedBy;
  insertEvent(tx, {
    complaintId: complaint.id,
    type: 'received',
    actor: 'staffId' in by ? `staff:${by.staffId}` : 'citizen',
    source: by.source,
    ...('staffId' in by ? { staffId: by.staffId } : {}),
    toStatus: 'received',
    createdAt: at,
  });
  if (input.triagedBy !== undefined) {
    insertEvent(tx, {
      complaintId: complaint.id,
      type: 'triaged',
      actor: `staff:${input.triagedBy}`,
      source: 'console',
      staffId: input.triagedBy,
      fromStatus: 'received',
      toStatus: 'received',
      createdAt: now,
    });
  }
  // Assigning a new complaint (and its notices) is the system's doing, whoever filed it.
  const ctx = { now, reference: ref, source: 'system' } as const;
  if (input.acknowledge !== false) {
    const body = acknowledgement(ref, input);
    queueCitizenSms(
      tx,
      ctx,
      complaint,
      'sms.received',
      withStatusLink(body, ref.statusUrl, number, language),
    );
  }
  announceNewComplaintOwner(tx, ctx, complaint, routed);
  return complaint;
}

/** The acknowledgement SMS: the number, category and council, and how to track it. */
function acknowledgement(ref: ReferenceData, input: FileComplaintInput): string {
  const { draft, language, number } = input;
  return smsText('sms.received', language, {
    ...orgVars(ref.org, language),
    number: formatComplaintNumber(number),
    category: codeLabel('category', draft.categoryCode, language),
    council: ref.councilLabels.get(draft.councilCode)?.[language] ?? draft.councilCode,
    // A call logged where no USSD code is configured: the SMS says "the USSD code".
    dial: input.serviceCode
      ? directDial(input.serviceCode, number)
      : translate('sms.ussdCode', language),
  });
}
