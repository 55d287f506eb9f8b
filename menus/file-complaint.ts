// Filing a complaint: region -> council -> category -> place (skippable) -> description ->
// identified or anonymous -> confirm -> END with the complaint number. Every step is a resumable draft.
import type { ScreenDef } from '../src/ussd/core/types';

const toConfirm = 'file.confirm';

export const fileComplaintScreens: Record<string, ScreenDef> = {
  'file.region': {
    type: 'list',
    prompt: 'file.region.prompt',
    lookup: 'regions',
    saveAs: 'region',
    clears: ['council'],
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
    next: 'file.description',
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
