/** Screen text (Kiswahili and English, wording as Kero's locales) and data types of the bench baseline. */

export type Lang = 'sw' | 'en';
export interface Council {
  code: string;
  short: string;
  short_sw: string;
}
export interface Region {
  name: string;
  councils: Council[];
}
export interface Complaint {
  number: string;
  phone: string;
  council: string;
  category: string;
  place: string;
  description: string;
  identified: boolean;
  at: number;
}

export const T = {
  sw: {
    main: 'Chagua huduma:\n1. Wasilisha lalamiko\n2. Fuatilia lalamiko\n3. Malalamiko yangu\n4. Msaada',
    region: 'Chagua mkoa:',
    council: 'Chagua halmashauri:',
    more: 'Zaidi',
    category: 'Aina ya lalamiko:',
    categories:
      'Afya|Elimu|Maji|Barabara|Ardhi|Kilimo|Huduma za Halmashauri|Rushwa|Mengineyo'.split('|'),
    place: 'Andika jina la kata au kijiji/mtaa husika:',
    description: 'Eleza tatizo kwa ufupi: nini, wapi, tangu lini.\n(Herufi 10 hadi 150)',
    descriptionError: 'Maelezo yawe herufi 10 hadi 150.',
    identity: 'Ungependa kujulikana?\n1. Ndiyo, tumia namba yangu\n2. Hapana, bila kujulikana',
    confirm: 'Thibitisha:',
    type: 'Aina',
    anonymous: 'Bila kujulikana',
    send: '1. Tuma\n2. Ghairi',
    done: (n: string) =>
      `Asante. Lalamiko lako limepokelewa.\nNamba ya lalamiko: ${n}\nTumia namba hii kufuatilia. Utapokea SMS ya mrejesho.`,
    cancelled: 'Lalamiko halikutumwa. Asante.',
    track: 'Weka namba ya lalamiko:',
    notFound: 'Namba ya lalamiko haijapatikana.',
    received: 'Limepokelewa',
    mine: 'Malalamiko yako:',
    mineEmpty: 'Bado hujawasilisha lalamiko kwa simu hii.',
    help: 'Msaada: Huduma hii ni bure. Wasilisha kero kuhusu huduma za halmashauri. Utapewa namba ya lalamiko ya kufuatilia.',
  },
  en: {
    main: 'Choose a service:\n1. File a complaint\n2. Track a complaint\n3. My recent complaints\n4. Help',
    region: 'Choose region:',
    council: 'Choose council:',
    more: 'More',
    category: 'Complaint type:',
    categories:
      'Health|Education|Water|Roads|Land|Agriculture|Local government services|Corruption|Other'.split(
        '|',
      ),
    place: 'Type the ward or village/street name:',
    description: 'Describe the problem briefly: what, where, since when.\n(10 to 150 characters)',
    descriptionError: 'Write 10 to 150 characters.',
    identity: 'Do you want to be identified?\n1. Yes, use my number\n2. No, stay anonymous',
    confirm: 'Confirm:',
    type: 'Type',
    anonymous: 'Anonymous',
    send: '1. Send\n2. Cancel',
    done: (n: string) =>
      `Thank you. Your complaint has been received.\nComplaint number: ${n}\nUse it to track. You will get an SMS.`,
    cancelled: 'The complaint was not sent. Thank you.',
    track: 'Enter the complaint number:',
    notFound: 'Complaint number not found.',
    received: 'Received',
    mine: 'Your complaints:',
    mineEmpty: 'You have not filed a complaint from this phone yet.',
    help: 'Help: This service is free. Report problems with council services. You get a number to track it.',
  },
} as const;
