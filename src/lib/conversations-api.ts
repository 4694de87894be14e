import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import {
  callFacetsSchema,
  callListItemSchema,
  CONVERSATION_NOT_FOUND,
  conversationSchema,
  lookUpConversation,
  type CallFacets,
  type CallListItem,
  type Conversation,
} from '@contract';
import { ApiError, apiRequest } from './api-client';
import { toApiQuery, type ListParams } from './list-params';
import { readReviewerName, reviewerHeaders } from './reviewer-name';
import { conversationKeys } from './query-keys';

/** A list row that passed the schema, or one that did not and says why. */
export type ConversationRow =
  | { kind: 'ok'; conversation: CallListItem }
  | { kind: 'invalid'; index: number; id: string | null; problem: string };

export interface ConversationPage {
  rows: ConversationRow[];
  /** The number of calls matching the filters; null when the server sent none. */
  total: number | null;
  /** Counts per filter value under the other filters; null when they did not pass the schema. */
  facets?: CallFacets | null;
}

/** The page as it must come: rows are checked one by one below, so one bad row costs one row. */
const callPageSchema = z.object({
  items: z.array(z.unknown()),
  total: z.number().check(z.int(), z.minimum(0)),
  facets: z.unknown(),
});

/** A page of the list from Callscope's own index (`GET /api/calls`), not from Trata. */
export async function fetchConversationList(
  params: ListParams,
  signal?: AbortSignal,
  reviewer: string | null = readReviewerName(),
): Promise<ConversationPage> {
  // Who asks decides the "mine" filter and the row's own rating, so the reviewer's name goes too.
  const { data } = await apiRequest(`/api/calls?${toApiQuery(params)}`, {
    signal,
    headers: reviewerHeaders(reviewer),
  });
  const page = callPageSchema.safeParse(data);
  if (!page.success) {
    throw new ApiError('server', 200, 'The call index sent a list in an unexpected shape.');
  }
  const facets = callFacetsSchema.safeParse(page.data.facets);
  return {
    rows: page.data.items.map(parseRow),
    total: page.data.total,
    facets: facets.success ? facets.data : null,
  };
}

function parseRow(item: unknown, index: number): ConversationRow {
  const parsed = callListItemSchema.safeParse(item);
  if (parsed.success) return { kind: 'ok', conversation: parsed.data };
  const rawId = (item as { id?: unknown } | null)?.id;
  const problem = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'item'}: ${issue.message}`)
    .join('; ');
  return { kind: 'invalid', index, id: typeof rawId === 'string' ? rawId : null, problem };
}

export const conversationListQueryOptions = (params: ListParams) => {
  // Rows differ by who asks ("mine", my rating): another name is another list.
  const reviewer = readReviewerName() ?? undefined;
  return queryOptions({
    queryKey: conversationKeys.list({ ...params, reviewer }),
    queryFn: ({ signal }) => fetchConversationList(params, signal, reviewer ?? null),
    placeholderData: keepPreviousData,
  });
};

/**
 * One conversation from Callscope's index (`/api/calls/{id}`), which keeps answering when Trata
 * is down and re-reads the call from Trata in the background. Only a call the index does not
 * hold (a 404) is asked of the API itself.
 */
export async function fetchConversation(id: string, signal?: AbortSignal): Promise<Conversation> {
  try {
    const { data } = await apiRequest(`/api/calls/${encodeURIComponent(id)}`, { signal });
    return parseConversation(data);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
  return fetchConversationFromApi(id, signal);
}

/**
 * One conversation from the API: GET by id, else the list with `search_by=id` (the contract's
 * `lookUpConversation`). Errors other than "no such route" keep their own kind.
 */
export async function fetchConversationFromApi(
  id: string,
  signal?: AbortSignal,
): Promise<Conversation> {
  let refused: ApiError | undefined;
  const result = await lookUpConversation(id, async (path) => {
    try {
      const { data, status } = await apiRequest(path, { signal });
      return { status, body: data };
    } catch (error) {
      // A 404 or 405 may only mean "no such route"; the lookup decides.
      if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 405)) {
        throw error;
      }
      refused = error;
      return { status: error.status, body: { detail: error.message } };
    }
  });
  if (result.kind === 'found') return parseConversation(result.item);
  if (result.kind === 'missing' || (result.kind === 'list-failed' && result.notArray)) {
    throw new ApiError('not-found', 404, CONVERSATION_NOT_FOUND);
  }
  throw refused ?? new ApiError('not-found', 404, CONVERSATION_NOT_FOUND);
}

function parseConversation(data: unknown): Conversation {
  const parsed = conversationSchema.safeParse(data);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    throw new ApiError(
      'upstream',
      200,
      `This conversation does not match the contract (${problem?.path.join('.') || 'item'}: ${problem?.message}).`,
    );
  }
  return parsed.data;
}

export const conversationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: conversationKeys.detail(id),
    queryFn: ({ signal }) => fetchConversation(id, signal),
  });
