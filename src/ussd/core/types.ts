/**
 * The vocabulary of the USSD menu machine: menus (data, in menus/), the session state the engine
 * steps, the views it asks the renderer to draw and the effects it asks the handler to apply.
 */
import type { TextKey } from '../../../menus/locales/en';
import type { ComplaintDraft } from '../../complaints/core/draft';
import type { Organisation } from '../../text/org';
import type { Lang, Text } from '../../text/translate';
import { type RefItem } from '../../reference/types';
import type { PlaceIndex } from '../../reference/core/place-match';

export type ScreenId = string;

/** Names resolved by the engine's registries (src/ussd/{lookups,validators,views}.ts). */
export type LookupName = 'regions' | 'councils' | 'categories' | 'myComplaints' | 'placeChoices';
export type RecogniserName = 'place';
export type ValidatorName = 'place' | 'description' | 'complaintNumber';
export type ViewName =
  | 'help'
  | 'confirm'
  | 'done'
  | 'detail'
  | 'limit'
  | 'callbackConfirm'
  | 'callbackDone'
  | 'callbackRefused';
export type GuardName = 'canFile' | 'canAskCallback';
export type EffectName =
  | 'citizen.setLanguage'
  | 'complaint.submit'
  | 'draft.resume'
  | 'draft.discard'
  | 'callback.start'
  | 'callback.request';

export interface StaticOption {
  label: TextKey;
  next: ScreenId;
  /** Values written into the session's data when chosen. */
  set?: Record<string, string>;
  /** Data keys removed when chosen (editing from the confirm screen). */
  clears?: readonly string[];
  /** After the chosen edit, skip forward over already-filled screens back to this one. */
  returnTo?: ScreenId;
  effect?: EffectName;
  /** Option only leads to `next` when the guard holds; otherwise to `otherwise`. */
  guard?: GuardName;
  otherwise?: ScreenId;
}

interface ScreenBase {
  /** Part of an unsent complaint draft: a dropped session here can be resumed. */
  draft?: boolean;
  /** The '0' key: defaults to Back. */
  zero?: { label: TextKey; next: ScreenId };
}

export interface ChoiceScreen extends ScreenBase {
  type: 'choice';
  prompt: TextKey;
  /** A view drawn below the prompt (the confirm summary). */
  view?: ViewName;
  /** The data key this screen's options `set` (so a draft knows whether it was answered). */
  saveAs?: string;
  options: readonly StaticOption[];
}

export interface ListScreen extends ScreenBase {
  type: 'list';
  prompt: TextKey;
  lookup: LookupName;
  saveAs: string;
  next: ScreenId;
  /** Shown instead of the prompt when the lookup returns nothing. */
  empty: TextKey;
  clears?: readonly string[];
}

export interface InputScreen extends ScreenBase {
  type: 'input';
  prompt: TextKey;
  validate: ValidatorName;
  saveAs: string;
  next: ScreenId;
  /** A '1' reply skips the input and stores ''. */
  skip?: TextKey;
  /**
   * What the answer names is recognised (src/ussd/core/recognisers.ts); when it could be several
   * things, the caller picks one on `choose` before `next`.
   */
  recognise?: { as: RecogniserName; choose: ScreenId };
}

interface InfoBase extends ScreenBase {
  type: 'info';
  /** END the session after showing it. */
  end?: boolean;
}

/** A screen of lines from a named view (src/ussd/core/views.ts), or of one fixed text. */
export type InfoScreen = (InfoBase & { view: ViewName }) | (InfoBase & { text: TextKey });

export type ScreenDef = ChoiceScreen | ListScreen | InputScreen | InfoScreen;

export interface Menu {
  /** First screen of a phone that has never chosen a language. */
  language: ScreenId;
  main: ScreenId;
  resume: ScreenId;
  /** END screen when a reply arrives for a session that already ended. */
  ended: ScreenId;
  /**
   * A dial with the first reply inside the code (`*384*1234*1#` starts a session whose text is
   * `1`): `replies` names the screen on which such a reply counts as given (`'1': 'main'` is
   * File on the main menu); any other first reply is typed into the `typed` input screen (a
   * complaint number). Replies after a `*` in the same dial follow as ordinary replies.
   */
  direct: { replies: Readonly<Record<string, ScreenId>>; typed: ScreenId };
  screens: Readonly<Record<ScreenId, ScreenDef>>;
}

export interface SessionState {
  lang: Lang;
  screen: ScreenId;
  page: number;
  stack: { screen: ScreenId; page: number }[];
  data: Record<string, string>;
  returnTo?: ScreenId;
}

export interface ListItem {
  value: string;
  label: Text;
}

/** What the renderer draws: lines, numbered items (paged), navigation. */
export interface View {
  end: boolean;
  /** Variables every text of the screen may use: `{code}`, the organisation's names. */
  vars: Record<string, string>;
  error?: Text;
  lines: Text[];
  items: ListItem[];
  /** Numbered item the list starts at (1). */
  page: number;
  zero?: TextKey;
  back: boolean;
  home: boolean;
}

export interface ComplaintSummary {
  number: string;
  status: string;
  categoryCode: string;
  councilLabel: { sw: string; en: string };
  createdAt: number;
  description: string;
  citizenPhone: string;
}

/** A phone's open call-back request, as the menu mentions it. */
export interface CallbackSummary {
  reference: string;
  categoryCode: string;
}

export type Effect =
  | { type: 'citizen.setLanguage'; language: Lang }
  | { type: 'complaint.submit'; number: string; draft: ComplaintDraft; language: Lang }
  | {
      type: 'callback.request';
      reference: string;
      regionCode: string;
      categoryCode: string;
      language: Lang;
    }
  | { type: 'draft.resume'; fromSessionId: string }
  | { type: 'draft.discard'; fromSessionId: string };

export interface ResumableDraft {
  sessionId: string;
  state: SessionState;
}

/**
 * What the engine may read about the world. Synchronous; the handler backs it with SQLite inside
 * the request's transaction, tests with plain arrays.
 */
export interface UssdContext {
  phone: string;
  now: number;
  dailyComplaintLimit: number;
  tollFreeNumber?: string;
  serviceCode: string;
  /** The organisation named on the welcome screen. */
  org: Organisation;
  /** The regions the picker offers (REGIONS: mainland, or all). */
  regions(): RefItem[];
  councils(regionCode: string): RefItem[];
  categories(): string[];
  /** The council's wards and villages as typed names are matched; undefined: free text only. */
  places(councilCode: string): PlaceIndex | undefined;
  /** A ward's name by its code. */
  wardName(code: string): string | undefined;
  findComplaint(number: string): ComplaintSummary | undefined;
  recentComplaints(limit: number): ComplaintSummary[];
  complaintsFiledToday(): number;
  newComplaintNumber(): string;
  /** Call-back requests a phone may make in a Tanzanian day (CALLBACK_DAILY_LIMIT). */
  callbackDailyLimit: number;
  /** This phone's open call-back request, if any (at most one). */
  openCallback(): CallbackSummary | undefined;
  /** Call-back requests this phone made today. */
  callbacksToday(): number;
  /** The region of this phone's last complaint, if it filed one. */
  lastComplaintRegion(): string | undefined;
  newCallbackReference(): string;
  /** The newest unsent draft of this phone still inside the resume window, if any. */
  resumableDraft(): ResumableDraft | undefined;
}
