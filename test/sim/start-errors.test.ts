/**
 * The real server started on a database path it cannot use: one line naming the path and why,
 * exit 1, no stack trace.
 */
import fs from 'node:fs';
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
