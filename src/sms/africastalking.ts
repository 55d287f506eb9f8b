/**
 * The one file that talks to Africa's Talking's SMS API, through the official SDK (pinned 0.8.3;
 * see the project's AT-PROTOCOL notes). It adds what the SDK lacks: a request timeout, a base URL for
 * fake servers, and reading each recipient's `statusCode` instead of trusting HTTP 201.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Logger } from 'pino';
import { maskPhone } from '../text/phone';
import type { SendOutcome } from './core/outcome';
import type { SmsGateway, SmsMessage } from './gateway';

/** The narrow part of the SDK Kero uses (it ships no types). */
interface AtSendParams {
  to: string;
  message: string;
  from?: string;
  enqueue?: boolean;
}
interface AtClient {
  SMS: { send(params: AtSendParams): Promise<unknown> };
}
type AtFactory = (options: { username: string; apiKey: string }) => AtClient;
/** `lib/common`: the SDK reads `SMS_URL` from here each time it sends. */
interface AtCommon {
  SMS_URL: string;
}
interface AxiosDefaults {
  defaults: { timeout?: number; maxRedirects?: number };
}

// Node's own require (the SDK is CommonJS): the SDK, its URL table and its axios all come from
// one module cache, so the settings below reach the objects the SDK really uses.
const sdkRequire = createRequire(__filename);
const sdk = sdkRequire('africastalking') as AtFactory;
const sdkCommon = sdkRequire('africastalking/lib/common') as AtCommon;
const sdkAxios = sdkRequire(
  sdkRequire.resolve('axios', { paths: [path.dirname(sdkRequire.resolve('africastalking'))] }),
) as AxiosDefaults;

export interface AfricasTalkingOptions {
  username: string;
  apiKey: string;
  senderId?: string;
  /** e.g. http://127.0.0.1:4010 (a fake AT server); default AT's live or sandbox API. */
  baseUrl?: string;
  timeoutMs: number;
  logger: Logger;
}

const ACCEPTED = new Set([100, 101, 102]);
const TEMPORARY = new Set([500, 501]);
const PERMANENT = new Set([401, 402, 403, 404, 405, 406, 407, 409, 502]);
/** Only the account holder can fix these: no balance, a sender id AT does not know. */
const OPERATOR = new Set([402, 405]);

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;

/** Pure. The outcome for one recipient from a 201 body (which can still reject recipients). */
export function outcomeOfResponse(body: unknown, to: string): SendOutcome {
  const data = obj(obj(body)?.SMSMessageData);
  const recipients = Array.isArray(data?.Recipients) ? (data.Recipients as unknown[]) : undefined;
  if (!data || !recipients)
    return { kind: 'temporary', reason: 'unreadable response from AT', outage: false };
  const mine = recipients.map(obj).find((r) => r?.number === to) ?? obj(recipients[0]);
  if (!mine) {
    const message = str(data.Message) ?? 'no recipients';
    return { kind: 'permanent', reason: `rejected: ${message}`, operator: false };
  }
  const code = Number(mine.statusCode);
  const status = str(mine.status) ?? 'unknown';
  if (ACCEPTED.has(code)) {
    const messageId = str(mine.messageId) ?? '';
    return { kind: 'sent', messageId, cost: str(mine.cost) ?? null, statusCode: code };
  }
  if (TEMPORARY.has(code)) return { kind: 'temporary', reason: `${code} ${status}`, outage: false };
  if (PERMANENT.has(code)) {
    return { kind: 'permanent', reason: `${code} ${status}`, operator: OPERATOR.has(code) };
  }
  // A code AT has not documented: retrying is bounded by SMS_MAX_ATTEMPTS.
  return { kind: 'temporary', reason: `unknown status code ${code} ${status}`, outage: false };
}

/** Pure. The outcome for a rejected SDK promise: an axios error, or the SDK's own validation. */
export function outcomeOfError(err: unknown): SendOutcome {
  const e = obj(err);
  if (e?.isAxiosError === true) {
    const response = obj(e.response);
    if (!response) {
      // No answer at all: refused, reset, DNS, timeout.
      return {
        kind: 'temporary',
        reason: `no response: ${str(e.code) ?? str(e.message) ?? '?'}`,
        outage: true,
      };
    }
    const status = Number(response.status);
    const text = typeof response.data === 'string' ? response.data.slice(0, 120) : '';
    const reason = `HTTP ${status}${text ? ` ${text}` : ''}`;
    if (status === 429 || status === 408 || status >= 500) {
      return { kind: 'temporary', reason, outage: true };
    }
    return { kind: 'permanent', reason, operator: status === 401 };
  }
  const message = err instanceof Error ? err.message : '';
  // The SDK validates before sending and rejects with messages like `"to" must be a valid ...`.
  if (message.startsWith('"to"')) {
    return { kind: 'permanent', reason: 'invalid phone number', operator: false };
  }
  if (/^"\w+"/.test(message)) {
    return { kind: 'permanent', reason: `rejected by the SDK: ${message}`, operator: false };
  }
  // A 2xx other than 201 (the SDK rejects with the body) or something unforeseen.
  return {
    kind: 'temporary',
    reason: `unexpected: ${message || JSON.stringify(err) || '?'}`,
    outage: false,
  };
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown } | { timeout: true };

function settleWithin(promise: Promise<unknown>, ms: number): Promise<Settled> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => resolve({ timeout: true }), ms);
  });
  const settled = promise.then(
    (value): Settled => ({ ok: true, value }),
    (error: unknown): Settled => ({ ok: false, error }),
  );
  return Promise.race([settled, timeout]).finally(() => clearTimeout(timer));
}

/** The SMS gateway through Africa's Talking. `send` never rejects. */
export function createAfricasTalkingGateway(options: AfricasTalkingOptions): SmsGateway {
  const { username, apiKey, senderId, timeoutMs, logger } = options;
  const client = sdk({ username, apiKey });
  const sandbox = username.toLowerCase() === 'sandbox';
  const base = (
    options.baseUrl ??
    (sandbox ? 'https://api.sandbox.africastalking.com' : 'https://api.africastalking.com')
  ).replace(/\/+$/, '');
  const smsUrl = `${base}/version1/messaging`;
  // Constructing the client with username 'sandbox' switched the SDK to sandbox URLs; ours wins.
  sdkCommon.SMS_URL = smsUrl;
  // The SDK sets no timeout; axios then aborts the socket. Process-wide (the SDK uses axios's
  // default instance): the timer below is what bounds each call of this gateway.
  sdkAxios.defaults.timeout = timeoutMs;
  // Never follow a redirect: it would carry the `apikey` header (which follow-redirects does not
  // strip) to another host, and a redirected POST may be sent twice. A 3xx is then a permanent error.
  sdkAxios.defaults.maxRedirects = 0;

  async function send(sms: SmsMessage): Promise<SendOutcome> {
    // lib/common is shared by every client in the process: set our URL right before the SDK reads
    // it (synchronously, inside SMS.send).
    sdkCommon.SMS_URL = smsUrl;
    let call: Promise<unknown>;
    try {
      call = client.SMS.send({
        to: sms.to,
        message: sms.message,
        ...(senderId && { from: senderId }),
      });
    } catch (error) {
      call = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const settled = await settleWithin(call, timeoutMs);
    const outcome =
      'timeout' in settled
        ? ({ kind: 'temporary', reason: `timeout after ${timeoutMs} ms`, outage: true } as const)
        : settled.ok
          ? outcomeOfResponse(settled.value, sms.to)
          : outcomeOfError(settled.error);
    if (outcome.kind === 'permanent' && outcome.operator) {
      logger.error(
        { phone: maskPhone(sms.to), reason: outcome.reason, smsUrl },
        "AFRICA'S TALKING REFUSED THE ACCOUNT: operator action needed (credentials, balance or sender id)",
      );
    }
    return outcome;
  }

  return { name: 'africastalking', send };
}
