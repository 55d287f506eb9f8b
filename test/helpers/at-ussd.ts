/**
 * A fake Africa's Talking phone for HTTP tests: posts exactly what AT posts (a hand-built
 * `application/x-www-form-urlencoded` body, `text` cumulative with replies joined by `*`) and
 * checks every answer against AT's contract before handing back the body.
 */
import type { Express } from 'express';
import request from 'supertest';
import type { Response } from 'supertest';
import { isGsm7 } from '../../src/text/gsm7';
import { TEST_TOKEN } from './app';

export { SERVICE_CODE } from './world';
import { SERVICE_CODE } from './world';
export const NETWORK_CODE = '64004';

/**
 * One value encoded as an HTML form (and AT) encodes it: space as `+`, `*-._` and alphanumerics
 * as they are, everything else as UTF-8 percent escapes (`+255…` becomes `%2B255…`).
 */
export function formValue(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** A form body from fields in the given order, built by hand like AT's. */
export function formBody(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${formValue(k)}=${formValue(v)}`)
    .join('&');
}

/** The webhook paths with `?token=`; `null` leaves the token out. */
export const ussdPath = (token: string | null = TEST_TOKEN) =>
  token === null ? '/ussd' : `/ussd?token=${encodeURIComponent(token)}`;

export const eventsPath = (token: string | null = TEST_TOKEN) =>
  token === null ? '/ussd/events' : `/ussd/events?token=${encodeURIComponent(token)}`;

/** POSTs a raw form body as AT does, with no check of the answer. */
export function postForm(app: Express, path: string, body: string): Promise<Response> {
  return request(app)
    .post(path)
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .set('Accept', '*/*')
    .send(body)
    .then((res) => res);
}

/** What in an answer would make AT end the user's session with a generic error, if anything. */
export function atContractProblems(res: Response): string[] {
  const problems: string[] = [];
  const body = res.text;
  if (res.status !== 200) problems.push(`status ${res.status}`);
  if (!/^text\/plain(;|$)/.test(res.headers['content-type'] ?? '')) {
    problems.push(`content-type ${String(res.headers['content-type'])}`);
  }
  if (!/^(CON|END) /.test(body)) problems.push('no "CON "/"END " prefix');
  if (body.length > 160) problems.push(`${body.length} characters`);
  if (!isGsm7(body, { allowExtended: false })) {
    const bad = [...body].filter((c) => !isGsm7(c, { allowExtended: false }));
    problems.push(`non GSM-7 basic characters ${JSON.stringify(bad.join(''))}`);
  }
  return problems;
}

/** The body of an answer that AT would show, or an error saying why AT would not. */
export function expectAtScreen(res: Response): string {
  const problems = atContractProblems(res);
  if (problems.length > 0) {
    throw new Error(`AT would reject this answer (${problems.join('; ')}):\n${res.text}`);
  }
  return res.text;
}

let sessionCounter = 0;

/** A fresh AT-looking session id, deterministic within a test file. */
export function newSessionId(): string {
  sessionCounter += 1;
  return `ATUid_${sessionCounter.toString(16).padStart(12, '0')}`;
}

export interface AtSession {
  readonly sessionId: string;
  /** The cumulative `text` of the last hop sent. */
  readonly text: string;
  /** Every answer body of this session, in order. */
  readonly bodies: readonly string[];
  /** Posts this exact cumulative `text` (`''` for the first hop, or a direct dial's digits). */
  send(text: string): Promise<string>;
  /** Posts the previous `text` with `*reply` appended (just `reply` after an empty first hop). */
  reply(input: string): Promise<string>;
  /** Several replies in turn; the last answer. */
  replies(...inputs: string[]): Promise<string>;
  /** Posts the last hop again, as AT does on a retry. */
  repeat(): Promise<string>;
}

export interface AtPhone {
  readonly number: string;
  /** A new USSD session (a new sessionId); nothing is posted until `send`. */
  dial(sessionId?: string): AtSession;
}

export interface AtPhoneOptions {
  phone: string;
  serviceCode?: string;
  networkCode?: string;
  token?: string;
}

/** A phone dialling the service through Africa's Talking. */
export function atPhone(app: Express, options: AtPhoneOptions): AtPhone {
  const serviceCode = options.serviceCode ?? SERVICE_CODE;
  const networkCode = options.networkCode ?? NETWORK_CODE;
  const path = ussdPath(options.token ?? TEST_TOKEN);
  return {
    number: options.phone,
    dial(sessionId = newSessionId()): AtSession {
      let text: string | undefined;
      const bodies: string[] = [];
      const post = async (next: string) => {
        const body =
          `sessionId=${formValue(sessionId)}&serviceCode=${formValue(serviceCode)}` +
          `&phoneNumber=${formValue(options.phone)}&networkCode=${formValue(networkCode)}` +
          `&text=${formValue(next)}`;
        const answer = expectAtScreen(await postForm(app, path, body));
        text = next;
        bodies.push(answer);
        return answer;
      };
      const session: AtSession = {
        sessionId,
        get text() {
          return text ?? '';
        },
        bodies,
        send: post,
        reply(input) {
          if (text === undefined) throw new Error('send the first hop before replying');
          return post(text === '' ? input : `${text}*${input}`);
        },
        async replies(...inputs) {
          let last = '';
          for (const input of inputs) last = await session.reply(input);
          return last;
        },
        repeat() {
          if (text === undefined) throw new Error('nothing to repeat yet');
          return post(text);
        },
      };
      return session;
    },
  };
}
