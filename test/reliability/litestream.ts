/**
 * The real Litestream for the reliability suite: the binary npm ci installed
 * (@flydotio/litestream-<platform>-<arch>, run directly: the npm wrapper hides exit codes and
 * signals), in a process group of its own, on a config made from the shipped
 * deploy/litestream.yml: its database settings and its file replica's (intervals, snapshots,
 * retention) as they are, with the paths moved into a temporary folder, the metrics on a free
 * loopback port, and without the S3 replica (no bucket here). JSON is YAML to Litestream.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { freePort, ROOT } from '../sim/processes';
import { signalGroup, sleep, tail } from './server';

/** The platform binary; throws one line when npm ci installed none for this machine. */
export function litestreamBinary(): string {
  const name = `@flydotio/litestream-${process.platform}-${process.arch}`;
  try {
    return require.resolve(`${name}/litestream`);
  } catch {
    throw new Error(`no Litestream binary for this machine: npm ci did not install ${name}`);
  }
}

type Settings = Record<string, unknown>;

/** deploy/litestream.yml as Litestream reads it (no variables expanded). */
export function shippedConfig(): {
  addr: string;
  dbs: (Settings & { path: string; replicas: (Settings & { name: string })[] })[];
} {
  const text = readFileSync(path.join(ROOT, 'deploy/litestream.yml'), 'utf8');
  return yaml.load(text) as ReturnType<typeof shippedConfig>;
}

export interface LitestreamConfig {
  file: string;
  metricsUrl: string;
  /** The shipped intervals, for the figures: "monitor-interval 1s, sync-interval 1s". */
  intervals: string;
}

/** Writes the config for `dbFile` with its `disk` replica in `replicaDir`. */
export async function writeLitestreamConfig(
  dir: string,
  dbFile: string,
  replicaDir: string,
): Promise<LitestreamConfig> {
  const shipped = shippedConfig();
  const db = shipped.dbs[0];
  const disk = db?.replicas.find((r) => r.name === 'disk');
  if (!db || !disk) throw new Error('deploy/litestream.yml has no database with a disk replica');
  const port = await freePort();
  const config = {
    addr: `127.0.0.1:${port}`,
    dbs: [{ ...db, path: dbFile, replicas: [{ ...disk, path: replicaDir }] }],
  };
  const file = path.join(dir, 'litestream.yml');
  writeFileSync(file, JSON.stringify(config, null, 2));
  const intervals = `monitor-interval ${String(db['monitor-interval'])}, sync-interval ${String(disk['sync-interval'])}`;
  return { file, metricsUrl: `http://127.0.0.1:${port}/metrics`, intervals };
}

export interface Litestream {
  readonly pid: number;
  /** SIGKILL to its process group; resolves once it is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (it ships what it has to every replica, then exits); resolves once it is gone. */
  stop(): Promise<void>;
  log(): string;
}

const running = new Set<ChildProcess>();

/** `litestream replicate -config <file>`; resolves once its metrics endpoint answers. */
export async function startLitestream(config: LitestreamConfig, logFile: string) {
  const out = openSync(logFile, 'a');
  const child = spawn(litestreamBinary(), ['replicate', '-config', config.file], {
    stdio: ['ignore', out, out],
    detached: true,
  });
  closeSync(out);
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const log = () => readFileSync(logFile, 'utf8');
  const litestream: Litestream = {
    pid: child.pid ?? -1,
    kill9: async () => {
      signalGroup(child, 'SIGKILL');
      await exited;
    },
    stop: async () => {
      signalGroup(child, 'SIGTERM');
      const force = setTimeout(() => signalGroup(child, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(force);
    },
    log,
  };
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`litestream exited:\n${tail(log())}`);
    try {
      if ((await fetch(config.metricsUrl)).ok) return litestream;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await litestream.kill9();
  throw new Error(`litestream metrics never answered:\n${tail(log())}`);
}

/** SIGKILL to every Litestream this file started that still runs (afterAll). */
export async function killAllLitestreams(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          signalGroup(child, 'SIGKILL');
        }),
    ),
  );
}

/**
 * `litestream restore -config <file> -o <out> <db>`, as README "Replication" has it: the replica
 * with the latest data, into a new file. Returns its output and how long it took.
 */
export function restoreLitestream(config: LitestreamConfig, dbFile: string, out: string) {
  const started = Date.now();
  const run = spawnSync(
    litestreamBinary(),
    ['restore', '-config', config.file, '-o', out, dbFile],
    {
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`litestream restore failed (${run.status}):\n${output}`);
  return { ms: Date.now() - started, output };
}
