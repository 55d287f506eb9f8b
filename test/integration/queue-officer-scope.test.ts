/**
 * An officer's queue over real SQLite. It is read in parts (each council they cover, then what is
 * assigned to them elsewhere) merged into one order: every tab, page by page, must hold exactly
 * what inScope admits, each complaint once, in the queue's order, and count the same.
 */
import type { ComplaintRow } from '../../db/schema';
import { inScope, type Scope } from '../../src/complaints/core/scope';
import {
  countQueue,
  queuePage,
  TABS,
  type Cursor,
  type QueueClock,
  type QueueSpec,
  type Tab,
} from '../../src/complaints/queue-repository';
import { findComplaintById, updateComplaint } from '../../src/complaints/repository';
import { openDesk, type Desk } from './desk';
import { DAY, file, HOUR, openWorld, type World } from '../helpers/world';

let w: World;
let d: Desk;
let ids: number[];
let scope: Scope;
beforeEach(() => {
  w = openWorld();
  d = openDesk(w);
  scope = {
    kind: 'officer',
    staffId: d.neema.id,
    regionCode: 'DAR',
    councils: ['DAR-KIM', 'DAR-TEM'],
  };
  ids = [d.mine, d.jumas, d.unassigned, d.arusha].map((c) => c.id);
  const councils = ['DAR-KIM', 'DAR-TEM', 'DAR-UBM', 'ARU-ARC'];
  for (let i = 0; i < 32; i++) {
    // Two at a time share a filing instant, and deadlines fall on working days' ends: they tie.
    if (i % 2 === 0) w.clock.advance(6 * HOUR);
    const c = file(w, {
      council: councils[i % 4] ?? '',
      phone: `+2556890${String(i).padStart(5, '0')}`,
    });
    ids.push(c.id);
    const now = w.clock.now();
    // Some of every council are theirs: in their councils (seen twice over), and elsewhere.
    if (i % 3 === 0) updateComplaint(w.db, c.id, { assigneeId: d.neema.id }, now);
    else if (i % 7 === 4) updateComplaint(w.db, c.id, { assigneeId: null }, now);
    // Some are done, resolution times tying in threes.
    if (i % 5 === 1 || i % 5 === 2) {
      const status = i % 5 === 1 ? 'resolved' : 'closed';
      const at = now - (i % 3) * HOUR;
      updateComplaint(w.db, c.id, { status, resolvedAt: at, closedAt: null }, now);
    }
  }
});
afterEach(() => w.close());

/** The tab as a filter over rows, and its order: what the queue must equal. */
function expected(rows: ComplaintRow[], tab: Tab, clock: QueueClock): number[] {
  const due = (r: ComplaintRow) => r.dueAt;
  const holds: Record<Tab, (r: ComplaintRow) => boolean> = {
    mine: (r) => due(r) !== null && r.assigneeId === d.neema.id,
    unassigned: (r) => due(r) !== null && r.assigneeId === null,
    dueSoon: (r) => (due(r) ?? -1) >= clock.now && (due(r) ?? Infinity) < clock.soon,
    overdue: (r) => (due(r) ?? Infinity) < clock.now,
    open: (r) => due(r) !== null,
    resolved: (r) => r.status === 'resolved' || r.status === 'closed',
  };
  const done = tab === 'resolved';
  const key = (r: ComplaintRow) => (done ? r.resolvedAt : r.dueAt) ?? 0;
  return rows
    .filter((r) => inScope(scope, r) && holds[tab](r))
    .sort((a, b) => (done ? -1 : 1) * (key(a) - key(b) || a.id - b.id))
    .map((r) => r.id);
}

/** Every page of a tab, `limit` rows at a time, following each page's last row. */
function walk(spec: QueueSpec, limit: number): number[] {
  const seen: number[] = [];
  let after: Cursor | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = queuePage(w.db, spec, limit, after);
    seen.push(...page.map((r) => r.id));
    const last = page.at(-1);
    if (page.length < limit || !last) return seen;
    const key = (spec.tab === 'resolved' ? last.resolvedAt : last.dueAt) ?? 0;
    after = { key, id: last.id };
  }
  throw new Error('more than 100 pages');
}

test.each(TABS)(
  'when an officer covering two councils pages through %s, then each complaint of their scope comes once, in order',
  (tab) => {
    const rows = ids.map((id) => findComplaintById(w.db, id)).filter((r) => r !== undefined);
    const open = rows.flatMap((r) => (r.dueAt === null ? [] : [r.dueAt])).sort((a, b) => a - b);
    const now = open[Math.floor(open.length / 2)] ?? w.clock.now();
    const clock = { now, soon: now + DAY };
    const spec: QueueSpec = { scope, me: d.neema.id, tab, filters: {}, clock };
    const want = expected(rows, tab, clock);
    expect(want.length).toBeGreaterThan(tab === 'unassigned' ? 0 : 2);
    expect(walk(spec, 3)).toEqual(want);
    expect(walk(spec, 100)).toEqual(want);
    expect(countQueue(w.db, spec, 1000)).toBe(want.length);
    expect(countQueue(w.db, spec, 2)).toBe(Math.min(want.length, 3));
  },
);

test('when a complaint of their council is assigned to them, then Open lists it once and counts it once', () => {
  const clock = { now: w.clock.now(), soon: w.clock.now() + HOUR };
  const spec: QueueSpec = { scope, me: d.neema.id, tab: 'open', filters: {}, clock };
  const ids = walk(spec, 2);
  expect(d.mine.councilCode).toBe('DAR-KIM');
  expect(ids.filter((id) => id === d.mine.id)).toHaveLength(1);
  expect(new Set(ids).size).toBe(ids.length);
  expect(countQueue(w.db, spec, 1000)).toBe(ids.length);
});

test('when the council filter names one of their councils, then only that council and what is theirs there remain', () => {
  const clock = { now: w.clock.now(), soon: w.clock.now() + HOUR };
  const filters = { councilCode: 'DAR-TEM' };
  const spec: QueueSpec = { scope, me: d.neema.id, tab: 'open', filters, clock };
  const rows = queuePage(w.db, spec, 100);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r.councilCode === 'DAR-TEM')).toBe(true);
  const resolved = queuePage(
    w.db,
    { ...spec, tab: 'resolved', filters: { status: 'closed' } },
    100,
  );
  expect(resolved.length).toBeGreaterThan(0);
  expect(resolved.every((r) => r.status === 'closed' && inScope(scope, r))).toBe(true);
});
