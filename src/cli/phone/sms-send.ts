/**
 * `npm run sms -- --from <phone> "<text>"`: an SMS from a phone to the service's shortcode, posted to
 * the running server's POST /sms/inbound as Africa's Talking posts an incoming message. Prints the
 * HTTP status, waits a moment and prints what the service queued for that phone in reply.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { loadEnvFile } from '../../ops/env-file';
import { normalizePhone } from '../../text/phone';
import { openServiceDb, smsLine, type ServiceDb } from './ussd-sim-db';
import { callbackUrl, postForm, redact, runAgainstServer, type HopAnswer } from './ussd-sim-wire';

const usage = [
  'Usage: npm run sms -- --from <phone> [options] "<text>"',
  '',
  "Sends an inbound SMS to the running server's POST /sms/inbound as Africa's Talking does,",
  'then prints the SMS the service queued for that phone.',
  '',
  'Options:',
  '  --from <number>      the sending phone (required), e.g. +255700000101',
  '  --to <shortcode>     the shortcode written to (default first of $SMS_SHORTCODES, else 15055)',
  '  --network <code>     networkCode (default 64004)',
  '  --link-id <id>       linkId, as AT sends for premium/on-demand messages (default none)',
  '  --url <base>         the server (default http://localhost:$PORT, PORT default 3000)',
  '  --token <token>      webhook token (default $WEBHOOK_TOKEN, else the one stored in the db)',
  '  --db <path>          the server database, read-only (default $DATABASE_PATH or ./data/kero.db)',
  '  --wait <ms>          how long to wait for replies (default 1000)',
];

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/** Pure. AT's `date` field: 'YYYY-MM-DD HH:mm:ss' (UTC). */
export function atDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Pure. A short plain-text answer worth printing after the status; nothing for HTML pages. */
function shortBody(answer: HopAnswer): string {
  const body = answer.body.trim();
  if (body === '' || /html/i.test(answer.contentType) || body.length > 200) return '';
  return `: ${body.replace(/\s+/g, ' ')}`;
}

const text = { type: 'string' } as const;

interface SmsOptions {
  from: string;
  to: string;
  message: string;
  networkCode: string;
  linkId: string | undefined;
  baseUrl: string;
  token: string | undefined;
  dbFile: string;
  waitMs: number;
}

type Parsed = { ok: true; options: SmsOptions } | { ok: false; errors: string[] } | 'help';

/** Parses the arguments; env supplies PORT, WEBHOOK_TOKEN, DATABASE_PATH and SMS_SHORTCODES. */
function parseSmsArgs(argv: string[], env: NodeJS.ProcessEnv): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        ...{ from: text, to: text, network: text, 'link-id': text },
        ...{ url: text, token: text, db: text, wait: text },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    return {
      ok: false,
      errors: [e instanceof Error ? (e.message.split(/\.\s/)[0] ?? '') : String(e)],
    };
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const from = normalizePhone(values.from ?? '');
  const message = positionals.join(' ');
  const waitMs = Number(values.wait ?? '1000');
  const errors = [
    ...(from ? [] : [values.from ? `--from ${values.from}: not a phone number` : 'missing --from']),
    ...(message.trim() === '' ? ['missing the message text'] : []),
    ...(Number.isInteger(waitMs) && waitMs >= 0 ? [] : [`--wait ${values.wait}: milliseconds`]),
  ];
  if (errors.length > 0 || !from) return { ok: false, errors };
  return {
    ok: true,
    options: {
      from,
      to: values.to ?? (env.SMS_SHORTCODES?.split(',')[0]?.trim() || '15055'),
      message,
      networkCode: values.network ?? '64004',
      linkId: values['link-id'],
      baseUrl: values.url ?? `http://localhost:${env.PORT || '3000'}`,
      token: values.token ?? (env.WEBHOOK_TOKEN || undefined),
      dbFile: values.db ?? (env.DATABASE_PATH || './data/kero.db'),
      waitMs,
    },
  };
}

/** Posts the message; prints the status and, after a moment, what the service queued in reply. */
async function send(o: SmsOptions, db: ServiceDb | undefined): Promise<number> {
  const url = callbackUrl(o.baseUrl, '/sms/inbound', o.token ?? db?.storedToken());
  const sentAt = Date.now();
  const form = new URLSearchParams({
    ...{ date: atDate(sentAt), from: o.from, to: o.to, text: o.message },
    ...{ id: randomUUID(), networkCode: o.networkCode },
    ...(o.linkId ? { linkId: o.linkId } : {}),
  });
  out(`SMS from ${o.from} to ${o.to}: ${o.message}`);
  const answer = await postForm(url, form);
  out(`HTTP ${answer.status} (${answer.ms} ms)${shortBody(answer)}`);
  if (answer.status === 404) {
    err(`error: the server at ${redact(url)} has no POST /sms/inbound route (404).`);
    err('Inbound SMS are not built into this server yet, or --url points elsewhere.');
    return 1;
  }
  if (answer.status === 401) err('error: 401: wrong or missing token (--token, WEBHOOK_TOKEN).');
  if (db) {
    await sleep(o.waitMs);
    const replies = db.smsTo(o.from, sentAt, new Set());
    if (replies.length === 0) out('(no SMS queued for this phone since)');
    replies.forEach((sms) => out(smsLine(sms)));
  }
  return answer.status === 200 ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const envFile = loadEnvFile(process.env, process.cwd());
  if (!envFile.ok) {
    err(envFile.message);
    return 1;
  }
  const parsed = parseSmsArgs(argv, process.env);
  if (parsed === 'help') {
    usage.forEach((l) => out(l));
    return 0;
  }
  if (!parsed.ok) {
    parsed.errors.forEach((e) => err(`error: ${e}`));
    usage.forEach((l) => err(l));
    return 1;
  }
  const opened = openServiceDb(parsed.options.dbFile);
  const db = 'db' in opened ? opened.db : undefined;
  if ('error' in opened) err(`note: ${opened.error}: replies from the service will not be shown.`);
  try {
    return await send(parsed.options, db);
  } finally {
    db?.close();
  }
}

runAgainstServer(main);
