/**
 * Child processes for the terminal-tool tests: the real server (`tsx src/main.ts` on a free port
 * and a temporary database) and one-shot CLI runs. Every child is killed and every temp dir
 * removed by the caller's afterAll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
export const TOKEN = 'sim-test-token-0123456789abcdef';

/**
 * The environment of a child: the parent's minus anything that would point it elsewhere, and no
 * `.env` (a developer's own settings file in the project folder must not leak into a test).
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ENV_FILE: 'off', ...extra };
  for (const name of ['AT_API_KEY', 'AT_API_BASE_URL', 'USSD_SERVICE_CODES']) delete env[name];
  for (const name of ['PORT', 'DATABASE_PATH', 'WEBHOOK_TOKEN']) {
    if (!(name in extra)) delete env[name];
  }
  return env;
}

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'kero-sim-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tsx <script> ...args` to completion, with `input` piped to its stdin. */
export function runTsx(
  script: string,
  args: string[],
  env = childEnv(),
  input = '',
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [script, ...args], { cwd: ROOT, env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdin.end(input);
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface RunningServer {
  url: string;
  dbFile: string;
  stop: () => Promise<void>;
}

/** Starts the real server and waits for GET /healthz. */
export async function startServer(dir: string): Promise<RunningServer> {
  const port = await freePort();
  const dbFile = path.join(dir, 'kero.db');
  const env = childEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_PATH: dbFile,
    WEBHOOK_TOKEN: TOKEN,
    LOG_LEVEL: 'silent',
  });
  return { ...(await startServerWith(env, `http://127.0.0.1:${port}`)), dbFile };
}

/** Starts the real server with exactly `env` and waits for GET `url`/healthz. */
export async function startServerWith(
  env: NodeJS.ProcessEnv,
  url: string,
): Promise<Omit<RunningServer, 'dbFile'>> {
  // Its own process group: tsx runs the server in a grandchild, and both must go.
  const child = spawn(TSX, ['src/main.ts'], { cwd: ROOT, env, stdio: 'ignore', detached: true });
  const stop = () => stopGroup(child);
  try {
    await waitForHealth(url, child);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('server did not become healthy in 40 s');
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    return Promise.resolve();
  }
  const pid = child.pid;
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(force);
      resolve();
    }
  });
}
