/**
 * The Open311 GeoReport v2 field lists, as tables, and checks of a JSON object or an XML element
 * against them. Field names, which are required and their types come from the spec
 * (wiki.open311.org/GeoReport_v2, as kept in github.com/open311/open311.github.io
 * GeoReport_v2/index.md: "GET Service List", "GET Service Definition", "GET Service Requests",
 * "Errors"; Service_Discovery.md) and, for required-ness, the JSON schemas of
 * github.com/open311/schema-validation (schema/georeport-v2/{service,request}.json).
 */
import { fieldsOf, type XmlElement } from './xml';

export type FieldType = 'string' | 'boolean' | 'number' | 'datetime' | 'uri' | readonly string[];

export interface SpecField {
  field: string;
  required: boolean;
  type: FieldType;
}

const f = (field: string, required: boolean, type: FieldType): SpecField => ({
  field,
  required,
  type,
});

/** GET Service List, one `service`. */
export const SERVICE_FIELDS = [
  f('service_code', true, 'string'),
  f('service_name', true, 'string'),
  f('description', false, 'string'),
  f('metadata', true, 'boolean'),
  f('type', true, ['realtime', 'batch', 'blackbox']),
  f('keywords', false, 'string'),
  f('group', false, 'string'),
];

/** GET Service Requests / GET Service Request, one `request`. */
export const REQUEST_FIELDS = [
  f('service_request_id', true, 'string'),
  f('status', true, ['open', 'closed']),
  f('status_notes', false, 'string'),
  f('service_name', false, 'string'),
  f('service_code', true, 'string'),
  f('description', false, 'string'),
  f('agency_responsible', false, 'string'),
  f('service_notice', false, 'string'),
  f('requested_datetime', true, 'datetime'),
  f('updated_datetime', false, 'datetime'),
  f('expected_datetime', false, 'datetime'),
  f('address', false, 'string'),
  f('address_id', false, 'string'),
  f('zipcode', false, 'string'),
  f('lat', false, 'number'),
  f('long', false, 'number'),
  f('media_url', false, 'uri'),
];

/** Service discovery: every field required. */
export const DISCOVERY_FIELDS = [
  f('changeset', true, 'string'),
  f('contact', true, 'string'),
  f('key_service', true, 'string'),
];
export const ENDPOINT_FIELDS = [
  f('specification', true, 'string'),
  f('url', true, 'uri'),
  f('changeset', true, 'string'),
  f('type', true, ['production', 'test']),
];

/** Errors, one `error`. */
export const ERROR_FIELDS = [f('code', true, 'number'), f('description', true, 'string')];

/** W3C date-time (ISO 8601 profile) with a timezone, as the spec requires. */
export const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function textProblem(name: string, type: FieldType, text: string): string | undefined {
  const ok =
    typeof type !== 'string'
      ? type.includes(text)
      : type === 'boolean'
        ? text === 'true' || text === 'false'
        : type === 'number'
          ? text.trim() !== '' && Number.isFinite(Number(text))
          : type === 'datetime'
            ? W3C_DATETIME.test(text)
            : type === 'uri'
              ? URL.canParse(text)
              : true;
  return ok ? undefined : `${name}: ${JSON.stringify(text)} is not ${String(type)}`;
}

function jsonProblem(name: string, type: FieldType, value: unknown): string | undefined {
  if (value === null) return undefined;
  const primitive = type === 'boolean' ? 'boolean' : type === 'number' ? 'number' : 'string';
  if (typeof value !== primitive) return `${name}: ${JSON.stringify(value)} is not a ${primitive}`;
  return primitive === 'string' ? textProblem(name, type, value as string) : undefined;
}

/** Every way `obj` differs from the table: unknown fields, missing required ones, wrong types. */
export function jsonProblems(obj: Record<string, unknown>, table: readonly SpecField[]): string[] {
  const known = new Map(table.map((s) => [s.field, s]));
  const problems = Object.keys(obj)
    .filter((k) => !known.has(k))
    .map((k) => `${k}: not a field of the spec`);
  for (const s of table) {
    if (!(s.field in obj) || obj[s.field] === null) {
      if (s.required) problems.push(`${s.field}: required, missing`);
      continue;
    }
    const p = jsonProblem(s.field, s.type, obj[s.field]);
    if (p) problems.push(p);
  }
  return problems;
}

/** The same for an XML element whose children are the fields (`lists`: child lists, not fields). */
export function xmlProblems(
  el: XmlElement,
  table: readonly SpecField[],
  lists: readonly string[] = [],
): string[] {
  const own = el.children.filter((c) => !lists.includes(c.name));
  const fields = fieldsOf({ ...el, children: own });
  const known = new Set(table.map((s) => s.field));
  return [
    ...own.filter((c) => c.children.length > 0).map((c) => `${c.name}: holds elements`),
    ...Object.keys(fields)
      .filter((k) => !known.has(k))
      .map((k) => `${k}: not a field of the spec`),
    ...table
      .filter((s) => s.required && !(s.field in fields))
      .map((s) => `${s.field}: required, missing`),
    ...table
      .map((s) =>
        s.field in fields ? textProblem(s.field, s.type, fields[s.field] ?? '') : undefined,
      )
      .filter((p): p is string => p !== undefined),
  ];
}
