/**
 * What the demo complaints say: descriptions per category in Kiswahili and English, places, staff
 * replies, resolution notes and internal notes. Data only.
 */

/** [Kiswahili, English] descriptions per category. */
export const DESCRIPTIONS: Record<string, readonly (readonly [string, string])[]> = {
  health: [
    [
      'Zahanati haina dawa za msingi kwa wiki mbili',
      'The dispensary has had no basic medicines for two weeks',
    ],
    ['Muuguzi hayupo zahanati siku za Jumamosi', 'No nurse at the dispensary on Saturdays'],
  ],
  education: [
    ['Shule ya msingi haina vyoo vya kutosha', 'The primary school does not have enough latrines'],
    ['Madawati hayatoshi darasa la tatu', 'Not enough desks for standard three'],
  ],
  water: [
    ['Maji hayatoki bombani tangu wiki iliyopita', 'No water from the tap since last week'],
    ['Kisima cha kijiji kimeharibika', 'The village well is broken'],
  ],
  roads: [
    ['Barabara ya kijiji haipitiki wakati wa mvua', 'The village road is impassable when it rains'],
    ['Daraja dogo limebomoka karibu na soko', 'The small bridge near the market has collapsed'],
  ],
  land: [
    ['Mgogoro wa mpaka wa shamba na jirani', 'A boundary dispute over a farm with a neighbour'],
    ['Hati ya kiwanja imechelewa miezi sita', 'The plot title deed is six months late'],
  ],
  agriculture: [
    [
      'Mbolea ya ruzuku haijafika kijijini',
      'The subsidised fertiliser has not reached the village',
    ],
    [
      'Afisa ugani hajatembelea wakulima mwaka huu',
      'No extension officer has visited farmers this year',
    ],
  ],
  council_services: [
    [
      'Taka hazijazolewa sokoni kwa mwezi mmoja',
      'Market rubbish has not been collected for a month',
    ],
    ['Taa za barabarani zimezimika mtaa mzima', 'The street lights are out in the whole street'],
  ],
  corruption: [
    ['Niliombwa fedha ili nipate kibali', 'I was asked for money to get a permit'],
    ['Mtendaji anadai ada isiyo na risiti', 'The officer demands a fee without a receipt'],
  ],
  other: [
    ['Ofisi ya kata haifunguliwi kwa wakati', 'The ward office does not open on time'],
    ['Naomba taarifa kuhusu mikopo ya vijana', 'I would like information on youth loans'],
  ],
};

export const PLACES = [
  'Olasiti',
  'Mwenge',
  'Kijiji cha Mbuyuni',
  'Kata ya Majengo',
  'Sokoni',
  'Ilala',
];
export const REPLIES: Record<'sw' | 'en', readonly string[]> = {
  sw: ['Tumepokea, tunafuatilia.', 'Afisa atafika wiki hii.', 'Tunashughulikia, tutakujulisha.'],
  en: ['We have it and are following up.', 'An officer will visit this week.', 'In hand.'],
};
export const RESOLUTIONS: Record<'sw' | 'en', readonly string[]> = {
  sw: ['Tatizo limerekebishwa', 'Fundi amerekebisha', 'Imeshughulikiwa na halmashauri'],
  en: ['The problem has been fixed', 'A technician repaired it', 'Dealt with by the council'],
};
export const NOTES = [
  'Called the ward officer',
  'Waiting for the water engineer',
  'Budget request sent',
];
