/**
 * The queue as a CSV download: the filtered queue in the viewer's scope, every page of it, read
 * back with a CSV parser; never a phone number.
 */
import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { DESK, HOUR, eat } from '../helpers/world';
import { browser, openConsoleWorld, signedIn, type Agent, type ConsoleWorld } from './world';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
  w.clock.set(eat('2026-03-12 09:00'));
});
afterEach(() => w.close());

/** Takes the body as bytes, so the BOM can be checked. */
const asBytes = (agent: Agent, url: string) =>
  agent
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

function table(res: Response): string[][] {
  const bytes = res.body as Buffer;
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.toString('utf8'), { bom: true });
}

describe('the queue as CSV', () => {
  it('is the filtered queue in deadline order, named, with awkward text intact and no phone', async () => {
    const first = w.file({
      council: 'DAR-KIM',
      place: 'Mtaa wa "Kisiwani", Mwenge',
      description: '=1+1 maji hayatoki\nsiku tano',
      phone: '+255689100001',
    });
    w.clock.advance(HOUR);
    const second = w.file({ council: 'DAR-KIM', category: 'health', phone: '+255689100002' });
    w.file({ council: 'DAR-UBM', phone: '+255689100003' }); // another council: filtered out
    w.file({ council: 'ARU-ARC', phone: '+255689100004' }); // another region: out of scope
    const { agent } = await signedIn(w, DESK.darSup.phone);

    const res = await asBytes(agent, '/console/queue.csv?tab=open&council=DAR-KIM');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="kero-open-2026-03-12.csv"',
    );
    const rows = table(res);
    expect(rows[0]).toEqual([
      'Number',
      'Filed',
      'Category',
      'Region',
      'Council',
      'Place as typed',
      'Ward',
      'Postcode',
      'Channel',
      'Status',
      'Assigned to',
      'Deadline',
      'First response',
      'Resolved',
      'Rating',
      'Description',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      formatComplaintNumber(first.number),
      formatComplaintNumber(second.number),
    ]);
    expect(rows[1]?.slice(1, 11)).toEqual([
      '2026-03-12 09:00',
      'Water',
      'Dar es Salaam',
      'Kinondoni MC',
      'Mtaa wa "Kisiwani", Mwenge',
      '', // no ward recognised: no ward, no postcode
      '',
      'USSD',
      'Assigned',
      'Neema Kweka',
    ]);
    expect(rows[1]?.[15]).toBe("'=1+1 maji hayatoki\nsiku tano");
    const text = (res.body as Buffer).toString('utf8');
    for (const phone of ['689100001', '689100002']) expect(text).not.toContain(phone);
  });

  it("keeps to the viewer's scope and language: an Arusha officer gets Arusha, in Kiswahili", async () => {
    w.file({ council: 'DAR-KIM' });
    const aru = w.file({ council: 'ARU-ARC' });
    const { agent } = await signedIn(w, DESK.aruOfficer.phone);
    const rows = table(await asBytes(agent, '/console/queue.csv?tab=open'));
    expect(rows[0]?.slice(0, 3)).toEqual(['Namba', 'Liliwasilishwa', 'Aina']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([formatComplaintNumber(aru.number)]);
  });

  it('walks every page of a long queue, each complaint once', async () => {
    const filed = new Set<string>();
    for (let i = 0; i < 1_234; i++) {
      if (i % 100 === 0) w.clock.advance(HOUR); // many share a deadline: the id breaks ties
      filed.add(formatComplaintNumber(w.file({ council: 'DAR-KIM' }).number));
    }
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const rows = table(await asBytes(agent, '/console/queue.csv?tab=open')).slice(1);
    expect(rows).toHaveLength(1_234);
    expect(new Set(rows.map((r) => r[0]))).toEqual(filed);
  });

  it('is for signed-in staff only', async () => {
    const res = await browser(w).get('/console/queue.csv');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console/sign-in');
  });

  it('is linked from the queue with the same filters', async () => {
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const page = await agent.get('/console?tab=overdue&category=water');
    expect(page.text).toContain('href="/console/queue.csv?tab=overdue&amp;category=water"');
  });
});
