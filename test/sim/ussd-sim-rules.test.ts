/**
 * The terminal phone's pure parts: the wire-rule checks, the screen drawing and the arguments.
 */
import { parseScripts, parseSimArgs } from '../../src/cli/phone/ussd-sim-args';
import { drawScreen, wrapLine } from '../../src/cli/phone/ussd-sim-screen';
import { callbackUrl, wireProblems, type HopAnswer } from '../../src/cli/phone/ussd-sim-wire';

const ok: HopAnswer = {
  status: 200,
  contentType: 'text/plain; charset=utf-8',
  body: 'CON Chagua:\n1. Ndiyo',
  ms: 12,
};

describe('wireProblems', () => {
  test('when the answer keeps every rule, then there is no problem', () => {
    expect(wireProblems(ok)).toEqual([]);
    expect(wireProblems({ ...ok, body: `END ${'x'.repeat(156)}` })).toEqual([]);
  });

  test.each<[string, Partial<HopAnswer>, string]>([
    ['161 characters', { body: `CON ${'x'.repeat(157)}` }, '161 characters: over the 160 budget'],
    ['no prefix', { body: 'Karibu' }, 'no "CON " or "END " prefix'],
    ['lower-case prefix', { body: 'con Karibu' }, 'no "CON " or "END " prefix'],
    ['a leading newline', { body: '\nCON Karibu' }, 'leading whitespace or BOM'],
    ['a BOM', { body: '\uFEFFCON Karibu' }, 'leading whitespace or BOM'],
    ['an en dash', { body: 'CON Ndiyo – sawa' }, 'not GSM-7 basic: "–" U+2013'],
    ['an extension character', { body: 'CON 5€' }, 'not GSM-7 basic: "€" U+20AC'],
    ['status 500', { status: 500 }, 'HTTP 500: AT ends the session'],
    ['status 401', { status: 401 }, 'HTTP 401 (wrong or missing token?)'],
    ['JSON', { contentType: 'application/json' }, 'Content-Type is "application/json"'],
    ['no content type', { contentType: '' }, 'Content-Type is "missing"'],
    ['2.5 s', { ms: 2500 }, 'answered in 2.5 s (over 2 s)'],
  ])('when the answer has %s, then it is flagged', (_, change, problem) => {
    const problems = wireProblems({ ...ok, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });
});

describe('drawing a screen', () => {
  test('when a line is longer than the screen, then it wraps at spaces and cuts long words', () => {
    expect(wrapLine('Namba ya lalamiko: 4821 0379', 20)).toEqual([
      'Namba ya lalamiko:',
      '4821 0379',
    ]);
    expect(wrapLine('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(wrapLine('', 10)).toEqual(['']);
  });

  test('when a screen is drawn, then the prefix moves to the footer with the count and time', () => {
    expect(drawScreen(ok)).toEqual([
      `┌${'─'.repeat(28)}┐`,
      `│Chagua:${' '.repeat(21)}│`,
      `│1. Ndiyo${' '.repeat(20)}│`,
      `└${'─'.repeat(10)} CON 20/160 12 ms ┘`,
    ]);
  });

  test('when the body has a carriage return or BOM, then they are shown, not obeyed', () => {
    const lines = drawScreen({ ...ok, body: '\uFEFFCON a\rb' }, 20);
    expect(lines[1]).toBe('│<BOM>CON a^Mb       │');
  });
});

describe('arguments', () => {
  test('when scripts use "|" and repeat, then each dial is its own reply list', () => {
    expect(parseScripts(['1, 1,Maji hayatoki|2,48210379', '3'])).toEqual([
      ['1', '1', 'Maji hayatoki'],
      ['2', '48210379'],
      ['3'],
    ]);
  });

  test('when nothing is given, then the defaults and the environment apply', () => {
    const parsed = parseSimArgs([], { PORT: '4000', WEBHOOK_TOKEN: 'from-env' });
    expect(parsed).toEqual({
      ok: true,
      options: {
        phone: '+255712345678',
        networkCode: '64004',
        serviceCode: '*384*1234#',
        baseUrl: 'http://localhost:4000',
        token: 'from-env',
        dbFile: './data/kero.db',
        scripts: [],
      },
    });
  });

  test.each([
    [['--phone', '12'], '--phone 12: not a phone number'],
    [['--service-code', '384'], '--service-code 384: a code like *384*1234#'],
    [['--url', 'nowhere'], '--url nowhere: not a URL'],
  ])('when %j is given, then it is refused', (argv, message) => {
    expect(parseSimArgs(argv, {})).toEqual({ ok: false, message });
  });

  test('when the base URL already ends in the path, then it is kept; the token is encoded', () => {
    expect(callbackUrl('http://h:1/ussd/', '/ussd', 'a&b')).toBe('http://h:1/ussd?token=a%26b');
    expect(callbackUrl('http://h:1', '/sms/inbound', undefined)).toBe('http://h:1/sms/inbound');
  });
});
