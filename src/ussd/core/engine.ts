/**
 * The USSD menu engine. Pure: (menu, session, input, context) -> (next session, view, effects).
 * It runs no effect and reads the world only through the synchronous context; bad input is an
 * ordinary step back to the same screen with an error line, never an exception.
 */
import type { TextKey } from '../../../menus/locales/en';
import { lookups } from './lookups';
import { KEY_BACK, KEY_HOME, KEY_MORE, paginate } from './render';
import {
  type Effect,
  type ListItem,
  type Menu,
  type ScreenDef,
  type ScreenId,
  type SessionState,
  type StaticOption,
  type UssdContext,
  type View,
} from './types';
import { validators } from './validators';
import { views } from './views';
import { type Lang, type Text } from '../../text/translate';

export interface StepResult {
  state: SessionState;
  view: View;
  effects: Effect[];
}

const invalid: Text = { key: 'common.invalid' };

function screenOf(menu: Menu, id: ScreenId): ScreenDef {
  const screen = menu.screens[id];
  if (!screen) throw new Error(`menu has no screen '${id}'`);
  return screen;
}

function itemsOf(screen: ScreenDef, state: SessionState, ctx: UssdContext): ListItem[] {
  switch (screen.type) {
    case 'choice':
      return screen.options.map((o, i) => ({ value: String(i), label: { key: o.label } }));
    case 'list':
      return lookups[screen.lookup](state, ctx);
    case 'input':
      return screen.skip ? [{ value: '', label: { key: screen.skip } }] : [];
    case 'info':
      return [];
  }
}

function linesOf(screen: ScreenDef, state: SessionState, ctx: UssdContext, items: ListItem[]) {
  const withCode = (key: TextKey): Text => ({ key, vars: { code: ctx.serviceCode } });
  switch (screen.type) {
    case 'choice':
      return [withCode(screen.prompt), ...(screen.view ? views[screen.view](state, ctx) : [])];
    case 'list':
      return [withCode(items.length > 0 ? screen.prompt : screen.empty)];
    case 'input':
      return [withCode(screen.prompt)];
    case 'info':
      return screen.view in views
        ? views[screen.view as keyof typeof views](state, ctx)
        : [withCode(screen.view as TextKey)];
  }
}

/** Pure. What the current screen of a session looks like. */
export function buildView(menu: Menu, state: SessionState, ctx: UssdContext, error?: Text): View {
  const screen = screenOf(menu, state.screen);
  const items = itemsOf(screen, state, ctx);
  const end = screen.type === 'info' && screen.end === true;
  return {
    end,
    ...(error ? { error } : {}),
    lines: linesOf(screen, state, ctx, items),
    items,
    page: state.page,
    ...(screen.zero ? { zero: screen.zero.label } : {}),
    back: !end && state.stack.length > 0,
    home: !end && state.stack.length > 1,
  };
}

const result = (menu: Menu, state: SessionState, ctx: UssdContext, effects: Effect[] = []) => ({
  state,
  view: buildView(menu, state, ctx),
  effects,
});

const retry = (menu: Menu, state: SessionState, ctx: UssdContext, error: Text): StepResult => ({
  state,
  view: buildView(menu, state, ctx, error),
  effects: [],
});

/** Pure. The first screen of a new session. */
export function startSession(menu: Menu, ctx: UssdContext, lang: Lang | undefined): StepResult {
  const base = { page: 0, stack: [], data: {} };
  if (!lang) return result(menu, { ...base, lang: 'sw', screen: menu.language }, ctx);
  const screen = ctx.resumableDraft() ? menu.resume : menu.main;
  return result(menu, { ...base, lang, screen }, ctx);
}

/** Pure. The answer to any reply in a session that has already ended. */
export function endedSession(menu: Menu, lang: Lang, ctx: UssdContext): StepResult {
  return result(menu, { lang, screen: menu.ended, page: 0, stack: [], data: {} }, ctx);
}

/** Filled means the screen's answer is already in the draft (edits skip back over it). */
function isFilled(screen: ScreenDef, state: SessionState): boolean {
  return screen.type !== 'info' && screen.saveAs !== undefined && screen.saveAs in state.data;
}

/** The first draft screen still unanswered (a draft can lose an answer through Back after an edit). */
function firstUnanswered(menu: Menu, state: SessionState): ScreenId | undefined {
  return Object.entries(menu.screens).find(
    ([, s]) =>
      s.draft === true && s.type !== 'info' && s.saveAs !== undefined && !isFilled(s, state),
  )?.[0];
}

/** Moves on to `next`; while editing (returnTo set), a screen already answered is skipped. */
function goTo(menu: Menu, state: SessionState, next: ScreenId, skipFilled = true): SessionState {
  const stack = [...state.stack, { screen: state.screen, page: state.page }];
  const { returnTo } = state;
  const skip = skipFilled && isFilled(screenOf(menu, next), state);
  if (returnTo && (next === returnTo || skip)) {
    const { returnTo: _done, ...rest } = state;
    return { ...rest, screen: returnTo, page: 0, stack };
  }
  return { ...state, screen: next, page: 0, stack };
}

function chooseOption(
  menu: Menu,
  state: SessionState,
  option: StaticOption,
  ctx: UssdContext,
): StepResult {
  if (option.guard === 'canFile' && ctx.complaintsFiledToday() >= ctx.dailyComplaintLimit) {
    return result(menu, goTo(menu, state, option.otherwise ?? state.screen), ctx);
  }
  const data = { ...state.data, ...option.set };
  for (const key of option.clears ?? []) delete data[key];
  let next: SessionState = { ...state, data };
  if (option.returnTo) next.returnTo = option.returnTo;
  const effects: Effect[] = [];
  switch (option.effect) {
    case 'citizen.setLanguage': {
      const language: Lang = data.lang === 'en' ? 'en' : 'sw';
      delete next.data.lang;
      next.lang = language;
      effects.push({ type: 'citizen.setLanguage', language });
      // A language choice starts a fresh menu: there is nothing to go back to.
      return result(menu, { ...next, screen: option.next, page: 0, stack: [] }, ctx, effects);
    }
    case 'complaint.submit':
      return submit(menu, next, ctx);
    case 'draft.resume': {
      const draft = ctx.resumableDraft();
      if (draft) {
        effects.push({ type: 'draft.resume', fromSessionId: draft.sessionId });
        return result(menu, { ...draft.state, lang: state.lang }, ctx, effects);
      }
      return result(menu, { ...next, screen: menu.main, page: 0, stack: [] }, ctx);
    }
    case 'draft.discard': {
      const draft = ctx.resumableDraft();
      if (draft) effects.push({ type: 'draft.discard', fromSessionId: draft.sessionId });
      return result(menu, { ...next, screen: option.next, page: 0, stack: [] }, ctx, effects);
    }
    case undefined:
      // The field chosen for an edit is asked although answered; skipping starts after it.
      next = goTo(menu, next, option.next, option.returnTo === undefined);
      return result(menu, next, ctx, effects);
  }
}

function submit(menu: Menu, state: SessionState, ctx: UssdContext): StepResult {
  // Checked again at the moment of filing: another session may have filed in the meantime.
  if (ctx.complaintsFiledToday() >= ctx.dailyComplaintLimit) {
    return result(menu, goTo(menu, state, 'file.limit'), ctx);
  }
  const missing = firstUnanswered(menu, state);
  if (missing) return result(menu, goTo(menu, { ...state, returnTo: state.screen }, missing), ctx);
  const d = state.data;
  const number = ctx.newComplaintNumber();
  const effect: Effect = {
    type: 'complaint.submit',
    number,
    language: state.lang,
    draft: {
      regionCode: d.region ?? '',
      councilCode: d.council ?? '',
      categoryCode: d.category ?? '',
      place: d.place ? d.place : null,
      description: d.description ?? '',
      anonymous: d.anonymous === 'yes',
    },
  };
  const done = goTo(menu, { ...state, data: { number } }, 'file.done');
  return result(menu, done, ctx, [effect]);
}

function navigate(menu: Menu, state: SessionState, input: string, ctx: UssdContext) {
  const screen = screenOf(menu, state.screen);
  if (input === KEY_HOME && state.screen !== menu.main && state.stack.length > 0) {
    return result(menu, { lang: state.lang, screen: menu.main, page: 0, stack: [], data: {} }, ctx);
  }
  if (input === KEY_BACK) {
    if (screen.zero) return result(menu, goTo(menu, state, screen.zero.next), ctx);
    if (state.page > 0) return result(menu, { ...state, page: state.page - 1 }, ctx);
    const previous = state.stack.at(-1);
    if (previous) {
      const { returnTo: _dropped, ...rest } = state;
      return result(menu, { ...rest, ...previous, stack: state.stack.slice(0, -1) }, ctx);
    }
  }
  if (input === KEY_MORE) {
    const pages = paginate(buildView(menu, state, ctx), state.lang);
    if (state.page + 1 < pages.length) return result(menu, { ...state, page: state.page + 1 }, ctx);
  }
  return undefined;
}

/** Pure. One reply on the current screen. Never throws for user input. */
export function step(menu: Menu, state: SessionState, input: string, ctx: UssdContext): StepResult {
  const reply = input.trim();
  const moved = navigate(menu, state, reply, ctx);
  if (moved) return moved;
  const screen = screenOf(menu, state.screen);
  if (screen.type === 'input') {
    if (reply === '') return retry(menu, state, ctx, { key: 'common.empty' });
    if (screen.skip && reply === '1') {
      return result(
        menu,
        goTo(menu, { ...state, data: { ...state.data, [screen.saveAs]: '' } }, screen.next),
        ctx,
      );
    }
    const checked = validators[screen.validate](reply, ctx);
    if (!checked.ok) return retry(menu, state, ctx, checked.error);
    const data = { ...state.data, [screen.saveAs]: checked.value };
    return result(menu, goTo(menu, { ...state, data }, screen.next), ctx);
  }
  const n = /^\d{1,3}$/.test(reply) ? Number(reply) : NaN;
  const items = itemsOf(screen, state, ctx);
  const item = Number.isInteger(n) ? items[n - 1] : undefined;
  if (!item) return retry(menu, state, ctx, invalid);
  if (screen.type === 'choice') {
    const option = screen.options[Number(item.value)];
    return option ? chooseOption(menu, state, option, ctx) : retry(menu, state, ctx, invalid);
  }
  if (screen.type === 'list') {
    const data = { ...state.data, [screen.saveAs]: item.value };
    for (const key of screen.clears ?? []) delete data[key];
    return result(menu, goTo(menu, { ...state, data }, screen.next), ctx);
  }
  return retry(menu, state, ctx, invalid);
}
