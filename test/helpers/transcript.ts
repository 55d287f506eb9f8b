/**
 * A transcript driver over the pure engine and renderer, so that tests read like a USSD session:
 *   const t = dial(ctx, { lang: 'sw' });
 *   t.reply('1').expectScreen('file.region').expectBody(/Chagua mkoa/);
 * Every page it renders must start with `CON `/`END `, fit 160 characters and be GSM-7 basic;
 * the effects of every step are collected so tests can assert them. A reply after an END is
 * answered as the handler does (endedSession), page numbers are rendered from the session state.
 */
import { menu as realMenu } from '../../menus';
import { isGsm7 } from '../../src/text/gsm7';
import { endedSession, startSession, step, type StepResult } from '../../src/ussd/core/engine';
import { PAGE_BUDGET, renderView } from '../../src/ussd/core/render';
import {
  type Effect,
  type Menu,
  type ScreenId,
  type SessionState,
  type UssdContext,
} from '../../src/ussd/core/types';
import { type Lang } from '../../src/text/translate';

export interface DialOptions {
  /** The phone's remembered language; none means a first dial (language screen). */
  lang?: Lang;
  menu?: Menu;
  /** What the dial carries after the service code: `48210379` for `*384*1234*48210379#`. */
  text?: string;
}

export interface Transcript {
  readonly state: SessionState;
  /** The body of the page on screen now (`CON …`/`END …`). */
  readonly body: string;
  /** The body without its prefix, split into lines. */
  readonly lines: string[];
  readonly ended: boolean;
  /** Numbers of the items on this page (navigation keys 98, 0 and 00 left out). */
  readonly itemNumbers: number[];
  /** Effects of the last reply (or of the dial). */
  readonly lastEffects: Effect[];
  /** Every effect since the dial, in order. */
  readonly effects: Effect[];
  /** Sends replies one after the other. */
  reply(...inputs: string[]): Transcript;
  expectScreen(id: ScreenId): Transcript;
  /** A RegExp must match the body; a string must equal it exactly. */
  expectBody(pattern: RegExp | string): Transcript;
  expectBodyNot(pattern: RegExp): Transcript;
  /** The first line under the prefix is this error text. */
  expectError(text: string): Transcript;
  expectEnd(): Transcript;
  expectEffects(expected: Effect[]): Transcript;
}

/** Checks the invariants every page on a handset must hold; throws with the body when not. */
export function checkPage(body: string): string {
  const problems = [
    /^(CON|END) /.test(body) ? '' : 'no CON/END prefix',
    body.length <= PAGE_BUDGET ? '' : `${body.length} characters`,
    isGsm7(body, { allowExtended: false }) ? '' : 'not GSM-7 basic',
  ].filter((p) => p !== '');
  if (problems.length > 0) throw new Error(`bad page (${problems.join(', ')}):\n${body}`);
  return body;
}

export function dial(ctx: UssdContext, options: DialOptions = {}): Transcript {
  const menu = options.menu ?? realMenu;
  let current: StepResult = startSession(menu, ctx, options.lang, options.text);
  let body = checkPage(renderView(current.view, current.state.lang, current.state.page));
  const effects: Effect[] = [...current.effects];

  const advance = (input: string) => {
    current = current.view.end
      ? endedSession(menu, current.state.lang, ctx)
      : step(menu, current.state, input, ctx);
    effects.push(...current.effects);
    body = checkPage(renderView(current.view, current.state.lang, current.state.page));
  };

  const t: Transcript = {
    get state() {
      return current.state;
    },
    get body() {
      return body;
    },
    get lines() {
      return body.slice(4).split('\n');
    },
    get ended() {
      return current.view.end;
    },
    get itemNumbers() {
      return t.lines
        .map((line) => /^(\d+)\. /.exec(line)?.[1])
        .filter((n): n is string => n !== undefined && !['0', '00', '98'].includes(n))
        .map(Number);
    },
    get lastEffects() {
      return current.effects;
    },
    get effects() {
      return [...effects];
    },
    reply: (...inputs) => {
      inputs.forEach(advance);
      return t;
    },
    expectScreen: (id) => {
      expect({ screen: current.state.screen, body }).toEqual({ screen: id, body });
      return t;
    },
    expectBody: (pattern) => {
      if (typeof pattern === 'string') expect(body).toBe(pattern);
      else expect(body).toMatch(pattern);
      return t;
    },
    expectBodyNot: (pattern) => {
      expect(body).not.toMatch(pattern);
      return t;
    },
    expectError: (text) => {
      expect(t.lines[0]).toBe(text);
      return t;
    },
    expectEnd: () => {
      expect(body.startsWith('END ')).toBe(true);
      return t;
    },
    expectEffects: (expected) => {
      expect(current.effects).toEqual(expected);
      return t;
    },
  };
  return t;
}
