import type { RefObject } from 'react';
import { Button } from '@/components/ui/button';

interface CallSearchBoxProps {
  inputRef: RefObject<HTMLInputElement | null>;
  query: string;
  onQuery(query: string): void;
  total: number;
  focused: number;
  onStep(direction: 1 | -1): void;
}

/** "Search this call": Enter goes to the next match, Shift+Enter to the previous one. */
export function CallSearchBox({
  inputRef,
  query,
  onQuery,
  total,
  focused,
  onStep,
}: CallSearchBoxProps) {
  const searching = query.trim() !== '';
  return (
    <form
      role="search"
      aria-label="Search this call"
      className="flex items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        onStep(1);
      }}
    >
      <label htmlFor="call-search" className="sr-only">
        Search this call
      </label>
      <input
        id="call-search"
        ref={inputRef}
        type="search"
        value={query}
        autoComplete="off"
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && event.shiftKey) {
            event.preventDefault();
            onStep(-1);
          } else if (event.key === 'Escape' && query) {
            event.preventDefault();
            onQuery('');
          }
        }}
        placeholder="Search this call (Enter: next match)"
        className="h-9 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 text-sm placeholder:text-slate-500"
      />
      <output aria-live="polite" className="min-w-24 text-sm text-slate-600 tabular-nums">
        {searching ? (total ? `${focused >= 0 ? focused + 1 : 0} of ${total}` : 'No matches') : ''}
      </output>
      <Button
        size="icon"
        variant="ghost"
        aria-label="Previous match"
        disabled={!total}
        onClick={() => onStep(-1)}
      >
        ↑
      </Button>
      <Button
        size="icon"
        variant="ghost"
        aria-label="Next match"
        disabled={!total}
        onClick={() => onStep(1)}
      >
        ↓
      </Button>
    </form>
  );
}
