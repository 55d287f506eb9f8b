/**
 * POST /ussd: a place typed with a typo in Dodoma City is recognised as the ward Makole
 * (postcode 41105) on the confirm screen, stored with the complaint and published by Open311
 * (`address` and `zipcode`; issue 19); a name the list does not have is stored and published as
 * typed, without a ward.
 */
import request from 'supertest';
import { complaints } from '../../db/schema';
import { DEFAULT_SLA, makeTestApp, type TestApp } from '../helpers/app';
import { atPhone } from '../helpers/at-ussd';
import { councilNumber, regionNumber } from '../helpers/engine-context';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp({ open311: { descriptions: false, policy: DEFAULT_SLA } });
});
afterEach(() => t.close());

async function fileInDodoma(place: string): Promise<string> {
  const s = atPhone(t.app, { phone: '+255712345678' }).dial();
  await s.send('');
  await s.replies('2', '1', regionNumber('Dodoma'), councilNumber('Dodoma', 'Dodoma CC'), '3');
  const confirm = await s.replies(place, 'Maji hayatoki tangu jana', '1');
  expect(await s.reply('1')).toMatch(/^END /);
  return confirm;
}

describe('POST /ussd: the place recognised as a ward', () => {
  test('when "makore" is typed in Dodoma City, then confirm says "Ward: Makole" and the complaint keeps ward 41105', async () => {
    const confirm = await fileInDodoma('makore');
    expect(confirm).toMatch(/\nWard: Makole\n"Maji hayatoki tangu jana"\n/);
    const [row] = t.db.select().from(complaints).all();
    expect(row).toMatchObject({ place: 'makore', wardCode: '41105', village: null });
    const open311 = await request(t.app).get('/open311/v2/requests.json').expect(200);
    expect(open311.body).toEqual([
      expect.objectContaining({
        address: 'Makole, Dodoma City Council, Dodoma',
        zipcode: '41105',
      }),
    ]);
    // In XML too, in the spec's order: address, then zipcode.
    const xml = await request(t.app).get('/open311/v2/requests.xml').expect(200);
    expect(xml.text).toContain(
      '<address>Makole, Dodoma City Council, Dodoma</address><zipcode>41105</zipcode>',
    );
  });

  test('when a village of a ward is typed, then Open311 names the village, the ward and the council', async () => {
    await fileInDodoma('mtaa wa chimuli');
    const open311 = await request(t.app).get('/open311/v2/requests.json').expect(200);
    expect(open311.body).toEqual([
      expect.objectContaining({
        address: 'Chimuli, Makole, Dodoma City Council, Dodoma',
        zipcode: '41105',
      }),
    ]);
  });

  test('when a place the list does not have is typed, then it is stored as typed, without a ward', async () => {
    const confirm = await fileInDodoma('Mlimani Juu');
    expect(confirm).toMatch(/\nMlimani Juu\n"Maji/);
    const [row] = t.db.select().from(complaints).all();
    expect(row).toMatchObject({ place: 'Mlimani Juu', wardCode: null, village: null });
    const [published] = (await request(t.app).get('/open311/v2/requests.json').expect(200))
      .body as Record<string, unknown>[];
    expect(published).toMatchObject({ address: 'Mlimani Juu, Dodoma City Council, Dodoma' });
    expect(published).not.toHaveProperty('zipcode');
  });
});
