/**
 * `npm run build [-- --out-dir <dir>]`: compiles src/, db/ and menus/ with tsc (tsconfig.build.json;
 * rootDir is ".", so the server is <out-dir>/src/main.js) into a clean out-dir (default dist/), then
 * copies what tsc does not emit but the code reads at run time. Plain Node APIs, no shell commands.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(__dirname, '..');
/** Read next to the compiled code: db/client.ts opens path.join(__dirname, 'migrations'). */
const COPIED = ['db/migrations'];
/** The seed's JSON files are emitted by tsc itself (resolveJsonModule): checked, not copied. */
const REQUIRED = [
  'src/main.js',
  'db/migrations/meta/_journal.json',
  'db/seed/tz-admin-units.json',
  'db/seed/tz-wards.json',
];

function fail(message: string): never {
  process.stderr.write(`build: ${message}\n`);
  process.exit(1);
}

function build(outDir: string): void {
  if (!path.relative(outDir, ROOT).startsWith('..')) {
    fail(`refusing to empty ${outDir}: it holds the sources`);
  }
  rmSync(outDir, { recursive: true, force: true });
  const tsc = require.resolve('typescript/bin/tsc');
  const args = [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir];
  const compiled = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (compiled.status !== 0) fail(`tsc failed (${compiled.status ?? compiled.signal})`);
  for (const dir of COPIED) {
    cpSync(path.join(ROOT, dir), path.join(outDir, dir), { recursive: true });
  }
  const missing = REQUIRED.filter((file) => !existsSync(path.join(outDir, file)));
  if (missing.length > 0) fail(`missing from ${outDir}: ${missing.join(', ')}`);
  const main = path.relative(process.cwd(), path.join(outDir, 'src', 'main.js'));
  process.stdout.write(`build: done; start with node ${main}\n`);
}

const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: 'dist' } } });
build(path.resolve(ROOT, values['out-dir']));
