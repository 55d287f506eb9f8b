/**
 * The USSD workloads of the bench: one hop (the first screen for a phone whose language is known)
 * and a whole 10-hop filing session, the sanity check that a filing goes through, and the
 * registration of the phones the one-hop workload dials from. Used by bench/run.ts and by the
 * console bench's mixed load (bench/console-mixed.ts).
 */
import type { Scenario } from './load';
import { cumulativeTexts, newAgent, phone, pool, post, ussdBody } from './load';
import { WEBHOOK_TOKEN } from './kero-server';

export const USSD_PATH = `/ussd?token=${WEBHOOK_TOKEN}`;
// prettier-ignore
const FILING_REPLIES = ['1', '1', '1', '1', '3', 'Kijiji cha Olasiti', 'Maji hayatoki kijijini tangu wiki iliyopita', '1', '1'];
const FILING_TEXTS = cumulativeTexts(FILING_REPLIES);
const COMPLAINT_NUMBER = /\d{4} ?\d{4}/;
const REGISTERED = Array.from({ length: 1000 }, (_, i) => phone(10_000_000 + i));
const tag = Date.now().toString(36);
let sessionSeq = 0;
let phoneSeq = 20_000_000;
const sessionId = (): string => `ATUid_bench_${tag}_${(sessionSeq++).toString(36)}`;

export const oneHop = (): Scenario => {
  let i = 0;
  return {
    expect: ['CON '],
    nextSession: () => [ussdBody(sessionId(), REGISTERED[i++ % REGISTERED.length] ?? '', '')],
  };
};
export const filing = (): Scenario => ({
  expect: FILING_TEXTS.map((_, i) => (i === FILING_TEXTS.length - 1 ? 'END ' : 'CON ')),
  finalMatch: COMPLAINT_NUMBER,
  nextSession: () => {
    const [sid, msisdn] = [sessionId(), phone(phoneSeq++)];
    return FILING_TEXTS.map((text) => ussdBody(sid, msisdn, text));
  },
});

/**
 * One filing session, hop by hop; throws (after printing every screen) if it is not the expected
 * sequence. `msisdn` must be new to the server's database (no language, no draft): the first hop
 * is the language screen. By default the next phone of the filing workload's range, which is new
 * to a freshly seeded database; a database used before needs a phone chosen against it.
 */
export async function sanity(
  name: string,
  port: number,
  msisdn = phone(phoneSeq++),
): Promise<void> {
  const agent = newAgent(1);
  const sid = sessionId();
  const screens: string[] = [];
  let problem = '';
  try {
    for (const [i, text] of FILING_TEXTS.entries()) {
      const reply = await post(agent, port, USSD_PATH, ussdBody(sid, msisdn, text), 60_000);
      screens.push(
        `--- hop ${i + 1}, text ${JSON.stringify(text)} -> HTTP ${reply.status}\n${reply.text}`,
      );
      const last = i === FILING_TEXTS.length - 1;
      if (reply.status !== 200) problem = `hop ${i + 1}: HTTP ${reply.status}`;
      else if (!reply.text.startsWith(last ? 'END ' : 'CON '))
        problem = `hop ${i + 1}: expected ${last ? 'END' : 'CON'}`;
      else if (i === 0 && !/Kiswahili/i.test(reply.text))
        problem = 'hop 1: expected the language screen (Kiswahili / English)';
      else if (i === 2 && !/Arusha/.test(reply.text))
        problem = 'hop 3: expected the region list with Arusha';
      else if (last && !COMPLAINT_NUMBER.test(reply.text))
        problem = 'hop 10: no 8-digit complaint number';
      if (problem) break;
    }
  } catch (err) {
    problem = `request failed: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    agent.destroy();
  }
  if (problem) {
    console.error(
      `\n${name}: the 10-hop filing session is not as expected (${problem}). Screens received:\n${screens.join('\n')}\n`,
    );
    throw new Error(`${name} sanity check failed: ${problem}`);
  }
  console.log(
    `  ${name}: sanity 10-hop session ok -> ${JSON.stringify(screens.at(-1)?.split('\n').slice(1).join(' | '))}`,
  );
}

/** Dials and picks Kiswahili once for each registered phone, then checks the language is remembered. */
export async function register(port: number, connections: number): Promise<void> {
  const agent = newAgent(connections);
  const done = await pool(REGISTERED, Math.min(connections, 10), 180_000, async (msisdn) => {
    const sid = sessionId();
    for (const text of ['', '1']) {
      const reply = await post(agent, port, USSD_PATH, ussdBody(sid, msisdn, text), 60_000).catch(
        (err: unknown) => {
          throw new Error(`registering ${msisdn} (text ${JSON.stringify(text)}): ${String(err)}`);
        },
      );
      if (reply.status !== 200 || !reply.text.startsWith('CON '))
        throw new Error(`registering ${msisdn}: HTTP ${reply.status} ${reply.text}`);
    }
  });
  const again = await post(agent, port, USSD_PATH, ussdBody(sessionId(), REGISTERED[0] ?? '', ''));
  agent.destroy();
  if (done !== REGISTERED.length)
    throw new Error(`registered only ${done} of ${REGISTERED.length} phones in 180 s`);
  const remembered = !/Kiswahili/i.test(again.text);
  console.log(
    `  kero: ${done} phones picked a language${remembered ? '' : ' -- WARNING: first hop still shows the language screen'}`,
  );
}
