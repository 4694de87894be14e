import { parseTrataTimestamp } from '@contract';

/** One of the caller's calls, from the index or from the prospect route alike. */
export interface HistoryCall {
  id: string;
  timestampStart: string | null;
  timestampEnd: string | null;
  durationSeconds: number | null;
  sentiment: string | null;
  prospectStatus: string | null;
}

export interface HistoryEntry {
  id: string;
  startMs: number | null;
  seconds: number | null;
  sentiment: string | null;
  status: string | null;
  /** The lead status of the caller's previous call, when this call changed it. */
  statusBefore: string | null;
  current: boolean;
}

export interface CallerHistory {
  /** Newest first. */
  entries: HistoryEntry[];
  firstContactMs: number | null;
  lastContactMs: number | null;
}

/**
 * A caller's calls as the history shows them: newest first, the current call marked, and each
 * call's lead status next to the one before it, so a reader sees how the status moved. Calls
 * without a status carry the last known one forward.
 */
export function buildHistory(calls: readonly HistoryCall[], currentId: string): CallerHistory {
  const unique = new Map(calls.map((call) => [call.id, call]));
  const oldestFirst = [...unique.values()]
    .map((call) => ({ call, startMs: parseTrataTimestamp(call.timestampStart) }))
    .sort((a, b) => (a.startMs ?? 0) - (b.startMs ?? 0) || a.call.id.localeCompare(b.call.id));
  let known: string | null = null;
  const entries = oldestFirst.map(({ call, startMs }): HistoryEntry => {
    const status = call.prospectStatus || null;
    const statusBefore = status !== null && known !== null && known !== status ? known : null;
    if (status !== null) known = status;
    return {
      id: call.id,
      startMs,
      seconds: call.durationSeconds,
      sentiment: call.sentiment || null,
      status,
      statusBefore,
      current: call.id === currentId,
    };
  });
  const times = entries.map((entry) => entry.startMs).filter((ms): ms is number => ms !== null);
  return {
    entries: entries.reverse(),
    firstContactMs: times.length ? Math.min(...times) : null,
    lastContactMs: times.length ? Math.max(...times) : null,
  };
}

/** The list of every call from this caller, as the calls page reads its URL. */
export function allCallsHref(prospectId: string): string {
  return `/?${new URLSearchParams({ search_by: 'prospectId', search_value: prospectId })}`;
}

/** An external reference as text: a string as it is, an object as its key: value pairs. */
export function referenceText(reference: string | Record<string, unknown>): string {
  if (typeof reference === 'string') return reference;
  return Object.entries(reference)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
