/**
 * The console's test world: the whole app (webhooks and /console) on an in-memory database with
 * the real migrations, the test desk hired through the real staff service, a controllable clock,
 * and a browser-like agent per staff member that signs in the way a person does: asks for a code,
 * reads it from the SMS outbox, types it.
 */
import pino from 'pino';
import request from 'supertest';
import { desc, eq } from 'drizzle-orm';
import { smsOutbox, type StaffRow } from '../../db/schema';
import type { ConsoleDeps } from '../../src/console/deps';
import type { AppDeps } from '../../src/http/app';
import { addStaff, type StaffInput } from '../../src/directory/service';
import { makeTestApp, seededRandomInt, type TestApp } from '../helpers/app';
import { fileFor, hireDesk, SERVICE_CODE, type DeskStaff, type Filing } from '../helpers/world';
import type { ComplaintRow } from '../../db/schema';
import { makeComplaintNumber } from '../../src/complaints/core/numbers';
import { complaintNumberExists } from '../../src/complaints/repository';
import { loadReferenceData as loadRef } from '../../src/reference/repository';

export const SECRET = 'console-test-secret-0123456789abcdef';
/** 07:30-15:30, the default office hours. */
export const HOURS = { startMinute: 450, endMinute: 930 };

export interface ConsoleWorld extends TestApp {
  desk: DeskStaff;
  console: ConsoleDeps;
  hire: (input: StaffInput) => StaffRow;
  file: (f: Filing) => ComplaintRow;
}

/**
 * `file`: a database file instead of `:memory:`, for the read workers (test/reads/); `app`: the
 * app's own settings (`trustProxy`, so that a test can speak from several addresses).
 */
export function openConsoleWorld(
  over: Partial<ConsoleDeps> = {},
  dbFile?: string,
  app: Partial<AppDeps> = {},
): ConsoleWorld {
  let consoleDeps: ConsoleDeps | undefined;
  const t = makeTestApp((db, clock) => {
    const reference = loadRef(db);
    consoleDeps = {
      db,
      now: clock.now,
      logger: pino({ level: 'silent' }),
      reference,
      sla: { firstResponseWorkingDays: 3, resolutionDays: 14, holidays: new Set() },
      hours: { ...HOURS, holidays: new Set() },
      randomInt: seededRandomInt(11),
      serviceCode: SERVICE_CODE,
      secret: SECRET,
      sessions: { idleMs: 30 * 60_000, absoluteMs: 10 * 3_600_000 },
      secureCookie: false,
      ...over,
    };
    // As src/server.ts: SMS commands know the office hours too.
    // Open311 too: what headquarters publishes there follows their category changes.
    return {
      console: consoleDeps,
      hours: consoleDeps.hours,
      reference,
      open311: { descriptions: false, policy: consoleDeps.sla },
      ...app,
    };
  }, dbFile);
  if (!consoleDeps) throw new Error('console deps not built');
  const deps = consoleDeps;
  const hire = (input: StaffInput): StaffRow => {
    const r = addStaff(
      t.db,
      { now: t.clock.now(), reference: deps.reference, source: 'cli' },
      input,
    );
    if (!r.ok) throw new Error(r.errors.join('; '));
    return r.value;
  };
  const random = seededRandomInt(5);
  const file = (f: Filing) => {
    let number = makeComplaintNumber(random);
    while (complaintNumberExists(t.db, number)) number = makeComplaintNumber(random);
    return fileFor(t.db, deps.reference, { number, now: t.clock.now(), policy: deps.sla }, f);
  };
  return { ...t, desk: hireDesk(hire), console: deps, hire, file };
}

/** The form token on a page (the first form's). */
export function csrfIn(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error(`no form token on the page:\n${html.slice(0, 500)}`);
  return m[1];
}

/** The last sign-in code sent to `phone` by SMS. */
export function lastCodeTo(w: TestApp, phone: string): string | undefined {
  const row = w.db
    .select()
    .from(smsOutbox)
    .where(eq(smsOutbox.toPhone, phone))
    .orderBy(desc(smsOutbox.id))
    .get();
  return row?.template === 'console.code' ? /\d{6}/.exec(row.body)?.[0] : undefined;
}

export type Agent = ReturnType<typeof request.agent>;

/** A browser of its own (its own cookies). */
export const browser = (w: TestApp): Agent => request.agent(w.app);

/** Asks for a code for `phone` in `agent`; returns the response. */
export async function askCode(w: TestApp, agent: Agent, phone: string) {
  const page = await agent.get('/console/sign-in');
  return agent
    .post('/console/sign-in')
    .type('form')
    .send({ _csrf: csrfIn(page.text), phone });
}

/** Types `code` on the code page. */
export async function typeCode(agent: Agent, code: string) {
  const page = await agent.get('/console/sign-in/code');
  return agent
    .post('/console/sign-in/code')
    .type('form')
    .send({ _csrf: csrfIn(page.text), code });
}

/** A signed-in browser for a staff member, and the token its forms carry. */
export async function signedIn(w: TestApp, phone: string): Promise<{ agent: Agent; csrf: string }> {
  const agent = browser(w);
  await askCode(w, agent, phone);
  const code = lastCodeTo(w, phone);
  if (!code) throw new Error(`no code sent to ${phone}`);
  const done = await typeCode(agent, code);
  if (done.status !== 303 || done.headers.location !== '/console') {
    throw new Error(`sign-in failed: ${done.status} ${done.text.slice(0, 300)}`);
  }
  const home = await agent.get('/console');
  return { agent, csrf: csrfIn(home.text) };
}

/** Visible text of a page, tags removed and spaces collapsed, for "the page says" checks. */
export const textOf = (html: string): string =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
