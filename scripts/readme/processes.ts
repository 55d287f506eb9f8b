/**
 * The processes `npm run test:readme` drives: the server started as the README starts it
 * (`npm start`, in its own process group, its output kept), and one bash that runs the README's
 * commands one after another, so that what one defines (T=, U=, ussd()) the next can use.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Ran {
  output: string;
  code: number;
}

const MARKER = /\n?@@readme (\d+)@@\n/;

/** One bash for the whole run; `run` sends one command and waits for its exit code. */
export function startShell(cwd: string, env: NodeJS.ProcessEnv) {
  const bash = spawn('bash', ['--noprofile', '--norc'], { cwd, env, stdio: 'pipe' });
  let buffer = '';
  let waiting: ((r: Ran) => void) | undefined;
  const take = (chunk: Buffer) => {
    buffer += chunk.toString();
    const m = MARKER.exec(buffer);
    if (m && waiting) {
      const done = waiting;
      waiting = undefined;
      const output = buffer.slice(0, m.index);
      buffer = buffer.slice(m.index + m[0].length);
      done({ output, code: Number(m[1]) });
    }
  };
  bash.stdout.on('data', take);
  bash.stderr.on('data', take);
  bash.stdin.write('exec 2>&1\n');
  return {
    /** Runs `command` with `input` as its stdin (else nothing), within `timeoutMs`. */
    run(command: string, input: string | undefined, timeoutMs = 90_000): Promise<Ran> {
      const stdin = input === undefined ? ' </dev/null' : ` <<'README_INPUT'\n${input}README_INPUT`;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting = undefined;
          reject(new Error(`no answer within ${timeoutMs / 1000} s; output so far:\n${buffer}`));
        }, timeoutMs);
        waiting = (r) => {
          clearTimeout(timer);
          resolve(r);
        };
        // Braces, not a subshell: a variable or function the command defines stays defined.
        bash.stdin.write(`{ ${command}\n}${stdin}\nprintf '\\n@@readme %s@@\\n' "$?"\n`);
      });
    },
    close: () => {
      bash.stdin.end();
      if (bash.exitCode === null) bash.kill();
    },
  };
}

export type Shell = ReturnType<typeof startShell>;

export interface Server {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output: () => string;
  exited: Promise<number | null>;
  /** SIGTERM to its process group (npm, tsx, node); resolves with the exit code. */
  stop: () => Promise<number | null>;
}

/** Spawns `command` through bash in its own process group, keeping its output. */
export function startServer(command: string, cwd: string, env: NodeJS.ProcessEnv): Server {
  const child = spawn('bash', ['-c', command], { cwd, env, stdio: 'pipe', detached: true });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const signal = (s: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, s);
    } catch {
      // already gone
    }
  };
  return {
    child,
    output: () => out,
    exited,
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode;
      signal('SIGTERM');
      const force = setTimeout(() => signal('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(force);
      return code;
    },
  };
}

/** Waits until `ready()` or `timeoutMs` passes; polling, for a process's output or a URL. */
export async function until(
  ready: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ready()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}
