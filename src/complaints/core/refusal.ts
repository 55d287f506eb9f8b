/**
 * Why a service said no, as data: a code and the values its wording needs. Each channel renders
 * codes in its own words and the staff member's language (the SMS console through a table in
 * src/staff/commands-format.ts, the web console through its own); none parses prose back.
 * Complaint numbers in `vars` are the stored 8 digits: renderers format them.
 */
import type { ComplaintStatus } from '../../../db/schema';

export type Refusal =
  /** Not a complaint number (typed by staff). */
  | { code: 'badNumber'; vars: { input: string } }
  | { code: 'notFound'; vars: { number: string } }
  /** The acting staff member does not exist. */
  | { code: 'unknownActor'; vars?: undefined }
  /** The acting staff member's account is not active. */
  | { code: 'inactive'; vars?: undefined }
  | { code: 'otherRegion'; vars: { number: string } }
  /** An officer and an unassigned complaint of a council they do not cover. */
  | { code: 'otherCouncil'; vars: { number: string } }
  | { code: 'notSupervisor'; vars?: undefined }
  | { code: 'otherOfficer'; vars: { number: string } }
  /** A reply to a complaint nobody owns yet: take it first. */
  | { code: 'notAssigned'; vars: { number: string } }
  /** The action does not apply to a complaint in this status. */
  | { code: 'badState'; vars: { number: string; status: ComplaintStatus } }
  /** No staff member has this phone number (assigning). */
  | { code: 'noStaff'; vars: { phone: string } }
  /** The staff member chosen (assigning) is not active. */
  | { code: 'staffInactive'; vars: { name: string } }
  /** The staff member chosen (assigning) works in another region. */
  | { code: 'staffOtherRegion'; vars: { name: string } }
  /** A reply, note or resolution note with no text. */
  | { code: 'empty'; vars: { field: 'message' | 'note' | 'resolution' } };

export type RefusalCode = Refusal['code'];

/** Every code, for exhaustive tables and tests. */
export const REFUSAL_CODES = [
  'badNumber',
  'notFound',
  'unknownActor',
  'inactive',
  'otherRegion',
  'otherCouncil',
  'notSupervisor',
  'otherOfficer',
  'notAssigned',
  'badState',
  'noStaff',
  'staffInactive',
  'staffOtherRegion',
  'empty',
] as const satisfies readonly RefusalCode[];
