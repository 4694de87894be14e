import type { RefObject } from 'react';

interface CallSearchProps {
  inputRef: RefObject<HTMLInputElement | null>;
  query: string;
  onQuery(query: string): void;
  total: number;
  focused: number;
  onNext(): void;
}

export function CallSearch({ inputRef, query, onQuery, total, focused, onNext }: CallSearchProps) {
  return (
    <form
      role="search"
      aria-label="Search this call"
      className="flex items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        onNext();
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
        onChange={(event) => onQuery(event.target.value)}
        placeholder="Search this call, Enter for the next match"
        className="h-9 flex-1 rounded-md border border-slate-300 bg-white px-3 text-sm"
      />
      <output aria-live="polite" className="min-w-20 text-sm text-slate-600 tabular-nums">
        {query.trim()
          ? total
            ? `${focused >= 0 ? focused + 1 : 0} of ${total}`
            : 'No matches'
          : ''}
      </output>
    </form>
  );
}
