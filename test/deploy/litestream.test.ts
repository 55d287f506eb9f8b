/**
 * The Litestream that ships with Kero: the binary npm ci installs is Litestream 0.3.13, it reads
 * deploy/litestream.yml itself (two replicas, credentials only from the environment), the file
 * names only settings Litestream 0.3 knows, its metrics are where Kero reads them by default, and
 * deploy/litestream.service runs that binary as Kero's user, before Kero, able to write where the
 * config points. The replication itself is tested for real in test/reliability/.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfig } from '../../src/config';
import { litestreamBinary, shippedConfig } from '../reliability/litestream';
import { childEnv, ROOT } from '../sim/processes';

const deployFile = (name: string) => readFileSync(path.join(ROOT, 'deploy', name), 'utf8');

/** The values of `key=` lines in a systemd unit. */
const unitValues = (unit: string, key: string) =>
  [...unit.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1] ?? '');

const S3_ENV = {
  LITESTREAM_BUCKET: 'kero-test',
  LITESTREAM_REGION: 'us-east-1',
  LITESTREAM_ENDPOINT: '',
  LITESTREAM_ACCESS_KEY_ID: 'test-key',
  LITESTREAM_SECRET_ACCESS_KEY: 'test-secret',
};

const litestream = (args: string[], env: Record<string, string>) =>
  spawnSync(litestreamBinary(), args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: childEnv(env),
    timeout: 10_000,
  });

describe('the Litestream binary and deploy/litestream.yml', () => {
  test('when npm ci has run, then the platform binary is Litestream v0.3.13', () => {
    expect(litestream(['version'], {}).stdout.trim()).toBe('v0.3.13');
  });

  test("when Litestream reads the shipped config with the S3 settings in its environment, then it sees Kero's database and both replicas", () => {
    const run = litestream(['databases', '-config', 'deploy/litestream.yml'], S3_ENV);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\/var\/lib\/kero\/kero\.db +disk,s3$/m);
  });

  test('when the bucket is not in its environment, then Litestream refuses to start and says why', () => {
    const { LITESTREAM_BUCKET: _, ...withoutBucket } = S3_ENV;
    const run = litestream(['databases', '-config', 'deploy/litestream.yml'], withoutBucket);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain('bucket required for s3 replica');
  });

  test('when the config is read, then every setting is one Litestream 0.3 knows and every credential comes from the environment', () => {
    const config = shippedConfig();
    // The yaml tags of Litestream v0.3.13's Config, DBConfig and ReplicaConfig that Kero uses.
    expect(Object.keys(config).sort()).toEqual(['addr', 'dbs']);
    const dbKeys = ['path', 'monitor-interval', 'checkpoint-interval', 'replicas'];
    const replicaKeys = [
      ...['name', 'type', 'path', 'url', 'sync-interval', 'snapshot-interval', 'retention'],
      ...['bucket', 'endpoint', 'region', 'access-key-id', 'secret-access-key'],
    ];
    for (const db of config.dbs) {
      expect(Object.keys(db).filter((k) => !dbKeys.includes(k))).toEqual([]);
      for (const r of db.replicas) {
        expect(Object.keys(r).filter((k) => !replicaKeys.includes(k))).toEqual([]);
      }
    }
    const s3 = config.dbs[0]?.replicas.find((r) => r.type === 's3');
    expect(s3).toMatchObject({
      'access-key-id': '${LITESTREAM_ACCESS_KEY_ID}',
      'secret-access-key': '${LITESTREAM_SECRET_ACCESS_KEY}',
      bucket: '${LITESTREAM_BUCKET}',
    });
  });

  test('when Kero reads Litestream by default, then the metrics are served there, on loopback', () => {
    const parsed = parseConfig({});
    const url = parsed.ok ? new URL(parsed.config.LITESTREAM_METRICS_URL) : undefined;
    expect(shippedConfig().addr).toBe(url?.host);
    expect(url?.hostname).toBe('127.0.0.1');
  });
});

describe('deploy/litestream.service', () => {
  const unit = deployFile('litestream.service');
  const kero = deployFile('kero.service');
  const config = shippedConfig();

  test('when installed, then it runs the npm binary itself with /etc/kero/litestream.yml', () => {
    const binary = path.relative(ROOT, litestreamBinary());
    expect(unitValues(unit, 'ExecStart')).toEqual([
      `/opt/kero/${binary} replicate -config /etc/kero/litestream.yml`,
    ]);
    expect(unitValues(unit, 'EnvironmentFile')).toEqual(['-/etc/kero/litestream.env']);
  });

  test("when systemd orders the units, then it runs as Kero's user, before Kero, and is restarted", () => {
    for (const key of ['User', 'Group']) {
      expect(unitValues(unit, key)).toEqual(unitValues(kero, key));
    }
    expect(unitValues(unit, 'Before')).toEqual(['kero.service']);
    expect(unitValues(unit, 'Restart')).toEqual(['always']);
  });

  test('when it replicates, then it may write beside the database and into the file replica', () => {
    const writable = unitValues(unit, 'ReadWritePaths').flatMap((v) => v.split(' '));
    const db = config.dbs[0];
    const disk = db?.replicas.find((r) => r.type === 'file');
    for (const p of [path.dirname(db?.path ?? ''), path.dirname(String(disk?.path))]) {
      expect([p, writable.includes(p)]).toEqual([p, true]);
    }
    expect(unitValues(kero, 'ReadWritePaths')).toContain(path.dirname(db?.path ?? ''));
  });
});
