/**
 * The USSD use case: load the session, step the pure engine, write the session and every effect in
 * one SQLite transaction, answer. Never touches the network; never throws (an internal error
 * becomes a localised END screen and a log line with the sessionId).
 */
import { inTransaction, type Tx } from '../../db/client';
import { findCitizenLanguage, upsertCitizen } from '../complaints/repository';
import { fileComplaint } from '../complaints/filing';
import { STANDARD_OFFICE } from '../callbacks/core/rules';
import { requestCallback } from '../callbacks/service';
import { maskPhone } from '../text/phone';
import { HopContext } from './context';
import type { Hop, UssdDeps, UssdRequest } from './hop';
import { endedSession, startSession, step, type StepResult } from './core/engine';
import { renderView } from './core/render';
import {
  closeDraft,
  loadSession,
  newestReply,
  parseState,
  saveSession,
} from './session-repository';
import type { Effect, Menu, SessionState } from './core/types';
import { translate, type Lang } from '../text/translate';
import { type SessionRow } from '../../db/schema';

function applyEffects(deps: UssdDeps, tx: Tx, req: UssdRequest, effects: Effect[], now: number) {
  for (const effect of effects) {
    switch (effect.type) {
      case 'citizen.setLanguage':
        upsertCitizen(tx, req.phoneNumber, effect.language, now);
        break;
      case 'complaint.submit':
        fileComplaint(tx, deps.reference, {
          phone: req.phoneNumber,
          number: effect.number,
          draft: effect.draft,
          language: effect.language,
          serviceCode: req.serviceCode,
          filedBy: { source: 'ussd' },
          policy: deps.sla,
          now,
        });
        break;
      case 'callback.request':
        requestCallback(tx, {
          phone: req.phoneNumber,
          reference: effect.reference,
          regionCode: effect.regionCode,
          categoryCode: effect.categoryCode,
          language: effect.language,
          serviceCode: req.serviceCode,
          hours: deps.hours ?? { ...STANDARD_OFFICE, holidays: deps.sla.holidays },
          now,
        });
        break;
      case 'draft.resume':
      case 'draft.discard':
        closeDraft(tx, effect.fromSessionId);
        break;
    }
  }
}

function stepRequest(
  deps: UssdDeps,
  tx: Tx,
  req: UssdRequest,
  row: SessionRow | undefined,
  now: number,
): StepResult {
  const ctx = new HopContext(deps, tx, req, now);
  if (!row) {
    return startSession(deps.menu, ctx, findCitizenLanguage(tx, req.phoneNumber), req.text);
  }
  const state = parseState(row.state);
  if (row.ended || !state) {
    const lang = state?.lang ?? findCitizenLanguage(tx, req.phoneNumber) ?? 'sw';
    return endedSession(deps.menu, lang, ctx);
  }
  return step(deps.menu, state, newestReply(row.lastText, req.text), ctx);
}

/**
 * A session holds a resumable draft while it is on a draft screen with at least one answer given:
 * offering to resume a filing that has nothing in it would only cost the caller a screen.
 */
function holdsDraft(menu: Menu, state: SessionState, ended: boolean): boolean {
  return !ended && menu.screens[state.screen]?.draft === true && Object.keys(state.data).length > 0;
}

function handleInTransaction(deps: UssdDeps, tx: Tx, req: UssdRequest): Hop {
  const now = deps.now();
  const row = loadSession(tx, req.sessionId);
  if (row && row.phone !== req.phoneNumber) {
    // A sessionId belongs to one phone: never continue, nor replay, another phone's session.
    deps.logger.warn(
      { sessionId: req.sessionId, phone: maskPhone(req.phoneNumber) },
      'ussd sessionId arrived from another phone',
    );
    const lang = findCitizenLanguage(tx, req.phoneNumber) ?? 'sw';
    return { body: `END ${translate('common.error', lang)}`, screen: 'error', filed: false };
  }
  // A retried request (same sessionId and text) gets the same answer and repeats nothing.
  if (row && row.lastText === req.text) {
    return { body: row.lastResponse, screen: 'replay', filed: false };
  }
  const { state, view, effects } = stepRequest(deps, tx, req, row, now);
  const body = renderView(view, state.lang, state.page);
  const session: SessionRow = {
    sessionId: req.sessionId,
    phone: req.phoneNumber,
    serviceCode: req.serviceCode,
    networkCode: req.networkCode,
    lastText: req.text,
    lastResponse: body,
    state: JSON.stringify(state),
    ended: view.end,
    draftOpen: holdsDraft(deps.menu, state, view.end),
    hops: (row?.hops ?? 0) + 1,
    createdAt: row?.createdAt ?? now,
    updatedAt: now,
  };
  // Everything above only read. The writes come last: a lone session write is atomic by itself;
  // effects and the session write go together in a savepoint, so a failure leaves no part behind.
  if (effects.length === 0) saveSession(tx, session, row);
  else
    inTransaction(tx, () => {
      applyEffects(deps, tx, req, effects, now);
      saveSession(tx, session, row);
    });
  const filed = effects.some((e) => e.type === 'complaint.submit');
  return { body, screen: state.screen, filed };
}

/**
 * Answers one USSD request with a `CON `/`END ` body. Never throws. Runs inside the group commit's
 * transaction (src/ussd/group-commit.ts), or in one of its own when called alone.
 */
export function handleUssd(deps: UssdDeps, req: UssdRequest): string {
  return handleHop(deps, req).body;
}

/** handleUssd, with what the hop did (for the metrics). Never throws. */
export function handleHop(deps: UssdDeps, req: UssdRequest): Hop {
  try {
    const hop = () => handleInTransaction(deps, deps.db, req);
    // Inside the group commit's transaction already; alone, a hop gets a transaction of its own.
    return deps.db.$client.inTransaction
      ? hop()
      : inTransaction(deps.db, hop, { behavior: 'immediate' });
  } catch (err) {
    deps.logger.error(
      { err, sessionId: req.sessionId, phone: maskPhone(req.phoneNumber) },
      'ussd request failed',
    );
    return { body: errorScreen(deps, req), screen: 'error', filed: false };
  }
}

/** "Please try again later", in the caller's language when the database can still say it. */
export function errorScreen(deps: UssdDeps, req: UssdRequest): string {
  return `END ${translate('common.error', languageForError(deps, req))}`;
}

function languageForError(deps: UssdDeps, req: UssdRequest): Lang {
  try {
    return findCitizenLanguage(deps.db, req.phoneNumber) ?? 'sw';
  } catch {
    return 'sw';
  }
}
