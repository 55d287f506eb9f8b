/**
 * The console sign-in as the README describes it, over HTTP as a browser does it: the phone
 * form, the code read from the server's `SIGN-IN SMS` line, the code form, then the queue.
 */
import { until } from './processes';

/** Cookies kept from one answer to the next, as a browser keeps them for one site. */
function cookieJar() {
  const jar = new Map<string, string>();
  return {
    keep(res: Response) {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair?.indexOf('=') ?? -1;
        if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
    },
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
  };
}

const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/**
 * Signs `phone` in at `base`; `output` is the server's output so far. Returns the problems
 * found (none: signed in and the queue shows `name`).
 */
export async function signInByCode(
  base: string,
  phone: string,
  name: string,
  output: () => string,
): Promise<string[]> {
  const jar = cookieJar();
  const go = async (path: string, form?: Record<string, string>) => {
    const res = await fetch(`${base}${path}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: jar.header() },
      ...(form ? { body: new URLSearchParams(form) } : {}),
    });
    jar.keep(res);
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  };
  const start = await go('/console');
  if (start.status !== 303 && start.status !== 302) return [`GET /console: ${start.status}`];
  const phonePage = await go('/console/sign-in');
  const before = output().length;
  const sent = await go('/console/sign-in', { phone, _csrf: csrfIn(phonePage.html) });
  if (sent.location !== '/console/sign-in/code')
    return [`phone form: ${sent.status} ${sent.location}`];
  // The dispatcher sends (here: prints) the code within its interval.
  const line = () =>
    /SIGN-IN SMS to \S+ \(local mode, not sent\): .*?\b(\d{6})\b/.exec(output().slice(before));
  if (!(await until(() => line() !== null, 20_000))) return ['no SIGN-IN SMS line within 20 s'];
  const codePage = await go('/console/sign-in/code');
  const signed = await go('/console/sign-in/code', {
    code: line()?.[1] ?? '',
    _csrf: csrfIn(codePage.html),
  });
  if (signed.location !== '/console') return [`code form: ${signed.status} ${signed.location}`];
  const queue = await go('/console');
  if (queue.status !== 200 || !queue.html.includes(name)) {
    return [`the queue after signing in: ${queue.status}, ${name} not on the page`];
  }
  return [];
}
