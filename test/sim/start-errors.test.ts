/**
 * The real server started on a database path it cannot use, or on a port another program holds:
 * one line naming the path or the port and why, exit 1, no stack trace, the lock released.
 */
import fs from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { childEnv, freePort, runTsx, tempDir } from './processes';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

async function start(databasePath: string) {
  const env = childEnv({ PORT: String(await freePort()), DATABASE_PATH: databasePath });
  return runTsx('src/main.ts', [], env);
}

test('when a folder on the database path is a file, then the start says so in one line and exits 1', async () => {
  const file = path.join(tmp.dir, 'notes.txt');
  fs.writeFileSync(file, 'not a folder');

  const run = await start(path.join(file, 'data', 'kero.db'));

  expect(run.code).toBe(1);
  expect(run.stderr).toBe(
    `Kero cannot open its database ${file}/data/kero.db (DATABASE_PATH): ${file} is a file, not a folder\n`,
  );
}, 60_000);

test('when the database file is not a SQLite database, then the start says so and exits 1', async () => {
  const file = path.join(tmp.dir, 'kero.db');
  fs.writeFileSync(file, 'this is a text file, not a database\n'.repeat(200));

  const run = await start(file);

  expect(run.code).toBe(1);
  expect(run.stderr).toBe(
    `Kero cannot open its database ${file} (DATABASE_PATH): ${file} is not a SQLite database\n`,
  );
  expect(run.stderr).not.toMatch(/\n\s+at /);
}, 60_000);

test('when the database path is a folder, then the start says so and exits 1', async () => {
  const folder = path.join(tmp.dir, 'a-folder.db');
  fs.mkdirSync(folder);

  const run = await start(folder);

  expect(run.code).toBe(1);
  expect(run.stderr).toBe(
    `Kero cannot open its database ${folder} (DATABASE_PATH): ${folder} is a folder\n`,
  );
}, 60_000);

describe('when another program listens on the port', () => {
  let other: Server;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    other = createServer((socket) => socket.end('not kero\n'));
    await new Promise<void>((resolve) => other.listen(port, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

  test('then the start says which port and host in one line, exits 1 and leaves no lock', async () => {
    const file = path.join(tmp.dir, 'busy-port.db');
    const env = childEnv({ PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: file });

    const run = await runTsx('src/main.ts', [], env);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `Kero cannot start: port ${port} on 127.0.0.1 is already in use (PORT, HOST): ` +
        'stop the program using it or choose another PORT\n',
    );
    expect(run.stdout).not.toContain('kero listening');
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    // The database was closed cleanly: its WAL was checkpointed away.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  }, 60_000);
});
