/**
 * The wards and villages a caller can name at the place step, per council: the index of each
 * council (src/reference/core/place-match.ts) built the first time a caller of that council types
 * a place (about a millisecond), then kept for the process; the ward list itself is read once at
 * start (src/reference/wards.ts).
 */
import { buildPlaceIndex, type PlaceIndex } from './core/place-match';
import { loadWardList, type Ward, type WardList } from './wards';

export interface Places {
  /** The council's index; undefined when the council has no ward list (free text only). */
  index(councilCode: string): PlaceIndex | undefined;
  ward(code: string): Ward | undefined;
}

export function placesOf(list: WardList = loadWardList()): Places {
  const built = new Map<string, PlaceIndex>();
  return {
    index(councilCode) {
      const known = built.get(councilCode);
      if (known) return known;
      const wards = list.byCouncil.get(councilCode);
      if (!wards || wards.length === 0) return undefined;
      const index = buildPlaceIndex(wards);
      built.set(councilCode, index);
      return index;
    },
    ward: (code) => list.byCode.get(code),
  };
}

let shared: Places | undefined;

/**
 * The process's places, from the ward list shipped with the build (like the menus, not the
 * database): one per process, so each council's index is built once.
 */
export function sharedPlaces(): Places {
  shared ??= placesOf();
  return shared;
}
