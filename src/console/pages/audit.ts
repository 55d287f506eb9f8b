/** The audit log's latest rows of some kinds, in the viewer's words (rules, teams, categories). */
import { listAudit } from '../../audit/repository';
import { staffNames } from '../../staff/repository';
import { auditText } from '../core/audit-text';
import { dateTime } from '../core/format';
import { t, tKey } from '../core/words';
import type { ConsoleDeps, Viewer } from '../deps';
import type { AuditItem } from '../views/audit';

export function auditItemsOf(
  deps: ConsoleDeps,
  v: Viewer,
  kinds: readonly string[],
  limit = 50,
): AuditItem[] {
  const rows = listAudit(deps.db, { kinds, limit });
  const names = staffNames(
    deps.db,
    rows.flatMap((a) => (a.actorStaffId === null ? [] : [a.actorStaffId])),
  );
  const text = (kind: string, value: unknown) => auditText(kind, value, deps.reference, v.lang);
  return rows.map((a) => ({
    id: a.id,
    when: dateTime(a.at),
    who: a.actorStaffId === null ? t('audit.system', v.lang) : (names.get(a.actorStaffId) ?? '?'),
    what: tKey(`audit.kind.${a.entityKind}`, v.lang, { id: a.entityId }),
    action: tKey(`audit.action.${a.action}`, v.lang),
    before: text(a.entityKind, a.before),
    after: text(a.entityKind, a.after),
  }));
}
