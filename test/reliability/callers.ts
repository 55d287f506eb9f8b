/**
 * Callers filing complaints over USSD the way Africa's Talking posts them: one keep-alive
 * connection per caller (test/deploy/wire-client.ts says exactly what became of each request),
 * the 10 hops of a filing with cumulative `text`, a new phone for every filing (so every first dial
 * gets the language screen and no draft is offered for resumption). Records every complaint number
 * a caller was shown and every answer that was not a well-formed USSD screen.
 */
import { cumulativeTexts, phone, ussdBody } from '../../bench/load';
import { WireConnection } from '../deploy/wire-client';
import { sleep, USSD_PATH } from './server';

// prettier-ignore
export const FILING_TEXTS = cumulativeTexts(['1', '1', '1', '1', '3', 'Olasiti', 'Maji hayatoki tangu wiki iliyopita', '1', '1']);
const NUMBER = /(\d{4}) (\d{4})/;

export interface CallerTally {
  /** Complaint numbers shown on a last screen (8 digits, no space). */
  shown: string[];
  /** When each of `shown` reached the caller (Date.now(), same order). */
  shownAt: number[];
  requests: number;
  /** Answered 200 with a `CON `/`END ` body. */
  screens: number;
  /** `END ` screens that were not the filing's last screen with a number (e.g. "try again later"). */
  errorScreens: string[];
  /** Answers that break AT's rules: not 200, or no `CON `/`END ` prefix. */
  badAnswers: string[];
  /** Written, then the connection broke or timed out without a complete answer. */
  broken: number;
  /** Never written: the connection was refused. */
  refused: number;
  /** Requests written and not yet answered, right now. */
  inFlight: number;
}

export const emptyTally = (): CallerTally => ({
  shown: [],
  shownAt: [],
  requests: 0,
  screens: 0,
  errorScreens: [],
  badAnswers: [],
  broken: 0,
  refused: 0,
  inFlight: 0,
});

export interface CallersOptions {
  port: number;
  callers: number;
  /** Phones are phone(phoneBase + filing index); give each test its own range. */
  phoneBase: number;
  tally: CallerTally;
  /** Checked before every hop: true ends the loop. */
  stop: () => boolean;
  /** After a refused or broken request: end this caller (default) or wait and go on. */
  onConnectionLoss?: 'end' | 'retry';
  /** Pause between two filings of one caller (default none). */
  pauseMs?: number;
}

/** One filing, hop after hop; returns what ended it. */
async function fileOnce(
  conn: WireConnection,
  o: CallersOptions,
  n: number,
): Promise<'done' | 'lost' | 'stopped'> {
  const t = o.tally;
  const session = `ATUid_rel_${o.phoneBase}_${n}`;
  for (const [hop, text] of FILING_TEXTS.entries()) {
    if (o.stop()) return 'stopped';
    t.requests += 1;
    t.inFlight += 1;
    const sent = await conn.post(ussdBody(session, phone(o.phoneBase + n), text));
    t.inFlight -= 1;
    const out = sent.outcome;
    if (out.kind === 'refused') t.refused += 1;
    if (out.kind === 'broken') t.broken += 1;
    if (out.kind !== 'answered') return 'lost';
    if (out.status !== 200 || !/^(CON|END) /.test(out.text)) {
      t.badAnswers.push(`${out.status} ${JSON.stringify(out.text.slice(0, 80))}`);
      return 'done';
    }
    t.screens += 1;
    const last = hop === FILING_TEXTS.length - 1;
    const match = NUMBER.exec(out.text);
    if (last && out.text.startsWith('END ') && match) {
      t.shown.push(`${match[1]}${match[2]}`);
      t.shownAt.push(Date.now());
      return 'done';
    }
    if (out.text.startsWith('END ')) {
      t.errorScreens.push(out.text);
      return 'done';
    }
    if (last) {
      t.badAnswers.push(`last screen without a number: ${JSON.stringify(out.text.slice(0, 80))}`);
      return 'done';
    }
  }
  return 'done';
}

/** Runs `callers` loops of filings until `stop()` (or, by default, a lost connection). */
export async function runCallers(o: CallersOptions): Promise<void> {
  let next = 0;
  const loop = async () => {
    const conn = new WireConnection(o.port, USSD_PATH, 20_000);
    try {
      while (!o.stop()) {
        const ended = await fileOnce(conn, o, next++);
        if (ended === 'lost') {
          if (o.onConnectionLoss !== 'retry') return;
          await sleep(200);
        } else if (o.pauseMs) await sleep(o.pauseMs);
      }
    } finally {
      conn.close();
    }
  };
  await Promise.all(Array.from({ length: o.callers }, loop));
}

/** Files one complaint on a fresh connection; the number shown, or what came back instead. */
export async function fileOne(
  port: number,
  phoneIndex: number,
): Promise<{ number?: string; tally: CallerTally }> {
  const tally = emptyTally();
  await runCallers({
    port,
    callers: 1,
    phoneBase: phoneIndex,
    tally,
    stop: () => tally.shown.length + tally.errorScreens.length + tally.badAnswers.length > 0,
  });
  return { ...(tally.shown[0] ? { number: tally.shown[0] } : {}), tally };
}
