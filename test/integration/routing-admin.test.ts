/**
 * Who may change routing rules and teams, on real SQLite through the directory services:
 * headquarters everything, a supervisor their own region only, an officer nothing; a refusal
 * changes nothing; every change leaves one audit row with the entity before and after.
 */
import { listAudit } from '../../src/audit/repository';
import { deleteRule, saveRule, type RuleInput } from '../../src/directory/routing-rules';
import {
  addTeamMember,
  createTeam,
  deleteTeam,
  removeTeamMember,
  renameTeam,
} from '../../src/directory/teams';
import type { StaffRow } from '../../db/schema';
import { openWorld, snapshot, type World } from '../helpers/world';
import { deactivate, hqStaff, officer, supervisor } from '../helpers/staff';

let w: World;
let hq: StaffRow;
let dodSup: StaffRow;
let dodOfficer: StaffRow;
let aruOfficer: StaffRow;
beforeEach(() => {
  w = openWorld();
  hq = hqStaff(w, { name: 'Zawadi HQ' });
  dodSup = supervisor(w, 'DOD', { name: 'Rehema DOD' });
  dodOfficer = officer(w, 'DOD', { name: 'Asha DOD' });
  aruOfficer = officer(w, 'ARU', { name: 'Baraka ARU' });
});
afterEach(() => w.close());

const as = (s: StaffRow) => ({ now: w.clock.now(), reference: w.reference, actorId: s.id });
const toStaff = (s: StaffRow) => ({ kind: 'staff' as const, staffId: s.id });
const water = (o: Partial<RuleInput> = {}): RuleInput => ({
  categoryCode: 'water',
  regionCode: 'DOD',
  councilCode: 'DOD-BAD',
  target: toStaff(dodOfficer),
  ...o,
});
const tables = () => {
  const rows = (t: string) => w.db.$client.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all();
  return {
    ...snapshot(w),
    rules: rows('routing_rules'),
    teams: rows('teams'),
    members: rows('team_members'),
    audit: rows('audit_log'),
  };
};
const refusal = (r: { ok: boolean; refusal?: { code: string } }) => (r.ok ? 'ok' : r.refusal?.code);

describe('rights on rules', () => {
  test.each([
    ['everywhere', { regionCode: null, councilCode: null }],
    ['Arusha', { regionCode: 'ARU', councilCode: null }],
    ['a council of Arusha', { regionCode: 'ARU', councilCode: 'ARU-ARC' }],
  ])(
    'when a Dodoma supervisor adds a rule for %s, then it is forbidden and nothing changes',
    (_w, place) => {
      const before = tables();
      expect(refusal(saveRule(w.db, as(dodSup), null, water(place)))).toBe('forbidden');
      expect(tables()).toEqual(before);
    },
  );

  test('when a Dodoma supervisor adds a rule for a Dodoma council to a Dodoma officer, then it is saved', () => {
    expect(refusal(saveRule(w.db, as(dodSup), null, water()))).toBe('ok');
  });

  test('when a supervisor sends their rule to another region’s officer or team, then it is refused', () => {
    const team = createTeam(w.db, as(hq), { name: 'Arusha maji', regionCode: 'ARU' });
    if (!team.ok) throw new Error('no team');
    const before = tables();
    expect(refusal(saveRule(w.db, as(dodSup), null, water({ target: toStaff(aruOfficer) })))).toBe(
      'targetOtherRegion',
    );
    const toTeam = { kind: 'team' as const, teamId: team.value.id };
    expect(refusal(saveRule(w.db, as(dodSup), null, water({ target: toTeam })))).toBe(
      'targetOtherRegion',
    );
    expect(tables()).toEqual(before);
  });

  test('when a supervisor edits or deletes a national or another region’s rule, then it is forbidden', () => {
    const national = saveRule(w.db, as(hq), null, water({ regionCode: null, councilCode: null }));
    const arusha = saveRule(w.db, as(hq), null, water({ regionCode: 'ARU', councilCode: null }));
    if (!national.ok || !arusha.ok) throw new Error('hq could not save');
    const before = tables();
    for (const id of [national.value.id, arusha.value.id]) {
      expect(refusal(saveRule(w.db, as(dodSup), id, water()))).toBe('forbidden');
      expect(refusal(deleteRule(w.db, as(dodSup), id))).toBe('forbidden');
    }
    expect(tables()).toEqual(before);
  });

  test('when an officer tries any change, then it is forbidden', () => {
    const mine = saveRule(w.db, as(hq), null, water());
    if (!mine.ok) throw new Error('no rule');
    const before = tables();
    expect(refusal(saveRule(w.db, as(dodOfficer), null, water({ councilCode: 'DOD-KOD' })))).toBe(
      'forbidden',
    );
    expect(refusal(deleteRule(w.db, as(dodOfficer), mine.value.id))).toBe('forbidden');
    expect(refusal(createTeam(w.db, as(dodOfficer), { name: 'Yetu', regionCode: 'DOD' }))).toBe(
      'forbidden',
    );
    expect(tables()).toEqual(before);
  });

  test.each([
    ['an unknown category', { categoryCode: 'weather' }, 'badCategory'],
    ['a council of another region', { councilCode: 'ARU-ARC' }, 'badPlace'],
    ['a council without its region', { regionCode: null }, 'badPlace'],
    ['an unknown staff member', { target: { kind: 'staff' as const, staffId: 999 } }, 'badTarget'],
    ['an unknown team', { target: { kind: 'team' as const, teamId: 999 } }, 'badTarget'],
  ])('when headquarters names %s, then the rule is refused', (_what, o, code) => {
    expect(refusal(saveRule(w.db, as(hq), null, water(o)))).toBe(code);
    expect(tables().rules).toEqual([]);
  });

  test('when a rule sends to a staff member who is inactive, then it is refused', () => {
    deactivate(w, dodOfficer);
    expect(refusal(saveRule(w.db, as(hq), null, water()))).toBe('badTarget');
  });

  test('when a second rule names the same category and place, then it is refused with the first one’s id', () => {
    const first = saveRule(w.db, as(hq), null, water());
    if (!first.ok) throw new Error('no rule');
    expect(saveRule(w.db, as(dodSup), null, water({ target: toStaff(dodSup) }))).toEqual({
      ok: false,
      refusal: { code: 'ruleExists', vars: { id: first.value.id } },
    });
  });
});

describe('rights on teams', () => {
  test('when a supervisor makes a national or another region’s team, then it is forbidden', () => {
    expect(refusal(createTeam(w.db, as(dodSup), { name: 'Taifa', regionCode: null }))).toBe(
      'forbidden',
    );
    expect(refusal(createTeam(w.db, as(dodSup), { name: 'Arusha', regionCode: 'ARU' }))).toBe(
      'forbidden',
    );
    expect(tables().teams).toEqual([]);
  });

  test('when a supervisor adds another region’s officer to their team, then it is refused; their own is added', () => {
    const t = createTeam(w.db, as(dodSup), { name: 'Maji Dodoma', regionCode: 'DOD' });
    if (!t.ok) throw new Error('no team');
    expect(refusal(addTeamMember(w.db, as(dodSup), t.value.id, aruOfficer.id))).toBe(
      'memberOtherRegion',
    );
    expect(refusal(addTeamMember(w.db, as(dodSup), t.value.id, dodOfficer.id))).toBe('ok');
    expect(refusal(addTeamMember(w.db, as(dodSup), t.value.id, dodOfficer.id))).toBe(
      'alreadyMember',
    );
  });

  test('when a national team is edited by a supervisor, then it is forbidden', () => {
    const t = createTeam(w.db, as(hq), { name: 'Taifa', regionCode: null });
    if (!t.ok) throw new Error('no team');
    expect(refusal(renameTeam(w.db, as(dodSup), t.value.id, 'Yetu'))).toBe('forbidden');
    expect(refusal(addTeamMember(w.db, as(dodSup), t.value.id, dodOfficer.id))).toBe('forbidden');
    expect(refusal(deleteTeam(w.db, as(dodSup), t.value.id))).toBe('forbidden');
  });

  test('when names clash in one region (any case), then refused; the same name in another region is fine', () => {
    expect(refusal(createTeam(w.db, as(hq), { name: 'Maji', regionCode: 'DOD' }))).toBe('ok');
    expect(refusal(createTeam(w.db, as(hq), { name: ' maji ', regionCode: 'DOD' }))).toBe(
      'nameTaken',
    );
    expect(refusal(createTeam(w.db, as(hq), { name: 'Maji', regionCode: 'ARU' }))).toBe('ok');
    expect(refusal(createTeam(w.db, as(hq), { name: 'M', regionCode: 'ARU' }))).toBe('badName');
  });

  test('when a rule sends complaints to a team, then the team cannot be deleted until the rule is gone', () => {
    const t = createTeam(w.db, as(hq), { name: 'Maji', regionCode: 'DOD' });
    if (!t.ok) throw new Error('no team');
    const r = saveRule(w.db, as(hq), null, water({ target: { kind: 'team', teamId: t.value.id } }));
    if (!r.ok) throw new Error('no rule');
    expect(deleteTeam(w.db, as(hq), t.value.id)).toEqual({
      ok: false,
      refusal: { code: 'teamInUse', vars: { count: 1 } },
    });
    expect(refusal(deleteRule(w.db, as(hq), r.value.id))).toBe('ok');
    expect(refusal(deleteTeam(w.db, as(hq), t.value.id))).toBe('ok');
    expect(tables().teams).toEqual([]);
  });
});

describe('the audit log', () => {
  test('when a team and a rule are made, changed and removed, then each change is one row: who, when, before, after', () => {
    const t0 = w.clock.now();
    const t = createTeam(w.db, as(dodSup), { name: 'Maji', regionCode: 'DOD' });
    if (!t.ok) throw new Error('no team');
    const id = t.value.id;
    w.clock.advance(1000);
    addTeamMember(w.db, as(dodSup), id, dodOfficer.id);
    renameTeam(w.db, as(hq), id, 'Maji Dodoma');
    const r = saveRule(w.db, as(dodSup), null, water({ target: { kind: 'team', teamId: id } }));
    if (!r.ok) throw new Error('no rule');
    saveRule(w.db, as(hq), r.value.id, water({ councilCode: null, target: toStaff(dodSup) }));
    deleteRule(w.db, as(hq), r.value.id);
    removeTeamMember(w.db, as(hq), id, dodOfficer.id);
    saveRule(w.db, as(dodOfficer), null, water()); // refused: no row

    const rows = listAudit(w.db, { kinds: ['team', 'routing_rule'] }).reverse();
    const asha = { id: dodOfficer.id, name: 'Asha DOD' };
    const teamThen = { team: { id, name: 'Maji Dodoma' } };
    const ruleAt = (council: string | null) => ({
      category: 'water',
      region: 'DOD',
      council,
    });
    expect(rows.map((a) => [a.actorStaffId, a.entityKind, a.entityId, a.action])).toEqual([
      [dodSup.id, 'team', String(id), 'create'],
      [dodSup.id, 'team', String(id), 'add_member'],
      [hq.id, 'team', String(id), 'rename'],
      [dodSup.id, 'routing_rule', String(r.value.id), 'create'],
      [hq.id, 'routing_rule', String(r.value.id), 'update'],
      [hq.id, 'routing_rule', String(r.value.id), 'delete'],
      [hq.id, 'team', String(id), 'remove_member'],
    ]);
    expect(rows.map((a) => a.at)).toEqual([t0, ...Array<number>(6).fill(t0 + 1000)]);
    expect(rows.map((a) => [a.before, a.after])).toEqual([
      [null, { name: 'Maji', region: 'DOD', members: [] }],
      [
        { name: 'Maji', region: 'DOD', members: [] },
        { name: 'Maji', region: 'DOD', members: [asha] },
      ],
      [
        { name: 'Maji', region: 'DOD', members: [asha] },
        { name: 'Maji Dodoma', region: 'DOD', members: [asha] },
      ],
      [null, { ...ruleAt('DOD-BAD'), ...teamThen }],
      [
        { ...ruleAt('DOD-BAD'), ...teamThen },
        { ...ruleAt(null), staff: { id: dodSup.id, name: 'Rehema DOD' } },
      ],
      [{ ...ruleAt(null), staff: { id: dodSup.id, name: 'Rehema DOD' } }, null],
      [
        { name: 'Maji Dodoma', region: 'DOD', members: [asha] },
        { name: 'Maji Dodoma', region: 'DOD', members: [] },
      ],
    ]);
  });
});
