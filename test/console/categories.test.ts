/**
 * Categories as data (issue 20 part 1), through the whole app: headquarters adds, renames,
 * reorders, retires and unpublishes categories on /console/categories, and the USSD menu, the
 * complaint's deadlines and Open311 follow at once, without a restart. Bad names are refused
 * with the reason; only headquarters may open the pages.
 */
import request from 'supertest';
import { eq } from 'drizzle-orm';
import { complaints } from '../../db/schema';
import { firstResponseDue } from '../../src/complaints/core/sla';
import { atPhone } from '../helpers/at-ussd';
import { councilNumber, regionNumber } from '../helpers/engine-context';
import { DESK } from '../helpers/world';
import { openConsoleWorld, signedIn, textOf, type ConsoleWorld } from './world';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

const hq = () => signedIn(w, DESK.hq.phone);

type Agent = Awaited<ReturnType<typeof hq>>['agent'];

async function post(agent: Agent, csrf: string, path: string, body: Record<string, string>) {
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: csrf, ...body });
}

const electricity = {
  nameSw: 'Umeme',
  nameEn: 'Electricity',
  firstResponseDays: '2',
  resolutionDays: '',
  public: '1',
};

/** The USSD category screens of a Dodoma City filing in English, every page, as one text. */
async function categoryMenu(): Promise<{ text: string; pick: (name: string) => Promise<string> }> {
  const s = atPhone(w.app, { phone: '+255712345678' }).dial();
  await s.send('');
  let page = await s.replies(
    '2',
    '1',
    regionNumber('Dodoma'),
    councilNumber('Dodoma', 'Dodoma CC'),
  );
  let text = page;
  const pages = [page];
  while (/\n98\. /.test(page)) {
    page = await s.reply('98');
    pages.push(page);
    text += `\n${page}`;
  }
  return {
    text,
    // Chooses `name` on the last page shown, else goes back to where it is listed.
    pick: async (name: string) => {
      const line = (p: string) => new RegExp(`^(\\d+)\\. ${name}$`, 'm').exec(p);
      const onLast = line(page);
      if (!onLast) throw new Error(`${name} not on the last category page:\n${page}`);
      return s.replies(onLast[1] ?? '', 'Nguzo imeanguka', 'Hakuna umeme tangu jana', '1', '1');
    },
  };
}

describe('categories as data', () => {
  test('when headquarters adds Umeme / Electricity with a 2-day first response, then USSD offers it at once and a filing gets its deadline', async () => {
    const { agent, csrf } = await hq();

    const added = await post(agent, csrf, '/console/categories', electricity);
    expect(added.status).toBe(303);
    const list = await agent.get(added.headers.location ?? '');
    expect(textOf(list.text)).toContain('Electricity added: it is in the USSD menu now.');
    expect(textOf(list.text)).toMatch(
      /Umeme Electricity electricity first response 2 working days/,
    );

    const menu = await categoryMenu();
    expect(menu.text).toMatch(/\d+\. Electricity\n/);
    expect(await menu.pick('Electricity')).toMatch(/^END /);
    const [row] = w.db
      .select()
      .from(complaints)
      .where(eq(complaints.categoryCode, 'electricity'))
      .all();
    expect(row?.firstResponseDueAt).toBe(
      firstResponseDue(row?.createdAt ?? 0, {
        firstResponseWorkingDays: 2,
        resolutionDays: 14,
        holidays: new Set(),
      }),
    );
    expect(row?.firstResponseDueAt).not.toBe(
      firstResponseDue(row?.createdAt ?? 0, {
        firstResponseWorkingDays: 3,
        resolutionDays: 14,
        holidays: new Set(),
      }),
    );
  });

  test('when a category is renamed, moved up and another retired, then the USSD menu shows exactly that', async () => {
    const { agent, csrf } = await hq();
    const before = (await categoryMenu()).text;
    expect(before).toMatch(/1\. Health\n2\. Education\n3\. Water\n4\. Roads\n/);

    const renamed = await post(agent, csrf, '/console/categories/water', {
      nameSw: 'Maji safi',
      nameEn: 'Clean water',
      firstResponseDays: '',
      resolutionDays: '',
      public: '1',
    });
    expect(renamed.status).toBe(303);
    expect(
      (await post(agent, csrf, '/console/categories/water/move', { direction: 'up' })).status,
    ).toBe(303);
    expect((await post(agent, csrf, '/console/categories/roads/retire', {})).status).toBe(303);

    const after = (await categoryMenu()).text;
    expect(after).toMatch(/1\. Health\n2\. Clean water\n3\. Education\n4\. Land\n/);
    expect(after).not.toContain('Roads');

    expect((await post(agent, csrf, '/console/categories/roads/restore', {})).status).toBe(303);
    expect((await categoryMenu()).text).toMatch(/\d\. Roads\n/);
  });

  test('when a category is not published, then Open311 lists neither it nor its complaints', async () => {
    const corruption = w.file({ council: 'DOD-DOC', category: 'corruption' });
    const water = w.file({ council: 'DOD-DOC', category: 'water' });
    const { agent, csrf } = await hq();
    const services = async () =>
      (
        (await request(w.app).get('/open311/v2/services.json')).body as { service_code: string }[]
      ).map((s) => s.service_code);
    const requests = async () =>
      (
        (await request(w.app).get('/open311/v2/requests.json')).body as {
          service_request_id: string;
        }[]
      ).map((r) => r.service_request_id);
    expect(await services()).toContain('corruption');
    expect((await requests()).length).toBe(2);

    const hidden = await post(agent, csrf, '/console/categories/corruption', {
      nameSw: 'Rushwa',
      nameEn: 'Corruption',
      firstResponseDays: '',
      resolutionDays: '',
    });
    expect(hidden.status).toBe(303);

    expect(await services()).not.toContain('corruption');
    expect(await services()).toContain('water');
    const listed = await requests();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain(water.number.slice(-4));
    expect(
      (await request(w.app).get(`/open311/v2/requests/${corruption.number}.json`)).status,
    ).toBe(404);
    expect(
      (await request(w.app).get('/open311/v2/requests.json?service_code=corruption')).status,
    ).toBe(400);
  });

  test('when a name is too long, not plain SMS letters or already taken, then each is refused with its reason and nothing changes', async () => {
    const { agent, csrf } = await hq();
    const res = await post(agent, csrf, '/console/categories', {
      nameSw: 'Huduma za umeme na nishati ya jua vijijini',
      nameEn: 'Power “grid”',
      firstResponseDays: '0',
      resolutionDays: 'x',
      public: '1',
    });
    expect(res.status).toBe(400);
    const text = textOf(res.text);
    expect(text).toContain(
      'Enter 2 to 30 characters: a longer name would push a USSD screen past 160 characters with the longest council names',
    );
    expect(text).toContain('Use letters a phone sends as plain SMS');
    expect(text).toContain('Enter a whole number of days from 1 to 365, or leave it empty');
    const taken = await post(agent, csrf, '/console/categories', {
      ...electricity,
      nameEn: 'water',
    });
    expect(taken.status).toBe(400);
    expect(textOf(taken.text)).toContain('Another category already has this name');
    expect(w.console.reference.categories).toHaveLength(9);
  });

  test('when categories change, then the audit log says who changed what, before and after, and the page shows it', async () => {
    const { agent, csrf } = await hq();
    await post(agent, csrf, '/console/categories', electricity);
    await post(agent, csrf, '/console/categories/water', {
      nameSw: 'Maji safi',
      nameEn: 'Clean water',
      firstResponseDays: '',
      resolutionDays: '10',
      public: '1',
    });
    await post(agent, csrf, '/console/categories/roads/retire', {});
    // Refused changes leave no trace.
    await post(agent, csrf, '/console/categories/land', { ...electricity, nameEn: 'x' });

    const rows = w.db.$client
      .prepare(
        "SELECT actor_staff_id, entity_id, action, before, after FROM audit_log WHERE entity_kind = 'category' ORDER BY id",
      )
      .all() as {
      actor_staff_id: number;
      entity_id: string;
      action: string;
      before: string | null;
      after: string;
    }[];
    expect(rows.map((r) => [r.actor_staff_id, r.entity_id, r.action])).toEqual([
      [w.desk.hq.id, 'electricity', 'create'],
      [w.desk.hq.id, 'water', 'update'],
      [w.desk.hq.id, 'roads', 'retire'],
    ]);
    expect(rows[0]?.before).toBeNull();
    expect(JSON.parse(rows[1]?.before ?? '{}')).toMatchObject({
      nameEn: 'Water',
      resolutionDays: null,
    });
    expect(JSON.parse(rows[1]?.after ?? '{}')).toMatchObject({
      nameEn: 'Clean water',
      resolutionDays: 10,
    });
    expect(JSON.parse(rows[2]?.after ?? '{}')).toMatchObject({ retired: true });

    const page = textOf((await agent.get('/console/categories')).text);
    expect(page).toContain('Changes to categories');
    expect(page).toMatch(
      /Zawadi Mrema Category water Changed Maji \/ Water, place 3; first response default, resolution default; Published; In the menus Maji safi \/ Clean water, place 3; first response default, resolution 10 days; Published; In the menus/,
    );
    expect(page).toMatch(/Category roads Retired .* In the menus .* Retired/);
  });

  test('when the last category in the menu would be retired, then it is refused', async () => {
    const { agent, csrf } = await hq();
    const codes = [...w.console.reference.categories];
    for (const code of codes.slice(1)) {
      expect((await post(agent, csrf, `/console/categories/${code}/retire`, {})).status).toBe(303);
    }
    const last = await post(agent, csrf, `/console/categories/${codes[0]}/retire`, {});
    expect(last.status).toBe(409);
    expect(textOf(last.text)).toContain('The last category in the menu cannot be retired.');
    expect(w.console.reference.categories).toEqual([codes[0]]);
  });

  test('when a supervisor or an officer opens the categories, then they are refused and the link is not shown', async () => {
    for (const phone of [DESK.darSup.phone, DESK.neema.phone]) {
      const { agent, csrf } = await signedIn(w, phone);
      expect((await agent.get('/console/categories')).status).toBe(403);
      expect((await post(agent, csrf, '/console/categories', electricity)).status).toBe(403);
      expect((await agent.get('/console')).text).not.toContain('href="/console/categories"');
    }
    expect(w.console.reference.categories).not.toContain('electricity');
  });
});
