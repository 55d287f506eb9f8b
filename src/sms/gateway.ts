/**
 * What the rest of Kero sees of an SMS provider. One message, one recipient per call; the
 * outcome says whether it went, and if not whether trying again later can help.
 */
import type { SendOutcome } from './core/outcome';

export interface SmsMessage {
  /** +255... */
  to: string;
  message: string;
  /** The outbox template it was queued as (the local gateway prints sign-in codes plainly). */
  template?: string;
}

export interface SmsGateway {
  readonly name: string;
  /** Never rejects: every failure is an outcome. */
  send(sms: SmsMessage): Promise<SendOutcome>;
}
