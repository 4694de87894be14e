/** What `/healthz` says of the database: reachable, unreachable, or a file inside this server. */
export type DatabaseState = 'ok' | 'unreachable' | 'embedded';

/** The database the stores live in, as the health routes and the shutdown see it. */
export interface DatabaseHandle {
  kind: 'embedded' | 'postgres';
  /** A cheap round trip, answered within `timeoutMs` whatever the database does. */
  probe(timeoutMs?: number): Promise<DatabaseState>;
  /** Ends the connections: after every store that uses them is closed. */
  close(): Promise<void>;
}

export const embeddedDatabase: DatabaseHandle = {
  kind: 'embedded',
  probe: async () => 'embedded',
  close: async () => undefined,
};

/** `probe` answers `unreachable` once this long has passed without an answer. */
export const PROBE_TIMEOUT_MS = 2_000;

/** Resolves with `fallback` if `work` has not settled within `ms` (the work goes on unwatched). */
export function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
