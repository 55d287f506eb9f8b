/**
 * kill -9 under a filing load: the real server on a temporary database (local SMS mode), callers
 * filing complaints continuously on keep-alive connections, SIGKILL to the server's process group
 * in the middle, a restart on the same file (the stale lock is taken over), twice. Every complaint
 * number a caller was shown must be in `complaints` after the restart: a number is shown only
 * after the COMMIT (synchronous = FULL) that stored it.
 */
import path from 'node:path';
import { tempDir } from '../sim/processes';
import { emptyTally, runCallers, type CallerTally } from './callers';
import { query } from './db';
import { printFigures } from './figures';
import { killAllServers, sleep, startServer, type KeroServer } from './server';

const CALLERS = 16;
const KILLS = 2;
/** Load before each kill; a little jitter so that the kill does not land on the same hop. */
const LOAD_MS = 4_000;

interface Round {
  tally: CallerTally;
  inFlightAtKill: number;
  stored: number;
  restartMs: number;
}

describe('kill -9 under a filing load', () => {
  const temp = tempDir();
  const dbFile = path.join(temp.dir, 'kero.db');
  const logFile = path.join(temp.dir, 'server.log');
  const env = { DAILY_COMPLAINT_LIMIT: '1000000' };
  const rounds: Round[] = [];
  let server: KeroServer | undefined;

  afterAll(async () => {
    await killAllServers();
    temp.remove();
  });

  /** Files for LOAD_MS, kills the server -9, restarts it on the same file. */
  async function loadKillRestart(k: number, running: KeroServer): Promise<KeroServer> {
    const tally = emptyTally();
    let stop = false;
    const load = runCallers({
      port: running.port,
      callers: CALLERS,
      phoneBase: 10_000_000 * (k + 1),
      tally,
      stop: () => stop,
    });
    await sleep(LOAD_MS + Math.floor(Math.random() * 500));
    const inFlightAtKill = tally.inFlight;
    await running.kill9();
    stop = true;
    await load;
    const started = Date.now();
    const restarted = await startServer({ dbFile, logFile, env });
    const restartMs = Date.now() - started;
    const stored = query<{ n: number }>(dbFile, 'SELECT count(*) AS n FROM complaints')[0]?.n ?? 0;
    rounds.push({ tally, inFlightAtKill, stored, restartMs });
    return restarted;
  }

  test('when the server is killed -9 twice mid-filing, then every number shown is stored', async () => {
    server = await startServer({ dbFile, logFile, env });
    for (let k = 0; k < KILLS; k++) server = await loadKillRestart(k, server);

    const stored = new Set(
      query<{ number: string }>(dbFile, 'SELECT number FROM complaints').map((r) => r.number),
    );
    const shown = rounds.flatMap((r) => r.tally.shown);
    const missing = shown.filter((n) => !stored.has(n));
    const shownUpTo = (k: number) =>
      rounds.slice(0, k + 1).reduce((sum, r) => sum + r.tally.shown.length, 0);
    rounds.forEach((r, k) =>
      printFigures(`kill -9 under load, kill ${k + 1}/${KILLS}`, {
        callers: CALLERS,
        shown: r.tally.shown.length,
        'complaints in db after restart': r.stored,
        'stored but not shown (cumulative)': r.stored - shownUpTo(k),
        'requests in flight at the kill': r.inFlightAtKill,
        'requests sent': r.tally.requests,
        'broken by the kill': r.tally.broken,
        'restart to healthy ms': r.restartMs,
      }),
    );
    printFigures('kill -9 under load, total', {
      shown: shown.length,
      'shown and found': shown.length - missing.length,
      missing: missing.length,
      'complaints in db': stored.size,
    });

    const integrity = query<{ integrity_check: string }>(dbFile, 'PRAGMA integrity_check');
    expect(missing).toEqual([]);
    for (const r of rounds) {
      expect(r.tally.shown.length).toBeGreaterThan(0);
      expect(r.inFlightAtKill).toBeGreaterThan(0);
      expect(r.tally.badAnswers).toEqual([]);
      expect(r.tally.errorScreens).toEqual([]);
    }
    expect(new Set(shown).size).toBe(shown.length);
    expect(integrity.map((r) => r.integrity_check)).toEqual(['ok']);
    // The restarted server took the stale lock over and files again.
    expect(server.log()).not.toMatch(/"level":(50|60)/);
  }, 180_000);
});
