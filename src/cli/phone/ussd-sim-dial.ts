/**
 * One dial of the terminal phone: a new session id, the first hop with `text` "", then each reply
 * appended to the cumulative `text` with `*`, until the server ends the session or the replies
 * run out. Every screen is drawn, checked against AT's wire rules and followed by any SMS the
 * service queued for this phone since the dial.
 */
import type { ServiceDb } from './ussd-sim-db';
import { smsLine } from './ussd-sim-db';
import { drawScreen, warningLines, type Painter } from './ussd-sim-screen';
import {
  continues,
  newSessionId,
  postHop,
  wireProblems,
  type HopAnswer,
  type HopRequest,
} from './ussd-sim-wire';

export interface SimContext {
  /** Everything of a hop but the session and the text. */
  hop: Omit<HopRequest, 'sessionId' | 'text'>;
  db: ServiceDb | undefined;
  out: (line: string) => void;
  paint: Painter;
  now: () => number;
}

export interface DialResult {
  /** Wire-rule problems over the whole dial. */
  problems: number;
  /** Whether the server ended the session (END, or an answer AT would end it on). */
  ended: boolean;
  /** The dial's start, for SMS shown later. */
  startedAt: number;
  /** Ids of the SMS already shown. */
  seen: Set<number>;
}

/** The next reply to send after `answer`, or undefined to stop dialling. */
export type ReplySource = (answer: HopAnswer) => Promise<string | undefined>;

const NETWORKS: Record<string, string> = {
  '64002': 'Yas',
  '64003': 'Zantel',
  '64004': 'Vodacom',
  '64005': 'Airtel',
  '64007': 'TTCL',
  '64009': 'Halotel',
  '99999': 'AT sandbox',
};

/** Prints the SMS to this phone that appeared since `since` and were not shown yet. */
export function showNewSms(ctx: SimContext, since: number, seen: Set<number>): void {
  if (!ctx.db) return;
  for (const sms of ctx.db.smsTo(ctx.hop.phoneNumber, since, seen)) {
    seen.add(sms.id);
    ctx.out(ctx.paint.bold(smsLine(sms)));
  }
}

/** Runs one dial. Throws UnreachableError when the server does not answer at all. */
export async function dial(ctx: SimContext, nextReply: ReplySource): Promise<DialResult> {
  const sessionId = newSessionId();
  const network = NETWORKS[ctx.hop.networkCode] ?? 'unknown network';
  const result: DialResult = { problems: 0, ended: false, startedAt: ctx.now(), seen: new Set() };
  const { serviceCode, phoneNumber, networkCode } = ctx.hop;
  ctx.out(ctx.paint.dim(`Dialling ${serviceCode} from ${phoneNumber} (${network} ${networkCode})`));
  ctx.out(ctx.paint.dim(`session ${sessionId}`));
  let text: string | undefined;
  let reply = '';
  for (;;) {
    text = text === undefined ? '' : text === '' ? reply : `${text}*${reply}`;
    const answer = await postHop({ ...ctx.hop, sessionId, text });
    for (const line of drawScreen(answer)) ctx.out(line);
    const problems = wireProblems(answer);
    result.problems += problems.length;
    for (const line of warningLines(problems, ctx.paint)) ctx.out(line);
    showNewSms(ctx, result.startedAt, result.seen);
    if (!continues(answer)) {
      result.ended = true;
      return result;
    }
    const next = await nextReply(answer);
    if (next === undefined) return result;
    reply = next;
  }
}
