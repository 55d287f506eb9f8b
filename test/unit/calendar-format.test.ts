/** How the command line writes an instant (src/text/calendar.ts): Tanzanian time, named. */
import { tanzanianDateTime } from '../../src/text/calendar';

test.each([
  ['2026-12-04T19:11:13.338Z', '2026-12-04 22:11:13 EAT'],
  ['2026-12-31T21:00:00.000Z', '2027-01-01 00:00:00 EAT'],
  ['2026-03-12T06:03:00.000Z', '2026-03-12 09:03:00 EAT'],
])('when the instant is %s, then the CLI prints %s', (iso, shown) => {
  expect(tanzanianDateTime(Date.parse(iso))).toBe(shown);
});
