/**
 * Starts the fake AT server in a child process (test/fakes/fake-at-process.ts, run by tsx) and
 * talks to it over loopback: its URL, its counts, and closing it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { STATS_PATH, type FakeStats } from './fake-at-server';

export interface FakeAtProcess {
  readonly url: string;
  stats(): Promise<FakeStats>;
  /** Forgets the requests seen so far. */
  resetStats(): Promise<void>;
  close(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

export function spawnFakeAtServer(): Promise<FakeAtProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fakes/fake-at-process.ts'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /listening (\S+)\n/.exec(out);
      if (!match?.[1]) return;
      child.stdout.off('data', onData);
      const url = match[1];
      resolve({
        url,
        stats: async () => (await (await fetch(`${url}${STATS_PATH}`)).json()) as FakeStats,
        resetStats: async () => {
          await (await fetch(`${url}${STATS_PATH}`, { method: 'DELETE' })).arrayBuffer();
        },
        close: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`fake AT server exited (${code}): ${out}`)));
  });
}
