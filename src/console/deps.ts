/**
 * What the web console needs from the composition root, and what each request carries once the
 * console's middleware has looked at it.
 */
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import type { ConsoleSessionRow, StaffRow } from '../../db/schema';
import type { Scope } from '../complaints/core/scope';
import type { SlaPolicy } from '../complaints/core/sla';
import type { ReferenceData } from '../reference/types';
import type { DailyWindow, WorkingHours } from '../text/calendar';
import type { Lang } from '../text/translate';
import type { SessionPolicy } from './auth/sessions';

export interface ConsoleDeps {
  db: Db;
  now: () => number;
  logger: Logger;
  reference: ReferenceData;
  sla: SlaPolicy;
  /** Office hours, for "time left" on deadlines and the Due soon tab. */
  hours: WorkingHours;
  randomInt: (maxExclusive: number) => number;
  /** The USSD code quoted in the acknowledgement SMS of a logged call. */
  serviceCode: string;
  /** The key of sign-in codes' keyed hashes and of the pre-session form tokens. */
  secret: string;
  sessions: SessionPolicy;
  /** Cookies `Secure` with the `__Host-` prefix (the console is served over HTTPS). */
  secureCookie: boolean;
  /** QUIET_HOURS: a resolution's rating request waits for their end (the notice says when). */
  quietHours?: DailyWindow | null;
}

/** The signed-in staff member of a request, with what every page needs. */
export interface Viewer {
  staff: StaffRow;
  councils: string[];
  scope: Scope;
  session: ConsoleSessionRow;
  lang: Lang;
}

/** The viewer of a request that passed `requireViewer`. */
export function viewerOf(res: Response): Viewer {
  const viewer = (res.locals as { viewer?: Viewer }).viewer;
  if (!viewer) throw new Error('viewerOf called on a request without a signed-in staff member');
  return viewer;
}

/** A form field as a string ('' when absent or repeated). */
export function field(req: Request, name: string): string {
  const body = req.body as Record<string, unknown> | undefined;
  const v = body?.[name];
  return typeof v === 'string' ? v : '';
}

/** The named fields of a form, each a string ('' when absent). */
export function formOf<K extends string>(req: Request, names: readonly K[]): Record<K, string> {
  const form = {} as Record<K, string>;
  for (const name of names) form[name] = field(req, name);
  return form;
}

/** Every value of a form field sent more than once (checkboxes). */
export function fields(req: Request, name: string): string[] {
  const body = req.body as Record<string, unknown> | undefined;
  const v = body?.[name];
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A query parameter as a string ('' when absent). */
export function param(req: Request, name: string): string {
  const v = req.query[name];
  return typeof v === 'string' ? v : '';
}

/** The session service's part of the console's dependencies. */
export const sessionDeps = (d: ConsoleDeps) => ({ db: d.db, now: d.now, policy: d.sessions });
