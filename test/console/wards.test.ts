/**
 * Wards in the console (issue 19): the complaint page names the ward and village a place was
 * recognised as. Complaints are filed with their ward through the real filing service.
 */
import { DESK, type Filing } from '../helpers/world';
import { openConsoleWorld, signedIn, textOf, type ConsoleWorld } from './world';

let w: ConsoleWorld;
beforeEach(() => {
  w = openConsoleWorld();
});
afterEach(() => w.close());

/** Magomeni, a ward of Kinondoni (DAR-KIM); Mburahati, of Ubungo (DAR-UBM). */
const MAGOMENI = '14101';
const MBURAHATI = '16101';

let phones = 0;
const file = (f: Filing) => w.file({ phone: `+2556891${String(++phones).padStart(5, '0')}`, ...f });

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
