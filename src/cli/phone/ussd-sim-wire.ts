/**
 * The terminal phone's side of the wire: one USSD hop posted exactly as Africa's Talking posts it
 * (form-encoded, cumulative `text`), and the checks AT's contract puts on every answer.
 */
import { randomBytes } from 'node:crypto';
import { isGsm7 } from '../../text/gsm7';
import { PAGE_BUDGET } from '../../ussd/core/render';

/** Slower than this is worth a warning: AT gives up near 10 s, users notice far sooner. */
export const SLOW_MS = 2000;
/** How long one hop may take before it counts as unreachable. */
const TIMEOUT_MS = 15_000;

/** A new AT-looking session id: one per dial. */
export function newSessionId(): string {
  return `ATUid_${randomBytes(16).toString('hex')}`;
}

export interface HopRequest {
  /** Full callback URL including `?token=`. */
  url: string;
  sessionId: string;
  serviceCode: string;
  phoneNumber: string;
  networkCode: string;
  /** Cumulative: every reply so far joined by `*`, `''` on the first hop. */
  text: string;
}

export interface HopAnswer {
  status: number;
  contentType: string;
  body: string;
  ms: number;
}

/** The thrown error when nothing answers at all (refused, DNS, timeout). */
export class UnreachableError extends Error {}

function describeFailure(err: unknown): string {
  if (err instanceof Error && err.name === 'TimeoutError') return `no answer in ${TIMEOUT_MS} ms`;
  // fetch wraps the socket error; 'localhost' tries ::1 and 127.0.0.1 (an AggregateError).
  const cause = err instanceof Error ? err.cause : undefined;
  const first = cause instanceof AggregateError ? (cause.errors[0] as unknown) : cause;
  const code = (first as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  if (first instanceof Error) return first.message;
  return err instanceof Error ? err.message : String(err);
}

/** Posts one hop. Throws UnreachableError when the server cannot be reached. */
export async function postHop(req: HopRequest): Promise<HopAnswer> {
  // URLSearchParams encodes as AT does: space as '+', '+255' as '%2B255', '*' kept.
  const form = new URLSearchParams({
    sessionId: req.sessionId,
    serviceCode: req.serviceCode,
    phoneNumber: req.phoneNumber,
    networkCode: req.networkCode,
    text: req.text,
  });
  return postForm(req.url, form);
}

/** POSTs an `application/x-www-form-urlencoded` body and times the answer. */
export async function postForm(url: string, form: URLSearchParams): Promise<HopAnswer> {
  const started = performance.now();
  let res: Response;
  let body: string;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: '*/*' },
      body: form.toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    body = await res.text();
  } catch (err) {
    throw new UnreachableError(`cannot reach ${redact(url)} (${describeFailure(err)})`);
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    body,
    ms: Math.round(performance.now() - started),
  };
}

/** A URL as safe to print: the token's value hidden. */
export function redact(url: string): string {
  return url.replace(/([?&]token=)[^&]*/, '$1…');
}

/** Pure. The callback URL for `path` under `base` (a base already ending in `path` is kept). */
export function callbackUrl(base: string, path: string, token: string | undefined): string {
  const trimmed = base.replace(/\/+$/, '');
  const url = trimmed.endsWith(path) ? trimmed : `${trimmed}${path}`;
  return token === undefined ? url : `${url}?token=${encodeURIComponent(token)}`;
}

const codePoint = (c: string) =>
  `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Pure. Characters as the phone counts them (code points). */
export const screenLength = (body: string) => [...body].length;

/**
 * Pure. Every way the answer breaks AT's wire rules, each a short sentence; empty when the answer
 * is one AT would show. The `CON `/`END ` prefix counts towards the 160 characters.
 */
export function wireProblems(answer: HopAnswer): string[] {
  const { body } = answer;
  const problems: string[] = [];
  if (answer.status !== 200) {
    const hint = answer.status === 401 ? ' (wrong or missing token?)' : '';
    problems.push(`HTTP ${answer.status}${hint}: AT ends the session with a generic error`);
  }
  if (!/^text\/plain(;|$)/i.test(answer.contentType)) {
    problems.push(`Content-Type is "${answer.contentType || 'missing'}", not text/plain`);
  }
  if (/^[\uFEFF\s]/.test(body)) {
    problems.push('leading whitespace or BOM before the prefix');
  } else if (!/^(CON|END) /.test(body)) {
    problems.push('no "CON " or "END " prefix');
  }
  const length = screenLength(body);
  if (length > PAGE_BUDGET) {
    problems.push(`${length} characters: over the ${PAGE_BUDGET} budget (prefix included)`);
  }
  // A leading BOM is reported above already.
  const chars = [...body.replace(/^\uFEFF/, '')];
  const foreign = [...new Set(chars.filter((c) => !isGsm7(c, { allowExtended: false })))];
  if (foreign.length > 0) {
    const shown = foreign.map((c) => `${JSON.stringify(c)} ${codePoint(c)}`).join(', ');
    problems.push(`not GSM-7 basic: ${shown} (the page becomes UCS-2, half the room)`);
  }
  if (answer.ms > SLOW_MS) {
    problems.push(`answered in ${(answer.ms / 1000).toFixed(1)} s (over ${SLOW_MS / 1000} s)`);
  }
  return problems;
}

/** Pure. Whether AT would keep the session open for another reply after this answer. */
export function continues(answer: HopAnswer): boolean {
  return answer.status === 200 && answer.body.startsWith('CON ');
}

const stderrLine = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Runs a tool's `main` against a running server and sets the exit code: an unreachable server
 * is a one-line hint and exit 1, any other failure its stack and exit 1.
 */
export function runAgainstServer(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UnreachableError) {
        stderrLine(`error: ${e.message}: is the server running (npm start)? Pass --url otherwise.`);
      } else {
        stderrLine(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
      process.exitCode = 1;
    },
  );
}
