/**
 * USSD session retention: sessions started more than USSD_SESSION_RETENTION_DAYS ago are deleted,
 * oldest first, in batches; newer sessions (and their drafts) stay.
 */
import { openDatabase, type Db } from '../../db/client';
import { ussdSessions, type SessionRow } from '../../db/schema';
import { purgeOldSessions } from '../../src/ussd/retention';
import { purgeSessionsBefore, saveSession } from '../../src/ussd/session-repository';
import { T0 } from '../helpers/app';

const DAY = 24 * 60 * 60_000;
let db: Db;

beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.$client.close());

function session(id: string, createdAt: number, draftOpen = false): SessionRow {
  return {
    sessionId: id,
    phone: '+255712345678',
    serviceCode: '*384*1234#',
    networkCode: '64004',
    lastText: '1',
    lastResponse: 'CON Chagua mkoa',
    state: '{}',
    ended: false,
    draftOpen,
    hops: 2,
    createdAt,
    updatedAt: createdAt,
  };
}

const ids = () =>
  db
    .select({ id: ussdSessions.sessionId })
    .from(ussdSessions)
    .all()
    .map((r) => r.id);

describe('USSD session retention', () => {
  test('when sessions are older than the retention, then they are deleted and newer ones stay', async () => {
    for (let i = 0; i < 5; i++)
      saveSession(db, session(`old-${i}`, T0 - (40 - i) * DAY), undefined);
    saveSession(db, session('recent', T0 - 2 * DAY), undefined);
    saveSession(db, session('draft-today', T0 - 60_000, true), undefined);

    const deleted = await purgeOldSessions(db, T0, 30);

    expect(deleted).toBe(5);
    expect(ids().sort()).toEqual(['draft-today', 'recent']);
  });

  test('when a batch is smaller than what is due, then each pass deletes the oldest ones only', () => {
    for (let i = 0; i < 5; i++)
      saveSession(db, session(`old-${i}`, T0 - (40 - i) * DAY), undefined);
    saveSession(db, session('recent', T0), undefined);

    expect(purgeSessionsBefore(db, T0 - 30 * DAY, 2)).toBe(2);
    expect(ids().sort()).toEqual(['old-2', 'old-3', 'old-4', 'recent']);
    expect(purgeSessionsBefore(db, T0 - 30 * DAY, 2)).toBe(2);
    expect(purgeSessionsBefore(db, T0 - 30 * DAY, 2)).toBe(1);
    expect(purgeSessionsBefore(db, T0 - 30 * DAY, 2)).toBe(0);
    expect(ids()).toEqual(['recent']);
  });

  test('when nothing is old enough, then nothing is deleted', async () => {
    saveSession(db, session('today', T0), undefined);

    expect(await purgeOldSessions(db, T0, 30)).toBe(0);
    expect(ids()).toEqual(['today']);
  });
});
