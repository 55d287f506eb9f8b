/**
 * The routing decision (src/complaints/core/routing.ts): the most specific rule of the category
 * that covers the place and has an active member wins, a team gives it to its least loaded active
 * member, and with no such rule the default assignment (ward officers first) decides.
 */
import type { Candidate } from '../../src/complaints/core/assignment';
import {
  routeComplaint,
  rulesFor,
  scopeOf,
  targetOwner,
  type RoutingInput,
  type RoutingRule,
  type RuleTarget,
  type Team,
} from '../../src/complaints/core/routing';

const REGION = 'DOD';
const COUNCIL = 'DOD-BAD';
const OTHER_COUNCIL = 'DOD-KOD';
const WARD = '41105';
const PLACE = { regionCode: REGION, councilCode: COUNCIL };

function staff(id: number, o: Partial<Omit<Candidate, 'id'>> = {}): Candidate {
  return {
    id,
    role: 'officer',
    regionCode: REGION,
    active: true,
    councils: [],
    wards: [],
    openComplaints: 0,
    lastAssignedAt: null,
    ...o,
  };
}

let nextRule = 100;
const toStaff = (staffId: number): RuleTarget => ({ kind: 'staff', staffId });
const toTeam = (teamId: number): RuleTarget => ({ kind: 'team', teamId });
function rule(
  where: 'council' | 'region' | 'everywhere',
  target: RuleTarget,
  o: Partial<RoutingRule> = {},
): RoutingRule {
  return {
    id: ++nextRule,
    categoryCode: 'water',
    regionCode: where === 'everywhere' ? null : REGION,
    councilCode: where === 'council' ? COUNCIL : null,
    target,
    ...o,
  };
}
const team = (id: number, members: number[], regionCode: string | null = REGION): Team => ({
  id,
  name: `Team ${id}`,
  regionCode,
  members,
});

const route = (o: Partial<RoutingInput>) =>
  routeComplaint({
    candidates: [],
    rules: [],
    teams: [],
    place: PLACE,
    categoryCode: 'water',
    ...o,
  });

describe('scopeOf and rulesFor', () => {
  test('when rules of three widths cover a place, then they come council, region, everywhere', () => {
    const wide = rule('everywhere', toStaff(1));
    const region = rule('region', toStaff(2));
    const council = rule('council', toStaff(3));
    expect([wide, region, council].map(scopeOf)).toEqual(['everywhere', 'region', 'council']);
    expect(rulesFor([wide, region, council], PLACE, 'water')).toEqual([council, region, wide]);
  });

  test.each([
    ['another category', { categoryCode: 'roads' }],
    ['another council of the region', { councilCode: OTHER_COUNCIL }],
    ['another region', { regionCode: 'ARU', councilCode: null }],
    ['a council of another region', { regionCode: 'ARU', councilCode: 'ARU-ARC' }],
  ])('when a rule is for %s, then it does not cover the complaint', (_what, o) => {
    expect(rulesFor([rule('council', toStaff(1), o)], PLACE, 'water')).toEqual([]);
  });
});

describe('routeComplaint', () => {
  const defaultOfficer = staff(1);

  test('when no rule covers the complaint, then the default assignment decides, and says so', () => {
    const r = route({
      candidates: [defaultOfficer, staff(2, { openComplaints: 3 })],
      rules: [rule('council', toStaff(2), { categoryCode: 'roads' })],
    });
    expect(r).toEqual({
      assignment: { staffId: 1, level: 'council' },
      rule: null,
      team: null,
      passedOver: [],
    });
  });

  test('when council, region and everywhere rules all apply, then the council rule wins', () => {
    const council = rule('council', toStaff(4));
    const r = route({
      candidates: [defaultOfficer, staff(2), staff(3), staff(4, { openComplaints: 50 })],
      rules: [rule('everywhere', toStaff(2)), rule('region', toStaff(3)), council],
    });
    expect([r.assignment, r.rule]).toEqual([{ staffId: 4, level: 'council' }, council]);
  });

  test('when only region and everywhere rules apply, then the region rule wins (in any order given)', () => {
    const region = rule('region', toStaff(3));
    const rules = [region, rule('everywhere', toStaff(2))];
    for (const given of [rules, [...rules].reverse()]) {
      const r = route({ candidates: [defaultOfficer, staff(2), staff(3)], rules: given });
      expect([r.assignment.staffId, r.rule?.id]).toEqual([3, region.id]);
    }
  });

  test('when only an everywhere rule applies, then it beats the default chain', () => {
    const hq = staff(9, { role: 'hq', regionCode: null, openComplaints: 12 });
    const r = route({ candidates: [defaultOfficer, hq], rules: [rule('everywhere', toStaff(9))] });
    expect(r.assignment).toEqual({ staffId: 9, level: 'council' });
  });

  test("when a team is the target, then its least loaded active member gets it, not a non-member's", () => {
    const t = team(7, [2, 3, 4]);
    const r = route({
      candidates: [
        staff(1), // not a member, and the least loaded of all
        staff(2, { openComplaints: 5 }),
        staff(3, { openComplaints: 2 }),
        staff(4, { openComplaints: 1, active: false }),
      ],
      rules: [rule('council', toTeam(7))],
      teams: [t],
    });
    expect([r.assignment.staffId, r.team]).toEqual([3, t]);
  });

  test('when team members tie on load, then the one assigned least recently gets it', () => {
    const r = route({
      candidates: [
        staff(2, { openComplaints: 1, lastAssignedAt: 2_000 }),
        staff(3, { openComplaints: 1, lastAssignedAt: 1_000 }),
      ],
      rules: [rule('region', toTeam(7))],
      teams: [team(7, [2, 3])],
    });
    expect(r.assignment.staffId).toBe(3);
  });

  test('when the council rule’s staff member is inactive, then the region rule decides and the council rule is passed over', () => {
    const council = rule('council', toStaff(5));
    const region = rule('region', toTeam(7));
    const r = route({
      candidates: [defaultOfficer, staff(5, { active: false }), staff(6)],
      rules: [council, region],
      teams: [team(7, [6])],
    });
    expect([r.assignment.staffId, r.rule, r.passedOver]).toEqual([6, region, [council]]);
  });

  test('when every rule’s target has nobody active (an empty team, an absent member), then the default chain decides', () => {
    const empty = rule('council', toTeam(7));
    const gone = rule('region', toStaff(42)); // not among the candidates: inactive or left
    const r = route({
      candidates: [defaultOfficer],
      rules: [empty, gone],
      teams: [team(7, [])],
    });
    expect(r).toEqual({
      assignment: { staffId: 1, level: 'council' },
      rule: null,
      team: null,
      passedOver: [empty, gone],
    });
  });

  test('when a team is unknown to the input, then its rule is passed over', () => {
    const r = route({ candidates: [defaultOfficer], rules: [rule('council', toTeam(99))] });
    expect([r.assignment.staffId, r.rule, r.passedOver.length]).toEqual([1, null, 1]);
  });

  test('when the rule’s only member is being deactivated (excluded), then the next rule or the default chain decides', () => {
    const r = route({
      candidates: [defaultOfficer, staff(5)],
      rules: [rule('council', toStaff(5))],
      exclude: 5,
    });
    expect(r.assignment.staffId).toBe(1);
    const t = route({
      candidates: [defaultOfficer, staff(5), staff(6, { openComplaints: 9 })],
      rules: [rule('council', toTeam(7))],
      teams: [team(7, [5, 6])],
      exclude: 5,
    });
    expect(t.assignment.staffId).toBe(6);
  });

  describe('and ward officers', () => {
    const wardOfficer = staff(8, { wards: [WARD], councils: [COUNCIL] });
    const wardPlace = { ...PLACE, wardCode: WARD };

    test('when no rule applies, then the ward officer still comes first', () => {
      const r = route({ candidates: [defaultOfficer, wardOfficer], place: wardPlace });
      expect(r.assignment.staffId).toBe(8);
    });

    test.each([
      ['a council', 'council'],
      ['a region', 'region'],
      ['an everywhere', 'everywhere'],
    ] as const)('when %s rule applies, then it beats the ward officer', (_a, where) => {
      const r = route({
        candidates: [defaultOfficer, wardOfficer, staff(5, { openComplaints: 30 })],
        rules: [rule(where, toStaff(5))],
        place: wardPlace,
      });
      expect(r.assignment.staffId).toBe(5);
    });

    test('when the rule’s team has nobody active, then the ward officer gets it again', () => {
      const r = route({
        candidates: [defaultOfficer, wardOfficer],
        rules: [rule('council', toTeam(7))],
        teams: [team(7, [5])],
        place: wardPlace,
      });
      expect(r.assignment.staffId).toBe(8);
    });
  });

  test('when nobody at all is active, then the headquarters queue, with no rule', () => {
    const r = route({ rules: [rule('council', toStaff(5))] });
    expect([r.assignment, r.rule]).toEqual([{ staffId: null, level: 'national' }, null]);
  });
});

describe('targetOwner', () => {
  test('when a member is active in another region (a national team), then they count like anyone', () => {
    const far = staff(11, { regionCode: 'ARU' });
    const t = team(3, [11], null);
    expect(targetOwner(toTeam(3), [far], [t])?.id).toBe(11);
    expect(targetOwner(toTeam(3), [{ ...far, active: false }], [t])).toBeUndefined();
  });
});
