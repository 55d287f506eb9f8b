/**
 * Builds the service dependencies from configuration and an open database: shared by the server
 * (src/main.ts) and the admin CLI, the two composition roots.
 */
import { randomInt } from 'node:crypto';
import type { Db } from '../db/client';
import type { FillIn } from '../db/job-runner';
import { placeKeysFill } from './complaints/clusters';
import { dueTimesFill } from './complaints/due-times';
import { openDeadlinesFill } from './reports/open-deadlines';
import { rollupFill } from './reports/rollup';
import { workTimesFill } from './reports/work-times';
import type { EscalationDeps } from './complaints/escalation';
import type { SlaPolicy } from './complaints/core/sla';
import type { Config } from './config';
import { parseHours, type WorkingHours } from './text/calendar';
import { DEFAULT_ORGANISATION } from './text/org';
import { loadReferenceData } from './reference/repository';
import type { Deployment } from './reference/types';

/** What the configuration decides about the reference data: REGIONS and the ORG_* names. */
export function deploymentOf(config: Config): Deployment {
  const name = {
    sw: config.ORG_NAME_SW ?? DEFAULT_ORGANISATION.name.sw,
    en: config.ORG_NAME_EN ?? DEFAULT_ORGANISATION.name.en,
  };
  // Without a prefix of its own a language uses the name (the config refuses a name too long).
  const smsPrefix = {
    sw: config.ORG_SMS_PREFIX_SW ?? config.ORG_NAME_SW ?? DEFAULT_ORGANISATION.smsPrefix.sw,
    en: config.ORG_SMS_PREFIX_EN ?? config.ORG_NAME_EN ?? DEFAULT_ORGANISATION.smsPrefix.en,
  };
  return {
    regions: config.REGIONS,
    org: { name, smsPrefix },
    ...(config.PUBLIC_URL ? { statusUrl: `${config.PUBLIC_URL.replace(/\/$/, '')}/status` } : {}),
  };
}

/** The SLA policy the configuration sets. */
export function slaPolicyOf(config: Config): SlaPolicy {
  return {
    firstResponseWorkingDays: config.SLA_FIRST_RESPONSE_DAYS,
    resolutionDays: config.SLA_RESOLUTION_DAYS,
    holidays: new Set(config.HOLIDAYS),
  };
}

/**
 * The background jobs this version knows (db/job-runner.ts), by the names their migrations gave
 * their rows; they run in the order the migrations added them.
 */
export function fillInsOf(config: Config): FillIn[] {
  return [
    dueTimesFill(slaPolicyOf(config)),
    workTimesFill(workingHoursOf(config)),
    placeKeysFill,
    rollupFill,
    openDeadlinesFill,
  ];
}

/** The office hours the configuration sets (WORKING_HOURS), on the SLA calendar's holidays. */
export function workingHoursOf(config: Config): WorkingHours {
  const hours = parseHours(config.WORKING_HOURS);
  if (!hours)
    throw new Error(`WORKING_HOURS passed the configuration check: ${config.WORKING_HOURS}`);
  return { ...hours, holidays: new Set(config.HOLIDAYS) };
}

/**
 * What the lifecycle and escalation services need, for every channel: with the office hours, so
 * that a reply or resolution by an SMS command stores its office time as the console's does.
 */
export function escalationDeps(
  config: Config,
  db: Db,
  now: () => number = Date.now,
): EscalationDeps {
  return {
    db,
    now,
    reference: loadReferenceData(db, deploymentOf(config)),
    policy: slaPolicyOf(config),
    autoCloseDays: config.AUTO_CLOSE_DAYS,
    hours: workingHoursOf(config),
  };
}

export const secureRandomInt = (max: number) => randomInt(max);
