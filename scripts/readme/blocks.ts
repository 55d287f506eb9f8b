/**
 * The README's runnable examples: the commands of the `sh` blocks in the sections a newcomer
 * follows, in the README's order. Pure: the README's text in, commands out.
 */

/** The sections whose `sh` blocks `npm run test:readme` runs; '' is the top, before any `##`. */
export const SECTIONS = [
  '',
  'Try it without a phone',
  'Try it with curl',
  'Staff: the web console',
  'Admin command line',
] as const;

export interface ReadmeCommand {
  section: string;
  /** 1-based line of the README where it starts. */
  line: number;
  /** The command as written, continuation lines joined, its trailing comment left off. */
  command: string;
  /** A line that is only a comment, without its `#` (else ''). */
  comment: string;
}

/** Where a shell comment starts in `line` (a `#` after a blank, outside quotes), or -1. */
export function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return i;
  }
  return -1;
}

const withoutComment = (line: string) => {
  const at = commentStart(line);
  return (at < 0 ? line : line.slice(0, at)).trimEnd();
};

/** Pure. The commands of the `sh` blocks of SECTIONS, in order. */
export function readmeCommands(readme: string): ReadmeCommand[] {
  const lines = readme.split('\n');
  const out: ReadmeCommand[] = [];
  let section = '';
  let inBlock: 'sh' | 'other' | undefined;
  let pending: { line: number; parts: string[] } | undefined;
  lines.forEach((raw, i) => {
    if (!inBlock && raw.startsWith('## ')) section = raw.slice(3).trim();
    if (raw.startsWith('```')) {
      inBlock = inBlock ? undefined : raw.trim() === '```sh' ? 'sh' : 'other';
      return;
    }
    if (inBlock !== 'sh' || !(SECTIONS as readonly string[]).includes(section)) return;
    const code = withoutComment(raw);
    if (pending === undefined && code.trim() === '') {
      const comment = raw.trim().replace(/^#\s?/, '');
      if (comment !== '') out.push({ section, line: i + 1, command: '', comment });
      return;
    }
    pending ??= { line: i + 1, parts: [] };
    if (code.endsWith('\\')) {
      pending.parts.push(code.slice(0, -1).trimEnd());
      return;
    }
    pending.parts.push(code.trim());
    out.push({ section, line: pending.line, command: pending.parts.join(' '), comment: '' });
    pending = undefined;
  });
  return out;
}
