/**
 * /console/dashboard through the real app: the page for each role, its links to the queue (and
 * that the queue they open holds the complaints behind the figure), the CSV downloads read back
 * with a CSV parser, scoped, and their public form; a region's dashboard narrowed to one council,
 * by ward (issue 19).
 */
import { parse } from 'csv-parse/sync';
import { forgetFillIns } from '../helpers/upgrade';
import { DESK, eat } from '../helpers/world';
import { NOW, WEEK, seedWeek } from './dashboard-world';
import { openConsoleWorld, signedIn, textOf, type Agent, type ConsoleWorld } from './world';

let w: ConsoleWorld;
let numbers: Record<string, string>;
beforeEach(() => {
  w = openConsoleWorld();
  numbers = seedWeek(w);
});
afterEach(() => w.close());

const WEEK_Q = `period=custom&from=${WEEK.from}&to=${WEEK.to}`;
const unescape = (s: string) => s.replace(/&amp;/g, '&');
const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) => unescape(m[1] ?? ''));

async function csvOf(agent: Agent, url: string): Promise<string[][]> {
  const res = await agent
    .get(url)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  return parse((res.body as Buffer).toString('utf8'), { bom: true });
}

describe('the dashboard page', () => {
  it('when an upgrade is still filling in older complaints, then it says how far instead of figures', async () => {
    const sup = await signedIn(w, DESK.darSup.phone);
    forgetFillIns(w.db, ['work_times']);
    const times = textOf((await sup.agent.get(`/console/dashboard?${WEEK_Q}`)).text);
    expect(times).toMatch(/8 Received 3 Resolved/);
    expect(times).toContain('Being prepared: 0 %. Kero is working out the office times');
    expect(times).not.toMatch(/Median \d|\d h/); // no median of a part of the office times
    expect(times).toContain('Median first response Neema Kweka 4 3 3 –');

    forgetFillIns(w.db, ['due_times']);
    w.db.$client.exec(
      `UPDATE background_jobs SET cursor = 6, target = 10 WHERE name = 'due_times'`,
    );
    const figures = textOf((await sup.agent.get(`/console/dashboard?${WEEK_Q}`)).text);
    expect(figures).toContain('Figures are being prepared: 60 %.');
    expect(figures).not.toMatch(/Received|Still open|By council/);
    const csv = await csvOf(sup.agent, `/console/dashboard.csv?${WEEK_Q}&table=area`);
    expect(csv).toEqual([[expect.stringMatching(/^Figures are being prepared: 60 %\./)]]);
  });

  it('when each role opens it, then it renders in their scope and language', async () => {
    const pages = {
      officer: await signedIn(w, DESK.neema.phone),
      supervisor: await signedIn(w, DESK.darSup.phone),
      hq: await signedIn(w, DESK.hq.phone),
      swahili: await signedIn(w, DESK.aruSup.phone),
    };
    const text = async (a: { agent: Agent }) => {
      const res = await a.agent.get(`/console/dashboard?${WEEK_Q}`);
      expect(res.status).toBe(200);
      return textOf(res.text);
    };
    const officer = await text(pages.officer);
    expect(officer).toContain('Your councils and the complaints assigned to you');
    expect(officer).toContain('Complaints filed from 02/03/2026 to 08/03/2026');
    expect(officer).not.toContain('Median first response'); // no staff table
    const supervisor = await text(pages.supervisor);
    expect(supervisor).toContain('Region Dar es Salaam');
    expect(supervisor).toMatch(/8 Received 3 Resolved 5 Still open 1 Unattended/);
    expect(supervisor).toContain('Neema Kweka 4 3 3 3 h');
    const hq = await text(pages.hq);
    expect(hq).toContain('All regions');
    expect(hq).toMatch(/Dar es Salaam 8 /);
    const sw = await text(pages.swahili);
    expect(sw).toContain('Takwimu');
    expect(sw).toContain('Mkoa wa Arusha');
  });

  it('when any page is open, then the navigation offers the dashboard to every role', async () => {
    for (const phone of [DESK.neema.phone, DESK.darSup.phone, DESK.hq.phone]) {
      const { agent } = await signedIn(w, phone);
      const queue = await agent.get('/console');
      expect(hrefs(queue.text)).toContain('/console/dashboard');
    }
  });

  it('when a figure is followed, then the queue opens filtered to the complaints behind it', async () => {
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const page = await agent.get(`/console/dashboard?${WEEK_Q}`);
    const link = `/console?tab=open&council=DAR-KIM&from=${WEEK.from}&to=${WEEK.to}`;
    expect(hrefs(page.text)).toContain(link);
    expect(hrefs(page.text)).toContain(`/console?tab=unassigned&from=${WEEK.from}&to=${WEEK.to}`);
    expect(hrefs(page.text)).toContain(
      `/console?tab=resolved&channel=sms&from=${WEEK.from}&to=${WEEK.to}`,
    );
    const queue = textOf((await agent.get(link)).text);
    // Open in Kinondoni, filed in the week: K and F; not H or I (outside), not A, B, D (resolved).
    const shown = (letter: string) =>
      queue.includes(numbers[letter]?.replace(/(\d{4})(\d{4})/, '$1 $2') ?? '?');
    expect(['K', 'F'].every(shown)).toBe(true);
    expect(['H', 'I', 'A', 'B', 'D', 'E'].some(shown)).toBe(false);
  });

  it('when headquarters picks a region, then it sees that region by council, with its staff', async () => {
    const { agent } = await signedIn(w, DESK.hq.phone);
    const all = await agent.get(`/console/dashboard?${WEEK_Q}`);
    const regionLink = hrefs(all.text).find((h) => h.includes('region=DAR'));
    expect(regionLink).toBe(
      `/console/dashboard?period=custom&from=${WEEK.from}&to=${WEEK.to}&region=DAR`,
    );
    const dar = await agent.get(regionLink ?? '');
    expect(textOf(dar.text)).toContain('Region Dar es Salaam');
    expect(textOf(dar.text)).toContain('Rehema Mushi 1 0 0 –');
    expect(hrefs(dar.text)).toContain(
      `/console?tab=open&region=DAR&council=DAR-KIM&from=${WEEK.from}&to=${WEEK.to}`,
    );
  });

  it('when the custom dates are wrong, then the page says so and shows the last 30 days', async () => {
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const res = await agent.get('/console/dashboard?period=custom&from=2026-03-08&to=2026-03-01');
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain('The last day is before the first day.');
  });
});

describe('the dashboard as CSV', () => {
  it('when a supervisor downloads the councils, then it is their region and the figures of the page', async () => {
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const rows = await csvOf(agent, `/console/dashboard.csv?${WEEK_Q}&table=area`);
    expect(rows[0]).toEqual([
      'Area',
      'Received',
      'Resolved',
      'Still open',
      'Unattended',
      'First response on time',
      'Resolved on time',
      'Reopened',
      'Average rating',
      'Per 10,000 people',
    ]);
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['Kinondoni MC', '5', '3', '2', '1'],
      ['Temeke MC', '1', '0', '1', '0'],
      ['Ubungo MC', '2', '0', '2', '0'],
    ]);
  });

  it("when Arusha's supervisor downloads, then no Dar es Salaam council is in it", async () => {
    const { agent } = await signedIn(w, DESK.aruSup.phone);
    const rows = await csvOf(agent, `/console/dashboard.csv?${WEEK_Q}&table=area`);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([['Arusha Jiji', '1']]);
  });

  it('when the public form is asked for, then cells under 5 read "<5" and their shares go', async () => {
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const rows = await csvOf(agent, `/console/dashboard.csv?${WEEK_Q}&table=area&public=1`);
    expect(rows.slice(1)).toEqual([
      // First response on time: A, B, D of K, A, B, D, F (K and F unanswered past the deadline).
      ['Kinondoni MC', '5', '<5', '<5', '<5', '60', '100', '33.3', '3.33', '0.05'],
      ['Temeke MC', '<5', '<5', '<5', '<5', '', '', '', '', ''],
      ['Ubungo MC', '<5', '<5', '<5', '<5', '', '', '', '', ''],
    ]);
  });

  it('when the trend and the staff are downloaded, then they hold 12 weeks and the staff', async () => {
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const trend = await csvOf(agent, `/console/dashboard.csv?${WEEK_Q}&table=trend`);
    expect(trend).toHaveLength(13);
    expect(trend[12]).toEqual(['02/03/2026 to 08/03/2026', '8', '3']);
    const staff = await csvOf(agent, `/console/dashboard.csv?${WEEK_Q}&table=staff`);
    expect(staff.slice(1)).toEqual([
      ['Neema Kweka', '4', '3', '3', '3'],
      ['Juma Said', '2', '2', '0', '1'],
      ['Rehema Mushi', '1', '0', '0', ''],
    ]);
  });
});

describe('one council of a region, by ward', () => {
  const KIM = `/console/dashboard?${WEEK_Q}&council=DAR-KIM`;
  const DATES = `from=${WEEK.from}&to=${WEEK.to}`;
  /** The first `n` cells of each row of the table captioned `caption`, as text. */
  const tableRows = (html: string, caption: string, n: number) => {
    const table = new RegExp(`<caption>${caption}</caption>([\\s\\S]*?)</table>`).exec(html)?.[1];
    return [...(table ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)]
        .slice(0, n)
        .map((cell) => textOf(cell[1] ?? '')),
    );
  };

  it('when a supervisor follows a council of the by-council table, then its dashboard breaks it down by ward, the unmatched in a row of their own', async () => {
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const region = await agent.get(`/console/dashboard?${WEEK_Q}`);
    expect(hrefs(region.text)).toContain(
      `/console/dashboard?period=custom&${DATES}&council=DAR-KIM`,
    );

    const res = await agent.get(KIM);
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain('Kinondoni MC, region Dar es Salaam.');
    // K, A, B, D and F: Kinondoni's five of the week (H and I outside it).
    expect(text).toMatch(/5 Received 3 Resolved 2 Still open 1 Unattended/);
    expect(text).not.toContain('By council');
    expect(tableRows(res.text, 'By ward', 5)).toEqual([
      ['Area', 'Received', 'Resolved', 'Still open', 'Unattended'],
      ['Magomeni', '2', '2', '0', '0'],
      ['Mzimuni', '1', '1', '0', '0'],
      ['Not matched to a ward', '2', '0', '2', '1'],
    ]);
    // The staff who hold Kinondoni's complaints: Neema (K, A, B, D), not Juma (Ubungo's).
    expect(tableRows(res.text, 'Staff', 5).slice(1)).toEqual([
      ['Neema Kweka', '4', '3', '3', '3 h'],
    ]);
    // Up to the region, and the period's own links keep the council.
    expect(hrefs(res.text)).toContain(`/console/dashboard?period=custom&${DATES}`);
    expect(text).toContain('All councils of region Dar es Salaam');
    expect(hrefs(res.text)).toContain('/console/dashboard?period=week&council=DAR-KIM');
    expect(res.text).toContain('<input type="hidden" name="council" value="DAR-KIM"/>');
  });

  it("when a ward's figure is followed, then the queue opens on that ward's complaints; the unmatched row leads nowhere", async () => {
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const page = (await agent.get(KIM)).text;
    const resolved = `/console?tab=resolved&council=DAR-KIM&ward=14101&${DATES}`;
    expect(hrefs(page)).toContain(resolved);
    expect(hrefs(page)).toContain(`/console?tab=open&council=DAR-KIM&ward=14102&${DATES}`);
    // Every queue link of the page keeps to the council.
    const queueLinks = hrefs(page).filter((h) => h.startsWith('/console?'));
    expect(queueLinks.length).toBeGreaterThan(10);
    expect(queueLinks.filter((h) => !h.includes('council=DAR-KIM'))).toEqual([]);
    const unmatched = /<tr><th scope="row">Not matched to a ward<\/th>[\s\S]*?<\/tr>/.exec(
      page,
    )?.[0];
    expect(unmatched).toContain('<td class="num">2</td>');
    expect(unmatched).not.toContain('<a ');
    const queue = textOf((await agent.get(resolved)).text);
    const shown = (letter: string) =>
      queue.includes(numbers[letter]?.replace(/(\d{4})(\d{4})/, '$1 $2') ?? '?');
    expect(['A', 'D'].every(shown)).toBe(true);
    expect(['B', 'H', 'K', 'F'].some(shown)).toBe(false);
  });

  it('when headquarters looks at a region, then its councils lead to their ward dashboards, the region kept', async () => {
    const { agent } = await signedIn(w, DESK.hq.phone);
    const dar = await agent.get(`/console/dashboard?${WEEK_Q}&region=DAR`);
    const link = `/console/dashboard?period=custom&${DATES}&region=DAR&council=DAR-KIM`;
    expect(hrefs(dar.text)).toContain(link);
    const kim = await agent.get(link);
    expect(textOf(kim.text)).toContain('Kinondoni MC, region Dar es Salaam.');
    expect(hrefs(kim.text)).toContain(
      `/console?tab=open&region=DAR&council=DAR-KIM&ward=14101&${DATES}`,
    );
    expect(hrefs(kim.text)).toContain(`/console/dashboard?period=custom&${DATES}&region=DAR`);
    // Without a region, headquarters sees the country: a council alone narrows nothing.
    const country = textOf((await agent.get(`/console/dashboard?${WEEK_Q}&council=DAR-KIM`)).text);
    expect(country).toContain('All regions.');
    expect(country).toContain('By region');
  });

  it("when the council is not of the viewer's region, or the viewer is an officer, then it is ignored", async () => {
    const sup = await signedIn(w, DESK.darSup.phone);
    const other = textOf(
      (await sup.agent.get(`/console/dashboard?${WEEK_Q}&council=ARU-ARC`)).text,
    );
    expect(other).toContain('Region Dar es Salaam.');
    expect(other).toContain('By council');
    expect(other).not.toContain('By ward');
    const officer = await signedIn(w, DESK.neema.phone);
    const own = textOf(
      (await officer.agent.get(`/console/dashboard?${WEEK_Q}&council=DAR-KIM`)).text,
    );
    expect(own).toContain('Your councils and the complaints assigned to you.');
    expect(own).not.toContain('By ward');
  });

  it('when a council has no ward list (Zanzibar), then its dashboard keeps the council as its one area', async () => {
    w.clock.set(eat('2026-03-03 10:00'));
    w.file({ council: 'KUN-KAA', phone: '+255689000999' });
    w.clock.set(NOW);
    const { agent } = await signedIn(w, DESK.hq.phone);
    const res = await agent.get(`/console/dashboard?${WEEK_Q}&region=KUN&council=KUN-KAA`);
    expect(textOf(res.text)).toContain('Kaskazini A, region Kaskazini Unguja.');
    expect(res.text).not.toContain('By ward');
    expect(tableRows(res.text, 'By council', 2).slice(1)).toEqual([['Kaskazini A', '1']]);
  });

  it('when the council is downloaded, then the CSV is by ward, without a population rate, in its public form too', async () => {
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const rows = await csvOf(agent, `/console/dashboard.csv?${WEEK_Q}&council=DAR-KIM&table=area`);
    expect(rows[0]).toEqual([
      'Area',
      'Received',
      'Resolved',
      'Still open',
      'Unattended',
      'First response on time',
      'Resolved on time',
      'Reopened',
      'Average rating',
    ]);
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['Magomeni', '2', '2', '0', '0'],
      ['Mzimuni', '1', '1', '0', '0'],
      ['Not matched to a ward', '2', '0', '2', '1'],
    ]);
    const published = await csvOf(
      agent,
      `/console/dashboard.csv?${WEEK_Q}&council=DAR-KIM&table=area&public=1`,
    );
    expect(published[1]).toEqual(['Magomeni', '<5', '<5', '<5', '<5', '', '', '', '']);
  });

  it("when Arusha's supervisor narrows to Arusha City, then the table reads in Kiswahili", async () => {
    const { agent } = await signedIn(w, DESK.aruSup.phone);
    const res = await agent.get(`/console/dashboard?${WEEK_Q}&council=ARU-ARC`);
    expect(tableRows(res.text, 'Kwa kata', 2).slice(1)).toEqual([['Kata haikutambuliwa', '1']]);
  });
});
