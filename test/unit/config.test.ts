/**
 * Configuration: one zod schema over the environment; defaults that make `npm start` work with
 * nothing set; one message naming every bad variable; .env.example documenting every variable.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configSchema, parseConfig, walCheckpointsOf } from '../../src/config';
import { deploymentOf } from '../../src/deps';

describe('parseConfig', () => {
  test('when nothing is set, then the defaults serve port 3000 on ./data/kero.db', () => {
    const result = parseConfig({});
    expect(result).toMatchObject({
      ok: true,
      config: {
        PORT: 3000,
        DATABASE_PATH: './data/kero.db',
        DAILY_COMPLAINT_LIMIT: 5,
        DRAFT_RESUME_MINUTES: 30,
        CALLBACK_DAILY_LIMIT: 3,
        SLA_FIRST_RESPONSE_DAYS: 3,
        SLA_RESOLUTION_DAYS: 14,
        USSD_SERVICE_CODES: [],
        HOLIDAYS: [],
      },
    });
    expect(result.ok && result.config.AT_API_KEY).toBeUndefined();
    expect(result.ok && result.config.WEBHOOK_TOKEN).toBeUndefined();
  });

  test('when lists are given, then they are split and trimmed', () => {
    const result = parseConfig({
      USSD_SERVICE_CODES: '*384*1234#, *152*00#',
      HOLIDAYS: '2026-12-09,2026-12-25',
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        USSD_SERVICE_CODES: ['*384*1234#', '*152*00#'],
        HOLIDAYS: ['2026-12-09', '2026-12-25'],
      },
    });
  });

  test('when several variables are bad, then one message names every one of them', () => {
    const result = parseConfig({
      PORT: 'eighty',
      WEBHOOK_TOKEN: 'short',
      USSD_SERVICE_CODES: '384',
      DAILY_COMPLAINT_LIMIT: '0',
      HOLIDAYS: '2026-13-45',
      AT_API_BASE_URL: 'not a url',
      LOG_LEVEL: 'loud',
    });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    for (const name of [
      'PORT',
      'WEBHOOK_TOKEN',
      'USSD_SERVICE_CODES',
      'DAILY_COMPLAINT_LIMIT',
      'HOLIDAYS',
      'AT_API_BASE_URL',
      'LOG_LEVEL',
    ]) {
      expect(message).toContain(`  ${name}`);
    }
    expect(message).toContain('got "eighty"');
  });
});

describe('parseConfig: backups', () => {
  test('when no backup variable is set, then there are no scheduled backups, and 24 h and 7 kept by default', () => {
    const result = parseConfig({});
    expect(result.ok && result.config.BACKUP_DIR).toBeUndefined();
    expect(result).toMatchObject({ ok: true, config: { BACKUP_EVERY_HOURS: 24, BACKUP_KEEP: 7 } });
  });

  test('when they are set, then they are read', () => {
    expect(
      parseConfig({
        BACKUP_DIR: ' /var/backups/kero ',
        BACKUP_EVERY_HOURS: '6',
        BACKUP_KEEP: '28',
      }),
    ).toMatchObject({
      ok: true,
      config: { BACKUP_DIR: '/var/backups/kero', BACKUP_EVERY_HOURS: 6, BACKUP_KEEP: 28 },
    });
  });

  test('when the interval or the number kept is out of range, then each is named', () => {
    const result = parseConfig({ BACKUP_EVERY_HOURS: '721', BACKUP_KEEP: '0' });
    const message = result.ok ? '' : result.message;
    expect(message).toMatch(/^ {2}BACKUP_EVERY_HOURS: .*\(got "721"\)$/m);
    expect(message).toMatch(/^ {2}BACKUP_KEEP: .*\(got "0"\)$/m);
  });
});

describe('parseConfig: Open311', () => {
  test('when nothing is set, then Open311 is served without descriptions', () => {
    expect(parseConfig({})).toMatchObject({
      ok: true,
      config: { OPEN311_ENABLED: true, OPEN311_DESCRIPTIONS: false, OPEN311_RATE_LIMIT: 120 },
    });
  });

  test('when a rate limit is set, then it is read (0: none), and a bad one is named', () => {
    expect(parseConfig({ OPEN311_RATE_LIMIT: '0' })).toMatchObject({
      ok: true,
      config: { OPEN311_RATE_LIMIT: 0 },
    });
    const bad = parseConfig({ OPEN311_RATE_LIMIT: '-5' });
    expect(bad.ok ? '' : bad.message).toMatch(/^ {2}OPEN311_RATE_LIMIT: .*\(got "-5"\)$/m);
  });

  test('when the switches are set, then they are read as booleans, and a bad one is named', () => {
    expect(parseConfig({ OPEN311_ENABLED: 'false', OPEN311_DESCRIPTIONS: 'true' })).toMatchObject({
      ok: true,
      config: { OPEN311_ENABLED: false, OPEN311_DESCRIPTIONS: true },
    });
    const bad = parseConfig({ OPEN311_DESCRIPTIONS: 'maybe' });
    expect(bad.ok ? '' : bad.message).toMatch(/^ {2}OPEN311_DESCRIPTIONS: .*\(got "maybe"\)$/m);
  });
});

describe('parseConfig: read workers', () => {
  test('when nothing is set, then the processors decide the workers and 64 reads may wait', () => {
    const result = parseConfig({});
    expect(result).toMatchObject({ ok: true, config: { READ_QUEUE: 64 } });
    expect(result.ok && result.config.READ_WORKERS).toBeUndefined();
  });

  test('when they are set, then they are read, and each one out of range is named', () => {
    expect(parseConfig({ READ_WORKERS: '3', READ_QUEUE: '10' })).toMatchObject({
      ok: true,
      config: { READ_WORKERS: 3, READ_QUEUE: 10 },
    });
    const bad = parseConfig({ READ_WORKERS: '0', READ_QUEUE: 'many' });
    expect(bad.ok ? '' : bad.message).toMatch(/^ {2}READ_WORKERS: .*\(got "0"\)$/m);
    expect(bad.ok ? '' : bad.message).toMatch(/^ {2}READ_QUEUE: .*\(got "many"\)$/m);
  });
});

describe('parseConfig: field fit', () => {
  test('when nothing is set, then mainland regions, PO-RALG, quiet hours 21:00-07:00, a digest at 08:00 and no SMS budget', () => {
    const result = parseConfig({});
    expect(result).toMatchObject({
      ok: true,
      config: {
        REGIONS: 'mainland',
        QUIET_HOURS: { start: 21 * 60, end: 7 * 60 },
        DIGEST_AT: 8 * 60,
      },
    });
    expect(result.ok && result.config.ORG_NAME_SW).toBeUndefined();
    expect(result.ok && result.config.SMS_MONTHLY_BUDGET).toBeUndefined();
  });

  test('when quiet hours and the digest are off and a budget is set, then they are read', () => {
    expect(
      parseConfig({
        QUIET_HOURS: 'off',
        DIGEST_AT: 'OFF',
        SMS_MONTHLY_BUDGET: '50000',
        REGIONS: 'all',
      }),
    ).toMatchObject({
      ok: true,
      config: { QUIET_HOURS: null, DIGEST_AT: null, SMS_MONTHLY_BUDGET: 50000, REGIONS: 'all' },
    });
    expect(parseConfig({ QUIET_HOURS: '22:30-6:15' })).toMatchObject({
      ok: true,
      config: { QUIET_HOURS: { start: 22 * 60 + 30, end: 6 * 60 + 15 } },
    });
  });

  test.each([
    ['REGIONS', 'zanzibar'],
    ['QUIET_HOURS', '21:00'],
    ['QUIET_HOURS', '21:00-21:00'],
    ['QUIET_HOURS', '25:00-07:00'],
    ['DIGEST_AT', '8am'],
    ['DIGEST_AT', '24:00'],
    ['SMS_MONTHLY_BUDGET', '0'],
    ['SMS_MONTHLY_BUDGET', 'lots'],
    ['ORG_NAME_SW', 'M'.repeat(31)],
    ['ORG_NAME_EN', 'Ministry – of Water'],
    ['ORG_NAME_EN', 'Two\nlines'],
    ['ORG_SMS_PREFIX_EN', 'P'.repeat(16)],
  ])('when %s is %j, then the start is refused naming it', (name, value) => {
    const result = parseConfig({ [name]: value });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(new RegExp(`^ {2}${name}: `, 'm'));
  });

  test('when a name is longer than a prefix may be and no prefix is set, then the prefix is named as missing', () => {
    const result = parseConfig({ ORG_NAME_EN: 'Dar es Salaam Water Authority' });
    expect(result.ok ? '' : result.message).toMatch(/^ {2}ORG_SMS_PREFIX_EN: required when/m);
    expect(
      parseConfig({ ORG_NAME_EN: 'Dar es Salaam Water Authority', ORG_SMS_PREFIX_EN: 'DAWASA' }).ok,
    ).toBe(true);
  });
});

describe('deploymentOf', () => {
  const deployment = (env: Record<string, string>) => {
    const parsed = parseConfig(env);
    if (!parsed.ok) throw new Error(parsed.message);
    return deploymentOf(parsed.config);
  };

  test("when nothing is set, then it is PO-RALG's: mainland regions, OR-TAMISEMI and PO-RALG", () => {
    expect(deployment({})).toEqual({
      regions: 'mainland',
      org: {
        name: { sw: 'OR-TAMISEMI', en: 'PO-RALG' },
        smsPrefix: { sw: 'OR-TAMISEMI', en: 'PO-RALG' },
      },
    });
  });

  test('when only the names are set, then each language prefixes its SMS with its name', () => {
    expect(deployment({ ORG_NAME_SW: 'DAWASA', ORG_NAME_EN: 'DAWASA', REGIONS: 'all' })).toEqual({
      regions: 'all',
      org: { name: { sw: 'DAWASA', en: 'DAWASA' }, smsPrefix: { sw: 'DAWASA', en: 'DAWASA' } },
    });
  });

  test('when prefixes are set, then they start the SMS and the names stay on the welcome screen', () => {
    const org = deployment({
      ORG_NAME_SW: 'Mamlaka ya Maji Dar es Salaam',
      ORG_NAME_EN: 'Dar es Salaam Water Authority',
      ORG_SMS_PREFIX_SW: 'DAWASA',
      ORG_SMS_PREFIX_EN: 'DAWASA',
    }).org;
    expect(org).toEqual({
      name: { sw: 'Mamlaka ya Maji Dar es Salaam', en: 'Dar es Salaam Water Authority' },
      smsPrefix: { sw: 'DAWASA', en: 'DAWASA' },
    });
  });
});

describe('.env.example', () => {
  const text = readFileSync(path.join(__dirname, '../../.env.example'), 'utf8');
  const documented = new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));

  test.each(Object.keys(configSchema.shape))(
    'when %s is configurable, then .env.example documents it',
    (name) => {
      expect(documented.has(name)).toBe(true);
    },
  );

  test('when .env.example is read as the environment, then it is a valid configuration', () => {
    const env: Record<string, string> = {};
    for (const m of text.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)) env[m[1] ?? ''] = m[2] ?? '';
    expect(parseConfig(env).ok).toBe(true);
  });
});

describe('README configuration table', () => {
  const text = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

  test.each(Object.keys(configSchema.shape))(
    'when %s is configurable, then the README configuration table has a row for it',
    (name) => {
      expect(text).toMatch(new RegExp(`^\\| \`${name}\` +\\|`, 'm'));
    },
  );
});

describe('parseConfig: wording', () => {
  const messageOf = (env: Record<string, string>) => {
    const result = parseConfig(env);
    if (result.ok) throw new Error('expected a refusal');
    return result.message;
  };

  test('when PORT is not a number, then the message says what it should be in plain words', () => {
    expect(messageOf({ PORT: 'abc' })).toBe(
      'Invalid configuration:\n  PORT: a whole number from 1 to 65535 (got "abc")',
    );
  });

  test('when HOLIDAYS holds a date in another format, then HOLIDAYS is named once', () => {
    expect(messageOf({ HOLIDAYS: '25/12/2026' })).toBe(
      'Invalid configuration:\n' +
        '  HOLIDAYS: dates as YYYY-MM-DD, comma-separated (e.g. 2026-12-09,2026-12-25) (got "25/12/2026")',
    );
  });

  test('when a list holds several items, then the bad ones are named in the one line', () => {
    expect(messageOf({ HOLIDAYS: '2026-12-09,2026-02-30,25/12/2026' })).toMatch(
      /^ {2}HOLIDAYS: .*; not "2026-02-30", "25\/12\/2026" \(got /m,
    );
  });

  test('when every kind of variable is bad, then each is named on exactly one line, with none of the schema library words', () => {
    const bad = {
      PORT: 'abc',
      HOST: '',
      PUBLIC_URL: 'kero.go.tz',
      REGIONS: 'zanzibar',
      SLA_RESOLUTION_DAYS: '2.5',
      HOLIDAYS: '25/12/2026',
      USSD_SERVICE_CODES: '384,*152#,1234',
      SMS_SHORTCODES: '1',
      SMS_MONTHLY_BUDGET: 'lots',
      OPEN311_ENABLED: 'maybe',
      CONSOLE_SECURE_COOKIE: 'y',
      LOG_LEVEL: 'loud',
      AT_API_BASE_URL: 'nope',
    };
    const lines = messageOf(bad).split('\n').slice(1);

    const named = lines.map((l) => /^ {2}([A-Z0-9_]+): /.exec(l)?.[1]);
    expect(named.sort()).toEqual(
      Object.keys(bad)
        .filter((n) => n !== 'HOST')
        .sort(),
    );
    for (const line of lines) {
      expect(line).not.toMatch(
        /Invalid input|Invalid option|expected|received|NaN|Too (small|big)/,
      );
    }
  });

  test('when a number variable is empty (PORT= in .env), then its default is used', () => {
    expect(parseConfig({ PORT: '', BACKUP_KEEP: '' })).toMatchObject({
      ok: true,
      config: { PORT: 3000, BACKUP_KEEP: 7 },
    });
  });
});

describe('parseConfig: HOST', () => {
  test.each([
    [{}, '127.0.0.1'],
    [{ NODE_ENV: 'development' }, '127.0.0.1'],
    [{ NODE_ENV: 'production' }, '0.0.0.0'],
    [{ NODE_ENV: 'production', HOST: '127.0.0.1' }, '127.0.0.1'],
    [{ HOST: '0.0.0.0' }, '0.0.0.0'],
  ])('when the environment is %j, then the server binds %s', (env, host) => {
    expect(parseConfig(env)).toMatchObject({ ok: true, config: { HOST: host } });
  });
});

describe('parseConfig: REPLICATION', () => {
  test('when nothing is set, then replication is off and Litestream would be read on loopback 9090', () => {
    const result = parseConfig({});
    expect(result).toMatchObject({
      ok: true,
      config: { REPLICATION: 'off', LITESTREAM_METRICS_URL: 'http://127.0.0.1:9090/metrics' },
    });
    expect(result.ok && walCheckpointsOf(result.config)).toBe('kero');
  });

  test('when REPLICATION=litestream, then Kero leaves the WAL checkpoints to Litestream', () => {
    const result = parseConfig({
      REPLICATION: 'litestream',
      LITESTREAM_METRICS_URL: 'http://127.0.0.1:9191/metrics',
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        REPLICATION: 'litestream',
        LITESTREAM_METRICS_URL: 'http://127.0.0.1:9191/metrics',
      },
    });
    expect(result.ok && walCheckpointsOf(result.config)).toBe('litestream');
  });

  test.each([
    [
      { REPLICATION: 'on' },
      '  REPLICATION: off, or litestream when Litestream replicates the database (deploy/litestream.yml) (got "on")',
    ],
    [
      { REPLICATION: 'litestream', DATABASE_PATH: ':memory:' },
      '  REPLICATION: litestream needs a database file (DATABASE_PATH is :memory:) (got "litestream")',
    ],
    [
      { LITESTREAM_METRICS_URL: '127.0.0.1:9090' },
      '  LITESTREAM_METRICS_URL: a URL such as http://127.0.0.1:9090/metrics (got "127.0.0.1:9090")',
    ],
  ])('when the environment is %j, then the refusal says in plain words: %s', (env, line) => {
    const result = parseConfig(env);
    expect(result).toEqual({ ok: false, message: `Invalid configuration:\n${line}` });
  });
});
