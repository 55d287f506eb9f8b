/**
 * The terminal phone in scripted mode against the real server (`tsx src/main.ts`, temporary
 * database): a whole filing, then a second dial in the same run, and an unreachable server.
 */
import Database from 'better-sqlite3';
import { freePort, runTsx, startServer, tempDir, TOKEN, type RunningServer } from './processes';

jest.setTimeout(60_000);

const FILING = '1,1,1,1,3,Kijiji cha Olasiti,Maji hayatoki tangu wiki iliyopita,1,1';
const PHONE = '+255712345678';

/** The text inside every box of a transcript, one array per screen. */
function screens(stdout: string): { lines: string[]; footer: string }[] {
  const found: { lines: string[]; footer: string }[] = [];
  let current: string[] | undefined;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('┌')) current = [];
    else if (line.startsWith('│') && current) current.push(line.slice(1, -1).trimEnd());
    else if (line.startsWith('└') && current) {
      found.push({ lines: current, footer: line });
      current = undefined;
    }
  }
  return found;
}

let tmp: ReturnType<typeof tempDir>;
let server: RunningServer;

beforeAll(async () => {
  tmp = tempDir();
  server = await startServer(tmp.dir);
});

afterAll(async () => {
  await server?.stop();
  tmp?.remove();
});

describe('npm run ussd -- --script', () => {
  test('when a whole filing is scripted, then the END screen carries the number, the acknowledgement SMS is shown and the exit code is 0', async () => {
    const run = await runTsx('src/cli/phone/ussd-sim.ts', [
      ...['--script', `${FILING}|3`, '--url', server.url, '--token', TOKEN],
      ...['--db', server.dbFile, '--phone', '0712345678'],
    ]);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const shown = screens(run.stdout);
    // 10 hops of the filing, then the second dial's main menu and "my complaints".
    expect(shown).toHaveLength(12);
    expect(shown[0]?.lines).toEqual(expect.arrayContaining(['1. Kiswahili', '2. English']));
    expect(shown[0]?.footer).toMatch(/ CON \d+\/160 \d+ ms ┘$/);
    const end = shown[9]!;
    expect(end.footer).toMatch(/ END \d+\/160 /);
    const number = /(\d{4} \d{4})/.exec(end.lines.join(' '))?.[1];
    expect(number).toBeDefined();
    expect(run.stdout).toMatch(
      // The acknowledgement names the one-dial tracking code: *384*1234*<number>#.
      new RegExp(
        `SMS from the service \\((queued|sending|sent)\\): .*${number}.*\\*384\\*1234\\*${number?.replace(' ', '')}#`,
      ),
    );
    expect(run.stdout.match(/^> /gm)).toHaveLength(10);
    expect(shown[11]?.lines.join(' ')).toContain(number);
    expect(run.stdout).not.toMatch(/WARNING/);
    expect(run.stdout).toContain('OK: every screen kept the wire rules.');

    const db = new Database(server.dbFile, { readonly: true });
    try {
      const row = db
        .prepare('SELECT citizen_phone, place, description FROM complaints WHERE number = ?')
        .get(number!.replace(' ', ''));
      expect(row).toEqual({
        citizen_phone: PHONE,
        place: 'Kijiji cha Olasiti',
        description: 'Maji hayatoki tangu wiki iliyopita',
      });
    } finally {
      db.close();
    }
  });

  test('when nothing listens at --url, then it says so and exits 1', async () => {
    const port = await freePort();
    const run = await runTsx('src/cli/phone/ussd-sim.ts', [
      ...['--script', '1', '--url', `http://127.0.0.1:${port}`, '--token', TOKEN],
      ...['--db', `${tmp.dir}/none.db`],
    ]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `cannot reach http://127.0.0.1:${port}/ussd?token=… (ECONNREFUSED)`,
    );
    expect(run.stderr).toContain('is the server running (npm start)?');
  });
});

describe('npm run ussd with its replies piped in', () => {
  const pipeIn = (input: string, phone: string) =>
    runTsx(
      'src/cli/phone/ussd-sim.ts',
      ['--url', server.url, '--token', TOKEN, '--db', server.dbFile, '--phone', phone],
      undefined,
      input,
    );

  test('when a whole filing is piped in at once, then every reply is used, as typed ones are, and it exits 0', async () => {
    const run = await pipeIn(`${FILING.split(',').join('\n')}\n`, '0712000201');

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const shown = screens(run.stdout);
    expect(shown).toHaveLength(10);
    expect(shown[9]?.footer).toMatch(/ END \d+\/160 /);
    expect(shown[9]?.lines.join(' ')).toMatch(/\d{4} \d{4}/);
    // Each piped reply is echoed after its prompt, as a terminal shows a typed one.
    expect(run.stdout).toContain('reply> Maji hayatoki tangu wiki iliyopita\n');
  });

  test('when the input ends in the middle of a dial (printf "2\\n88739997\\n" | npm run ussd), then it stops cleanly with exit 0', async () => {
    const run = await pipeIn('2\n88739997\n', '0712000202');

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const shown = screens(run.stdout);
    // Language, then English main menu, then the answer to 88739997 on that menu.
    expect(shown).toHaveLength(3);
    expect(shown[1]?.lines).toEqual(expect.arrayContaining(['1. File a complaint']));
    expect(run.stdout).not.toContain('ERR_USE_AFTER_CLOSE');
  });
});
