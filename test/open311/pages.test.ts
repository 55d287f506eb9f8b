/**
 * Deep pages read after the page before them (src/open311/pages.ts) are the pages skipping
 * every row before them gives, whatever happened in between: complaints filed at the top, a
 * status changed under a status filter, the 90 days moving on. And a cursor that still holds
 * is used: the page starts right after its row.
 */
import { inTransaction } from '../../db/client';
import { resolveComplaint } from '../../src/complaints/actions';
import { parseRequestsQuery, type WindowQuery } from '../../src/open311/core/query';
import { windowPage, type Cursor } from '../../src/open311/pages';
import { changeMark } from '../../src/open311/repository';
import { DAY, HOUR, openOpen311, type Open311World } from './world';

let w: Open311World;
beforeEach(() => {
  w = openOpen311();
});
afterEach(() => w.t.close());

const T0 = () => w.t.clock.now();

function query(params: Record<string, string>, now = T0()): WindowQuery {
  const q = parseRequestsQuery(params, now, w.t.deps.reference.categories);
  if (!q.ok || q.value.kind !== 'window') throw new Error('not a window query');
  return q.value;
}

/** The page read as it always was: skipping the rows before it. */
const skipping = (q: WindowQuery) => windowPage(w.t.db, q, false, changeMark(w.t.db));
/** The page read from the cursor the page before it handed back. */
const after = (q: WindowQuery, c: Cursor | undefined) =>
  windowPage(w.t.db, q, false, changeMark(w.t.db), c);

function fileMany(n: number, from: number, step: number, council = 'DAR-KIM') {
  return inTransaction(w.t.db, () =>
    Array.from({ length: n }, (_, i) => w.file({ council }, from + i * step).number),
  );
}

const ids = (p: { rows: { number: string }[] }) => p.rows.map((r) => r.number);

describe('pages read after the page before them', () => {
  it('when a window is walked page by page, then every page is the one skipping gives', () => {
    fileMany(23, T0() - 30 * DAY, HOUR);
    let cursor: Cursor | undefined;
    for (let page = 1; page <= 6; page++) {
      const q = query({ page_size: '5', page: String(page) });
      const read = after(q, cursor);
      expect([page, ids(read)]).toEqual([page, ids(skipping(q))]);
      expect(ids(read).length).toBe(page < 5 ? 5 : page === 5 ? 3 : 0);
      cursor = read.next;
    }
    expect(cursor).toBeUndefined();
  });

  it('when complaints are filed between two pages, then the next page is still the one skipping gives', () => {
    fileMany(20, T0() - 30 * DAY, HOUR);
    const first = after(query({ page_size: '5', page: '2' }), undefined);
    w.t.clock.advance(HOUR);
    fileMany(3, T0() - 10 * 60_000, 60_000);
    // And one filed late with an older date (a demo load), behind the cursor.
    fileMany(1, T0() - 29 * DAY, 1);
    const q = query({ page_size: '5', page: '3' });
    expect(ids(after(q, first.next))).toEqual(ids(skipping(q)));
    expect(ids(skipping(q)).length).toBe(5);
  });

  it('when a complaint before the page changes status under a status filter, then the page is still right', () => {
    const filed = fileMany(12, T0() - 30 * DAY, HOUR);
    const first = after(query({ page_size: '4', page: '1', status: 'open' }), undefined);
    const newest = filed.at(-1) ?? '';
    expect(resolveComplaint(w.actions, w.staff.hq.id, newest, 'Imerekebishwa').ok).toBe(true);
    const q = query({ page_size: '4', page: '2', status: 'open' });
    expect(ids(after(q, first.next))).toEqual(ids(skipping(q)));
    expect(ids(skipping(q))).toEqual([filed[6], filed[5], filed[4], filed[3]]);
  });

  it('when the 90 days move past the row a cursor starts after, then the page is still right', () => {
    fileMany(10, T0() - 90 * DAY + HOUR, HOUR);
    const first = after(query({ page_size: '3', page: '1' }), undefined);
    w.t.clock.advance(DAY);
    const q = query({ page_size: '3', page: '2' });
    expect(ids(after(q, first.next))).toEqual(ids(skipping(q)));
    expect(ids(skipping(q))).toEqual([]);
  });

  it('when a cursor still holds, then the page starts right after its row', () => {
    const filed = fileMany(10, T0() - 10 * DAY, HOUR);
    const q = query({ page_size: '3', page: '2' });
    const planted = after(query({ page_size: '3', page: '1' }), undefined).next;
    if (!planted) throw new Error('no cursor');
    // The same cursor, made to start after the 6th newest row: a read that skips would not care.
    const row = w.t.db.$client
      .prepare('SELECT created_at AS createdAt, id FROM complaints WHERE number = ?')
      .get(filed[4]) as { createdAt: number; id: number };
    const moved = { ...planted, after: row };
    expect(ids(after(q, moved))).toEqual([filed[3], filed[2], filed[1]]);
  });

  it('when complaints were filed since a cursor, then the page steps back over them from its row', () => {
    const filed = fileMany(10, T0() - 10 * DAY, HOUR);
    const planted = after(query({ page_size: '3', page: '1' }), undefined).next;
    if (!planted) throw new Error('no cursor');
    w.t.clock.advance(HOUR);
    fileMany(2, T0() - 30 * 60_000, 60_000);
    const row = w.t.db.$client
      .prepare('SELECT created_at AS createdAt, id FROM complaints WHERE number = ?')
      .get(filed[4]) as { createdAt: number; id: number };
    // Two filed since, ahead of its row: the page starts two rows earlier than the row says.
    // (Skipping would give the 4th to 6th newest instead.)
    const q = query({ page_size: '3', page: '2' });
    expect(ids(after(q, { ...planted, after: row }))).toEqual([filed[5], filed[4], filed[3]]);
  });
});
