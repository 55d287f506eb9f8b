/**
 * The USSD menu engine. Pure: (menu, session, input, context) -> (next session, view, effects).
 * It runs no effect and reads the world only through the synchronous context; bad input is an
 * ordinary step back to the same screen with an error line, never an exception.
 */
import type { Lang, Text } from '../../text/translate';
import { effects } from './effects';
import { guards } from './guards';
import { KEY_BACK, KEY_HOME, KEY_MORE, paginate } from './render';
import {
  buildView,
  goTo,
  itemsOf,
  restartAt,
  result,
  retry,
  screenOf,
  type StepResult,
} from './steps';
import { recognisers } from './recognisers';
import type { InputScreen, Menu, SessionState, StaticOption, UssdContext } from './types';
import { validators } from './validators';

export { buildView, type StepResult };

const invalid: Text = { key: 'common.invalid' };

/**
 * Pure. The first screen of a new session. `text` is what the dial carried after the service code
 * (`*384*1234*48210379#` gives `48210379`): such a dial skips the language and resume screens
 * (Kiswahili when the phone's language is unknown) and is answered as `menu.direct` says.
 */
export function startSession(
  menu: Menu,
  ctx: UssdContext,
  lang: Lang | undefined,
  text = '',
): StepResult {
  const base = { page: 0, stack: [], data: {} };
  if (text !== '') return directDial(menu, ctx, lang ?? 'sw', text);
  if (!lang) return result(menu, { ...base, lang: 'sw', screen: menu.language }, ctx);
  const screen = ctx.resumableDraft() ? menu.resume : menu.main;
  return result(menu, { ...base, lang, screen }, ctx);
}

/** Replies one dial may carry (`*384*1234*2*48210379#`); more are left out, not stepped. */
const MAX_DIRECT_REPLIES = 4;

/**
 * A dial with replies inside the code: the first one on the screen `menu.direct.replies` names
 * for it, else typed into `menu.direct.typed`; the rest (after `*`) as ordinary replies.
 */
function directDial(menu: Menu, ctx: UssdContext, lang: Lang, text: string): StepResult {
  const [first = '', ...rest] = text.split('*', MAX_DIRECT_REPLIES);
  const { replies, typed } = menu.direct;
  const screen = Object.hasOwn(replies, first) ? (replies[first] ?? typed) : typed;
  let current = step(menu, { lang, screen, page: 0, stack: [], data: {} }, first, ctx);
  const all = [...current.effects];
  for (const reply of rest) {
    if (current.view.end) break;
    current = step(menu, current.state, reply, ctx);
    all.push(...current.effects);
  }
  return { ...current, effects: all };
}

/** Pure. The answer to any reply in a session that has already ended. */
export function endedSession(menu: Menu, lang: Lang, ctx: UssdContext): StepResult {
  return result(menu, { lang, screen: menu.ended, page: 0, stack: [], data: {} }, ctx);
}

/**
 * An option chosen: its guard (when it fails, to `otherwise`), the values it sets and clears, then
 * its named effect or the move to `next`. The engine knows no flow: menus and registries do.
 */
function chooseOption(
  menu: Menu,
  state: SessionState,
  option: StaticOption,
  ctx: UssdContext,
): StepResult {
  if (option.guard && !guards[option.guard](state, ctx)) {
    return result(menu, goTo(menu, state, option.otherwise ?? state.screen), ctx);
  }
  const data = { ...state.data, ...option.set };
  for (const key of option.clears ?? []) delete data[key];
  const next: SessionState = { ...state, data };
  if (option.returnTo) next.returnTo = option.returnTo;
  if (option.effect) return effects[option.effect]({ menu, state: next, option, ctx });
  // The field chosen for an edit is asked although answered; skipping starts after it.
  return result(menu, goTo(menu, next, option.next, option.returnTo === undefined), ctx);
}

function navigate(menu: Menu, state: SessionState, input: string, ctx: UssdContext) {
  const screen = screenOf(menu, state.screen);
  if (input === KEY_HOME && state.screen !== menu.main && state.stack.length > 0) {
    return result(menu, restartAt(state, menu.main), ctx);
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

/** An input screen's answer saved, with what it names when the screen recognises it. */
function answer(
  menu: Menu,
  state: SessionState,
  screen: InputScreen,
  value: string,
  ctx: UssdContext,
): StepResult {
  const data = { ...state.data, [screen.saveAs]: value };
  if (!screen.recognise) return result(menu, goTo(menu, { ...state, data }, screen.next), ctx);
  const found = recognisers[screen.recognise.as](value, { ...state, data }, ctx);
  Object.assign(data, found.set);
  for (const key of found.clears) delete data[key];
  // The choice is asked even while editing from the confirm screen: it is a new question.
  const next = found.choose
    ? goTo(menu, { ...state, data }, screen.recognise.choose, false)
    : goTo(menu, { ...state, data }, screen.next);
  return result(menu, next, ctx);
}

/** Pure. One reply on the current screen. Never throws for user input. */
export function step(menu: Menu, state: SessionState, input: string, ctx: UssdContext): StepResult {
  const reply = input.trim();
  const moved = navigate(menu, state, reply, ctx);
  if (moved) return moved;
  const screen = screenOf(menu, state.screen);
  if (screen.type === 'input') {
    if (reply === '') return retry(menu, state, ctx, { key: 'common.empty' });
    if (screen.skip && reply === '1') return answer(menu, state, screen, '', ctx);
    const checked = validators[screen.validate](reply, ctx);
    if (!checked.ok) return retry(menu, state, ctx, checked.error);
    return answer(menu, state, screen, checked.value, ctx);
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
