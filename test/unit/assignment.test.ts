import type { Assignment, Candidate } from '../../src/complaints/core/assignment';
import { pickAssignee, pickEscalationOwner } from '../../src/complaints/core/assignment';

const REGION = 'DOM';
const OTHER_REGION = 'ARS';
const COUNCIL = 'DOM-CC';
const OTHER_COUNCIL = 'DOM-KON';
const WARD = '41105';
const OTHER_WARD = '41106';
const PLACE = { regionCode: REGION, councilCode: COUNCIL };

/** An active officer of REGION covering the whole region, never assigned, with nothing open. */
function staff(id: number, overrides: Partial<Omit<Candidate, 'id'>> = {}): Candidate {
  return {
    id,
    role: 'officer',
    regionCode: REGION,
    active: true,
    councils: [],
    wards: [],
    openComplaints: 0,
    lastAssignedAt: null,
    ...overrides,
  };
}

const supervisor = (id: number, overrides: Partial<Omit<Candidate, 'id'>> = {}) =>
  staff(id, { role: 'supervisor', ...overrides });
const hq = (id: number, overrides: Partial<Omit<Candidate, 'id'>> = {}) =>
  staff(id, { role: 'hq', regionCode: null, ...overrides });

const council = (staffId: number): Assignment => ({ staffId, level: 'council' });
const region = (staffId: number): Assignment => ({ staffId, level: 'region' });
const national = (staffId: number | null): Assignment => ({ staffId, level: 'national' });

type AssigneeCase = [string, Candidate[], number | undefined, Assignment];

const assigneeCases: AssigneeCase[] = [
  [
    'an active officer covers the whole region (empty council list), then that officer at council level',
    [staff(1)],
    undefined,
    council(1),
  ],
  [
    'an officer lists the council explicitly, then that officer',
    [staff(1, { councils: [OTHER_COUNCIL, COUNCIL] })],
    undefined,
    council(1),
  ],
  [
    'the only officer covers only other councils, then the supervisor',
    [staff(1, { councils: [OTHER_COUNCIL] }), supervisor(2, { openComplaints: 40 })],
    undefined,
    region(2),
  ],
  [
    'a less loaded officer covers only other councils, then the busier one who covers it',
    [staff(1, { councils: [OTHER_COUNCIL] }), staff(2, { councils: [COUNCIL], openComplaints: 9 })],
    undefined,
    council(2),
  ],
  [
    'two officers differ in load, then the one with fewest open complaints',
    [
      staff(1, { openComplaints: 5 }),
      staff(2, { openComplaints: 2 }),
      staff(3, { openComplaints: 3 }),
    ],
    undefined,
    council(2),
  ],
  [
    'a whole-region officer is less loaded than a council officer, then the whole-region officer',
    [staff(1, { councils: [COUNCIL], openComplaints: 4 }), staff(2, { openComplaints: 1 })],
    undefined,
    council(2),
  ],
  [
    'loads tie, then the one assigned least recently',
    [
      staff(1, { openComplaints: 2, lastAssignedAt: 3_000 }),
      staff(2, { openComplaints: 2, lastAssignedAt: 1_000 }),
      staff(3, { openComplaints: 2, lastAssignedAt: 2_000 }),
    ],
    undefined,
    council(2),
  ],
  [
    'loads tie and one was never assigned (null), then the never-assigned one',
    [
      staff(1, { openComplaints: 2, lastAssignedAt: 0 }),
      staff(2, { openComplaints: 2, lastAssignedAt: 1_000 }),
      staff(3, { openComplaints: 2, lastAssignedAt: null }),
    ],
    undefined,
    council(3),
  ],
  [
    'the never-assigned officer has more open complaints, then load still wins',
    [
      staff(1, { openComplaints: 3, lastAssignedAt: null }),
      staff(2, { openComplaints: 2, lastAssignedAt: 9_000 }),
    ],
    undefined,
    council(2),
  ],
  [
    'load and last assignment both tie, then the lower id (deterministic)',
    [staff(7, { openComplaints: 1 }), staff(4, { openComplaints: 1 })],
    undefined,
    council(4),
  ],
  [
    'the least loaded officer is inactive, then the next active one',
    [staff(1, { active: false }), staff(2, { openComplaints: 6 })],
    undefined,
    council(2),
  ],
  [
    'the least loaded officer belongs to another region, then the officer of this region',
    [staff(1, { regionCode: OTHER_REGION }), staff(2, { openComplaints: 6 })],
    undefined,
    council(2),
  ],
  [
    'the least loaded officer is excluded, then the next one',
    [staff(1), staff(2, { openComplaints: 6 })],
    1,
    council(2),
  ],
  [
    'the only officer is excluded, then the supervisor',
    [staff(1), supervisor(2, { openComplaints: 30 })],
    1,
    region(2),
  ],
  [
    'a less loaded supervisor exists alongside an officer, then still the officer',
    [supervisor(1), staff(2, { openComplaints: 25 })],
    undefined,
    council(2),
  ],
  [
    'there is no officer, then the least loaded supervisor at region level',
    [supervisor(1, { openComplaints: 4 }), supervisor(2, { openComplaints: 1 })],
    undefined,
    region(2),
  ],
  [
    'supervisors tie on load, then the one assigned least recently',
    [
      supervisor(1, { openComplaints: 4, lastAssignedAt: 500 }),
      supervisor(2, { openComplaints: 4, lastAssignedAt: null }),
    ],
    undefined,
    region(2),
  ],
  [
    'a council-restricted supervisor does not list the council, then that supervisor anyway',
    [supervisor(1, { councils: [OTHER_COUNCIL] })],
    undefined,
    region(1),
  ],
  [
    'officers are all inactive, then the supervisor',
    [staff(1, { active: false }), staff(2, { active: false }), supervisor(3)],
    undefined,
    region(3),
  ],
  [
    'the supervisors are inactive, of another region or excluded, then the headquarters queue',
    [
      supervisor(1, { active: false }),
      supervisor(2, { regionCode: OTHER_REGION }),
      supervisor(3),
      staff(4, { regionCode: OTHER_REGION }),
    ],
    3,
    national(null),
  ],
  ['there is nobody at all, then the headquarters queue', [], undefined, national(null)],
  [
    'only headquarters staff exist, then the unassigned headquarters queue (hq never picked)',
    [hq(1), hq(2, { openComplaints: 0, lastAssignedAt: null })],
    undefined,
    national(null),
  ],
  [
    'an hq member carries this region code, then still not picked',
    [hq(1, { regionCode: REGION })],
    undefined,
    national(null),
  ],
];

describe('pickAssignee', () => {
  test.each(assigneeCases)('when %s', (_title, candidates, exclude, expected) => {
    expect(pickAssignee(candidates, PLACE, exclude)).toEqual(expected);
  });

  test.each(assigneeCases)(
    'when the candidates come in reverse order and %s',
    (_title, candidates, exclude, expected) => {
      expect(pickAssignee([...candidates].reverse(), PLACE, exclude)).toEqual(expected);
    },
  );

  test('when picking, then the candidate list is left untouched', () => {
    const candidates = [staff(1, { openComplaints: 3 }), staff(2, { openComplaints: 1 })];
    const before = structuredClone(candidates);
    pickAssignee(candidates, PLACE);
    expect(candidates).toEqual(before);
  });
});

type WardCase = [string, Candidate[], string | null, Assignment];

const wardOfficer = (id: number, wards: string[], overrides: Partial<Omit<Candidate, 'id'>> = {}) =>
  staff(id, { councils: [COUNCIL], wards, ...overrides });

const wardCases: WardCase[] = [
  [
    "the ward has an officer, then that officer before the council's and the region's",
    [staff(1), staff(2, { councils: [COUNCIL] }), wardOfficer(3, [WARD], { openComplaints: 9 })],
    WARD,
    council(3),
  ],
  [
    'the ward has two officers, then the less loaded one',
    [wardOfficer(1, [WARD], { openComplaints: 4 }), wardOfficer(2, [OTHER_WARD, WARD])],
    WARD,
    council(2),
  ],
  [
    "the ward's officer is inactive, then the council's officer",
    [wardOfficer(1, [WARD], { active: false }), staff(2, { councils: [COUNCIL] })],
    WARD,
    council(2),
  ],
  [
    "only another ward has an officer, then the council's officer, never that one",
    [wardOfficer(1, [OTHER_WARD]), staff(2, { councils: [COUNCIL], openComplaints: 30 })],
    WARD,
    council(2),
  ],
  [
    "the complaint matched no ward, then the council's officer, never a ward officer",
    [wardOfficer(1, [WARD]), staff(2, { councils: [COUNCIL], openComplaints: 30 })],
    null,
    council(2),
  ],
  [
    'only ward officers of other wards and a supervisor, then the supervisor',
    [wardOfficer(1, [OTHER_WARD]), supervisor(2)],
    WARD,
    region(2),
  ],
  [
    "the ward's officer is of another region, then the region-wide officer",
    [wardOfficer(1, [WARD], { regionCode: OTHER_REGION }), staff(2)],
    WARD,
    council(2),
  ],
];

describe('pickAssignee with wards', () => {
  test.each(wardCases)('when %s', (_title, candidates, wardCode, expected) => {
    expect(pickAssignee(candidates, { ...PLACE, wardCode })).toEqual(expected);
    expect(pickAssignee([...candidates].reverse(), { ...PLACE, wardCode })).toEqual(expected);
  });
});

type EscalationCase = [string, 'region' | 'national', Candidate[], Assignment];

const escalationCases: EscalationCase[] = [
  [
    'escalating to region, then the least loaded active supervisor of that region',
    'region',
    [
      staff(1),
      supervisor(2, { openComplaints: 5 }),
      supervisor(3, { openComplaints: 2 }),
      supervisor(4, { regionCode: OTHER_REGION }),
      supervisor(5, { active: false }),
      hq(6),
    ],
    region(3),
  ],
  [
    'escalating to region with supervisors tied on load, then the one assigned least recently',
    'region',
    [
      supervisor(2, { openComplaints: 1, lastAssignedAt: 2_000 }),
      supervisor(3, { openComplaints: 1, lastAssignedAt: 1_000 }),
    ],
    region(3),
  ],
  [
    'escalating to region with no active supervisor there, then the least loaded hq at national level',
    'region',
    [
      staff(1),
      supervisor(2, { active: false }),
      supervisor(3, { regionCode: OTHER_REGION }),
      hq(4, { openComplaints: 8 }),
      hq(5, { openComplaints: 3 }),
    ],
    national(5),
  ],
  [
    'escalating to region with neither supervisor nor hq, then the unassigned national queue',
    'region',
    [staff(1), hq(2, { active: false })],
    national(null),
  ],
  [
    'escalating to national, then the least loaded active hq even if a supervisor exists',
    'national',
    [
      supervisor(1),
      hq(2, { openComplaints: 4 }),
      hq(3, { openComplaints: 1 }),
      hq(4, { active: false }),
    ],
    national(3),
  ],
  [
    'escalating to national with hq tied on load, then the never-assigned one',
    'national',
    [hq(2, { openComplaints: 1, lastAssignedAt: 10 }), hq(3, { openComplaints: 1 })],
    national(3),
  ],
  [
    'escalating to national with only inactive hq, then null',
    'national',
    [staff(1), supervisor(2), hq(3, { active: false })],
    national(null),
  ],
  ['escalating to national with nobody, then null', 'national', [], national(null)],
];

describe('pickEscalationOwner', () => {
  test.each(escalationCases)('when %s', (_title, level, candidates, expected) => {
    expect(pickEscalationOwner(candidates, REGION, level)).toEqual(expected);
    expect(pickEscalationOwner([...candidates].reverse(), REGION, level)).toEqual(expected);
  });
});
