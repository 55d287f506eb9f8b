/**
 * The lock and the backup commands against the real server (`tsx src/main.ts` on a temporary
 * database): a second server on the same file exits, `kero backup` copies the live database,
 * `kero restore` refuses while the server runs, and a clean stop removes the lock.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { verifyBackup } from '../../src/ops/backup';
import {
  childEnv,
  freePort,
  runTsx,
  startServer,
  tempDir,
  TOKEN,
  type RunningServer,
} from '../sim/processes';

jest.setTimeout(90_000);

let tmp: ReturnType<typeof tempDir>;
let server: RunningServer;
beforeAll(async () => {
  tmp = tempDir();
  server = await startServer(tmp.dir);
});
afterAll(async () => {
  await server.stop();
  tmp.remove();
});

const cli = (args: string[]) =>
  runTsx(
    'src/cli/admin/kero.ts',
    args,
    childEnv({ DATABASE_PATH: server.dbFile, LOG_LEVEL: 'silent' }),
  );
const lockOwner = () =>
  JSON.parse(readFileSync(`${server.dbFile}.lock`, 'utf8')) as { pid: number; startedAt: string };

test('when a second server starts on the same database, then it exits 1 with one line naming the holder', async () => {
  const env = childEnv({
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    DATABASE_PATH: server.dbFile,
    WEBHOOK_TOKEN: TOKEN,
    LOG_LEVEL: 'silent',
  });

  const second = await runTsx('src/main.ts', [], env);

  expect(second.code).toBe(1);
  const { pid, startedAt } = lockOwner();
  expect(second.stderr).toBe(
    `error: ${server.dbFile}: the database is in use by another Kero server (pid ${pid}, since ` +
      `${startedAt}; lock ${server.dbFile}.lock). If no such server runs, delete the lock file.\n`,
  );
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
});

test('when the server runs, then kero backup --verify copies its database and kero restore refuses', async () => {
  const file = path.join(tmp.dir, 'online.db');

  const backup = await cli(['backup', file, '--verify']);

  expect(backup.stderr).toBe('');
  expect(backup.code).toBe(0);
  expect(backup.stdout).toMatch(/\nVerified: integrity_check ok; 0 complaints, 0 staff, /);
  expect(verifyBackup(file)).toMatchObject({ ok: true, complaints: 0 });

  const restore = await cli(['restore', file]);

  expect(restore.code).toBe(1);
  expect(restore.stderr).toBe(
    `error: a Kero server (pid ${lockOwner().pid}) is using ${server.dbFile}: stop it, then restore ` +
      `(lock ${server.dbFile}.lock)\n`,
  );
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
});

test('when the server stops cleanly, then its lock file is gone', async () => {
  expect(existsSync(`${server.dbFile}.lock`)).toBe(true);

  await server.stop();

  // tsx may exit a moment before the server process it runs has finished its shutdown.
  for (let waited = 0; existsSync(`${server.dbFile}.lock`) && waited < 10_000; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(existsSync(`${server.dbFile}.lock`)).toBe(false);
});
