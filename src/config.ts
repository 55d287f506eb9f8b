/**
 * Configuration: one zod schema over the environment, read once by src/main.ts.
 * Every variable is documented in .env.example.
 */
import { z } from 'zod';
import {
  clockTime,
  dailyWindow,
  flag,
  int,
  isCalendarDate,
  list,
  optionalText,
  orgWords,
  url,
} from './config-fields';
import { parseHours } from './text/calendar';
import { ORG_NAME_MAX, ORG_PREFIX_MAX } from './text/org';

const configFields = z.object({
  PORT: int(3000, 1, 65535),
  // Unset: 127.0.0.1, or 0.0.0.0 with NODE_ENV=production (parseConfig).
  HOST: optionalText,
  NODE_ENV: optionalText,
  DATABASE_PATH: optionalText.transform((v) => v ?? './data/kero.db'),
  PUBLIC_URL: url('https://kero.example.go.tz'),
  WEBHOOK_TOKEN: optionalText.pipe(
    z.string().min(16, 'must be at least 16 characters (or unset to generate one)').optional(),
  ),
  METRICS_TOKEN: optionalText.pipe(
    z
      .string()
      .min(16, 'must be at least 16 characters (or unset: loopback callers only)')
      .optional(),
  ),
  USSD_SERVICE_CODES: list((c) => /^\*[0-9*]+#$/.test(c), 'codes like *384*1234#, comma-separated'),
  TOLL_FREE_NUMBER: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9 +]{3,20}$/, 'digits and spaces only, e.g. 0800 110 010')
      .optional(),
  ),
  REGIONS: z.enum(['mainland', 'all'], { error: 'mainland or all' }).default('mainland'),
  ORG_NAME_SW: orgWords(ORG_NAME_MAX),
  ORG_NAME_EN: orgWords(ORG_NAME_MAX),
  ORG_SMS_PREFIX_SW: orgWords(ORG_PREFIX_MAX),
  ORG_SMS_PREFIX_EN: orgWords(ORG_PREFIX_MAX),
  DAILY_COMPLAINT_LIMIT: int(5, 1, 1_000_000_000),
  DRAFT_RESUME_MINUTES: int(30, 1, 24 * 60),
  CALLBACK_DAILY_LIMIT: int(3, 1, 1000),
  USSD_SESSION_RETENTION_DAYS: int(30, 1, 3650),
  SLA_FIRST_RESPONSE_DAYS: int(3, 1, 60),
  SLA_RESOLUTION_DAYS: int(14, 1, 365),
  AUTO_CLOSE_DAYS: int(14, 1, 365),
  HOLIDAYS: list(
    isCalendarDate,
    'dates as YYYY-MM-DD, comma-separated (e.g. 2026-12-09,2026-12-25)',
  ),
  ESCALATION_INTERVAL_MINUTES: int(15, 1, 24 * 60),
  DIGEST_AT: clockTime('08:00'),
  AT_USERNAME: optionalText.transform((v) => v ?? 'sandbox'),
  AT_API_KEY: optionalText,
  AT_SENDER_ID: optionalText,
  AT_API_BASE_URL: url('http://127.0.0.1:4010'),
  SMS_SHORTCODES: list(
    (c) => /^[0-9A-Za-z]{3,15}$/.test(c),
    'shortcodes like 15055, comma-separated',
  ),
  SMS_MAX_ATTEMPTS: int(6, 1, 20),
  SMS_TIMEOUT_MS: int(10_000, 100, 120_000),
  SMS_DISPATCH_INTERVAL_SECONDS: int(2, 1, 3600),
  SMS_RETRY_HOURS: int(48, 1, 24 * 30),
  SMS_PROBE_SECONDS: int(5, 1, 600),
  SMS_CONCURRENCY: int(10, 1, 100),
  SMS_INBOUND_LIMIT_PER_HOUR: int(20, 1, 10_000),
  SMS_STAFF_LIMIT_PER_HOUR: int(300, 1, 100_000),
  QUIET_HOURS: dailyWindow,
  SMS_MONTHLY_BUDGET: int(undefined, 1, 1_000_000_000),
  READY_MIN_FREE_MB: int(100, 0, 10_000_000),
  READY_MAX_WAL_MB: int(256, 1, 1_000_000),
  READY_SMS_FAILING_MINUTES: int(15, 1, 7 * 24 * 60),
  // Off-site replication: `litestream` when Litestream (deploy/litestream.service) streams the
  // WAL; Kero then leaves every checkpoint to it and watches its metrics for /readyz.
  REPLICATION: z
    .enum(['off', 'litestream'], {
      error: 'off, or litestream when Litestream replicates the database (deploy/litestream.yml)',
    })
    .default('off'),
  LITESTREAM_METRICS_URL: url('http://127.0.0.1:9090/metrics').transform(
    (v) => v ?? 'http://127.0.0.1:9090/metrics',
  ),
  BACKUP_DIR: optionalText,
  BACKUP_EVERY_HOURS: int(24, 1, 720),
  BACKUP_KEEP: int(7, 1, 1000),
  WORKING_HOURS: z
    .string()
    .trim()
    .default('07:30-15:30')
    .refine((v) => parseHours(v) !== undefined, 'office hours as HH:MM-HH:MM, e.g. 07:30-15:30'),
  CONSOLE_SECRET: optionalText.pipe(
    z.string().min(32, 'must be at least 32 characters (or unset to generate one)').optional(),
  ),
  CONSOLE_SECURE_COOKIE: flag,
  CONSOLE_IDLE_MINUTES: int(30, 5, 24 * 60),
  CONSOLE_SESSION_HOURS: int(10, 1, 24 * 7),
  TRUST_PROXY: optionalText.pipe(
    z
      .string()
      .regex(
        /^(\d{1,2}|loopback|linklocal|uniquelocal|[0-9a-fA-F.:/,\s]+)$/,
        'the number of proxies in front (e.g. 1), or loopback, or their addresses',
      )
      .optional(),
  ),
  // Console pages, exports and Open311 are read in worker threads: how many (unset: one fewer
  // than the machine's cores, at least one), and how many reads may wait for one.
  READ_WORKERS: int(undefined, 1, 64),
  READ_QUEUE: int(64, 1, 10_000),
  // Public data (what tracking by number already shows anyone): on unless switched off.
  OPEN311_ENABLED: z.stringbool({ error: 'true or false' }).default(true),
  // Descriptions are typed by callers and can hold personal details: off unless switched on.
  OPEN311_DESCRIPTIONS: z.stringbool({ error: 'true or false' }).default(false),
  // Requests a minute one client (address) may make of Open311; 0: no limit.
  OPEN311_RATE_LIMIT: int(120, 0, 1_000_000),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

/** A name longer than a prefix may be needs a prefix of its own: it starts every citizen SMS. */
export const configSchema = configFields.superRefine((c, ctx) => {
  if (c.REPLICATION === 'litestream' && c.DATABASE_PATH === ':memory:') {
    ctx.addIssue({
      code: 'custom',
      path: ['REPLICATION'],
      message: 'litestream needs a database file (DATABASE_PATH is :memory:)',
    });
  }
  for (const lang of ['SW', 'EN'] as const) {
    const name = c[`ORG_NAME_${lang}`];
    if (
      c[`ORG_SMS_PREFIX_${lang}`] === undefined &&
      name !== undefined &&
      name.length > ORG_PREFIX_MAX
    ) {
      ctx.addIssue({
        code: 'custom',
        path: [`ORG_SMS_PREFIX_${lang}`],
        message: `required when ORG_NAME_${lang} is longer than ${ORG_PREFIX_MAX} characters (it starts every citizen SMS)`,
      });
    }
  }
});

/** The configuration, HOST settled: loopback unless NODE_ENV=production. */
export type Config = Omit<z.infer<typeof configSchema>, 'HOST'> & { HOST: string };

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Pure. Who checkpoints the WAL (db/client.ts's WalCheckpoints): Litestream when it replicates. */
export const walCheckpointsOf = (c: Pick<Config, 'REPLICATION'>): 'kero' | 'litestream' =>
  c.REPLICATION === 'litestream' ? 'litestream' : 'kero';

/** Pure. The bind address when HOST is unset: every interface only in production. */
export const defaultHost = (nodeEnv: string | undefined) =>
  nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1';

/**
 * Pure. Parses an environment map; on failure the message names every bad variable once, with
 * what it should be and what it was, one per line.
 */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const result = configSchema.safeParse(env);
  if (result.success) {
    const c = result.data;
    return { ok: true, config: { ...c, HOST: c.HOST ?? defaultHost(c.NODE_ENV) } };
  }
  const byName = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0]);
    const messages = byName.get(name) ?? [];
    if (!messages.includes(issue.message)) byName.set(name, [...messages, issue.message]);
  }
  const lines = [...byName].map(([name, messages]) => {
    const value = env[name];
    const shown = value === undefined ? 'not set' : `got ${JSON.stringify(value)}`;
    return `  ${name}: ${messages.join('; ')} (${shown})`;
  });
  return { ok: false, message: `Invalid configuration:\n${lines.join('\n')}` };
}
