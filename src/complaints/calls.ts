/**
 * A complaint taken by phone: an agent files it for the caller in the console. Same numbering,
 * assignment and acknowledgement SMS as one filed by USSD; the channel is `call` and the
 * `received` event names the agent.
 */
import { inTransaction } from '../../db/client';
import type { ComplaintRow } from '../../db/schema';
import type { Lang } from '../text/translate';
import type { ActionDeps } from './actions';
import type { ComplaintDraft } from './core/draft';
import { makeComplaintNumber } from './core/numbers';
import type { SlaPolicy } from './core/sla';
import { fileComplaint } from './filing';
import { complaintNumberExists } from './repository';

export interface CallDeps extends ActionDeps {
  policy: SlaPolicy;
  randomInt: (maxExclusive: number) => number;
  /** The USSD code quoted in the acknowledgement SMS. */
  serviceCode: string;
}

export interface Call {
  phone: string;
  language: Lang;
  draft: ComplaintDraft;
}

/** Files the caller's complaint in one transaction; returns it. */
export function fileCall(deps: CallDeps, agentId: number, call: Call): ComplaintRow {
  return inTransaction(deps.db, (tx) => {
    let number = makeComplaintNumber(deps.randomInt);
    for (let i = 0; complaintNumberExists(tx, number); i++) {
      if (i > 50) throw new Error('no free complaint number after 50 tries');
      number = makeComplaintNumber(deps.randomInt);
    }
    return fileComplaint(tx, deps.reference, {
      phone: call.phone,
      number,
      draft: call.draft,
      language: call.language,
      serviceCode: deps.serviceCode,
      channel: 'call',
      filedBy: { source: 'console', staffId: agentId },
      policy: deps.policy,
      now: deps.now(),
    });
  });
}
