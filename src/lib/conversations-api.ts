import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  CONVERSATION_NOT_FOUND,
  conversationListItemSchema,
  conversationSchema,
  type Conversation,
  type ConversationListItem,
} from '@contract';
import { ApiError, apiRequest } from './api-client';
import { toApiQuery, type ListParams } from './list-params';
import { conversationKeys } from './query-keys';

/** A list item that passed the schema, or one that did not and says why. */
export type ConversationRow =
  | { kind: 'ok'; conversation: ConversationListItem }
  | { kind: 'invalid'; index: number; id: string | null; problem: string };

export interface ConversationPage {
  rows: ConversationRow[];
  /** From `X-Total-Count`; null when the upstream sends no total, so the UI never invents one. */
  total: number | null;
}

export async function fetchConversationList(
  params: ListParams,
  signal?: AbortSignal,
): Promise<ConversationPage> {
  const { data, headers } = await apiRequest(`/v1/conversations?${toApiQuery(params)}`, { signal });
  if (!Array.isArray(data)) {
    throw new ApiError('upstream', 200, 'The Trata API sent a list that is not an array.');
  }
  return { rows: data.map(parseRow), total: parseTotal(headers.get('x-total-count')) };
}

function parseRow(item: unknown, index: number): ConversationRow {
  const parsed = conversationListItemSchema.safeParse(item);
  if (parsed.success) return { kind: 'ok', conversation: parsed.data };
  const rawId = (item as { id?: unknown } | null)?.id;
  const problem = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'item'}: ${issue.message}`)
    .join('; ');
  return { kind: 'invalid', index, id: typeof rawId === 'string' ? rawId : null, problem };
}

function parseTotal(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header);
}

export const conversationListQueryOptions = (params: ListParams) =>
  queryOptions({
    queryKey: conversationKeys.list({ ...params }),
    queryFn: ({ signal }) => fetchConversationList(params, signal),
    placeholderData: keepPreviousData,
  });

/**
 * One conversation. Trata documents no GET-by-id route, so a 404 that is not "Conversation not
 * found", or a 405, falls back to the list with `search_by=id`.
 */
export async function fetchConversation(id: string, signal?: AbortSignal): Promise<Conversation> {
  try {
    const { data } = await apiRequest(`/v1/conversations/${encodeURIComponent(id)}`, { signal });
    return parseConversation(data);
  } catch (error) {
    const noSuchRoute =
      error instanceof ApiError &&
      (error.status === 405 || (error.status === 404 && error.message !== CONVERSATION_NOT_FOUND));
    if (!noSuchRoute) throw error;
  }
  const query = new URLSearchParams({ search_by: 'id', search_value: id, limit: '100' });
  const { data } = await apiRequest(`/v1/conversations?${query}`, { signal });
  const match = Array.isArray(data)
    ? data.find((item: unknown) => (item as { id?: unknown } | null)?.id === id)
    : undefined;
  if (match === undefined) throw new ApiError('not-found', 404, CONVERSATION_NOT_FOUND);
  return parseConversation(match);
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
