/**
 * The real server for the reliability suite, driven only from outside: `node --import tsx
 * src/main.ts` (one process: no tsx wrapper between the test and the server) in a process group of
 * its own, on a free loopback port, its log appended to a file. `kill9` is SIGKILL to the whole
 * group, as a power cut or the OOM killer would do it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { childEnv, freePort, ROOT, TOKEN } from '../sim/processes';

export const USSD_PATH = `/ussd?token=${TOKEN}`;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface KeroServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly exited: Promise<Exit>;
  /** SIGKILL to the process group; resolves once the server process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (clean shutdown), SIGKILL after 15 s; resolves once gone. */
  stop(): Promise<Exit>;
  /** The log file so far. */
  log(): string;
}

export interface ServerOptions {
  dbFile: string;
  /** The server's stdout and stderr are appended here (kept across restarts). */
  logFile: string;
  env?: Record<string, string>;
  /** How long to wait for GET /healthz (default 60 s: tsx compiles on a loaded 2-core box). */
  healthyWithinMs?: number;
}

const running = new Set<ChildProcess>();

/** A signal to a child's whole process group (nothing if it is gone). */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

/** SIGKILL to every server this file started and that still runs (afterAll, also on failure). */
export async function killAllServers(): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          signalGroup(child, 'SIGKILL');
        }),
    ),
  );
}

/** Starts the server and waits until GET /healthz answers 200. */
export async function startServer(o: ServerOptions): Promise<KeroServer> {
  const port = await freePort();
  const env = {
    ...childEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: o.dbFile,
      WEBHOOK_TOKEN: TOKEN,
      LOG_LEVEL: 'warn',
    }),
    ...o.env,
  };
  const out = openSync(o.logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', out, out],
    detached: true,
  });
  closeSync(out);
  running.add(child);
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const log = () => readFileSync(o.logFile, 'utf8');
  const server: KeroServer = {
    url,
    port,
    pid: child.pid ?? -1,
    exited,
    kill9: async () => {
      signalGroup(child, 'SIGKILL');
      await exited;
    },
    stop: async () => {
      signalGroup(child, 'SIGTERM');
      const force = setTimeout(() => signalGroup(child, 'SIGKILL'), 15_000);
      try {
        return await exited;
      } finally {
        clearTimeout(force);
      }
    },
    log,
  };
  const deadline = Date.now() + (o.healthyWithinMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${tail(log())}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await server.kill9();
  throw new Error(`server not healthy in time:\n${tail(log())}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The last lines of a log, for failure messages. */
export function tail(text: string, lines = 30): string {
  return text.split('\n').slice(-lines).join('\n');
}

export interface ReadyAnswer {
  status: number;
  body: { ready?: boolean; checks?: Record<string, { ok: boolean; detail: string }> };
}

/** GET /readyz: its status and JSON body. */
export async function readyz(url: string): Promise<ReadyAnswer> {
  const res = await fetch(`${url}/readyz`);
  const text = await res.text();
  let body: ReadyAnswer['body'] = {};
  try {
    body = JSON.parse(text) as ReadyAnswer['body'];
  } catch {
    // not JSON: the assertions on the body will say so
  }
  return { status: res.status, body };
}

/** The names of the checks /readyz says failed. */
export const failedChecks = (r: ReadyAnswer): string[] =>
  Object.entries(r.body.checks ?? {})
    .filter(([, c]) => !c.ok)
    .map(([name]) => name);
