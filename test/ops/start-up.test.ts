/**
 * Start-up on a database an upgrade left work in: the server listens first and fills in the older
 * complaints afterwards, in the background (db/job-runner.ts). Before this, every fill-in ran to
 * its end before `listen`: minutes of silence at a million complaints.
 */
import pino from 'pino';
import { openDatabase, openReadOnly } from '../../db/client';
import { makeComplaintNumber } from '../../src/complaints/core/numbers';
import { parseConfig } from '../../src/config';
import { escalationDeps } from '../../src/deps';
import { startServer } from '../../src/server';
import { seededRandomInt, T0 } from '../helpers/app';
import { forgetFillIns } from '../helpers/upgrade';
import { fileFor, HOUR } from '../helpers/world';
import { freePort, tempDir } from '../sim/processes';

const COMPLAINTS = 2000;

function seedUpgrade(file: string): void {
  const db = openDatabase(file);
  const parsed = parseConfig({});
  if (!parsed.ok) throw new Error(parsed.message);
  const { reference, policy } = escalationDeps(parsed.config, db);
  const random = seededRandomInt(3);
  db.$client.transaction(() => {
    for (let i = 0; i < COMPLAINTS; i++) {
      const at = { number: makeComplaintNumber(random), now: T0 + i * HOUR, policy };
      fileFor(db, reference, at, { council: 'DAR-KIM', place: 'Kata ya Makole' });
    }
  })();
  forgetFillIns(db);
  db.$client.close();
}

test('when a database needs its older complaints filled in, then the server listens first and fills them in afterwards', async () => {
  const tmp = tempDir();
  const file = `${tmp.dir}/kero.db`;
  seedUpgrade(file);
  const reader = openReadOnly(file);
  const missing = () =>
    reader.$client
      .prepare('SELECT count(*) FROM complaints WHERE first_response_due_at IS NULL')
      .pluck()
      .get() as number;
  const seen: { listening?: number; finished: string[] } = { finished: [] };
  let allDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allDone = resolve));
  // pino calls write() synchronously: the count is taken at the instant the line is logged.
  const logger = pino(
    { level: 'info' },
    {
      write(line: string) {
        const { msg, job } = JSON.parse(line) as { msg: string; job?: string };
        if (msg === 'kero listening') seen.listening = missing();
        if (msg === 'background job finished' && job) seen.finished.push(job);
        if (seen.finished.length === 3) allDone();
      },
    },
  );
  const parsed = parseConfig({
    DATABASE_PATH: file,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    WEBHOOK_TOKEN: 'start-up-test-token-0123456789',
  });
  if (!parsed.ok) throw new Error(parsed.message);
  const server = startServer(parsed.config, openDatabase(file), logger);
  try {
    await done;
    expect(seen.listening).toBe(COMPLAINTS);
    expect(seen.finished).toEqual(['due_times', 'work_times', 'place_keys']);
    expect(missing()).toBe(0);
  } finally {
    await server.stop();
    reader.$client.close();
    tmp.remove();
  }
}, 60_000);
