/**
 * The morning digest on real SQLite, through the clock passed in (Dar es Salaam time): at 08:00
 * on working days one SMS per active supervisor for their region and one per headquarters member
 * for the country; none on weekends, public holidays, for a region with nothing open, or twice a
 * day; a late start still sends the day's. And its one SMS fits one part at the worst.
 */
import { loadAdminUnits } from '../../db/seed/seed';
import type { StaffRow } from '../../db/schema';
import { resolveComplaint } from '../../src/complaints/actions';
import { digestFigures, digestText } from '../../src/reports/core/digest';
import { runMorningDigest, type DigestDeps } from '../../src/reports/digest';
import { smsParts } from '../../src/text/gsm7';
import { translate } from '../../src/text/translate';
import { hqStaff, officer, supervisor } from '../helpers/staff';
import { allOutbox, eat, file, openWorld, type World, type WorldOptions } from '../helpers/world';

let w: World;
afterEach(() => w.close());

interface Desk {
  darSup: StaffRow;
  aruSup: StaffRow;
  hq: StaffRow;
}

/**
 * Dar es Salaam on Friday 2026-03-06: one complaint filed before anyone worked there (unassigned,
 * overdue), one unanswered since Monday (overdue), one due tonight, one resolved. Arusha has a
 * supervisor and nothing open.
 */
function openDesk(opts: WorldOptions = {}): Desk {
  w = openWorld({ start: eat('2026-03-02 09:00'), ...opts }); // a Monday
  file(w, { council: 'DAR-UBM', description: 'Barabara imeharibika kabisa.' });
  const neema = officer(w, 'DAR', { councils: ['DAR-KIM'], lang: 'en' });
  const darSup = supervisor(w, 'DAR', { lang: 'en' });
  const aruSup = supervisor(w, 'ARU', { lang: 'sw' });
  const hq = hqStaff(w, { lang: 'sw' });
  w.clock.set(eat('2026-03-02 10:00'));
  file(w, { council: 'DAR-KIM' });
  w.clock.set(eat('2026-03-03 10:00'));
  file(w, { council: 'DAR-KIM' });
  const done = file(w, { council: 'DAR-KIM' });
  const resolved = resolveComplaint(w.deps, neema.id, done.number, 'Maji yamerudi');
  if (!resolved.ok) throw new Error('could not resolve');
  return { darSup, aruSup, hq };
}

const digestDeps = (): DigestDeps => ({
  db: w.db,
  reference: w.reference,
  policy: w.deps.policy,
  digestAt: 8 * 60,
});

const digestsAt = (wall: string) => {
  w.clock.set(eat(wall));
  return runMorningDigest(digestDeps(), w.clock.now());
};

const digestSms = () =>
  allOutbox(w)
    .filter((m) => m.template === 'sms.digest.body')
    .map((m) => [m.toPhone, m.body]);

describe('when the digest goes', () => {
  test('when it is 07:59 on a working day, then nothing; at 08:00 the region supervisor and headquarters get theirs', () => {
    const d = openDesk();

    expect(digestsAt('2026-03-06 07:59')).toBeUndefined();
    expect(digestSms()).toEqual([]);

    expect(digestsAt('2026-03-06 08:00')).toBe(2);
    expect(digestSms()).toEqual([
      [
        d.darSup.phone,
        'Kero 06/03/2026, Dar es Salaam: open 3; overdue 2 (oldest 3 days); unassigned 1; due today 1.',
      ],
      [
        d.hq.phone,
        'Kero 06/03/2026, mikoa yote: malalamiko wazi 3; yaliyochelewa 2 (la zamani zaidi lina siku 3); bila afisa 1; yanayoisha muda leo 1.',
      ],
    ]);
    // Arusha has nothing open: its supervisor gets nothing.
    expect(digestSms().some(([to]) => to === d.aruSup.phone)).toBe(false);
  });

  test('when the server restarts at 08:30 after sending, then nothing is sent again that day; the next working day it goes again', () => {
    openDesk();
    expect(digestsAt('2026-03-06 08:00')).toBe(2);

    expect(digestsAt('2026-03-06 08:30')).toBeUndefined();
    expect(digestsAt('2026-03-06 11:00')).toBeUndefined();
    expect(digestSms()).toHaveLength(2);

    expect(digestsAt('2026-03-09 08:00')).toBe(2); // Monday
    expect(digestSms()).toHaveLength(4);
  });

  test("when a server starts at 09:00 on a working day, then the day's digest still goes, up to 12:00", () => {
    openDesk();
    expect(digestsAt('2026-03-06 09:00')).toBe(2);

    expect(digestsAt('2026-03-09 12:00')).toBeUndefined(); // Monday, four hours late: dropped
    expect(digestSms()).toHaveLength(2);
  });

  test('when it is Saturday or Sunday at 08:00, then nothing goes', () => {
    openDesk();
    expect(digestsAt('2026-03-07 08:00')).toBeUndefined();
    expect(digestsAt('2026-03-08 08:00')).toBeUndefined();
    expect(digestSms()).toEqual([]);
  });

  test('when the working day is a public holiday (HOLIDAYS), then nothing goes, and the next working day it does', () => {
    openDesk({ holidays: '2026-03-06' });
    expect(digestsAt('2026-03-06 08:00')).toBeUndefined();
    expect(digestSms()).toEqual([]);

    expect(digestsAt('2026-03-09 08:00')).toBe(2);
  });

  test('when nothing is open anywhere, then nobody gets a digest', () => {
    w = openWorld({ start: eat('2026-03-02 09:00') });
    supervisor(w, 'DAR');
    hqStaff(w);

    expect(digestsAt('2026-03-06 08:00')).toBe(0);
    expect(digestSms()).toEqual([]);
  });

  test('when DIGEST_AT is off, then nothing goes', () => {
    openDesk();
    w.clock.set(eat('2026-03-06 08:00'));
    expect(runMorningDigest({ ...digestDeps(), digestAt: null }, w.clock.now())).toBeUndefined();
  });
});

describe('the digest SMS', () => {
  const regions = loadAdminUnits().map((r) => r.name);
  const longestRegion = regions.reduce((a, b) => (b.length > a.length ? b : a));
  const huge = {
    open: 999_999,
    overdue: 999_999,
    oldestOverdueDays: 9_999,
    unassigned: 999_999,
    dueToday: 999_999,
  };

  test.each(['sw', 'en'] as const)(
    'when the longest region name and huge counts are written in %s, then it is one GSM-7 part',
    (lang) => {
      for (const area of [longestRegion, translate('sms.digest.country', lang)]) {
        const body = digestText(area, huge, eat('2026-12-31 08:00'), lang);
        expect(smsParts(body)).toMatchObject({ encoding: 'GSM-7', parts: 1 });
      }
    },
  );

  test('when nothing is overdue, then the oldest is not mentioned', () => {
    const figures = { open: 2, overdue: 0, oldestOverdueDays: null, unassigned: 0, dueToday: 1 };
    expect(digestText('Arusha', figures, eat('2026-03-06 08:00'), 'en')).toBe(
      'Kero 06/03/2026, Arusha: open 2; overdue 0; unassigned 0; due today 1.',
    );
  });

  test('when an answered complaint is past its resolution deadline, then it counts as overdue from its filing', () => {
    const policy = { firstResponseWorkingDays: 3, resolutionDays: 14, holidays: new Set<string>() };
    const filed = eat('2026-03-01 10:00');
    const answered = { status: 'in_progress' as const, assigneeId: 1, createdAt: filed };
    expect(
      digestFigures([{ ...answered, firstResponseAt: filed + 1 }], eat('2026-03-16 08:00'), policy),
    ).toEqual({ open: 1, overdue: 1, oldestOverdueDays: 14, unassigned: 0, dueToday: 0 });
    expect(
      digestFigures([{ ...answered, firstResponseAt: filed + 1 }], eat('2026-03-15 08:00'), policy),
    ).toEqual({ open: 1, overdue: 0, oldestOverdueDays: null, unassigned: 0, dueToday: 1 });
  });
});
