// The whole USSD menu: every flow's screens, and the entry points the engine needs.
import type { Menu } from '../src/ussd/core/types';
import { callbackScreens } from './callback';
import { fileComplaintScreens } from './file-complaint';
import { languageScreens } from './language';
import { mainScreens } from './main';
import { resumeScreens } from './resume';
import { trackScreens } from './track';

export const menu: Menu = {
  language: 'language.first',
  main: 'main',
  resume: 'resume',
  ended: 'ended',
  // One dial, no menu: *384*1234*1# files, *384*1234*2# tracks, *384*1234*<number># answers
  // with the complaint's status at once.
  direct: { replies: { '1': 'main', '2': 'main' }, typed: 'track.direct' },
  screens: {
    ...mainScreens,
    ...languageScreens,
    ...resumeScreens,
    ...fileComplaintScreens,
    ...trackScreens,
    ...callbackScreens,
  },
};
