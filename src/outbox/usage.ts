/**
 * SMS parts sent per Tanzanian calendar month, the figure Africa's Talking bills by: a counter in
 * the settings table that the dispatcher adds each sent message's parts to (GSM-7: 160 characters
 * in one part, 153 a part beyond; UCS-2: 70 and 67). One row per month, so reading it costs the
 * same however many messages were sent. A message sent twice (see the dispatcher) counts twice,
 * as it is billed.
 */
import type { Db } from '../../db/client';
import { addToCounter, readSetting } from '../../db/settings';
import { monthKey } from '../text/calendar';
import { smsParts } from '../text/gsm7';

const partsKey = (month: string) => `sms_parts:${month}`;

/** Adds a message sent at `now` to its month's parts. */
export function countSentParts(db: Db, body: string, now: number): void {
  addToCounter(db, partsKey(monthKey(now)), smsParts(body).parts);
}

/** The SMS parts sent in a month (YYYY-MM, Tanzanian time). */
export function sentPartsIn(db: Db, month: string): number {
  return Number(readSetting(db, partsKey(month)) ?? 0);
}
