/**
 * Local mode (no AT_API_KEY): every SMS is written to the log in full and reported as sent, so the
 * whole loop (outbox, dispatcher, console) works on a laptop with no Africa's Talking account.
 */
import type { Logger } from 'pino';
import { PHONE_CODE_TEMPLATE, SIGN_IN_CODE_TEMPLATE } from '../outbox/core/quiet-hours';
import { maskPhone } from '../text/phone';
import type { SmsGateway } from './gateway';

export interface LocalGatewayOptions {
  logger: Logger;
  /**
   * Where a code's SMS (sign-in, new phone) is also written as one plain line (the server:
   * stdout), so that a person on a laptop spots it among the JSON log lines.
   */
  printLine?: (line: string) => void;
}

/** The SMS that carry a code, and the word their plain line starts with. */
const CODE_LABELS = new Map([
  [SIGN_IN_CODE_TEMPLATE, 'SIGN-IN SMS'],
  [PHONE_CODE_TEMPLATE, 'PHONE-CODE SMS'],
]);

/**
 * A gateway that sends nothing. Message ids are `local-<n>`, counted from 1 per process: AT never
 * sends delivery reports for them, so a repeat after a restart matches nothing.
 */
export function createLocalGateway(options: LocalGatewayOptions): SmsGateway {
  let sequence = 0;
  return {
    name: 'local',
    send(sms) {
      sequence += 1;
      const messageId = `local-${sequence}`;
      options.logger.info(
        { to: maskPhone(sms.to), messageId, text: sms.message },
        'SMS (local mode: logged, not sent)',
      );
      const label = sms.template === undefined ? undefined : CODE_LABELS.get(sms.template);
      if (label) {
        options.printLine?.(
          `${label} to ${maskPhone(sms.to)} (local mode, not sent): ${sms.message}`,
        );
      }
      return Promise.resolve({ kind: 'sent', messageId, cost: null, statusCode: 101 });
    },
  };
}
