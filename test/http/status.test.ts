/**
 * GET /status, the public status page (issue 21 part 3), through the whole app on real SQLite:
 * a complaint's public facts by its number in both languages, a mistyped number told as such, an
 * unknown one, nothing personal in the HTML, a category headquarters keeps out of Open311 not
 * named, and the per-client limit against guessing.
 */
import request from 'supertest';
import { eq } from 'drizzle-orm';
import { complaints, smsFilings } from '../../db/schema';
import { TEST_TOKEN } from '../helpers/app';
import { formBody, postForm } from '../helpers/at-ussd';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { updateCategory } from '../../src/categories/service';
import { STATUS_LOOKUPS_PER_MINUTE } from '../../src/http/routes/status';
import { DESK } from '../helpers/world';
import { openConsoleWorld, textOf, type ConsoleWorld } from '../console/world';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

const DESCRIPTION = 'Bomba la maji limevunjika karibu na nyumba ya Mzee Juma Hamisi';
const PLACE = 'Mtaa wa Mwinyijuma';

/** A different last digit: the check digit no longer matches. */
const mistype = (n: string) => n.slice(0, 7) + String((Number(n[7]) + 1) % 10);

describe('GET /status', () => {
  test('when a known number is typed, then its status, council, category, dates and time show, in Kiswahili by default', async () => {
    const c = w.file({
      council: 'DAR-KIM',
      category: 'water',
      place: PLACE,
      description: DESCRIPTION,
    });

    const res = await request(w.app).get(
      `/status?number=${encodeURIComponent(formatComplaintNumber(c.number))}`,
    );

    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain(`Namba ${formatComplaintNumber(c.number)}`);
    expect(text).toContain('Halmashauri Kinondoni');
    expect(text).toContain('Aina Maji');
    expect(text).toMatch(/Muda Linasubiri jibu la kwanza, kabla ya \d\d\/\d\d\/\d{4}/);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).not.toContain('<script');
  });

  test('when the page is read, then it never holds the description, the place, the phone or staff names', async () => {
    const c = w.file({ council: 'DAR-KIM', place: PLACE, description: DESCRIPTION });
    const owner = w.db.select().from(complaints).where(eq(complaints.id, c.id)).get();
    expect(owner?.assigneeId).not.toBeNull();

    const res = await request(w.app).get(`/status?lang=en&number=${c.number}`);

    expect(res.status).toBe(200);
    for (const secret of [
      DESCRIPTION,
      'Mzee Juma',
      PLACE,
      c.citizenPhone,
      c.citizenPhone.slice(4),
      DESK.neema.name,
      DESK.darSup.name,
    ]) {
      expect([secret, res.text.includes(secret)]).toEqual([secret, false]);
    }
    expect(textOf(res.text)).toContain('Status Assigned');
  });

  test('when a digit is mistyped, then the page says the number is mistyped (its check digit), not that it is unknown', async () => {
    const c = w.file({ council: 'DAR-KIM' });

    const wrong = await request(w.app).get(`/status?lang=en&number=${mistype(c.number)}`);

    expect(wrong.status).toBe(400);
    expect(textOf(wrong.text)).toContain('This number is mistyped: one of the digits is wrong.');
    const short = await request(w.app).get('/status?lang=en&number=1234');
    expect(textOf(short.text)).toContain('A complaint number has 8 digits');
  });

  test('when a well-formed number belongs to no complaint, then the page says so', async () => {
    const c = w.file({ council: 'DAR-KIM' });
    w.db.$client.prepare('UPDATE complaints SET number = ? WHERE id = ?').run('10000009', c.id);

    const res = await request(w.app).get(`/status?lang=en&number=${c.number}`);

    expect(res.status).toBe(404);
    expect(textOf(res.text)).toContain('No complaint has this number.');
  });

  test('when its category is not published in Open311, then the page does not name it', async () => {
    const c = w.file({ council: 'DAR-KIM', category: 'corruption' });
    const hidden = updateCategory(
      { db: w.db, now: w.clock.now(), reference: w.console.reference, actorStaffId: null },
      'corruption',
      {
        nameSw: 'Rushwa',
        nameEn: 'Corruption',
        firstResponseDays: '',
        resolutionDays: '',
        public: false,
      },
    );
    expect(hidden.ok).toBe(true);

    const res = await request(w.app).get(`/status?lang=en&number=${c.number}`);

    expect(textOf(res.text)).toContain('Category Not shown');
    expect(res.text).not.toContain('Corruption');
  });

  test(`when one client looks up more than ${STATUS_LOOKUPS_PER_MINUTE} numbers in a minute, then it is told to wait`, async () => {
    const agent = request(w.app);
    for (let i = 0; i < STATUS_LOOKUPS_PER_MINUTE; i++) {
      expect((await agent.get('/status?number=12345678')).status).not.toBe(429);
    }
    const over = await agent.get('/status?lang=en&number=12345678');
    expect(over.status).toBe(429);
    expect(textOf(over.text)).toContain('Too many lookups from your connection');
  });
});

describe('an SMS complaint in triage', () => {
  test('when its number is typed, then it shows as received and being sent to its council, without the words the citizen sent', async () => {
    const words = 'Hakuna dawa kwenye zahanati yetu kabisa tangu jana';
    await postForm(
      w.app,
      `/sms/inbound?token=${TEST_TOKEN}`,
      formBody({ id: 'ATXid_status_1', from: '+255754999888', to: '15055', text: words }),
    );
    const number = w.db.select().from(smsFilings).get()?.number ?? '';

    const res = await request(w.app).get(`/status?lang=en&number=${number}`);

    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain(`Number ${formatComplaintNumber(number)}`);
    expect(text).toContain('Status Received');
    expect(text).toContain('Council Received by SMS: being sent to the right council');
    expect(text).not.toContain('zahanati');
    expect(text).not.toContain('999888');
  });
});
