/**
 * What Kero publishes through Open311 GeoReport v2, field by field. Pure. A complaint becomes a
 * service request: its number, open/closed with Kero's status in words, its category as the
 * service, its council as the agency, its times in Tanzanian time, the SLA deadline it works to,
 * and where (place, council, region). Never a phone number (not even one typed into the place or
 * the description), a staff member, a position (USSD has none) or media; the description only
 * when the caller of these functions passes it.
 */
import type { ComplaintStatus } from '../../../db/schema';
import { isOpen } from '../../complaints/core/lifecycle';
import { slaDueAt, type SlaPolicy } from '../../complaints/core/sla';
import { isoDateTime } from '../../text/calendar';
import { codeLabel } from '../../text/labels';
import type { Document, Value } from './document';

/** Bumped whenever the list of services or this mapping changes (the discovery changeset). */
export const CHANGESET = '2026-11-29T00:00:00+03:00';
export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
export const FORMATS = ['text/xml', 'application/json'] as const;

/** A complaint as far as it may be published. */
export interface PublicComplaint {
  number: string;
  status: ComplaintStatus;
  categoryCode: string;
  place: string | null;
  /** The ward (and street or village) the place was recognised as, when it was. */
  ward?: { name: string; postcode: string | null };
  village?: string;
  /** Only when descriptions are published (OPEN311_DESCRIPTIONS). */
  description?: string;
  councilName: string;
  regionName: string;
  createdAt: number;
  updatedAt: number;
  firstResponseAt: number | null;
}

type Fields = Record<string, Value | undefined>;

// Nine digits or more, single spaces, dots or hyphens allowed between them: a phone number in
// any of its forms (0712 345 678, +255-712-345-678). A complaint number has eight.
const PHONE_LIKE = /\+?\d(?:[\s.-]?\d){8,}/g;

/** Pure. Typed text with every phone-like run of digits replaced: never publish a phone number. */
export function withoutPhones(text: string): string {
  return text.replace(PHONE_LIKE, '[number removed]');
}

/**
 * Pure. One complaint as a GeoReport v2 service request, fields in the spec's order. Open311 has
 * two statuses: received, assigned and in progress are open; resolved and closed are closed.
 */
export function serviceRequest(c: PublicComplaint, policy: SlaPolicy): Fields {
  const due = slaDueAt(c, policy);
  const place = c.place === null ? undefined : withoutPhones(c.place.trim());
  return {
    service_request_id: c.number,
    status: isOpen(c.status) ? 'open' : 'closed',
    status_notes: codeLabel('status', c.status, 'en'),
    service_name: codeLabel('category', c.categoryCode, 'en'),
    service_code: c.categoryCode,
    description: c.description === undefined ? undefined : withoutPhones(c.description),
    agency_responsible: c.councilName,
    requested_datetime: isoDateTime(c.createdAt),
    updated_datetime: isoDateTime(c.updatedAt),
    expected_datetime: due === null ? undefined : isoDateTime(due),
    // A recognised place as the postcode list names it (village, ward), else as typed.
    address: [...(c.ward ? [c.village, c.ward.name] : [place]), c.councilName, c.regionName]
      .filter((p) => p !== undefined && p !== '')
      .join(', '),
    zipcode: c.ward?.postcode ?? undefined,
  };
}

/** Pure. Service requests as the spec's list (`service_requests` of `request`). */
export function serviceRequests(rows: readonly PublicComplaint[], policy: SlaPolicy): Document {
  return { root: 'service_requests', value: rows.map((c) => serviceRequest(c, policy)) };
}

/**
 * Pure. A complaint category as a GeoReport v2 service: named in English (the Kiswahili name is
 * its keyword), no extra fields to fill (`metadata: false`), numbered at once (`realtime`).
 */
export function service(code: string): Fields {
  const name = codeLabel('category', code, 'en');
  const jina = codeLabel('category', code, 'sw');
  return {
    service_code: code,
    service_name: name,
    description: `${name} (${jina}): complaints about council services, filed by USSD`,
    metadata: false,
    type: 'realtime',
    keywords: jina,
    group: 'Local government',
  };
}

/** Pure. The list of services, in the categories' menu order. */
export function serviceList(categories: readonly string[]): Document {
  return { root: 'services', value: categories.map(service) };
}

/** Pure. A service definition: no attributes, since no service asks for extra fields. */
export function serviceDefinition(code: string): Document {
  return { root: 'service_definition', value: { service_code: code, attributes: [] } };
}

/** Pure. The service discovery document for the one production endpoint at `url`. */
export function discovery(url: string, contact: string): Document {
  return {
    root: 'discovery',
    value: {
      changeset: CHANGESET,
      contact,
      key_service: 'No key is needed: this endpoint is read-only and open to everyone.',
      endpoints: [
        {
          specification: SPECIFICATION,
          url,
          changeset: CHANGESET,
          type: 'production',
          formats: [...FORMATS],
        },
      ],
    },
  };
}
