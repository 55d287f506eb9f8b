/**
 * `kero sms status` and `kero sms retry` on a real database file, through the real CLI process.
 */
import { eq } from 'drizzle-orm';
import { smsOutbox } from '../../db/schema';
import { enqueueSms } from '../../src/outbox/repository';
import { tanzanianDateTime } from '../../src/text/calendar';
import { CLI_TIMEOUT, tempDatabase, type TempDatabase } from './kero-cli';

let t: TempDatabase;
beforeEach(() => {
  t = tempDatabase();
});
afterEach(() => t.remove());

const T0 = Date.UTC(2026, 10, 2, 6, 0, 0);
const MINUTE = 60_000;

/** Seven messages in every state the outbox knows, all queued on 2 November 2026 or later. */
function seed(): void {
  t.use((db) => {
    const add = (to: string, set: Partial<typeof smsOutbox.$inferInsert>, at = T0) => {
      enqueueSms(db, { toPhone: to, body: `to ${to}`, template: 'test' }, at);
      if (Object.keys(set).length > 0) {
        db.update(smsOutbox).set(set).where(eq(smsOutbox.toPhone, to)).run();
      }
    };
    add('+255700000001', {});
    add('+255700000002', { nextAttemptAt: Date.now() + 60 * MINUTE, attempts: 1 });
    add('+255700000003', { status: 'sent', sentAt: T0, deliveryStatus: 'Success' });
    add('+255700000004', {
      status: 'failed',
      failure: 'rejected',
      lastError: '403 InvalidPhoneNumber',
    });
    add('+255700000005', {
      status: 'failed',
      failure: 'expired',
      lastError: 'not sent within 48 h',
    });
    add('+255700000006', { status: 'failed', failure: 'attempts' }, T0 - 10 * 24 * 60 * MINUTE);
    const morning = Date.now() + 8 * 60 * MINUTE;
    add('+255700000007', {
      nextAttemptAt: morning,
      heldAt: Date.now(),
      heldUntil: morning,
      heldReason: 'quiet_hours',
    });
  });
}

const rows = () =>
  t.use((db) =>
    db
      .select({ to: smsOutbox.toPhone, status: smsOutbox.status, failure: smsOutbox.failure })
      .from(smsOutbox)
      .all(),
  );

test(
  'when the outbox holds messages in every state, then sms status counts each and names the oldest queued',
  () => {
    seed();
    const json = t.run(['sms', 'status', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      queuedDue: 1,
      queuedLater: 1,
      queuedHeld: 1,
      sending: 0,
      sent: 1,
      delivered: 1,
      failed: { rejected: 1, attempts: 1, expired: 1, other: 0 },
      oldestQueuedAt: T0,
      lastSentAt: T0,
    });
    const text = t.run(['sms', 'status']);
    expect(text.stdout).toContain(
      'queued   3 (due now 1, waiting for a retry 1, held for quiet hours 1)',
    );
    expect(text.stdout).toContain('failed   3 (rejected by AT 1, out of attempts 1, expired 1)');
    expect(text.stdout).toContain(`oldest queued  ${tanzanianDateTime(T0)}`);
  },
  CLI_TIMEOUT,
);

test(
  'when sms retry --failed runs, then what a retry can mend is queued again and a rejection stays failed',
  () => {
    seed();
    const run = t.run(['sms', 'retry', '--failed']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Due now: 1 waiting for a retry, 2 failed queued again.');
    expect(rows().map((r) => [r.to.slice(-1), r.status, r.failure])).toEqual([
      ['1', 'queued', null],
      ['2', 'queued', null],
      ['3', 'sent', null],
      ['4', 'failed', 'rejected'],
      ['5', 'queued', null],
      ['6', 'queued', null],
      ['7', 'queued', null], // still held: it waits for the morning, not for a retry
    ]);
    const held = t.use((db) =>
      db.select().from(smsOutbox).where(eq(smsOutbox.toPhone, '+255700000007')).get(),
    );
    expect(held?.nextAttemptAt).toBe(held?.heldUntil);
  },
  CLI_TIMEOUT,
);

test(
  'when sms retry runs with --since, then only messages queued since that day move',
  () => {
    seed();
    const run = t.run(['sms', 'retry', '--failed', '--since', '2026-11-01']);
    expect(run.stdout).toContain('Due now: 1 waiting for a retry, 1 failed queued again.');
    expect(rows().find((r) => r.to.endsWith('6'))?.status).toBe('failed');

    const bad = t.run(['sms', 'retry', '--since', '2026-13-01']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error: --since: 2026-13-01 is not a date (YYYY-MM-DD)');
  },
  CLI_TIMEOUT,
);
