import { useQueryClient } from '@tanstack/react-query';
import { checkReviewerName, encodeReviewerName, REVIEWER_HEADER } from '@contract';
import { sessionKeys } from './query-keys';

/**
 * The display name a reviewer chose on loopback (no sign-in), kept in this browser. The review
 * panel writes it; every request that depends on who asks (the list's "mine" filter and its
 * "my rating" columns, the review routes) sends it in the reviewer header. With sign-in the
 * server ignores the header and uses the signed-in user.
 */
export const REVIEWER_NAME_STORAGE_KEY = 'callscope.reviewer-name';

export function readReviewerName(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): string | null {
  try {
    const raw = storage?.getItem(REVIEWER_NAME_STORAGE_KEY);
    return raw ? checkReviewerName(raw) : null;
  } catch {
    // Blocked storage: no name, as on a first visit.
    return null;
  }
}

/** Keeps a valid name and returns it as stored (trimmed); null, keeping nothing, if invalid. */
export function saveReviewerName(
  raw: string,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): string | null {
  const name = checkReviewerName(raw);
  if (name === null) return null;
  try {
    storage?.setItem(REVIEWER_NAME_STORAGE_KEY, name);
  } catch {
    // A full or blocked storage keeps the name for this page only.
  }
  return name;
}

/** The reviewer header when a name is known, else nothing. */
export function reviewerHeaders(name: string | null = readReviewerName()): Record<string, string> {
  return name === null ? {} : { [REVIEWER_HEADER]: encodeReviewerName(name) };
}

/**
 * Whether the server can tell who "me" is: a signed-in user (the session the header's menu
 * loaded), or a name this browser keeps.
 */
export function useReviewerKnown(): boolean {
  const queryClient = useQueryClient();
  const session = queryClient.getQueryData<unknown>(sessionKeys.current());
  const signedIn = !!session && typeof session === 'object' && 'user' in session && !!session.user;
  return signedIn || readReviewerName() !== null;
}
