/**
 * Why the database could not be opened, in one line an operator can act on: which path, and
 * what about it is wrong (a missing or unwritable folder, a read-only disk, a file that is not a
 * database), instead of SQLite's "unable to open database file".
 */
import fs from 'node:fs';
import path from 'node:path';

const codeOf = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : undefined;
const messageOf = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);

/** The nearest path at or above `p` that exists. */
function nearestExisting(p: string): string {
  let at = p;
  while (!fs.existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  return at;
}

/** Why this process cannot write into `dir`, or undefined when it can. */
function notWritable(dir: string): string | undefined {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return undefined;
  } catch (err) {
    return codeOf(err) === 'EROFS'
      ? 'is on a read-only file system'
      : 'is not writable by this user';
  }
}

function why(file: string, err: unknown): string {
  const dir = path.dirname(file);
  const existing = nearestExisting(dir);
  if (existing !== dir) {
    if (!fs.statSync(existing).isDirectory()) return `${existing} is a file, not a folder`;
    const cannot = notWritable(existing);
    if (cannot) return `cannot create the folder ${dir}: ${existing} ${cannot}`;
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) return `${file} is a folder`;
  const code = codeOf(err);
  if (code === 'SQLITE_NOTADB') return `${file} is not a SQLite database`;
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') {
    const cannot = notWritable(dir);
    if (cannot) return `the folder ${dir} ${cannot} (SQLite keeps kero.db-wal and -shm beside it)`;
    if (fs.existsSync(file) && notWritable(file)) return `${file} ${notWritable(file)}`;
  }
  return messageOf(err);
}

/** One line: the path, the variable that set it, and why it could not be opened. */
export function describeOpenFailure(file: string, err: unknown): string {
  const resolved = path.resolve(file);
  return `Kero cannot open its database ${resolved} (DATABASE_PATH): ${why(resolved, err)}`;
}
