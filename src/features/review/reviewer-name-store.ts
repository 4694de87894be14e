import { useSyncExternalStore } from 'react';
import { readReviewerName, saveReviewerName } from './reviewer-name';

// One name for every part of the page (the panel, the markers): they share the review query,
// and its requests must say who asks the same way.
let current: string | null | undefined;
const listeners = new Set<() => void>();

/** The name now, for a write made right after the name was given (before a re-render). */
export function currentReviewerName(): string | null {
  if (current === undefined) current = readReviewerName();
  return current;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The display name this browser reviews under, or null before one was given. */
export function useReviewerName(): string | null {
  return useSyncExternalStore(subscribe, currentReviewerName, currentReviewerName);
}

/** Keeps a name for this browser; null (nothing kept) when it is not a valid name. */
export function setReviewerName(raw: string): string | null {
  const name = saveReviewerName(raw);
  if (name === null) return null;
  current = name;
  for (const listener of listeners) listener();
  return name;
}
