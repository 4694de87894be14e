import { useDeferredValue, useMemo, useState } from 'react';
import type { Bubble } from '../transcript/normalize';
import { findMatches, type SearchMatch } from './find-matches';

/**
 * Search within one call: every match and the focused one ("n of m"). Matches follow the query
 * at once, so Enter right after typing works; the bubbles' highlighting is deferred, so typing
 * stays responsive on a transcript of thousands of bubbles.
 */
export function useCallSearch(bubbles: readonly Bubble[]) {
  const [query, setQueryState] = useState('');
  const [focused, setFocused] = useState(-1);
  const deferredQuery = useDeferredValue(query);
  const matches = useMemo(() => findMatches(bubbles, query), [bubbles, query]);
  const current = focused >= 0 && focused < matches.length ? focused : -1;
  return {
    query,
    /** What the bubbles highlight: the query, once React has time for it. */
    highlighted: deferredQuery,
    setQuery(next: string) {
      setQueryState(next);
      setFocused(-1);
    },
    matches,
    focused: current,
    focusedMatch: current >= 0 ? matches[current]! : null,
    /** Moves to the next match (or the previous one) and returns it, or null when none. */
    step(direction: 1 | -1 = 1): SearchMatch | null {
      if (!matches.length) return null;
      const index =
        current < 0
          ? direction === 1
            ? 0
            : matches.length - 1
          : (current + direction + matches.length) % matches.length;
      setFocused(index);
      return matches[index]!;
    },
  };
}
