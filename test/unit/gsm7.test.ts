import {
  GSM7_BASIC,
  GSM7_EXTENDED,
  isGsm7,
  PLAIN_GSM7,
  septetLength,
  smsParts,
  toGsm7,
  truncateGsm7,
} from '../../src/text/gsm7';

const rep = (ch: string, n: number): string => ch.repeat(n);

describe('alphabet sets', () => {
  test('when counting, then basic has 127 chars (ESC excluded) and extended has 9', () => {
    expect(GSM7_BASIC.size).toBe(127);
    expect(GSM7_BASIC.has('\u001b')).toBe(false);
    expect([...GSM7_EXTENDED].sort()).toEqual([...'^{}\\[~]|€'].sort());
  });

  test('when comparing, then basic and extended do not overlap', () => {
    expect([...GSM7_EXTENDED].filter((c) => GSM7_BASIC.has(c))).toEqual([]);
  });
});

describe('isGsm7', () => {
  test.each([
    ['', true, true],
    ['Habari yako?', true, true],
    ['@£$¥èéùìòÇ\nØø\rÅå', true, true],
    ['ΔΦΓΛΩΠΨΣΘΞ_ÆæßÉ¤¡§¿', true, true],
    ['Zürich Ñandu à', true, true],
    ['Ñandú', false, false],
    ['Tsh 1,000 [ada] €5', true, false],
    ['^{}\\~|', true, false],
    ['Łódź', false, false],
    ['ç', false, false],
    ['tab\there', false, false],
    ['ESC\u001b', false, false],
    ['Maji 😀', false, false],
    ['“quoted”', false, false],
  ])(
    'when the text is %j, then extended-allowed is %p and basic-only is %p',
    (text, ext, basic) => {
      expect(isGsm7(text)).toBe(ext);
      expect(isGsm7(text, { allowExtended: true })).toBe(ext);
      expect(isGsm7(text, { allowExtended: false })).toBe(basic);
    },
  );
});

describe('toGsm7', () => {
  test.each([
    ['Maji hayatoki 😀', 'Maji hayatoki ?'],
    ['“Habari” – …', '"Habari" - ...'],
    ['Nyang’hwale', "Nyang'hwale"],
    ['‘single’ „low“ «guillemets»', `'single' "low" "guillemets"`],
    ['a—b‒c−d', 'a-b-c-d'],
    ['Zürich', 'Zürich'],
    ['Zu\u0308rich', 'Zürich'],
    ['Łódź', 'Lodz'],
    ['Ç ç ê Ú', 'Ç c e U'],
    ['Œuvre ﬁle', 'OEuvre file'],
    ['Ω α', 'Ω ?'],
    ['a\u00a0b\u2009c\u3000d', 'a b c d'],
    ['a\tb', 'a b'],
    ['a\r\nb\rc\nd', 'a\nb\nc\nd'],
    ['a\u0007b\u007fc\u200bd\ufeffe', 'abcde'],
    ['Tsh 1,000 [ada] {x}', 'Tsh 1,000 (ada) (x)'],
    ['a\\b|c ~^', 'a/b/c --'],
    ['€5', 'EUR5'],
    ['北京', '??'],
    ['👍🏽 ❤️', '? ?'],
    ['a\ud83db', 'a?b'],
    ['\udc00', '?'],
    ['', ''],
  ])('when the text is %j, then the result is %j', (input, expected) => {
    expect(toGsm7(input)).toBe(expected);
  });

  test('when every BMP code unit is converted, then the result is always basic-only GSM-7', () => {
    const offenders: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const ch = String.fromCharCode(cp);
      if (!isGsm7(toGsm7(ch), { allowExtended: false })) offenders.push(cp.toString(16));
    }
    expect(offenders).toEqual([]);
  });

  test('when text is already basic GSM-7 without CR, then it is unchanged', () => {
    const basic = [...GSM7_BASIC].filter((c) => c !== '\r').join('');
    expect(toGsm7(basic)).toBe(basic);
  });

  test('when the fast path takes a printable ASCII character, then that character is basic GSM-7', () => {
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).concat('\n');
    const fast = ascii.filter((c) => PLAIN_GSM7.test(c));

    expect(fast.filter((c) => !GSM7_BASIC.has(c))).toEqual([]);
    expect(ascii.filter((c) => !PLAIN_GSM7.test(c)).join('')).toBe('[\\]^`{|}~');
  });
});

describe('septetLength', () => {
  test.each([
    ['', 0],
    ['abc', 3],
    ['a\nb', 3],
    ['€', 2],
    ['[]', 4],
    ['Tsh €5 {x}', 13],
  ])('when the text is %j, then it needs %i septets', (text, expected) => {
    expect(septetLength(text)).toBe(expected);
  });
});

describe('smsParts', () => {
  test.each([
    ['empty', '', 'GSM-7', 1, 160, 0],
    ['160 basic', rep('a', 160), 'GSM-7', 1, 160, 160],
    ['161 basic', rep('a', 161), 'GSM-7', 2, 153, 161],
    ['306 basic', rep('a', 306), 'GSM-7', 2, 153, 306],
    ['307 basic', rep('a', 307), 'GSM-7', 3, 153, 307],
    ['80 euro signs', rep('€', 80), 'GSM-7', 1, 160, 160],
    ['159 basic + euro', `${rep('a', 159)}€`, 'GSM-7', 2, 153, 161],
    [
      '152 + euro + 152 (escape not split)',
      `${rep('a', 152)}€${rep('a', 152)}`,
      'GSM-7',
      3,
      153,
      306,
    ],
    ['70 cyrillic', rep('ж', 70), 'UCS-2', 1, 70, 70],
    ['71 cyrillic', rep('ж', 71), 'UCS-2', 2, 67, 71],
    ['134 cyrillic', rep('ж', 134), 'UCS-2', 2, 67, 134],
    ['135 cyrillic', rep('ж', 135), 'UCS-2', 3, 67, 135],
    ['35 emoji', rep('😀', 35), 'UCS-2', 1, 70, 70],
    ['36 emoji', rep('😀', 36), 'UCS-2', 2, 67, 72],
    ['66 + emoji + 66 (pair not split)', `${rep('ж', 66)}😀${rep('ж', 66)}`, 'UCS-2', 3, 67, 134],
    ['159 basic + one cyrillic', `${rep('a', 159)}ж`, 'UCS-2', 3, 67, 160],
  ])(
    'when the text is %s, then it is %s in %i part(s) of %i, %i units',
    (_l, text, encoding, parts, perPart, units) => {
      expect(smsParts(text)).toEqual({ encoding, parts, perPart, units });
    },
  );
});

describe('truncateGsm7', () => {
  test.each([
    ['fits', 'Habari', 10, undefined, 'Habari'],
    ['fits exactly', 'Habari', 6, undefined, 'Habari'],
    ['is cut with default ellipsis', 'Habari yako', 8, undefined, 'Habari..'],
    ['would split a euro', 'abc€def', 6, undefined, 'abc..'],
    ['keeps a whole euro', 'abc€def', 7, undefined, 'abc€..'],
    ['fits with euro counting 2', 'abc€', 5, undefined, 'abc€'],
    ['overflows by the euro', 'abc€', 4, undefined, 'ab..'],
    ['uses a custom ellipsis', 'Habari yako', 8, '...', 'Habar...'],
    ['uses an empty ellipsis', 'Habari yako', 4, '', 'Haba'],
    ['has no room for the ellipsis', 'Habari', 1, undefined, 'H'],
    ['has zero budget', 'Habari', 0, undefined, ''],
    ['is empty', '', 0, undefined, ''],
  ])(
    'when the text %s (%j, max %i), then the result is %j',
    (_l, text, max, ellipsis, expected) => {
      const result = truncateGsm7(text, max, ellipsis);
      expect(result).toBe(expected);
      expect(septetLength(result)).toBeLessThanOrEqual(max);
    },
  );

  test('when cutting an extended-heavy text at every budget, then it never exceeds the budget', () => {
    const text = 'Bei [€5] {ada} ~ ^ | \\ Tsh';
    const over = Array.from({ length: septetLength(text) + 2 }, (_, max) => max).filter(
      (max) => septetLength(truncateGsm7(text, max)) > max,
    );
    expect(over).toEqual([]);
  });

  test.each([[-1], [1.5], [Number.NaN]])(
    'when maxSeptets is %p, then it throws a RangeError',
    (max) => {
      expect(() => truncateGsm7('Habari', max)).toThrow(RangeError);
    },
  );
});
