/**
 * One complaint's history as one list: its events and the SMS it caused, oldest first. Staff
 * replies and resolutions show the SMS they sent with its delivery state; internal notes look
 * different and say so; the citizen's own words are quoted.
 */
import type { EventRow, OutboxRow } from '../../../db/schema';
import { formatComplaintNumber } from '../../complaints/core/numbers';
import { codeLabel } from '../../text/labels';
import type { Lang } from '../../text/translate';
import { dateTime } from '../core/format';
import { t, tKey, type WordKey } from '../core/words';

export interface TimelineInput {
  lang: Lang;
  events: EventRow[];
  sms: OutboxRow[];
  names: Map<number, string>;
  citizenPhone: string;
  /** Names of staff by phone, for SMS sent to staff. */
  staffByPhone: Map<string, string>;
}

type Item = { at: number; order: number; node: preact.JSX.Element };

/** The delivery state of an SMS, in words. */
export function deliveryText(sms: OutboxRow, lang: Lang): string {
  if (sms.deliveryStatus === 'Success') return t('delivery.delivered', lang);
  if (
    sms.status === 'failed' ||
    ['Failed', 'Rejected', 'AbsentSubscriber', 'Expired'].includes(sms.deliveryStatus ?? '')
  ) {
    return t('delivery.failed', lang);
  }
  if (sms.status === 'sent') return t('delivery.sent', lang);
  if (sms.status === 'sending') return t('delivery.sending', lang);
  // Held back by quiet hours: it goes when they end.
  if (sms.heldUntil !== null) return t('delivery.held', lang, { time: dateTime(sms.heldUntil) });
  return t('delivery.queued', lang);
}

const SIMPLE: Record<string, WordKey> = {
  reopened: 'timeline.reopened',
  sla_breach: 'timeline.sla_breach',
  closed: 'timeline.closed',
  citizen_message: 'timeline.citizen_message',
};

function title(e: EventRow, input: TimelineInput): string {
  const { lang } = input;
  const name = (id: number | null) => (id === null ? '' : (input.names.get(id) ?? `#${id}`));
  const owner = e.assigneeId === null ? t('common.hqQueue', lang) : name(e.assigneeId);
  switch (e.type) {
    case 'received':
      return e.staffId === null
        ? t('timeline.received', lang)
        : t('timeline.receivedByStaff', lang, { name: name(e.staffId) });
    case 'assigned':
      return e.assigneeId === null
        ? t('timeline.assignedNobody', lang)
        : t('timeline.assigned', lang, { name: owner });
    case 'reassigned':
      return t('timeline.reassigned', lang, { name: owner });
    case 'taken':
    case 'reply':
    case 'note':
    case 'resolved':
    case 'phone_shown':
    case 'triaged':
      return tKey(`timeline.${e.type}`, lang, { name: name(e.staffId) });
    case 'status':
      return t('timeline.status', lang, { status: codeLabel('status', e.toStatus ?? '', lang) });
    case 'escalated':
      return t('timeline.escalated', lang, { level: owner });
    case 'linked':
      return t('timeline.linked', lang, {
        name: name(e.staffId),
        number: formatComplaintNumber(e.note ?? ''),
      });
    case 'lead':
      return t('timeline.lead', lang, {
        name: name(e.staffId),
        numbers: (e.note ?? '').split(' ').map(formatComplaintNumber).join(', '),
      });
    case 'unlinked':
      return t('timeline.unlinked', lang, { name: name(e.staffId) });
    case 'rated':
      return t('timeline.rated', lang, { rating: e.note ?? '' });
    default:
      return SIMPLE[e.type]
        ? t(SIMPLE[e.type] as WordKey, lang)
        : t('timeline.other', lang, { type: e.type });
  }
}

function EventItem({
  e,
  input,
  sms,
}: {
  e: EventRow;
  input: TimelineInput;
  sms?: OutboxRow | undefined;
}) {
  const { lang } = input;
  const kind = e.type === 'note' ? 'note' : e.type === 'citizen_message' ? 'citizen' : undefined;
  const quoted =
    ['reply', 'note', 'resolved', 'citizen_message', 'reopened', 'status'].includes(e.type) &&
    e.note;
  return (
    <li class={kind}>
      <strong>{title(e, input)}</strong>{' '}
      <span class="meta">
        {dateTime(e.createdAt)} · {tKey(`timeline.by.${e.source}`, lang)}
        {kind === 'note' && ` · ${t('timeline.internal', lang)}`}
        {e.type === 'phone_shown' && e.note && ` · ${e.note}`}
      </span>
      {quoted && <blockquote>{e.note}</blockquote>}
      {sms && (
        <p class="meta">
          {t('timeline.sms', lang)}: {deliveryText(sms, lang)}
        </p>
      )}
    </li>
  );
}

function SmsItem({ sms, input }: { sms: OutboxRow; input: TimelineInput }) {
  const { lang } = input;
  const to =
    sms.toPhone === input.citizenPhone
      ? t('timeline.sms', lang)
      : t('timeline.smsStaff', lang, { name: input.staffByPhone.get(sms.toPhone) ?? '' });
  return (
    <li class="sms">
      <strong>{to}</strong>{' '}
      <span class="meta">
        {dateTime(sms.createdAt)} · {deliveryText(sms, lang)}
      </span>
      <blockquote>{sms.body}</blockquote>
    </li>
  );
}

export function Timeline({ input }: { input: TimelineInput }) {
  const linked = new Set(
    input.events.map((e) => e.smsId).filter((id): id is number => id !== null),
  );
  const byId = new Map(input.sms.map((s) => [s.id, s]));
  const items: Item[] = [
    ...input.events.map((e) => ({
      at: e.createdAt,
      order: 0,
      node: (
        <EventItem
          key={`e${e.id}`}
          e={e}
          input={input}
          sms={e.smsId === null ? undefined : byId.get(e.smsId)}
        />
      ),
    })),
    ...input.sms
      .filter((s) => !linked.has(s.id))
      .map((s) => ({
        at: s.createdAt,
        order: 1,
        node: <SmsItem key={`s${s.id}`} sms={s} input={input} />,
      })),
  ];
  items.sort((a, b) => a.at - b.at || a.order - b.order);
  return <ol class="timeline">{items.map((i) => i.node)}</ol>;
}
