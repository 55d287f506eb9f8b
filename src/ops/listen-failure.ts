/**
 * Why the server could not open its port, in one line an operator can act on (the port, the
 * address and the variables that set them) instead of a stack trace or, worse, a server that looks
 * up while another program answers on its port.
 */

const codeOf = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : undefined;
const messageOf = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);

/** One line: the port and host and why listening on them failed. */
export function describeListenFailure(port: number, host: string, err: unknown): string {
  const where = `port ${port} on ${host}`;
  switch (codeOf(err)) {
    case 'EADDRINUSE':
      return `Kero cannot start: ${where} is already in use (PORT, HOST): stop the program using it or choose another PORT`;
    case 'EACCES':
      return `Kero cannot start: ${where} needs privileges this user lacks (PORT): use a port above 1023 behind a proxy`;
    case 'EADDRNOTAVAIL':
      return `Kero cannot start: ${host} is not an address of this machine (HOST)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Kero cannot start: the name ${host} does not resolve to an address (HOST)`;
    default:
      return `Kero cannot start: cannot listen on ${where} (PORT, HOST): ${messageOf(err)}`;
  }
}
