/**
 * The pieces every step is made of: what a screen looks like (its lines and numbered items), and
 * moving to another screen. Pure; shared by the engine and the effect registry.
 */
import { orgVars } from '../../text/org';
import type { Text } from '../../text/translate';
import { lookups } from './lookups';
import type {
  Effect,
  ListItem,
  Menu,
  ScreenDef,
  ScreenId,
  SessionState,
  UssdContext,
  View,
} from './types';
import { views } from './views';

export interface StepResult {
  state: SessionState;
  view: View;
  effects: Effect[];
}

export function screenOf(menu: Menu, id: ScreenId): ScreenDef {
  const screen = menu.screens[id];
  if (!screen) throw new Error(`menu has no screen '${id}'`);
  return screen;
}

export function itemsOf(screen: ScreenDef, state: SessionState, ctx: UssdContext): ListItem[] {
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

function linesOf(
  screen: ScreenDef,
  state: SessionState,
  ctx: UssdContext,
  items: ListItem[],
): Text[] {
  switch (screen.type) {
    case 'choice':
      return [{ key: screen.prompt }, ...(screen.view ? views[screen.view](state, ctx) : [])];
    case 'list':
      return [{ key: items.length > 0 ? screen.prompt : screen.empty }];
    case 'input':
      return [{ key: screen.prompt }];
    case 'info':
      return 'view' in screen ? views[screen.view](state, ctx) : [{ key: screen.text }];
  }
}

/** The variables every text of a screen may use: the service code, the organisation's names. */
const screenVars = (state: SessionState, ctx: UssdContext) => ({
  code: ctx.serviceCode,
  ...orgVars(ctx.org, state.lang),
});

/** Pure. What the current screen of a session looks like. */
export function buildView(menu: Menu, state: SessionState, ctx: UssdContext, error?: Text): View {
  const screen = screenOf(menu, state.screen);
  const items = itemsOf(screen, state, ctx);
  const end = screen.type === 'info' && screen.end === true;
  return {
    end,
    vars: screenVars(state, ctx),
    ...(error ? { error } : {}),
    lines: linesOf(screen, state, ctx, items),
    items,
    page: state.page,
    ...(screen.zero ? { zero: screen.zero.label } : {}),
    back: !end && state.stack.length > 0,
    home: !end && state.stack.length > 1,
  };
}

export const result = (
  menu: Menu,
  state: SessionState,
  ctx: UssdContext,
  effects: Effect[] = [],
): StepResult => ({ state, view: buildView(menu, state, ctx), effects });

export const retry = (
  menu: Menu,
  state: SessionState,
  ctx: UssdContext,
  error: Text,
): StepResult => ({ state, view: buildView(menu, state, ctx, error), effects: [] });

/** A fresh menu from `screen`: nothing to go back to, no data. */
export const restartAt = (state: SessionState, screen: ScreenId): SessionState => ({
  lang: state.lang,
  screen,
  page: 0,
  stack: [],
  data: {},
});

/** Filled means the screen's answer is already in the draft (edits skip back over it). */
export function isFilled(screen: ScreenDef, state: SessionState): boolean {
  return screen.type !== 'info' && screen.saveAs !== undefined && screen.saveAs in state.data;
}

/**
 * The first draft screen still unanswered (a draft can lose an answer through Back after an edit).
 * A choice among what an input could name is not a question of its own: left unanswered, the
 * input stands as typed.
 */
export function firstUnanswered(menu: Menu, state: SessionState): ScreenId | undefined {
  const choices = new Set(
    Object.values(menu.screens).flatMap((s) =>
      s.type === 'input' && s.recognise ? [s.recognise.choose] : [],
    ),
  );
  return Object.entries(menu.screens).find(
    ([id, s]) =>
      s.draft === true &&
      s.type !== 'info' &&
      s.saveAs !== undefined &&
      !choices.has(id) &&
      !isFilled(s, state),
  )?.[0];
}

/** Moves on to `next`; while editing (returnTo set), a screen already answered is skipped. */
export function goTo(
  menu: Menu,
  state: SessionState,
  next: ScreenId,
  skipFilled = true,
): SessionState {
  const stack = [...state.stack, { screen: state.screen, page: state.page }];
  const { returnTo } = state;
  const skip = skipFilled && isFilled(screenOf(menu, next), state);
  if (returnTo && (next === returnTo || skip)) {
    const { returnTo: _done, ...rest } = state;
    return { ...rest, screen: returnTo, page: 0, stack };
  }
  return { ...state, screen: next, page: 0, stack };
}
