/**
 * Words for the console bench's complaints: descriptions per category in Kiswahili and English,
 * naming one of 5,000 made-up villages, so that the search box meets common words ("maji", in
 * about one complaint in twenty), rare ones (a village: about one in 5,000) and absent ones.
 */
import { pick } from './assignment-seed';

const SYLLABLES = ['ki', 'ma', 'nga', 'lo', 'mbe', 'shi', 'ru', 'twa', 'zi', 'ko'];
const SYLLABLES2 = ['la', 'si', 'ndo', 'mu', 'tu', 'wa', 'nje', 'po', 'ri', 'ba'];
const ENDINGS = ['ni', 'ti', 'ge', 'ra', 'ka', 'ne', 'za', 'ho', 'le', 'me'];

/** Village number `i` (0..4999) as a name: Kilani, Mandoti, ... (distinct for each i). */
export function villageName(i: number): string {
  const a = SYLLABLES[i % 10] ?? 'ki';
  const b = SYLLABLES2[Math.floor(i / 10) % 10] ?? 'la';
  const c = ENDINGS[Math.floor(i / 100) % 10] ?? 'ni';
  const d = ['', 'ngu', 'mbo', 'ta', 'ro'][Math.floor(i / 1000) % 5] ?? '';
  const name = `${a}${b}${c}${d}`;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export const VILLAGES = 5_000;

// prettier-ignore
const SW: Record<string, string[]> = {
  health: ['Zahanati ya {v} haina dawa tangu mwezi uliopita', 'Hakuna daktari kituo cha afya {v}, wagonjwa wanarudishwa', 'Wajawazito wanalipishwa huduma zahanati ya {v}'],
  education: ['Shule ya msingi {v} haina walimu wa kutosha', 'Madarasa ya shule {v} yanavuja mvua ikinyesha', 'Wanafunzi wa {v} wanakaa chini hakuna madawati'],
  water: ['Maji hayatoki kijijini {v} tangu wiki iliyopita', 'Bomba la maji limepasuka karibu na soko la {v}', 'Kisima cha {v} kimekauka, tunanunua maji ghali'],
  roads: ['Barabara ya kwenda {v} imeharibika haipitiki', 'Daraja la {v} limebomoka baada ya mvua', 'Mashimo makubwa barabarani {v} yanasababisha ajali'],
  land: ['Mgogoro wa ardhi {v} haujatatuliwa miaka miwili', 'Shamba langu {v} limevamiwa na jirani', 'Hati ya kiwanja {v} haijatolewa tangu nilipe'],
  agriculture: ['Mbolea ya ruzuku haijafika {v} msimu huu', 'Afisa ugani hajatembelea wakulima wa {v}', 'Mbegu tulizopewa {v} hazikuota'],
  council_services: ['Taka hazizolewi mtaa wa {v} wiki tatu sasa', 'Taa za barabarani {v} hazifanyi kazi', 'Soko la {v} halina vyoo safi'],
  corruption: ['Mtendaji wa kijiji {v} anadai rushwa kwa barua', 'Tumeombwa pesa ili kupata huduma ofisi ya {v}', 'Fedha za mradi wa {v} hazijulikani zilipo'],
  other: ['Kelele za muziki usiku {v} zinasumbua wakazi', 'Mbwa wanaozurura {v} wanauma watoto', 'Umeme unakatika kila siku {v}'],
};

// prettier-ignore
const EN: Record<string, string[]> = {
  health: ['The dispensary at {v} has had no medicine since last month', 'No doctor at {v} health centre'],
  education: ['{v} primary school does not have enough teachers', 'Classrooms at {v} leak when it rains'],
  water: ['No water in {v} village since last week', 'Burst water pipe near {v} market'],
  roads: ['The road to {v} is impassable', 'The bridge at {v} collapsed after the rains'],
  land: ['Land dispute in {v} unresolved for two years', 'My plot title at {v} has not been issued'],
  agriculture: ['Subsidised fertiliser has not reached {v}', 'No extension officer has visited {v}'],
  council_services: ['Rubbish not collected in {v} for three weeks', 'Street lights in {v} are not working'],
  corruption: ['The village officer at {v} asks for bribes', 'Project money at {v} is unaccounted for'],
  other: ['Loud music at night in {v}', 'Stray dogs in {v} bite children'],
};

/** A description of a complaint of `category` in `language`, naming a village; and the village. */
export function describe(
  category: string,
  language: 'sw' | 'en',
  random: (n: number) => number,
): { description: string; village: string } {
  const village = villageName(random(VILLAGES));
  const templates = (language === 'sw' ? SW : EN)[category] ?? SW.other ?? [];
  return { description: pick(templates, random).replace('{v}', village), village };
}

// prettier-ignore
export const REPLIES = ['Tumepokea malalamiko yako, afisa atafika wiki hii.', 'Tumewasiliana na mhandisi wa maji, kazi inaanza kesho.', 'Tafadhali tutumie jina la mtaa na namba ya simu ya mwenyekiti.', 'Suala lako limepelekwa kwa mkurugenzi wa halmashauri.'];
// prettier-ignore
export const NOTES = ['Nimepiga simu kwa mwenyekiti wa kijiji.', 'Ofisi ya ardhi inasubiri nyaraka.', 'Fundi ameshaagizwa.'];
// prettier-ignore
export const RESOLUTIONS = ['Tatizo limetatuliwa, asante kwa kutuarifu.', 'Huduma imerejeshwa kikamilifu.', 'Hatua zimechukuliwa dhidi ya mhusika.'];

/** A village about one complaint in 5,000 names: the bench's rare search word. */
export const RARE_VILLAGE = villageName(1234);
