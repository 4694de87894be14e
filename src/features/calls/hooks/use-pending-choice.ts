import { useState } from 'react';

/**
 * A control's value that follows the URL, but shows a new choice at once: the router writes the
 * URL a moment after the click, and a controlled checkbox would otherwise flip back meanwhile.
 * `key` identifies the URL's value (arrays are rebuilt on every render).
 */
export function usePendingChoice<T>(fromUrl: T, key: string): [T, (next: T) => void] {
  const [choice, setChoice] = useState(fromUrl);
  const [seenKey, setSeenKey] = useState(key);
  if (key !== seenKey) {
    setSeenKey(key);
    setChoice(fromUrl);
  }
  return [choice, setChoice];
}
