/**
 * One complaint: every field, the history, and the actions its status and the viewer's role
 * allow (each a plain form; the refusals the services give are shown in the viewer's words).
 */
import { formatCallbackReference } from '../../callbacks/core/reference';
import type { ComplaintRow } from '../../../db/schema';
import { formatComplaintNumber } from '../../complaints/core/numbers';
import type { ReferenceData } from '../../reference/types';
import type { WorkingHours } from '../../text/calendar';
import { codeLabel } from '../../text/labels';
import type { Lang } from '../../text/translate';
import type { OtherComplaint } from '../../complaints/detail';
import type { SavedReplyChoice } from '../core/composer';
import { dateTime, maskedPhone, slaBadge } from '../core/format';
import { t, tKey } from '../core/words';
import { describedBy, Field, PostForm, Select, type Choice } from './forms';
import { renderPage, type Frame } from './layout';
import { Timeline, type TimelineInput } from './timeline';
import { CitizenComplaints } from './citizen-complaints';
import { Composer, type ReplyDraft } from './composer';

export interface ComplaintPageView {
  frame: Frame;
  lang: Lang;
  now: number;
  hours: WorkingHours;
  reference: ReferenceData;
  complaint: ComplaintRow;
  ownerName: string | null;
  timeline: TimelineInput;
  csrf: string;
  /** Staff the viewer may assign it to (none: the viewer may not assign). */
  assignees: Choice[];
  viewerId: number;
  /** The phone, once the viewer asked for it with a reason (this response only). */
  shownPhone?: string;
  /** What the reply box held, and its preview, when the page is redrawn for them. */
  draft?: ReplyDraft;
  /** The saved replies the composer offers, filled in for this complaint. */
  savedReplies: SavedReplyChoice[];
  /** The citizen's other complaints the viewer may see (none when anonymous). */
  others: OtherComplaint[];
  /** The field of the form that failed, for its error message. */
  fieldError?: { field: string; text: string };
  cluster: ClusterView;
  /** The ward the place was recognised as (src/reference/wards.ts), when it was. */
  ward?: { name: string; postcode: string | null };
  /** The call-back request this call was logged from. */
  fromCallback?: string;
}

/** The place as typed, and the ward and village it was recognised as, when it was. */
function placeFacts(v: ComplaintPageView): [string, string][] {
  const { lang, complaint: c, ward } = v;
  const typed = c.place ?? t('common.none', lang);
  if (!ward) return [[t('complaint.place', lang), typed]];
  return [
    [t('complaint.placeTyped', lang), typed],
    [
      t('complaint.ward', lang),
      ward.postcode === null
        ? ward.name
        : t('complaint.wardPostcode', lang, { name: ward.name, postcode: ward.postcode }),
    ],
    ...(c.village === null ? [] : [[t('complaint.village', lang), c.village] as [string, string]]),
  ];
}

function Facts({ v }: { v: ComplaintPageView }) {
  const { lang, complaint: c, reference: ref } = v;
  const region = ref.regions.find((r) => r.code === c.regionCode)?.label[lang] ?? c.regionCode;
  const badge = slaBadge(v.now, c.dueAt, v.hours, lang);
  const facts: [string, preact.ComponentChildren][] = [
    [t('complaint.status', lang), codeLabel('status', c.status, lang)],
    [t('complaint.category', lang), codeLabel('category', c.categoryCode, lang)],
    [t('complaint.region', lang), region],
    [t('complaint.council', lang), ref.councilLabels.get(c.councilCode)?.[lang] ?? c.councilCode],
    ...placeFacts(v),
    [t('complaint.channel', lang), tKey(`channel.${c.channel}`, lang)],
    ...(v.fromCallback
      ? ([
          [
            t('cb.fact.fromRequest', lang),
            <a href={`/console/callbacks/${v.fromCallback}`}>
              {formatCallbackReference(v.fromCallback)}
            </a>,
          ],
        ] as [string, preact.ComponentChildren][])
      : []),
    [t('complaint.level', lang), tKey(`level.${c.level}`, lang)],
    [t('complaint.filed', lang), dateTime(c.createdAt)],
    [t('complaint.assignee', lang), v.ownerName ?? t('common.unassigned', lang)],
    [t('complaint.deadline', lang), <span class={`badge ${badge.kind}`}>{badge.text}</span>],
    [t('complaint.language', lang), tKey(`lang.${c.language}`, lang)],
    ...(c.rating === null
      ? []
      : ([
          [t('complaint.rating', lang), t('complaint.ratingValue', lang, { rating: c.rating })],
        ] as [string, string][])),
  ];
  return (
    <section class="panel" aria-labelledby="details">
      <h2 id="details">{t('complaint.details', lang)}</h2>
      <dl class="facts">
        {facts.map(([k, val]) => [<dt key={`${k}t`}>{k}</dt>, <dd key={`${k}d`}>{val}</dd>])}
      </dl>
      <p class="label">{t('complaint.description', lang)}</p>
      <blockquote>{c.description}</blockquote>
      <Citizen v={v} />
    </section>
  );
}

function Citizen({ v }: { v: ComplaintPageView }) {
  const { lang, complaint: c } = v;
  if (c.anonymous)
    return (
      <p>
        <strong>{t('complaint.citizen', lang)}:</strong> {t('complaint.anonymous', lang)}
      </p>
    );
  if (v.shownPhone)
    return (
      <p>
        <strong>{t('complaint.citizen', lang)}:</strong>{' '}
        <a href={`tel:${v.shownPhone}`}>{v.shownPhone}</a>
      </p>
    );
  const err = v.fieldError?.field === 'reason' ? v.fieldError.text : undefined;
  const hint = t('complaint.showReasonHint', lang);
  return (
    <PostForm action={`/console/c/${c.number}/phone`} csrf={v.csrf}>
      <p>
        <strong>{t('complaint.citizen', lang)}:</strong> {maskedPhone(c.citizenPhone)}
      </p>
      <Field id="reason" label={t('complaint.showReason', lang)} hint={hint} error={err}>
        <input
          type="text"
          id="reason"
          name="reason"
          maxLength={200}
          aria-describedby={describedBy('reason', hint, err)}
        />
      </Field>
      <button type="submit" class="secondary">
        {t('complaint.showNumber', lang)}
      </button>
    </PostForm>
  );
}

function TextAction(p: {
  v: ComplaintPageView;
  action: string;
  name: string;
  label: string;
  hint?: string;
  button: string;
  extra?: preact.ComponentChildren;
}) {
  const { v } = p;
  const id = `${p.action}-${p.name}`;
  const err = v.fieldError?.field === id ? v.fieldError.text : undefined;
  return (
    <PostForm action={`/console/c/${v.complaint.number}/${p.action}`} csrf={v.csrf}>
      <Field id={id} label={p.label} hint={p.hint} error={err}>
        <textarea
          id={id}
          name={p.name}
          rows={3}
          aria-describedby={describedBy(id, p.hint, err)}
        ></textarea>
      </Field>
      {p.extra}
      <button type="submit">{p.button}</button>
    </PostForm>
  );
}

function Actions({ v }: { v: ComplaintPageView }) {
  const { lang, complaint: c } = v;
  const open = ['received', 'assigned', 'in_progress'].includes(c.status);
  const button = (action: string, label: string) => (
    <PostForm action={`/console/c/${c.number}/${action}`} csrf={v.csrf}>
      <button type="submit" class="secondary">
        {label}
      </button>
    </PostForm>
  );
  return (
    <section class="panel no-print" aria-labelledby="actions">
      <h2 id="actions">{t('complaint.actions', lang)}</h2>
      {open && (
        <Composer
          v={{
            lang,
            number: c.number,
            csrf: v.csrf,
            savedReplies: v.savedReplies,
            draft: v.draft,
            fieldError: v.fieldError,
          }}
        />
      )}
      <TextAction
        v={v}
        action="note"
        name="text"
        label={t('complaint.note', lang)}
        hint={t('complaint.noteHint', lang)}
        button={t('complaint.noteButton', lang)}
      />
      {open && c.assigneeId !== v.viewerId && button('take', t('complaint.take', lang))}
      {open && v.assignees.length > 0 && (
        <PostForm action={`/console/c/${c.number}/assign`} csrf={v.csrf}>
          <Field id="assign-to" label={t('complaint.assignTo', lang)}>
            <Select id="assign-to" name="staffId" value="" blank="" choices={v.assignees} />
          </Field>
          <button type="submit">{t('complaint.assignButton', lang)}</button>
        </PostForm>
      )}
      {c.status === 'assigned' && button('start', t('complaint.start', lang))}
      {open && (
        <TextAction
          v={v}
          action="resolve"
          name="note"
          label={t('complaint.resolveNote', lang)}
          hint={t('complaint.resolveHint', lang)}
          button={t('complaint.resolveButton', lang)}
        />
      )}
      {!open && (
        <TextAction
          v={v}
          action="reopen"
          name="reason"
          label={t('complaint.reopenReason', lang)}
          button={t('complaint.reopenButton', lang)}
        />
      )}
    </section>
  );
}

export function complaintPage(v: ComplaintPageView): string {
  const { lang, complaint: c } = v;
  return renderPage(
    v.frame,
    <>
      <p class="no-print">
        <a href="/console">{t('common.back', lang)}</a>
      </p>
      <h1>{t('complaint.title', lang, { number: formatComplaintNumber(c.number) })}</h1>
      <div class="grid two">
        <div>
          <Facts v={v} />
          <CitizenComplaints
            v={{ lang, reference: v.reference, anonymous: c.anonymous, others: v.others }}
          />
          <ClusterSection v={v} />
          <section class="panel" aria-labelledby="history">
            <h2 id="history">{t('complaint.timeline', lang)}</h2>
            <Timeline input={v.timeline} />
          </section>
        </div>
        <Actions v={v} />
      </div>
    </>,
  );
}

export interface ClusterView {
  /** The cluster's complaints the viewer may see (this one left out). */
  similar: ComplaintRow[];
  /** Complaints linked under this one. */
  linked: ComplaintRow[];
  /** The lead this complaint is linked under, when it is (and the viewer may see it). */
  lead?: ComplaintRow | undefined;
  /** Whether the viewer may link and handle the group (a supervisor of the region, HQ). */
  canLead: boolean;
  /** How many complaints each similar one leads (those leading none left out). */
  leaders: Map<string, number>;
  /** The numbers of the leads that similar complaints are linked under, by the lead's id. */
  leadNumbers: Map<number, string>;
}

function ClusterRow({ v, c, select }: { v: ComplaintPageView; c: ComplaintRow; select: boolean }) {
  const { lang } = v;
  const number = formatComplaintNumber(c.number);
  const here = c.leadId === v.complaint.id;
  const leads = v.cluster.leaders.get(c.number);
  const mark = here
    ? t('cluster.linkedMark', lang)
    : c.leadId !== null
      ? t('cluster.elsewhere', lang, {
          number: formatComplaintNumber(v.cluster.leadNumbers.get(c.leadId) ?? ''),
        })
      : leads
        ? t('cluster.leads', lang, { count: leads })
        : '';
  return (
    <li>
      {select && !here && c.leadId === null && !v.cluster.leaders.has(c.number) && (
        <input
          type="checkbox"
          name="numbers"
          value={c.number}
          id={`link-${c.number}`}
          aria-label={`${t('queue.col.select', lang)} ${number}`}
        />
      )}{' '}
      <a href={`/console/c/${c.number}`}>{number}</a> · {codeLabel('status', c.status, lang)} ·{' '}
      {c.place ?? ''} · <span class="meta">{dateTime(c.createdAt)}</span>
      {mark && <span class="meta"> · {mark}</span>}
    </li>
  );
}

/** The similar complaints, the link form for supervisors, and the group actions on a lead. */
export function ClusterSection({ v }: { v: ComplaintPageView }) {
  const { lang, complaint: c, cluster } = v;
  const select = cluster.canLead && c.leadId === null;
  const open = ['received', 'assigned', 'in_progress'].includes(c.status);
  const list = (
    <ul class="plain">
      {cluster.similar.map((o) => (
        <ClusterRow key={o.id} v={v} c={o} select={select} />
      ))}
    </ul>
  );
  return (
    <section class="panel" id="cluster" aria-labelledby="cluster-title">
      <h2 id="cluster-title">{t('cluster.title', lang)}</h2>
      <p class="hint">{t('cluster.hint', lang)}</p>
      {cluster.lead && (
        <p>
          <strong>
            {t('cluster.linkedUnder', lang, { number: formatComplaintNumber(cluster.lead.number) })}
          </strong>{' '}
          <a href={`/console/c/${cluster.lead.number}`}>
            {formatComplaintNumber(cluster.lead.number)}
          </a>
        </p>
      )}
      {cluster.similar.length === 0 ? (
        <p>{t('cluster.none', lang)}</p>
      ) : select ? (
        <PostForm action={`/console/c/${c.number}/link`} csrf={v.csrf}>
          {list}
          <p class="hint">{t('cluster.linkHint', lang)}</p>
          <button type="submit" class="secondary">
            {t('cluster.link', lang)}
          </button>
        </PostForm>
      ) : (
        list
      )}
      {cluster.linked.length > 0 && (
        <>
          <h3>{t('cluster.linkedTitle', lang)}</h3>
          <ul class="plain">
            {cluster.linked.map((o) => (
              <li key={o.id}>
                <a href={`/console/c/${o.number}`}>{formatComplaintNumber(o.number)}</a> ·{' '}
                {codeLabel('status', o.status, lang)}
                {cluster.canLead && (
                  <PostForm action={`/console/c/${c.number}/unlink`} csrf={v.csrf} class="inline">
                    <input type="hidden" name="number" value={o.number} />
                    <button
                      type="submit"
                      class="secondary small"
                      aria-label={`${t('cluster.unlink', lang)} ${formatComplaintNumber(o.number)}`}
                    >
                      {t('cluster.unlink', lang)}
                    </button>
                  </PostForm>
                )}
              </li>
            ))}
          </ul>
          {cluster.canLead && open && (
            <>
              <GroupForm v={v} kind="reply" />
              <GroupForm v={v} kind="resolve" />
            </>
          )}
        </>
      )}
    </section>
  );
}

function GroupForm({ v, kind }: { v: ComplaintPageView; kind: 'reply' | 'resolve' }) {
  const { lang, complaint: c } = v;
  const id = `group-${kind}`;
  const hint = t(kind === 'reply' ? 'cluster.groupReplyHint' : 'cluster.groupResolveHint', lang);
  const err = v.fieldError?.field === id ? v.fieldError.text : undefined;
  return (
    <PostForm action={`/console/c/${c.number}/group-${kind}`} csrf={v.csrf}>
      <Field
        id={id}
        label={t(kind === 'reply' ? 'cluster.groupReply' : 'cluster.groupResolve', lang)}
        hint={hint}
        error={err}
      >
        <textarea
          id={id}
          name="text"
          rows={3}
          maxLength={1000}
          aria-describedby={describedBy(id, hint, err)}
        ></textarea>
      </Field>
      <button type="submit" class={kind === 'resolve' ? 'warning' : undefined}>
        {t(kind === 'reply' ? 'cluster.groupReplyButton' : 'cluster.groupResolveButton', lang)}
      </button>
    </PostForm>
  );
}
