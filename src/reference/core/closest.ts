/**
 * The codes closest to one nobody knows, for "unknown council DAR-ILM": a code whose letters start
 * one of a unit's names or former names (ILM: Ilala, now Dar es Salaam City Council, DAR-DAC),
 * then codes a typo or two away. Pure.
 */

/** A region or council as the suggestions see it: its code and every name it is known by. */
export interface NamedUnit {
  code: string;
  /** Current names first (how it is shown), then former names and aliases. */
  names: readonly string[];
}

/** Pure. Edit distance with adjacent swaps (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      const row = d[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

const firstTwo = (s: string) =>
  s
    .replace(/[^A-Za-z]/g, '')
    .slice(0, 2)
    .toUpperCase();

/** The two letters a name is abbreviated by: its first word's (ILala), its capitals' (Dar es Salaam). */
function abbreviations(name: string): string[] {
  const words = name.split(/[\s/()-]+/).filter((w) => w !== '');
  const capitals = words.filter((w) => /^[A-Z]/.test(w)).map((w) => w[0] ?? '');
  return [firstTwo(words[0] ?? ''), capitals.slice(0, 2).join('')];
}

/**
 * Pure. The name of `unit` whose abbreviation the typed letters start with (ILM: Ilala; DSM: Dar
 * es Salaam), if any.
 */
export function nameMatched(letters: string, unit: NamedUnit): string | undefined {
  const start = firstTwo(letters);
  if (start.length < 2) return undefined;
  return unit.names.find((n) => abbreviations(n).includes(start));
}

/** The letters of a code that stand for the name: after the region's prefix for a council. */
const nameLetters = (code: string) => code.split('-').pop() ?? code;

/**
 * Pure. Up to `max` units for a code nobody knows: those whose name the code's letters start,
 * then those at most `maxDistance` edits away, nearest first. `units` should already be narrowed
 * (a council's region, when the typed region exists).
 */
export function closestUnits(
  typed: string,
  units: readonly NamedUnit[],
  { max = 3, maxDistance = 2 } = {},
): NamedUnit[] {
  const code = typed.trim().toUpperCase();
  return units
    .map((unit) => ({
      unit,
      byName: nameMatched(nameLetters(code), unit) !== undefined,
      distance: editDistance(code, unit.code),
    }))
    .filter((s) => s.byName || s.distance <= maxDistance)
    .sort((a, b) => Number(b.byName) - Number(a.byName) || a.distance - b.distance)
    .slice(0, max)
    .map((s) => s.unit);
}
