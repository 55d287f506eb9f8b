/**
 * Routing rules and teams on real SQLite: filing, a departing staff member's complaints and a
 * reopened complaint whose owner left all follow the rules the same way; a rule with nobody
 * active falls back; a rule beats the ward officer. Rules and teams are made through the real
 * directory services, as the console makes them.
 */
import { reopenComplaint, resolveComplaint } from '../../src/complaints/actions';
import { saveRule, type RuleInput } from '../../src/directory/routing-rules';
import { addTeamMember, createTeam, removeTeamMember } from '../../src/directory/teams';
import type { StaffRow, TeamRow } from '../../db/schema';
import { complaintById, eventsOf, file, HOUR, openWorld, type World } from '../helpers/world';
import { deactivate, hqStaff, officer, supervisor } from '../helpers/staff';

let w: World;
let boss: StaffRow;
beforeEach(() => {
  w = openWorld();
  boss = hqStaff(w, { name: 'Zawadi HQ' });
});
afterEach(() => w.close());

const BAHI = 'DOD-BAD';
const MAKOLE = '41105';
const ctx = () => ({ now: w.clock.now(), reference: w.reference, actorId: boss.id });

function teamOf(name: string, members: StaffRow[], regionCode: string | null = 'DOD'): TeamRow {
  const t = createTeam(w.db, ctx(), { name, regionCode });
  if (!t.ok) throw new Error(t.refusal.code);
  for (const m of members) expect(addTeamMember(w.db, ctx(), t.value.id, m.id).ok).toBe(true);
  return t.value;
}

function rule(input: Partial<RuleInput> & Pick<RuleInput, 'target'>) {
  const r = saveRule(w.db, ctx(), null, {
    categoryCode: 'water',
    regionCode: 'DOD',
    councilCode: BAHI,
    ...input,
  });
  if (!r.ok) throw new Error(r.refusal.code);
  return r.value;
}

const fileWater = (council = BAHI, o: Parameters<typeof file>[1] = { council }) => {
  w.clock.advance(HOUR);
  return file(w, { ...o, council });
};

describe('filing', () => {
  test("when water in Bahi DC goes to a team, then its members share the complaints and the council's officer gets none", () => {
    const council = officer(w, 'DOD', { councils: [BAHI] });
    const asha = officer(w, 'DOD', { name: 'Asha', councils: ['DOD-DOC'] });
    const juma = officer(w, 'DOD', { name: 'Juma', councils: ['DOD-DOC'] });
    const t = teamOf('Maji Bahi', [asha, juma]);
    const r = rule({ target: { kind: 'team', teamId: t.id } });

    const owners = [0, 1, 2, 3].map(() => fileWater().assigneeId);
    const roads = file(w, { council: BAHI, category: 'roads' });

    expect(owners.filter((id) => id === asha.id)).toHaveLength(2);
    expect(owners.filter((id) => id === juma.id)).toHaveLength(2);
    expect(roads.assigneeId).toBe(council.id);
    const c = fileWater();
    expect(complaintById(w, c.id)).toMatchObject({ status: 'assigned', level: 'council' });
    const assigned = eventsOf(w, c.id).find((e) => e.type === 'assigned');
    expect(assigned?.note).toBe(`routing rule ${r.id}: team Maji Bahi`);
  });

  test('when a region rule and a council rule both apply, then the council rule wins there and the region rule elsewhere', () => {
    const regional = officer(w, 'DOD');
    const bahi = officer(w, 'DOD', { councils: ['DOD-DOC'] });
    rule({ councilCode: null, target: { kind: 'staff', staffId: regional.id } });
    rule({ target: { kind: 'staff', staffId: bahi.id } });

    expect(fileWater().assigneeId).toBe(bahi.id);
    expect(fileWater('DOD-KOD').assigneeId).toBe(regional.id);
  });

  test('when an everywhere rule sends corruption to a national team, then a member in another region gets a Dodoma complaint', () => {
    officer(w, 'DOD');
    const arusha = officer(w, 'ARU');
    const t = teamOf('Maadili', [arusha], null);
    rule({
      categoryCode: 'corruption',
      regionCode: null,
      councilCode: null,
      target: { kind: 'team', teamId: t.id },
    });

    expect(file(w, { council: BAHI, category: 'corruption' }).assigneeId).toBe(arusha.id);
  });

  test("when a rule applies to a ward officer's ward, then the rule wins; with its team emptied, the ward officer again", () => {
    const ward = officer(w, 'DOD', { wards: [MAKOLE] });
    const member = officer(w, 'DOD', { councils: ['DOD-KOD'] });
    const t = teamOf('Maji Dodoma', [member]);
    rule({ councilCode: 'DOD-DOC', target: { kind: 'team', teamId: t.id } });

    const ruled = fileWater('DOD-DOC', { council: 'DOD-DOC', ward: MAKOLE });
    expect(removeTeamMember(w.db, ctx(), t.id, member.id).ok).toBe(true);
    const fallback = fileWater('DOD-DOC', { council: 'DOD-DOC', ward: MAKOLE });

    expect([ruled.assigneeId, fallback.assigneeId]).toEqual([member.id, ward.id]);
  });

  test('when the rule’s staff member is deactivated, then filing falls back to the default assignment', () => {
    const council = officer(w, 'DOD', { councils: [BAHI] });
    const chosen = officer(w, 'DOD', { councils: ['DOD-DOC'] });
    rule({ target: { kind: 'staff', staffId: chosen.id } });
    deactivate(w, chosen);

    const c = fileWater();
    expect(c.assigneeId).toBe(council.id);
    expect(eventsOf(w, c.id).find((e) => e.type === 'assigned')?.note).toBeNull();
  });
});

describe('moving complaints', () => {
  test("when a team member leaves, then their open water complaints go to the other member, not the council's officer", () => {
    const council = officer(w, 'DOD', { councils: [BAHI] });
    const asha = officer(w, 'DOD', { councils: ['DOD-DOC'] });
    const t = teamOf('Maji Bahi', [asha]);
    rule({ target: { kind: 'team', teamId: t.id } });
    const mine = [fileWater(), fileWater()];
    const juma = officer(w, 'DOD', { councils: ['DOD-DOC'] });
    expect(addTeamMember(w.db, ctx(), t.id, juma.id).ok).toBe(true);
    expect(mine.map((c) => c.assigneeId)).toEqual([asha.id, asha.id]);

    expect(deactivate(w, asha)).toEqual({ reassigned: 2 });

    expect(mine.map((c) => complaintById(w, c.id).assigneeId)).toEqual([juma.id, juma.id]);
    expect(council.id).not.toBe(juma.id);
    const moved = eventsOf(w, mine[0]?.id ?? 0).find((e) => e.type === 'reassigned');
    expect(moved?.note).toMatch(/deactivated; routing rule \d+: team Maji Bahi$/);
  });

  test("when the team's last active member leaves, then their complaints go by the default assignment", () => {
    const council = officer(w, 'DOD', { councils: [BAHI] });
    const asha = officer(w, 'DOD', { councils: ['DOD-DOC'] });
    rule({ target: { kind: 'team', teamId: teamOf('Maji Bahi', [asha]).id } });
    const c = fileWater();
    expect(c.assigneeId).toBe(asha.id);

    deactivate(w, asha);

    expect(complaintById(w, c.id).assigneeId).toBe(council.id);
  });

  test('when a complaint is reopened and its owner has left, then the rule picks the new owner', () => {
    const council = officer(w, 'DOD', { councils: [BAHI] });
    supervisor(w, 'DOD');
    const c = fileWater();
    expect(c.assigneeId).toBe(council.id);
    expect(resolveComplaint(w.deps, council.id, c.number, 'Imerekebishwa').ok).toBe(true);
    const juma = officer(w, 'DOD', { councils: ['DOD-DOC'] });
    rule({ target: { kind: 'team', teamId: teamOf('Maji Bahi', [juma]).id } });
    deactivate(w, council);

    const r = reopenComplaint(w.deps, boss.id, c.number, 'Bado hakuna maji');

    expect(r.ok && r.complaint.assigneeId).toBe(juma.id);
    const moved = eventsOf(w, c.id).filter((e) => e.type === 'reassigned');
    expect(moved.map((e) => e.note)).toEqual([
      expect.stringMatching(/^reopened; owner inactive; routing rule \d+: team Maji Bahi$/),
    ]);
  });
});
