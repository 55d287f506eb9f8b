/**
 * Quiet hours as pure functions: which templates wait for the morning (one table, every kind of
 * message a citizen or staff member gets), and the end of the quiet period for an instant, at its
 * boundaries in Tanzanian time.
 */
import { heldUntil, WAITS_FOR_MORNING } from '../../src/outbox/core/quiet-hours';
import { endOfWindow, parseDailyWindow, type DailyWindow } from '../../src/text/calendar';
import { en } from '../../menus/locales/en';
import { eat } from '../helpers/world';

const NIGHT: DailyWindow = { start: 21 * 60, end: 7 * 60 };

describe('which messages wait for the morning', () => {
  test.each([
    // Citizen updates they did not just ask for: wait.
    ['sms.assigned', 'waits'],
    ['sms.resolved', 'waits'],
    ['sms.reopened', 'waits'],
    ['sms.escalated', 'waits'],
    // Nobody could reach them: news of a try that failed, not an answer they wait on right now.
    ['sms.callback.unreachable', 'waits'],
    // What the citizen is waiting for right now: at once.
    ['sms.received', 'at once'],
    ['sms.reply', 'at once'],
    ['sms.citizen.added', 'at once'],
    ['sms.citizen.status', 'at once'],
    ['sms.citizen.reopened', 'at once'],
    ['sms.citizen.rated', 'at once'],
    ['sms.citizen.lowRated', 'at once'],
    ['sms.citizen.help', 'at once'],
    ['sms.unknown', 'at once'],
    ['sms.rateLimited', 'at once'],
    // Everything to staff: at once.
    ['sms.staff.assigned', 'at once'],
    ['sms.staff.escalated', 'at once'],
    ['sms.staff.reopened', 'at once'],
    ['sms.staff.citizenMessage', 'at once'],
    ['sms.staff.budget', 'at once'],
    ['sms.digest.body', 'at once'],
    ['sms.cmd.replied', 'at once'],
    ['sms.cmd.listTitle', 'at once'],
    // An automatic reply sent on its own after a status SMS: as that SMS.
    ['sms.assigned+auto', 'waits'],
    ['sms.resolved+auto', 'waits'],
    ['sms.received+auto', 'at once'],
    ['sms.citizen.reopened+auto', 'at once'],
    // Sign-in codes (the console's template) and anything not listed: at once.
    ['console.code', 'at once'],
    ['test', 'at once'],
  ])('when a %s message is due at 23:00, then it %s', (template, expected) => {
    const at = eat('2026-03-13 23:00');
    const until = heldUntil(template, at, NIGHT);
    expect(until === undefined ? 'at once' : 'waits').toBe(expected);
    if (until !== undefined) expect(until).toBe(eat('2026-03-14 07:00'));
  });

  test('when the list is read, then each entry is a citizen SMS template that exists', () => {
    for (const key of WAITS_FOR_MORNING) expect(Object.keys(en)).toContain(key);
  });

  test('when quiet hours are off, then nothing waits', () => {
    expect(heldUntil('sms.assigned', eat('2026-03-13 23:00'), null)).toBeUndefined();
  });
});

describe('the end of the quiet period', () => {
  test.each([
    ['2026-03-13 20:59', undefined],
    ['2026-03-13 21:00', '2026-03-14 07:00'],
    ['2026-03-13 23:59', '2026-03-14 07:00'],
    ['2026-03-14 00:00', '2026-03-14 07:00'],
    ['2026-03-14 06:59', '2026-03-14 07:00'],
    ['2026-03-14 07:00', undefined],
    ['2026-03-14 12:00', undefined],
  ])('when it is %s in Dar es Salaam (21:00-07:00), then a held message goes at %s', (at, end) => {
    expect(endOfWindow(eat(at), NIGHT)).toBe(end === undefined ? undefined : eat(end));
  });

  test('when the window does not cross midnight (13:00-14:00), then only that hour is inside', () => {
    const lunch = parseDailyWindow('13:00-14:00')!;
    expect(endOfWindow(eat('2026-03-13 12:59'), lunch)).toBeUndefined();
    expect(endOfWindow(eat('2026-03-13 13:30'), lunch)).toBe(eat('2026-03-13 14:00'));
    expect(endOfWindow(eat('2026-03-13 14:00'), lunch)).toBeUndefined();
  });

  test.each(['21:00', '21:00-07:00-08:00', '7-8', '21:00-21:00', '21:60-07:00'])(
    'when the window is written %j, then it is not one',
    (text) => {
      expect(parseDailyWindow(text)).toBeUndefined();
    },
  );
});
