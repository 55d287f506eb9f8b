/**
 * Group commit for USSD hops. Requests that arrive in the same turn of the event loop are answered
 * together: one IMMEDIATE transaction holds them all, each request runs in its own savepoint (so a
 * failing one rolls back alone and gets the error screen), and no answer leaves before the COMMIT
 * that made it durable. Under load this turns hundreds of commits a second into a few dozen, each
 * writing every touched page once; an idle server answers a lone request one turn later.
 *
 * The whole batch runs inside one synchronous callback: nothing else (the SMS dispatcher, the SLA
 * timer, another route) can interleave with its transaction.
 */
import { inTransaction } from '../../db/client';
import { errorScreen, handleUssd, type UssdDeps, type UssdRequest } from './handler';

export type Answer = (body: string) => void;

export interface UssdGroupCommit {
  /** Queues one request; `answer` is called with its `CON `/`END ` body after the commit. */
  submit(req: UssdRequest, answer: Answer): void;
}

/** Enough to amortise the commit; small enough that one batch never holds the loop for long. */
export const MAX_BATCH = 128;

interface Pending {
  req: UssdRequest;
  answer: Answer;
}

export function createUssdGroupCommit(deps: UssdDeps, maxBatch = MAX_BATCH): UssdGroupCommit {
  let queue: Pending[] = [];

  const runBatch = (batch: Pending[]): string[] => {
    const client = deps.db.$client;
    const answers: string[] = [];
    try {
      inTransaction(
        deps.db,
        () => {
          for (const { req } of batch) {
            // A failure SQLite answers by rolling back the whole transaction (disk full, I/O
            // error) must not leave the rest of the batch committing statement by statement.
            if (!client.inTransaction) throw new Error('batch transaction was rolled back');
            answers.push(handleUssd(deps, req));
          }
        },
        { behavior: 'immediate' },
      );
      return answers;
    } catch (err) {
      deps.logger.error(
        { err, sessionIds: batch.map((p) => p.req.sessionId) },
        'ussd batch could not be committed',
      );
      return batch.map((p) => errorScreen(deps, p.req));
    }
  };

  const flush = (): void => {
    const batch = queue.length > maxBatch ? queue.splice(0, maxBatch) : queue;
    if (batch === queue) queue = [];
    else setImmediate(flush);
    const answers = runBatch(batch);
    batch.forEach((p, i) => {
      try {
        p.answer(answers[i] ?? errorScreen(deps, p.req));
      } catch (err) {
        deps.logger.error({ err, sessionId: p.req.sessionId }, 'ussd answer could not be sent');
      }
    });
  };

  return {
    submit(req, answer) {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ req, answer });
    },
  };
}
