/**
 * The fake AT phone itself: it must encode as AT does and must refuse answers AT would refuse,
 * or every HTTP test would pass for the wrong reason.
 */
import type { Response } from 'supertest';
import { atContractProblems, formBody, formValue } from '../helpers/at-ussd';

const answer = (text: string, status = 200, type = 'text/plain; charset=utf-8') =>
  ({ status, text, headers: { 'content-type': type } }) as unknown as Response;

describe('the fake AT phone', () => {
  test.each([
    ['+255712345678', '%2B255712345678'],
    ['*384*1234#', '*384*1234%23'],
    ['1*2*Maji * hayatoki', '1*2*Maji+*+hayatoki'],
    ['100% (sawa)!', '100%25+%28sawa%29%21'],
    ['💧', '%F0%9F%92%A7'],
  ])('when %j is form-encoded, then it is %s', (value, encoded) => {
    expect(formValue(value)).toBe(encoded);
  });

  test('when a body is built, then the fields keep their order', () => {
    expect(formBody({ sessionId: 'ATUid_1', phoneNumber: '+255712345678', text: '' })).toBe(
      'sessionId=ATUid_1&phoneNumber=%2B255712345678&text=',
    );
  });

  test.each([
    ['a good CON screen', answer('CON Chagua huduma:\n1. Wasilisha'), []],
    ['a good END screen', answer('END Asante.'), []],
    ['a 500', answer('END Asante.', 500), ['status 500']],
    ['JSON', answer('END Asante.', 200, 'application/json'), ['content-type application/json']],
    ['no prefix', answer('Asante.'), ['no "CON "/"END " prefix']],
    ['a leading space', answer(' CON Asante.'), ['no "CON "/"END " prefix']],
    [
      'a BOM',
      answer('\uFEFFCON Asante.'),
      ['no "CON "/"END " prefix', 'non GSM-7 basic characters "\uFEFF"'],
    ],
    ['161 characters', answer(`CON ${'a'.repeat(157)}`), ['161 characters']],
    ['a curly quote', answer('END “Asante”'), ['non GSM-7 basic characters "“”"']],
    ['an extension character', answer('END [1]'), ['non GSM-7 basic characters "[]"']],
  ])('when the answer is %s, then the problems are %j', (_name, res, problems) => {
    expect(atContractProblems(res)).toEqual(problems);
  });
});
