/**
 * /open311 over HTTP: JSON or XML by extension, errors in the spec's format (JSON and XML),
 * descriptions only when switched on, CORS for browsers, cache headers, read only, and the whole
 * tree gone when Open311 is switched off.
 */
import request from 'supertest';
import { makeTestApp } from '../helpers/app';
import { parseXml } from '../helpers/xml';
import { ERROR_FIELDS, xmlProblems } from '../helpers/open311-spec';
import { openOpen311, V2, type Open311World } from './world';

let w: Open311World;
const closeWorld = () => w.t.close();

describe('errors', () => {
  beforeEach(() => {
    w = openOpen311();
  });
  afterEach(closeWorld);

  test.each([
    [`${V2}/requests/48210379.json`, 'service_request_id 48210379 not found'],
    [`${V2}/requests/12.json`, 'service_request_id 12 not found'],
    [`${V2}/services/potholes.json`, 'service_code potholes not found'],
    [`${V2}/requests.csv`, 'no resource at /open311/v2/requests.csv'],
    ['/open311/v3/services.json', 'no resource at /open311/v3/services.json'],
  ])('when %s is asked for, then 404 in the spec error format', async (path, description) => {
    const res = await w.get(path);

    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toEqual([{ code: 404, description }]);
  });

  test('when an .xml resource is not found, then the error is <errors><error> in XML', async () => {
    const res = await w.get(`${V2}/requests/48210379.xml`);

    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const root = parseXml(res.text);
    expect(root.name).toBe('errors');
    expect(root.children.map((c) => c.name)).toEqual(['error']);
    expect(root.children.map((e) => xmlProblems(e, ERROR_FIELDS))).toEqual([[]]);
    expect(res.text).toContain(
      '<code>404</code><description>service_request_id 48210379 not found</description>',
    );
  });

  test('when a refused window is asked for as XML, then the 400 errors are XML too', async () => {
    const res = await w.get(`${V2}/requests.xml?start_date=2026-01-01&end_date=2026-06-01`);

    expect(res.status).toBe(400);
    expect(parseXml(res.text)).toEqual({
      name: 'errors',
      text: '',
      children: [
        {
          name: 'error',
          text: '',
          children: [
            { name: 'code', text: '400', children: [] },
            {
              name: 'description',
              text: 'start_date and end_date may be at most 90 days apart',
              children: [],
            },
          ],
        },
      ],
    });
  });
});

describe('descriptions', () => {
  afterEach(closeWorld);

  test('when descriptions are off (the default), then no request carries one in either format', async () => {
    w = openOpen311();
    const c = w.file({ council: 'DAR-KIM', description: 'Jina langu ni Asha, nyumba namba 12.' });

    const json = await w.get(`${V2}/requests/${c.number}.json`);
    const xml = await w.get(`${V2}/requests.xml`);

    expect(json.body).toEqual([
      expect.not.objectContaining({ description: expect.anything() as unknown }),
    ]);
    expect(Object.keys((json.body as object[])[0] ?? {})).not.toContain('description');
    expect(xml.text).not.toContain('<description>');
    expect(json.text + xml.text).not.toContain('Asha');
  });

  test('when descriptions are on, then each request carries what the caller typed, escaped in XML', async () => {
    w = openOpen311({ descriptions: true });
    w.file({ council: 'DAR-KIM', description: 'Maji <machafu> & harufu mbaya' });

    const json = await w.get(`${V2}/requests.json`);
    const xml = await w.get(`${V2}/requests.xml`);

    expect((json.body as { description: string }[])[0]?.description).toBe(
      'Maji <machafu> & harufu mbaya',
    );
    expect(xml.text).toContain(
      '<description>Maji &lt;machafu&gt; &amp; harufu mbaya</description>',
    );
  });
});

describe('HTTP', () => {
  beforeEach(() => {
    w = openOpen311({ publicUrl: 'https://kero.example.go.tz/' });
  });
  afterEach(closeWorld);

  test.each([
    ['discovery.json', 'public, max-age=3600'],
    ['services.xml', 'public, max-age=3600'],
    ['services/water.json', 'public, max-age=3600'],
    ['requests.json', 'public, max-age=60'],
  ])(
    'when %s is read, then any web page may read it and it may be cached for a while',
    async (path, cache) => {
      const res = await w.get(`${V2}/${path}`).set('Origin', 'https://data.example.org');

      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      expect(res.headers['cache-control']).toBe(cache);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  test('when PUBLIC_URL is set, then discovery and the next-page link name it, not the Host header', async () => {
    for (let i = 0; i < 2; i++) w.file({ council: 'DAR-KIM' });

    const discovery = await w.get(`${V2}/discovery.json`).set('Host', 'evil.example');
    const page = await w.get(`${V2}/requests.json?page_size=1`).set('Host', 'evil.example');

    expect(discovery.text).toContain('"url":"https://kero.example.go.tz/open311/v2"');
    expect(page.headers.link).toBe(
      '<https://kero.example.go.tz/open311/v2/requests.json?page_size=1&page=2>; rel="next"',
    );
  });

  test('when a browser asks first (OPTIONS), then GET from any origin is allowed', async () => {
    const res = await request(w.t.app)
      .options(`${V2}/requests.json`)
      .set('Origin', 'https://x.example');

    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
  });

  test('when HEAD is asked, then the headers come without a body', async () => {
    const res = await request(w.t.app).head(`${V2}/services.json`);

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.text).toBeUndefined();
  });

  test.each(['post', 'put', 'delete'] as const)(
    'when %s is tried, then 405: the endpoint is read only',
    async (method) => {
      const res = await request(w.t.app)[method](`${V2}/requests.json`).send('service_code=water');

      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
      expect(res.body).toEqual([
        { code: 405, description: `${method.toUpperCase()} is not allowed: read only` },
      ]);
    },
  );
});

describe('switched off', () => {
  test.each([
    '/open311/v2/discovery.json',
    '/open311/v2/services.xml',
    '/open311/v2/requests.json',
    '/open311/v2/requests/48210379.json',
    '/open311',
  ])('when Open311 is off and %s is asked for, then 404 as if it did not exist', async (path) => {
    const t = makeTestApp();
    try {
      const res = await request(t.app).get(path);

      expect(res.status).toBe(404);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.text).not.toContain('"code"');
    } finally {
      t.close();
    }
  });
});
