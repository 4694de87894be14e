import type { SyncStatus } from '@contract';
import { formatExactTime, formatRelative } from '@/lib/format';

/** What the header shows about the index: one of three quiet states, all in words. */
export type SyncView =
  | {
      kind: 'synced';
      /** "Synced 12 sec. ago", ticking. */
      text: string;
      /** The exact time of the last sync, for the tooltip and screen readers. */
      exact: string;
      dateTime: string;
    }
  | {
      kind: 'backfilling';
      text: string;
      progress: BackfillProgress;
    }
  | {
      kind: 'unreachable';
      /** "Trata unreachable, showing calls as of 2:02 PM" */
      headline: string;
      /** The sync's last error, in words. */
      reason: string;
    };

export interface BackfillProgress {
  /** Calls read so far; with `max` null the bar cannot know its end (Trata sends no total). */
  value: number;
  max: number | null;
  valueText: string;
}

export interface DescribeOptions {
  now: number;
  /** When this status arrived: the server's lag plus the time since then is the age. */
  receivedAt: number;
  locale?: string;
  timeZone?: string;
}

/**
 * The header's view of `GET /api/sync`. The age comes from the server's own lag plus the time
 * since the answer arrived, so a browser whose clock is off still says the right thing.
 */
export function describeSync(status: SyncStatus, options: DescribeOptions): SyncView {
  const { now, locale, timeZone } = options;
  const lastSync = lastSyncAt(status, options);
  if (status.state === 'error') {
    return {
      kind: 'unreachable',
      headline: `${problemHeadline(status.lastError)}, ${showing(status, lastSync, now, locale, timeZone)}`,
      reason: reasonInWords(status.lastError),
    };
  }
  if (status.state === 'backfilling' || lastSync === null) {
    const progress = backfillProgress(status, locale);
    return { kind: 'backfilling', text: `Indexing calls: ${progress.valueText}`, progress };
  }
  return {
    kind: 'synced',
    // The age never runs ahead of now: a fresh answer says "now", not "in 1 sec.".
    text: `Synced ${formatRelative(Math.min(lastSync, now), now, locale)}`,
    exact: `Last synced ${formatExactTime(lastSync, locale, timeZone)}`,
    dateTime: new Date(lastSync).toISOString(),
  };
}

/** The last successful sync in the browser's clock, or null before the first one. */
export function lastSyncAt(
  status: Pick<SyncStatus, 'lagSeconds' | 'lastSuccessAt'>,
  { now, receivedAt }: Pick<DescribeOptions, 'now' | 'receivedAt'>,
): number | null {
  if (status.lagSeconds !== null) return receivedAt - status.lagSeconds * 1000;
  if (status.lastSuccessAt === null) return null;
  const parsed = Date.parse(status.lastSuccessAt);
  return Number.isNaN(parsed) ? null : Math.min(parsed, now);
}

export function backfillProgress(
  status: Pick<SyncStatus, 'backfill' | 'indexed'>,
  locale?: string,
): BackfillProgress {
  const count = new Intl.NumberFormat(locale);
  const { total } = status.backfill;
  const seen = Math.max(status.backfill.seen, status.indexed);
  if (total === null || total <= 0) {
    return { value: seen, max: null, valueText: `${count.format(seen)} so far` };
  }
  const value = Math.min(seen, total);
  return { value, max: total, valueText: `${count.format(value)} of ${count.format(total)}` };
}

/** Refused credentials are not an outage, nor is Callscope's own database: the headline says which. */
function problemHeadline(lastError: string | null): string {
  if (lastError !== null && /^The database is unreachable\b/.test(lastError)) {
    return 'Database unreachable';
  }
  return lastError !== null && /\b(401|403|signed in)\b/i.test(lastError)
    ? 'Trata refused the sync'
    : 'Trata unreachable';
}

function showing(
  status: SyncStatus,
  lastSync: number | null,
  now: number,
  locale?: string,
  timeZone?: string,
): string {
  if (lastSync !== null && status.backfill.done) {
    return `showing calls as of ${asOf(lastSync, now, locale, timeZone)}`;
  }
  const count = new Intl.NumberFormat(locale).format(status.indexed);
  return status.indexed === 1
    ? 'showing the 1 call indexed so far'
    : `showing the ${count} calls indexed so far`;
}

/** "2:02 PM" today; "Nov 30, 2:02 PM" on another day, in the viewer's zone. */
export function asOf(epochMs: number, now: number, locale?: string, timeZone?: string): string {
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone });
  const sameDay = day.format(epochMs) === day.format(now);
  return new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(epochMs);
}

/** Network error codes the server passes on, said in words. */
const CODES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'its host name was not found',
  EAI_AGAIN: 'its host name could not be looked up',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'its host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  UND_ERR_SOCKET: 'the connection broke off',
};

/** The sync's last error for people: codes such as ECONNREFUSED become words. */
export function reasonInWords(lastError: string | null): string {
  if (lastError === null || lastError.trim() === '') return 'The sync failed without a reason.';
  return lastError.replace(/\(([A-Z_]+)\)/g, (whole, code: string) =>
    CODES[code] ? `(${CODES[code]})` : whole,
  );
}
