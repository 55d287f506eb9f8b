/**
 * The SQL of the one rollup, `complaint_rollup` (db/schema.ts), written once: what each complaint
 * adds to which rows. The triggers that keep it (migration 0018, printed by
 * `npx tsx db/rollup-sql.ts`) and the background job that builds it for complaints already filed
 * (src/reports/rollup.ts) both come from here, so they cannot count differently;
 * test/integration/rollup.test.ts checks the migration still holds what this prints.
 *
 * A complaint adds to four rows, by its filing day (Tanzanian time): its cell (`c`: region,
 * council, category, channel), its region and category (`rc`, and `rcw` by the filing day's week)
 * and its channel (`ch`, the whole country). A resolved one adds one to the day it was resolved (`res`, by region), and one with
 * office times adds to the country's histograms of whole office hours (`hfr`, `hres`).
 *
 * Triggers count only complaints the build has reached (ids up to the `rollup` job's cursor,
 * db/jobs.ts), so a rebuild running beside new filings and changes counts each complaint once.
 */

/** Tanzanian day number of a time column: (ms + 3 h) / 24 h. */
const day = (ms: string) => `((${ms} + 10800000) / 86400000)`;

const OPEN = `('received', 'assigned', 'in_progress')`;

/** The counters, each as the expression of one complaint `x` (new, old, or a table alias). */
export const COUNTERS: readonly (readonly [string, (x: string) => string])[] = [
  ['n', () => '1'],
  ['st_received', (x) => `${x}.status = 'received'`],
  ['st_assigned', (x) => `${x}.status = 'assigned'`],
  ['st_in_progress', (x) => `${x}.status = 'in_progress'`],
  ['st_resolved', (x) => `${x}.status = 'resolved'`],
  ['st_closed', (x) => `${x}.status = 'closed'`],
  ['unattended', (x) => `(${x}.status IN ${OPEN} AND ${x}.assignee_id IS NULL)`],
  ['answered', (x) => `${x}.first_response_at IS NOT NULL`],
  // A resolution answers a complaint nobody replied to: it ends the first-response clock too.
  [
    'fr_met',
    (x) =>
      `coalesce(coalesce(${x}.first_response_at, ${x}.resolved_at) <= ${x}.first_response_due_at, 0)`,
  ],
  ['fr_late', (x) => frLate(x)],
  ['resolved_ever', (x) => `${x}.resolved_at IS NOT NULL`],
  ['res_met', (x) => `coalesce(${x}.resolved_at <= ${x}.resolution_due_at, 0)`],
  ['res_late', (x) => resLate(x)],
  ['late', (x) => `(${frLate(x)} OR ${resLate(x)})`],
  ['ever_done', (x) => `(${x}.resolved_at IS NOT NULL OR ${x}.reopen_count > 0)`],
  ['reopened', (x) => `${x}.reopen_count > 0`],
  ...[1, 2, 3, 4, 5].map(
    (k) => [`r${k}`, (x: string) => `coalesce(${x}.rating = ${k}, 0)`] as const,
  ),
];

function frLate(x: string): string {
  return `coalesce(coalesce(${x}.first_response_at, ${x}.resolved_at) > ${x}.first_response_due_at, 0)`;
}
function resLate(x: string): string {
  return `coalesce(${x}.resolved_at > ${x}.resolution_due_at, 0)`;
}

const KEY = ['kind', 'day', 'region', 'council', 'category', 'channel', 'hours'] as const;
const NAMES = COUNTERS.map(([name]) => name);
const COLUMNS = [...KEY, ...NAMES].join(', ');

/** The first day of the week of a day number (weeks of seven days from day 0). */
const week = (dayNumber: string) => `(${dayNumber} - ${dayNumber} % 7)`;

/**
 * The rows a complaint `x` adds to with all its counters: [kind, day, region, council, category,
 * channel]. Each by its filing day, but `rcw`: its region and category by the filing day's week,
 * so that a long period reads a seventh of the `rc` rows (whole weeks, then days at its ends).
 */
const FILED_ROWS = (x: string) => {
  const filed = day(`${x}.created_at`);
  return [
    ['c', filed, `${x}.region_code`, `${x}.council_code`, `${x}.category_code`, `${x}.channel`],
    ['rc', filed, `${x}.region_code`, `''`, `${x}.category_code`, `''`],
    ['rcw', week(filed), `${x}.region_code`, `''`, `${x}.category_code`, `''`],
    ['ch', filed, `''`, `''`, `''`, `${x}.channel`],
  ];
};

const ON_CONFLICT = `ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET ${NAMES.map(
  (n) => `${n} = ${n} + excluded.${n}`,
).join(', ')}`;

/** The smaller rows: a resolution's day (`res`) and the office-hour histograms (`hfr`, `hres`). */
const SIDE_ROWS = (x: string) => {
  const hours = (column: string) => `(${x}.${column} + 3599999) / 3600000`;
  return {
    res: {
      day: day(`${x}.resolved_at`),
      region: `${x}.region_code`,
      hours: '0',
      when: `${x}.resolved_at IS NOT NULL AND ${x}.status IN ('resolved', 'closed')`,
    },
    hfr: {
      day: day(`${x}.created_at`),
      region: `''`,
      hours: hours('first_response_work_ms'),
      when: `${x}.first_response_work_ms IS NOT NULL`,
    },
    hres: {
      day: day(`${x}.created_at`),
      region: `''`,
      hours: hours('resolution_work_ms'),
      when: `${x}.resolution_work_ms IS NOT NULL`,
    },
  };
};
type Side = keyof ReturnType<typeof SIDE_ROWS>;
const SIDES: readonly Side[] = ['res', 'hfr', 'hres'];

/** What each side row counts changed between old and new. */
const SIDE_CHANGED: Record<Side, string> = {
  res: `(old.resolved_at IS NOT new.resolved_at OR (old.status IN ('resolved', 'closed')) IS NOT (new.status IN ('resolved', 'closed')) OR old.region_code IS NOT new.region_code)`,
  hfr: `(old.first_response_work_ms IS NOT new.first_response_work_ms OR ${day('old.created_at')} IS NOT ${day('new.created_at')})`,
  hres: `(old.resolution_work_ms IS NOT new.resolution_work_ms OR ${day('old.created_at')} IS NOT ${day('new.created_at')})`,
};

/** Adds (`sign` '+') or takes away ('-') complaint `x`'s count in one side row, if it has one. */
function sideRow(x: string, side: Side, sign: '+' | '-'): string {
  const r = SIDE_ROWS(x)[side];
  const zeros = NAMES.slice(1)
    .map(() => '0')
    .join(', ');
  return `INSERT INTO complaint_rollup (${COLUMNS})
    SELECT '${side}', ${r.day}, ${r.region}, '', '', '', ${r.hours}, ${sign}1, ${zeros} WHERE ${r.when}
    ${ON_CONFLICT};`;
}

/** Adds (`sign` '+') or takes away ('-') complaint `x`'s four filed rows. */
function filedRows(x: string, sign: '+' | '-'): string {
  const counters = COUNTERS.map(([, expr]) => `${sign}(${expr(x)})`).join(', ');
  const filed = FILED_ROWS(x)
    .map(([kind, ...key]) => `SELECT '${kind}', ${key.join(', ')}, 0, ${counters}`)
    .join('\n    UNION ALL ');
  // WHERE true: an upsert's SELECT needs a WHERE clause to be read unambiguously.
  return `INSERT INTO complaint_rollup (${COLUMNS})
    SELECT * FROM (${filed}) WHERE true
    ${ON_CONFLICT};`;
}

/** Complaint `x`'s whole contribution, added or taken away. */
const contribution = (x: string, sign: '+' | '-'): string[] => [
  filedRows(x, sign),
  ...SIDES.map((side) => sideRow(x, side, sign)),
];

/** The complaints the rollup counts already: those the build has reached. */
const GATE = `coalesce((SELECT cursor FROM background_jobs WHERE name = 'rollup'), 9007199254740991)`;

/** Columns whose change can change a contribution (the UPDATE trigger's `OF` list). */
const WATCHED = [
  'status',
  'assignee_id',
  'first_response_at',
  'first_response_due_at',
  'resolved_at',
  'resolution_due_at',
  'rating',
  'reopen_count',
  'first_response_work_ms',
  'resolution_work_ms',
  'region_code',
  'council_code',
  'category_code',
  'channel',
  'created_at',
];

/** The filed rows' key is the same before and after: their counters move in place. */
const SAME_KEY = ['region_code', 'council_code', 'category_code', 'channel']
  .map((c) => `old.${c} = new.${c}`)
  .concat([`${day('old.created_at')} = ${day('new.created_at')}`])
  .join(' AND ');

/** Some counter of the filed rows differs between old and new. */
const COUNTED_CHANGE = COUNTERS.slice(1)
  .map(([, expr]) => `(${expr('old')}) IS NOT (${expr('new')})`)
  .join('\n    OR ');

/** The four filed rows of `new`, their counters moved by new - old (one UPDATE each). */
function moveInPlace(): string[] {
  const deltas = COUNTERS.slice(1)
    .map(([name, expr]) => `${name} = ${name} + ((${expr('new')}) - (${expr('old')}))`)
    .join(', ');
  return FILED_ROWS('new').map(
    ([kind, dayNumber, region, council, category, channel]) =>
      `UPDATE complaint_rollup SET ${deltas}
    WHERE kind = '${kind}' AND day = ${dayNumber} AND region = ${region} AND council = ${council}
      AND category = ${category} AND channel = ${channel} AND hours = 0;`,
  );
}

/** The triggers that keep the rollup, as the migration holds them. */
export function rollupTriggers(): string {
  const of = `AFTER UPDATE OF ${WATCHED.join(', ')} ON complaints`;
  return [
    `CREATE TRIGGER complaint_rollup_insert AFTER INSERT ON complaints
  WHEN new.id <= ${GATE}
BEGIN
  ${contribution('new', '+').join('\n  ')}
END;`,
    `CREATE TRIGGER complaint_rollup_delete AFTER DELETE ON complaints
  WHEN old.id <= ${GATE}
BEGIN
  ${contribution('old', '-').join('\n  ')}
END;`,
    // The usual change (a status, a reply, an assignment): the four filed rows move in place,
    // and only when something they count changed.
    `CREATE TRIGGER complaint_rollup_update ${of}
  WHEN old.id <= ${GATE} AND ${SAME_KEY} AND (
    ${COUNTED_CHANGE})
BEGIN
  ${moveInPlace().join('\n  ')}
END;`,
    // Each side row only when what it counts changed (a resolution, an office time).
    ...SIDES.map(
      (side) => `CREATE TRIGGER complaint_rollup_${side} ${of}
  WHEN old.id <= ${GATE} AND ${SIDE_CHANGED[side]}
BEGIN
  ${sideRow('old', side, '-')}
  ${sideRow('new', side, '+')}
END;`,
    ),
    // A complaint moved to another council, category, channel or filing day: out of its old
    // filed rows, into its new ones.
    `CREATE TRIGGER complaint_rollup_move ${of}
  WHEN old.id <= ${GATE} AND NOT (${SAME_KEY})
BEGIN
  ${filedRows('old', '-')}
  ${filedRows('new', '+')}
END;`,
  ].join('\n--> statement-breakpoint\n');
}

/**
 * The build's step: adds the complaints with ids in (?, ?] to the rollup, as statements to run
 * with those two bounds. Grouped first, so a batch adds to each row once. NOT INDEXED: read by
 * the primary key's range; given the choice SQLite would read every resolved complaint through
 * an index on the resolution's status and time, in every batch.
 */
export function rollupBuild(): string[] {
  const counters = COUNTERS.map(([, expr]) => `sum(${expr('c')})`).join(', ');
  const range = 'c.id > ? AND c.id <= ?';
  const filed = FILED_ROWS('c').map(
    ([kind, ...key]) =>
      `INSERT INTO complaint_rollup (${COLUMNS})
    SELECT '${kind}', ${key.join(', ')}, 0, ${counters}
      FROM complaints c NOT INDEXED WHERE ${range} GROUP BY 2, 3, 4, 5, 6
    ${ON_CONFLICT}`,
  );
  const zeros = NAMES.slice(1)
    .map(() => '0')
    .join(', ');
  const side = (kind: string, dayOf: string, region: string, hours: string, when: string) =>
    `INSERT INTO complaint_rollup (${COLUMNS})
    SELECT '${kind}', ${dayOf}, ${region}, '', '', '', ${hours}, count(*), ${zeros}
      FROM complaints c NOT INDEXED WHERE ${range} AND ${when} GROUP BY 2, 3, 7
    ${ON_CONFLICT}`;
  const hours = (column: string) => `(c.${column} + 3599999) / 3600000`;
  return [
    ...filed,
    side(
      'res',
      day('c.resolved_at'),
      'c.region_code',
      '0',
      `c.resolved_at IS NOT NULL AND c.status IN ('resolved', 'closed')`,
    ),
    side(
      'hfr',
      day('c.created_at'),
      `''`,
      hours('first_response_work_ms'),
      'c.first_response_work_ms IS NOT NULL',
    ),
    side(
      'hres',
      day('c.created_at'),
      `''`,
      hours('resolution_work_ms'),
      'c.resolution_work_ms IS NOT NULL',
    ),
  ];
}

if (require.main === module) process.stdout.write(`${rollupTriggers()}\n`);
