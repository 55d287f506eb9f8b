/**
 * Pure. The wards a staff member is given, as typed by whoever manages them: ward codes
 * (postcodes, `kero wards <council>` lists them) or ward names ("Makole", "kata ya Makole"),
 * looked up among the councils of the staff member's region (or the councils they cover, when
 * listed). A name several wards share is refused with their codes, never guessed.
 */
import { placeNameKey } from './place-match';
import type { Ward, WardList } from './ward-list';

export type WardProblem =
  | { kind: 'unknown'; token: string }
  | { kind: 'elsewhere'; token: string; ward: Ward }
  | { kind: 'outsideCouncils'; token: string; ward: Ward }
  | { kind: 'ambiguous'; token: string; choices: Ward[] };

export interface ResolvedWards {
  /** Kero's ward codes, each once, in the order given. */
  codes: string[];
  /** The region's councils those wards are in (an officer kept to wards covers these). */
  councils: string[];
  problems: WardProblem[];
}

const CODE = /^\d{5}(-\d+)?$/;

/**
 * `regionCouncils`: the councils of the staff member's region; `listed`: the councils they are
 * given (none: the whole region).
 */
export function resolveWards(
  tokens: readonly string[],
  list: WardList,
  regionCouncils: readonly string[],
  listed: readonly string[],
): ResolvedWards {
  const codes: string[] = [];
  const councils = new Set<string>();
  const problems: WardProblem[] = [];
  const inRegion = (code: string) =>
    (list.councilsOf.get(code) ?? []).filter((c) => regionCouncils.includes(c));
  const take = (token: string, ward: Ward) => {
    const where = inRegion(ward.code);
    if (where.length === 0) return problems.push({ kind: 'elsewhere', token, ward });
    if (listed.length > 0 && !where.some((c) => listed.includes(c))) {
      return problems.push({ kind: 'outsideCouncils', token, ward });
    }
    if (!codes.includes(ward.code)) codes.push(ward.code);
    for (const c of where) if (listed.length === 0 || listed.includes(c)) councils.add(c);
    return 0;
  };
  const named = (key: string, among: readonly string[]) => {
    const found = new Map<string, Ward>();
    for (const c of among) {
      for (const w of list.byCouncil.get(c) ?? []) {
        if (placeNameKey(w.name) === key && !found.has(w.code)) found.set(w.code, w);
      }
    }
    return [...found.values()];
  };
  for (const raw of tokens) {
    const token = raw.trim();
    if (token === '') continue;
    if (CODE.test(token)) {
      const ward = list.byCode.get(token);
      if (ward) take(token, ward);
      else problems.push({ kind: 'unknown', token });
      continue;
    }
    const key = placeNameKey(token);
    const choices = key === '' ? [] : named(key, listed.length > 0 ? listed : regionCouncils);
    const [only] = choices;
    if (choices.length > 1) problems.push({ kind: 'ambiguous', token, choices });
    else if (only) take(token, only);
    else {
      const inOtherCouncils = listed.length > 0 ? named(key, regionCouncils) : [];
      const [other] = inOtherCouncils;
      if (other) problems.push({ kind: 'outsideCouncils', token, ward: other });
      else problems.push({ kind: 'unknown', token });
    }
  }
  return { codes, councils: [...councils].sort(), problems };
}

/** Pure. Ward codes or names as one text field or flag holds them: separated by , or ;. */
export const wardTokens = (text: string): string[] =>
  text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
