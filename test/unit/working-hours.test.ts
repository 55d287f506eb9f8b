/** Office time on working days (Tanzanian time), for the console's deadlines. Pure. */
import {
  addWorkingMs,
  parseHours,
  workingDayMs,
  workingMsBetween,
  type WorkingHours,
} from '../../src/text/calendar';

const H = 60 * 60_000;
const eat = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}:00+03:00`);
const hours: WorkingHours = {
  startMinute: 7 * 60 + 30,
  endMinute: 15 * 60 + 30,
  holidays: new Set(['2026-12-09']),
};

test('when office hours are 07:30-15:30, then a working day is 8 hours', () => {
  expect(workingDayMs(hours)).toBe(8 * H);
});

test.each([
  ['within one morning', '2026-12-07 08:00', '2026-12-07 10:30', 2.5 * H],
  ['from before opening to after closing', '2026-12-07 05:00', '2026-12-07 18:00', 8 * H],
  ['overnight, Monday to Tuesday', '2026-12-07 15:00', '2026-12-08 08:30', 1.5 * H],
  ['over a public holiday (Wednesday 9 December)', '2026-12-08 15:00', '2026-12-10 08:30', 1.5 * H],
  ['over a weekend', '2026-12-11 15:00', '2026-12-14 08:30', 1.5 * H],
  ['on a Saturday', '2026-12-12 09:00', '2026-12-12 12:00', 0],
  ['backwards: negative', '2026-12-07 10:30', '2026-12-07 08:00', -2.5 * H],
])('when counting office time %s, then it is right', (_what, from, to, expected) => {
  expect(workingMsBetween(eat(from), eat(to), hours)).toBe(expected);
});

test.each([
  ['the same morning', '2026-12-07 08:00', 2 * H, '2026-12-07 10:00'],
  ['past closing into the next day', '2026-12-07 14:30', 2 * H, '2026-12-08 08:30'],
  ['from a Friday evening, over the weekend', '2026-12-11 20:00', 8 * H, '2026-12-14 15:30'],
  ['over the public holiday', '2026-12-08 15:00', 1 * H, '2026-12-10 08:00'],
  ['nothing', '2026-12-07 09:00', 0, '2026-12-07 09:00'],
])('when adding office time %s, then it lands right', (_what, from, ms, expected) => {
  expect(addWorkingMs(eat(from), ms, hours)).toBe(eat(expected));
});

test('when office time is added and counted back, then the two agree', () => {
  const from = eat('2026-12-04 13:17');
  for (const ms of [1, 59 * 60_000, 8 * H, 13 * H, 40 * H]) {
    expect(workingMsBetween(from, addWorkingMs(from, ms, hours), hours)).toBe(ms);
  }
});

test.each([
  ['07:30-15:30', { startMinute: 450, endMinute: 930 }],
  ['08:00-17:00', { startMinute: 480, endMinute: 1020 }],
  ['17:00-08:00', undefined],
  ['7:30-15:30', undefined],
  ['24:00-25:00', undefined],
])('when office hours are written %s, then they read %j', (text, expected) => {
  expect(parseHours(text)).toEqual(expected);
});
