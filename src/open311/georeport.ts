/**
 * Kero's Open311 GeoReport v2 endpoint, read-only: discovery, the services (complaint categories)
 * and their definitions, service requests (complaints) by window or by number. Each answer is a
 * document with its HTTP status and how long it may be cached; the HTTP route picks JSON or XML.
 * Never throws for a client's mistake: those are answered in the spec's error format.
 */
import type { Db } from '../../db/client';
import type { SlaPolicy } from '../complaints/core/sla';
import type { ReferenceData } from '../reference/types';
import { errorDocument, type Document } from './core/document';
import { parseRequestsQuery, type Params, type WindowQuery } from './core/query';
import { discovery, serviceDefinition, serviceList, serviceRequests } from './core/records';
import { windowPage, type Cursor } from './pages';
import { changeMark, publishedByNumbers, type ChangeMark } from './repository';

export interface Open311Settings {
  /** Publish what callers typed as the description (OPEN311_DESCRIPTIONS). */
  descriptions: boolean;
  /** The SLA policy whose deadline is each open request's expected_datetime. */
  policy: SlaPolicy;
  /** Base URL the discovery document names (PUBLIC_URL); unset: the request's own. */
  publicUrl?: string;
  tollFreeNumber?: string;
  /** Requests a minute one client may make (OPEN311_RATE_LIMIT); 0 or unset: no limit. */
  ratePerMinute?: number;
}

export interface Open311Deps {
  db: Db;
  reference: ReferenceData;
  now: () => number;
  open311: Open311Settings;
}

export type Resource =
  | { kind: 'discovery' }
  | { kind: 'services' }
  | { kind: 'service'; code: string }
  | { kind: 'requests' }
  | { kind: 'request'; id: string };

export interface Answer {
  status: number;
  doc: Document;
  /** Seconds a client or proxy may keep it; 0: revalidate every time. */
  maxAge: number;
  /** When a window's page was full and more follow: the next page's number. */
  nextPage?: number;
  /** And where it starts (./pages.ts). */
  next?: Cursor;
}

/** What a window's page is read with: the change mark now, and a cursor near it if known. */
export interface Paging {
  mark: ChangeMark;
  cursor?: Cursor;
}

/** The services list and definitions change only with a deploy; requests change all day. */
const STATIC_MAX_AGE = 3600;
const REQUESTS_MAX_AGE = 60;

export const notFound = (description: string): Answer => ({
  status: 404,
  doc: errorDocument([{ code: 404, description }]),
  maxAge: 0,
});

function windowAnswer(deps: Open311Deps, q: WindowQuery, paging: Paging): Answer {
  const { rows, next } = windowPage(
    deps.db,
    q,
    deps.open311.descriptions,
    paging.mark,
    paging.cursor,
  );
  return {
    status: 200,
    doc: serviceRequests(rows, deps.open311.policy),
    maxAge: REQUESTS_MAX_AGE,
    ...(next ? { nextPage: next.page, next } : {}),
  };
}

/**
 * The categories Open311 publishes (headquarters' `public` flag; retired ones too, for their old
 * complaints) and whether some are kept out.
 */
export function publicCategories(ref: ReferenceData): { codes: string[]; hidden: Set<string> } {
  const all = [...ref.categoryInfo.values()];
  return {
    codes: all.filter((c) => c.public).map((c) => c.code),
    hidden: new Set(all.filter((c) => !c.public).map((c) => c.code)),
  };
}

/** Complaints read by number, less those of a category Open311 does not publish. */
function byNumbers(deps: Open311Deps, numbers: readonly string[]) {
  const { hidden } = publicCategories(deps.reference);
  return publishedByNumbers(deps.db, numbers, deps.open311.descriptions).filter(
    (c) => !hidden.has(c.categoryCode),
  );
}

function requests(deps: Open311Deps, params: Params, paging: () => Paging): Answer {
  const { codes, hidden } = publicCategories(deps.reference);
  const q = parseRequestsQuery(params, deps.now(), codes);
  if (!q.ok) return { status: 400, doc: errorDocument(q.errors), maxAge: 0 };
  if (q.value.kind === 'window') {
    // With a category kept out, a window without service_code lists the published ones only.
    const w =
      q.value.serviceCodes || hidden.size === 0 ? q.value : { ...q.value, serviceCodes: codes };
    return windowAnswer(deps, w, paging());
  }
  const rows = byNumbers(deps, q.value.numbers);
  return { status: 200, doc: serviceRequests(rows, deps.open311.policy), maxAge: REQUESTS_MAX_AGE };
}

function request(deps: Open311Deps, id: string): Answer {
  const number = id.replace(/[\s-]/g, '');
  const rows = /^\d{1,16}$/.test(number) ? byNumbers(deps, [number]) : [];
  if (rows.length === 0) return notFound(`service_request_id ${id} not found`);
  return { status: 200, doc: serviceRequests(rows, deps.open311.policy), maxAge: REQUESTS_MAX_AGE };
}

/** The services Open311 lists: the active categories it publishes, in menu order. */
const offered = (ref: ReferenceData): string[] =>
  ref.categories.filter((code) => ref.categoryInfo.get(code)?.public !== false);

/** Who answers, and where the counts are: the public figures page (/figures) beside the feed. */
function contact(s: Open311Settings, baseUrl: string): string {
  const desk = 'Kero complaints desk of the customer service centres';
  const figures = `figures by region and council: ${baseUrl}/figures`;
  return s.tollFreeNumber
    ? `${desk}: toll-free ${s.tollFreeNumber}; ${figures}`
    : `${desk}; ${figures}`;
}

/**
 * Answers one GET for `resource`; `baseUrl` is where /open311/v2 is served from; `paging`, what
 * a window's page is read with (by default: the change mark now, no cursor).
 */
export function answerOpen311(
  deps: Open311Deps,
  resource: Resource,
  params: Params,
  baseUrl: string,
  paging: () => Paging = () => ({ mark: changeMark(deps.db) }),
): Answer {
  const ok = (doc: Document, maxAge = STATIC_MAX_AGE): Answer => ({ status: 200, doc, maxAge });
  switch (resource.kind) {
    case 'discovery':
      return ok(discovery(`${baseUrl}/open311/v2`, contact(deps.open311, baseUrl)));
    case 'services':
      return ok(serviceList(offered(deps.reference)));
    case 'service':
      return offered(deps.reference).includes(resource.code)
        ? ok(serviceDefinition(resource.code))
        : notFound(`service_code ${resource.code} not found`);
    case 'requests':
      return requests(deps, params, paging);
    case 'request':
      return request(deps, resource.id);
  }
}
