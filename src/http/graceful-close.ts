/**
 * Closing the HTTP server without cutting anyone off (SIGTERM): stop listening at once, answer every
 * request already received or already on the wire, and close each keep-alive connection after its
 * last answer (sent with `Connection: close`) or, if it sits idle, after a short grace.
 */
import type { Server, ServerResponse } from 'node:http';
import net from 'node:net';

/** How long an idle keep-alive connection may still bring a request once closing began. */
export const IDLE_GRACE_MS = 100;

export interface GracefulClose {
  /** Stops listening; resolves once every request received is answered and every connection closed. */
  close(): Promise<void>;
}

/** Starts following `server`'s responses: call it before the server receives its first request. */
export function prepareGracefulClose(server: Server, idleGraceMs = IDLE_GRACE_MS): GracefulClose {
  const unanswered = new Set<ServerResponse>();
  let closing = false;
  let graceOver = false;
  const lastOnItsConnection = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };
  // Before Express's listener, so that the header is set before any route answers.
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (closing) lastOnItsConnection(res);
    unanswered.add(res);
    res.once('close', () => {
      unanswered.delete(res);
      // An answer that left without the header (it began before closing) leaves an idle connection.
      if (graceOver) server.closeIdleConnections();
    });
  });
  let closed: Promise<void> | undefined;
  return {
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        unanswered.forEach(lastOnItsConnection);
        // net.Server's close, not http.Server's: that one also destroys every idle keep-alive
        // connection at once, including one whose next request is already on the wire.
        net.Server.prototype.close.call(server, () => resolve());
        setTimeout(() => {
          graceOver = true;
          server.closeIdleConnections();
        }, idleGraceMs);
      });
      return closed;
    },
  };
}
