/**
 * Why a call-back action was refused, as data (as ../../complaints/core/refusal.ts for
 * complaints): each channel words it. References in it are the stored 7 digits.
 */
import type { CallbackStatus } from '../../../db/schema';

export type CallbackRefusal =
  /** No such request in the actor's region. */
  | { code: 'notFound' }
  /** Logged, closed or unreachable already. */
  | { code: 'notOpen'; status: CallbackStatus }
  /** A second try within the hour after the first. */
  | { code: 'tooSoon'; until: number }
  /** The page was out of date: someone recorded a try meanwhile (a double click, a colleague). */
  | { code: 'stale' }
  | { code: 'noteEmpty' }
  | { code: 'noteLong' };
