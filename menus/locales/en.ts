/**
 * English text for every USSD screen. Keys are dotted `flow.screen.part`; `sw.ts` is typed against
 * this file, so a key missing in Kiswahili does not compile. GSM-7 basic characters only.
 * Option numbers, `0 Back`, `00 Main menu`, `98 More` and `CON `/`END ` are added by the renderer.
 */
export const en = {
  'common.back': 'Back',
  'common.home': 'Main menu',
  'common.more': 'More',
  'common.exit': 'Exit',
  'common.cancel': 'Cancel',
  'common.skip': 'Skip',
  'common.invalid': 'Try again:',
  'common.empty': 'Please type an answer.',
  'common.error': 'Sorry, something went wrong. Please try again later.',
  'common.ended': 'Your session has ended. Dial {code} to start again.',
  'common.goodbye': 'Thank you for using this service.',

  'language.welcome': 'Karibu {orgSw}\nHuduma ya Malalamiko\nWelcome to {orgEn} Complaints',
  'language.prompt': 'Chagua lugha / Choose language:',
  'language.sw': 'Kiswahili',
  'language.en': 'English',

  'main.prompt': 'Choose a service:',
  'main.file': 'File a complaint',
  'main.track': 'Track a complaint',
  'main.mine': 'My recent complaints',
  'main.callback': 'Call me back',
  'main.help': 'Help',
  'main.language': 'Lugha / Language',

  'resume.prompt': 'You have a complaint you did not finish. Continue where you stopped?',
  'resume.continue': 'Continue',
  'resume.restart': 'Start again',

  'file.region.prompt': 'Choose region:',
  'file.council.prompt': 'Choose council:',
  'file.council.empty': 'No councils found for this region.',
  'file.category.prompt': 'Complaint type:',
  'file.place.prompt': 'Type the ward or village/street name:',
  'file.place.errorLength': 'Type 2 to 60 characters, or choose Skip.',
  'file.place.choose': 'Which place do you mean?',
  'file.place.none': 'None of these',
  'place.ward': '{ward} ward',
  'place.village': '{village}, {ward} ward',
  'file.description.prompt':
    'Describe the problem briefly: what, where, since when.\n(10 to 150 characters)',
  'file.description.errorShort': 'Too short: write at least 10 characters.',
  'file.description.errorLong': 'Too long: at most 150 characters (you typed {length}).',
  'file.identity.prompt': 'Do you want to be identified?',
  'file.identity.yes': 'Yes, use my number',
  'file.identity.no': 'No, stay anonymous',
  'file.confirm.prompt': 'Confirm:',
  'file.confirm.type': 'Type: {category}',
  'file.confirm.ward': 'Ward: {ward}',
  'file.confirm.wardVillage': 'Ward: {ward}, {village}',
  'file.confirm.anonymous': 'Anonymous',
  'file.confirm.send': 'Send',
  'file.confirm.change': 'Change',
  'file.edit.prompt': 'What do you want to change?',
  'file.edit.region': 'Region and council',
  'file.edit.category': 'Complaint type',
  'file.edit.place': 'Ward or village',
  'file.edit.description': 'Description',
  'file.edit.identity': 'Identified or anonymous',
  'file.done':
    'Thank you. Your complaint has been received.\nComplaint number: {number}\nUse it to track progress. You will get an SMS update.',
  'file.cancelled': 'Your complaint was not sent. Thank you.',
  'file.limit':
    'You have reached the limit of {limit} complaints a day. Please try again tomorrow.',

  'callback.category.prompt': 'Call me back about:',
  'callback.region.prompt': 'Which region are you in?',
  'callback.confirm.prompt': 'Ask us to call you back?',
  'callback.confirm.region': 'Region: {region}',
  'callback.confirm.about': 'About: {category}',
  'callback.confirm.send': 'Send',
  'callback.confirm.change': 'Change region',
  'callback.done':
    'Thank you. We will call you on this number within one working day.\nRequest number: {reference}',
  'callback.cancelled': 'Your request was not sent. Thank you.',
  'callback.existing':
    'You have already asked us to call you back (request {reference}, {category}). We will call you soon.',
  'callback.limit':
    'You have asked to be called back {limit} times today. Please try again tomorrow.',

  'track.prompt': 'Enter your complaint number:',
  'track.errorFormat': 'A complaint number has 8 digits. Check it and try again.',
  'track.errorCheckDigit': 'That number has a typing mistake. Check it and try again.',
  'track.errorNotFound': 'Complaint number not found. Check it and try again.',

  'detail.title': 'Complaint {number}',
  'detail.status': 'Status: {status}',
  'detail.council': 'Council: {council}',
  'detail.councilPending': 'being chosen',
  'detail.date': 'Date: {date}',

  'mine.prompt': 'Your complaints:',
  'mine.item': '{number} {category} - {status}',
  'mine.empty': 'You have not filed a complaint from this phone yet.',

  'help.body': 'Help: This service is free. Report problems with councils. To track, dial {dial}',
  'help.number': '<number>',
  'help.tollFree': 'Toll-free: {number}',

  'category.health': 'Health',
  'category.education': 'Education',
  'category.water': 'Water',
  'category.roads': 'Roads',
  'category.land': 'Land',
  'category.agriculture': 'Agriculture',
  'category.council_services': 'Local government services',
  'category.corruption': 'Corruption',
  'category.other': 'Other',

  'status.received': 'Received',
  'status.assigned': 'Assigned',
  'status.in_progress': 'In progress',
  'status.resolved': 'Resolved',
  'status.closed': 'Closed',
  'status.reopened': 'Reopened',

  'link.status': 'Status: {url}',

  'sms.received':
    '{orgSms}: your complaint {number} ({category}, {council}) has been received. Track it by dialling {dial}',
  'sms.assigned':
    '{orgSms}: your complaint {number} has been assigned to an officer of {council}. You will get their reply by SMS.',
  'sms.reply': '{orgSms}, complaint {number}: {message}',
  // An automatic reply sent on its own, right after the status SMS it goes with.
  'sms.auto': '{orgSms}, complaint {number}: {message}',
  // {officer} in a saved or automatic reply when nobody has the complaint yet.
  'sms.officerNone': 'our officer',
  'sms.resolved':
    '{orgSms}: your complaint {number} has been resolved: {note}. Please rate the service: reply with a number from 1 (very poor) to 5 (very good).',
  'sms.reopened':
    '{orgSms}: your complaint {number} has been reopened and is back with the officer.',
  'sms.escalated':
    '{orgSms}: your complaint {number} has been passed to the {level} level because it was not handled in time.',
  'sms.level.region': 'regional',
  'sms.level.national': 'headquarters',
  'sms.staff.assigned':
    'Kero: new complaint {number} ({category}, {council}): "{excerpt}". Reply by SMS: R {number} <message>',
  'sms.staff.escalated':
    'Kero: complaint {number} ({category}, {council}) escalated to you: {reason}. "{excerpt}". Reply by SMS: R {number} <message>',
  'sms.staff.reopened': 'Kero: complaint {number} ({category}, {council}) was reopened: {reason}',
  'sms.reason.firstResponse': 'no first response in time',
  'sms.reason.resolution': 'not resolved in time',
  'sms.reason.lowRating': 'the citizen rated the service {rating} out of 5',
  'sms.reason.citizenReopen': 'the citizen asked for it by SMS',

  'sms.unknown':
    '{orgSms} complaints: to file a complaint, dial {code} and follow the menu, or send an SMS here saying what the problem is and where (village, ward, council). It is free. You will get a complaint number.',
  'sms.fileLimit':
    '{orgSms}: you have filed {limit} complaints today, the most for one day. Please send a new one tomorrow.',
  'sms.filedTriage':
    '{orgSms}: your complaint {number} has been received. We will send it to the right council and tell you by SMS. Track it by dialling {dial}',
  'sms.filingClosed':
    '{orgSms}: your message {number} could not be taken as a complaint: {note}. To file one, dial {code} or send the problem and the place by SMS.',
  'sms.citizen.statusTriage':
    '{orgSms}: complaint {number}. Status: {status}, being sent to the right council. Date: {date}.',
  'sms.ussdCode': 'the USSD code',
  'sms.callback.unreachable':
    '{orgSms}: we tried twice to call you back (request {number}) but could not reach you. To ask again, dial {code} and choose Call me back.',
  'sms.rateLimited':
    '{orgSms}: you have sent too many messages. Please wait an hour: messages sent before then will not be answered.',
  'sms.citizen.added': '{orgSms}: your message has been added to complaint {number}. Thank you.',
  'sms.citizen.status':
    '{orgSms}: complaint {number}. Status: {status}. Council: {council}. Date: {date}.',
  'sms.citizen.notFound': '{orgSms}: complaint number {number} not found. Check it and try again.',
  'sms.citizen.badNumber':
    '{orgSms}: {input} is not a complaint number. A complaint number has 8 digits, like 4821 0379.',
  'sms.citizen.typo': '{orgSms}: the number {input} has a typing mistake. Check it and try again.',
  'sms.citizen.help':
    '{orgSms}: your open complaints: {numbers}. To add details, start your SMS with the complaint number. STATUS <number> gives its status; REOPEN <number> reopens a resolved one.',
  'sms.citizen.helpNone':
    '{orgSms}: you have no open complaint. To file one, dial {code} or send the problem and the place by SMS. STATUS <number> gives a complaint status; REOPEN <number> reopens a resolved one.',
  'sms.citizen.reopenOpen':
    '{orgSms}: complaint {number} is still open ({status}). To add details, start your SMS with {number}.',
  'sms.citizen.reopenLate':
    '{orgSms}: complaint {number} was resolved more than {days} days ago and cannot be reopened. To file a new complaint, dial {code}.',
  'sms.citizen.reopenNotYours':
    '{orgSms}: complaint {number} was not filed from this phone, so it cannot be reopened from it.',
  'sms.citizen.reopened':
    '{orgSms}: your complaint {number} has been reopened as you asked and is back with the officer.',
  'sms.citizen.rated': '{orgSms}: thank you for rating complaint {number}: {rating} out of 5.',
  'sms.citizen.lowRated':
    '{orgSms}: thank you for your rating. We are sorry: complaint {number} has been reopened and passed to the {level} level.',
  'sms.staff.citizenMessage':
    'Kero: the citizen wrote on complaint {number}: "{message}". Reply by SMS: R {number} <message>',

  'sms.staff.budget':
    'Kero: {parts} of the {budget} SMS parts budgeted for {month} have been sent ({percent}%). Messages owed to citizens still go out.',
  // Issue 23: the code that confirms a staff member's new sign-in phone (to the new phone; no
  // other run of 4+ digits, the outbox scrubs those once it is sent), and the notice to the old one.
  'sms.staff.phoneCode':
    'Kero: {code} is the code to make this phone the console sign-in phone of {name}, asked for by {editor}. Give it to them only if you expect it. It works once, for 5 minutes.',
  'sms.staff.phoneChanged':
    'Kero: the console sign-in phone of {name} was changed by {editor} on {date} at {time} to a number ending {last}. Every console session of the account was ended. If you did not expect this, call headquarters at once.',
  'sms.staff.admin': 'the system administrator',
  'sms.digest.body':
    'Kero {date}, {area}: open {open}; overdue {overdue}{oldest}; unassigned {unassigned}; due today {due}.',
  'sms.digest.oldest': ' (oldest {days} days)',
  'sms.digest.country': 'all regions',

  'sms.cmd.replied': 'Kero: your reply on complaint {number} is on its way to the citizen.',
  'sms.cmd.deferred':
    'Kero: you have sent more than {limit} commands this hour. The next ones will be carried out in order over the coming minutes; none is lost.',
  'sms.cmd.noted': 'Kero: note added to complaint {number}. The citizen does not see it.',
  'sms.cmd.resolved':
    'Kero: complaint {number} is resolved. The citizen has been asked to rate the service from 1 to 5.',
  'sms.cmd.resolvedQuiet':
    'Kero: complaint {number} is resolved. The citizen will be told and asked to rate the service from 1 to 5 at {time}, when the quiet hours end.',
  'sms.cmd.taken': 'Kero: complaint {number} is now yours.',
  'sms.cmd.assigned': 'Kero: complaint {number} is now assigned to {name}.',
  'sms.cmd.listTitle': 'Kero: open complaints ({count}):',
  'sms.cmd.listItem': '{number} {category} {date}',
  'sms.cmd.listMore': '+{count} more',
  'sms.cmd.listEmpty': 'Kero: you have no open complaints.',
  'sms.cmd.show':
    'Kero {number}: {status}. {category}, {council}, {date}. Citizen: {phone}. "{description}"',
  'sms.cmd.anonymous': 'anonymous',
  'sms.cmd.help':
    'Kero commands: R <number> <message> (to the citizen); N <number> <note> (internal); DONE <number> <note>; TAKE <number>; ASSIGN <number> <phone>; LIST; SHOW <number>; HELP',
  'sms.cmd.unknown':
    'Kero: "{word}" is not a command. Commands: R, N, DONE, TAKE, ASSIGN, LIST, SHOW, HELP. Send HELP for details.',
  'sms.cmd.err.missingNumber': 'Kero: the complaint number is missing. Send: {usage}',
  'sms.cmd.err.badNumber':
    'Kero: {input} is not a complaint number (8 digits, like 4821 0379). Send: {usage}',
  'sms.cmd.err.typo': 'Kero: {input} has a typing mistake. Check the number. Send: {usage}',
  'sms.cmd.err.missingText': 'Kero: the text after the complaint number is missing. Send: {usage}',
  'sms.cmd.err.missingPhone':
    'Kero: the phone number of the staff member is missing. Send: {usage}',
  'sms.cmd.err.badPhone': 'Kero: {input} is not a phone number. Send: {usage}',
  'sms.cmd.err.notFound': 'Kero: complaint number {number} not found. Check it and try again.',
  'sms.cmd.err.otherRegion': 'Kero: complaint {number} is in another region: you cannot act on it.',
  'sms.cmd.err.otherCouncil':
    'Kero: complaint {number} is in a council you do not cover. Ask your supervisor.',
  'sms.cmd.err.otherOfficer':
    'Kero: complaint {number} is assigned to another officer. Ask your supervisor.',
  'sms.cmd.err.notSupervisor': 'Kero: only a supervisor can assign complaints to others.',
  'sms.cmd.err.inactive': 'Kero: your staff account is not active.',
  'sms.cmd.err.notAssigned':
    'Kero: complaint {number} has no officer yet: send TAKE {number} first.',
  'sms.cmd.err.state': 'Kero: not possible: complaint {number} is {status}.',
  'sms.cmd.err.noStaff': 'Kero: no staff member has the phone number {phone}.',
  'sms.cmd.err.staffInactive': 'Kero: {name} is not active: choose someone else.',
  'sms.cmd.err.staffOtherRegion': 'Kero: {name} works in another region.',
  'sms.usage.reply': 'R <number> <message>',
  'sms.usage.note': 'N <number> <note>',
  'sms.usage.resolve': 'DONE <number> <note>',
  'sms.usage.take': 'TAKE <number>',
  'sms.usage.assign': 'ASSIGN <number> <phone>',
  'sms.usage.show': 'SHOW <number>',
} as const;

export type TextKey = keyof typeof en;
export type Translations = Record<TextKey, string>;
