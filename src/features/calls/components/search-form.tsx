import { searchValueProblem, type SearchByField } from '@contract';
import { useState, type KeyboardEvent, type RefObject } from 'react';
import { Kbd } from '@/components/ui/kbd';
import type { ListParams } from '@/lib/list-params';
import { useDebouncedCallback } from '../hooks/use-debounced-callback';
import type { ListParamsPatch } from '../hooks/use-list-params';
import { useSearchText } from '../hooks/use-search-text';
import { isTextSearchField, SEARCH_FIELD_LABELS, TEXT_SEARCH_FIELDS } from '../search-field-labels';

export const SEARCH_DEBOUNCE_MS = 250;

/** The box searches everywhere (`q`) or in one field (`search_by`). */
type BoxField = SearchByField | 'q';
const ANYWHERE = 'q';

interface SearchFormProps {
  params: ListParams;
  update(patch: ListParamsPatch, options?: { replace?: boolean }): void;
  searchRef: RefObject<HTMLInputElement | null>;
}

/**
 * The text search: where to look (everywhere, or one field) and a box. It combines with every
 * other filter. Typing searches once the box has been quiet a moment and
 * holds enough characters; the box keeps its text and its focus whatever the URL does meanwhile.
 */
export function SearchForm({ params, update, searchRef }: SearchFormProps) {
  const urlField: BoxField | undefined =
    params.q !== undefined
      ? ANYWHERE
      : isTextSearchField(params.search_by)
        ? params.search_by
        : undefined;
  const [field, setField] = useState<BoxField>(urlField ?? ANYWHERE);
  const [seenUrlField, setSeenUrlField] = useState(urlField);
  if (urlField !== seenUrlField) {
    setSeenUrlField(urlField);
    if (urlField) setField(urlField);
  }
  const { text, setText, focusHandlers } = useSearchText(
    urlField === ANYWHERE ? (params.q ?? '') : urlField ? (params.search_value ?? '') : '',
  );

  /** Searches `value` in `by`; the box's previous search (`was`) moves with it. */
  const commit = (value: string, by: BoxField, was: BoxField = by) => {
    const trimmed = value.trim();
    if (trimmed && searchValueProblem(by === ANYWHERE ? 'transcript' : by, trimmed)) return;
    const fieldSearch = { search_by: undefined, search_value: undefined };
    if (by === ANYWHERE) {
      update({ q: trimmed || undefined, ...(was !== ANYWHERE ? fieldSearch : {}) });
    } else {
      update({
        search_by: trimmed ? by : undefined,
        search_value: trimmed || undefined,
        ...(was === ANYWHERE ? { q: undefined } : {}),
      });
    }
  };
  const debounced = useDebouncedCallback(commit, SEARCH_DEBOUNCE_MS);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Escape') return;
    // A search box's own Escape empties it; here Escape only leaves the box, and the search
    // stays (its chip's × clears it).
    event.preventDefault();
    debounced.flush();
    event.currentTarget.blur();
  };

  return (
    <form
      role="search"
      className="flex min-w-72 flex-1 items-stretch"
      onSubmit={(event) => {
        event.preventDefault();
        debounced.cancel();
        commit(text, field);
      }}
    >
      <label htmlFor="search-field" className="sr-only">
        Search in
      </label>
      <select
        id="search-field"
        value={field}
        onChange={(event) => {
          const next = event.target.value as BoxField;
          const was = field;
          setField(next);
          debounced.cancel();
          if (text.trim()) commit(text, next, was);
        }}
        className="rounded-l-md border border-r-0 border-slate-300 bg-slate-50 px-2 text-sm text-slate-700"
      >
        <option value={ANYWHERE}>Anywhere</option>
        {TEXT_SEARCH_FIELDS.map((option) => (
          <option key={option} value={option}>
            {SEARCH_FIELD_LABELS[option]}
          </option>
        ))}
      </select>
      <div className="relative flex-1">
        <label htmlFor="search-input" className="sr-only">
          Search calls
        </label>
        <input
          id="search-input"
          ref={searchRef}
          type="search"
          value={text}
          placeholder="Search calls (at least 3 characters)"
          autoComplete="off"
          {...focusHandlers}
          onKeyDown={onKeyDown}
          onChange={(event) => {
            setText(event.target.value);
            debounced.run(event.target.value, field);
          }}
          className="h-9 w-full rounded-r-md border border-slate-300 bg-white px-3 pr-10 text-sm"
        />
        <Kbd className="pointer-events-none absolute top-2 right-2">/</Kbd>
      </div>
    </form>
  );
}
