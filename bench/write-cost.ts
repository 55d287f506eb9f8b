/**
 * What the rollup costs every write, side by side on one database: a filing (an INSERT of a
 * complaint) and a status change (resolved and back, with its time and office time), with
 * (a) the one rollup's triggers (migration 0017), (b) the two rollups they replaced (report
 * cells, 0010, and the dashboard's daily rollup, 0015, recreated here from those migrations'
 * SQL), (c) no rollup at all: the floor, the complaint's own row and indexes, (d) as built: the
 * one rollup and the open-deadline list's triggers (migration 0020). CPU time of this
 * process (user + system), not wall time: this box is shared. Each variant is measured three
 * times, interleaved (a b c a b c a b c), and the lowest figure kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../db/client';
import { seedOpen311Complaints } from './open311-seed';
import { seededRandom } from './assignment-seed';

export interface WriteCost {
  variant: string;
  insertUs: number;
  statusChangeUs: number;
}

const MIGRATIONS = path.join(__dirname, '..', 'db', 'migrations');

/** The CREATE TABLE and CREATE TRIGGER statements of a migration file. */
function creations(file: string): string[] {
  return fs
    .readFileSync(path.join(MIGRATIONS, file), 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) =>
      /^CREATE (TABLE|TRIGGER) `?(report_cells|complaint_day|complaints_report|complaint_days)/.test(
        s,
      ),
    );
}

function triggersLike(db: Db, pattern: string): { name: string; sql: string }[] {
  return db.$client
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?`)
    .all(pattern) as { name: string; sql: string }[];
}

type Trigger = { name: string; sql: string };

/** Installs one variant's triggers (and the old tables for b). */
function variant(
  db: Db,
  which: 'a' | 'b' | 'c' | 'd',
  current: { rollup: Trigger[]; deadlines: Trigger[] },
): void {
  const sqlite = db.$client;
  for (const t of [...triggersLike(db, 'complaint%'), ...triggersLike(db, 'open_deadlines_%')]) {
    if (t.name.startsWith('complaints_fts')) continue;
    sqlite.exec(`DROP TRIGGER "${t.name}"`);
  }
  if (which === 'a' || which === 'd') for (const t of current.rollup) sqlite.exec(t.sql);
  if (which === 'd') for (const t of current.deadlines) sqlite.exec(t.sql);
  if (which === 'b') {
    const old = ['0010_report_cells.sql', '0014_dashboard.sql', '0015_dashboard_rollup.sql'];
    for (const s of old.flatMap(creations)) {
      if (s.startsWith('CREATE TABLE')) {
        const name = /CREATE TABLE `?(\w+)/.exec(s)?.[1] ?? '';
        if (sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = ?`).get(name)) continue;
      }
      sqlite.exec(s);
    }
  }
}

/** CPU time of this process so far, ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function timeWrites(
  db: Db,
  n: number,
  now: number,
  round: number,
): { insertUs: number; statusChangeUs: number } {
  const sqlite = db.$client;
  const insert = sqlite.prepare(
    `INSERT INTO complaints (number, citizen_phone, region_code, council_code, category_code,
       description, anonymous, language, channel, status, level, assignee_id, created_at,
       updated_at, first_response_due_at, resolution_due_at, place_key)
     VALUES (?, '+255700000001', 'DAR', 'DAR-KIM', 'water', 'Maji hayatoki', 0, 'sw', 'ussd',
       'assigned', 'council', NULL, ?, ?, ?, ?, 'mbande')`,
  );
  sqlite.prepare(`INSERT OR IGNORE INTO citizens VALUES ('+255700000001', 'sw', 0, 0)`).run();
  // Numbers of their own (9 digits: no filing's), new each round.
  const base = 100_000_000 + round * n;
  const ids: number[] = [];
  let t0 = cpuMs();
  // In transactions of 32, as the group commit batches hops.
  for (let i = 0; i < n; i += 32) {
    sqlite.transaction(() => {
      for (let j = i; j < Math.min(n, i + 32); j++) {
        const at = now - j * 1000;
        ids.push(
          Number(
            insert.run(String(base + j), at, at, at + 3 * 86_400_000, at + 14 * 86_400_000)
              .lastInsertRowid,
          ),
        );
      }
    })();
  }
  const insertUs = ((cpuMs() - t0) * 1000) / n;
  const flip = sqlite.prepare(
    `UPDATE complaints SET status = ?, resolved_at = ?, resolution_work_ms = ? WHERE id = ?`,
  );
  t0 = cpuMs();
  sqlite.transaction(() => {
    for (const id of ids) flip.run('resolved', now, 3_600_000, id);
    for (const id of ids) flip.run('assigned', null, null, id);
  })();
  const statusChangeUs = ((cpuMs() - t0) * 1000) / (ids.length * 2);
  const remove = sqlite.prepare('DELETE FROM complaints WHERE id = ?');
  sqlite.transaction(() => {
    for (const id of ids) remove.run(id);
  })();
  return { insertUs, statusChangeUs };
}

export function runWriteCostBench(o: { complaints?: number; writes?: number } = {}): WriteCost[] {
  const dir = fs.mkdtempSync(path.join(process.env.BENCH_TMP ?? os.tmpdir(), 'kero-writes-'));
  try {
    const db = openDatabase(path.join(dir, 'writes.db'));
    db.$client.pragma('synchronous = OFF');
    const now = Date.now();
    seedOpen311Complaints(db, {
      count: o.complaints ?? 100_000,
      days: 365,
      now,
      random: seededRandom(7),
    });
    const current = {
      rollup: triggersLike(db, 'complaint_rollup_%'),
      deadlines: triggersLike(db, 'open_deadlines_%'),
    };
    const label = {
      a: '(a) one rollup',
      b: '(b) two rollups (before)',
      c: '(c) no rollup (floor)',
      d: '(d) (a) + open deadlines',
    };
    const best = new Map<string, WriteCost>();
    let round = 0;
    for (const which of ['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd', 'a', 'b', 'c', 'd'] as const) {
      variant(db, which, current);
      const r = timeWrites(db, o.writes ?? 10_000, now, round++);
      const prev = best.get(which);
      best.set(which, {
        variant: label[which],
        insertUs: Math.min(r.insertUs, prev?.insertUs ?? Infinity),
        statusChangeUs: Math.min(r.statusChangeUs, prev?.statusChangeUs ?? Infinity),
      });
    }
    variant(db, 'd', current);
    db.$client.close();
    const out = [...best.values()];
    for (const r of out) {
      console.log(
        `  ${r.variant.padEnd(26)} filing insert ${r.insertUs.toFixed(1).padStart(6)} us CPU   status change ${r.statusChangeUs.toFixed(1).padStart(6)} us CPU`,
      );
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) runWriteCostBench();
