/**
 * Africa's Talking end-of-session notices, kept for later analysis (where users give up, failed
 * sessions). A repeated notice for the same session changes nothing.
 */
import type { Db } from '../../db/client';
import { ussdSessionEnds } from '../../db/schema';

export interface SessionEndNotice {
  sessionId: string;
  serviceCode: string;
  networkCode: string;
  phoneNumber: string;
  status: string;
  date?: string | undefined;
  cost?: string | undefined;
  durationInMillis?: number | undefined;
  hopsCount?: number | undefined;
  hopsMetadata?: string | undefined;
  input?: string | undefined;
  lastAppResponse?: string | undefined;
  errorMessage?: string | undefined;
}

export function recordSessionEnd(db: Db, n: SessionEndNotice, now: number): void {
  db.insert(ussdSessionEnds)
    .values({
      sessionId: n.sessionId,
      phone: n.phoneNumber,
      serviceCode: n.serviceCode,
      networkCode: n.networkCode,
      status: n.status,
      date: n.date ?? null,
      cost: n.cost ?? null,
      durationMs: n.durationInMillis ?? null,
      hopsCount: n.hopsCount ?? null,
      hopsMetadata: n.hopsMetadata ?? null,
      input: n.input ?? null,
      lastAppResponse: n.lastAppResponse ?? null,
      errorMessage: n.errorMessage ?? null,
      receivedAt: now,
    })
    .onConflictDoNothing({ target: ussdSessionEnds.sessionId })
    .run();
}
