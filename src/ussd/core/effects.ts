/**
 * Named effects that menu options refer to (`effect: 'complaint.submit'`): what choosing the
 * option does beyond moving on, as data for the handler to apply (the engine runs nothing).
 * Pure given the context.
 */
import type { ComplaintDraft } from '../../complaints/core/draft';
import type { Lang } from '../../text/translate';
import { decodePlace } from '../../reference/core/place-match';
import { PLACE_MATCH } from './recognisers';
import { firstUnanswered, goTo, restartAt, result, type StepResult } from './steps';
import type { EffectName, Menu, SessionState, StaticOption, UssdContext } from './types';

/** What an effect is given: the session after the option's `set` and `clears`, and the option. */
export interface EffectInput {
  menu: Menu;
  state: SessionState;
  option: StaticOption;
  ctx: UssdContext;
}

/** The draft the filing screens collected, by the keys they save as. */
function draftOf(data: Record<string, string>): ComplaintDraft {
  const match = decodePlace(data[PLACE_MATCH]);
  return {
    regionCode: data.region ?? '',
    councilCode: data.council ?? '',
    categoryCode: data.category ?? '',
    place: data.place ? data.place : null,
    ...(match === undefined ? {} : { wardCode: match.wardCode, village: match.village ?? null }),
    description: data.description ?? '',
    anonymous: data.anonymous === 'yes',
  };
}

function setLanguage({ menu, state, option, ctx }: EffectInput): StepResult {
  const language: Lang = state.data.lang === 'en' ? 'en' : 'sw';
  // A language choice starts a fresh menu: there is nothing to go back to.
  const next = { ...restartAt(state, option.next), lang: language };
  return result(menu, next, ctx, [{ type: 'citizen.setLanguage', language }]);
}

/** Files the draft; a screen left unanswered (an edit went Back past it) is asked first. */
function submit({ menu, state, option, ctx }: EffectInput): StepResult {
  const missing = firstUnanswered(menu, state);
  if (missing) return result(menu, goTo(menu, { ...state, returnTo: state.screen }, missing), ctx);
  const number = ctx.newComplaintNumber();
  const done = goTo(menu, { ...state, data: { number } }, option.next);
  return result(menu, done, ctx, [
    { type: 'complaint.submit', number, language: state.lang, draft: draftOf(state.data) },
  ]);
}

function resume({ menu, state, ctx }: EffectInput): StepResult {
  const draft = ctx.resumableDraft();
  if (!draft) return result(menu, restartAt(state, menu.main), ctx);
  return result(menu, { ...draft.state, lang: state.lang }, ctx, [
    { type: 'draft.resume', fromSessionId: draft.sessionId },
  ]);
}

function discard({ menu, state, option, ctx }: EffectInput): StepResult {
  const draft = ctx.resumableDraft();
  const effects = draft ? [{ type: 'draft.discard' as const, fromSessionId: draft.sessionId }] : [];
  return result(menu, restartAt(state, option.next), ctx, effects);
}

/**
 * Starts a call-back request with nothing in it. A phone that filed a complaint before is taken
 * to be calling from that region (when the picker still offers it): the region is filled in, and
 * the option's `returnTo` (the confirm screen) passes over it as an answered screen is passed
 * over while editing; the confirm screen offers to change it. Other phones are asked for it.
 */
function startCallback({ menu, state, option, ctx }: EffectInput): StepResult {
  const region = ctx.lastComplaintRegion();
  const known = region !== undefined && ctx.regions().some((r) => r.code === region);
  const fresh: SessionState = { ...state, data: known ? { region } : {} };
  return result(menu, goTo(menu, fresh, option.next), ctx);
}

/** Sends the request: a new reference, the END screen showing it, the request as an effect. */
function requestCallback({ menu, state, option, ctx }: EffectInput): StepResult {
  const { region, category } = state.data;
  // Both are answered before the confirm screen; a session that lost one starts again.
  if (!region || !category) return result(menu, restartAt(state, menu.main), ctx);
  const reference = ctx.newCallbackReference();
  const done = goTo(menu, { ...state, data: { callbackRef: reference } }, option.next);
  return result(menu, done, ctx, [
    {
      type: 'callback.request',
      reference,
      regionCode: region,
      categoryCode: category,
      language: state.lang,
    },
  ]);
}

export const effects: Record<EffectName, (input: EffectInput) => StepResult> = {
  'citizen.setLanguage': setLanguage,
  'complaint.submit': submit,
  'draft.resume': resume,
  'draft.discard': discard,
  'callback.start': startCallback,
  'callback.request': requestCallback,
};
