/**
 * Named views that menus refer to (`view: 'confirm'`): the lines of a screen that depend on the
 * session's data or the world. Pure given the context.
 */
import { formatComplaintNumber } from '../complaints/numbers';
import { codeLabel } from './lookups';
import type { SessionState, Text, UssdContext, ViewName } from './types';

/** East Africa Time is UTC+3 all year (no daylight saving). */
const EAT_OFFSET_MS = 3 * 60 * 60 * 1000;

/** Pure. dd/mm/yyyy in Tanzanian time. */
export function formatDate(ms: number): string {
  const d = new Date(ms + EAT_OFFSET_MS);
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

/** Pure. Milliseconds at the start of the Tanzanian calendar day that contains `ms`. */
export function startOfDayEat(ms: number): number {
  const day = 24 * 60 * 60 * 1000;
  return Math.floor((ms + EAT_OFFSET_MS) / day) * day - EAT_OFFSET_MS;
}

function confirmView(state: SessionState, ctx: UssdContext): Text[] {
  const { region = '', council = '', category = '', place = '', description = '' } = state.data;
  const regionName = ctx.regions().find((r) => r.code === region)?.label[state.lang] ?? region;
  const councilName =
    ctx.councils(region).find((c) => c.code === council)?.label[state.lang] ?? council;
  const lines: Text[] = [
    { raw: `${regionName}, ${councilName}` },
    { key: 'file.confirm.type', vars: { category: codeLabel('category', category, state.lang) } },
  ];
  if (state.data.anonymous === 'yes') lines.push({ key: 'file.confirm.anonymous' });
  if (place !== '') lines.push({ raw: place, truncatable: true });
  lines.push({ raw: `"${description}"`, truncatable: true });
  return lines;
}

function detailView(state: SessionState, ctx: UssdContext): Text[] {
  const c = ctx.findComplaint(state.data.trackNumber ?? '');
  if (!c) return [{ key: 'track.errorNotFound' }];
  const lines: Text[] = [
    { key: 'detail.title', vars: { number: formatComplaintNumber(c.number) } },
    { key: 'detail.status', vars: { status: codeLabel('status', c.status, state.lang) } },
    { key: 'detail.council', vars: { council: c.councilLabel[state.lang] } },
    { key: 'detail.date', vars: { date: formatDate(c.createdAt) } },
  ];
  // The description is private to the phone that filed the complaint.
  if (c.citizenPhone === ctx.phone) lines.push({ raw: `"${c.description}"`, truncatable: true });
  return lines;
}

export const views: Record<ViewName, (state: SessionState, ctx: UssdContext) => Text[]> = {
  help: (_state, ctx) => [
    { key: 'help.body' },
    ...(ctx.tollFreeNumber
      ? [{ key: 'help.tollFree' as const, vars: { number: ctx.tollFreeNumber } }]
      : []),
  ],
  confirm: confirmView,
  done: (state) => [
    { key: 'file.done', vars: { number: formatComplaintNumber(state.data.number ?? '') } },
  ],
  detail: detailView,
  limit: (_state, ctx) => [{ key: 'file.limit', vars: { limit: ctx.dailyComplaintLimit } }],
};
