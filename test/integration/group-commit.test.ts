/**
 * The USSD group commit (src/ussd/group-commit.ts): hops that arrive in one turn of the event loop
 * share one transaction, each in its own savepoint, and no answer leaves before the commit that
 * made it durable. On a real database file, so that a second connection can check durability.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { openDatabase, type Db } from '../../db/client';
import { createGroupCommit } from '../../db/group-commit';
import { menu } from '../../menus';
import { loadReferenceData } from '../../src/reference/repository';
import { createUssdGroupCommit } from '../../src/ussd/group-commit';
import { seededRandomInt, T0, DEFAULT_SLA } from '../helpers/app';
import { en, sw } from '../helpers/ussd-paths';
import { type UssdDeps, type UssdRequest } from '../../src/ussd/hop';

let dir: string;
let file: string;
let db: Db;
let observer: Database.Database;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kero-group-commit-'));
  file = path.join(dir, 'kero.db');
  db = openDatabase(file);
  observer = new Database(file, { readonly: true });
});
afterEach(() => {
  observer.close();
  if (db.$client.open) db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function depsWith(overrides: Partial<UssdDeps> = {}): UssdDeps {
  return {
    db,
    menu,
    reference: loadReferenceData(db),
    logger: pino({ level: 'silent' }),
    now: () => T0,
    randomInt: seededRandomInt(),
    sla: DEFAULT_SLA,
    settings: { dailyComplaintLimit: 5, draftResumeMinutes: 30 },
    ...overrides,
  };
}

const hop = (n: number, text = ''): UssdRequest => ({
  sessionId: `ATUid_batch_${n}`,
  serviceCode: '*384*1234#',
  phoneNumber: `+2557123450${String(n).padStart(2, '0')}`,
  networkCode: '64004',
  text,
});

const storedSessions = (): string[] =>
  (
    observer.prepare('SELECT session_id FROM ussd_sessions ORDER BY session_id').all() as {
      session_id: string;
    }[]
  ).map((r) => r.session_id);

/** Submits every request in one turn; resolves with the answers once all have arrived. */
function submitAll(
  commits: ReturnType<typeof createUssdGroupCommit>,
  reqs: UssdRequest[],
  onAnswer: (i: number, body: string) => void = () => undefined,
): Promise<string[]> {
  return new Promise((resolve) => {
    const answers: string[] = [];
    let left = reqs.length;
    reqs.forEach((req, i) =>
      commits.submit(req, (body) => {
        onAnswer(i, body);
        answers[i] = body;
        if (--left === 0) resolve(answers);
      }),
    );
  });
}

describe('USSD group commit', () => {
  test('when hops arrive in one turn, then none is answered in that turn and each answer finds its session already committed', async () => {
    const commits = createUssdGroupCommit(depsWith());
    const reqs = [1, 2, 3, 4, 5].map((n) => hop(n));
    const seenAtAnswer: string[][] = [];
    let answeredSynchronously = false;

    const pending = submitAll(commits, reqs, (i) => {
      seenAtAnswer[i] = storedSessions();
    });
    answeredSynchronously = seenAtAnswer.length > 0;
    const answers = await pending;

    expect(answeredSynchronously).toBe(false);
    expect(answers).toEqual(
      reqs.map(() => `CON ${sw('language.welcome')}\n1. Kiswahili\n2. English`),
    );
    const all = reqs.map((r) => r.sessionId).sort();
    for (const seen of seenAtAnswer) expect(seen).toEqual(all);
  });

  test('when one hop of a batch fails, then only it gets the error screen and leaves nothing, and the others commit', async () => {
    let calls = 0;
    const commits = createUssdGroupCommit(
      depsWith({
        now: () => {
          if (++calls === 2) throw new Error('clock failure');
          return T0;
        },
      }),
    );

    const answers = await submitAll(commits, [hop(1), hop(2), hop(3)]);

    expect(answers[0]).toMatch(/^CON /);
    expect(answers[1]).toBe(`END ${sw('common.error')}`);
    expect(answers[2]).toMatch(/^CON /);
    expect(storedSessions()).toEqual(['ATUid_batch_1', 'ATUid_batch_3']);
  });

  test('when the database cannot begin the batch, then every hop gets the error screen', async () => {
    const commits = createUssdGroupCommit(depsWith());
    db.$client.close();

    const answers = await submitAll(commits, [hop(1), hop(2)]);

    expect(answers).toEqual([`END ${sw('common.error')}`, `END ${sw('common.error')}`]);
  });

  test('when a retry of a hop arrives in the same batch, then both get the same screen and the session moves once', async () => {
    const commits = createUssdGroupCommit(depsWith());
    await submitAll(commits, [hop(1)]);

    const [first, retry] = await submitAll(commits, [hop(1, '2'), hop(1, '2')]);

    expect(retry).toBe(first);
    expect(first).toMatch(new RegExp(`^CON ${en('main.prompt').slice(0, 20)}`));
    const row = observer
      .prepare('SELECT hops FROM ussd_sessions WHERE session_id = ?')
      .get('ATUid_batch_1') as { hops: number };
    expect(row.hops).toBe(2);
  });

  test('when a transaction is still open on the connection at the end of the turn, then the batch waits and answers only after its own COMMIT', async () => {
    const commits = createUssdGroupCommit(depsWith());
    db.$client.exec('BEGIN');
    let answered: string | undefined;

    commits.submit(hop(1), (body) => {
      answered = body;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const whileOpen = answered;
    db.$client.exec('COMMIT');
    const seen = await new Promise<string[]>((resolve) => {
      const poll = () => (answered === undefined ? setTimeout(poll, 5) : resolve(storedSessions()));
      poll();
    });

    expect(whileOpen).toBeUndefined();
    expect(answered).toMatch(/^CON /);
    expect(seen).toEqual(['ATUid_batch_1']);
  });

  test('when more hops are queued than one batch holds, then the first batch is answered before the rest is written', async () => {
    const commits = createUssdGroupCommit(depsWith(), 3);
    const reqs = [1, 2, 3, 4, 5, 6, 7].map((n) => hop(n));
    const seenAtFirstAnswer: string[] = [];

    const answers = await submitAll(commits, reqs, (i) => {
      if (i === 0) seenAtFirstAnswer.push(...storedSessions());
    });

    expect(seenAtFirstAnswer).toEqual(['ATUid_batch_1', 'ATUid_batch_2', 'ATUid_batch_3']);
    expect(answers.every((a) => a.startsWith('CON '))).toBe(true);
    expect(storedSessions()).toHaveLength(7);
  });
});

describe('group commit of any work', () => {
  test('when one item throws, then only its promise rejects and the other items commit together', async () => {
    db.$client.exec('CREATE TABLE notes (n INTEGER NOT NULL)');
    const insert = db.$client.prepare('INSERT INTO notes (n) VALUES (?)');
    const commits = createGroupCommit(db, (n: number) => {
      if (n === 2) throw new Error('no twos');
      insert.run(n);
      return n * 10;
    });

    const results = await Promise.allSettled([1, 2, 3].map((n) => commits.submit(n)));

    expect(results).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: new Error('no twos') },
      { status: 'fulfilled', value: 30 },
    ]);
    expect(observer.prepare('SELECT n FROM notes ORDER BY n').pluck().all()).toEqual([1, 3]);
  });
});
