/**
 * Spawn / wait / stop helpers for the servers under test. Each server runs in its own process
 * group (started with tsx, like `npm start`), listens on 127.0.0.1 and is stopped with SIGTERM
 * (SIGKILL after a grace period). Output is drained into a short ring buffer shown on failure.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
/** Kero's config wants a webhook token of at least 16 characters. */
export const WEBHOOK_TOKEN = 'bench-token-0123456789';

export interface ServerProcess {
  name: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** CPU seconds used so far by the server's process tree (tsx + node), from /proc (Linux). */
  cpuSeconds(): number;
  /**
   * SIGSTOP / SIGCONT to the server's process group: a server that is not being measured must
   * not run its timers (Kero's SMS dispatcher, its checkpoint worker) on the other's time.
   */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** Unref'd: a pending grace-period timer never keeps the bench alive. */
const grace = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms).unref());

function getStatus(port: number, urlPath: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: urlPath, timeout: 1000, agent: false },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

const live = new Set<ServerProcess>();

/** utime + stime of `pid` and its descendants, in seconds (USER_HZ = 100); NaN off Linux. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = (Number(fields[11]) + Number(fields[12])) / 100;
    const children = fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' '))
      .filter((c) => c.trim() !== '');
    return children.reduce((sum, c) => sum + cpuSecondsOf(Number(c)), own);
  } catch {
    return NaN;
  }
}

/** Stops every server still running (used on errors and Ctrl-C). */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((s) => s.stop()));
}

export async function startServer(
  name: string,
  script: string,
  env: Record<string, string>,
  afterStop: () => void = () => undefined,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(TSX, [script], {
    cwd: ROOT,
    env: { ...process.env, ENV_FILE: 'off', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let tail: string[] = [];
  const keep = (chunk: Buffer | string): void => {
    tail = tail.concat(chunk.toString().split('\n')).slice(-40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let alive = true;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (err) => {
      keep(`spawn failed: ${err.message}`);
      resolve();
    });
  }).then(() => {
    alive = false;
  });

  const signal = (sig: NodeJS.Signals): void => {
    try {
      if (alive && child.pid !== undefined) process.kill(-child.pid, sig); // its process group
    } catch {
      // already gone
    }
  };
  let stopping: Promise<void> | undefined;
  const server: ServerProcess = {
    name,
    port,
    child,
    output: () => tail.join('\n').trim(),
    cpuSeconds: () => (child.pid === undefined ? NaN : cpuSecondsOf(child.pid)),
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    stop: () =>
      (stopping ??= (async () => {
        live.delete(server);
        signal('SIGCONT');
        signal('SIGTERM');
        await Promise.race([exited, grace(12_000)]);
        signal('SIGKILL');
        await Promise.race([exited, grace(2000)]);
        afterStop();
      })()),
  };
  live.add(server);

  const deadline = Date.now() + timeoutMs;
  while (alive && Date.now() < deadline) {
    if ((await getStatus(port, '/healthz')) === 200) return server;
    await sleep(200);
  }
  const why = alive ? `did not answer 200 on GET /healthz within ${timeoutMs / 1000} s` : 'exited';
  await server.stop();
  throw new Error(`${name} ${why}; its output:\n${server.output() || '(none)'}`);
}

/** Starts `src/main.ts` like `npm start`, on a fresh database in a temp dir removed on stop. */
export async function startKero(): Promise<{ server: ServerProcess; dbPath: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kero-bench-'));
  const dbPath = path.join(dir, 'kero.db');
  const remove = (): void => fs.rmSync(dir, { recursive: true, force: true });
  const env = {
    DATABASE_PATH: dbPath,
    WEBHOOK_TOKEN,
    DAILY_COMPLAINT_LIMIT: '100000000',
    LOG_LEVEL: 'warn',
  };
  return { server: await startServer('kero', 'src/main.ts', env, remove), dbPath };
}

export function startBaseline(): Promise<ServerProcess> {
  return startServer('baseline', 'bench/baseline-server.ts', { WEBHOOK_TOKEN, LOG_LEVEL: 'warn' });
}
