// Filing a complaint: region -> council -> category -> place (skippable; a ward or village of
// the council's list recognised, several offered) -> description ->
// identified or anonymous -> confirm -> END with the complaint number. Every step is a resumable draft.
import type { ScreenDef } from '../src/ussd/core/types';

const toConfirm = 'file.confirm';

export const fileComplaintScreens: Record<string, ScreenDef> = {
  'file.region': {
    type: 'list',
    prompt: 'file.region.prompt',
    lookup: 'regions',
    saveAs: 'region',
    // Another council has other wards: a ward recognised in the old one is dropped (the place
    // stays as typed).
    clears: ['council', 'placeMatch', 'placeChoices'],
    next: 'file.council',
    empty: 'common.error',
    draft: true,
  },
  'file.council': {
    type: 'list',
    prompt: 'file.council.prompt',
    lookup: 'councils',
    saveAs: 'council',
    next: 'file.category',
    empty: 'file.council.empty',
    draft: true,
  },
  'file.category': {
    type: 'list',
    prompt: 'file.category.prompt',
    lookup: 'categories',
    saveAs: 'category',
    next: 'file.place',
    empty: 'common.error',
    draft: true,
  },
  'file.place': {
    type: 'input',
    prompt: 'file.place.prompt',
    validate: 'place',
    saveAs: 'place',
    skip: 'common.skip',
    // A ward or village of the council's list: one goes onto the confirm screen, several are
    // offered on the next screen, none keeps the text as typed.
    recognise: { as: 'place', choose: 'file.place.choose' },
    next: 'file.description',
    draft: true,
  },
  'file.place.choose': {
    type: 'list',
    prompt: 'file.place.choose',
    lookup: 'placeChoices',
    saveAs: 'placeMatch',
    next: 'file.description',
    empty: 'common.error',
    draft: true,
  },
  'file.description': {
    type: 'input',
    prompt: 'file.description.prompt',
    validate: 'description',
    saveAs: 'description',
    next: 'file.identity',
    draft: true,
  },
  'file.identity': {
    type: 'choice',
    prompt: 'file.identity.prompt',
    saveAs: 'anonymous',
    options: [
      { label: 'file.identity.yes', next: toConfirm, set: { anonymous: 'no' } },
      { label: 'file.identity.no', next: toConfirm, set: { anonymous: 'yes' } },
    ],
    draft: true,
  },
  'file.confirm': {
    type: 'choice',
    prompt: 'file.confirm.prompt',
    view: 'confirm',
    options: [
      // The limit again at the moment of filing: another session may have filed meanwhile.
      {
        label: 'file.confirm.send',
        next: 'file.done',
        effect: 'complaint.submit',
        guard: 'canFile',
        otherwise: 'file.limit',
      },
      { label: 'file.confirm.change', next: 'file.edit' },
    ],
    zero: { label: 'common.cancel', next: 'file.cancelled' },
    draft: true,
  },
  'file.edit': {
    type: 'choice',
    prompt: 'file.edit.prompt',
    options: [
      { label: 'file.edit.region', next: 'file.region', returnTo: toConfirm },
      { label: 'file.edit.category', next: 'file.category', returnTo: toConfirm },
      { label: 'file.edit.place', next: 'file.place', returnTo: toConfirm },
      { label: 'file.edit.description', next: 'file.description', returnTo: toConfirm },
      { label: 'file.edit.identity', next: 'file.identity', returnTo: toConfirm },
    ],
    draft: true,
  },
  'file.done': { type: 'info', view: 'done', end: true },
  'file.cancelled': { type: 'info', text: 'file.cancelled', end: true },
  'file.limit': { type: 'info', view: 'limit' },
};
