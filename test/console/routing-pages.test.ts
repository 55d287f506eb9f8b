/**
 * The Teams and Routing rules pages: who may open and change them (officers 403, a supervisor
 * only their region, headquarters everything), "who would get it now?", the marks on rules that
 * point at nobody active, form errors, and the audit log headquarters reads.
 */
import { listAudit } from '../../src/audit/repository';
import type { StaffRow } from '../../db/schema';
import { DESK } from '../helpers/world';
import { openConsoleWorld, signedIn, textOf, type Agent, type ConsoleWorld } from './world';

let w: ConsoleWorld;
let asha: StaffRow;
let juma: StaffRow;
beforeEach(() => {
  w = openConsoleWorld();
  asha = w.hire({
    name: 'Asha Dodoma',
    phone: '+255722000001',
    role: 'officer',
    region: 'DOD',
    councils: ['DOD-DOC'],
    lang: 'en',
  });
  juma = w.hire({
    name: 'Juma Dodoma',
    phone: '+255722000002',
    role: 'officer',
    region: 'DOD',
    councils: ['DOD-KOD'],
    lang: 'en',
  });
});
afterEach(() => w.close());

const count = (table: string) =>
  (w.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const post = (agent: Agent, url: string, form: Record<string, string>) =>
  agent.post(url).type('form').send(form);

/** Headquarters makes a Dodoma team of Asha and Juma; returns its id. */
async function dodomaTeam(agent: Agent, csrf: string): Promise<number> {
  const made = await post(agent, '/console/teams', {
    _csrf: csrf,
    name: 'Maji Dodoma',
    region: 'DOD',
  });
  expect(made.status).toBe(303);
  const id = Number(/\/console\/teams\/(\d+)/.exec(made.headers.location ?? '')?.[1]);
  for (const s of [asha, juma]) {
    const added = await post(agent, `/console/teams/${id}/members`, {
      _csrf: csrf,
      staff: String(s.id),
    });
    expect(added.status).toBe(303);
  }
  return id;
}

describe('who may open and change them', () => {
  test('when an officer opens or posts to the pages, then 403 and no links in the menu', async () => {
    const { agent, csrf } = await signedIn(w, DESK.neema.phone);
    for (const url of [
      '/console/teams',
      '/console/rules',
      '/console/rules?category=water&council=DAR-KIM',
    ]) {
      expect([url, (await agent.get(url)).status]).toEqual([url, 403]);
    }
    const res = await post(agent, '/console/rules', {
      _csrf: csrf,
      category: 'water',
      where: 'council:DAR-KIM',
      target: `staff:${w.desk.neema.id}`,
    });
    expect(res.status).toBe(403);
    expect(
      (await post(agent, '/console/teams', { _csrf: csrf, name: 'Yetu', region: 'DAR' })).status,
    ).toBe(403);
    expect([count('routing_rules'), count('teams')]).toEqual([0, 0]);
    const home = (await agent.get('/console')).text;
    expect(home).not.toContain('href="/console/rules"');
    expect(home).not.toContain('href="/console/teams"');
  });

  test('when a supervisor or headquarters signs in, then the menu links both pages, beside Staff', async () => {
    for (const phone of [DESK.darSup.phone, DESK.hq.phone]) {
      const { agent } = await signedIn(w, phone);
      const home = (await agent.get('/console')).text;
      expect(home).toMatch(
        /href="\/console\/staff".*href="\/console\/teams".*href="\/console\/rules"/s,
      );
    }
  });

  test('when a supervisor posts a rule for everywhere or another region, then 403 and nothing is saved', async () => {
    const { agent, csrf } = await signedIn(w, DESK.darSup.phone);
    for (const where of ['everywhere', 'region:ARU', 'council:ARU-ARC']) {
      const res = await post(agent, '/console/rules', {
        _csrf: csrf,
        category: 'water',
        where,
        target: `staff:${w.desk.juma.id}`,
      });
      expect([where, res.status]).toEqual([where, 403]);
    }
    expect(count('routing_rules')).toBe(0);
    const logged = w.db.$client
      .prepare("SELECT count(*) AS n FROM audit_log WHERE entity_kind IN ('routing_rule', 'team')")
      .get() as { n: number };
    expect(logged.n).toBe(0);
  });

  test('when a supervisor tries to change a national rule (403) or another region’s (404), then nothing changes', async () => {
    const hq = await signedIn(w, DESK.hq.phone);
    const make = async (where: string, target: StaffRow) => {
      const res = await post(hq.agent, '/console/rules', {
        _csrf: hq.csrf,
        category: 'roads',
        where,
        target: `staff:${target.id}`,
      });
      expect(res.status).toBe(303);
    };
    await make('everywhere', w.desk.hq);
    await make('region:ARU', w.desk.aruOfficer);
    const [national, arusha] = w.db.$client
      .prepare('SELECT id FROM routing_rules ORDER BY id')
      .all() as { id: number }[];
    const before = w.db.$client.prepare('SELECT * FROM routing_rules ORDER BY id').all();
    const sup = await signedIn(w, DESK.darSup.phone);
    const edit = {
      _csrf: sup.csrf,
      category: 'roads',
      where: 'region:DAR',
      target: `staff:${w.desk.juma.id}`,
    };
    expect((await post(sup.agent, `/console/rules/${national?.id}`, edit)).status).toBe(403);
    expect(
      (await post(sup.agent, `/console/rules/${national?.id}/delete`, { _csrf: sup.csrf })).status,
    ).toBe(403);
    expect((await post(sup.agent, `/console/rules/${arusha?.id}`, edit)).status).toBe(404);
    expect(
      (await post(sup.agent, `/console/rules/${arusha?.id}/delete`, { _csrf: sup.csrf })).status,
    ).toBe(404);
    expect((await sup.agent.get(`/console/rules/${arusha?.id}`)).status).toBe(404);
    expect(w.db.$client.prepare('SELECT * FROM routing_rules ORDER BY id').all()).toEqual(before);
    // The national rule is on the supervisor's list, not editable; Arusha's is not there.
    const page = textOf((await sup.agent.get('/console/rules')).text);
    expect(page).toContain('Rules: 1');
    expect(page).toContain('Roads Everywhere Zawadi Mrema (Headquarters) Set by headquarters');
    expect(page).not.toContain('Arusha (whole region)');
  });

  test('when a supervisor opens another region’s team, then 404; their own team they may edit', async () => {
    const hq = await signedIn(w, DESK.hq.phone);
    const dodoma = await dodomaTeam(hq.agent, hq.csrf);
    const sup = await signedIn(w, DESK.darSup.phone);
    expect((await sup.agent.get(`/console/teams/${dodoma}`)).status).toBe(404);
    expect(
      (await post(sup.agent, `/console/teams/${dodoma}/rename`, { _csrf: sup.csrf, name: 'Yetu' }))
        .status,
    ).toBe(404);
    const made = await post(sup.agent, '/console/teams', {
      _csrf: sup.csrf,
      name: 'Maji Dar',
      region: 'DAR',
    });
    expect(made.status).toBe(303);
    const list = textOf((await sup.agent.get('/console/teams')).text);
    expect(list).toContain('Maji Dar');
    expect(list).not.toContain('Maji Dodoma');
    // A Dodoma officer cannot join a Dar es Salaam team.
    const id = /\/console\/teams\/(\d+)/.exec(made.headers.location ?? '')?.[1] ?? '';
    const res = await post(sup.agent, `/console/teams/${id}/members`, {
      _csrf: sup.csrf,
      staff: String(asha.id),
    });
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain('Only staff of the region of the team may join it');
    expect(count('team_members')).toBe(2); // the Dodoma team's two
  });
});

describe('headquarters routes water in Bahi DC to a team', () => {
  test('when the rule is saved, then the list shows it and the preview names one of the two members', async () => {
    const { agent, csrf } = await signedIn(w, DESK.hq.phone);
    const team = await dodomaTeam(agent, csrf);
    const saved = await post(agent, '/console/rules', {
      _csrf: csrf,
      category: 'water',
      where: 'council:DOD-BAD',
      target: `team:${team}`,
    });
    expect(saved.status).toBe(303);
    const after = await agent.get(saved.headers.location ?? '');
    expect(textOf(after.text)).toContain('Rule added: Water in Bahi DC.');
    expect(textOf(after.text)).toMatch(/Water Bahi DC Team Maji Dodoma/);
    expect(after.text).not.toContain('data-no-active');

    const preview = await agent.get('/console/rules?category=water&council=DOD-BAD');
    const answer = textOf(
      /<div class="notice" role="status" id="preview-answer">([\s\S]*?)<\/div>/.exec(
        preview.text,
      )?.[1] ?? '',
    );
    expect(answer).toContain('Water in Bahi DC');
    expect(answer).toContain('Rule: Water in Bahi DC goes to Team Maji Dodoma.');
    expect(answer).toMatch(/Now it would go to (Asha|Juma) Dodoma \(Officer, 0 open\)\./);
    // Filed now, it lands with the one the preview named.
    const named = /Now it would go to ((?:Asha|Juma) Dodoma)/.exec(answer)?.[1];
    const c = w.file({ council: 'DOD-BAD', category: 'water' });
    expect(c.assigneeId).toBe(named === 'Asha Dodoma' ? asha.id : juma.id);
  });

  test('when no rule applies, then the preview says the default assignment picks the council’s officer', async () => {
    const { agent } = await signedIn(w, DESK.hq.phone);
    const page = await agent.get('/console/rules?category=water&council=DAR-KIM');
    const text = textOf(page.text);
    expect(text).toContain(
      'No rule applies: the default assignment picks Neema Kweka (Officer, 0 open).',
    );
    expect(text).toContain('A complaint matched to a ward with its own officer');
  });

  test('when the preview asks for a council outside a supervisor’s region or no category, then it says what to choose', async () => {
    const { agent } = await signedIn(w, DESK.darSup.phone);
    for (const q of ['category=water&council=DOD-BAD', 'category=&council=DAR-KIM']) {
      const text = textOf((await agent.get(`/console/rules?${q}`)).text);
      expect([
        q,
        text.includes('Choose a category and a council'),
        text.includes('Now it would go'),
      ]).toEqual([q, true, false]);
    }
  });

  test('when the team’s members are deactivated, then the rule is marked and the preview falls back', async () => {
    const { agent, csrf } = await signedIn(w, DESK.hq.phone);
    const team = await dodomaTeam(agent, csrf);
    await post(agent, '/console/rules', {
      _csrf: csrf,
      category: 'water',
      where: 'council:DOD-BAD',
      target: `team:${team}`,
    });
    const dodSup = w.hire({
      name: 'Rehema Dodoma',
      phone: '+255722000009',
      role: 'supervisor',
      region: 'DOD',
      lang: 'en',
    });
    for (const s of [asha, juma]) {
      expect((await post(agent, `/console/staff/${s.id}/deactivate`, { _csrf: csrf })).status).toBe(
        303,
      );
    }
    const page = await agent.get('/console/rules?category=water&council=DOD-BAD');
    const text = textOf(page.text);
    expect(text).toContain(
      'No active member: complaints fall back to a broader rule or the default assignment',
    );
    expect(text).toContain('Passed over, no active member: Water in Bahi DC → Team Maji Dodoma.');
    expect(text).toContain(
      'No rule applies: the default assignment picks Rehema Dodoma (Supervisor, 0 open).',
    );
    expect(w.file({ council: 'DOD-BAD' }).assigneeId).toBe(dodSup.id);
    const teams = textOf((await agent.get('/console/teams')).text);
    expect(teams).toContain('Asha Dodoma (inactive), Juma Dodoma (inactive)');
    expect(teams).toContain(
      'No active member: rules that use it fall back to the default assignment',
    );
  });

  test('when a rule uses the team, then deleting it is refused with the rules listed; after the rule goes, it is deleted', async () => {
    const { agent, csrf } = await signedIn(w, DESK.hq.phone);
    const team = await dodomaTeam(agent, csrf);
    await post(agent, '/console/rules', {
      _csrf: csrf,
      category: 'water',
      where: 'council:DOD-BAD',
      target: `team:${team}`,
    });
    const refused = await post(agent, `/console/teams/${team}/delete`, { _csrf: csrf });
    expect(refused.status).toBe(409);
    expect(textOf(refused.text)).toContain('Routing rules that send complaints to this team: 1.');
    expect(count('teams')).toBe(1);
    const rule = w.db.$client.prepare('SELECT id FROM routing_rules').get() as { id: number };
    expect((await post(agent, `/console/rules/${rule.id}/delete`, { _csrf: csrf })).status).toBe(
      303,
    );
    const deleted = await post(agent, `/console/teams/${team}/delete`, { _csrf: csrf });
    expect([deleted.status, deleted.headers.location]).toEqual([
      303,
      '/console/teams?done=delete&name=Maji%20Dodoma',
    ]);
    expect([count('teams'), count('team_members')]).toEqual([0, 0]);
  });
});

describe('forms', () => {
  test('when the rule form is sent empty, then every field says what is missing, next to it', async () => {
    const { agent, csrf } = await signedIn(w, DESK.hq.phone);
    const res = await post(agent, '/console/rules', {
      _csrf: csrf,
      category: '',
      where: '',
      target: '',
    });
    expect(res.status).toBe(400);
    const text = textOf(res.text);
    for (const m of [
      'Choose a category',
      'Choose where the rule applies',
      'Choose an active staff member or a team',
    ]) {
      expect(text).toContain(m);
    }
    expect(res.text).toContain('href="#add-where"');
    expect(count('routing_rules')).toBe(0);
  });

  test('when a second rule names the same category and place, then it is refused and the first is kept', async () => {
    const { agent, csrf } = await signedIn(w, DESK.hq.phone);
    const rule = {
      _csrf: csrf,
      category: 'water',
      where: 'region:DOD',
      target: `staff:${asha.id}`,
    };
    expect((await post(agent, '/console/rules', rule)).status).toBe(303);
    const again = await post(agent, '/console/rules', { ...rule, target: `staff:${juma.id}` });
    expect(again.status).toBe(400);
    expect(textOf(again.text)).toContain('A rule for this category and place exists already');
    expect(w.db.$client.prepare('SELECT staff_id FROM routing_rules').all()).toEqual([
      { staff_id: asha.id },
    ]);
  });

  test('when a rule is edited, then the form comes filled and the change is saved', async () => {
    const { agent, csrf } = await signedIn(w, DESK.hq.phone);
    await post(agent, '/console/rules', {
      _csrf: csrf,
      category: 'water',
      where: 'region:DOD',
      target: `staff:${asha.id}`,
    });
    const id = (w.db.$client.prepare('SELECT id FROM routing_rules').get() as { id: number }).id;
    const form = await agent.get(`/console/rules/${id}`);
    expect(form.text).toMatch(/<option value="region:DOD" selected/);
    expect(form.text).toMatch(new RegExp(`<option value="staff:${asha.id}" selected`));
    const saved = await post(agent, `/console/rules/${id}`, {
      _csrf: csrf,
      category: 'water',
      where: 'council:DOD-KOD',
      target: `staff:${juma.id}`,
    });
    expect(saved.status).toBe(303);
    expect(w.db.$client.prepare('SELECT council_code, staff_id FROM routing_rules').all()).toEqual([
      { council_code: 'DOD-KOD', staff_id: juma.id },
    ]);
  });

  test('when a team name carries markup, then the pages show it as text', async () => {
    const { agent, csrf } = await signedIn(w, DESK.hq.phone);
    await post(agent, '/console/teams', { _csrf: csrf, name: '<b>Maji</b>', region: 'national' });
    const page = await agent.get('/console/teams');
    expect(page.text).toContain('&lt;b>Maji&lt;/b>');
    expect(page.text).not.toContain('<b>Maji</b>');
  });

  test('when a form comes without its token, then 403 and nothing changes', async () => {
    const { agent } = await signedIn(w, DESK.hq.phone);
    const res = await post(agent, '/console/teams', {
      _csrf: 'forged',
      name: 'Maji',
      region: 'DOD',
    });
    expect(res.status).toBe(403);
    expect(count('teams')).toBe(0);
  });
});

describe('the audit log on the rules page', () => {
  test('when headquarters and a supervisor make changes, then headquarters reads each one, newest first; the supervisor sees no log', async () => {
    const hq = await signedIn(w, DESK.hq.phone);
    const team = await dodomaTeam(hq.agent, hq.csrf);
    await post(hq.agent, '/console/rules', {
      _csrf: hq.csrf,
      category: 'water',
      where: 'council:DOD-BAD',
      target: `team:${team}`,
    });
    const sup = await signedIn(w, DESK.darSup.phone);
    await post(sup.agent, '/console/rules', {
      _csrf: sup.csrf,
      category: 'roads',
      where: 'council:DAR-KIM',
      target: `staff:${w.desk.neema.id}`,
    });

    // (The log holds the desk's hiring too: staff changes, issue 23.)
    const ruleLog = listAudit(w.db, { kinds: ['routing_rule', 'team'] });
    expect(ruleLog.map((a) => [a.actorStaffId, a.entityKind, a.action])).toEqual([
      [w.desk.darSup.id, 'routing_rule', 'create'],
      [w.desk.hq.id, 'routing_rule', 'create'],
      [w.desk.hq.id, 'team', 'add_member'],
      [w.desk.hq.id, 'team', 'add_member'],
      [w.desk.hq.id, 'team', 'create'],
    ]);
    const page = await hq.agent.get('/console/rules');
    const table =
      /<table class="cards" id="audit-log">([\s\S]*?)<\/table>/.exec(page.text)?.[1] ?? '';
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
      .slice(1)
      .map((m) => textOf(m[1] ?? ''));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(
      /^\d\d\/\d\d\/\d{4} \d\d:\d\d Rehema Mushi Rule \d+ Added Roads in Kinondoni MC → Neema Kweka$/,
    );
    expect(rows[1]).toContain('Zawadi Mrema');
    expect(rows[1]).toContain('Water in Bahi DC → Team Maji Dodoma');
    expect(rows[2]).toMatch(
      /Member added Maji Dodoma \(Dodoma\): Asha Dodoma Maji Dodoma \(Dodoma\): Asha Dodoma, Juma Dodoma$/,
    );
    expect(rows[4]).toMatch(/Team \d+ Added Maji Dodoma \(Dodoma\): No members$/);
    expect((await sup.agent.get('/console/rules')).text).not.toContain('id="audit-log"');
  });
});

describe('in Kiswahili', () => {
  test('when a supervisor reads in Kiswahili, then both pages speak it', async () => {
    w.db.$client.prepare("UPDATE staff SET language = 'sw' WHERE phone = ?").run(DESK.darSup.phone);
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const rules = textOf((await agent.get('/console/rules?category=water&council=DAR-KIM')).text);
    expect(rules).toContain('Kanuni za upangaji');
    expect(rules).toContain(
      'Hakuna kanuni inayohusika: upangaji wa kawaida unamchagua Neema Kweka (Afisa, wazi 0).',
    );
    expect(textOf((await agent.get('/console/teams')).text)).toContain('Hakuna timu bado.');
  });
});
