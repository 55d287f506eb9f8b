/**
 * Kiswahili text (the default language), wording from shared COPY-SW-EN.md. Typed against en.ts:
 * a missing key does not compile. GSM-7 basic characters only.
 */
import type { Translations } from './en';

export const sw: Translations = {
  'common.back': 'Rudi',
  'common.home': 'Menyu kuu',
  'common.more': 'Zaidi',
  'common.exit': 'Toka',
  'common.cancel': 'Ghairi',
  'common.skip': 'Ruka',
  'common.invalid': 'Jaribu tena:',
  'common.empty': 'Tafadhali andika jibu.',
  'common.error': 'Samahani, kuna hitilafu. Tafadhali jaribu tena baadaye.',
  'common.ended': 'Muda wa huduma umekwisha. Piga {code} kuanza upya.',
  'common.goodbye': 'Asante kwa kutumia huduma hii.',

  'language.welcome': 'Karibu {orgSw}\nHuduma ya Malalamiko\nWelcome to {orgEn} Complaints',
  'language.prompt': 'Chagua lugha / Choose language:',
  'language.sw': 'Kiswahili',
  'language.en': 'English',

  'main.prompt': 'Chagua huduma:',
  'main.file': 'Wasilisha lalamiko',
  'main.track': 'Fuatilia lalamiko',
  'main.mine': 'Malalamiko yangu',
  'main.callback': 'Nipigie',
  'main.help': 'Msaada',
  'main.language': 'Lugha / Language',

  'resume.prompt': 'Una lalamiko ambalo hukulimaliza. Uendelee ulipoishia?',
  'resume.continue': 'Endelea',
  'resume.restart': 'Anza upya',

  'file.region.prompt': 'Chagua mkoa:',
  'file.council.prompt': 'Chagua halmashauri:',
  'file.council.empty': 'Hakuna halmashauri za mkoa huu.',
  'file.category.prompt': 'Aina ya lalamiko:',
  'file.place.prompt': 'Andika jina la kata au kijiji/mtaa husika:',
  'file.place.errorLength': 'Andika herufi 2 hadi 60, au chagua Ruka.',
  'file.place.choose': 'Unamaanisha mahali gani?',
  'file.place.none': 'Hakuna kati ya haya',
  'place.ward': 'Kata ya {ward}',
  'place.village': '{village}, kata ya {ward}',
  'file.description.prompt':
    'Eleza tatizo kwa ufupi: nini, wapi, tangu lini.\n(Herufi 10 hadi 150)',
  'file.description.errorShort': 'Maelezo ni mafupi mno: andika herufi 10 au zaidi.',
  'file.description.errorLong': 'Maelezo ni marefu mno: herufi 150 au chini (umeandika {length}).',
  'file.identity.prompt': 'Ungependa kujulikana?',
  'file.identity.yes': 'Ndiyo, tumia namba yangu',
  'file.identity.no': 'Hapana, bila kujulikana',
  'file.confirm.prompt': 'Thibitisha:',
  'file.confirm.type': 'Aina: {category}',
  'file.confirm.ward': 'Kata: {ward}',
  'file.confirm.wardVillage': 'Kata: {ward}, {village}',
  'file.confirm.anonymous': 'Bila kujulikana',
  'file.confirm.send': 'Tuma',
  'file.confirm.change': 'Badilisha',
  'file.edit.prompt': 'Unataka kubadilisha nini?',
  'file.edit.region': 'Mkoa na halmashauri',
  'file.edit.category': 'Aina ya lalamiko',
  'file.edit.place': 'Kata au kijiji',
  'file.edit.description': 'Maelezo',
  'file.edit.identity': 'Kujulikana au la',
  'file.done':
    'Asante. Lalamiko lako limepokelewa.\nNamba ya lalamiko: {number}\nTumia namba hii kufuatilia. Utapokea SMS ya mrejesho.',
  'file.cancelled': 'Lalamiko halikutumwa. Asante.',
  'file.limit': 'Umefikia kikomo cha malalamiko {limit} kwa siku. Tafadhali jaribu tena kesho.',

  'callback.category.prompt': 'Nipigie kuhusu:',
  'callback.region.prompt': 'Uko mkoa gani?',
  'callback.confirm.prompt': 'Tukupigie simu?',
  'callback.confirm.region': 'Mkoa: {region}',
  'callback.confirm.about': 'Kuhusu: {category}',
  'callback.confirm.send': 'Tuma',
  'callback.confirm.change': 'Badilisha mkoa',
  'callback.done':
    'Asante. Tutakupigia kwa namba hii ndani ya siku moja ya kazi.\nNamba ya ombi: {reference}',
  'callback.cancelled': 'Ombi lako halikutumwa. Asante.',
  'callback.existing':
    'Tayari umeomba tukupigie (ombi {reference}, {category}). Tutakupigia hivi karibuni.',
  'callback.limit': 'Umeomba kupigiwa simu mara {limit} leo. Tafadhali jaribu tena kesho.',

  'track.prompt': 'Weka namba ya lalamiko:',
  'track.errorFormat': 'Namba ya lalamiko ina tarakimu 8. Hakikisha na ujaribu tena.',
  'track.errorCheckDigit': 'Namba hii ina kosa la uchapaji. Hakikisha na ujaribu tena.',
  'track.errorNotFound': 'Namba ya lalamiko haijapatikana. Hakikisha na ujaribu tena.',

  'detail.title': 'Lalamiko {number}',
  'detail.status': 'Hali: {status}',
  'detail.council': 'Halmashauri: {council}',
  'detail.councilPending': 'inachaguliwa',
  'detail.date': 'Tarehe: {date}',

  'mine.prompt': 'Malalamiko yako:',
  'mine.item': '{number} {category} - {status}',
  'mine.empty': 'Bado hujawasilisha lalamiko kwa simu hii.',

  'help.body': 'Msaada: Huduma hii ni bure. Wasilisha kero za halmashauri. Kufuatilia, piga {dial}',
  'help.number': '<namba>',
  'help.tollFree': 'Simu bure: {number}',

  'category.health': 'Afya',
  'category.education': 'Elimu',
  'category.water': 'Maji',
  'category.roads': 'Barabara',
  'category.land': 'Ardhi',
  'category.agriculture': 'Kilimo',
  'category.council_services': 'Huduma za Halmashauri',
  'category.corruption': 'Rushwa',
  'category.other': 'Mengineyo',

  'status.received': 'Limepokelewa',
  'status.assigned': 'Limepangiwa afisa',
  'status.in_progress': 'Linashughulikiwa',
  'status.resolved': 'Limetatuliwa',
  'status.closed': 'Limefungwa',
  'status.reopened': 'Limefunguliwa upya',

  'link.status': 'Hali: {url}',

  'sms.received':
    '{orgSms}: Lalamiko lako {number} ({category}, {council}) limepokelewa. Lifuatilie kwa kupiga {dial}',
  'sms.assigned':
    '{orgSms}: Lalamiko lako {number} limepangiwa afisa wa {council}. Utapokea majibu yake kwa SMS.',
  'sms.reply': '{orgSms}, lalamiko {number}: {message}',
  // An automatic reply sent on its own, right after the status SMS it goes with.
  'sms.auto': '{orgSms}, lalamiko {number}: {message}',
  // {officer} in a saved or automatic reply when nobody has the complaint yet.
  'sms.officerNone': 'afisa wetu',
  'sms.resolved':
    '{orgSms}: Lalamiko lako {number} limetatuliwa: {note}. Tafadhali tathmini huduma: jibu kwa namba 1 (mbaya sana) hadi 5 (nzuri sana).',
  'sms.reopened': '{orgSms}: Lalamiko lako {number} limefunguliwa upya na limerudishwa kwa afisa.',
  'sms.escalated':
    '{orgSms}: Lalamiko lako {number} limepelekwa ngazi ya {level} kwa sababu halikushughulikiwa kwa wakati.',
  'sms.level.region': 'mkoa',
  'sms.level.national': 'makao makuu',
  'sms.staff.assigned':
    'Kero: lalamiko jipya {number} ({category}, {council}): "{excerpt}". Jibu kwa SMS: R {number} <ujumbe>',
  'sms.staff.escalated':
    'Kero: lalamiko {number} ({category}, {council}) limepandishwa kwako: {reason}. "{excerpt}". Jibu kwa SMS: R {number} <ujumbe>',
  'sms.staff.reopened':
    'Kero: lalamiko {number} ({category}, {council}) limefunguliwa upya: {reason}',
  'sms.reason.firstResponse': 'halikujibiwa kwa wakati',
  'sms.reason.resolution': 'halikutatuliwa kwa wakati',
  'sms.reason.lowRating': 'mwananchi ametathmini huduma {rating} kati ya 5',
  'sms.reason.citizenReopen': 'mwananchi ameomba kwa SMS',

  'sms.unknown':
    '{orgSms} Huduma ya Malalamiko: kuwasilisha lalamiko, piga {code} na ufuate menyu, au tuma SMS hapa ukieleza tatizo na mahali (kijiji, kata, halmashauri). Ni bure. Utapewa namba ya lalamiko.',
  'sms.fileLimit':
    '{orgSms}: Umewasilisha malalamiko {limit} leo, kiwango cha juu kwa siku moja. Tafadhali tuma jipya kesho.',
  'sms.filedTriage':
    '{orgSms}: Lalamiko lako {number} limepokelewa. Tutalipeleka kwa halmashauri husika na kukujulisha kwa SMS. Lifuatilie kwa kupiga {dial}',
  'sms.filingClosed':
    '{orgSms}: Ujumbe wako {number} haukuweza kupokelewa kama lalamiko: {note}. Kuwasilisha lalamiko, piga {code} au tuma tatizo na mahali kwa SMS.',
  'sms.citizen.statusTriage':
    '{orgSms}: Lalamiko {number}. Hali: {status}, linapelekwa kwa halmashauri husika. Tarehe: {date}.',
  'sms.ussdCode': 'msimbo wa USSD',
  'sms.callback.unreachable':
    '{orgSms}: tulijaribu mara mbili kukupigia (ombi {number}) lakini hatukukupata. Kuomba tena, piga {code} uchague Nipigie.',
  'sms.rateLimited':
    '{orgSms}: Umetuma ujumbe mwingi mno. Tafadhali subiri saa moja: ujumbe utakaotumwa kabla ya hapo hautajibiwa.',
  'sms.citizen.added': '{orgSms}: Ujumbe wako umeongezwa kwenye lalamiko {number}. Asante.',
  'sms.citizen.status':
    '{orgSms}: Lalamiko {number}. Hali: {status}. Halmashauri: {council}. Tarehe: {date}.',
  'sms.citizen.notFound':
    '{orgSms}: Namba ya lalamiko {number} haijapatikana. Hakikisha na ujaribu tena.',
  'sms.citizen.badNumber':
    '{orgSms}: {input} si namba ya lalamiko. Namba ya lalamiko ina tarakimu 8, mfano 4821 0379.',
  'sms.citizen.typo': '{orgSms}: Namba {input} ina kosa la uchapaji. Hakikisha na ujaribu tena.',
  'sms.citizen.help':
    '{orgSms}: Malalamiko yako yaliyo wazi: {numbers}. Kuongeza maelezo, anza SMS yako na namba ya lalamiko. HALI <namba> kupata hali yake; FUNGUA <namba> kufungua upya lililotatuliwa.',
  'sms.citizen.helpNone':
    '{orgSms}: Huna lalamiko lililo wazi. Kuwasilisha lalamiko, piga {code} au tuma tatizo na mahali kwa SMS. HALI <namba> kupata hali ya lalamiko; FUNGUA <namba> kufungua upya lililotatuliwa.',
  'sms.citizen.reopenOpen':
    '{orgSms}: Lalamiko {number} bado liko wazi ({status}). Kuongeza maelezo, anza SMS yako na {number}.',
  'sms.citizen.reopenLate':
    '{orgSms}: Lalamiko {number} lilitatuliwa zaidi ya siku {days} zilizopita, haliwezi kufunguliwa upya. Kuwasilisha lalamiko jipya, piga {code}.',
  'sms.citizen.reopenNotYours':
    '{orgSms}: Lalamiko {number} halikuwasilishwa kwa simu hii, hivyo haliwezi kufunguliwa upya kwa simu hii.',
  'sms.citizen.reopened':
    '{orgSms}: Lalamiko lako {number} limefunguliwa upya kama ulivyoomba na limerudishwa kwa afisa.',
  'sms.citizen.rated': '{orgSms}: Asante kwa kutathmini lalamiko {number}: {rating} kati ya 5.',
  'sms.citizen.lowRated':
    '{orgSms}: Asante kwa tathmini yako. Samahani: lalamiko {number} limefunguliwa upya na limepelekwa ngazi ya {level}.',
  'sms.staff.citizenMessage':
    'Kero: mwananchi ameandika kwenye lalamiko {number}: "{message}". Jibu kwa SMS: R {number} <ujumbe>',

  'sms.staff.budget':
    'Kero: sehemu za SMS {parts} kati ya {budget} zilizopangwa kwa {month} zimetumwa ({percent}%). Ujumbe kwa wananchi unaendelea kutumwa.',
  'sms.staff.phoneCode':
    'Kero: {code} ni msimbo wa kuifanya simu hii kuwa simu ya kuingia kwenye dashibodi ya {name}, ulioombwa na {editor}. Mpe tu kama unalitarajia. Unatumika mara moja, kwa dakika 5.',
  'sms.staff.phoneChanged':
    'Kero: simu ya kuingia kwenye dashibodi ya {name} imebadilishwa na {editor} tarehe {date} saa {time} kuwa namba inayoishia {last}. Vikao vyake vyote vya dashibodi vimefungwa. Kama hukutarajia hili, piga simu makao makuu mara moja.',
  'sms.staff.admin': 'msimamizi wa mfumo',
  'sms.digest.body':
    'Kero {date}, {area}: malalamiko wazi {open}; yaliyochelewa {overdue}{oldest}; bila afisa {unassigned}; yanayoisha muda leo {due}.',
  'sms.digest.oldest': ' (la zamani zaidi lina siku {days})',
  'sms.digest.country': 'mikoa yote',

  'sms.cmd.replied': 'Kero: jibu lako kwa lalamiko {number} linatumwa kwa mwananchi.',
  'sms.cmd.deferred':
    'Kero: umetuma amri zaidi ya {limit} saa hii. Zinazofuata zitatekelezwa kwa mpangilio katika dakika zijazo; hakuna itakayopotea.',
  'sms.cmd.noted': 'Kero: kumbukumbu imeongezwa kwenye lalamiko {number}. Mwananchi haioni.',
  'sms.cmd.resolved':
    'Kero: lalamiko {number} limetatuliwa. Mwananchi ameombwa kutathmini huduma kwa namba 1 hadi 5.',
  'sms.cmd.resolvedQuiet':
    'Kero: lalamiko {number} limetatuliwa. Mwananchi atajulishwa na kuombwa kutathmini huduma kwa namba 1 hadi 5 saa {time}, muda wa utulivu ukiisha.',
  'sms.cmd.taken': 'Kero: lalamiko {number} sasa ni lako.',
  'sms.cmd.assigned': 'Kero: lalamiko {number} limepangiwa {name}.',
  'sms.cmd.listTitle': 'Kero: malalamiko yaliyo wazi ({count}):',
  'sms.cmd.listItem': '{number} {category} {date}',
  'sms.cmd.listMore': '+{count} zaidi',
  'sms.cmd.listEmpty': 'Kero: huna lalamiko lililo wazi.',
  'sms.cmd.show':
    'Kero {number}: {status}. {category}, {council}, {date}. Mwananchi: {phone}. "{description}"',
  'sms.cmd.anonymous': 'bila kujulikana',
  'sms.cmd.help':
    'Kero amri: JIBU <namba> <ujumbe> (kwa mwananchi); KUMBUKA <namba> <maelezo> (ya ndani); IMETATULIWA <namba> <maelezo>; CHUKUA <namba>; PANGA <namba> <simu>; ORODHA; ONYESHA <namba>; MSAADA',
  'sms.cmd.unknown':
    'Kero: "{word}" si amri. Amri: JIBU, KUMBUKA, IMETATULIWA, CHUKUA, PANGA, ORODHA, ONYESHA, MSAADA. Tuma MSAADA kwa maelezo.',
  'sms.cmd.err.missingNumber': 'Kero: namba ya lalamiko haipo. Tuma: {usage}',
  'sms.cmd.err.badNumber':
    'Kero: {input} si namba ya lalamiko (tarakimu 8, mfano 4821 0379). Tuma: {usage}',
  'sms.cmd.err.typo': 'Kero: {input} ina kosa la uchapaji. Hakikisha namba. Tuma: {usage}',
  'sms.cmd.err.missingText': 'Kero: maandishi baada ya namba ya lalamiko hayapo. Tuma: {usage}',
  'sms.cmd.err.missingPhone': 'Kero: namba ya simu ya mtumishi haipo. Tuma: {usage}',
  'sms.cmd.err.badPhone': 'Kero: {input} si namba ya simu. Tuma: {usage}',
  'sms.cmd.err.notFound':
    'Kero: namba ya lalamiko {number} haijapatikana. Hakikisha na ujaribu tena.',
  'sms.cmd.err.otherRegion': 'Kero: lalamiko {number} ni la mkoa mwingine: huwezi kulishughulikia.',
  'sms.cmd.err.otherCouncil':
    'Kero: lalamiko {number} ni la halmashauri usiyoishughulikia. Wasiliana na msimamizi wako.',
  'sms.cmd.err.otherOfficer':
    'Kero: lalamiko {number} limepangiwa afisa mwingine. Wasiliana na msimamizi wako.',
  'sms.cmd.err.notSupervisor': 'Kero: ni msimamizi tu anayeweza kupanga malalamiko kwa wengine.',
  'sms.cmd.err.inactive': 'Kero: akaunti yako ya mtumishi haitumiki kwa sasa.',
  'sms.cmd.err.notAssigned':
    'Kero: lalamiko {number} bado halijapangiwa afisa: tuma CHUKUA {number} kwanza.',
  'sms.cmd.err.state': 'Kero: haiwezekani: hali ya lalamiko {number} ni {status}.',
  'sms.cmd.err.noStaff': 'Kero: hakuna mtumishi mwenye namba ya simu {phone}.',
  'sms.cmd.err.staffInactive': 'Kero: akaunti ya {name} haitumiki: chagua mtumishi mwingine.',
  'sms.cmd.err.staffOtherRegion': 'Kero: {name} anafanya kazi mkoa mwingine.',
  'sms.usage.reply': 'JIBU <namba> <ujumbe>',
  'sms.usage.note': 'KUMBUKA <namba> <maelezo>',
  'sms.usage.resolve': 'IMETATULIWA <namba> <maelezo>',
  'sms.usage.take': 'CHUKUA <namba>',
  'sms.usage.assign': 'PANGA <namba> <simu>',
  'sms.usage.show': 'ONYESHA <namba>',
};
