/**
 * The fake AT server in a process of its own (for benchmarks, so that it does not share Kero's
 * event loop): prints `listening <url>` on stdout, answers GET /__stats, exits on SIGTERM or when
 * its stdin closes (the parent went away).
 */
import { startFakeAtServer } from './fake-at-server';

async function main(): Promise<void> {
  const fake = await startFakeAtServer();
  process.stdout.write(`listening ${fake.url}\n`);
  const stop = () => {
    void fake.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.stdin.on('end', stop).resume();
}

void main();
