/**
 * The citizen's other complaints on a complaint page: the same phone's, newest first, at most
 * five, only those the viewer's scope holds; an anonymous complaint lists none and is never
 * listed. The read is one range of complaints_citizen_idx, whatever the scope.
 */
import { sql } from 'drizzle-orm';
import type { ComplaintRow } from '../../db/schema';
import { otherComplaintsQuery } from '../../src/complaints/citizen-complaints-repository';
import type { Scope } from '../../src/complaints/core/scope';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { DESK, HOUR, OTHER_CITIZEN } from '../helpers/world';
import { openConsoleWorld, signedIn, textOf, type ConsoleWorld } from './world';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

/** Files one complaint an hour later than the last. */
function fileLater(f: Parameters<ConsoleWorld['file']>[0]): ComplaintRow {
  w.clock.advance(HOUR);
  return w.file(f);
}

/** The complaint numbers (grouped) in the "other complaints" section of a page, in order. */
const listed = (html: string): string[] => {
  const section = /<section class="panel" id="others"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  return [...section.matchAll(/href="\/console\/c\/(\d{8})"/g)].map((m) =>
    formatComplaintNumber(m[1] ?? ''),
  );
};
const n = (c: ComplaintRow) => formatComplaintNumber(c.number);

async function pageFor(phone: string, c: ComplaintRow): Promise<string> {
  const { agent } = await signedIn(w, phone);
  const res = await agent.get(`/console/c/${c.number}`);
  expect(res.status).toBe(200);
  return res.text;
}

describe('who sees which', () => {
  let kim: ComplaintRow[];
  let ubm: ComplaintRow;
  let arusha: ComplaintRow;
  let anonymous: ComplaintRow;
  let current: ComplaintRow;
  beforeEach(() => {
    kim = [1, 2, 3, 4].map(() => fileLater({ council: 'DAR-KIM', category: 'roads' }));
    ubm = fileLater({ council: 'DAR-UBM', category: 'health' });
    arusha = fileLater({ council: 'ARU-ARC' });
    anonymous = fileLater({ council: 'DAR-KIM', anonymous: true });
    fileLater({ council: 'DAR-KIM', phone: OTHER_CITIZEN });
    current = fileLater({ council: 'DAR-KIM' });
  });

  test('when headquarters open a complaint, then the five newest other named ones are listed (not the sixth), newest first, with date, category, status and council', async () => {
    const html = await pageFor(DESK.hq.phone, current);

    expect(listed(html)).toEqual([arusha, ubm, ...[...kim].reverse()].map(n).slice(0, 5));
    const row = /<tr><td data-label="Number">[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    expect(textOf(row)).toBe(`${n(arusha)} 12/03/2026 15:00 Water Assigned Arusha CC`);
  });

  test('when the Dar es Salaam supervisor opens it, then Arusha’s is left out', async () => {
    expect(listed(await pageFor(DESK.darSup.phone, current))).toEqual(
      [ubm, ...[...kim].reverse()].map(n),
    );
  });

  test('when the Kinondoni officer opens it, then only Kinondoni ones are listed', async () => {
    expect(listed(await pageFor(DESK.neema.phone, current))).toEqual([...kim].reverse().map(n));
  });

  test('when the complaint is anonymous, then none is listed and the page says why', async () => {
    const html = await pageFor(DESK.hq.phone, anonymous);

    expect(listed(html)).toEqual([]);
    expect(textOf(html)).toContain('Filed anonymously: other complaints from this citizen');
  });

  test('when a citizen has no other complaint in scope, then the page says none (in Kiswahili for this officer)', async () => {
    const html = await pageFor(DESK.aruOfficer.phone, arusha);

    expect(listed(html)).toEqual([]);
    expect(textOf(html)).toContain(
      'Malalamiko mengine ya mwananchi huyu Hakuna unayoruhusiwa kuona.',
    );
  });
});

describe('the read at a million complaints', () => {
  test.each<[string, Scope]>([
    ['headquarters', { kind: 'all' }],
    ['a supervisor', { kind: 'region', regionCode: 'DAR' }],
    [
      'an officer of some councils',
      { kind: 'officer', staffId: 2, regionCode: 'DAR', councils: ['DAR-KIM', 'DAR-UBM'] },
    ],
    [
      'an officer of the whole region',
      { kind: 'officer', staffId: 2, regionCode: 'DAR', councils: [] },
    ],
  ])(
    'when %s asks, then SQLite walks one range of complaints_citizen_idx and sorts nothing',
    (_who, scope) => {
      const plan = w.db
        .all<{ detail: string }>(
          sql`EXPLAIN QUERY PLAN ${otherComplaintsQuery('+255689000001', 1, scope, 5)}`,
        )
        .map((r) => r.detail);

      expect(plan).toEqual([
        'SEARCH complaints USING INDEX complaints_citizen_idx (citizen_phone=?)',
      ]);
    },
  );
});
