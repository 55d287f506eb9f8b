// Call me back: category -> region (asked only when the phone never filed a complaint) -> confirm
// -> END with the request's reference. One open request per phone, a daily limit.
import type { ScreenDef } from '../src/ussd/core/types';

const toConfirm = 'callback.confirm';

export const callbackScreens: Record<string, ScreenDef> = {
  'callback.category': {
    type: 'list',
    prompt: 'callback.category.prompt',
    lookup: 'categories',
    saveAs: 'category',
    next: 'callback.region',
    empty: 'common.error',
  },
  'callback.region': {
    type: 'list',
    prompt: 'callback.region.prompt',
    lookup: 'regions',
    saveAs: 'region',
    next: toConfirm,
    empty: 'common.error',
  },
  'callback.confirm': {
    type: 'choice',
    prompt: 'callback.confirm.prompt',
    view: 'callbackConfirm',
    options: [
      // Checked again at the moment of asking: another session may have asked meanwhile.
      {
        label: 'callback.confirm.send',
        next: 'callback.done',
        effect: 'callback.request',
        guard: 'canAskCallback',
        otherwise: 'callback.refused',
      },
      { label: 'callback.confirm.change', next: 'callback.region', returnTo: toConfirm },
    ],
    zero: { label: 'common.cancel', next: 'callback.cancelled' },
  },
  'callback.done': { type: 'info', view: 'callbackDone', end: true },
  'callback.cancelled': { type: 'info', text: 'callback.cancelled', end: true },
  // The request already open (its reference), or the daily limit reached.
  'callback.refused': { type: 'info', view: 'callbackRefused' },
};
