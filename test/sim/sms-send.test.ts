/**
 * `npm run sms` against a fake server: the form it posts is an AT incoming message, and a
 * server without POST /sms/inbound is reported clearly.
 */
import { createServer, type Server } from 'node:http';
import { runTsx, tempDir } from './processes';

jest.setTimeout(60_000);

const received: { url: string; contentType: string; body: string }[] = [];
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
      if (req.url?.startsWith('/sms/inbound?')) res.writeHead(200).end('OK');
      else res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html>Cannot POST</html>');
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

const common = () => ['--token', 'tok', '--db', `${tmp.dir}/none.db`, '--wait', '0'];

test('when an SMS is sent, then AT incoming-message fields are posted and the status printed', async () => {
  const run = await runTsx('src/cli/phone/sms-send.ts', [
    ...['--from', '0700000101', '--url', url, ...common()],
    ...['R', '4821 0379', 'Tunashughulikia'],
  ]);

  expect(run.code).toBe(0);
  expect(run.stdout).toContain('HTTP 200');
  const last = received.at(-1)!;
  expect(last.url).toBe('/sms/inbound?token=tok');
  expect(last.contentType).toBe('application/x-www-form-urlencoded');
  expect(last.body).toContain('from=%2B255700000101');
  const form = Object.fromEntries(new URLSearchParams(last.body));
  expect(form).toEqual({
    date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) as string,
    from: '+255700000101',
    to: '15055',
    text: 'R 4821 0379 Tunashughulikia',
    id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
    networkCode: '64004',
  });
});

test('when the server has no /sms/inbound route, then it says so and exits 1', async () => {
  const run = await runTsx('src/cli/phone/sms-send.ts', [
    ...['--from', '+255712345678', '--url', `${url}/elsewhere`, ...common(), 'hello'],
  ]);

  expect(run.code).toBe(1);
  expect(run.stdout).toContain('HTTP 404');
  expect(run.stdout).not.toContain('<html>');
  expect(run.stderr).toContain('has no POST /sms/inbound route (404)');
});
