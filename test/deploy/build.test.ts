/**
 * The production start: `npm run build` into a temporary folder laid out like /opt/kero (dist/
 * beside a node_modules of production packages only, without tsx), then `node dist/src/main.js`
 * there: it migrates a new database, answers a first USSD hop, GET /healthz and an Open311 page
 * (from a read worker thread), and exits 0 on SIGTERM after closing the database.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { ussdBody } from '../../bench/load';
import { ROOT, tempDir } from '../sim/processes';
import { startNodeServer, USSD_PATH, type ServerChild } from './server-process';

/** tsc over src/, db/ and menus/ takes 10-30 s on the shared 2 cores. */
const BUILD_TIMEOUT = 90_000;

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/**
 * What `npm prune --omit=dev` leaves (deploy/Dockerfile), minus tsx: the production packages of
 * package-lock.json, linked from the project's node_modules. The built start must need no other.
 */
function productionNodeModules(dir: string): void {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!/^node_modules\/(@[^/]+\/)?[^/]+$/.test(key) || entry.dev || key === 'node_modules/tsx') {
      continue;
    }
    mkdirSync(path.dirname(path.join(dir, key)), { recursive: true });
    symlinkSync(path.join(ROOT, key), path.join(dir, key));
  }
}

describe('the production build', () => {
  const temp = tempDir();
  const dist = path.join(temp.dir, 'dist');
  let build: { code: number | null; output: string };
  let server: ServerChild | undefined;

  beforeAll(async () => {
    productionNodeModules(temp.dir);
    build = await run('npm', ['run', 'build', '--', '--out-dir', dist]);
  }, BUILD_TIMEOUT);

  afterAll(() => {
    server?.kill();
    temp.remove();
  });

  test('when built, then dist/ holds the server, the migrations and the seed, and no tests', () => {
    expect(build).toMatchObject({ code: 0 });
    for (const file of [
      'src/main.js',
      'src/cli/admin/kero.js',
      'db/migrations/meta/_journal.json',
      'db/migrations/0000_init.sql',
      'db/seed/tz-admin-units.json',
      'menus/index.js',
    ]) {
      expect([file, existsSync(path.join(dist, file))]).toEqual([file, true]);
    }
    expect(readdirSync(dist).sort()).toEqual(['db', 'menus', 'src']);
  });

  test('when started with node from the build, then it serves USSD and health and stops cleanly on SIGTERM', async () => {
    expect(existsSync(path.join(temp.dir, 'node_modules', 'tsx'))).toBe(false);
    const dbFile = path.join(temp.dir, 'kero.db');
    server = await startNodeServer(['dist/src/main.js'], temp.dir, dbFile);
    const hop = await fetch(`${server.url}${USSD_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: ussdBody('ATUid_build_1', '+255712345678', ''),
    });
    expect(hop.status).toBe(200);
    expect(await hop.text()).toMatch(/^CON .*Kiswahili/s);
    const health = await fetch(`${server.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${server.url}/readyz`);
    expect([ready.status, ((await ready.json()) as { ready: boolean }).ready]).toEqual([200, true]);
    // Answered by a read worker thread, which loads the built code (no TypeScript loader there).
    const feed = await fetch(`${server.url}/open311/v2/requests.json`);
    expect([feed.status, await feed.text()]).toEqual([200, '[]']);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    // Logged just before the exit, after the database closed: the shutdown ran to its end.
    expect(server.output()).toContain('"msg":"stopped"');
    // The last connection to close checkpoints the WAL into the database and removes it.
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
  }, 40_000);
});
