/**
 * The webhook form parser (src/http/form.ts): bodies as AT encodes them, and the malformed ones
 * that must be refused rather than stored as typed.
 */
import { BadRequestError } from '../../src/http/errors';
import { parseForm } from '../../src/http/form';

describe('parseForm', () => {
  test('when a body is AT-encoded, then "+" is a space, escapes are decoded and "*" stays', () => {
    const form = parseForm(
      'phoneNumber=%2B255712345678&text=1*Maji+hayatoki%21&serviceCode=*384*1234%23',
    );

    expect({ ...form }).toEqual({
      phoneNumber: '+255712345678',
      text: '1*Maji hayatoki!',
      serviceCode: '*384*1234#',
    });
  });

  test('when a value is UTF-8 percent-encoded, then it decodes to the characters typed', () => {
    expect(parseForm('text=Habari+%F0%9F%98%80+caf%C3%A9').text).toBe('Habari 😀 café');
  });

  test('when a field has no "=" or an empty value, then its value is empty; empty pairs are skipped', () => {
    expect({ ...parseForm('a&b=&&c=1&') }).toEqual({ a: '', b: '', c: '1' });
  });

  test('when a field repeats, then its values form an array (for validation to refuse)', () => {
    expect(parseForm('sessionId=A&sessionId=B&sessionId=C').sessionId).toEqual(['A', 'B', 'C']);
  });

  test('when the body is empty, then there are no fields', () => {
    expect(Object.keys(parseForm(''))).toEqual([]);
  });

  test('when a key is __proto__ or constructor, then it is just a field and nothing is polluted', () => {
    const form = parseForm('__proto__=x&constructor=y&toString=z');

    expect(form.__proto__).toBe('x');
    expect(form.constructor).toBe('y');
    expect(Object.getPrototypeOf(form)).toBeNull();
    expect(Object.prototype).not.toHaveProperty('x');
  });

  test.each(['text=%E0%A4%A', 'text=%', 'text=%ZZ', '%E0=1', 'text=50%+off'])(
    'when an escape is malformed (%s), then it is a BadRequestError',
    (body) => {
      expect(() => parseForm(body)).toThrow(BadRequestError);
    },
  );

  test('when a body has 50 fields, then it parses; 51 fields is a BadRequestError', () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i) => `f${i}=${i}`).join('&');

    expect(Object.keys(parseForm(fields(50)))).toHaveLength(50);
    expect(() => parseForm(fields(51))).toThrow(/more than 50 fields/);
  });
});
