/**
 * The team forms' errors in the console's words. Pure: a service refusal of a team change
 * (src/directory/core/routing-rights.ts) as the field it concerns and its words.
 */
import type { RoutingRefusal } from '../../directory/core/routing-rights';
import type { WordKey } from './words';

export interface TeamFormError {
  field: 'name' | 'region' | 'member' | 'delete';
  key: WordKey;
  vars?: Record<string, number>;
}

/** Pure. A refusal as a form error (forbidden and notFound are pages, not form errors). */
export function teamRefusalError(r: RoutingRefusal): TeamFormError | undefined {
  switch (r.code) {
    case 'badName':
      return { field: 'name', key: 'teams.err.name' };
    case 'nameTaken':
      return { field: 'name', key: 'teams.err.nameTaken' };
    case 'badPlace':
      return { field: 'region', key: 'teams.err.region' };
    case 'badMember':
    case 'memberInactive':
      return { field: 'member', key: 'teams.err.member' };
    case 'memberOtherRegion':
      return { field: 'member', key: 'teams.err.memberOtherRegion' };
    case 'alreadyMember':
      return { field: 'member', key: 'teams.err.alreadyMember' };
    case 'notMember':
      return { field: 'member', key: 'teams.err.notMember' };
    case 'teamInUse':
      return { field: 'delete', key: 'teams.inUse', vars: r.vars };
    default:
      return undefined;
  }
}

/** Pure. The region a team form names: '' is national; undefined when it is no region. */
export function teamRegion(value: string, regions: readonly string[]): string | null | undefined {
  if (value === '' || value === 'national') return null;
  return regions.includes(value) ? value : undefined;
}
