/**
 * The public status page's pure parts (issue 21): where a complaint stands against its deadlines,
 * what may be shown of it, and the acknowledgement's link to the page only when it still fits.
 */
import { withStatusLink } from '../../src/complaints/filing';
import { publicStatus, slaState, type StatusRow } from '../../src/status/core/status';
import { smsParts } from '../../src/text/gsm7';

const DAY = 86_400_000;
const row: StatusRow = {
  number: '59277607',
  status: 'assigned',
  councilCode: 'DAR-KIM',
  categoryCode: 'corruption',
  createdAt: 0,
  updatedAt: DAY,
  firstResponseAt: null,
  firstResponseDueAt: 3 * DAY,
  resolvedAt: null,
  resolutionDueAt: 14 * DAY,
};

describe('slaState', () => {
  test.each([
    [
      'unanswered before its first-response deadline',
      row,
      DAY,
      { kind: 'awaitingReply', dueAt: 3 * DAY },
    ],
    ['unanswered past it', row, 4 * DAY, { kind: 'late' }],
    [
      'answered, before resolution is due',
      { ...row, firstResponseAt: DAY },
      5 * DAY,
      { kind: 'beingResolved', dueAt: 14 * DAY },
    ],
    ['answered, past resolution', { ...row, firstResponseAt: DAY }, 15 * DAY, { kind: 'late' }],
    [
      'resolved on time',
      { ...row, status: 'resolved', resolvedAt: 10 * DAY },
      20 * DAY,
      { kind: 'resolvedOnTime' },
    ],
    [
      'resolved late',
      { ...row, status: 'closed', resolvedAt: 15 * DAY },
      20 * DAY,
      { kind: 'resolvedLate' },
    ],
    [
      'open with no deadlines yet (before the upgrade job)',
      { ...row, firstResponseDueAt: null },
      DAY,
      { kind: 'noDeadline' },
    ],
  ] as const)('when %s, then %j', (_what, r, now, expected) => {
    expect(slaState(r as StatusRow, now)).toEqual(expected);
  });
});

test('when the category is not published, then the page gets no category to name', () => {
  expect(publicStatus(row, DAY, () => false).categoryCode).toBeNull();
  expect(publicStatus(row, DAY, () => true).categoryCode).toBe('corruption');
});

describe('withStatusLink', () => {
  const ack =
    'PO-RALG: your complaint 5927 7607 (Water, Kinondoni MC) has been received. Track it by dialling *384*1234*59277607#';

  test('when PUBLIC_URL is set and the link fits the same parts, then the SMS carries it', () => {
    // A Kiswahili acknowledgement with a long council name takes two parts with room to spare.
    const two = `${ack} Asante kwa kuwasiliana na kituo cha huduma kwa wateja.`;
    expect(smsParts(two).parts).toBe(2);
    const linked = withStatusLink(two, 'https://kero.example.go.tz/status', '59277607', 'sw');
    expect(linked).toBe(`${two} Hali: https://kero.example.go.tz/status?number=59277607`);
    expect(smsParts(linked).parts).toBe(2);
    // One part with no room for the link: sent without it rather than in two.
    expect(withStatusLink(ack, 'https://kero.example.go.tz/status', '59277607', 'en')).toBe(ack);
  });

  test('when the link would take another SMS part, then the SMS goes without it', () => {
    const long = ack + ' x'.repeat((153 * 2 - ack.length - 20) / 2);
    expect(smsParts(long).parts).toBe(2);
    expect(withStatusLink(long, 'https://kero.example.go.tz/status', '59277607', 'en')).toBe(long);
  });

  test('when PUBLIC_URL is not set, then nothing is added', () => {
    expect(withStatusLink(ack, undefined, '59277607', 'sw')).toBe(ack);
  });
});
