/**
 * Whether an error means PostgreSQL cannot be reached right now (down, restarting, failing
 * over, or too slow to answer), as opposed to a bug or a bad query. The one place that decides
 * it: requests then answer 503 with a reason, and the background loops back off and retry.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailableReason(error) !== null;
}

/** Network failures of the socket towards the server. */
const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was cut',
  ETIMEDOUT: 'the connection timed out',
  ENOTFOUND: 'its host name was not found',
  EAI_AGAIN: 'its host name could not be looked up',
  EHOSTUNREACH: 'its host is unreachable',
  ENETUNREACH: 'the network is unreachable',
};

/**
 * SQLSTATEs of a server that cannot serve now: connection exceptions (class 08), a server
 * shutting down or restarting (57P01-57P03), too many connections (53300) and a cancelled
 * statement (57014, what `statement_timeout` raises).
 */
const SQLSTATE_REASONS: [RegExp, string][] = [
  [/^08/, 'the connection to it failed'],
  [/^57P01$/, 'it is shutting down'],
  [/^57P02$/, 'it is restarting after a crash'],
  [/^57P03$/, 'it is starting up and cannot take connections yet'],
  [/^53300$/, 'it has no connection left for this server'],
  [/^57014$/, 'a query took too long'],
];

/** What node-postgres says when a connection ends, times out or cannot be made. */
const MESSAGE_REASONS: [RegExp, string][] = [
  [/connection terminated/i, 'the connection ended'],
  [/timeout exceeded when trying to connect/i, 'it did not accept a connection in time'],
  [/connection timeout/i, 'it did not accept a connection in time'],
  [/query read timeout/i, 'a query took too long'],
  [/client has encountered a connection error/i, 'the connection failed'],
  [/cannot use a pool after calling end/i, 'this server is shutting down'],
  [/the database system is (starting up|shutting down|in recovery mode)/i, 'it is restarting'],
];

/** Why the database is unavailable, in words, or null when the error is of another kind. */
export function databaseUnavailableReason(error: unknown): string | null {
  // Errors wrapped by a store keep the driver's error as their cause; aggregates hold several.
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { code, message, cause, errors } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string') {
      if (NETWORK_CODES[code]) return `${NETWORK_CODES[code]} (${code})`;
      if (/^[0-9A-Z]{5}$/.test(code)) {
        for (const [pattern, words] of SQLSTATE_REASONS) {
          if (pattern.test(code)) return `${words} (${code})`;
        }
      }
    }
    if (typeof message === 'string') {
      for (const [pattern, words] of MESSAGE_REASONS) if (pattern.test(message)) return words;
    }
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...(errors as unknown[]));
  }
  return null;
}

/** Seconds a client is asked to wait before trying again while the database is unavailable. */
export const DATABASE_RETRY_AFTER_S = 5;

/** The 503 body of a request that needed the database while it was unavailable. */
export function databaseUnavailableBody(reason: string): { detail: string } {
  return {
    detail: `The database is unreachable (${reason}). Callscope keeps trying; try again in a few seconds.`,
  };
}
