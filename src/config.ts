/**
 * Configuration: one zod schema over the environment, read once by src/main.ts.
 * Every variable is documented in .env.example.
 */
import { z } from 'zod';
import { parseHours } from './text/calendar';
import { parseClock, parseDailyWindow } from './text/calendar';
import { isGsm7 } from './text/gsm7';
import { ORG_NAME_MAX, ORG_PREFIX_MAX } from './text/org';

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''], { message: 'true or false' })
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : ['true', '1', 'yes'].includes(v)));

/** A name citizens read: GSM-7 basic characters on one line, at most `max` of them. */
const orgWords = (max: number) =>
  optionalText.pipe(
    z
      .string()
      .max(max, `at most ${max} characters`)
      .refine(
        (v) => isGsm7(v, { allowExtended: false }) && !/[\r\n]/.test(v),
        'GSM-7 basic characters on one line only (no curly quotes, dashes, emoji)',
      )
      .optional(),
  );

/** `HH:MM-HH:MM` in Tanzanian time, or `off`. */
const dailyWindow = z
  .string()
  .trim()
  .default('21:00-07:00')
  .transform((v, ctx) => {
    if (v.toLowerCase() === 'off') return null;
    const window = parseDailyWindow(v);
    if (window) return window;
    ctx.addIssue({
      code: 'custom',
      message: 'HH:MM-HH:MM in Tanzanian time (e.g. 21:00-07:00), or off',
    });
    return z.NEVER;
  });

/** `HH:MM` in Tanzanian time (minutes after midnight), or `off`. */
const clockTime = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((v, ctx) => {
      if (v.toLowerCase() === 'off') return null;
      const minute = parseClock(v);
      if (minute !== undefined) return minute;
      ctx.addIssue({ code: 'custom', message: 'HH:MM in Tanzanian time (e.g. 08:00), or off' });
      return z.NEVER;
    });

const configFields = z.object({
  PORT: int(3000, 1, 65535),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATABASE_PATH: z.string().trim().min(1).default('./data/kero.db'),
  PUBLIC_URL: optionalText.pipe(z.url().optional()),
  WEBHOOK_TOKEN: optionalText.pipe(
    z.string().min(16, 'must be at least 16 characters (or unset to generate one)').optional(),
  ),
  METRICS_TOKEN: optionalText.pipe(
    z
      .string()
      .min(16, 'must be at least 16 characters (or unset: loopback callers only)')
      .optional(),
  ),
  USSD_SERVICE_CODES: list.pipe(
    z.array(z.string().regex(/^\*[0-9*]+#$/, 'each code must look like *384*1234#')),
  ),
  TOLL_FREE_NUMBER: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9 +]{3,20}$/, 'digits and spaces only, e.g. 0800 110 010')
      .optional(),
  ),
  REGIONS: z.enum(['mainland', 'all']).default('mainland'),
  ORG_NAME_SW: orgWords(ORG_NAME_MAX),
  ORG_NAME_EN: orgWords(ORG_NAME_MAX),
  ORG_SMS_PREFIX_SW: orgWords(ORG_PREFIX_MAX),
  ORG_SMS_PREFIX_EN: orgWords(ORG_PREFIX_MAX),
  DAILY_COMPLAINT_LIMIT: int(5, 1, 1_000_000_000),
  DRAFT_RESUME_MINUTES: int(30, 1, 24 * 60),
  USSD_SESSION_RETENTION_DAYS: int(30, 1, 3650),
  SLA_FIRST_RESPONSE_DAYS: int(3, 1, 60),
  SLA_RESOLUTION_DAYS: int(14, 1, 365),
  AUTO_CLOSE_DAYS: int(14, 1, 365),
  HOLIDAYS: list.pipe(
    z.array(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates as YYYY-MM-DD, comma-separated')
        .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a calendar date'),
    ),
  ),
  ESCALATION_INTERVAL_MINUTES: int(15, 1, 24 * 60),
  DIGEST_AT: clockTime('08:00'),
  AT_USERNAME: z.string().trim().min(1).default('sandbox'),
  AT_API_KEY: optionalText,
  AT_SENDER_ID: optionalText,
  AT_API_BASE_URL: optionalText.pipe(z.url().optional()),
  SMS_SHORTCODES: list.pipe(
    z.array(z.string().regex(/^[0-9A-Za-z]{3,15}$/, 'shortcodes like 15055')),
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
  SMS_MONTHLY_BUDGET: optionalText.pipe(z.coerce.number<string>().int().min(1).optional()),
  READY_MIN_FREE_MB: int(100, 0, 10_000_000),
  READY_MAX_WAL_MB: int(256, 1, 1_000_000),
  READY_SMS_FAILING_MINUTES: int(15, 1, 7 * 24 * 60),
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
  READ_WORKERS: optionalText.pipe(z.coerce.number<string>().int().min(1).max(64).optional()),
  READ_QUEUE: int(64, 1, 10_000),
  // Public data (what tracking by number already shows anyone): on unless switched off.
  OPEN311_ENABLED: z.stringbool().default(true),
  // Descriptions are typed by callers and can hold personal details: off unless switched on.
  OPEN311_DESCRIPTIONS: z.stringbool().default(false),
  // Requests a minute one client (address) may make of Open311; 0: no limit.
  OPEN311_RATE_LIMIT: int(120, 0, 1_000_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** A name longer than a prefix may be needs a prefix of its own: it starts every citizen SMS. */
export const configSchema = configFields.superRefine((c, ctx) => {
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

export type Config = z.infer<typeof configSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/**
 * Pure. Parses an environment map; on failure the message names every bad variable
 * with what is wrong with it, one per line.
 */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const result = configSchema.safeParse(env);
  if (result.success) return { ok: true, config: result.data };
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.map(String).join('.');
    const value = env[String(issue.path[0])];
    const shown = value === undefined ? 'not set' : `got ${JSON.stringify(value)}`;
    return `  ${name}: ${issue.message} (${shown})`;
  });
  return { ok: false, message: `Invalid configuration:\n${lines.join('\n')}` };
}
