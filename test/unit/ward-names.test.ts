/**
 * Wards given to a staff member by code or name (src/reference/core/ward-names.ts), on the real
 * ward list: codes and names resolve inside the region (or the councils listed), a name several
 * wards share is refused with their codes, and every bad token is named.
 */
import { resolveWards, wardTokens } from '../../src/reference/core/ward-names';
import { loadWardList } from '../../src/reference/wards';

const list = loadWardList();
const ARU = [...list.byCouncil.keys()].filter((c) => c.startsWith('ARU-'));

describe('resolveWards', () => {
  test('when codes and names of one region are given, then each resolves once with its councils', () => {
    const r = resolveWards(['23101', 'kata ya olturumet', 'SEKEI'], list, ARU, []);

    expect(r).toEqual({
      codes: ['23101', '23201'],
      councils: ['ARU-ARC', 'ARU-ARD'],
      problems: [],
    });
  });

  test('when a name two councils share is given, then it is refused with both codes', () => {
    const r = resolveWards(['Majengo'], list, ARU, []);

    expect(r.codes).toEqual([]);
    expect(r.problems).toEqual([
      {
        kind: 'ambiguous',
        token: 'Majengo',
        choices: [
          expect.objectContaining({ code: '23319', councilCode: 'ARU-MED' }),
          expect.objectContaining({ code: '23411', councilCode: 'ARU-MOD' }),
        ],
      },
    ]);
  });

  test('when the councils listed narrow a shared name to one, then that one is taken', () => {
    expect(resolveWards(['Majengo'], list, ARU, ['ARU-MOD'])).toEqual({
      codes: ['23411'],
      councils: ['ARU-MOD'],
      problems: [],
    });
  });

  test('when tokens are unknown, of another region or outside the councils listed, then each is named', () => {
    const r = resolveWards(['99999', 'Atlantis', '41105', 'Sekei', '23101'], list, ARU, [
      'ARU-MED',
    ]);

    expect(r.codes).toEqual([]);
    expect(r.problems.map((p) => [p.kind, p.token])).toEqual([
      ['unknown', '99999'],
      ['unknown', 'Atlantis'],
      ['elsewhere', '41105'],
      ['outsideCouncils', 'Sekei'],
      ['outsideCouncils', '23101'],
    ]);
  });

  test('when a form or flag holds several, then commas and semicolons separate them, spaces do not', () => {
    expect(wardTokens(' 23101, Mtambani A;Kata ya Makole ,, ')).toEqual([
      '23101',
      'Mtambani A',
      'Kata ya Makole',
    ]);
  });
});
