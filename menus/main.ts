// The main menu: every dial with a known language starts here (or at resume when a draft waits).
// '0' leaves the service instead of going back.
import type { ScreenDef } from '../src/ussd/core/types';

export const mainScreens: Record<string, ScreenDef> = {
  main: {
    type: 'choice',
    prompt: 'main.prompt',
    options: [
      { label: 'main.file', next: 'file.region', guard: 'canFile', otherwise: 'file.limit' },
      { label: 'main.track', next: 'track.number' },
      { label: 'main.mine', next: 'mine.list' },
      {
        label: 'main.callback',
        next: 'callback.category',
        guard: 'canAskCallback',
        otherwise: 'callback.refused',
        effect: 'callback.start',
        // A region known from the phone's last complaint is passed over on the way to confirm.
        returnTo: 'callback.confirm',
      },
      { label: 'main.help', next: 'help' },
      { label: 'main.language', next: 'language.change' },
    ],
    zero: { label: 'common.exit', next: 'goodbye' },
  },
  goodbye: { type: 'info', text: 'common.goodbye', end: true },
  ended: { type: 'info', text: 'common.ended', end: true },
  help: { type: 'info', view: 'help' },
};
