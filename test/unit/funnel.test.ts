/**
 * The funnel's pieces, pure: network names, the filing flow read from the menu, and how one
 * session is classified at its edges (detours, the limit, unreadable state, AT's notices).
 */
import { menu } from '../../menus';
import { classify, type SessionFacts } from '../../src/reports/core/funnel-session';
import { networkName } from '../../src/text/networks';
import { filingFlow } from '../../src/ussd/core/filing-flow';

test.each([
  ['64002', 'Yas (ex-Tigo)'],
  ['64003', 'Zantel'],
  ['64004', 'Vodacom'],
  ['64005', 'Airtel'],
  ['64007', 'TTCL'],
  ['64009', 'Halotel'],
  ['99999', "Africa's Talking sandbox"],
  [' 64004 ', 'Vodacom'],
  ['63902', '63902'],
  ['', 'unknown'],
])('when the network code is %p, then the network is %p', (code, name) => {
  expect(networkName(code)).toBe(name);
});

test('when the flow is read from the menu, then it is the filing path in order, with its detour, cancel and limit screens', () => {
  expect(filingFlow(menu)).toEqual({
    steps: [
      'file.region',
      'file.council',
      'file.category',
      'file.place',
      'file.description',
      'file.identity',
      'file.confirm',
      'file.done',
    ],
    // The choice among places a typed name could be (issue 19) is asked only sometimes: a detour.
    detours: ['file.place.choose', 'file.edit'],
    cancelled: 'file.cancelled',
    limit: 'file.limit',
  });
});

test('when a menu has no filing screens, then reading its flow is a programmer error', () => {
  expect(() => filingFlow({ ...menu, screens: { main: menu.screens.main! } })).toThrow(
    'no complete filing flow',
  );
});

describe('classify', () => {
  const flow = filingFlow(menu);
  const now = Date.UTC(2026, 2, 12, 12);
  const session = (s: Partial<SessionFacts>): SessionFacts => ({
    networkCode: '64004',
    createdAt: now - 3_600_000,
    updatedAt: now - 3_000_000,
    hops: 5,
    ended: false,
    screen: 'main',
    stack: [],
    ...s,
  });
  const steps = (n: number) => flow.steps.slice(0, n);

  test.each([
    [
      'it stopped on the edit menu',
      session({ screen: 'file.edit', stack: ['main', ...steps(7)] }),
      'abandoned',
      6,
    ],
    [
      'the daily limit stopped it at confirm',
      session({ screen: 'file.limit', stack: ['main', ...steps(7)] }),
      'limited',
      6,
    ],
    ['it never left the main menu', session({ screen: 'main' }), 'other', -1],
    [
      'Kero ended it on Exit',
      session({ screen: 'goodbye', stack: ['main'], ended: true }),
      'other',
      -1,
    ],
    ['its state is unreadable', session({ screen: undefined }), 'other', -1],
  ])('when %s, then it is %s with furthest step %p', (_what, s, outcome, furthest) => {
    expect(classify(s, flow, now)).toMatchObject({ outcome, furthest });
  });

  test('when AT says Incomplete after Kero ended the session, then it did not time out', () => {
    const done = session({
      screen: 'file.done',
      stack: ['main', ...steps(7)],
      ended: true,
      end: { status: 'Incomplete', durationMs: 1 },
    });

    expect(classify(done, flow, now)).toMatchObject({
      outcome: 'completed',
      timedOut: false,
      durationMs: 1,
    });
  });

  test('when AT has reported the end of a session seconds ago, then it is no longer live', () => {
    const gone = session({
      screen: 'file.council',
      stack: ['main', 'file.region'],
      updatedAt: now - 5_000,
      end: { status: 'Incomplete', durationMs: null },
    });

    expect(classify(gone, flow, now)).toMatchObject({
      outcome: 'abandoned',
      timedOut: true,
      durationMs: 3_595_000,
    });
  });
});
