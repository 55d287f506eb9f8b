/**
 * A small, strict XML reader for tests: the XML declaration, then elements that hold either other
 * elements or text (no attributes, no mixed content, no comments). Anything else, an unescaped
 * `&` or a mismatched tag throws: a well-formedness check as well as a parser.
 */

export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&([^;]*);?/g, (whole, name: string) => {
    const ok = whole.endsWith(';');
    if (ok && name in ENTITIES) return ENTITIES[name] ?? '';
    if (ok && /^#\d+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    throw new Error(`not well-formed: ${whole}`);
  });
}

/** Parses a document; the root element. */
export function parseXml(xml: string): XmlElement {
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n?/.exec(xml);
  if (!declaration) throw new Error('no XML declaration with encoding="UTF-8"');
  const body = xml.slice(declaration[0].length);
  let at = 0;
  const element = (): XmlElement => {
    const open = /^<([A-Za-z_][\w.-]*)>/.exec(body.slice(at));
    if (!open) throw new Error(`expected an element at ${at}: ${body.slice(at, at + 40)}`);
    at += open[0].length;
    const el: XmlElement = { name: open[1] ?? '', children: [], text: '' };
    for (;;) {
      if (body.startsWith(`</${el.name}>`, at)) {
        at += el.name.length + 3;
        if (el.children.length > 0 && el.text.trim() !== '') throw new Error('mixed content');
        return el;
      }
      if (body.startsWith('</', at)) throw new Error(`mismatched end tag at ${at} in <${el.name}>`);
      if (body[at] === '<') {
        el.children.push(element());
        continue;
      }
      const next = body.indexOf('<', at);
      if (next < 0) throw new Error(`<${el.name}> is not closed`);
      el.text += decode(body.slice(at, next));
      at = next;
    }
  };
  const root = element();
  if (body.slice(at).trim() !== '') throw new Error('content after the root element');
  return root;
}

/** The children of an element as field -> text (throws on a repeated field). */
export function fieldsOf(el: XmlElement): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const child of el.children) {
    if (child.name in fields) throw new Error(`<${child.name}> twice in <${el.name}>`);
    fields[child.name] = child.text;
  }
  return fields;
}
