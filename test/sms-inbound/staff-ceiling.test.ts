/**
 * Registered staff are never dropped by the inbound limits: past their own hourly ceiling their
 * commands wait (`deferred`) and are carried out later, in order, by runDeferredInbound.
 */
import { inboundDeps } from '../../src/http/routes/sms-inbound';
import { runDeferredInbound } from '../../src/sms/inbound';
import { en } from '../helpers/ussd-paths';
import {
  CITIZEN,
  complaintById,
  eventsOf,
  HOUR,
  inboundRows,
  lastOutboxId,
  openSms,
  outboxAfter,
  staffDesk,
  type Sms,
} from './world';

let s: Sms;
afterEach(() => s.close());

const CEILING = 2;

function open() {
  s = openSms({ smsInboundLimitPerHour: 1, smsStaffLimitPerHour: CEILING });
  return { d: staffDesk(s), c: s.file({ council: 'DAR-KIM', phone: CITIZEN }) };
}

const runDeferred = () => runDeferredInbound(inboundDeps(s.t.deps));

test('when a staff member goes past the ceiling, then the extra commands wait, unrun, with one notice', async () => {
  const { d, c } = open();
  const from = lastOutboxId(s.t);

  await s.send(d.neema.phone, `N ${c.number} moja`);
  await s.send(d.neema.phone, `N ${c.number} mbili`);
  await s.send(d.neema.phone, `N ${c.number} tatu`);
  await s.send(d.neema.phone, `R ${c.number} nne`);

  expect(inboundRows(s.t).map((r) => r.handledAs)).toEqual([
    'staff_command',
    'staff_command',
    'deferred',
    'deferred',
  ]);
  expect(
    eventsOf(s.t, c.id)
      .filter((e) => e.type === 'note')
      .map((e) => e.note),
  ).toEqual(['moja', 'mbili']);
  expect(outboxAfter(s.t, from).map((m) => m.template)).toEqual([
    'sms.cmd.noted',
    'sms.cmd.noted',
    'sms.cmd.deferred',
  ]);
  expect(outboxAfter(s.t, from)[2]?.body).toBe(en('sms.cmd.deferred', { limit: CEILING }));
});

test('when the hour has moved on, then the waiting commands are carried out in the order they came', async () => {
  const { d, c } = open();
  for (const word of ['moja', 'mbili', 'tatu', 'nne', 'tano']) {
    await s.send(d.neema.phone, `N ${c.number} ${word}`);
    s.t.clock.advance(60_000);
  }
  expect(runDeferred()).toBe(0);

  // 60 min after the first: only the second command (at 1 min) is still within the hour.
  s.t.clock.advance(HOUR - 5 * 60_000);
  expect(runDeferred()).toBe(1);
  s.t.clock.advance(60_000);
  expect(runDeferred()).toBe(1);
  s.t.clock.advance(HOUR);
  expect(runDeferred()).toBe(1);
  expect(runDeferred()).toBe(0);

  expect(
    eventsOf(s.t, c.id)
      .filter((e) => e.type === 'note')
      .map((e) => e.note),
  ).toEqual(['moja', 'mbili', 'tatu', 'nne', 'tano']);
  expect(inboundRows(s.t).every((r) => r.handledAs === 'staff_command')).toBe(true);
  expect(inboundRows(s.t).every((r) => r.handledAt !== null)).toBe(true);
});

test('when a command arrives while earlier ones wait, then it waits behind them even under the ceiling', async () => {
  const { d, c } = open();
  await s.send(d.neema.phone, `N ${c.number} moja`);
  await s.send(d.neema.phone, `N ${c.number} mbili`);
  await s.send(d.neema.phone, `N ${c.number} tatu`);
  s.t.clock.advance(HOUR);
  const from = lastOutboxId(s.t);

  await s.send(d.neema.phone, `DONE ${c.number} nne`);

  expect(inboundRows(s.t).at(-1)?.handledAs).toBe('deferred');
  expect(complaintById(s.t, c.id).status).not.toBe('resolved');
  // No second notice while the first run of waiting commands lasts.
  expect(outboxAfter(s.t, from)).toEqual([]);
  expect(runDeferred()).toBe(2);
  expect(
    eventsOf(s.t, c.id)
      .map((e) => e.type)
      .slice(-2),
  ).toEqual(['note', 'resolved']);
});

test('when another staff member writes, then their own ceiling applies', async () => {
  const { d, c } = open();
  for (const word of ['moja', 'mbili', 'tatu'])
    await s.send(d.neema.phone, `N ${c.number} ${word}`);

  await s.send(d.darSup.phone, `N ${c.number} msimamizi`);

  expect(inboundRows(s.t).map((r) => r.handledAs)).toEqual([
    'staff_command',
    'staff_command',
    'deferred',
    'staff_command',
  ]);
});
