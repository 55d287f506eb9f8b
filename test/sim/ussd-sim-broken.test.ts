/**
 * The terminal phone against a fake USSD server that breaks AT's wire rules on purpose: each
 * broken screen is flagged with a WARNING line and the scripted run exits 2. Also checks that the
 * phone posts exactly what AT posts.
 */
import { createServer, type Server } from 'node:http';
import { runTsx, tempDir } from './processes';

jest.setTimeout(60_000);

const LONG = `CON ${'x'.repeat(196)}`;
const received: { url: string; contentType: string; body: string }[] = [];

/** Answers by hop: 200 characters, then a curly quote, then no prefix as JSON. */
function answer(text: string): { type: string; body: string } {
  if (text === '') return { type: 'text/plain', body: LONG };
  if (text === '1')
    return { type: 'text/plain; charset=utf-8', body: 'CON Karibu ’sana’\n1. Ndiyo' };
  return { type: 'application/json', body: '"Asante"' };
}

let server: Server;
let url: string;
let tmp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  tmp = tempDir();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (b: Buffer) => (body += b.toString()));
    req.on('end', () => {
      received.push({ url: req.url ?? '', contentType: req.headers['content-type'] ?? '', body });
      const reply = answer(new URLSearchParams(body).get('text') ?? '');
      res.writeHead(200, { 'Content-Type': reply.type }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  tmp.remove();
});

test('when screens break the wire rules, then each gets a WARNING and the exit code is 2', async () => {
  const run = await runTsx('src/cli/phone/ussd-sim.ts', [
    ...['--script', '1,1*2,9', '--url', url, '--token', 'a b&c'],
    ...['--db', `${tmp.dir}/none.db`, '--phone', '+255754000111', '--network', '64005'],
  ]);

  expect(run.code).toBe(2);
  const warnings = run.stdout.split('\n').filter((l) => l.startsWith('!'));
  expect(warnings).toEqual([
    '! WARNING: 200 characters: over the 160 budget (prefix included)',
    '! WARNING: not GSM-7 basic: "’" U+2019 (the page becomes UCS-2, half the room)',
    '! WARNING: Content-Type is "application/json", not text/plain',
    '! WARNING: no "CON " or "END " prefix',
  ]);
  expect(run.stdout).toMatch(/─ CON 200\/160 \d+ ms ┘\n/);
  expect(run.stdout).toContain('4 wire-rule problems.');
  // The session ended on the answer without a prefix: the last reply ("9") was never sent.
  expect(run.stdout).toContain('note: the session ended with 1 scripted replies unused');
  expect(run.stderr).toContain('SMS from the service will not be shown');

  expect(received.map((r) => r.url)).toEqual(Array(3).fill('/ussd?token=a%20b%26c'));
  expect(received.every((r) => r.contentType === 'application/x-www-form-urlencoded')).toBe(true);
  const forms = received.map((r) => new URLSearchParams(r.body));
  expect(forms.map((f) => f.get('text'))).toEqual(['', '1', '1*1*2']);
  expect(new Set(forms.map((f) => f.get('sessionId'))).size).toBe(1);
  expect(forms[0]?.get('sessionId')).toMatch(/^ATUid_[0-9a-f]{32}$/);
  expect(received[0]?.body).toMatch(
    /^sessionId=ATUid_[0-9a-f]+&serviceCode=\*384\*1234%23&phoneNumber=%2B255754000111&networkCode=64005&text=$/,
  );
});
