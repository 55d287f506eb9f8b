/**
 * How the terminal phone draws things. Pure: strings in, lines out. A screen is a box about as
 * wide as a feature phone's display, long lines wrapped at spaces, the character count below.
 */
import { PAGE_BUDGET } from '../../ussd/core/render';
import { screenLength, type HopAnswer } from './ussd-sim-wire';

/** Columns inside the box: a feature phone shows roughly 24 to 30. */
export const SCREEN_WIDTH = 28;

/** Pure. One line wrapped at spaces to `width` columns; a longer word is cut. */
export function wrapLine(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    let rest = word;
    const candidate = current === '' ? rest : `${current} ${rest}`;
    if ([...candidate].length <= width) {
      current = candidate;
      continue;
    }
    if (current !== '') out.push(current);
    current = '';
    while ([...rest].length > width) {
      out.push([...rest].slice(0, width).join(''));
      rest = [...rest].slice(width).join('');
    }
    current = rest;
  }
  out.push(current);
  return out;
}

/** Pure. Control characters and a BOM made visible (^M, <BOM>) so that nothing shifts the box. */
function visible(s: string): string {
  let out = '';
  for (const c of s) {
    const code = c.charCodeAt(0);
    if (c === '\uFEFF') out += '<BOM>';
    else if (code < 32 || code === 127) out += `^${String.fromCharCode((code + 64) % 128)}`;
    else out += c;
  }
  return out;
}

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - [...s].length));

/**
 * Pure. The answer drawn as the phone would show it: the prefix is taken off (the handset never
 * shows it) and named below with the length and the time. A body with no prefix is drawn whole.
 */
export function drawScreen(answer: HopAnswer, width = SCREEN_WIDTH): string[] {
  const match = /^(CON|END) /.exec(answer.body);
  const kind = match ? match[1] : answer.status === 200 ? 'no prefix' : `HTTP ${answer.status}`;
  const text = match ? answer.body.slice(4) : answer.body;
  const lines = text.split('\n').flatMap((l) => wrapLine(visible(l), width));
  const footer = ` ${kind} ${screenLength(answer.body)}/${PAGE_BUDGET} ${answer.ms} ms `;
  const rule = '─'.repeat(Math.max(0, width - [...footer].length));
  return [
    `┌${'─'.repeat(width)}┐`,
    ...lines.map((l) => `│${pad(l, width)}│`),
    `└${rule}${footer}┘`,
  ];
}

export interface Painter {
  warn: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

const sgr = (code: string) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;

/** Colours only for a terminal that wants them (a TTY, NO_COLOR unset). */
export function painter(colour: boolean): Painter {
  if (!colour) return { warn: (s) => s, dim: (s) => s, bold: (s) => s };
  return { warn: sgr('1;31'), dim: sgr('2'), bold: sgr('1') };
}

/** Pure. Warning lines, each starting with "! ". */
export function warningLines(problems: readonly string[], paint: Painter): string[] {
  return problems.map((p) => paint.warn(`! WARNING: ${p}`));
}
