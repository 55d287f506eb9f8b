/**
 * `.env` read by the real processes: the server takes its port, database and token from the
 * settings file, a real environment variable wins over it, and the CLI reads `.env` from the
 * folder it runs in.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { childEnv, freePort, ROOT, startServerWith, tempDir, TOKEN, TSX } from './processes';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

const FILE_TOKEN = 'token-from-the-file-0123456789';

test('when ENV_FILE names a settings file, then the server listens where it says and the real environment wins', async () => {
  const port = await freePort();
  const settings = path.join(tmp.dir, 'kero.env');
  writeFileSync(
    settings,
    [
      `PORT=${port}`,
      'HOST=127.0.0.1',
      `DATABASE_PATH=${path.join(tmp.dir, 'from-file.db')}`,
      `WEBHOOK_TOKEN=${FILE_TOKEN}`,
      'LOG_LEVEL=silent',
    ].join('\n'),
  );
  const env = childEnv({ ENV_FILE: settings, WEBHOOK_TOKEN: TOKEN });

  const server = await startServerWith(env, `http://127.0.0.1:${port}`);
  try {
    const dial = (token: string) =>
      fetch(`${server.url}/ussd?token=${token}`, {
        method: 'POST',
        body: new URLSearchParams({
          sessionId: 'env-1',
          serviceCode: '*384*1234#',
          phoneNumber: '+255712000001',
          text: '',
        }),
      });
    expect((await dial(TOKEN)).status).toBe(200);
    expect((await dial(FILE_TOKEN)).status).toBe(401);
    expect(existsSync(path.join(tmp.dir, 'from-file.db'))).toBe(true);
  } finally {
    await server.stop();
  }
}, 60_000);

describe('when the CLI runs in a folder holding .env', () => {
  const run = (env: NodeJS.ProcessEnv) =>
    spawnSync(TSX, [path.join(ROOT, 'src/cli/admin/kero.ts'), 'staff', 'list'], {
      cwd: tmp.dir,
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
  const envWithoutFileSetting = () => {
    const env = childEnv();
    delete env.ENV_FILE;
    return env;
  };
  beforeAll(() => writeFileSync(path.join(tmp.dir, '.env'), 'DATABASE_PATH=./dot-env.db\n'));

  test('then its database comes from that .env', () => {
    const result = run(envWithoutFileSetting());

    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('No staff yet.\n');
    expect(existsSync(path.join(tmp.dir, 'dot-env.db'))).toBe(true);
  }, 60_000);

  test('then DATABASE_PATH set in the environment wins over the .env', () => {
    const env = { ...envWithoutFileSetting(), DATABASE_PATH: path.join(tmp.dir, 'real-env.db') };

    expect(run(env).status).toBe(0);
    expect(existsSync(path.join(tmp.dir, 'real-env.db'))).toBe(true);
  }, 60_000);
});
