/** CSV downloads as a spreadsheet and a CSV parser read them back. */
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { csvCell, writeCsv, type CsvCell } from '../../src/reports/csv';

async function written(header: string[], rows: Iterable<CsvCell[]>): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeCsv(out, header, rows);
  return Buffer.concat(chunks).toString('utf8');
}

describe('CSV export', () => {
  it('starts with a BOM, ends records with CRLF and quotes what RFC 4180 says to', async () => {
    const text = await written(
      ['number', 'place', 'count'],
      [
        ['48210379', 'Kijiji cha "Mlimani", Kata ya Ng\u2019ambo', 3],
        ['51234560', 'Mstari\nmpya', 0],
      ],
    );
    expect(text.startsWith('\uFEFFnumber,place,count\r\n')).toBe(true);
    expect(text).toContain('"Kijiji cha ""Mlimani"", Kata ya Ng\u2019ambo"');
    expect(text).toContain('"Mstari\nmpya"');
    expect(text.endsWith('0\r\n')).toBe(true);
    expect(parse(text, { bom: true })).toEqual([
      ['number', 'place', 'count'],
      ['48210379', 'Kijiji cha "Mlimani", Kata ya Ng\u2019ambo', '3'],
      ['51234560', 'Mstari\nmpya', '0'],
    ]);
  });

  it('defuses text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(csvCell('+255 7')).toBe("'+255 7");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('Maji')).toBe('Maji');
    expect(csvCell(-2)).toBe(-2);
    expect(csvCell(null)).toBe('');
  });

  it('writes the header alone when there are no rows', async () => {
    expect(await written(['a', 'b'], [])).toBe('\uFEFFa,b\r\n');
  });

  it('reads rows only as they are written, and closes the source when the reader goes', async () => {
    let read = 0;
    let closed = false;
    function* rows() {
      try {
        for (let i = 0; i < 1_000_000; i++) {
          read++;
          yield [String(i), 'x'.repeat(100)];
        }
      } finally {
        closed = true;
      }
    }
    const out = new PassThrough({ highWaterMark: 1024 });
    let bytes = 0;
    out.on('data', (c: Buffer) => {
      bytes += c.length;
      if (bytes > 64 * 1024) out.destroy();
    });
    await expect(writeCsv(out, ['n', 'text'], rows())).rejects.toThrow();
    expect(closed).toBe(true);
    expect(read).toBeLessThan(10_000);
  });
});
