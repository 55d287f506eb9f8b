/**
 * The real server as a child process for the deployment tests: `node <args>` (the built
 * dist/src/main.js, or src/main.ts through `--import tsx`) on a free loopback port and a database in
 * a temporary folder. One process, no wrapper: its exit code is the server's own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { childEnv, freePort, TOKEN } from '../sim/processes';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerChild {
  port: number;
  url: string;
  child: ChildProcess;
  exited: Promise<Exit>;
  /** Everything the server wrote so far (stdout and stderr), for assertions and failures. */
  output(): string;
  /** SIGKILL if still running (afterAll). */
  kill(): void;
}

export const USSD_PATH = `/ussd?token=${TOKEN}`;

/** Spawns `node ...args` in `cwd` with DATABASE_PATH=`dbFile` and waits for GET /healthz = 200. */
export async function startNodeServer(
  args: string[],
  cwd: string,
  dbFile: string,
  extraEnv: Record<string, string> = {},
): Promise<ServerChild> {
  const port = await freePort();
  const env = {
    ...childEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: dbFile,
      WEBHOOK_TOKEN: TOKEN,
      LOG_LEVEL: 'info',
    }),
    // After childEnv, which drops AT_* settings the parent may have.
    ...extraEnv,
  };
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const server: ServerChild = {
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    exited,
    output: () => out,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
  await waitHealthy(server);
  return server;
}

async function waitHealthy(server: ServerChild): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      throw new Error(`server exited with ${server.child.exitCode}:\n${server.output()}`);
    }
    try {
      if ((await fetch(`${server.url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`server not healthy in 30 s:\n${server.output()}`);
}
