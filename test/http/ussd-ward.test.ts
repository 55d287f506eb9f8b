/**
 * POST /ussd: a place typed with a typo in Dodoma City is recognised as the ward Makole
 * (postcode 41105) on the confirm screen and stored with the complaint (issue 19); a name the
 * list does not have is stored as typed, without a ward.
 */
import { complaints } from '../../db/schema';
import { makeTestApp, type TestApp } from '../helpers/app';
import { atPhone } from '../helpers/at-ussd';
import { councilNumber, regionNumber } from '../helpers/engine-context';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp();
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
  });

  test('when a place the list does not have is typed, then it is stored as typed, without a ward', async () => {
    const confirm = await fileInDodoma('Mlimani Juu');
    expect(confirm).toMatch(/\nMlimani Juu\n"Maji/);
    const [row] = t.db.select().from(complaints).all();
    expect(row).toMatchObject({ place: 'Mlimani Juu', wardCode: null, village: null });
  });
});
