// Resume: when a filing session dropped before confirmation, the next dial (within the configured
// window) offers to continue the draft where it stopped.
import type { ScreenDef } from '../src/ussd/core/types';

export const resumeScreens: Record<string, ScreenDef> = {
  resume: {
    type: 'choice',
    prompt: 'resume.prompt',
    options: [
      { label: 'resume.continue', next: 'main', effect: 'draft.resume' },
      { label: 'resume.restart', next: 'main', effect: 'draft.discard' },
    ],
  },
};
