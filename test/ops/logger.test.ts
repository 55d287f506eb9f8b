/** The server's log lines (src/logger.ts): JSON with an ISO 8601 time a person can read. */
import { createLogger } from '../../src/logger';

test('when the server logs a line, then its time is ISO 8601, not milliseconds since 1970', () => {
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });

  logger.info({ port: 3000 }, 'kero listening');

  const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
  expect(line).toMatchObject({ level: 30, service: 'kero', port: 3000, msg: 'kero listening' });
  expect(line.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
});
