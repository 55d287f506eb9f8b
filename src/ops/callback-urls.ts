/** What the server prints once it listens, when Kero keeps the webhook token itself. */
import type { Config } from '../config';

/** The four callback URLs to paste into the Africa's Talking dashboard, when Kero made the token. */
export function callbackUrls(config: Config, token: string, generated: boolean): string {
  const base = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
  const q = `?token=${token}`;
  return [
    '',
    `Kero is listening on port ${config.PORT} (database ${config.DATABASE_PATH}).`,
    generated
      ? 'WEBHOOK_TOKEN is not set: generated one and stored it in the database.'
      : 'WEBHOOK_TOKEN is not set: using the token stored in the database.',
    "Paste these callback URLs into the Africa's Talking dashboard:",
    `  USSD callback:            ${base}/ussd${q}`,
    `  USSD events callback:     ${base}/ussd/events${q}`,
    `  SMS incoming callback:    ${base}/sms/inbound${q}`,
    `  SMS delivery reports:     ${base}/sms/delivery${q}`,
    '',
  ].join('\n');
}
