/**
 * The replies page (/console/replies): who may do what, and what a refused form says.
 * - Officers: no link, 403 on every page and action, nothing written.
 * - A supervisor: sees the national saved replies and their region's (not other regions'), adds
 *   replies that are always their region's, edits and retires only those; sees the automatic
 *   replies but cannot add, edit or retire them (404, nothing written).
 * - Headquarters: everything. A text with an unknown variable, letters SMS cannot carry or too
 *   long to fit is refused at save with the reason; a second automatic reply for the same
 *   category and change is refused.
 */
import { asc } from 'drizzle-orm';
import { autoReplies, savedReplies } from '../../db/schema';
import { DESK } from '../helpers/world';
import { csrfIn, openConsoleWorld, signedIn, textOf, type Agent, type ConsoleWorld } from './world';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

const savedRows = () => w.db.select().from(savedReplies).orderBy(asc(savedReplies.id)).all();
const autoRows = () => w.db.select().from(autoReplies).orderBy(asc(autoReplies.id)).all();

const SAVED = {
  title: 'Engineer visit',
  category: 'water',
  region: '',
  textSw: 'Mhandisi wa {council} atafika ndani ya siku 5. {officer}',
  textEn: 'The engineer of {council} will visit within 5 days. {officer}',
};
const AUTO = {
  category: 'water',
  trigger: 'assigned',
  textSw: 'Mhandisi atafika ndani ya siku 5.',
  textEn: 'The engineer will visit within 5 days.',
};

async function post(agent: Agent, path: string, form: Record<string, string> = {}) {
  const page = await agent.get('/console/replies');
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: csrfIn(page.text), ...form });
}

describe('officers', () => {
  test('when an officer looks for the replies page, then there is no link, the page and every action are 403, and nothing is written', async () => {
    const { agent, csrf } = await signedIn(w, DESK.neema.phone);
    const home = await agent.get('/console');
    expect(home.text).not.toContain('href="/console/replies"');

    expect((await agent.get('/console/replies')).status).toBe(403);
    for (const [path, form] of [
      ['/console/replies/saved', SAVED],
      ['/console/replies/auto', AUTO],
    ] as const) {
      const res = await agent
        .post(path)
        .type('form')
        .send({ _csrf: csrf, ...form });
      expect(res.status).toBe(403);
    }
    expect([savedRows(), autoRows()]).toEqual([[], []]);
  });
});

describe('a supervisor', () => {
  test('when the Dar es Salaam supervisor adds a saved reply naming Arusha, then it is a Dar es Salaam reply, listed with a notice', async () => {
    const { agent } = await signedIn(w, DESK.darSup.phone);
    expect((await agent.get('/console')).text).toContain('href="/console/replies"');

    const res = await post(agent, '/console/replies/saved', { ...SAVED, region: 'ARU' });

    expect(res.status).toBe(303);
    expect(savedRows().map((r) => [r.title, r.categoryCode, r.regionCode, r.createdBy])).toEqual([
      ['Engineer visit', 'water', 'DAR', w.desk.darSup.id],
    ]);
    const page = await agent.get(res.headers.location as string);
    expect(textOf(page.text)).toContain('Saved reply Engineer visit added.');
  });

  test('when headquarters and both regions have saved replies, then the Dar es Salaam supervisor sees national and Dar ones, and may change only Dar ones', async () => {
    const hq = await signedIn(w, DESK.hq.phone);
    await post(hq.agent, '/console/replies/saved', { ...SAVED, title: 'National one' });
    const aru = await signedIn(w, DESK.aruSup.phone);
    await post(aru.agent, '/console/replies/saved', { ...SAVED, title: 'Arusha one' });
    const dar = await signedIn(w, DESK.darSup.phone);
    await post(dar.agent, '/console/replies/saved', { ...SAVED, title: 'Dar one' });
    const [national, arusha, mine] = savedRows();
    if (!national || !arusha || !mine) throw new Error('replies not added');
    const before = savedRows();

    const page = await dar.agent.get('/console/replies');
    expect(textOf(page.text)).toContain('Dar one');
    expect(textOf(page.text)).toContain('National one');
    expect(textOf(page.text)).not.toContain('Arusha one');
    expect(page.text).toContain(`href="/console/replies/saved/${mine.id}"`);
    expect(page.text).not.toContain(`href="/console/replies/saved/${national.id}"`);

    for (const id of [national.id, arusha.id]) {
      expect((await dar.agent.get(`/console/replies/saved/${id}`)).status).toBe(404);
      expect((await post(dar.agent, `/console/replies/saved/${id}`, SAVED)).status).toBe(404);
      expect((await post(dar.agent, `/console/replies/saved/${id}/retire`)).status).toBe(404);
    }
    expect(savedRows()).toEqual(before);

    const edited = await post(dar.agent, `/console/replies/saved/${mine.id}`, {
      ...SAVED,
      title: 'Dar one, changed',
    });
    expect(edited.status).toBe(303);
    expect((await post(dar.agent, `/console/replies/saved/${mine.id}/retire`)).status).toBe(303);
    expect(savedRows().find((r) => r.id === mine.id)).toMatchObject({
      title: 'Dar one, changed',
      active: false,
      updatedBy: w.desk.darSup.id,
      updatedAt: w.clock.now(),
    });
  });

  test('when a supervisor tries the automatic replies, then they are shown but not theirs to change', async () => {
    const hq = await signedIn(w, DESK.hq.phone);
    await post(hq.agent, '/console/replies/auto', AUTO);
    const [row] = autoRows();
    if (!row) throw new Error('no auto reply');
    const { agent } = await signedIn(w, DESK.darSup.phone);

    const page = await agent.get('/console/replies');
    expect(textOf(page.text)).toContain('Headquarters manage automatic replies.');
    expect(textOf(page.text)).toContain('The engineer will visit within 5 days.');
    expect(page.text).not.toContain('action="/console/replies/auto"');
    expect(
      (await post(agent, '/console/replies/auto', { ...AUTO, trigger: 'resolved' })).status,
    ).toBe(404);
    expect((await post(agent, `/console/replies/auto/${row.id}`, AUTO)).status).toBe(404);
    expect((await post(agent, `/console/replies/auto/${row.id}/retire`)).status).toBe(404);
    expect(autoRows()).toEqual([row]);
  });
});

describe('headquarters and refused forms', () => {
  test.each([
    [
      'an unknown variable',
      'Habari {jina}',
      'Kiswahili text: {jina}: not a variable. Use {number}, {council}, {category} or {officer}',
    ],
    [
      'curly quotes',
      'Tutafika “kesho”',
      'Kiswahili text: These characters are not in the SMS alphabet: “ ”.',
    ],
    [
      'a stray brace',
      'Namba {number',
      'Kiswahili text: Braces go only around a variable, such as {number}',
    ],
    [
      'a text too long once filled',
      `${'Tafadhali subiri. '.repeat(14)}{officer}`,
      'Kiswahili text: Too long: with the longest names filled in, the SMS would take 3 parts (at most 2)',
    ],
  ])(
    'when a saved reply has %s, then it is refused with the reason and the form keeps the text',
    async (_name, textSw, reason) => {
      const { agent } = await signedIn(w, DESK.hq.phone);

      const res = await post(agent, '/console/replies/saved', { ...SAVED, textSw });

      expect(res.status).toBe(400);
      expect(textOf(res.text)).toContain(reason);
      expect(res.text).toContain('href="#add-textSw"');
      expect(textOf(res.text)).toContain(textSw.replace(/\s+/g, ' ').trim());
      expect(savedRows()).toEqual([]);
    },
  );

  test('when headquarters add an automatic reply twice for the same category and change, then the second is refused; another change is fine', async () => {
    const { agent } = await signedIn(w, DESK.hq.phone);

    expect((await post(agent, '/console/replies/auto', AUTO)).status).toBe(303);
    const again = await post(agent, '/console/replies/auto', AUTO);
    expect(again.status).toBe(409);
    expect(textOf(again.text)).toContain(
      'When it is sent: This category already has an automatic reply for this change',
    );
    expect(
      (await post(agent, '/console/replies/auto', { ...AUTO, trigger: 'resolved' })).status,
    ).toBe(303);
    expect(autoRows().map((r) => [r.categoryCode, r.trigger, r.createdBy])).toEqual([
      ['water', 'assigned', w.desk.hq.id],
      ['water', 'resolved', w.desk.hq.id],
    ]);
  });

  test('when headquarters edit an automatic reply, then only its texts change; retired, a new one may take its place', async () => {
    const { agent } = await signedIn(w, DESK.hq.phone);
    await post(agent, '/console/replies/auto', AUTO);
    const [row] = autoRows();
    if (!row) throw new Error('no auto reply');

    const edit = await agent.get(`/console/replies/auto/${row.id}`);
    expect(textOf(edit.text)).toContain('Edit the automatic reply: Water, Assigned to an officer');
    const saved = await agent
      .post(`/console/replies/auto/${row.id}`)
      .type('form')
      .send({ _csrf: csrfIn(edit.text), ...AUTO, category: 'roads', textEn: 'Within 3 days.' });
    expect(saved.status).toBe(303);
    expect(autoRows()[0]).toMatchObject({ categoryCode: 'water', textEn: 'Within 3 days.' });

    expect((await post(agent, `/console/replies/auto/${row.id}/retire`)).status).toBe(303);
    expect((await post(agent, '/console/replies/auto', AUTO)).status).toBe(303);
    expect(autoRows().map((r) => r.active)).toEqual([false, true]);
  });

  test('when a reply started from a saved reply is sent, then the page shows it used once', async () => {
    const hq = await signedIn(w, DESK.hq.phone);
    await post(hq.agent, '/console/replies/saved', SAVED);
    const [row] = savedRows();
    if (!row) throw new Error('no saved reply');
    const c = w.file({ council: 'DAR-KIM', category: 'water' });
    const neema = await signedIn(w, DESK.neema.phone);
    await neema.agent
      .post(`/console/c/${c.number}/reply`)
      .type('form')
      .send({ _csrf: neema.csrf, message: 'Mhandisi atafika.', savedReply: String(row.id) });

    const page = await hq.agent.get('/console/replies');
    const tr = /<tr>(?:(?!<\/tr>)[\s\S])*Engineer visit[\s\S]*?<\/tr>/.exec(page.text)?.[0] ?? '';
    expect(tr).toContain('<td data-label="Used" class="num">1</td>');
  });
});
