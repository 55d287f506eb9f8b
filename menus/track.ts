// Tracking: by number (anyone sees status, council, date; only the filing phone sees the
// description), and "my complaints": the last five from this phone.
import type { ScreenDef } from '../src/ussd/core/types';

export const trackScreens: Record<string, ScreenDef> = {
  'track.number': {
    type: 'input',
    prompt: 'track.prompt',
    validate: 'complaintNumber',
    saveAs: 'trackNumber',
    next: 'track.result',
  },
  'track.result': { type: 'info', view: 'detail' },
  'mine.list': {
    type: 'list',
    prompt: 'mine.prompt',
    lookup: 'myComplaints',
    saveAs: 'trackNumber',
    next: 'mine.detail',
    empty: 'mine.empty',
  },
  'mine.detail': { type: 'info', view: 'detail' },
};
