/**
 * The staff SMS console's language: `R 4821 0379 Tunashughulikia`, `ORODHA`, `PANGA 48210379
 * 0754000111`. Pure: text in, a typed command or a typed error out; it never throws for input.
 */
import {
  parseComplaintNumber,
  type ComplaintNumberParseFailure,
  splitLeadingNumber,
} from '../../complaints/core/numbers';
import { normalizePhone } from '../../text/phone';
import { splitWord } from '../../text/input';

export type CommandName =
  'reply' | 'note' | 'resolve' | 'take' | 'assign' | 'list' | 'show' | 'help';

/** Every word a command answers to, English then Kiswahili. */
export const COMMAND_WORDS: Record<CommandName, readonly string[]> = {
  reply: ['R', 'REPLY', 'JIBU'],
  note: ['N', 'NOTE', 'KUMBUKA'],
  resolve: ['DONE', 'RESOLVE', 'IMETATULIWA'],
  take: ['TAKE', 'CHUKUA'],
  assign: ['ASSIGN', 'PANGA'],
  list: ['LIST', 'ORODHA'],
  show: ['SHOW', 'ONYESHA'],
  help: ['HELP', 'MSAADA'],
};

const byWord = new Map<string, CommandName>(
  (Object.entries(COMMAND_WORDS) as [CommandName, readonly string[]][]).flatMap(([name, words]) =>
    words.map((w): [string, CommandName] => [w, name]),
  ),
);

export type StaffCommand =
  | { kind: 'reply'; number: string; message: string }
  | { kind: 'note'; number: string; text: string }
  | { kind: 'resolve'; number: string; note: string }
  | { kind: 'take'; number: string }
  | { kind: 'assign'; number: string; phone: string }
  | { kind: 'show'; number: string }
  | { kind: 'list' }
  | { kind: 'help' };

/** Commands that need a complaint number (all but LIST and HELP). */
export type NumberedCommand = Exclude<CommandName, 'list' | 'help'>;

export type StaffParseError =
  | { error: 'empty' }
  | { error: 'unknown_command'; word: string }
  | { error: 'missing_number'; command: NumberedCommand }
  | {
      error: 'bad_number';
      command: NumberedCommand;
      input: string;
      reason: ComplaintNumberParseFailure;
    }
  | { error: 'missing_text'; command: 'reply' | 'note' | 'resolve' }
  | { error: 'missing_phone'; command: 'assign' }
  | { error: 'bad_phone'; command: 'assign'; input: string };

export type StaffParseResult =
  { ok: true; command: StaffCommand } | { ok: false; error: StaffParseError };

const fail = (error: StaffParseError): StaffParseResult => ({ ok: false, error });
const ok = (command: StaffCommand): StaffParseResult => ({ ok: true, command });

function withText(
  command: 'reply' | 'note' | 'resolve',
  number: string,
  text: string,
): StaffParseResult {
  if (text === '') return fail({ error: 'missing_text', command });
  if (command === 'reply') return ok({ kind: 'reply', number, message: text });
  if (command === 'note') return ok({ kind: 'note', number, text });
  return ok({ kind: 'resolve', number, note: text });
}

function numbered(command: NumberedCommand, rest: string): StaffParseResult {
  const split = splitLeadingNumber(rest);
  if (!split) return fail({ error: 'missing_number', command });
  const parsed = parseComplaintNumber(split.raw);
  if (!parsed.ok) {
    return fail({ error: 'bad_number', command, input: split.raw, reason: parsed.reason });
  }
  const number = parsed.number;
  switch (command) {
    case 'reply':
    case 'note':
    case 'resolve':
      return withText(command, number, split.rest);
    case 'assign': {
      if (split.rest === '') return fail({ error: 'missing_phone', command });
      const phone = normalizePhone(split.rest);
      if (!phone) return fail({ error: 'bad_phone', command, input: split.rest });
      return ok({ kind: 'assign', number, phone });
    }
    case 'take':
      return ok({ kind: 'take', number });
    case 'show':
      return ok({ kind: 'show', number });
  }
}

/**
 * Pure. Reads one staff SMS. The command word is case-insensitive, English or Kiswahili, and may
 * be followed by ':'; the complaint number may carry spaces, hyphens or '#'. Text after LIST and
 * HELP is ignored. Never throws.
 */
export function parseStaffCommand(text: string): StaffParseResult {
  if (text.trim() === '') return fail({ error: 'empty' });
  const split = splitWord(text);
  const command = split ? byWord.get(split.word) : undefined;
  if (!split || !command) {
    return fail({ error: 'unknown_command', word: text.trim().split(/\s+/)[0] ?? '' });
  }
  if (command === 'list') return ok({ kind: 'list' });
  if (command === 'help') return ok({ kind: 'help' });
  return numbered(command, split.rest);
}
