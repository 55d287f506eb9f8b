/**
 * The settings file (src/ops/env-file.ts) on real files: `.env` fills in what the environment does
 * not set, the environment wins, `ENV_FILE` names another file or `off`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadEnvFile } from '../../src/ops/env-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kero-env-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const settings = ['# a comment', 'PORT=3011', 'HOST=127.0.0.1', 'ORG_NAME_EN="PO RALG Desk"', ''];

test('when .env exists in the folder, then its variables fill in those the environment lacks', () => {
  writeFileSync(path.join(dir, '.env'), settings.join('\n'));
  const env: NodeJS.ProcessEnv = {};

  const result = loadEnvFile(env, dir);

  expect(result).toEqual({
    ok: true,
    file: path.join(dir, '.env'),
    applied: ['HOST', 'ORG_NAME_EN', 'PORT'],
  });
  expect(env).toEqual({ PORT: '3011', HOST: '127.0.0.1', ORG_NAME_EN: 'PO RALG Desk' });
});

test('when the environment sets a variable, even to nothing, then it wins over the file', () => {
  writeFileSync(path.join(dir, '.env'), settings.join('\n'));
  const env: NodeJS.ProcessEnv = { PORT: '4000', HOST: '' };

  const result = loadEnvFile(env, dir);

  expect(result).toMatchObject({ ok: true, applied: ['ORG_NAME_EN'] });
  expect(env).toEqual({ PORT: '4000', HOST: '', ORG_NAME_EN: 'PO RALG Desk' });
});

test('when there is no .env, then nothing is read and that is no error', () => {
  const env: NodeJS.ProcessEnv = { PORT: '4000' };

  expect(loadEnvFile(env, dir)).toEqual({ ok: true, applied: [] });
  expect(env).toEqual({ PORT: '4000' });
});

test('when ENV_FILE names a file, then that file is read instead of .env', () => {
  writeFileSync(path.join(dir, '.env'), 'PORT=1111\n');
  writeFileSync(path.join(dir, 'kero.env'), 'PORT=2222\n');
  const env: NodeJS.ProcessEnv = { ENV_FILE: 'kero.env' };

  expect(loadEnvFile(env, dir)).toMatchObject({ ok: true, file: path.join(dir, 'kero.env') });
  expect(env.PORT).toBe('2222');
});

test('when ENV_FILE is off, then no file is read', () => {
  writeFileSync(path.join(dir, '.env'), 'PORT=1111\n');
  const env: NodeJS.ProcessEnv = { ENV_FILE: 'off' };

  expect(loadEnvFile(env, dir)).toEqual({ ok: true, applied: [] });
  expect(env.PORT).toBeUndefined();
});

test('when ENV_FILE names a file that does not exist, then one line says which', () => {
  const result = loadEnvFile({ ENV_FILE: 'missing.env' }, dir);

  expect(result).toEqual({
    ok: false,
    message: `Kero cannot read its settings file ${path.join(dir, 'missing.env')} (ENV_FILE): no such file`,
  });
});
