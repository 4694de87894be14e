import type { SortByField } from '../../contract';
import { UpstreamError, type Upstream } from '../app-server/upstream';
import { preparePage } from './page-preparer';
import type { PreparedItem } from './prepare-items';

/** The API refused this sort field (a 422 that names `sort_by`): the sync picks another. */
export class SortRefused extends Error {
  constructor(readonly sortBy: SortByField) {
    super(`The API refused sort_by=${sortBy}.`);
  }
}

/** A failure worth retrying later, with the API's Retry-After when it sent one. */
export class SyncFault extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface PageRequest {
  sortBy: SortByField | null;
  order: 'asc' | 'desc';
  skip: number;
  limit: number;
}

/**
 * One list page from the API, each item checked on its own and made a record (off the event
 * loop: see `preparePage`).
 * `onTotal` hears the API's `X-Total-Count` when it sends one (the demo API does, Trata does not).
 */
export async function fetchPage(
  upstream: Upstream,
  page: PageRequest,
  signal: AbortSignal,
  onTotal?: (total: number) => void,
): Promise<PreparedItem[]> {
  const query = new URLSearchParams({
    ...(page.sortBy ? { sort_by: page.sortBy } : {}),
    sort_order: page.order,
    skip: String(page.skip),
    limit: String(page.limit),
  });
  const reply = await request(upstream, `/v1/conversations?${query}`, signal);
  if (reply.status === 422 && page.sortBy && reply.body.includes('sort_by')) {
    throw new SortRefused(page.sortBy);
  }
  failUnlessOk(reply.status, reply.headers, 'the list of conversations');
  const prepared = await preparePage({ bytes: reply.bytes, firstPosition: page.skip });
  if (prepared.kind === 'not-json') {
    throw new UpstreamError(502, 'The Trata API sent a response that is not valid JSON.');
  }
  if (prepared.kind === 'not-array') {
    throw new SyncFault('The API sent a list that is not an array.');
  }
  const total = reply.headers.get('x-total-count')?.trim();
  if (onTotal && total && /^\d+$/.test(total)) onTotal(Number(total));
  return prepared.items;
}

export async function request(upstream: Upstream, path: string, signal: AbortSignal) {
  try {
    return await upstream.request(path, { signal });
  } catch (error) {
    if (error instanceof UpstreamError) throw new SyncFault(error.message);
    throw error;
  }
}

/** Turns every status but 2xx into a fault in words; 401/403, 429 and 5xx each say what to do. */
export function failUnlessOk(status: number, headers: Headers, what: string): void {
  if (status >= 200 && status < 300) return;
  if (status === 401 || status === 403) {
    throw new SyncFault(`Not signed in to the API (${status}): check TRATA_API_TOKEN.`);
  }
  if (status === 429) {
    const seconds = Number(headers.get('retry-after'));
    const retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
    throw new SyncFault('The API is rate-limiting the sync (429).', retryAfterMs);
  }
  if (status >= 500) throw new SyncFault(`The API failed with an internal error (${status}).`);
  throw new SyncFault(`The API answered ${status} to a request for ${what}.`);
}
