/**
 * A process that takes the server lock of the database named on its command line, prints
 * `locked <pid>` and waits to be killed (test/ops/server-lock-zombie.test.ts).
 */
import { acquireServerLock } from '../../src/ops/server-lock';

const lock = acquireServerLock(process.argv[2] ?? '', new Date());
process.stdout.write(lock.ok ? `locked ${process.pid}\n` : `refused: ${lock.message}\n`);
setInterval(() => undefined, 60_000);
