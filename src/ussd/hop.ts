/**
 * One USSD hop as the handler sees it: the request Africa's Talking posted, what the handler
 * needs, and what it answers.
 */
import type { Places } from '../reference/places';
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import type { SlaPolicy } from '../complaints/core/sla';
import type { Menu } from './core/types';
import type { WorkingHours } from '../text/calendar';
import { type ReferenceData } from '../reference/types';

export interface UssdRequest {
  sessionId: string;
  serviceCode: string;
  phoneNumber: string;
  networkCode: string;
  text: string;
}

/** A hop's answer, and what the metrics count: the screen it left the caller on. */
export interface Hop {
  body: string;
  /** The screen shown; 'replay' for a repeated request, 'error' for a failure. */
  screen: string;
  /** A complaint was filed by this hop. */
  filed: boolean;
}

export interface UssdDeps {
  db: Db;
  /** Told about each hop once its commit is durable (src/ops/metrics.ts). */
  metrics?: HopMetrics;
  menu: Menu;
  reference: ReferenceData;
  /** Wards and villages the place step recognises (default: the ward list of the build). */
  places?: Places;
  logger: Logger;
  now: () => number;
  randomInt: (maxExclusive: number) => number;
  /** The SLA policy: a complaint's deadlines are fixed at filing. */
  sla: SlaPolicy;
  settings: {
    dailyComplaintLimit: number;
    draftResumeMinutes: number;
    tollFreeNumber?: string;
    /** CALLBACK_DAILY_LIMIT (default DEFAULT_CALLBACK_DAILY_LIMIT). */
    callbackDailyLimit?: number;
  };
  /** Office hours: a call-back request is due one working day of them later. */
  hours?: WorkingHours;
}

/** Call-back requests a phone may make in a day when CALLBACK_DAILY_LIMIT is not set. */
export const DEFAULT_CALLBACK_DAILY_LIMIT = 3;

/** What the metrics hear of each hop (src/ops/metrics.ts implements it). */
export interface HopMetrics {
  hop: (screen: string, result: 'con' | 'end' | 'error', seconds: number) => void;
  complaintFiled: (channel: string) => void;
}
