/**
 * Open311 GeoReport v2, field by field against the spec's tables (test/helpers/open311-spec.ts),
 * in JSON and in XML: services, a service definition, discovery, service requests (a list and one
 * by number), the values Kero maps into each field, and no phone number or staff name anywhere.
 */
import { resolveComplaint, replyToComplaint } from '../../src/complaints/actions';
import { T0 } from '../helpers/app';
import {
  DISCOVERY_FIELDS,
  ENDPOINT_FIELDS,
  jsonProblems,
  REQUEST_FIELDS,
  SERVICE_FIELDS,
  xmlProblems,
} from '../helpers/open311-spec';
import { CITIZEN, DESK, OTHER_CITIZEN } from '../helpers/world';
import { fieldsOf, parseXml } from '../helpers/xml';
import { HOUR, openOpen311, V2, type Open311World } from './world';

let w: Open311World;
const numbers: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };

beforeEach(() => {
  w = openOpen311({ descriptions: true });
  const { staff, actions } = w;
  // Thursday 2026-03-12: a at 07:00 EAT (assigned), b at 08:00 (answered at 09:00), c at 08:30
  // (resolved at 09:00, now).
  const a = w.file(
    { council: 'DAR-KIM', place: 'Mwenge', description: 'Maji hayatoki Mwenge.', phone: CITIZEN },
    T0 - 2 * HOUR,
  );
  const b = w.file(
    { council: 'DAR-UBM', category: 'roads', anonymous: true, phone: OTHER_CITIZEN },
    T0 - HOUR,
  );
  const c = w.file(
    { council: 'ARU-ARC', category: 'health', place: 'Sakina', phone: '+255689000003' },
    T0 - HOUR / 2,
  );
  expect(replyToComplaint(actions, staff.juma.id, b.number, 'Tunafuatilia.').ok).toBe(true);
  expect(resolveComplaint(actions, staff.aruOfficer.id, c.number, 'Dawa zimefika.').ok).toBe(true);
  Object.assign(numbers, { a: a.number, b: b.number, c: c.number });
});
afterEach(() => w.t.close());

describe('Open311 services', () => {
  test('when services.json is read, then each category is a service with exactly the spec fields', async () => {
    const res = await w.get(`${V2}/services.json`);

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const services = res.body as Record<string, unknown>[];
    expect(services.map((s) => s.service_code)).toEqual(w.t.deps.reference.categories);
    for (const s of services) expect(jsonProblems(s, SERVICE_FIELDS)).toEqual([]);
    expect(services.find((s) => s.service_code === 'water')).toEqual({
      service_code: 'water',
      service_name: 'Water',
      description: 'Water (Maji): complaints about council services, filed by USSD',
      metadata: false,
      type: 'realtime',
      keywords: 'Maji',
      group: 'Local government',
    });
  });

  test('when services.xml is read, then it is <services> of <service> with the same fields and values', async () => {
    const [json, xml] = await Promise.all([
      w.get(`${V2}/services.json`),
      w.get(`${V2}/services.xml`),
    ]);

    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    const root = parseXml(xml.text);
    expect(root.name).toBe('services');
    expect(root.children.map((c) => c.name)).toEqual(root.children.map(() => 'service'));
    for (const s of root.children) expect(xmlProblems(s, SERVICE_FIELDS)).toEqual([]);
    const asText = (json.body as Record<string, unknown>[]).map((s) =>
      Object.fromEntries(Object.entries(s).map(([k, v]) => [k, String(v)])),
    );
    expect(root.children.map(fieldsOf)).toEqual(asText);
  });

  test('when a service definition is read, then it names the code and asks for no attributes', async () => {
    const json = await w.get(`${V2}/services/water.json`);
    const xml = parseXml((await w.get(`${V2}/services/water.xml`)).text);

    expect(json.body).toEqual({ service_code: 'water', attributes: [] });
    expect(xml).toEqual({
      name: 'service_definition',
      text: '',
      children: [
        { name: 'service_code', text: 'water', children: [] },
        { name: 'attributes', text: '', children: [] },
      ],
    });
  });
});

describe('Open311 discovery', () => {
  test('when discovery is read, then every required field is there and the endpoint is this one', async () => {
    const json = await w.get(`${V2}/discovery.json`).set('Host', 'kero.example.go.tz');
    const xml = parseXml((await w.get(`${V2}/discovery.xml`)).text);

    const { endpoints, ...top } = json.body as { endpoints: Record<string, unknown>[] };
    expect(jsonProblems(top, DISCOVERY_FIELDS)).toEqual([]);
    expect(endpoints).toHaveLength(1);
    const { formats, ...endpoint } = endpoints[0] ?? {};
    expect(jsonProblems(endpoint, ENDPOINT_FIELDS)).toEqual([]);
    expect(endpoint).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: 'http://kero.example.go.tz/open311/v2',
      type: 'production',
    });
    expect(formats).toEqual(['text/xml', 'application/json']);
    // The public figures (counts per region and council) are named where a reader looks first.
    expect(top).toMatchObject({
      contact: expect.stringContaining(
        'figures by region and council: http://kero.example.go.tz/figures',
      ) as unknown,
    });
    expect(xml.name).toBe('discovery');
    expect(xmlProblems(xml, DISCOVERY_FIELDS, ['endpoints'])).toEqual([]);
    const xmlEndpoint = xml.children.find((c) => c.name === 'endpoints')?.children[0];
    expect(xmlEndpoint && xmlProblems(xmlEndpoint, ENDPOINT_FIELDS, ['formats'])).toEqual([]);
  });
});

describe('Open311 service requests', () => {
  test('when requests.json is read, then each complaint is a request with exactly the spec fields, mapped', async () => {
    const res = await w.get(`${V2}/requests.json`);

    expect(res.status).toBe(200);
    const requests = res.body as Record<string, unknown>[];
    for (const r of requests) expect(jsonProblems(r, REQUEST_FIELDS)).toEqual([]);
    expect(requests).toEqual([
      {
        service_request_id: numbers.c,
        status: 'closed',
        status_notes: 'Resolved',
        service_name: 'Health',
        service_code: 'health',
        description: 'Maji hayatoki kijijini tangu wiki iliyopita.',
        agency_responsible: 'Arusha City Council',
        requested_datetime: '2026-03-12T08:30:00+03:00',
        updated_datetime: '2026-03-12T09:00:00+03:00',
        address: 'Sakina, Arusha City Council, Arusha',
      },
      {
        service_request_id: numbers.b,
        status: 'open',
        status_notes: 'In progress',
        service_name: 'Roads',
        service_code: 'roads',
        description: 'Maji hayatoki kijijini tangu wiki iliyopita.',
        agency_responsible: 'Ubungo Municipal Council',
        requested_datetime: '2026-03-12T08:00:00+03:00',
        updated_datetime: '2026-03-12T09:00:00+03:00',
        // Answered: resolution is due 14 days after filing.
        expected_datetime: '2026-03-26T08:00:00+03:00',
        address: 'Ubungo Municipal Council, Dar es Salaam',
      },
      {
        service_request_id: numbers.a,
        status: 'open',
        status_notes: 'Assigned',
        service_name: 'Water',
        service_code: 'water',
        description: 'Maji hayatoki Mwenge.',
        agency_responsible: 'Kinondoni Municipal Council',
        requested_datetime: '2026-03-12T07:00:00+03:00',
        updated_datetime: '2026-03-12T07:00:00+03:00',
        // Unanswered, filed on a Thursday: 3 working days (Fri, Mon, Tue) end Wednesday 00:00.
        expected_datetime: '2026-03-18T00:00:00+03:00',
        address: 'Mwenge, Kinondoni Municipal Council, Dar es Salaam',
      },
    ]);
  });

  test('when requests.xml is read, then it is <service_requests> of <request> with the same fields and values', async () => {
    const [json, xml] = await Promise.all([
      w.get(`${V2}/requests.json`),
      w.get(`${V2}/requests.xml`),
    ]);

    const root = parseXml(xml.text);
    expect(root.name).toBe('service_requests');
    expect(root.children.map((c) => c.name)).toEqual(['request', 'request', 'request']);
    for (const r of root.children) expect(xmlProblems(r, REQUEST_FIELDS)).toEqual([]);
    expect(root.children.map(fieldsOf)).toEqual(json.body);
  });

  test.each(['json', 'xml'])(
    'when one request is read by number as %s, then it is the same list of one',
    async (format) => {
      const all = await w.get(`${V2}/requests.${format}`);
      const one = await w.get(`${V2}/requests/${numbers.a}.${format}`);

      expect(one.status).toBe(200);
      if (format === 'json') expect(one.body).toEqual([(all.body as unknown[])[2]]);
      else expect(parseXml(one.text).children).toEqual([parseXml(all.text).children[2]]);
    },
  );

  test('when every Open311 document is read in both formats, then no phone number or staff name appears', async () => {
    w.file({
      council: 'DAR-KIM',
      place: 'Mtaa 0712 345 678',
      description: 'Nipigie +255 754 999 888',
    });
    const paths = ['discovery', 'services', 'services/water', 'requests', `requests/${numbers.a}`];
    const bodies = await Promise.all(
      paths.flatMap((p) => ['json', 'xml'].map(async (f) => (await w.get(`${V2}/${p}.${f}`)).text)),
    );
    const all = bodies.join('\n');

    const phones = [
      CITIZEN,
      OTHER_CITIZEN,
      '+255689000003',
      ...Object.values(DESK).map((s) => s.phone),
    ];
    for (const phone of phones) {
      const national = phone.slice(4);
      for (const form of [phone, phone.slice(1), `0${national}`, national])
        expect(all).not.toContain(form);
    }
    for (const s of Object.values(DESK)) expect(all).not.toContain(s.name);
    expect(all).not.toMatch(/\d(?:[\s.-]?\d){8,}/);
    expect(all).toContain('Mtaa [number removed]');
    expect(all).toContain('Nipigie [number removed]');
  });
});
