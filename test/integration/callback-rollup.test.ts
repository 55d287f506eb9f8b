/**
 * The call-back rollup (callback_rollup, kept by triggers on `callbacks`) counts what the requests
 * themselves say: after requests in several regions, on both sides of midnight in Tanzania, and
 * every way a request ends, the dashboard's counts for any period and region equal a count of
 * the rows.
 */
import { inTransaction } from '../../db/client';
import { makeCallbackReference } from '../../src/callbacks/core/reference';
import { callbackCounts } from '../../src/callbacks/repository';
import {
  closeCallback,
  logCallbackCall,
  recordMissedTry,
  requestCallback,
  type Actor,
} from '../../src/callbacks/service';
import { seededRandomInt } from '../helpers/app';
import { DAY, eat, HOUR, openWorld, SERVICE_CODE, type World } from '../helpers/world';
import { hqStaff } from '../helpers/staff';

let w: World;
beforeEach(() => {
  w = openWorld({ start: eat('2026-03-02 08:00') });
});
afterEach(() => w.close());

const HOURS = { startMinute: 450, endMinute: 930, holidays: new Set<string>() };
const random = seededRandomInt(9);

function ask(phone: string, region: string): string {
  return inTransaction(w.db, (tx) =>
    requestCallback(tx, {
      phone,
      reference: makeCallbackReference(random),
      regionCode: region,
      categoryCode: 'water',
      language: 'sw',
      serviceCode: SERVICE_CODE,
      hours: HOURS,
      now: w.clock.now(),
    }),
  ).reference;
}

/** The same counts, from the rows. */
function counted(q: { regionCode?: string; from: number; until: number; now: number }) {
  const rows = w.db.$client
    .prepare(
      `SELECT status, count(*) AS n, sum(status = 'open' AND due_at <= ?) AS overdue FROM callbacks
       WHERE created_at >= ? AND created_at < ? AND (? IS NULL OR region_code = ?) GROUP BY status`,
    )
    .all(q.now, q.from, q.until, q.regionCode ?? null, q.regionCode ?? null) as {
    status: string;
    n: number;
    overdue: number;
  }[];
  const c: Record<string, number> = { open: 0, overdue: 0, logged: 0, closed: 0, unreachable: 0 };
  for (const r of rows) {
    c[r.status] = r.n;
    if (r.status === 'open') c.overdue = r.overdue;
  }
  return c;
}

test('when requests are made and end in every way, then the rollup counts what the rows say, for any period and region', () => {
  const deps = { db: w.db, now: w.clock.now, reference: w.reference };
  const hq: Actor = { staffId: hqStaff(w).id, scope: { kind: 'all' } };
  const refs: string[] = [];
  // Ten days of requests, one at 23:30 and one at 00:30 Tanzanian time each night.
  for (let d = 0; d < 10; d++) {
    w.clock.set(eat('2026-03-02 23:30') + d * DAY);
    refs.push(ask(`+25575400${String(d).padStart(4, '0')}`, d % 2 === 0 ? 'DAR' : 'ARU'));
    w.clock.advance(HOUR);
    refs.push(ask(`+25575410${String(d).padStart(4, '0')}`, d % 3 === 0 ? 'ARU' : 'DOD'));
  }
  w.clock.set(eat('2026-03-13 09:00'));
  refs.forEach((ref, i) => {
    if (i % 5 === 1) expect(closeCallback(deps, hq, ref, 'Answered').ok).toBe(true);
    if (i % 5 === 2) expect(recordMissedTry(deps, hq, ref, 0).ok).toBe(true);
  });
  w.clock.advance(2 * HOUR);
  refs.forEach((ref, i) => {
    if (i % 5 === 2 && i % 2 === 0) expect(recordMissedTry(deps, hq, ref, 1).ok).toBe(true);
    if (i % 5 === 3) {
      const callDeps = {
        ...deps,
        policy: w.deps.policy,
        randomInt: random,
        serviceCode: SERVICE_CODE,
      };
      const draft = {
        regionCode: 'DOD',
        councilCode: 'DOD-DOC',
        categoryCode: 'water',
        place: null,
        description: 'Maji hayatoki kijijini tangu wiki iliyopita',
        anonymous: false,
      };
      expect(
        logCallbackCall(callDeps, hq, ref, { phone: '+255754999000', language: 'sw', draft }).ok,
      ).toBe(true);
    }
  });
  const now = w.clock.now();
  const statuses = w.db.$client
    .prepare('SELECT status, count(*) n FROM callbacks GROUP BY status')
    .all();
  expect(statuses).toHaveLength(4);

  for (const [from, until] of [
    ['2026-03-01', '2026-03-20'],
    ['2026-03-03', '2026-03-04'],
    ['2026-03-05', '2026-03-09'],
    ['2026-03-12', '2026-03-13'],
  ] as const) {
    for (const regionCode of [undefined, 'DAR', 'ARU', 'DOD', 'MWZ']) {
      const q = {
        from: eat(`${from} 00:00`),
        until: eat(`${until} 00:00`),
        now,
        ...(regionCode ? { regionCode } : {}),
      };
      expect([from, until, regionCode, callbackCounts(w.db, q)]).toEqual([
        from,
        until,
        regionCode,
        counted(q),
      ]);
    }
  }
  const all = callbackCounts(w.db, {
    from: eat('2026-03-01 00:00'),
    until: eat('2026-03-20 00:00'),
    now,
  });
  expect(all.open + all.logged + all.closed + all.unreachable).toBe(20);
});
