/**
 * Who keeps a file database's WAL in check while the server runs: Kero's checkpoint worker
 * (db/checkpointer.ts), or, with REPLICATION=litestream, Litestream, which copies every WAL frame
 * before it checkpoints. Then Kero runs no checkpoint of its own (no worker, no RESTART or
 * TRUNCATE, automatic checkpoints off since openDatabase: db/client.ts says why) and only watches
 * Litestream's metrics (src/ops/replication.ts).
 */
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { startCheckpointer, type Checkpointer } from '../../db/checkpointer';
import type { Db } from '../../db/client';
import type { Config } from '../config';
import { registerReplicationGauges, watchReplication, type ReplicationWatch } from './replication';

export interface WalKeeper {
  /** What /readyz watches: the worker, or the replication. */
  readiness: { checkpointer?: Checkpointer; replication?: ReplicationWatch };
  /** Adds the replication gauges to /metrics (nothing without replication). */
  registerGauges(registry: Registry): void;
  stop(): Promise<void>;
}

export function startWalKeeper(config: Config, db: Db, logger: Logger): WalKeeper {
  const file = config.DATABASE_PATH;
  if (file === ':memory:') {
    return { readiness: {}, registerGauges: () => undefined, stop: () => Promise.resolve() };
  }
  if (config.REPLICATION === 'litestream') {
    const url = config.LITESTREAM_METRICS_URL;
    logger.info({ metrics: url }, 'replication by litestream: WAL checkpoints left to it');
    const replication = watchReplication({ url, file, now: () => Date.now(), logger });
    return {
      readiness: { replication },
      registerGauges: (registry) => registerReplicationGauges(registry, replication),
      stop: () => Promise.resolve(replication.stop()),
    };
  }
  const checkpointer = startCheckpointer(db, file, { logger });
  return {
    readiness: { checkpointer },
    registerGauges: () => undefined,
    stop: () => checkpointer.stop(),
  };
}
