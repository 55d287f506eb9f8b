/**
 * USSD hops through the group commit (db/group-commit.ts): hops that arrive in the same turn of
 * the event loop share one transaction, and no answer leaves before the COMMIT that made it
 * durable. Each hop's writes are atomic on their own (handleUssd: a lone session write is one
 * statement, effects and the session write share a savepoint), so a failing hop rolls back alone.
 * An idle server answers a lone hop one turn later.
 */
import { createGroupCommit, MAX_BATCH } from '../../db/group-commit';
import { errorScreen, handleHop } from './handler';
import { type Hop, type UssdDeps, type UssdRequest } from './hop';

export type Answer = (body: string) => void;

export interface UssdGroupCommit {
  /**
   * Queues one request; `answer` is called with its `CON `/`END ` body after the commit.
   * `started` (performance.now() at arrival) times the hop for the metrics.
   */
  submit(req: UssdRequest, answer: Answer, started?: number): void;
}

export function createUssdGroupCommit(
  deps: UssdDeps,
  maxBatch = MAX_BATCH,
  onBatch?: (size: number) => void,
): UssdGroupCommit {
  const commits = createGroupCommit(
    deps.db,
    (req: UssdRequest) => handleHop(deps, req),
    maxBatch,
    onBatch,
  );
  const { metrics } = deps;
  const committed = (hop: Hop, started: number | undefined): string => {
    if (metrics) {
      const result = hop.screen === 'error' ? 'error' : hop.body.startsWith('END') ? 'end' : 'con';
      const seconds = started === undefined ? 0 : (performance.now() - started) / 1000;
      metrics.hop(hop.screen, result, seconds);
      if (hop.filed) metrics.complaintFiled('ussd');
    }
    return hop.body;
  };
  return {
    submit(req, answer, started) {
      commits
        .submit(req)
        .then(
          (hop) => committed(hop, started),
          (err: unknown) => {
            deps.logger.error(
              { err, sessionId: req.sessionId },
              'ussd batch could not be committed',
            );
            const failed = { body: errorScreen(deps, req), screen: 'error', filed: false };
            return committed(failed, started);
          },
        )
        .then(answer)
        .catch((err: unknown) =>
          deps.logger.error({ err, sessionId: req.sessionId }, 'ussd answer could not be sent'),
        );
    },
  };
}
