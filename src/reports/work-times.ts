/**
 * Office time to first response and to resolution, for complaints whose reply or resolution was
 * stored without it: those from before the columns existed (every composition root's deps carry
 * office hours, so the console and SMS commands store it as they act: src/deps.ts). A background
 * job (db/job-runner.ts) fills them in after an upgrade; until it has, the dashboard says its
 * figures are being prepared.
 */
import type { FillIn } from '../../db/job-runner';
import { workingMsBetween, type WorkingHours } from '../text/calendar';
import { pendingWorkTimes, setWorkTimes } from './dashboard-repository';

/** The job that stores the office times still missing. */
export function workTimesFill(hours: WorkingHours): FillIn {
  return {
    name: 'work_times',
    what: 'office times to reply and resolve for older complaints (dashboard)',
    fill(tx, after, upTo) {
      const rows = pendingWorkTimes(tx, after, upTo);
      for (const r of rows) {
        const work = (at: number | null) =>
          at === null ? null : workingMsBetween(r.createdAt, at, hours);
        setWorkTimes(tx, r.id, work(r.firstResponseAt), work(r.resolvedAt));
      }
      return rows.length;
    },
  };
}
