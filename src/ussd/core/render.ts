/**
 * Pure. Turns a View into the body Africa's Talking expects: `CON `/`END ` prefix, text in GSM-7
 * basic characters, numbered items paged so that every page fits the 160-character budget
 * (prefix included), navigation lines added here and nowhere else.
 */
import { textOf, translate, type Lang } from '../../text/translate';
import type { View } from './types';

export const PAGE_BUDGET = 160;
export const KEY_MORE = '98';
export const KEY_BACK = '0';
export const KEY_HOME = '00';

interface Page {
  /** Index in view.items of the first item on this page. */
  start: number;
  count: number;
}

function navLines(view: View, lang: Lang, more: boolean): string[] {
  const lines: string[] = [];
  if (more) lines.push(`${KEY_MORE}. ${translate('common.more', lang)}`);
  if (view.zero) lines.push(`${KEY_BACK}. ${translate(view.zero, lang)}`);
  else if (view.back) lines.push(`${KEY_BACK}. ${translate('common.back', lang)}`);
  if (view.home) lines.push(`${KEY_HOME}. ${translate('common.home', lang)}`);
  return lines;
}

/** Shortest form of a truncatable line before it is left out altogether. */
const MIN_CUT = 12;
/**
 * The same for a line naming what typed text was recognised as: its label and enough of a name
 * to tell ("Kata: Kibosho Magh.."). Shorter it says nothing, so the lines below it go first.
 */
const MIN_CUT_RECOGNISED = 20;

/**
 * The lines above the items, as pagination measures them. Truncatable lines (typed text) are not
 * counted: they give way to the options (cut, then left out by fitPage), so a screen's own
 * options are never pushed onto a second page by what the caller typed or what it named.
 */
function headerLines(view: View, lang: Lang): string[] {
  return view.lines.filter((t) => t.truncatable !== true).map((t) => textOf(t, lang, view.vars));
}

const bodyLength = (lines: string[]) => 4 + lines.join('\n').length;

/** Length of a body made of lines with these lengths: prefix, lines, the newlines between them. */
const sumLength = (lengths: readonly number[]) => lengths.reduce((sum, n) => sum + n + 1, 3);

/**
 * Pure. Splits the view's items into pages that each fit the budget with header and navigation.
 * The error line is left out on purpose: a wrong reply keeps the same page, so 98 and 0 mean the
 * same with or without one (renderView makes room for it). Measured in lengths, not by joining
 * candidate pages: a 31-region list is paged on every hop that shows it.
 */
export function paginate(view: View, lang: Lang): Page[] {
  const header = headerLines(view, lang).map((line) => line.length);
  const labels = view.items.map(
    (item, i) => `${i + 1}. `.length + textOf(item.label, lang, view.vars).length,
  );
  const nav = (back: boolean, more: boolean) =>
    navLines({ ...view, back }, lang, more).map((line) => line.length);
  const pages: Page[] = [];
  let start = 0;
  do {
    const back = view.back || start > 0;
    const fixed = (more: boolean) => sumLength([...header, ...nav(back, more)]);
    const rest = labels.length - start;
    const restLength = labels.slice(start).reduce((sum, n) => sum + n + 1, 0);
    if (fixed(false) + restLength <= PAGE_BUDGET) {
      pages.push({ start, count: rest });
      break;
    }
    const budget = PAGE_BUDGET - fixed(true);
    let count = 0;
    let used = 0;
    while (count < rest && used + (labels[start + count] ?? 0) + 1 <= budget) {
      used += (labels[start + count] ?? 0) + 1;
      count++;
    }
    // A page always shows at least one item, even if a pathological label overflows.
    count = Math.max(count, 1);
    pages.push({ start, count });
    start += count;
  } while (start < labels.length);
  return pages;
}

/** A line cut to at most `max` characters, marked with '..' when cut (not ',..'). */
const cut = (line: string, max: number) =>
  line.length <= max ? line : `${line.slice(0, max - 2).replace(/[\s,]+$/, '')}..`;

/**
 * The truncatable line to shorten next: the longest one still above its shortest form, typed
 * text first. A line naming what typed text was recognised as (the ward) gives way only after
 * it: the caller knows what they typed, and has to check what it was taken for.
 */
function nextToCut(view: View, max: readonly number[]): number {
  for (const typed of [true, false]) {
    const shortest = typed ? MIN_CUT : MIN_CUT_RECOGNISED;
    let longest = -1;
    max.forEach((m, i) => {
      const t = view.lines[i];
      const isTyped = t !== undefined && 'raw' in t;
      if (isTyped === typed && m !== Infinity && m > shortest && m > (max[longest] ?? 0)) {
        longest = i;
      }
    });
    if (longest >= 0) return longest;
  }
  return -1;
}

/**
 * Pure. Shortens truncatable lines until the body fits the budget, a character at a time (see
 * nextToCut), so that several typed lines (place, description) share the room evenly. None goes
 * below its shortest form (MIN_CUT, MIN_CUT_RECOGNISED).
 */
function fitLines(view: View, lang: Lang, fixed: (lines: string[]) => string[]): string[] {
  const full = view.lines.map((t) => textOf(t, lang, view.vars));
  const max = full.map((line, i) => (view.lines[i]?.truncatable === true ? line.length : Infinity));
  const errorLine = view.error ? [textOf(view.error, lang, view.vars)] : [];
  const shown = () => [...errorLine, ...full.map((line, i) => cut(line, max[i] ?? Infinity))];
  while (bodyLength(fixed(shown())) > PAGE_BUDGET) {
    const next = nextToCut(view, max);
    if (next < 0) break;
    max[next] = (max[next] ?? MIN_CUT) - 1;
  }
  return shown();
}

/** Pure. The whole answer body for the given page of the view. */
export function renderView(view: View, lang: Lang, pageIndex = 0): string {
  const prefix = view.end ? 'END ' : 'CON ';
  if (view.end) return prefix + fitLines(view, lang, (l) => l).join('\n');
  const pages = paginate(view, lang);
  const index = Math.min(Math.max(pageIndex, 0), pages.length - 1);
  const page = pages[index] ?? { start: 0, count: 0 };
  const more = index < pages.length - 1;
  const items = view.items
    .slice(page.start, page.start + page.count)
    .map((item, i) => `${page.start + i + 1}. ${textOf(item.label, lang, view.vars)}`);
  const nav = navLines({ ...view, back: view.back || index > 0 }, lang, more);
  return prefix + fitPage(view, lang, items, nav).join('\n');
}

/**
 * Pure. Makes a page fit when its layout (made without the error line and the typed text) does
 * not: cut truncatable lines, then leave out header lines (the prompt first after a wrong reply,
 * then from the bottom; the first stays: the error line when there is one, else the prompt;
 * those left are cut again, less), then items from the end of the page (one stays). Page
 * boundaries never move, so 98 and 0 lead where they did after a wrong reply; an item left out
 * is still chosen by its number.
 */
function fitPage(view: View, lang: Lang, pageItems: string[], nav: string[]): string[] {
  let items = pageItems;
  let lines = view.lines;
  // Fitted again after each line left out: the lines above it take back the room it had.
  const fitted = () => fitLines({ ...view, lines }, lang, (l) => [...l, ...items, ...nav]);
  let header = fitted();
  const over = () => bodyLength([...header, ...items, ...nav]) > PAGE_BUDGET;
  while (over() && header.length > 1) {
    // After a wrong reply the error line asks again: the prompt is the first to go.
    const promptFirst = view.error !== undefined && lines.length > 1 && lines[0] === view.lines[0];
    lines = promptFirst ? lines.slice(1) : lines.slice(0, -1);
    header = fitted();
  }
  while (over() && items.length > 1) items = items.slice(0, -1);
  return [...header, ...items, ...nav];
}
