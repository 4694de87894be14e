/**
 * Every query key of the app comes from here, so invalidation and prefetching always agree on
 * the shape of a key.
 */
export const conversationKeys = {
  all: ['conversations'] as const,
  lists: () => [...conversationKeys.all, 'list'] as const,
  list: (params: Readonly<Record<string, string | number | readonly string[] | undefined>>) =>
    [...conversationKeys.lists(), params] as const,
  details: () => [...conversationKeys.all, 'detail'] as const,
  detail: (id: string) => [...conversationKeys.details(), id] as const,
  peaks: (id: string) => [...conversationKeys.detail(id), 'peaks'] as const,
  /** Where a call opened from a link sits in the default list. */
  listPlace: (id: string, timestampStart: string | null | undefined) =>
    [...conversationKeys.detail(id), 'list-place', timestampStart ?? null] as const,
};

export const sessionKeys = {
  current: () => ['session'] as const,
};

export const prospectKeys = {
  all: ['prospects'] as const,
  details: () => [...prospectKeys.all, 'detail'] as const,
  detail: (id: string) => [...prospectKeys.details(), id] as const,
  conversations: (id: string) => [...prospectKeys.detail(id), 'conversations'] as const,
};

export const syncKeys = {
  all: ['sync'] as const,
  status: () => [...syncKeys.all, 'status'] as const,
};

export const reviewKeys = {
  all: ['reviews'] as const,
  details: () => [...reviewKeys.all, 'detail'] as const,
  /** A call's reviews, comments, history, action-item checks and delivery. */
  detail: (callId: string) => [...reviewKeys.details(), callId] as const,
};

export const insightKeys = {
  all: ['insights'] as const,
  window: (query: string) => [...insightKeys.all, query] as const,
};
