/**
 * Named recognisers that input screens refer to (`recognise: { as: 'place', … }`): what a typed
 * answer names in the world, as values for the session's data. Pure given the context.
 */
import { encodePlace, matchPlace } from '../../reference/core/place-match';
import type { RecogniserName, SessionState, UssdContext } from './types';

export interface Recognised {
  set: Record<string, string>;
  clears: readonly string[];
  /** Several things: the caller picks one first. */
  choose: boolean;
}

/** Data keys of the place step: the match (`''`: the text as typed) and the choices offered. */
export const PLACE_MATCH = 'placeMatch';
export const PLACE_CHOICES = 'placeChoices';
const CHOICE_SEPARATOR = '~';

export const placeChoices = (data: Record<string, string>): string[] =>
  (data[PLACE_CHOICES] ?? '').split(CHOICE_SEPARATOR).filter((c) => c !== '');

export const recognisers: Record<
  RecogniserName,
  (value: string, state: SessionState, ctx: UssdContext) => Recognised
> = {
  // A ward or village of the council chosen: one goes onto the confirm screen, several are
  // offered, none keeps the text as typed (as does a council without a ward list, or a skip).
  place: (value, state, ctx): Recognised => {
    const index = value === '' ? undefined : ctx.places(state.data.council ?? '');
    const found = index ? matchPlace(index, value) : ({ kind: 'none' } as const);
    if (found.kind === 'several') {
      const set: Record<string, string> = {
        [PLACE_CHOICES]: found.matches.map(encodePlace).join(CHOICE_SEPARATOR),
      };
      return {
        set,
        clears: [PLACE_MATCH],
        choose: true,
      };
    }
    const set: Record<string, string> = {
      [PLACE_MATCH]: found.kind === 'one' ? encodePlace(found.match) : '',
    };
    return {
      set,
      clears: [PLACE_CHOICES],
      choose: false,
    };
  },
};
