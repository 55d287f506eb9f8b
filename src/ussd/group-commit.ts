/**
 * USSD hops through the group commit (db/group-commit.ts): hops that arrive in the same turn of
 * the event loop share one transaction, and no answer leaves before the COMMIT that made it
 * durable. Each hop's writes are atomic on their own (handleUssd: a lone session write is one
 * statement, effects and the session write share a savepoint), so a failing hop rolls back alone.
 * An idle server answers a lone hop one turn later.
 */
import { createGroupCommit, MAX_BATCH } from '../../db/group-commit';
import { errorScreen, handleUssd, type UssdDeps, type UssdRequest } from './handler';

export type Answer = (body: string) => void;

export interface UssdGroupCommit {
  /** Queues one request; `answer` is called with its `CON `/`END ` body after the commit. */
  submit(req: UssdRequest, answer: Answer): void;
}

export function createUssdGroupCommit(deps: UssdDeps, maxBatch = MAX_BATCH): UssdGroupCommit {
  const commits = createGroupCommit(deps.db, (req: UssdRequest) => handleUssd(deps, req), maxBatch);
  return {
    submit(req, answer) {
      commits
        .submit(req)
        .catch((err: unknown) => {
          deps.logger.error({ err, sessionId: req.sessionId }, 'ussd batch could not be committed');
          return errorScreen(deps, req);
        })
        .then(answer)
        .catch((err: unknown) =>
          deps.logger.error({ err, sessionId: req.sessionId }, 'ussd answer could not be sent'),
        );
    },
  };
}
