/** Structured JSON logs (pino). Phone numbers are masked by the callers (see maskPhone). */
import pino, { type DestinationStream, type Logger } from 'pino';

/** The server's logger: stdout unless a stream is given (tests). */
export function createLogger(level: string, stream?: DestinationStream): Logger {
  // ISO 8601 time ("2026-12-04T19:11:13.338Z"): an operator reads it, journald and jq sort it.
  const options = { level, base: { service: 'kero' }, timestamp: pino.stdTimeFunctions.isoTime };
  return stream ? pino(options, stream) : pino(options);
}
