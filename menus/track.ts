// Tracking: by number (anyone sees status, council, date; only the filing phone sees the
// description), in one dial (*384*1234*<number>#, answered with END), and "my complaints".
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
  // A dial with a complaint number inside the code: a mistyped number is asked again.
  'track.direct': {
    type: 'input',
    prompt: 'track.prompt',
    validate: 'complaintNumber',
    saveAs: 'trackNumber',
    next: 'track.directResult',
    zero: { label: 'common.home', next: 'main' },
  },
  'track.directResult': { type: 'info', view: 'detail', end: true },
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
