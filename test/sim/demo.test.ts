/**
 * `npm run demo` against temporary databases: what it loads, a second run, and a database that
 * already holds a real complaint (refused, then loaded with --force).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_SLA } from '../helpers/app';
import { openDatabase, inTransaction } from '../../db/client';
import { fileComplaint } from '../../src/complaints/filing';
import { loadReferenceData } from '../../src/reference/repository';
import { childEnv, runTsx, tempDir } from './processes';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

function query<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const byStatus = (file: string) =>
  Object.fromEntries(
    query<{ status: string; n: number }>(
      file,
      "SELECT status, count(*) AS n FROM complaints WHERE channel = 'demo' GROUP BY status",
    ).map((r) => [r.status, r.n]),
  );

describe('npm run demo', () => {
  test('when the database is new, then demo staff and 300 complaints in every status are loaded, and a second run adds nothing', async () => {
    const file = path.join(tmp.dir, 'fresh.db');
    const first = await runTsx('src/cli/demo/demo.ts', [], childEnv({ DATABASE_PATH: file }));

    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const counts = byStatus(file);
    expect(Object.keys(counts).sort()).toEqual([
      'assigned',
      'closed',
      'in_progress',
      'received',
      'resolved',
    ]);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(300);
    for (const [status, n] of Object.entries(counts)) {
      expect(first.stdout).toMatch(new RegExp(`^  ${status} +${n}$`, 'm'));
    }
    const staff = query<{ name: string; phone: string; role: string }>(
      file,
      'SELECT name, phone, role FROM staff ORDER BY id',
    );
    expect(staff).toHaveLength(26 * 2 + 1);
    expect(staff).toContainEqual({
      name: 'Demo Officer Arusha',
      phone: '+255700000101',
      role: 'officer',
    });
    expect(staff.every((s) => s.phone.startsWith('+25570000') && s.name.startsWith('Demo '))).toBe(
      true,
    );
    const [facts] = query<Record<string, number>>(
      file,
      `SELECT
         (SELECT count(*) FROM complaints WHERE channel <> 'demo'
            OR citizen_phone NOT LIKE '+2556999%') AS foreign_rows,
         (SELECT count(*) FROM complaints WHERE status = 'assigned' AND first_response_at IS NULL
            AND created_at < ${Date.now() - 7 * DAY}) AS overdue,
         (SELECT count(DISTINCT region_code) FROM complaints) AS regions,
         (SELECT count(*) FROM complaints c JOIN regions r ON r.code = c.region_code
            WHERE NOT r.mainland) AS outside_mainland,
         (SELECT count(*) FROM complaints WHERE status = 'received'
            AND assignee_id IS NULL) AS waiting_unassigned,
         (SELECT count(DISTINCT category_code) FROM complaints) AS categories,
         (SELECT count(*) FROM complaint_events WHERE type = 'reply') AS replies,
         (SELECT count(*) FROM sms_outbox WHERE status <> 'sent') AS unsent`,
    );
    // REGIONS=mainland (the default): no complaint in Zanzibar; the received ones wait unassigned.
    expect(facts).toMatchObject({ foreign_rows: 0, unsent: 0, categories: 9, outside_mainland: 0 });
    expect(facts?.waiting_unassigned).toBe(counts.received);
    expect(facts?.overdue).toBeGreaterThan(5);
    expect(facts?.regions).toBeGreaterThan(20);
    expect(facts?.replies).toBeGreaterThan(100);
    expect(first.stdout).toContain('+255700000101');

    const second = await runTsx('src/cli/demo/demo.ts', ['--db', file]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Demo data already loaded');
    expect(byStatus(file)).toEqual(counts);
  });

  test('when the database holds a real complaint, then it refuses without --force and loads with it', async () => {
    const file = path.join(tmp.dir, 'real.db');
    const db = openDatabase(file);
    const reference = loadReferenceData(db);
    inTransaction(db, (tx) =>
      fileComplaint(tx, reference, {
        phone: '+255712345678',
        number: '48210379',
        draft: {
          regionCode: 'ARU',
          councilCode: reference.councilsByRegion.get('ARU')?.[0]?.code ?? '',
          categoryCode: 'water',
          place: null,
          description: 'Maji hayatoki tangu jana',
          anonymous: false,
        },
        language: 'sw',
        serviceCode: '*384*1234#',
        filedBy: { source: 'ussd' },
        policy: DEFAULT_SLA,
        now: Date.now(),
      }),
    );
    db.$client.close();

    const plain = childEnv();
    delete plain.npm_config_force; // as when run without npm's own --force
    const refused = await runTsx('src/cli/demo/demo.ts', ['--db', file], plain);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('holds 1 real (non-demo) complaints');
    expect(refused.stderr).toContain('npm run demo -- --force');
    expect(refused.stderr).not.toContain('without --');
    expect(byStatus(file)).toEqual({});

    // `npm run demo --force` hands --force to npm, which passes it on as npm_config_force.
    const npmForce = childEnv({ npm_config_force: 'true' });
    const toNpm = await runTsx('src/cli/demo/demo.ts', ['--db', file], npmForce);
    expect(toNpm.code).toBe(1);
    expect(toNpm.stderr).toContain(
      '(npm run demo --force, without --, gives --force to npm, not to the demo.)',
    );
    expect(byStatus(file)).toEqual({});

    const forced = await runTsx('src/cli/demo/demo.ts', ['--db', file, '--force']);
    expect(forced.code).toBe(0);
    expect(Object.values(byStatus(file)).reduce((a, b) => a + b, 0)).toBe(300);
    expect(query(file, "SELECT number, channel FROM complaints WHERE channel <> 'demo'")).toEqual([
      { number: '48210379', channel: 'ussd' },
    ]);
  });

  test('when REGIONS=all, then Zanzibar gets complaints too: those waiting unassigned, where the demo has no staff', async () => {
    const file = path.join(tmp.dir, 'union.db');
    const run = await runTsx(
      'src/cli/demo/demo.ts',
      [],
      childEnv({ DATABASE_PATH: file, REGIONS: 'all' }),
    );

    expect(run.code).toBe(0);
    const [row] = query<{ zanzibar: number; zanzibarReceived: number }>(
      file,
      `SELECT count(*) AS zanzibar, sum(c.status = 'received') AS zanzibarReceived
         FROM complaints c JOIN regions r ON r.code = c.region_code WHERE NOT r.mainland`,
    );
    expect(row?.zanzibar).toBeGreaterThan(0);
    expect(row?.zanzibarReceived).toBe(row?.zanzibar);
  });
});
