/**
 * Named views that menus refer to (`view: 'confirm'`): the lines of a screen that depend on the
 * session's data or the world. Pure given the context.
 */
import { formatCallbackReference } from '../../callbacks/core/reference';
import { formatComplaintNumber } from '../../complaints/core/numbers';
import { type SessionState, type UssdContext, type ViewName } from './types';
import { directDial } from '../../text/dial';
import { translate, type Text } from '../../text/translate';
import { formatDate } from '../../text/calendar';
import { codeLabel } from '../../text/labels';
import { decodePlace } from '../../reference/core/place-match';
import { PLACE_MATCH } from './recognisers';

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
  const match = decodePlace(state.data[PLACE_MATCH]);
  const ward = match ? ctx.wardName(match.wardCode) : undefined;
  if (match && ward !== undefined) {
    lines.push(
      match.village === undefined
        ? { key: 'file.confirm.ward', vars: { ward }, truncatable: true }
        : {
            key: 'file.confirm.wardVillage',
            vars: { ward, village: match.village },
            truncatable: true,
          },
    );
  } else if (place !== '') lines.push({ raw: place, truncatable: true });
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

/** What the service is, how to track in one dial (`*384*1234*<number>#`), the toll-free number. */
function helpView(state: SessionState, ctx: UssdContext): Text[] {
  const dial = directDial(ctx.serviceCode, translate('help.number', state.lang));
  const lines: Text[] = [{ key: 'help.body', vars: { dial } }];
  if (ctx.tollFreeNumber)
    lines.push({ key: 'help.tollFree', vars: { number: ctx.tollFreeNumber } });
  return lines;
}

/** What the call-back request holds: the region it goes to and what it is about. */
function callbackConfirmView(state: SessionState, ctx: UssdContext): Text[] {
  const { region = '', category = '' } = state.data;
  const name = ctx.regions().find((r) => r.code === region)?.label[state.lang] ?? region;
  return [
    { key: 'callback.confirm.region', vars: { region: name } },
    {
      key: 'callback.confirm.about',
      vars: { category: codeLabel('category', category, state.lang) },
    },
  ];
}

/** Why no new request: the one already open (its reference), else the daily limit. */
function callbackRefusedView(state: SessionState, ctx: UssdContext): Text[] {
  const open = ctx.openCallback();
  if (!open) return [{ key: 'callback.limit', vars: { limit: ctx.callbackDailyLimit } }];
  const reference = formatCallbackReference(open.reference);
  const category = codeLabel('category', open.categoryCode, state.lang);
  return [{ key: 'callback.existing', vars: { reference, category } }];
}

export const views: Record<ViewName, (state: SessionState, ctx: UssdContext) => Text[]> = {
  help: helpView,
  confirm: confirmView,
  done: (state) => [
    { key: 'file.done', vars: { number: formatComplaintNumber(state.data.number ?? '') } },
  ],
  detail: detailView,
  limit: (_state, ctx) => [{ key: 'file.limit', vars: { limit: ctx.dailyComplaintLimit } }],
  callbackConfirm: callbackConfirmView,
  callbackDone: (state) => [
    {
      key: 'callback.done',
      vars: { reference: formatCallbackReference(state.data.callbackRef ?? '') },
    },
  ],
  callbackRefused: callbackRefusedView,
};
