// Language: asked on the first dial from a phone (both languages on one screen), changeable from
// the main menu. The choice is remembered per phone.
import type { ScreenDef } from '../src/ussd/core/types';

export const languageScreens: Record<string, ScreenDef> = {
  'language.first': {
    type: 'choice',
    prompt: 'language.welcome',
    options: [
      { label: 'language.sw', next: 'main', set: { lang: 'sw' }, effect: 'citizen.setLanguage' },
      { label: 'language.en', next: 'main', set: { lang: 'en' }, effect: 'citizen.setLanguage' },
    ],
  },
  'language.change': {
    type: 'choice',
    prompt: 'language.prompt',
    options: [
      { label: 'language.sw', next: 'main', set: { lang: 'sw' }, effect: 'citizen.setLanguage' },
      { label: 'language.en', next: 'main', set: { lang: 'en' }, effect: 'citizen.setLanguage' },
    ],
  },
};
