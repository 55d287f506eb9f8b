/**
 * The menu as a graph, read from the data (no screen list is written here): the entry points, the
 * edges every screen declares, and how deep in the navigation stack each screen can be (which
 * decides whether it shows '0 Back' and '00 Main menu').
 */
import type { EffectName, Menu, ScreenDef, ScreenId } from '../../src/ussd/core/types';

export interface Edge {
  /** Where the reference sits, e.g. "main options[0].otherwise". */
  where: string;
  to: ScreenId;
  /** The engine starts a fresh stack when taking it (language chosen, draft resumed or dropped). */
  resetsStack: boolean;
}

export function entryPoints(menu: Menu): [string, ScreenId][] {
  return [
    ['menu.language', menu.language],
    ['menu.main', menu.main],
    ['menu.resume', menu.resume],
    ['menu.ended', menu.ended],
    // A dial with the reply inside the code starts on these with nothing to go back to.
    ...Object.entries(menu.direct.replies).map(([reply, id]): [string, ScreenId] => [
      `menu.direct.replies['${reply}']`,
      id,
    ]),
    ['menu.direct.typed', menu.direct.typed],
  ];
}

export function edgesOf(id: ScreenId, s: ScreenDef): Edge[] {
  const edges: Edge[] = [];
  const add = (where: string, to: ScreenId, resetsStack = false) =>
    edges.push({ where: `${id} ${where}`, to, resetsStack });
  if (s.zero) add('zero.next', s.zero.next);
  if (s.type === 'list' || s.type === 'input') add('next', s.next);
  if (s.type === 'input' && s.recognise) add('recognise.choose', s.recognise.choose);
  if (s.type === 'choice') {
    s.options.forEach((o, i) => {
      // These start from a fresh stack (a resumed draft brings its own, walked like any other).
      const resets = o.effect !== undefined && RESETTING.includes(o.effect);
      add(`options[${i}].next`, o.next, resets);
      if (o.otherwise) add(`options[${i}].otherwise`, o.otherwise);
      if (o.returnTo) add(`options[${i}].returnTo`, o.returnTo);
      // Sending checks the daily limit again and may stop there: the engine names that screen.
      if (o.effect === 'complaint.submit') add(`options[${i}] submit (engine)`, 'file.limit');
    });
  }
  return edges;
}

/** The effects after which the engine starts a fresh stack (src/ussd/core/effects.ts). */
const RESETTING: readonly EffectName[] = ['citizen.setLanguage', 'draft.resume', 'draft.discard'];

/** Every reference in the menu: entry points and edges. */
export function allReferences(menu: Menu): [string, ScreenId][] {
  return [
    ...entryPoints(menu),
    ...Object.entries(menu.screens).flatMap(([id, s]) =>
      edgesOf(id, s).map((e): [string, ScreenId] => [e.where, e.to]),
    ),
  ];
}

/** 0: nothing to go back to; 1: '0 Back'; 2: '0 Back' and '00 Main menu'. */
export type Depth = 0 | 1 | 2;

/** Every (screen, depth) pair the engine can show, found by walking the edges. */
export function reachableDepths(menu: Menu): Map<ScreenId, Set<Depth>> {
  const found = new Map<ScreenId, Set<Depth>>();
  const queue: [ScreenId, Depth][] = entryPoints(menu).map(([, id]) => [id, 0]);
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [id, depth] = next;
    const s = menu.screens[id];
    const depths = found.get(id) ?? new Set<Depth>();
    if (!s || depths.has(depth)) continue;
    found.set(id, depths.add(depth));
    for (const e of edgesOf(id, s)) {
      queue.push([e.to, e.resetsStack ? 0 : depth === 0 ? 1 : 2]);
    }
  }
  return found;
}
