import type { Server, ServerOptions } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import { answerClientError, rawResponse } from './client-error';

/** How long a client may take, and how many connections one address may hold. */
export interface HttpLimits {
  /** From the connection (or the previous request on it) to the end of the headers. */
  headersTimeoutMs: number;
  /** From the start of a request to its last body byte. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Open connections per client address; further ones get a 503 and are closed. */
  maxConnectionsPerAddress: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnectionsPerAddress: 64,
};

/**
 * The Fastify options that bound a client's time: Node closes a connection whose headers or
 * body do not arrive in time (a slowloris), checked every second rather than Node's default
 * 30 s, and Node-level errors are answered with the security headers.
 */
export function httpServerOptions(limits: HttpLimits) {
  return {
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    clientErrorHandler: answerClientError,
  } satisfies Pick<
    FastifyServerOptions,
    'requestTimeout' | 'keepAliveTimeout' | 'clientErrorHandler'
  > & {
    http: ServerOptions;
  };
}

/**
 * At most `max` open connections per client address, so a few hundred slow clients on one
 * address cannot take every file descriptor. Behind a reverse proxy every client shares its
 * address: raise the limit there.
 */
export function capConnectionsPerAddress(server: Server, max: number): void {
  const open = new Map<string, number>();
  const refusal = rawResponse(503, { detail: 'Too many open connections from your address.' }, [
    'retry-after: 5',
  ]);
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.end(refusal);
      socket.once('finish', () => socket.destroy());
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
