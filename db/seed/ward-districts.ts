/**
 * Where each mainland council's wards are in the national postcode list (tz-wards.json): its
 * region there and the postcode district(s) that hold them, reviewed by hand line by line against
 * the councils' names and the districts' ward lists. Postcode districts are not councils:
 * - "X CBD" is the town's urban council (city, municipal or town council) and "X" the district
 *   council around it (IRINGA CBD: Iringa MC; IRINGA: Iringa DC);
 * - a council created after the list has no district of its own: it is mapped to the district
 *   its wards were carved from, which then serves two or three councils, each listing all its
 *   wards (a caller of either finds their ward; the few of the other council are extra names).
 * `null`: no ward list yet (the council keeps free text). Every postcode district is used.
 */

export interface WardDistricts {
  /** The region as the list spells it (DAR-ES-SALAAM). */
  region: string;
  /** Postcode districts as the list spells them, in the order their wards are listed. */
  districts: readonly string[];
}

export const wardDistricts = {
  'ARU-ARC': { region: 'ARUSHA', districts: ['ARUSHA CBD'] },
  // ARUSHA is Arusha DC's 27 wards (Olturumet, Kisongo, Sokon II...); the former Arumeru was
  // already split in the list, so ARUMERU is Meru DC's alone (both councils keep the alias).
  'ARU-ARD': { region: 'ARUSHA', districts: ['ARUSHA'] },
  'ARU-KAD': { region: 'ARUSHA', districts: ['KARATU'] },
  'ARU-LOD': { region: 'ARUSHA', districts: ['LONGIDO'] },
  // ARUMERU is Meru DC's 26 wards (Usa River, Maji ya Chai, Nkoaranga, King'ori...).
  'ARU-MED': { region: 'ARUSHA', districts: ['ARUMERU'] },
  'ARU-MOD': { region: 'ARUSHA', districts: ['MONDULI'] },
  'ARU-NGD': { region: 'ARUSHA', districts: ['NGORONGORO'] },
  // Ilala MC until 2021: ILALA CBD (Kivukoni, Kariakoo...) and ILALA, 36 wards together.
  'DAR-DAC': { region: 'DAR-ES-SALAAM', districts: ['ILALA CBD', 'ILALA'] },
  'DAR-KGM': { region: 'DAR-ES-SALAAM', districts: ['KIGAMBONI'] },
  'DAR-KIM': { region: 'DAR-ES-SALAAM', districts: ['KINONDONI'] },
  'DAR-TEM': { region: 'DAR-ES-SALAAM', districts: ['TEMEKE'] },
  'DAR-UBM': { region: 'DAR-ES-SALAAM', districts: ['UBUNGO'] },
  'DOD-BAD': { region: 'DODOMA', districts: ['BAHI'] },
  'DOD-CED': { region: 'DODOMA', districts: ['CHEMBA'] },
  'DOD-CHD': { region: 'DODOMA', districts: ['CHAMWINO'] },
  // DODOMA CBD (Makole, Uhuru...) and DODOMA (Msalato, Hombolo...): the city's 41 wards.
  'DOD-DOC': { region: 'DODOMA', districts: ['DODOMA CBD', 'DODOMA'] },
  'DOD-KND': { region: 'DODOMA', districts: ['KONGWA'] },
  // KONDOA holds the town council's wards too (Kondoa Mjini, Chemchem, Kolo, Serya...).
  'DOD-KOD': { region: 'DODOMA', districts: ['KONDOA'] },
  'DOD-KOT': { region: 'DODOMA', districts: ['KONDOA'] },
  'DOD-MPD': { region: 'DODOMA', districts: ['MPWAPWA'] },
  'GEI-BUD': { region: 'GEITA', districts: ['BUKOMBE'] },
  'GEI-CHD': { region: 'GEITA', districts: ['CHATO'] },
  // GEITA (49 wards) holds both Geita councils: the town's (Kalangalala, Mtakuja...) and the DC's.
  'GEI-GED': { region: 'GEITA', districts: ['GEITA'] },
  'GEI-GET': { region: 'GEITA', districts: ['GEITA'] },
  'GEI-MBD': { region: 'GEITA', districts: ['MBOGWE'] },
  'GEI-NYD': { region: 'GEITA', districts: ["NYANG'HWALE"] },
  'IRI-IRD': { region: 'IRINGA', districts: ['IRINGA'] },
  'IRI-IRM': { region: 'IRINGA', districts: ['IRINGA CBD'] },
  'IRI-KID': { region: 'IRINGA', districts: ['KILOLO'] },
  // Mafinga TC was carved from Mufindi: MUFINDI holds its wards (Boma, Sao Hill, Changarawe...).
  'IRI-MAT': { region: 'IRINGA', districts: ['MUFINDI'] },
  'IRI-MUD': { region: 'IRINGA', districts: ['MUFINDI'] },
  'KAG-BID': { region: 'KAGERA', districts: ['BIHARAMULO'] },
  'KAG-BUD': { region: 'KAGERA', districts: ['BUKOBA'] },
  'KAG-BUM': { region: 'KAGERA', districts: ['BUKOBA CBD'] },
  'KAG-KAD': { region: 'KAGERA', districts: ['KARAGWE'] },
  'KAG-KYD': { region: 'KAGERA', districts: ['KYERWA'] },
  'KAG-MID': { region: 'KAGERA', districts: ['MISSENYI'] },
  'KAG-MUD': { region: 'KAGERA', districts: ['MULEBA'] },
  'KAG-NGD': { region: 'KAGERA', districts: ['NGARA'] },
  // MLELE holds Mpimbwe DC's wards too (Mamba, Usevya, Majimoto, Kibaoni...).
  'KAT-MLD': { region: 'KATAVI', districts: ['MLELE'] },
  'KAT-MPD': { region: 'KATAVI', districts: ['MLELE'] },
  // MPANDA -CBD is Mpanda MC (Kawajense, Shanwe...) and Nsimbo DC (Nsimbo, Sitalike, Ugalla...).
  'KAT-MPM': { region: 'KATAVI', districts: ['MPANDA -CBD'] },
  'KAT-NSD': { region: 'KATAVI', districts: ['MPANDA -CBD'] },
  // Tanganyika DC was Mpanda DC: its wards are Karema, Ikola, Mishamo...
  'KAT-TAD': { region: 'KATAVI', districts: ['TANGANYIKA'] },
  'KIG-BUD': { region: 'KIGOMA', districts: ['BUHIGWE'] },
  // KASULU holds the town council's wards too (Kasulu Mjini, Murufiti, Kigondo...).
  'KIG-KAD': { region: 'KIGOMA', districts: ['KASULU'] },
  'KIG-KAT': { region: 'KIGOMA', districts: ['KASULU'] },
  'KIG-KGD': { region: 'KIGOMA', districts: ['KIGOMA'] },
  'KIG-KID': { region: 'KIGOMA', districts: ['KIBONDO'] },
  'KIG-KIM': { region: 'KIGOMA', districts: ['KIGOMA CBD'] },
  'KIG-KKD': { region: 'KIGOMA', districts: ['KAKONKO'] },
  'KIG-UVD': { region: 'KIGOMA', districts: ['UVINZA'] },
  'KIL-HAD': { region: 'KILIMANJARO', districts: ['HAI'] },
  'KIL-MOD': { region: 'KILIMANJARO', districts: ['MOSHI'] },
  'KIL-MOM': { region: 'KILIMANJARO', districts: ['MOSHI CBD'] },
  'KIL-MWD': { region: 'KILIMANJARO', districts: ['MWANGA'] },
  'KIL-ROD': { region: 'KILIMANJARO', districts: ['ROMBO'] },
  'KIL-SAD': { region: 'KILIMANJARO', districts: ['SAME'] },
  'KIL-SID': { region: 'KILIMANJARO', districts: ['SIHA'] },
  'LIN-KID': { region: 'LINDI', districts: ['KILWA'] },
  'LIN-LID': { region: 'LINDI', districts: ['LIWALE'] },
  // LINDI is the former Lindi DC: in 2019 it became Mtama DC and the municipality took its
  // Mchinga half (Mchinga, Kitomanga, Mipingo...), so Lindi MC lists LINDI after its own.
  'LIN-LIM': { region: 'LINDI', districts: ['LINDI CBD', 'LINDI'] },
  'LIN-MTD': { region: 'LINDI', districts: ['LINDI'] },
  'LIN-NAD': { region: 'LINDI', districts: ['NACHINGWEA'] },
  'LIN-RUD': { region: 'LINDI', districts: ['RUANGWA'] },
  'MAR-BTD': { region: 'MARA', districts: ['BUTIAMA'] },
  // BUNDA holds the town council's wards too (Bunda Mjini, Bunda Stoo, Balili, Nyasura...).
  'MAR-BUD': { region: 'MARA', districts: ['BUNDA'] },
  'MAR-BUT': { region: 'MARA', districts: ['BUNDA'] },
  // MUSOMA CBD is both Musoma councils: the municipality's 16 wards (Mukendo...Mshikamano),
  // then Musoma DC's (Mugango, Nyamrandirira, Bukima...); the list has no other Musoma.
  'MAR-MUD': { region: 'MARA', districts: ['MUSOMA CBD'] },
  'MAR-MUM': { region: 'MARA', districts: ['MUSOMA CBD'] },
  'MAR-ROD': { region: 'MARA', districts: ['RORYA'] },
  'MAR-SED': { region: 'MARA', districts: ['SERENGETI'] },
  // TARIME holds the town council's wards too (Bomani, Sabasaba, Nyamisangura, Turwa...).
  'MAR-TAD': { region: 'MARA', districts: ['TARIME'] },
  'MAR-TAT': { region: 'MARA', districts: ['TARIME'] },
  // Busokelo DC was carved from Rungwe: RUNGWE holds its wards (Lufilyo, Lwangwa, Kandete...).
  'MBE-BUD': { region: 'MBEYA', districts: ['RUNGWE'] },
  'MBE-CHD': { region: 'MBEYA', districts: ['CHUNYA'] },
  'MBE-KYD': { region: 'MBEYA', districts: ['KYELA'] },
  'MBE-MAD': { region: 'MBEYA', districts: ['MBARALI'] },
  'MBE-MBC': { region: 'MBEYA', districts: ['MBEYA CBD'] },
  'MBE-MBD': { region: 'MBEYA', districts: ['MBEYA'] },
  'MBE-RUD': { region: 'MBEYA', districts: ['RUNGWE'] },
  'MNY-BAD': { region: 'MANYARA', districts: ['BABATI'] },
  'MNY-BAT': { region: 'MANYARA', districts: ['BABATI CBD'] },
  'MNY-HAD': { region: 'MANYARA', districts: ["HANANG'"] },
  'MNY-KID': { region: 'MANYARA', districts: ['KITETO'] },
  // MBULU holds the town council's wards too (Imboru, Uhuru, Nambis, Tlawi...).
  'MNY-MBD': { region: 'MANYARA', districts: ['MBULU'] },
  'MNY-MBT': { region: 'MANYARA', districts: ['MBULU'] },
  'MNY-SID': { region: 'MANYARA', districts: ['SIMANJIRO'] },
  'MOR-GAD': { region: 'MOROGORO', districts: ['GAIRO'] },
  // The former Kilombero DC is now Ifakara TC and Mlimba DC: KILOMBERO holds both.
  'MOR-IFT': { region: 'MOROGORO', districts: ['KILOMBERO'] },
  'MOR-KID': { region: 'MOROGORO', districts: ['KILOSA'] },
  'MOR-MAD': { region: 'MOROGORO', districts: ['MALINYI'] },
  'MOR-MLD': { region: 'MOROGORO', districts: ['KILOMBERO'] },
  'MOR-MOD': { region: 'MOROGORO', districts: ['MOROGORO'] },
  'MOR-MOM': { region: 'MOROGORO', districts: ['MOROGORO CBD'] },
  'MOR-MVD': { region: 'MOROGORO', districts: ['MVOMERO'] },
  'MOR-ULD': { region: 'MOROGORO', districts: ['ULANGA'] },
  // MASASI holds the town council's wards too (Mkuti, Jida, Mtandi, Nyasa...).
  'MTW-MAD': { region: 'MTWARA', districts: ['MASASI'] },
  'MTW-MAT': { region: 'MTWARA', districts: ['MASASI'] },
  'MTW-MTD': { region: 'MTWARA', districts: ['MTWARA'] },
  'MTW-MTM': { region: 'MTWARA', districts: ['MTWARA CBD'] },
  'MTW-NAD': { region: 'MTWARA', districts: ['NANYUMBU'] },
  // Nanyamba TC was carved from Mtwara DC: MTWARA holds its wards (Nanyamba, Dihimba...).
  'MTW-NAT': { region: 'MTWARA', districts: ['MTWARA'] },
  // NEWALA holds the town council's wards too (Luchingu, Mkunya, Makote, Mtonya...).
  'MTW-NED': { region: 'MTWARA', districts: ['NEWALA'] },
  'MTW-NET': { region: 'MTWARA', districts: ['NEWALA'] },
  'MTW-TAD': { region: 'MTWARA', districts: ['TANDAHIMBA'] },
  // Buchosa DC was carved from Sengerema: SENGEREMA holds its wards (Nyehunge, Kalebezo...).
  'MWA-BUD': { region: 'MWANZA', districts: ['SENGEREMA'] },
  'MWA-ILM': { region: 'MWANZA', districts: ['ILEMELA'] },
  'MWA-KWD': { region: 'MWANZA', districts: ['KWIMBA'] },
  'MWA-MAD': { region: 'MWANZA', districts: ['MAGU'] },
  'MWA-MID': { region: 'MWANZA', districts: ['MISUNGWI'] },
  // NYAMAGANA: the city's district, its alias.
  'MWA-MWC': { region: 'MWANZA', districts: ['NYAMAGANA'] },
  'MWA-SED': { region: 'MWANZA', districts: ['SENGEREMA'] },
  'MWA-UKD': { region: 'MWANZA', districts: ['UKEREWE'] },
  'NJO-LUD': { region: 'NJOMBE', districts: ['LUDEWA'] },
  'NJO-MAD': { region: 'NJOMBE', districts: ['MAKETE'] },
  // NJOMBE CBD is both town councils: Njombe's (Njombe Mjini, Ramadhani...) and Makambako's
  // (Makambako, Mjimwema, Mlowa, Kitisi...).
  'NJO-MAT': { region: 'NJOMBE', districts: ['NJOMBE CBD'] },
  'NJO-NJD': { region: 'NJOMBE', districts: ['NJOMBE'] },
  'NJO-NJT': { region: 'NJOMBE', districts: ['NJOMBE CBD'] },
  // The list splits the name: WANGING'O MBE.
  'NJO-WAD': { region: 'NJOMBE', districts: ["WANGING'O MBE"] },
  // BAGAMOYO holds Chalinze DC's wards too (Msata, Lugoba, Miono, Kiwangwa...).
  'PWA-BAD': { region: 'PWANI', districts: ['BAGAMOYO'] },
  'PWA-CHD': { region: 'PWANI', districts: ['BAGAMOYO'] },
  'PWA-KBD': { region: 'PWANI', districts: ['KIBITI'] },
  'PWA-KID': { region: 'PWANI', districts: ['KIBAHA'] },
  'PWA-KIT': { region: 'PWANI', districts: ['KIBAHA CBD'] },
  'PWA-KSD': { region: 'PWANI', districts: ['KISARAWE'] },
  'PWA-MAD': { region: 'PWANI', districts: ['MAFIA'] },
  'PWA-MKD': { region: 'PWANI', districts: ['MKURANGA'] },
  'PWA-RUD': { region: 'PWANI', districts: ['RUFIJI'] },
  'RUK-KAD': { region: 'RUKWA', districts: ['KALAMBO'] },
  'RUK-NKD': { region: 'RUKWA', districts: ['NKASI'] },
  'RUK-SUD': { region: 'RUKWA', districts: ['SUMBAWANGA'] },
  'RUK-SUM': { region: 'RUKWA', districts: ['SUMBAWANGA CBD'] },
  // Madaba DC was carved from Songea DC: SONGEA holds its wards (Mahanje, Wino, Matetereka...).
  'RUV-MAD': { region: 'RUVUMA', districts: ['SONGEA'] },
  // MBINGA (48 wards) holds the town council's wards too (Mbinga Mjini, Kilimani, Betrehemu...).
  'RUV-MBD': { region: 'RUVUMA', districts: ['MBINGA'] },
  'RUV-MBT': { region: 'RUVUMA', districts: ['MBINGA'] },
  'RUV-NAD': { region: 'RUVUMA', districts: ['NAMTUMBO'] },
  'RUV-NYD': { region: 'RUVUMA', districts: ['NYASA'] },
  'RUV-SOD': { region: 'RUVUMA', districts: ['SONGEA'] },
  'RUV-SOM': { region: 'RUVUMA', districts: ['SONGEA CBD'] },
  'RUV-TUD': { region: 'RUVUMA', districts: ['TUNDURU'] },
  // KAHAMA (58 wards) is the former Kahama district: the municipality's wards (Majengo,
  // Nyasubi...), Msalala DC's (Bulyanhulu, Segese, Isaka...) and Ushetu DC's (Ukune, Ulowa...).
  'SHI-KAM': { region: 'SHINYANGA', districts: ['KAHAMA'] },
  'SHI-KID': { region: 'SHINYANGA', districts: ['KISHAPU'] },
  'SHI-MSD': { region: 'SHINYANGA', districts: ['KAHAMA'] },
  'SHI-SHD': { region: 'SHINYANGA', districts: ['SHINYANGA'] },
  'SHI-SHM': { region: 'SHINYANGA', districts: ['SHINYANGA CBD'] },
  'SHI-USD': { region: 'SHINYANGA', districts: ['KAHAMA'] },
  // BARIADI holds the town council's wards too (Bariadi, Somanda, Sima, Nyakabindi...).
  'SIM-BAD': { region: 'SIMIYU', districts: ['BARIADI'] },
  'SIM-BAT': { region: 'SIMIYU', districts: ['BARIADI'] },
  'SIM-BUD': { region: 'SIMIYU', districts: ['BUSEGA'] },
  'SIM-ITD': { region: 'SIMIYU', districts: ['ITILIMA'] },
  'SIM-MAD': { region: 'SIMIYU', districts: ['MASWA'] },
  'SIM-MED': { region: 'SIMIYU', districts: ['MEATU'] },
  'SIN-IKD': { region: 'SINGIDA', districts: ['IKUNGI'] },
  'SIN-IRD': { region: 'SINGIDA', districts: ['IRAMBA'] },
  // Itigi DC was carved from Manyoni: MANYONI holds its wards (Itigi Mjini, Mitundu, Rungwa...).
  'SIN-ITD': { region: 'SINGIDA', districts: ['MANYONI'] },
  'SIN-MAD': { region: 'SINGIDA', districts: ['MANYONI'] },
  'SIN-MKD': { region: 'SINGIDA', districts: ['MKALAMA'] },
  'SIN-SID': { region: 'SINGIDA', districts: ['SINGIDA'] },
  'SIN-SIM': { region: 'SINGIDA', districts: ['SINGIDA CBD'] },
  'SON-ILD': { region: 'SONGWE', districts: ['ILEJE'] },
  'SON-MBD': { region: 'SONGWE', districts: ['MBOZI'] },
  // Tunduma TC was carved from Momba: MOMBA holds its wards (Tunduma, Chiwezi, Mpemba, Chapwa...).
  'SON-MOD': { region: 'SONGWE', districts: ['MOMBA'] },
  'SON-SOD': { region: 'SONGWE', districts: ['SONGWE'] },
  'SON-TUT': { region: 'SONGWE', districts: ['MOMBA'] },
  'TAB-IGD': { region: 'TABORA', districts: ['IGUNGA'] },
  'TAB-KAD': { region: 'TABORA', districts: ['KALIUA'] },
  // NZEGA holds the town council's wards too (Nzega Mjini Magharibi, Nzega Ndogo...).
  'TAB-NZD': { region: 'TABORA', districts: ['NZEGA'] },
  'TAB-NZT': { region: 'TABORA', districts: ['NZEGA'] },
  'TAB-SID': { region: 'TABORA', districts: ['SIKONGE'] },
  'TAB-TAM': { region: 'TABORA', districts: ['TABORA CBD'] },
  'TAB-URD': { region: 'TABORA', districts: ['URAMBO'] },
  'TAB-UYD': { region: 'TABORA', districts: ['UYUI'] },
  // Bumbuli DC was carved from Lushoto: LUSHOTO holds its wards (Bumbuli, Mayo, Funta, Mgwashi...).
  'TAN-BUD': { region: 'TANGA', districts: ['LUSHOTO'] },
  // HANDENI holds the town council's wards too (Chanika, Vibaoni, Kideleko, Mdoe...).
  'TAN-HAD': { region: 'TANGA', districts: ['HANDENI'] },
  'TAN-HAT': { region: 'TANGA', districts: ['HANDENI'] },
  'TAN-KID': { region: 'TANGA', districts: ['KILINDI'] },
  // KOROGWE holds the town council's wards too (Manundu, Old Korogwe, Kilole, Majengo...).
  'TAN-KOD': { region: 'TANGA', districts: ['KOROGWE'] },
  'TAN-KOT': { region: 'TANGA', districts: ['KOROGWE'] },
  'TAN-LUD': { region: 'TANGA', districts: ['LUSHOTO'] },
  'TAN-MKD': { region: 'TANGA', districts: ['MKINGA'] },
  'TAN-MUD': { region: 'TANGA', districts: ['MUHEZA'] },
  'TAN-PAD': { region: 'TANGA', districts: ['PANGANI'] },
  // There is no Tanga DC: TANGA (Tangasisi, Mzizima, Pongwe...) is the city's outer wards.
  'TAN-TAC': { region: 'TANGA', districts: ['TANGA CBD', 'TANGA'] },
} as const satisfies Readonly<Record<string, WardDistricts | null>>;
