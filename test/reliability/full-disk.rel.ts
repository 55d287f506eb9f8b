/**
 * A full disk: the database on a small tmpfs of its own (mounting one needs root), most of it taken
 * by a filler file, callers filing until the disk is full. Every caller must still get a
 * well-formed USSD screen (an `END ` "try again later", never a 5xx or a broken answer), /readyz
 * must say 503 and name the check that fails, every number shown before must be stored; once the
 * filler is deleted, filing works again and /readyz is 200, without a restart.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../sim/processes';
import { emptyTally, fileOne, runCallers, type CallerTally } from './callers';
import { query } from './db';
import { printFigures } from './figures';
import {
  failedChecks,
  killAllServers,
  readyz,
  sleep,
  startServer,
  type ReadyAnswer,
} from './server';

const TMPFS_MB = 8;
/** Free space left beside the filler: above READY_MIN_FREE_MB at first, filled by the callers. */
const HEADROOM_BYTES = 1536 * 1024;
const CALLERS = 4;
/** The callers go on this long after the first refusal: the disk stays full over a few checkpoints. */
const HOLD_FULL_MS = 4_000;
const FILL_LIMIT_MS = 90_000;

const freeBytes = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

/** Mounts a tmpfs of `mb` MB on `dir`; throws one line when it cannot (not root, no permission). */
function mountTmpfs(dir: string, mb: number): void {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mb}m,mode=0700`, 'kero-rel-tmpfs', dir], {
      stdio: 'pipe',
    });
  } catch (err) {
    // execFileSync's error carries mount's stderr; jest's realm makes instanceof unreliable.
    const { stderr } = err as { stderr?: Buffer };
    const why = (stderr?.toString() || String(err)).trim().split('\n')[0];
    const uid = process.getuid?.() ?? '?';
    throw new Error(`the full-disk test needs root to mount a tmpfs (uid ${uid}): ${why}`);
  }
}

describe('a full disk', () => {
  const temp = tempDir();
  const mountPoint = path.join(temp.dir, 'disk');
  const dbFile = path.join(mountPoint, 'kero.db');
  const filler = path.join(mountPoint, 'filler');
  const logFile = path.join(temp.dir, 'server.log');
  let mounted = false;

  afterAll(async () => {
    await killAllServers();
    if (mounted) {
      try {
        execFileSync('umount', [mountPoint], { stdio: 'pipe' });
      } catch {
        execFileSync('umount', ['-l', mountPoint], { stdio: 'pipe' });
      }
    }
    temp.remove();
  });

  interface Run {
    beforeFill: ReadyAnswer;
    tally: CallerTally;
    fullAt: number | undefined;
    whileFull: ReadyAnswer;
    stored: Set<string>;
    afterFree: ReadyAnswer;
    again: Awaited<ReturnType<typeof fileOne>>;
  }
  let run: Run | undefined;
  const result = (): Run => {
    if (!run) throw new Error('the scenario did not run (see beforeAll)');
    return run;
  };

  beforeAll(async () => {
    mkdirSync(mountPoint);
    mountTmpfs(mountPoint, TMPFS_MB);
    mounted = true;
    const server = await startServer({
      dbFile,
      logFile,
      env: { READY_MIN_FREE_MB: '1', DAILY_COMPLAINT_LIMIT: '1000000' },
    });
    writeFileSync(filler, Buffer.alloc(Math.max(0, freeBytes(mountPoint) - HEADROOM_BYTES)));
    const beforeFill = await readyz(server.url);

    // File until the disk is full, then on for HOLD_FULL_MS; watch /readyz meanwhile.
    const tally = emptyTally();
    const readySeen: ReadyAnswer[] = [];
    let fullAt: number | undefined;
    const started = Date.now();
    const done = () =>
      Date.now() - started > FILL_LIMIT_MS ||
      (fullAt !== undefined && Date.now() - fullAt > HOLD_FULL_MS);
    const watch = (async () => {
      while (!done()) {
        readySeen.push(await readyz(server.url));
        await sleep(500);
      }
    })();
    await runCallers({
      port: server.port,
      callers: CALLERS,
      phoneBase: 50_000_000,
      tally,
      stop: () => {
        if (fullAt === undefined && tally.errorScreens.length > 0) fullAt = Date.now();
        return done();
      },
    });
    await watch;
    const whileFull = await readyz(server.url);
    const freeWhenFull = freeBytes(mountPoint);
    const stored = new Set(
      query<{ number: string }>(dbFile, 'SELECT number FROM complaints').map((r) => r.number),
    );

    // Free the space; no restart.
    rmSync(filler);
    const freedAt = Date.now();
    const again = await fileOne(server.port, 59_000_000);
    let afterFree = await readyz(server.url);
    while (afterFree.status !== 200 && Date.now() - freedAt < 15_000) {
      await sleep(250);
      afterFree = await readyz(server.url);
    }
    const readyAgainMs = Date.now() - freedAt;
    run = { beforeFill, tally, fullAt, whileFull, stored, afterFree, again };

    printFigures('full disk', {
      tmpfs: `${TMPFS_MB} MB`,
      'headroom KB': HEADROOM_BYTES / 1024,
      'filed before full': tally.shown.length,
      'seconds to fill': fullAt === undefined ? 'never' : ((fullAt - started) / 1000).toFixed(1),
      'END error screens': tally.errorScreens.length,
      'bad answers (5xx, broken)': tally.badAnswers.length + tally.broken + tally.refused,
      'free when full KB': Math.round(freeWhenFull / 1024),
      'readyz when full': `${whileFull.status} ${failedChecks(whileFull).join('+')}`,
      'readyz checks failed while full': [
        ...new Set(readySeen.flatMap((r) => failedChecks(r))),
      ].join('+'),
      'filed after freeing': again.number ? 'yes' : 'no',
      'readyz after freeing':
        afterFree.status === 200
          ? `200 after ${readyAgainMs} ms`
          : `${afterFree.status} ${failedChecks(afterFree).join('+')} after ${readyAgainMs} ms`,
    });
  }, 180_000);

  test('when the disk fills up, then every caller still gets a clean END screen', () => {
    const { tally, fullAt } = result();
    expect(tally.shown.length).toBeGreaterThan(0);
    expect(fullAt).toBeDefined();
    // Every answer was a USSD screen, never a 5xx or a cut connection; the refusals are the
    // localised "try again later".
    expect(tally.badAnswers).toEqual([]);
    expect(tally.broken + tally.refused).toBe(0);
    expect(tally.errorScreens.filter((t) => !/^END \S/.test(t))).toEqual([]);
    expect(tally.errorScreens.filter((t) => t.length > 160)).toEqual([]);
  });

  test('when the disk is full, then /readyz is 503 and names the disk', () => {
    const { beforeFill, whileFull } = result();
    expect(beforeFill.status).toBe(200);
    expect(whileFull.status).toBe(503);
    expect(failedChecks(whileFull)).toContain('disk');
  });

  test('when the disk filled up, then every number shown before is stored', () => {
    const { tally, stored } = result();
    expect(tally.shown.filter((n) => !stored.has(n))).toEqual([]);
  });

  test('when space is freed, then filing works again without a restart', () => {
    const { again } = result();
    expect(again.tally.errorScreens).toEqual([]);
    expect(again.number).toMatch(/^\d{8}$/);
  });

  test('when space is freed, then /readyz is 200 again without a restart', () => {
    const { afterFree } = result();
    expect(failedChecks(afterFree)).toEqual([]);
    expect(afterFree.status).toBe(200);
  });
});
