/**
 * Who a process id stands for, as Linux's /proc tells it: gone, a zombie (killed, not yet reaped by
 * its parent: signal 0 still succeeds on it) or running since a given clock tick of a given boot.
 * The tick and the boot id together tell a reused pid from the process that took a lock. Where
 * /proc says nothing (another OS, a hidden process), callers fall back to signal 0.
 */
import { readFileSync } from 'node:fs';

export type ProcessState =
  | { kind: 'gone' }
  | { kind: 'zombie' }
  | { kind: 'running'; startTicks: number }
  | { kind: 'unknown' };

/** What makes this run of a process unique on this machine: the boot and its start tick. */
export interface ProcessIdentity {
  bootId: string;
  startTicks: number;
}

/**
 * Pure. Parses /proc/<pid>/stat: the state is the first field after the command name (which may
 * hold spaces and parentheses, hence the last ')'), the start time the 20th after it.
 */
export function parseProcStat(text: string): ProcessState {
  const fields = text
    .slice(text.lastIndexOf(')') + 1)
    .trim()
    .split(/\s+/);
  const state = fields[0];
  const startTicks = Number(fields[19]);
  if (state === 'Z' || state === 'X' || state === 'x') return { kind: 'zombie' };
  if (state === undefined || !Number.isSafeInteger(startTicks)) return { kind: 'unknown' };
  return { kind: 'running', startTicks };
}

/** The state of `pid` from /proc ('unknown' when /proc cannot say: no /proc, hidepid). */
export function processState(pid: number): ProcessState {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return { kind: 'unknown' };
  }
  return parseProcStat(text);
}

/** This boot's id (/proc/sys/kernel/random/boot_id), or undefined where there is none. */
export function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The identity of `pid` now, or undefined where /proc cannot give one. */
export function processIdentity(pid: number): ProcessIdentity | undefined {
  const boot = bootId();
  const state = processState(pid);
  return boot && state.kind === 'running'
    ? { bootId: boot, startTicks: state.startTicks }
    : undefined;
}
