/**
 * Builds the service dependencies from configuration and an open database: shared by the server
 * (src/main.ts) and the admin CLI, the two composition roots.
 */
import { randomInt } from 'node:crypto';
import type { Db } from '../db/client';
import type { EscalationDeps } from './complaints/escalation';
import type { SlaPolicy } from './complaints/core/sla';
import type { Config } from './config';
import { loadReferenceData } from './reference/repository';

/** The SLA policy the configuration sets. */
export function slaPolicyOf(config: Config): SlaPolicy {
  return {
    firstResponseWorkingDays: config.SLA_FIRST_RESPONSE_DAYS,
    resolutionDays: config.SLA_RESOLUTION_DAYS,
    holidays: new Set(config.HOLIDAYS),
  };
}

export function escalationDeps(
  config: Config,
  db: Db,
  now: () => number = Date.now,
): EscalationDeps {
  return {
    db,
    now,
    reference: loadReferenceData(db),
    policy: slaPolicyOf(config),
    autoCloseDays: config.AUTO_CLOSE_DAYS,
  };
}

export const secureRandomInt = (max: number) => randomInt(max);
