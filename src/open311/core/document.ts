/**
 * Open311 documents and their two wire forms. Pure. A document is its XML root element's name
 * and a value. As the GeoReport v2 examples show, a list is a JSON array at the top level and,
 * in XML, a root element holding one element per item (`<services><service>…`); the item
 * element of each list is named in ITEM_ELEMENTS. A field whose value is undefined is left out
 * of both forms: Kero omits what it does not have rather than sending nulls.
 */

export type Value =
  string | number | boolean | readonly Value[] | { readonly [field: string]: Value | undefined };

export interface Document {
  root: string;
  value: Value;
}

/** One Open311 error: `code` is the HTTP status, `description` is shown to people. */
export interface Open311Error {
  code: number;
  description: string;
}

/** The element of one item in each list the GeoReport v2 spec defines. */
const ITEM_ELEMENTS: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

// Characters XML 1.0 does not allow at all (most control characters, lone surrogates).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Pure. Text as XML character data: escaped, with characters XML cannot carry removed. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function element(name: string, value: Value): string {
  if (Array.isArray(value)) {
    const item = ITEM_ELEMENTS[name];
    if (item === undefined) throw new Error(`no item element for the list ${name}`);
    return `<${name}>${value.map((v: Value) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, Value | undefined>);
    const children = fields.map(([k, v]) => (v === undefined ? '' : element(k, v)));
    return `<${name}>${children.join('')}</${name}>`;
  }
  return `<${name}>${xmlText(String(value))}</${name}>`;
}

/** Pure. The XML form: declaration (UTF-8), then the root element, no namespace. */
export function toXml(doc: Document): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(doc.root, doc.value)}\n`;
}

/** Pure. The JSON form (the Spark convention: lists as arrays, values as they are). */
export function toJson(doc: Document): string {
  return JSON.stringify(doc.value);
}

/** Pure. The spec's error document: `[{ code, description }]` / `<errors><error>…`. */
export function errorDocument(errors: readonly Open311Error[]): Document {
  return {
    root: 'errors',
    value: errors.map((e) => ({ code: e.code, description: e.description })),
  };
}
