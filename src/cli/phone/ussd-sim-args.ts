/**
 * Command line of the terminal phone (`npm run ussd -- …`). Pure apart from node:util's parser:
 * arguments and environment in, options or a message out.
 */
import { parseArgs } from 'node:util';
import { normalizePhone } from '../../text/phone';

export const ussdUsage = [
  'Usage: npm run ussd -- [options]',
  '',
  "A phone in the terminal: dials the running server exactly as Africa's Talking does.",
  '',
  'Options:',
  '  --phone <number>         the phone dialling (default +255712345678)',
  '  --network <code>         networkCode sent (default 64004, Vodacom)',
  '  --service-code <code>    the USSD code dialled (default *384*1234#)',
  '  --url <base>             the server (default http://localhost:$PORT, PORT default 3000)',
  '  --token <token>          webhook token (default $WEBHOOK_TOKEN, else the one stored in the db)',
  '  --db <path>              the server database, read-only: stored token and the SMS this',
  '                           phone receives (default $DATABASE_PATH or ./data/kero.db)',
  '  --script "<r1>,<r2>,…"   no prompts: send these replies (the first hop\'s "" is implicit),',
  '                           print the transcript and exit. Several dials: repeat --script, or',
  '                           separate dials with "|" in one script. A reply cannot hold "," or "|".',
  '',
  'Exit codes (scripted): 0 every screen kept the wire rules, 2 a screen broke them,',
  '1 the server could not be reached or the arguments are wrong.',
];

export interface SimOptions {
  phone: string;
  networkCode: string;
  serviceCode: string;
  baseUrl: string;
  /** From --token or WEBHOOK_TOKEN; the database is asked later. */
  token: string | undefined;
  dbFile: string;
  /** One reply list per dial; empty for the interactive phone. */
  scripts: string[][];
}

export type Parsed = { ok: true; options: SimOptions } | { ok: false; message: string } | 'help';

/** Pure. Each script split into dials at "|" and replies at ","; spaces around replies dropped. */
export function parseScripts(scripts: readonly string[]): string[][] {
  return scripts.flatMap((s) => s.split('|').map((d) => d.split(',').map((r) => r.trim())));
}

const text = { type: 'string' } as const;

/** Parses the simulator's arguments; env supplies PORT, WEBHOOK_TOKEN and DATABASE_PATH. */
export function parseSimArgs(argv: string[], env: Record<string, string | undefined>): Parsed {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        phone: text,
        network: text,
        'service-code': text,
        url: text,
        token: text,
        db: text,
        script: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, message: message.split(/\.\s/)[0] ?? message };
  }
  if (values.help) return 'help';
  const phone = normalizePhone(values.phone ?? '+255712345678');
  if (!phone) return { ok: false, message: `--phone ${values.phone}: not a phone number` };
  const serviceCode = values['service-code'] ?? '*384*1234#';
  if (!/^\*[0-9*]+#$/.test(serviceCode)) {
    return { ok: false, message: `--service-code ${serviceCode}: a code like *384*1234#` };
  }
  const baseUrl = values.url ?? `http://localhost:${env.PORT || '3000'}`;
  if (!URL.canParse(baseUrl)) return { ok: false, message: `--url ${baseUrl}: not a URL` };
  return {
    ok: true,
    options: {
      phone,
      networkCode: values.network ?? '64004',
      serviceCode,
      baseUrl,
      token: values.token ?? (env.WEBHOOK_TOKEN || undefined),
      dbFile: values.db ?? (env.DATABASE_PATH || './data/kero.db'),
      scripts: parseScripts(values.script ?? []),
    },
  };
}
