/**
 * The call-back desk's pure rules: references (7 digits, a Damm check digit that catches every
 * single-digit typo and every swap of two adjacent digits, never a complaint number), when a
 * request is due (one working day of office hours), whose queue holds it, and what a try that
 * reached nobody does.
 */
import {
  formatCallbackReference,
  isCallbackReference,
  makeCallbackReference,
  parseCallbackReference,
} from '../../src/callbacks/core/reference';
import {
  callbackDue,
  callbackInScope,
  callbackRegionOf,
  missedTry,
  RETRY_GAP_MS,
} from '../../src/callbacks/core/rules';
import { isValidComplaintNumber } from '../../src/complaints/core/numbers';
import { seededRandomInt } from '../helpers/app';
import { eat } from '../helpers/world';

const HOURS = { startMinute: 450, endMinute: 930, holidays: new Set(['2026-04-07']) };

describe('references', () => {
  const random = seededRandomInt(21);
  const made = Array.from({ length: 300 }, () => makeCallbackReference(random));

  test('when references are made, then each is 7 digits, valid, and never a complaint number', () => {
    for (const r of made) {
      expect(r).toMatch(/^[1-9]\d{6}$/);
      expect(isCallbackReference(r)).toBe(true);
      expect(isValidComplaintNumber(r)).toBe(false);
    }
  });

  test('when one digit is mistyped or two adjacent digits are swapped, then it is not a reference', () => {
    for (const r of made.slice(0, 50)) {
      for (let i = 0; i < 7; i++) {
        for (let d = 0; d < 10; d++) {
          const typo = `${r.slice(0, i)}${d}${r.slice(i + 1)}`;
          if (typo !== r) expect([typo, isCallbackReference(typo)]).toEqual([typo, false]);
        }
        const swapped = `${r.slice(0, i)}${r[i + 1] ?? ''}${r[i] ?? ''}${r.slice(i + 2)}`;
        if (i < 6 && swapped !== r)
          expect([swapped, isCallbackReference(swapped)]).toEqual([swapped, false]);
      }
    }
  });

  test.each([
    ['482 1038', '4821038'],
    ['482-1038#', '4821038'],
    ['4821036', undefined],
    ['48210370', undefined],
    ['abc', undefined],
  ])('when %j is typed, then it reads %j', (typed, expected) => {
    expect(parseCallbackReference(typed)).toBe(expected);
  });

  test('when a reference is shown, then it is grouped 3 + 4', () => {
    expect(formatCallbackReference('4821037')).toBe('482 1037');
    expect(formatCallbackReference('48210379')).toBe('48210379');
  });
});

describe('when a request is due', () => {
  test.each([
    ['2026-03-09 10:00', '2026-03-10 10:00', 'Monday 10:00: Tuesday 10:00'],
    ['2026-03-13 10:00', '2026-03-16 10:00', 'Friday 10:00: Monday 10:00'],
    ['2026-03-13 20:00', '2026-03-16 15:30', 'Friday evening: the end of Monday'],
    ['2026-03-14 09:00', '2026-03-16 15:30', 'Saturday: the end of Monday'],
    ['2026-03-16 06:00', '2026-03-16 15:30', 'Monday before the office opens: that evening'],
    ['2026-04-06 11:00', '2026-04-08 11:00', 'the day before a holiday: the day after it'],
  ])('when asked %s, then due %s (%s)', (asked, due) => {
    expect(callbackDue(eat(asked), HOURS)).toBe(eat(due));
  });
});

describe('whose queue', () => {
  const officer = {
    kind: 'officer' as const,
    staffId: 3,
    regionCode: 'DAR',
    councils: ['DAR-KIM'],
  };
  test.each([
    [{ kind: 'all' as const }, undefined, ['DAR', 'ARU']],
    [{ kind: 'region' as const, regionCode: 'DAR' }, 'DAR', ['DAR']],
    [officer, 'DAR', ['DAR']],
  ])('when the scope is %j, then the queue is %j', (scope, region, sees) => {
    expect(callbackRegionOf(scope)).toBe(region);
    expect(['DAR', 'ARU'].filter((r) => callbackInScope(scope, r))).toEqual(sees);
  });
});

describe('a try that reached nobody', () => {
  const t = eat('2026-03-12 10:00');
  test.each([
    [{ attempts: 0, lastAttemptAt: null }, t, { attempts: 1, unreachable: false }],
    [{ attempts: 1, lastAttemptAt: t }, t + RETRY_GAP_MS, { attempts: 2, unreachable: true }],
    [{ attempts: 1, lastAttemptAt: t }, t + RETRY_GAP_MS - 1, { tooSoonUntil: t + RETRY_GAP_MS }],
  ])('when the request is %j at %i, then %j', (r, now, expected) => {
    expect(missedTry(r, now)).toEqual(expected);
  });
});
