/**
 * The wards and villages a caller can name at the place step, per council: the index of each
 * council (src/reference/core/place-match.ts) built the first time a caller of that council types
 * a place (about a millisecond), then kept for the process; the ward list itself is read once at
 * start (src/reference/wards.ts).
 */
import { buildPlaceIndex, type PlaceIndex } from './core/place-match';
import { addPlaceKeys, type PlaceHit } from './core/place-guess';
import { loadWardList, type Ward, type WardList } from './wards';

export interface Places {
  /** The council's index; undefined when the council has no ward list (free text only). */
  index(councilCode: string): PlaceIndex | undefined;
  ward(code: string): Ward | undefined;
  /** The councils whose lists have the ward (two for a district two councils share). */
  councilsOf(wardCode: string): readonly string[];
  /**
   * Every ward and village of the country by name key, for reading where an SMS complaint is
   * (src/reference/core/place-guess.ts); undefined until `indexCountry` has finished.
   */
  country(): ReadonlyMap<string, readonly PlaceHit[]> | undefined;
  /**
   * Builds the country's index council by council (about a millisecond each), yielding to
   * the event loop between councils: started after the server listens, it never holds a caller.
   */
  indexCountry(): Promise<void>;
  /** The same, at once: for tests and the command line. */
  indexCountryNow(): void;
}

export function placesOf(list: WardList = loadWardList()): Places {
  const built = new Map<string, PlaceIndex>();
  let country: Map<string, PlaceHit[]> | undefined;
  let building: Promise<void> | undefined;
  const councils = [...list.byCouncil.entries()];
  return {
    country: () => country,
    indexCountryNow() {
      if (country) return;
      const into = new Map<string, PlaceHit[]>();
      for (const [code, wards] of councils) addPlaceKeys(into, code, wards);
      country = into;
    },
    indexCountry() {
      building ??= (async () => {
        const into = new Map<string, PlaceHit[]>();
        for (const [code, wards] of councils) {
          addPlaceKeys(into, code, wards);
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        country ??= into;
      })();
      return building;
    },
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
    councilsOf: (wardCode) => list.councilsOf.get(wardCode) ?? [],
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
