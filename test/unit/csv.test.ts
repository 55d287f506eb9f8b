/** Staff CSV files as csv-parse reads them, with the line each row starts on. */
import { parseCsv } from '../../src/directory/csv';

test('when fields are quoted with commas, quotes and line breaks, then each row keeps its starting line', () => {
  const text = [
    'name,phone,role',
    '"Mushi, Asha",0712345678,officer',
    '',
    '"Juma ""JJ"" Said",0712345679,officer',
    '"Neema',
    'Kweka",0712345680,supervisor',
    'Baraka,0712345681,officer',
    '',
  ].join('\n');

  expect(parseCsv(text)).toEqual({
    ok: true,
    rows: [
      { line: 1, cells: ['name', 'phone', 'role'] },
      { line: 2, cells: ['Mushi, Asha', '0712345678', 'officer'] },
      { line: 4, cells: ['Juma "JJ" Said', '0712345679', 'officer'] },
      { line: 5, cells: ['Neema\nKweka', '0712345680', 'supervisor'] },
      { line: 7, cells: ['Baraka', '0712345681', 'officer'] },
    ],
  });
});

test('when the file starts with a byte order mark (Excel), then the header reads clean', () => {
  expect(parseCsv('\uFEFFname,phone\nAsha,0712345678\n')).toEqual({
    ok: true,
    rows: [
      { line: 1, cells: ['name', 'phone'] },
      { line: 2, cells: ['Asha', '0712345678'] },
    ],
  });
});

test('when a quote is never closed, then it is an error naming the line', () => {
  expect(parseCsv('name,phone\n"Asha,0712345678\n')).toEqual({
    ok: false,
    error: expect.stringMatching(/^line 2: Quote Not Closed/) as unknown,
  });
});
