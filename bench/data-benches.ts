/** The non-HTTP parts of `npm run bench`: outbox drain rate and assignment at scale, with targets. */
import { runAssignmentBench, type AssignmentBenchResult } from './assignment';
import { runOutboxBench, type OutboxBenchResult } from './outbox';

const mark = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

export async function runDataBenches(parts: {
  outbox: boolean;
  assignment: boolean;
}): Promise<void> {
  let outbox: OutboxBenchResult | undefined;
  let assignment: AssignmentBenchResult | undefined;
  if (parts.outbox) {
    console.log(
      "\nOutbox bench: dispatcher -> Africa's Talking SDK -> fake AT server on 127.0.0.1",
    );
    outbox = await runOutboxBench();
  }
  if (parts.assignment) {
    console.log('\nAssignment bench: 2,000 staff, empty database vs 100,000 open complaints');
    assignment = runAssignmentBench();
  }
  if (!outbox && !assignment) return;
  console.log('');
  if (outbox) {
    const ok = outbox.smsPerSecond >= 500 && outbox.exactlyOnce;
    console.log(
      `outbox drain: ${Math.round(outbox.smsPerSecond)} SMS/s, ${outbox.exactlyOnce ? 'exactly once' : 'NOT exactly once'}   (target >= 500 SMS/s: ${mark(ok)})`,
    );
  }
  if (assignment) {
    const { empty, loaded, p50Ratio } = assignment;
    console.log(
      `assignment filing p50: ${empty.p50Ms.toFixed(3)} ms empty, ${loaded.p50Ms.toFixed(3)} ms at ${loaded.openAtStart} open = ${p50Ratio.toFixed(2)}x   (target <= 2x: ${mark(p50Ratio <= 2)})`,
    );
    console.log(
      `escalation at ${loaded.openAtStart} open: ${loaded.escalated} escalated in ${loaded.escalationMs.toFixed(0)} ms, nothing-due pass ${loaded.secondEscalationMs.toFixed(1)} ms`,
    );
  }
}
