/** Who sees which complaint. Pure. */
import { inScope, scopeOf, type ScopedStaff } from '../../src/complaints/core/scope';

const hq: ScopedStaff = { id: 1, role: 'hq', regionCode: null, councils: [] };
const sup: ScopedStaff = { id: 2, role: 'supervisor', regionCode: 'DAR', councils: [] };
const wholeRegion: ScopedStaff = { id: 3, role: 'officer', regionCode: 'DAR', councils: [] };
const kinondoni: ScopedStaff = { id: 4, role: 'officer', regionCode: 'DAR', councils: ['DAR-KIM'] };

const kim = { regionCode: 'DAR', councilCode: 'DAR-KIM', assigneeId: null };
const ubungo = { regionCode: 'DAR', councilCode: 'DAR-UBM', assigneeId: null };
const arusha = { regionCode: 'ARU', councilCode: 'ARU-ARC', assigneeId: null };
const arushaMine = { ...arusha, assigneeId: 4 };

test.each([
  ['headquarters', hq, [kim, ubungo, arusha], [true, true, true]],
  ['a supervisor of Dar es Salaam', sup, [kim, ubungo, arusha], [true, true, false]],
  ['an officer of the whole region', wholeRegion, [kim, ubungo, arusha], [true, true, false]],
  ['an officer of Kinondoni', kinondoni, [kim, ubungo, arusha], [true, false, false]],
  ['an officer of Kinondoni, for one assigned to them elsewhere', kinondoni, [arushaMine], [true]],
])('when %s looks, then what they see is right', (_who, staff, complaints, expected) => {
  const scope = scopeOf(staff);
  expect(complaints.map((c) => inScope(scope, c))).toEqual(expected);
});

test('when scopes are computed, then each role gets its kind', () => {
  expect([hq, sup, kinondoni].map((s) => scopeOf(s).kind)).toEqual(['all', 'region', 'officer']);
});
