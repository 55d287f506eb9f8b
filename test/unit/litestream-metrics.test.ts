/**
 * Litestream's metrics read for /readyz: the shadow WAL's and each replica's position, taken from
 * Litestream 0.3.13's own text (as `litestream replicate` serves it on `addr`), and how long a
 * replica has been behind over successive readings, on a seeded clock.
 */
import {
  createLagTracker,
  describeLag,
  parseLitestreamMetrics,
  type LitestreamPositions,
} from '../../src/ops/core/litestream-metrics';

const DB = '/var/lib/kero/kero.db';

/** What Litestream v0.3.13 served for one database with a replica named `disk` (trimmed). */
const served = (shadow: [number, number], replica?: [number, number], db = DB) =>
  [
    '# HELP go_goroutines Number of goroutines that currently exist.',
    '# TYPE go_goroutines gauge',
    'go_goroutines 24',
    '# HELP litestream_db_size The current size of the real DB',
    '# TYPE litestream_db_size gauge',
    `litestream_db_size{db="${db}"} 4.20864e+06`,
    `litestream_replica_validation_total{db="${db}",name="disk",status="error"} 0`,
    `litestream_replica_validation_total{db="${db}",name="disk",status="ok"} 0`,
    ...(replica
      ? [
          `litestream_replica_wal_bytes{db="${db}",name="disk"} 2.484392e+06`,
          `litestream_replica_wal_index{db="${db}",name="disk"} ${replica[0]}`,
          `litestream_replica_wal_offset{db="${db}",name="disk"} ${replica[1]}`,
        ]
      : []),
    `litestream_shadow_wal_index{db="${db}"} ${shadow[0]}`,
    `litestream_shadow_wal_size{db="${db}"} ${shadow[1]}`,
    `litestream_sync_count{db="${db}"} 12`,
    `litestream_wal_size{db="${db}"} 2.484392e+06`,
  ].join('\n');

describe('parseLitestreamMetrics', () => {
  test('when Litestream serves its metrics, then the shadow WAL and the replica positions are read (exponents too)', () => {
    expect(parseLitestreamMetrics(served([3, 2.484392e6], [3, 16512]), DB)).toEqual({
      ok: true,
      positions: {
        shadow: { index: 3, offset: 2484392 },
        replicas: [{ name: 'disk', position: { index: 3, offset: 16512 } }],
      },
    });
  });

  test.each([
    [
      'another database only',
      served([0, 100], [0, 100], '/srv/other.db'),
      'litestream does not replicate /var/lib/kero/kero.db (only /srv/other.db)',
    ],
    [
      'nothing of its own',
      'go_goroutines 24\n',
      'litestream does not replicate /var/lib/kero/kero.db',
    ],
    [
      'no shadow WAL yet',
      `litestream_db_size{db="${DB}"} 4096\n`,
      'litestream has not read the database yet',
    ],
    [
      'no replica yet',
      `litestream_shadow_wal_index{db="${DB}"} 0\nlitestream_shadow_wal_size{db="${DB}"} 32\n`,
      'no replica of it has reported yet',
    ],
  ])('when the text holds %s, then the reason says so', (_, text, reason) => {
    expect(parseLitestreamMetrics(text, DB)).toEqual({ ok: false, reason });
  });

  test('when a replica has not synced yet, then it is listed without a position', () => {
    expect(parseLitestreamMetrics(served([0, 4152]), DB)).toMatchObject({
      ok: true,
      positions: { replicas: [{ name: 'disk', position: undefined }] },
    });
  });

  test('when a label holds escaped quotes, then it is read whole', () => {
    const db = '/data/a "b".db';
    const text = served([0, 10], [0, 10], db.replace(/"/g, '\\"'));
    expect(parseLitestreamMetrics(text, db).ok).toBe(true);
  });
});

const at = (
  shadow: [number, number],
  ...replicas: [string, [number, number] | undefined][]
): LitestreamPositions => ({
  shadow: { index: shadow[0], offset: shadow[1] },
  replicas: replicas.map(([name, p]) => ({
    name,
    position: p ? { index: p[0], offset: p[1] } : undefined,
  })),
});

describe('createLagTracker', () => {
  test('when the replica keeps up, then it is up to date', () => {
    const lag = createLagTracker();
    expect(lag.observe(0, at([0, 100], ['disk', [0, 100]]))).toEqual([
      { name: 'disk', upToDate: true, seconds: 0 },
    ]);
    expect(lag.observe(1000, at([0, 900], ['disk', [0, 900]]))).toEqual([
      { name: 'disk', upToDate: true, seconds: 0 },
    ]);
  });

  test('when the shadow WAL has just passed the replica, then it is behind by 0 s, not up to date', () => {
    const lag = createLagTracker();
    lag.observe(0, at([0, 100], ['disk', [0, 100]]));
    expect(lag.observe(1000, at([0, 900], ['disk', [0, 100]]))).toEqual([
      { name: 'disk', upToDate: false, seconds: 0 },
    ]);
  });

  test('when the replica stops moving, then its lag counts from when the shadow WAL first passed it', () => {
    const lag = createLagTracker();
    lag.observe(0, at([0, 100], ['disk', [0, 100]]));
    lag.observe(1000, at([0, 500], ['disk', [0, 100]]));
    lag.observe(2000, at([0, 900], ['disk', [0, 100]]));
    expect(lag.observe(3500, at([1, 40], ['disk', [0, 100]]))).toEqual([
      { name: 'disk', upToDate: false, seconds: 2.5 },
    ]);
    // It ships up to 0:500: what it lacks now was first seen at 2000.
    expect(lag.observe(4000, at([1, 40], ['disk', [0, 500]]))).toEqual([
      { name: 'disk', upToDate: false, seconds: 2 },
    ]);
    expect(lag.observe(5000, at([1, 40], ['disk', [1, 40]]))).toEqual([
      { name: 'disk', upToDate: true, seconds: 0 },
    ]);
  });

  test('when two replicas differ, then each has its own lag', () => {
    const lag = createLagTracker();
    lag.observe(0, at([0, 100], ['disk', [0, 100]], ['s3', [0, 100]]));
    lag.observe(1000, at([0, 200], ['disk', [0, 200]], ['s3', [0, 100]]));
    expect(lag.observe(11_000, at([0, 300], ['disk', [0, 300]], ['s3', [0, 100]]))).toEqual([
      { name: 'disk', upToDate: true, seconds: 0 },
      { name: 's3', upToDate: false, seconds: 10 },
    ]);
  });

  test('when a replica has never synced, then it is behind since the first reading', () => {
    const lag = createLagTracker();
    lag.observe(0, at([0, 100], ['s3', undefined]));
    expect(lag.observe(4000, at([0, 100], ['s3', undefined]))).toEqual([
      { name: 's3', upToDate: false, seconds: 4 },
    ]);
  });

  test('when a new generation starts the shadow WAL again, then the replica still on the old one is behind from then', () => {
    const lag = createLagTracker();
    lag.observe(0, at([7, 800], ['disk', [7, 800]]));
    lag.observe(1000, at([0, 100], ['disk', [7, 800]]));
    expect(lag.observe(3000, at([0, 100], ['disk', [7, 800]]))).toEqual([
      { name: 'disk', upToDate: false, seconds: 2 },
    ]);
    expect(lag.observe(4000, at([0, 300], ['disk', [0, 300]]))).toEqual([
      { name: 'disk', upToDate: true, seconds: 0 },
    ]);
  });

  test('when a replica is stuck for many readings, then the history stays bounded and the oldest lack is kept', () => {
    const lag = createLagTracker(10);
    lag.observe(0, at([0, 0], ['s3', [0, 0]]));
    let last = lag.observe(1000, at([0, 1], ['s3', [0, 0]]));
    for (let i = 2; i <= 1000; i++) last = lag.observe(i * 1000, at([0, i], ['s3', [0, 0]]));
    expect(last).toEqual([{ name: 's3', upToDate: false, seconds: 999 }]);
  });
});

describe('describeLag', () => {
  test.each([
    [
      [{ name: 'disk', upToDate: false, seconds: 0.84 }],
      60,
      { detail: 'replica disk 0.8 s behind', warn: false },
    ],
    [
      [{ name: 'disk', upToDate: false, seconds: 0 }],
      60,
      { detail: 'replica disk 0.0 s behind', warn: false },
    ],
    [
      [
        { name: 'disk', upToDate: true, seconds: 0 },
        { name: 's3', upToDate: false, seconds: 75 },
      ],
      60,
      { detail: 'replica disk up to date, s3 75.0 s behind (more than 60 s)', warn: true },
    ],
  ])('when the lags are %j (warn after %i s), then %j', (lags, warnAfter, expected) => {
    expect(describeLag(lags, warnAfter)).toEqual(expected);
  });
});
