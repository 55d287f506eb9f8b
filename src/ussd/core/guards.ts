/**
 * Named guards that menu options refer to (`guard: 'canFile'`): an option leads to its `next`
 * only while its guard holds, else to its `otherwise`. Pure given the context.
 */
import type { GuardName, SessionState, UssdContext } from './types';

export const guards: Record<GuardName, (state: SessionState, ctx: UssdContext) => boolean> = {
  /** Under the daily limit of complaints per phone (checked again on Send: see the menu). */
  canFile: (_state, ctx) => ctx.complaintsFiledToday() < ctx.dailyComplaintLimit,
  /**
   * No call-back request open for this phone (asking again shows the one there is) and under the
   * daily limit of requests; checked again on Send, as filing's is.
   */
  canAskCallback: (_state, ctx) =>
    ctx.openCallback() === undefined && ctx.callbacksToday() < ctx.callbackDailyLimit,
};
