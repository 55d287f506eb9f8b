/**
 * Off-site replication survives the machine: Kero on a file database with REPLICATION=litestream,
 * the real Litestream (the npm binary, the shipped deploy/litestream.yml settings) replicating to
 * a file replica in a temporary folder, callers filing under load, then kill -9 of Kero's and
 * Litestream's process groups at the same moment. The database's folder is deleted (the disk is
 * lost), `litestream restore -o` rebuilds it from the replica alone into a new path, and README
 * "Replication"'s steps follow: `kero restore` puts it in place, Litestream and the real server
 * (`node --import tsx src/main.ts`, what `npm start` runs) start on it, a caller files, both stop
 * in systemd's order, and a second restore holds that filing (replication started again).
 * Every complaint number shown more than 2 s before the kill must be in the restored database,
 * which must pass `PRAGMA integrity_check`. Prints the RPO (the last restored number's age at
 * the kill; the numbers shown but lost) and the restore times.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { childEnv, runTsx, tempDir } from '../sim/processes';
import { emptyTally, fileOne, runCallers } from './callers';
import { query } from './db';
import { printFigures } from './figures';
import {
  killAllLitestreams,
  restoreLitestream,
  startLitestream,
  writeLitestreamConfig,
} from './litestream';
import { killAllServers, readyz, sleep, startServer } from './server';

const CALLERS = 16;
const LOAD_MS = 8_000;
/** Shown this long before the kill: must survive (the bound). */
const SAFE_MS = 2_000;

/** Polls /readyz until its replication check says the replica is up to date (or 15 s pass). */
async function replicaUpToDate(url: string): Promise<string> {
  let detail = 'no answer';
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    detail = (await readyz(url)).body.checks?.replication?.detail ?? 'none';
    if (detail === 'replica disk up to date') break;
    await sleep(250);
  }
  return detail;
}

describe('Litestream replication under a filing load, kill -9 of both, restore', () => {
  const temp = tempDir();
  const live = path.join(temp.dir, 'live');
  const dbFile = path.join(live, 'kero.db');
  const replicaDir = path.join(temp.dir, 'replica');
  const fromReplica = path.join(temp.dir, 'from-replica.db');
  const logFile = path.join(temp.dir, 'server.log');
  const keroEnv = childEnv({ DATABASE_PATH: dbFile, LOG_LEVEL: 'warn' });

  afterAll(async () => {
    await killAllServers();
    await killAllLitestreams();
    temp.remove();
  });

  test('when Kero and Litestream are killed -9 mid-filing and the disk is lost, then the restore holds every number shown 2 s before', async () => {
    mkdirSync(live, { recursive: true });
    const config = await writeLitestreamConfig(temp.dir, dbFile, replicaDir);
    // Litestream first, as systemd orders it: it waits for the database Kero creates.
    const litestream = await startLitestream(config, path.join(temp.dir, 'litestream.log'));
    const env = {
      DAILY_COMPLAINT_LIMIT: '1000000',
      REPLICATION: 'litestream',
      LITESTREAM_METRICS_URL: config.metricsUrl,
    };
    const server = await startServer({ dbFile, logFile, env });

    const tally = emptyTally();
    let stop = false;
    const load = runCallers({
      port: server.port,
      callers: CALLERS,
      phoneBase: 70_000_000,
      tally,
      stop: () => stop,
    });
    const lags: string[] = [];
    const loadEnds = Date.now() + LOAD_MS + Math.floor(Math.random() * 500);
    while (Date.now() < loadEnds) {
      await sleep(1000);
      lags.push((await readyz(server.url)).body.checks?.replication?.detail ?? 'none');
    }
    const killedAt = Date.now();
    const inFlightAtKill = tally.inFlight;
    await Promise.all([server.kill9(), litestream.kill9()]);
    stop = true;
    await load;
    const committed = query<{ n: number }>(dbFile, 'SELECT count(*) AS n FROM complaints')[0]?.n;
    rmSync(live, { recursive: true, force: true });

    const restore = restoreLitestream(config, dbFile, fromReplica);
    const integrity = query<{ integrity_check: string }>(fromReplica, 'PRAGMA integrity_check');
    const stored = new Set(
      query<{ number: string }>(fromReplica, 'SELECT number FROM complaints').map((r) => r.number),
    );
    // Into place as README "Replication" has it, then Litestream and Kero again: it files, and
    // replication starts again (a new generation) from the restored database.
    const putBackAt = Date.now();
    const putBack = await runTsx('src/cli/admin/kero.ts', ['restore', fromReplica], keroEnv);
    const putBackMs = Date.now() - putBackAt;
    const startedAt = Date.now();
    const litestreamAgain = await startLitestream(config, path.join(temp.dir, 'litestream.log'));
    const again = await startServer({ dbFile, logFile, env });
    const startMs = Date.now() - startedAt;
    const after = await fileOne(again.port, 79_000_000);
    const caughtUp = await replicaUpToDate(again.url);
    // systemd's order: Kero stops first, then Litestream ships its last commits and exits.
    await again.stop();
    await litestreamAgain.stop();
    const second = restoreLitestream(config, dbFile, path.join(temp.dir, 'second-restore.db'));
    const inSecond = query<{ n: number }>(
      path.join(temp.dir, 'second-restore.db'),
      'SELECT count(*) AS n FROM complaints WHERE number = ?',
      after.number ?? '',
    )[0]?.n;

    const shown = tally.shown.map((number, i) => ({ number, at: tally.shownAt[i] ?? 0 }));
    const lost = shown.filter((s) => !stored.has(s.number));
    const lostEarly = lost.filter((s) => s.at < killedAt - SAFE_MS);
    const lastRestored = Math.max(...shown.filter((s) => stored.has(s.number)).map((s) => s.at));
    const firstLost = Math.min(...lost.map((s) => s.at));
    printFigures('litestream restore after kill -9', {
      callers: CALLERS,
      'shipped settings': config.intervals,
      shown: shown.length,
      'committed in the lost db': committed ?? 'unknown',
      'in the restored db': stored.size,
      'shown but lost': lost.length,
      'lost that were shown > 2 s before the kill': lostEarly.length,
      'RPO: last restored number shown before the kill, ms': killedAt - lastRestored,
      'oldest lost number shown before the kill, ms': lost.length ? killedAt - firstLost : 0,
      'requests in flight at the kill': inFlightAtKill,
      'litestream restore ms': restore.ms,
      'restored db MB': (statSync(fromReplica).size / 1048576).toFixed(1),
      'kero restore (verify, copy into place) ms': putBackMs,
      'litestream and kero start to healthy ms': startMs,
      'after restarting both, readyz': caughtUp,
      'second restore ms': second.ms,
      'readyz replication under load': lags.join(' | '),
    });

    expect(lostEarly.map((s) => s.number)).toEqual([]);
    expect(integrity.map((r) => r.integrity_check)).toEqual(['ok']);
    expect(shown.length).toBeGreaterThan(100);
    expect(tally.badAnswers).toEqual([]);
    expect(tally.errorScreens).toEqual([]);
    expect(lags.some((l) => /^replica disk (up to date|\d+\.\d s behind)$/.test(l))).toBe(true);
    expect(putBack).toMatchObject({ code: 0 });
    expect(after.number).toMatch(/^\d{8}$/);
    expect(stored.has(after.number ?? '')).toBe(false);
    expect(caughtUp).toBe('replica disk up to date');
    // Replication started again on the restored database: a second restore has the new filing.
    expect(inSecond).toBe(1);
  }, 180_000);
});
