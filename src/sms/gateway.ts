/**
 * What the rest of Kero sees of an SMS provider. One message, one recipient per call; the
 * outcome says whether it went, and if not whether trying again later can help.
 */
export interface SmsMessage {
  /** +255... */
  to: string;
  message: string;
  /** The outbox template it was queued as (the local gateway prints sign-in codes plainly). */
  template?: string;
}

export type SendOutcome =
  | { kind: 'sent'; messageId: string; cost: string | null; statusCode: number }
  /**
   * Worth retrying later. `outage`: the API itself did not work (no answer, timeout, HTTP 5xx,
   * 429): not this message's fault, so it costs the message no attempt. Otherwise AT answered but
   * could not take this message now (recipient codes 500/501, an undocumented code).
   */
  | { kind: 'temporary'; reason: string; outage: boolean }
  /**
   * Retrying cannot help: codes 401-407, 409, 502, an invalid number, bad credentials.
   * `operator` marks problems only the operator can fix (405 InsufficientBalance, 401 auth).
   */
  | { kind: 'permanent'; reason: string; operator: boolean };

export interface SmsGateway {
  readonly name: string;
  /** Never rejects: every failure is an outcome. */
  send(sms: SmsMessage): Promise<SendOutcome>;
}
