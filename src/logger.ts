/** Structured JSON logs (pino). Phone numbers are masked by the callers (see maskPhone). */
import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'kero' } });
}
