/**
 * The USSD filing funnel of a period (src/reports/core/funnel.ts, on the sessions of
 * ./funnel-repository.ts): for `kero report funnel` and the console's dashboard.
 */
import type { Db } from '../../db/client';
import { computeFunnel, type FilingFlow, type Funnel } from './core/funnel';
import type { Period } from './core/period';
import { sessionsStartedIn } from './funnel-repository';

export type { FilingFlow, Funnel };

/** The funnel of the sessions started in `period`, as of `now`; `flow` from the menu. */
export function ussdFunnel(db: Db, period: Period, flow: FilingFlow, now: number): Funnel {
  return computeFunnel(sessionsStartedIn(db, period), flow, now);
}
