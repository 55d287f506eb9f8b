/**
 * Local mode (no AT_API_KEY): every SMS is written to the log in full and reported as sent, so the
 * whole loop (outbox, dispatcher, console) works on a laptop with no Africa's Talking account.
 */
import type { Logger } from 'pino';
import { maskPhone } from '../text/phone';
import type { SmsGateway } from './gateway';

/**
 * A gateway that sends nothing. Message ids are `local-<n>`, counted from 1 per process: AT never
 * sends delivery reports for them, so a repeat after a restart matches nothing.
 */
export function createLocalGateway(options: { logger: Logger }): SmsGateway {
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
      return Promise.resolve({ kind: 'sent', messageId, cost: null, statusCode: 101 });
    },
  };
}
