/** Places made comparable for clusters. Pure. */
import { placeKey } from '../../src/complaints/core/place';

describe('placeKey', () => {
  test.each([
    ['Kijiji cha Olasiti', 'olasiti'],
    ['olasiti village', 'olasiti'],
    ['OLASITI.', 'olasiti'],
    ['Mtaa wa Uhuru, Kata ya Mbagala', 'mbagala uhuru'],
    ['Kata ya Mbagala - mtaa wa Uhuru', 'mbagala uhuru'],
    ['Mwananyamala B', 'b mwananyamala'],
    ['Njia panda ya Kibaha', 'kibaha njia panda'],
    ['Ngaramtoni Juu', 'juu ngaramtoni'],
    ['Sokoine Road', 'sokoine'],
    ['Mtwara-Mikindani', 'mikindani mtwara'],
    ['Moshi Mjini 2', '2 mjini moshi'],
    ['Zégé', 'zege'],
  ])('%j is the place %j', (place, key) => {
    expect(placeKey(place)).toBe(key);
  });

  test('different places stay different', () => {
    expect(placeKey('Olasiti')).not.toBe(placeKey('Olmoti'));
    expect(placeKey('Mbagala Kuu')).not.toBe(placeKey('Mbagala'));
  });

  test('no place, or only words that name a kind of place, has no key', () => {
    expect(placeKey(null)).toBeNull();
    expect(placeKey('kijiji')).toBeNull();
    expect(placeKey(' - , . ')).toBeNull();
    expect(placeKey('the village')).toBeNull();
  });
});
