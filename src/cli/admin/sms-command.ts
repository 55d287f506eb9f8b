/**
 * `kero sms status` and `kero sms retry [--failed] [--since YYYY-MM-DD]`: what the outbox holds,
 * and messages queued again after an outage outlasted the retry budget. A running server picks
 * requeued messages up at its next drain.
 */
import { outboxStatus, requeueOutbox, type OutboxStatus } from '../../outbox/repository';
import { parseCommandArgs, reportErrors, type CliContext } from './args';
import { startOfTanzanianDay, tanzanianDateTime } from '../../text/calendar';

export const smsUsage = [
  'sms status [--json]           the outbox: queued (due, retrying, held), sending, sent, failed',
  'sms retry [--failed] [--since YYYY-MM-DD]',
  '                             send now the messages waiting for a retry; with --failed also',
  '                             those that failed for want of retries (not those AT rejected)',
];

function ago(now: number, ms: number): string {
  const minutes = Math.round((now - ms) / 60_000);
  if (minutes < 120) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

function printStatus(ctx: CliContext, s: OutboxStatus): void {
  const when = (ms: number | null) =>
    ms === null ? '-' : `${tanzanianDateTime(ms)} (${ago(ctx.now, ms)})`;
  const f = s.failed;
  const failed = f.rejected + f.attempts + f.expired + f.other;
  const lines = [
    `queued   ${s.queuedDue + s.queuedLater + s.queuedHeld} (due now ${s.queuedDue}, waiting for a retry ${s.queuedLater}, held for quiet hours ${s.queuedHeld})`,
    `sending  ${s.sending}`,
    `sent     ${s.sent} (delivered ${s.delivered}, delivery failed ${s.deliveryFailed}, no final report ${s.sent - s.delivered - s.deliveryFailed})`,
    `failed   ${failed} (rejected by AT ${f.rejected}, out of attempts ${f.attempts}, expired ${f.expired}${f.other > 0 ? `, older ${f.other}` : ''})`,
    `oldest queued  ${when(s.oldestQueuedAt)}`,
    `last sent      ${when(s.lastSentAt)}`,
  ];
  for (const line of lines) ctx.io.out(line);
}

function status(ctx: CliContext, args: string[]): number {
  const parsed = parseCommandArgs(args, { json: { type: 'boolean' } });
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const s = outboxStatus(ctx.db, ctx.now);
  if (parsed.value.values.json) ctx.io.out(JSON.stringify(s, null, 2));
  else printStatus(ctx, s);
  return 0;
}

function retry(ctx: CliContext, args: string[]): number {
  const parsed = parseCommandArgs(args, { failed: { type: 'boolean' }, since: { type: 'string' } });
  if (!parsed.ok) return reportErrors(ctx.io, parsed.errors);
  const { failed = false, since } = parsed.value.values;
  const from = since === undefined ? undefined : startOfTanzanianDay(since);
  if (since !== undefined && from === undefined) {
    return reportErrors(ctx.io, [`--since: ${since} is not a date (YYYY-MM-DD)`]);
  }
  const done = requeueOutbox(ctx.db, {
    now: ctx.now,
    failed,
    ...(from === undefined ? {} : { since: from }),
  });
  ctx.io.out(`Due now: ${done.waiting} waiting for a retry, ${done.failed} failed queued again.`);
  if (!failed) ctx.io.out('(Failed messages stay failed: add --failed to queue them again.)');
  return 0;
}

/** `kero sms <status|retry>`; undefined for an unknown subcommand. */
export function runSmsCommand(ctx: CliContext, args: string[]): number | undefined {
  const [sub, ...rest] = args;
  if (sub === 'status') return status(ctx, rest);
  if (sub === 'retry') return retry(ctx, rest);
  return undefined;
}
