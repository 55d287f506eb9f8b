/**
 * A 20-minute outage of the SMS API, compressed: the server sends through the real Africa's Talking
 * SDK to a fake AT in its own process that answers HTTP 503 for OUTAGE_S seconds, then comes back.
 * Complaints are filed all through the outage (each queues its acknowledgement, sms.received).
 *
 * How the time is compressed: the outage lasts 60 s instead of 1,200 s (x20). The breaker probes
 * every SMS_PROBE_SECONDS=1 instead of 5 (x5; 1 s is the setting's floor), so the outage costs 60
 * probes where 20 real minutes would cost 240: every probe takes the oldest message and must give
 * it back at no attempt's cost. The drain timer runs every second instead of two. Readiness says
 * "SMS failing" after READY_SMS_FAILING_MINUTES=1 instead of 15 (x15, the setting's floor).
 * SMS_RETRY_HOURS stays 48: a 20-minute outage is far inside it at any compression.
 */
import path from 'node:path';
import { tempDir } from '../sim/processes';
import { emptyTally, runCallers } from './callers';
import { outboxByStatus, query } from './db';
import { printFigures } from './figures';
import {
  failedChecks,
  killAllServers,
  readyz,
  sleep,
  startServer,
  type ReadyAnswer,
} from './server';
import {
  spawnSwitchableFakeAt,
  type SwitchableFakeAt,
  type SwitchCounts,
} from './switchable-fake-at';

const OUTAGE_S = 60;
const CALLERS = 2;
/** Pause between two filings of one caller: about 4 filings a second in all, ~240 acknowledgements. */
const PAUSE_MS = 400;
/** Product requirement (DESIGN.md): the backlog starts draining within 10 s of recovery. */
const RECOVERY_BOUND_MS = 10_000;

interface OutboxRow {
  id: number;
  body: string;
  status: string;
  attempts: number;
  template: string;
}

describe('an SMS API outage of 20 minutes, compressed to 60 s', () => {
  const temp = tempDir();
  const dbFile = path.join(temp.dir, 'kero.db');
  const logFile = path.join(temp.dir, 'server.log');
  let fake: SwitchableFakeAt | undefined;

  afterAll(async () => {
    await killAllServers();
    await fake?.close();
    temp.remove();
  });

  test('when AT is down for the outage, then every acknowledgement is sent exactly once after', async () => {
    fake = await spawnSwitchableFakeAt();
    const server = await startServer({
      dbFile,
      logFile,
      env: {
        AT_API_KEY: 'fake-key',
        AT_USERNAME: 'kero-test',
        AT_API_BASE_URL: fake.url,
        SMS_PROBE_SECONDS: '1',
        SMS_DISPATCH_INTERVAL_SECONDS: '1',
        READY_SMS_FAILING_MINUTES: '1',
        DAILY_COMPLAINT_LIMIT: '1000000',
      },
    });
    // The first half of the outage AT answers 503, the second half it drops every connection.
    await fake.down('503');
    const downAt = Date.now();
    const switchFake = fake;
    const halfway = setTimeout(
      () => {
        switchFake.down('reset').catch(() => undefined);
      },
      (OUTAGE_S * 1000) / 2,
    );
    const tally = emptyTally();
    await runCallers({
      port: server.port,
      callers: CALLERS,
      phoneBase: 40_000_000,
      tally,
      pauseMs: PAUSE_MS,
      stop: () => Date.now() - downAt >= (OUTAGE_S - 1) * 1000,
    });
    await sleep(Math.max(0, downAt + OUTAGE_S * 1000 - Date.now()));
    // Readiness turns 503 once SMS have failed for a minute: keep AT down until it does (a few s).
    let duringOutage: ReadyAnswer = await readyz(server.url);
    while (!failedChecks(duringOutage).includes('sms') && Date.now() - downAt < OUTAGE_S * 1250) {
      await sleep(500);
      duringOutage = await readyz(server.url);
    }
    const outageMs = Date.now() - downAt;
    clearTimeout(halfway);
    const beforeUp = outboxByStatus(dbFile);
    // A probe may be on its way at that instant: its row is 'sending', not 'queued'.
    const waitingAtRecovery = (beforeUp.queued ?? 0) + (beforeUp.sending ?? 0);
    const refusedDuringOutage = (await fake.counts()).refused;
    await fake.up();

    // Wait until nothing is left to send (bounded: a stuck queue fails the assertions below).
    const drainDeadline = Date.now() + 90_000;
    let byStatus = outboxByStatus(dbFile);
    while (Date.now() < drainDeadline && (byStatus.queued ?? 0) + (byStatus.sending ?? 0) > 0) {
      await sleep(250);
      byStatus = outboxByStatus(dbFile);
    }
    const afterUp = await readyz(server.url);
    const counts: SwitchCounts = await fake.counts();
    const rows = query<OutboxRow>(
      dbFile,
      'SELECT id, body, status, attempts, template FROM sms_outbox ORDER BY id',
    );
    const acks = rows.filter((r) => r.template === 'sms.received');
    const upAt = counts.upAt ?? NaN;
    const firstAccepted = Math.min(...counts.acceptedAt.filter((t) => t >= upAt));
    const lastAccepted = Math.max(...counts.acceptedAt);
    const notOnce = acks.filter((r) => counts.accepted[r.body] !== 1);
    const unknownBodies = Object.keys(counts.accepted).filter(
      (body) => !rows.some((r) => r.body === body),
    );

    printFigures('SMS API outage', {
      'outage s (stands for 20 min)': Math.round(outageMs / 1000),
      'probe every s (default 5)': 1,
      'outage kinds': 'HTTP 503, then dropped connections',
      'complaints filed during the outage': tally.shown.length,
      'acknowledgements queued': acks.length,
      'waiting at recovery': waitingAtRecovery,
      'probes refused by AT (240 in 20 real min)': refusedDuringOutage,
      'readyz during the outage': `${duringOutage.status} ${failedChecks(duringOutage).join('+')}`,
      'up to first accepted ms': firstAccepted - upAt,
      'up to all sent ms': lastAccepted - upAt,
      'accepted exactly once': acks.length - notOnce.length,
      'readyz after recovery': afterUp.status,
    });

    expect(tally.badAnswers).toEqual([]);
    expect(tally.errorScreens).toEqual([]);
    expect(tally.shown.length).toBeGreaterThan(100);
    expect(acks.length).toBe(tally.shown.length);
    // The outage was felt: messages waited, and the breaker probed instead of hammering AT.
    expect(waitingAtRecovery).toBe(acks.length);
    expect(refusedDuringOutage).toBeGreaterThanOrEqual(OUTAGE_S / 2);
    expect(refusedDuringOutage).toBeLessThanOrEqual(OUTAGE_S * 2);
    expect(duringOutage.status).toBe(503);
    expect(failedChecks(duringOutage)).toContain('sms');
    // After recovery: every acknowledgement sent, each accepted by AT exactly once, none failed,
    // and the outage cost no attempt.
    expect(byStatus).toEqual({ sent: rows.length });
    expect(notOnce.map((r) => ({ id: r.id, accepted: counts.accepted[r.body] ?? 0 }))).toEqual([]);
    expect(unknownBodies).toEqual([]);
    expect(acks.filter((r) => r.attempts !== 1).map((r) => r.id)).toEqual([]);
    expect(firstAccepted - upAt).toBeLessThanOrEqual(RECOVERY_BOUND_MS);
    expect(afterUp.status).toBe(200);
  }, 240_000);
});
