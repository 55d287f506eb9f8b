/**
 * Starts test/reliability/switchable-fake-at-process.ts (node --import tsx) and drives it over
 * loopback: switch the API down or up, slow it down, read what it accepted.
 */
import { spawn } from 'node:child_process';
import { ROOT } from '../sim/processes';
import type { SwitchCounts } from './switchable-fake-at-process';

export type { SwitchCounts } from './switchable-fake-at-process';

export interface SwitchableFakeAt {
  /** AT_API_BASE_URL for the server. */
  readonly url: string;
  down(how?: '503' | 'reset'): Promise<void>;
  up(): Promise<void>;
  delay(ms: number): Promise<void>;
  counts(): Promise<SwitchCounts>;
  close(): Promise<void>;
}

export function spawnSwitchableFakeAt(): Promise<SwitchableFakeAt> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/reliability/switchable-fake-at-process.ts'],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /listening (\S+) (\S+)\n/.exec(out);
      if (!match?.[1] || !match[2]) return;
      child.stdout.off('data', onData);
      const control = match[2];
      const post = async (path: string) => {
        const res = await fetch(`${control}${path}`, { method: 'POST' });
        if (!res.ok) throw new Error(`fake AT control ${path}: HTTP ${res.status}`);
        await res.arrayBuffer();
      };
      resolve({
        url: match[1],
        down: (how = '503') => post(`/down?how=${how}`),
        up: () => post('/up'),
        delay: (ms) => post(`/delay?ms=${ms}`),
        counts: async () => (await (await fetch(`${control}/counts`)).json()) as SwitchCounts,
        close: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`fake AT exited (${code}): ${out}`)));
  });
}
