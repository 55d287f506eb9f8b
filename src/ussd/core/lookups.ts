/**
 * Named option lists that menus refer to (`lookup: 'regions'`). Pure given the context.
 */
import { formatComplaintNumber } from '../../complaints/core/numbers';
import { codeLabel } from '../../text/labels';
import type { Text } from '../../text/translate';
import { decodePlace } from '../../reference/core/place-match';
import { placeChoices } from './recognisers';
import type { ListItem, LookupName, SessionState, UssdContext } from './types';

export const RECENT_COMPLAINTS = 5;

/** A ward ("Kata Makole") or a village in its ward ("Chamwino, kata Makole"). */
export function placeLabel(value: string, ctx: UssdContext): Text {
  const match = decodePlace(value);
  const ward = match ? (ctx.wardName(match.wardCode) ?? match.wardCode) : '';
  return match?.village === undefined
    ? { key: 'place.ward', vars: { ward } }
    : { key: 'place.village', vars: { ward, village: match.village } };
}

export const lookups: Record<LookupName, (state: SessionState, ctx: UssdContext) => ListItem[]> = {
  regions: (state, ctx) =>
    ctx.regions().map((r) => ({ value: r.code, label: { raw: r.label[state.lang] } })),
  councils: (state, ctx) =>
    ctx
      .councils(state.data.region ?? '')
      .map((c) => ({ value: c.code, label: { raw: c.label[state.lang] } })),
  categories: (state, ctx) =>
    ctx
      .categories()
      .map((code) => ({ value: code, label: { raw: codeLabel('category', code, state.lang) } })),
  // The wards and villages a typed place could be, then "none of these" (the text as typed).
  placeChoices: (state, ctx) => [
    ...placeChoices(state.data).map((value) => ({ value, label: placeLabel(value, ctx) })),
    { value: '', label: { key: 'file.place.none' } },
  ],
  myComplaints: (state, ctx) =>
    ctx.recentComplaints(RECENT_COMPLAINTS).map((c) => ({
      value: c.number,
      label: {
        key: 'mine.item',
        vars: {
          number: formatComplaintNumber(c.number),
          category: codeLabel('category', c.categoryCode, state.lang),
          status: codeLabel('status', c.status, state.lang),
        },
      },
    })),
};
