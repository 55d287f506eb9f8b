/**
 * The filing flow of a menu, by screen id, as the funnel report counts it
 * (src/reports/core/funnel-session.ts). Pure. The steps start at the menu's first draft screen
 * and follow each screen's way forward (`next`, a choice's first option) to the first screen
 * that is no longer a draft: the one showing the complaint number. Draft screens off that path
 * (the edit menu) are detours; the cancel screen is a step's `zero` target and the limit screen
 * the `otherwise` of a step's guarded option.
 */
import type { FilingFlow } from '../../reports/core/funnel-session';
import type { Menu, ScreenDef, StaticOption } from './types';

function forward(screen: ScreenDef): StaticOption | { next: string } | undefined {
  if (screen.type === 'list' || screen.type === 'input') return { next: screen.next };
  if (screen.type === 'choice') return screen.options[0];
  return undefined;
}

/** Pure. The filing flow of `menu`; throws when the menu has none (a programmer error). */
export function filingFlow(menu: Menu): FilingFlow {
  const drafts = Object.keys(menu.screens).filter((id) => menu.screens[id]?.draft === true);
  const steps: string[] = [];
  let cancelled: string | undefined;
  let limit: string | undefined;
  for (let id = drafts[0]; id !== undefined && !steps.includes(id);) {
    steps.push(id);
    const screen = menu.screens[id];
    if (screen?.draft !== true) break;
    cancelled ??= screen.zero?.next;
    const way = forward(screen);
    if (way && 'otherwise' in way) limit ??= way.otherwise;
    id = way?.next;
  }
  const last = steps.at(-1);
  if (last === undefined || menu.screens[last]?.draft === true || !cancelled || !limit) {
    throw new Error('the menu has no complete filing flow');
  }
  return { steps, detours: drafts.filter((d) => !steps.includes(d)), cancelled, limit };
}
