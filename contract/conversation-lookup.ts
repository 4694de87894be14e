import { CONVERSATION_NOT_FOUND } from './errors';

/** One answer of the API: its status and its body as JSON (undefined when it is not JSON). */
export interface LookupAnswer {
  status: number;
  body: unknown;
}

export type LookupResult =
  | { kind: 'found'; item: unknown }
  | { kind: 'missing' }
  /** The list fallback failed: it answered `status`, or a body that is not an array. */
  | { kind: 'list-failed'; status: number; notArray: boolean }
  /** GET by id answered something that is neither the item nor "no such route". */
  | { kind: 'failed'; status: number };

export const conversationPath = (id: string) => `/v1/conversations/${encodeURIComponent(id)}`;

export const searchByIdPath = (id: string) =>
  `/v1/conversations?${new URLSearchParams({ search_by: 'id', search_value: id, limit: '100' })}`;

/**
 * Trata documents no GET-by-id route, so a 405, or a 404 that is not "Conversation not found",
 * means there is no such route.
 */
export function isNoSuchRoute({ status, body }: LookupAnswer): boolean {
  if (status === 405) return true;
  return status === 404 && (body as { detail?: unknown } | null)?.detail !== CONVERSATION_NOT_FOUND;
}

/**
 * One conversation by id: GET by id, else the list with `search_by=id` and an exact id match.
 * The one home of this rule for the SPA, the app server and the conformance suite; each brings
 * its own transport (`get`) and turns the result into its own errors and schema checks.
 */
export async function lookUpConversation(
  id: string,
  get: (path: string) => Promise<LookupAnswer>,
): Promise<LookupResult> {
  const direct = await get(conversationPath(id));
  if (direct.status >= 200 && direct.status < 300) return { kind: 'found', item: direct.body };
  if (!isNoSuchRoute(direct)) {
    return direct.status === 404 ? { kind: 'missing' } : { kind: 'failed', status: direct.status };
  }
  const list = await get(searchByIdPath(id));
  if (list.status !== 200) return { kind: 'list-failed', status: list.status, notArray: false };
  if (!Array.isArray(list.body)) return { kind: 'list-failed', status: 200, notArray: true };
  const match: unknown = list.body.find(
    (item: unknown) => (item as { id?: unknown } | null)?.id === id,
  );
  return match === undefined ? { kind: 'missing' } : { kind: 'found', item: match };
}
