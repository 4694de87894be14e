import { useSyncExternalStore } from 'react';
import { readReviewerName, saveReviewerName } from '@/lib/reviewer-name';

// One name for every part of the page (the panel, the markers, the action items): they share
// the review query, and its requests must say who asks the same way. Storage is read each time
// (a name given in another tab counts); the fallback serves a browser that keeps no storage.
let fallback: string | null = null;
const listeners = new Set<() => void>();

/** The name now, for a write made right after the name was given (before a re-render). */
export function currentReviewerName(): string | null {
  return readReviewerName() ?? fallback;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
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
  fallback = name;
  for (const listener of listeners) listener();
  return name;
}
