/**
 * What the console bench asks for, read from the seeded database: four staff members of the
 * busiest region's desk and headquarters (an officer covering named councils, an officer covering
 * the whole region, the region's supervisor, headquarters), and for each the queue on every tab,
 * each filter alone on the Open and Resolved tabs, a number search, keyset pages deep into
 * Resolved and Open, and complaint pages with their history. Also the 20 staff members of the
 * mixed load.
 */
import Database from 'better-sqlite3';
import { DAY } from './assignment-seed';

export interface Viewer {
  label: string;
  phone: string;
  /** Is the Open tab their default (supervisors and HQ) or Mine (officers)? */
  role: 'officer' | 'supervisor' | 'hq';
}

export interface Case {
  viewer: string;
  label: string;
  /** Taken in turn, one per request. */
  urls: string[];
  /** 200, or 303 for a number search that opens the complaint. */
  expect: number;
}

export interface Desk {
  regionCode: string;
  viewers: Viewer[];
  cases: Case[];
  /** Phones of the mixed load's console users: officers, supervisors and HQ of many regions. */
  users: string[];
}

type Scope = { sql: string; args: (string | number)[] };

const day = (ms: number): string => new Date(ms + 3 * 3_600_000).toISOString().slice(0, 10);

export function deskOf(file: string, now: number, village: string): Desk {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const all = <T>(sql: string, ...args: (string | number)[]): T[] =>
      db.prepare(sql).all(...args) as T[];
    const one = <T>(sql: string, ...args: (string | number)[]): T => {
      const row = db.prepare(sql).get(...args) as T | undefined;
      if (row === undefined) throw new Error(`console bench: nothing for ${sql}`);
      return row;
    };
    const { region } = one<{ region: string }>(
      `SELECT region_code AS region FROM councils GROUP BY region_code ORDER BY count(*) DESC, region_code LIMIT 1`,
    );
    const officerOf = (covers: boolean) =>
      one<{ id: number; phone: string; councils: string | null }>(
        `SELECT s.id, s.phone, (SELECT group_concat(council_code) FROM staff_councils WHERE staff_id = s.id) AS councils
         FROM staff s WHERE s.role = 'officer' AND s.region_code = ?
           AND ${covers ? '' : 'NOT'} EXISTS (SELECT 1 FROM staff_councils WHERE staff_id = s.id)
         ORDER BY s.id LIMIT 1`,
        region,
      );
    const named = officerOf(true);
    const whole = officerOf(false);
    const councils = (named.councils ?? '').split(',');
    const sup = one<{ phone: string }>(
      `SELECT phone FROM staff WHERE role = 'supervisor' AND region_code = ? ORDER BY id LIMIT 1`,
      region,
    );
    const hq = one<{ phone: string }>(
      `SELECT phone FROM staff WHERE role = 'hq' ORDER BY id LIMIT 1`,
    );
    const marks = councils.map(() => '?').join(', ');
    const scopes: [Viewer, Scope][] = [
      [
        { label: 'officer (2 councils)', phone: named.phone, role: 'officer' },
        {
          sql: `(assignee_id = ? OR (region_code = ? AND council_code IN (${marks})))`,
          args: [named.id, region, ...councils],
        },
      ],
      [
        { label: 'officer (region)', phone: whole.phone, role: 'officer' },
        { sql: '(assignee_id = ? OR region_code = ?)', args: [whole.id, region] },
      ],
      [
        { label: 'supervisor', phone: sup.phone, role: 'supervisor' },
        { sql: 'region_code = ?', args: [region] },
      ],
      [
        { label: 'headquarters', phone: hq.phone, role: 'hq' },
        { sql: '1', args: [] },
      ],
    ];
    const samples = (s: Scope, open: boolean, n: number): string[] =>
      all<{ number: string }>(
        `SELECT number FROM complaints c WHERE ${s.sql} AND ${open ? 'due_at IS NOT NULL' : "status = 'closed'"}
           AND EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = c.id)
         ORDER BY id DESC LIMIT ?`,
        ...s.args,
        n,
      ).map((r) => r.number);
    const cursor = (s: Scope, done: boolean, deep: number): string => {
      const key = done ? 'resolved_at' : 'due_at';
      const where = done ? "status IN ('resolved', 'closed')" : 'due_at IS NOT NULL';
      const order = done ? 'DESC' : 'ASC';
      const rows = all<{ k: number; id: number }>(
        `SELECT ${key} AS k, id FROM complaints WHERE ${s.sql} AND ${where}
         ORDER BY ${key} ${order}, id ${order} LIMIT 1 OFFSET ?`,
        ...s.args,
        deep,
      );
      const row = rows[0];
      return row ? `${row.k}.${row.id}` : '';
    };
    const count = (s: Scope, where: string): number =>
      one<{ n: number }>(
        `SELECT count(*) AS n FROM complaints WHERE ${s.sql} AND ${where}`,
        ...s.args,
      ).n;

    const filters: [string, string][] = [
      ['council', `council=${councils[0] ?? ''}`],
      ['category', 'category=water'],
      ['channel', 'channel=call'],
      ['from..to last 7 days', `from=${day(now - 6 * DAY)}&to=${day(now)}`],
      ['from..to a week, 90 days ago', `from=${day(now - 97 * DAY)}&to=${day(now - 91 * DAY)}`],
      ['q= a common word (maji)', 'q=maji'],
      [`q= a rare word (${village})`, `q=${village}`],
    ];
    const cases: Case[] = [];
    for (const [v, s] of scopes) {
      const add = (label: string, urls: string[], expect = 200) =>
        cases.push({ viewer: v.label, label, urls, expect });
      for (const tab of ['mine', 'unassigned', 'dueSoon', 'overdue', 'open', 'resolved']) {
        add(`tab ${tab}`, [`/console?tab=${tab}`]);
      }
      const own: [string, string][] =
        v.role === 'hq' ? [['region', `region=${region}`], ...filters] : filters;
      for (const tab of ['open', 'resolved']) {
        const status = tab === 'open' ? 'in_progress' : 'resolved';
        for (const [label, q] of [...own, ['status', `status=${status}`]]) {
          add(`${tab}: ${label}`, [`/console?tab=${tab}&${q}`]);
        }
      }
      const doneRows = count(s, "status IN ('resolved', 'closed')");
      const openRows = count(s, 'due_at IS NOT NULL');
      const deepDone = Math.floor(doneRows / 2);
      const deepOpen = Math.floor(openRows / 2);
      add(`resolved, keyset page at row ${deepDone}`, [
        `/console?tab=resolved&after=${cursor(s, true, deepDone)}`,
      ]);
      add(`open, keyset page at row ${deepOpen}`, [
        `/console?tab=open&after=${cursor(s, false, deepOpen)}`,
      ]);
      const pages = [...samples(s, true, 20), ...samples(s, false, 20)];
      add(
        'q= a complaint number',
        pages.slice(0, 10).map((n) => `/console?q=${n}`),
        303,
      );
      add(
        'complaint page',
        pages.map((n) => `/console/c/${n}`),
      );
    }
    const users = all<{ phone: string }>(
      `SELECT phone FROM (
         SELECT phone, role, row_number() OVER (PARTITION BY role ORDER BY id) AS k FROM staff)
       WHERE (role = 'officer' AND k <= 12) OR (role = 'supervisor' AND k <= 6) OR (role = 'hq' AND k <= 2)`,
    ).map((r) => r.phone);
    return { regionCode: region, viewers: scopes.map(([v]) => v), cases, users };
  } finally {
    db.close();
  }
}
