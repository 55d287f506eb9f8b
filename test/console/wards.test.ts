/**
 * Wards in the console (issue 19): the complaint page names the ward and village a place was
 * recognised as; the queue, filtered to a council with a ward list, filters by ward (in the
 * address, through its pages and counts) and names each row's ward; the queue's CSV has the
 * ward and its postcode. Complaints are filed with their ward through the real filing service.
 */
import { parse } from 'csv-parse/sync';
import { formatComplaintNumber } from '../../src/complaints/core/numbers';
import { PAGE_SIZE } from '../../src/complaints/queue';
import { DESK, HOUR, type Filing } from '../helpers/world';
import { openConsoleWorld, signedIn, textOf, type Agent, type ConsoleWorld } from './world';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

/** Magomeni and Mzimuni, wards of Kinondoni (DAR-KIM); Mburahati, of Ubungo (DAR-UBM). */
const MAGOMENI = '14101';
const MZIMUNI = '14102';
const MBURAHATI = '16101';

let phones = 0;
const file = (f: Filing) => w.file({ phone: `+2556891${String(++phones).padStart(5, '0')}`, ...f });
const shown = (number: string) => formatComplaintNumber(number);

/** The options of the select with this id: [value, label], the blank one left out. */
function options(html: string, id: string): [string, string][] {
  const select = new RegExp(`<select[^>]*id="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1];
  if (select === undefined) return [];
  return [...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)]
    .map((m): [string, string] => [m[1] ?? '', m[2] ?? ''])
    .filter(([value]) => value !== '');
}

const selected = (html: string, id: string) =>
  new RegExp(`<select[^>]*id="${id}"[\\s\\S]*?<option value="([^"]*)" selected`).exec(html)?.[1];

/** The complaint numbers of a queue page's rows, in order. */
const rowNumbers = (html: string) =>
  [...html.matchAll(/<td data-label="[^"]+"><a href="\/console\/c\/(\d{8})"/g)].map((m) => m[1]);

describe('the complaint page', () => {
  it('when the place was recognised, then it shows the ward with its postcode and the village beside the typed text', async () => {
    const c = file({ council: 'DAR-KIM', place: 'mtaa wa suna', ward: MAGOMENI, village: 'Suna' });
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const page = textOf((await agent.get(`/console/c/${c.number}`)).text);
    expect(page).toContain('Place as typed mtaa wa suna');
    expect(page).toContain('Ward Magomeni, postcode 14101');
    expect(page).toContain('Street or village Suna');
  });

  it('when only the ward was recognised, then no village is shown, and in Kiswahili it reads Kata', async () => {
    const c = file({ council: 'DAR-UBM', place: 'mburahati', ward: MBURAHATI });
    const { agent } = await signedIn(w, DESK.juma.phone);
    const page = textOf((await agent.get(`/console/c/${c.number}`)).text);
    expect(page).toContain('Kata Mburahati, postikodi 16101');
    expect(page).not.toContain('Mtaa au kijiji');
  });

  it('when a ward has no postcode in the list, then its name alone is shown', async () => {
    const c = file({ council: 'MBE-KYD', place: 'njisi', ward: '53700' });
    const { agent } = await signedIn(w, DESK.hq.phone);
    const page = textOf((await agent.get(`/console/c/${c.number}`)).text);
    expect(page).toContain('Ward Njisi Channel');
    expect(page).not.toContain('postcode');
  });

  it('when the place matched nothing, then the page is as before: the typed text, no ward', async () => {
    const c = file({ council: 'DAR-KIM', place: 'Mlimani Juu' });
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const page = textOf((await agent.get(`/console/c/${c.number}`)).text);
    expect(page).toContain('Ward or village Mlimani Juu Channel');
    expect(page).not.toMatch(/Place as typed|Ward [A-Z]|postcode|Street or village/);
  });
});

describe('the queue filtered by ward', () => {
  it("when the queue is filtered to Kinondoni, then a Ward select offers Kinondoni's 20 wards by name", async () => {
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const plain = (await agent.get('/console?tab=open')).text;
    expect(options(plain, 'f-ward')).toEqual([]); // no council: no ward select
    const kim = (await agent.get('/console?tab=open&council=DAR-KIM')).text;
    expect(kim).toContain('<label for="f-ward">Ward</label>');
    expect(options(kim, 'f-ward').map(([, name]) => name)).toEqual([
      'Bunju',
      'Hananasif',
      'Kawe',
      'Kigogo',
      'Kijitonyama',
      'Kinondoni',
      'Kunduchi',
      'Mabwepande',
      'Magomeni',
      'Makongo',
      'Makumbusho',
      'Mbezi Juu',
      'Mbweni',
      'Mikocheni',
      'Msasani',
      'Mwananyamala',
      'Mzimuni',
      'Ndugumbi',
      'Tandale',
      'Wazo',
    ]);
    expect(options(kim, 'f-ward')).toContainEqual([MAGOMENI, 'Magomeni']);
  });

  it('when a ward is chosen, then the queue, its counts and its links keep to it, and rows name their ward', async () => {
    const a = file({ council: 'DAR-KIM', ward: MAGOMENI, village: 'Suna' });
    w.clock.advance(HOUR);
    const b = file({ council: 'DAR-KIM', category: 'roads', ward: MAGOMENI });
    const other = file({ council: 'DAR-KIM', ward: MZIMUNI });
    const none = file({ council: 'DAR-KIM', place: 'Mlimani Juu' });
    const { agent } = await signedIn(w, DESK.darSup.phone);

    const res = await agent.get(`/console?tab=open&council=DAR-KIM&ward=${MAGOMENI}`);
    expect(res.status).toBe(200);
    expect(rowNumbers(res.text)).toEqual([a.number, b.number]);
    expect(selected(res.text, 'f-ward')).toBe(MAGOMENI);
    const text = textOf(res.text);
    expect(text).toContain('All open 2'); // the tab's count is the ward's
    expect(text).toContain('Kinondoni MC · Magomeni');
    for (const c of [other, none]) expect(text).not.toContain(shown(c.number));
    // The filters stay open, the tabs and the export keep the ward.
    expect(res.text).toMatch(/<details open/);
    expect(res.text).toContain(`/console?tab=unassigned&amp;council=DAR-KIM&amp;ward=${MAGOMENI}`);
    expect(res.text).toContain(
      `/console/queue.csv?tab=open&amp;council=DAR-KIM&amp;ward=${MAGOMENI}`,
    );

    // Without the ward: the whole council, each row with its ward where it has one.
    const council = await agent.get('/console?tab=open&council=DAR-KIM');
    expect(rowNumbers(council.text).sort()).toEqual(
      [a.number, b.number, other.number, none.number].sort(),
    );
    expect(textOf(council.text)).toContain('Kinondoni MC · Mzimuni');
  });

  it('when a ward fills more than a page, then keyset pages walk it once, in order, and only it', async () => {
    const inWard: string[] = [];
    for (let i = 0; i < PAGE_SIZE + 7; i++) {
      if (i % 10 === 0) w.clock.advance(HOUR);
      inWard.push(file({ council: 'DAR-KIM', ward: MAGOMENI }).number);
      if (i % 3 === 0) file({ council: 'DAR-KIM', ward: MZIMUNI });
    }
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const first = await agent.get(`/console?tab=open&council=DAR-KIM&ward=${MAGOMENI}`);
    expect(rowNumbers(first.text)).toHaveLength(PAGE_SIZE);
    const next = /href="([^"]+)" rel="next"/.exec(first.text)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toMatch(
      new RegExp(`^/console\\?tab=open&council=DAR-KIM&ward=${MAGOMENI}&after=`),
    );
    const second = await agent.get(next ?? '');
    expect([...rowNumbers(first.text), ...rowNumbers(second.text)]).toEqual(inWard);
    expect(second.text).not.toContain('rel="next"');
    expect(textOf(first.text)).toContain(`All open ${PAGE_SIZE + 7}`);
  });

  it('when the ward is not one of the council, or comes without a council, then it is ignored like any unknown filter', async () => {
    const a = file({ council: 'DAR-KIM', ward: MAGOMENI });
    const u = file({ council: 'DAR-UBM', ward: MBURAHATI });
    const { agent } = await signedIn(w, DESK.darSup.phone);
    for (const url of [
      `/console?tab=open&council=DAR-KIM&ward=${MBURAHATI}`, // Ubungo's ward
      '/console?tab=open&council=DAR-KIM&ward=99999',
      '/console?tab=open&council=DAR-KIM&ward=%3Cb%3E',
    ]) {
      const res = await agent.get(url);
      expect([url, res.status, rowNumbers(res.text)]).toEqual([url, 200, [a.number]]);
      expect(selected(res.text, 'f-ward')).toBeUndefined();
    }
    const noCouncil = await agent.get(`/console?tab=open&ward=${MAGOMENI}`);
    expect(rowNumbers(noCouncil.text).sort()).toEqual([a.number, u.number].sort());
    expect(options(noCouncil.text, 'f-ward')).toEqual([]);
  });

  it('when the council has no ward list (Zanzibar), then no Ward select is shown', async () => {
    const { agent } = await signedIn(w, DESK.hq.phone);
    const res = await agent.get('/console?tab=open&region=KUN&council=KUN-KAA');
    expect(res.status).toBe(200);
    expect(res.text).toContain('value="KUN-KAA" selected');
    expect(res.text).not.toContain('id="f-ward"');
  });

  it('when an officer filters to their council, then the ward filter keeps to their scope, in Kiswahili', async () => {
    const mine = file({ council: 'DAR-UBM', ward: MBURAHATI });
    file({ council: 'DAR-UBM', ward: '16102' });
    const { agent } = await signedIn(w, DESK.juma.phone);
    const res = await agent.get(`/console?tab=open&council=DAR-UBM&ward=${MBURAHATI}`);
    expect(res.text).toContain('<label for="f-ward">Kata</label>');
    expect(rowNumbers(res.text)).toEqual([mine.number]);
  });
});

describe('the queue as CSV, with wards', () => {
  async function csv(agent: Agent, url: string): Promise<string[][]> {
    const res = await agent
      .get(url)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    return parse((res.body as Buffer).toString('utf8'), { bom: true });
  }

  it('when the queue is exported, then each row has its ward and postcode, empty when none', async () => {
    const a = file({ council: 'DAR-KIM', place: 'suna', ward: MAGOMENI, village: 'Suna' });
    w.clock.advance(HOUR);
    const none = file({ council: 'DAR-KIM', place: 'Mlimani Juu' });
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const rows = await csv(agent, '/console/queue.csv?tab=open');
    const header = rows[0] ?? [];
    const at = (name: string) => header.indexOf(name);
    expect(header.slice(at('Place as typed'), at('Place as typed') + 3)).toEqual([
      'Place as typed',
      'Ward',
      'Postcode',
    ]);
    const cells = (r: string[] | undefined) =>
      [r?.[0], r?.[at('Place as typed')], r?.[at('Ward')], r?.[at('Postcode')]] as const;
    expect(rows.slice(1).map(cells)).toEqual([
      [shown(a.number), 'suna', 'Magomeni', '14101'],
      [shown(none.number), 'Mlimani Juu', '', ''],
    ]);
  });

  it('when a stored ward code is not in the list, then the code is written, defused like any text', async () => {
    file({ council: 'DAR-KIM', ward: '=1+1' });
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const rows = await csv(agent, '/console/queue.csv?tab=open');
    const header = rows[0] ?? [];
    expect([rows[1]?.[header.indexOf('Ward')], rows[1]?.[header.indexOf('Postcode')]]).toEqual([
      "'=1+1",
      '',
    ]);
  });

  it('when the queue is filtered to a ward, then the export holds that ward alone', async () => {
    const a = file({ council: 'DAR-KIM', ward: MAGOMENI });
    file({ council: 'DAR-KIM', ward: MZIMUNI });
    const { agent } = await signedIn(w, DESK.darSup.phone);
    const rows = await csv(agent, `/console/queue.csv?tab=open&council=DAR-KIM&ward=${MAGOMENI}`);
    expect(rows.slice(1).map((r) => r[0])).toEqual([shown(a.number)]);
  });

  it('when a ward has no postcode, then its name is written and the postcode left empty; headers in Kiswahili', async () => {
    file({ council: 'MBE-KYD', ward: '53700' });
    const hq = await signedIn(w, DESK.hq.phone);
    const rows = await csv(hq.agent, '/console/queue.csv?tab=open');
    const header = rows[0] ?? [];
    expect(rows[1]?.[header.indexOf('Ward')]).toBe('Njisi');
    expect(rows[1]?.[header.indexOf('Postcode')]).toBe('');
    const sw = await signedIn(w, DESK.juma.phone);
    const swHeader = (await csv(sw.agent, '/console/queue.csv?tab=open'))[0] ?? [];
    expect(swHeader.slice(5, 8)).toEqual(['Mahali alivyoandika', 'Kata', 'Postikodi']);
  });
});
