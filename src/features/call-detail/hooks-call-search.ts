import { useMemo, useState } from 'react';
import { countMatches } from './transcript/highlight';
import type { Bubble } from './transcript/normalize';

/** Search within one call: every match, and which one is focused ("n of m"). */
export function useCallSearch(bubbles: readonly Bubble[]) {
  const [query, setQuery] = useState('');
  const [focused, setFocused] = useState(-1);
  const matches = useMemo(() => {
    if (!query.trim()) return [];
    return bubbles.flatMap((bubble, index) =>
      Array.from({ length: countMatches(bubble.text, query) }, () => index),
    );
  }, [bubbles, query]);
  return {
    query,
    setQuery: (next: string) => {
      setQuery(next);
      setFocused(-1);
    },
    matches,
    focused: focused >= 0 && focused < matches.length ? focused : -1,
    next: () => {
      const index = matches.length ? (focused + 1) % matches.length : -1;
      setFocused(index);
      return index >= 0 ? matches[index]! : null;
    },
  };
}
