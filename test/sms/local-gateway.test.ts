/** Local mode (no AT_API_KEY): messages are logged in full, phones masked, and rows marked sent. */
import { inTransaction, openDatabase } from '../../db/client';
import { CODE_TEMPLATE } from '../../src/console/auth/sign-in';
import { enqueueSms } from '../../src/outbox/repository';
import { createDispatcher } from '../../src/sms/dispatcher';
import { createLocalGateway } from '../../src/sms/local-gateway';
import { T0 } from '../helpers/app';
import { allRows, capturingLogger, queueMessages } from './support';

test('when the local gateway drains the outbox, then every row is sent with a local id and logged', async () => {
  const db = openDatabase(':memory:');
  try {
    queueMessages(db, 3, T0, 'Malalamiko yako yamepokelewa');
    const { logger, lines } = capturingLogger();
    const dispatcher = createDispatcher({
      db,
      gateway: createLocalGateway({ logger }),
      now: () => T0 + 500,
      random: () => 0.5,
      logger,
      concurrency: 10,
      maxAttempts: 6,
      leaseMs: 60_000,
    });

    expect(await dispatcher.drainOnce()).toEqual({ sent: 3, retried: 0, failed: 0, deferred: 0 });

    expect(allRows(db).map((r) => [r.status, r.messageId, r.sentAt, r.cost])).toEqual([
      ['sent', 'local-1', T0 + 500, null],
      ['sent', 'local-2', T0 + 500, null],
      ['sent', 'local-3', T0 + 500, null],
    ]);
    const logged = lines.filter((l) => l.msg === 'SMS (local mode: logged, not sent)');
    expect(logged.map((l) => [l.level, l.to, l.text, l.messageId])).toEqual([
      [30, '+255*****00', 'Malalamiko yako yamepokelewa 0', 'local-1'],
      [30, '+255*****01', 'Malalamiko yako yamepokelewa 1', 'local-2'],
      [30, '+255*****02', 'Malalamiko yako yamepokelewa 2', 'local-3'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('+255712310000');
  } finally {
    db.$client.close();
  }
});

test('when a sign-in code goes out in local mode, then it is also printed as one plain line, and other SMS are not', async () => {
  const db = openDatabase(':memory:');
  try {
    const text = 'Kero sign-in code: 482913. It works once, for 5 minutes. Never share it.';
    inTransaction(db, (tx) => {
      enqueueSms(tx, { toPhone: '+255711000005', body: text, template: CODE_TEMPLATE }, T0);
      enqueueSms(tx, { toPhone: '+255711000006', body: 'Ujumbe', template: 'sms.ack' }, T0);
    });
    const printed: string[] = [];
    const { logger } = capturingLogger();
    const gateway = createLocalGateway({ logger, printLine: (line) => printed.push(line) });
    const dispatcher = createDispatcher({
      ...{ db, gateway, now: () => T0, random: () => 0.5, logger },
      ...{ concurrency: 10, maxAttempts: 6, leaseMs: 60_000 },
    });

    expect(await dispatcher.drainOnce()).toMatchObject({ sent: 2 });

    expect(printed).toEqual([`SIGN-IN SMS to +255*****05 (local mode, not sent): ${text}`]);
  } finally {
    db.$client.close();
  }
});
