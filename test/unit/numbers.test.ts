import {
  dammCheckDigit,
  formatComplaintNumber,
  isValidComplaintNumber,
  makeComplaintNumber,
  parseComplaintNumber,
} from '../../src/complaints/core/numbers';
import { seededRandomInt } from '../../src/cli/demo/random';

const SAMPLE_SIZE = 250;
const randomInt = seededRandomInt(0x6b65726f);
const sample = Array.from({ length: SAMPLE_SIZE }, () => makeComplaintNumber(randomInt));

const valid = makeComplaintNumber(seededRandomInt(42));
const validGrouped = `${valid.slice(0, 4)} ${valid.slice(4)}`;
const validPairs = valid.match(/../g)?.join(' ') ?? '';
const leadingZeroBody = '0482103';
const leadingZeroWithGoodChecksum = leadingZeroBody + String(dammCheckDigit(leadingZeroBody));
const badCheckDigit = valid.slice(0, 7) + String((Number(valid[7]) + 1) % 10);

describe('dammCheckDigit', () => {
  test.each([
    ['', 0],
    ['572', 4],
    ['5724', 0],
    ['0', 0],
    ['1', 3],
  ])('when the digits are %j, then the check digit is %i', (digits, expected) => {
    expect(dammCheckDigit(digits)).toBe(expected);
  });

  test('when the input contains a non-digit, then it throws a RangeError', () => {
    expect(() => dammCheckDigit('12a4')).toThrow(RangeError);
  });
});

describe('makeComplaintNumber', () => {
  test('when given a seeded PRNG, then every generated number is 8 digits, valid and not starting with 0', () => {
    const bad = sample.filter((n) => !/^[1-9][0-9]{7}$/.test(n) || !isValidComplaintNumber(n));
    expect(sample).toHaveLength(SAMPLE_SIZE);
    expect(bad).toEqual([]);
  });

  test('when the sample is generated, then numbers are not sequential and almost all distinct', () => {
    const sequential = sample.filter(
      (n, i) => i > 0 && Math.abs(Number(n) - Number(sample[i - 1])) === 1,
    );
    expect(sequential).toEqual([]);
    expect(new Set(sample).size).toBeGreaterThan(SAMPLE_SIZE - 2);
  });

  test('when randomInt always returns 0, then the body is 1000000 plus its check digit', () => {
    const n = makeComplaintNumber(() => 0);
    expect(n).toBe(`1000000${dammCheckDigit('1000000')}`);
  });

  test('when randomInt returns its maximum, then the body is 9999999 plus its check digit', () => {
    const calls: number[] = [];
    const n = makeComplaintNumber((max) => {
      calls.push(max);
      return max - 1;
    });
    expect(n).toBe(`9999999${dammCheckDigit('9999999')}`);
    expect(calls).toEqual([9, 10, 10, 10, 10, 10, 10]);
  });

  test.each([[-1], [9], [0.5], [Number.NaN]])(
    'when randomInt returns %p for max 9, then it throws a RangeError',
    (value) => {
      expect(() => makeComplaintNumber(() => value)).toThrow(RangeError);
    },
  );
});

describe('isValidComplaintNumber error detection', () => {
  test('when any single digit of a sampled number is substituted, then it is rejected', () => {
    const accepted: string[] = [];
    for (const n of sample) {
      for (let pos = 0; pos < n.length; pos++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === n[pos]) continue;
          const mutated = n.slice(0, pos) + String(d) + n.slice(pos + 1);
          if (isValidComplaintNumber(mutated)) accepted.push(`${n}->${mutated}`);
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  test('when two adjacent different digits of a sampled number are swapped, then it is rejected', () => {
    const accepted: string[] = [];
    let swaps = 0;
    for (const n of sample) {
      for (let pos = 0; pos < n.length - 1; pos++) {
        const a = n[pos] ?? '';
        const b = n[pos + 1] ?? '';
        if (a === b) continue;
        swaps += 1;
        const swapped = n.slice(0, pos) + b + a + n.slice(pos + 2);
        if (isValidComplaintNumber(swapped)) accepted.push(`${n}->${swapped}`);
      }
    }
    expect(swaps).toBeGreaterThan(SAMPLE_SIZE * 5);
    expect(accepted).toEqual([]);
  });

  test.each([
    ['a generated number', true, valid],
    ['an empty string', false, ''],
    ['7 digits', false, valid.slice(0, 7)],
    ['9 digits', false, `${valid}0`],
    ['a grouped number', false, validGrouped],
    ['a leading 0 with a good checksum', false, leadingZeroWithGoodChecksum],
    ['a wrong check digit', false, badCheckDigit],
    [
      'full-width digits',
      false,
      valid.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
    ],
  ])('when the input is %s, then validity is %p', (_label, expected, input) => {
    expect(isValidComplaintNumber(input)).toBe(expected);
  });
});

describe('formatComplaintNumber', () => {
  test.each([
    ['48210379', '4821 0379'],
    [valid, validGrouped],
    ['1234567', '1234567'],
    ['4821 0379', '4821 0379'],
  ])('when formatting %j, then the result is %j', (input, expected) => {
    expect(formatComplaintNumber(input)).toBe(expected);
  });
});

describe('parseComplaintNumber', () => {
  test.each([
    ['plain', valid],
    ['grouped with a space', validGrouped],
    ['grouped with a hyphen', `${valid.slice(0, 4)}-${valid.slice(4)}`],
    ['wrapped in #', `#${valid}#`],
    ['USSD-style * and #', `*${valid}#`],
    ['spaced in pairs with padding', ` ${validPairs} `],
    ['with a tab and a non-breaking space', `${valid.slice(0, 4)}\t\u00a0${valid.slice(4)}`],
    ['the formatter output', formatComplaintNumber(valid)],
  ])('when the input is %s, then it parses to the 8 digits', (_label, input) => {
    expect(parseComplaintNumber(input)).toEqual({ ok: true, number: valid });
  });

  test.each([
    ['empty', 'empty', ''],
    ['only separators', 'empty', ' #*- '],
    ['a letter O for zero', 'not_digits', `${valid.slice(0, 3)}O${valid.slice(4)}`],
    ['a trailing letter', 'not_digits', `${valid}a`],
    ['full-width digits', 'not_digits', '\uff14\uff18\uff12\uff11'],
    ['a plus sign', 'not_digits', `+${valid}`],
    ['too short', 'length', valid.slice(0, 7)],
    ['too long', 'length', `${valid}1`],
    ['a wrong check digit', 'check_digit', badCheckDigit],
    ['a leading 0 with a good checksum', 'check_digit', leadingZeroWithGoodChecksum],
  ])('when the input is %s, then the reason is %p', (_label, reason, input) => {
    expect(parseComplaintNumber(input)).toEqual({ ok: false, reason });
  });

  test('when every sampled number is formatted, then it parses back to itself', () => {
    const mismatches = sample.filter((n) => {
      const result = parseComplaintNumber(formatComplaintNumber(n));
      return !result.ok || result.number !== n;
    });
    expect(mismatches).toEqual([]);
  });
});
