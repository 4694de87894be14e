import { checkReviewerName } from '@contract';

/** Where the browser keeps the display name a reviewer gave on loopback without sign-in. */
export const REVIEWER_NAME_KEY = 'callscope.reviewer-name';

type NameStorage = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): NameStorage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage can be switched off; the name is then asked for again after a reload.
    return null;
  }
}

/** The stored name, or null when there is none or it is no longer a valid name. */
export function readReviewerName(storage: NameStorage | null = defaultStorage()): string | null {
  const raw = storage?.getItem(REVIEWER_NAME_KEY);
  return raw == null ? null : checkReviewerName(raw);
}

/** Keeps a valid name and returns it as stored (trimmed); null, keeping nothing, if invalid. */
export function saveReviewerName(
  raw: string,
  storage: NameStorage | null = defaultStorage(),
): string | null {
  const name = checkReviewerName(raw);
  if (name === null) return null;
  try {
    storage?.setItem(REVIEWER_NAME_KEY, name);
  } catch {
    // A full or blocked storage keeps the name for this page only.
  }
  return name;
}
