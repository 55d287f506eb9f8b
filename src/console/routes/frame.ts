/** What the console's actions hand the lifecycle services. */
import type { ActionDeps } from '../../complaints/actions';
import type { ConsoleDeps } from '../deps';

/** The lifecycle services' dependencies for an action taken in the console. */
export const consoleActions = (deps: ConsoleDeps): ActionDeps => ({
  db: deps.db,
  now: deps.now,
  reference: deps.reference,
  via: 'console',
  hours: deps.hours,
});
