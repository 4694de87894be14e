import { useState, type RefObject } from 'react';
import {
  PROSPECT_STATUS_LABELS,
  SEARCH_BY_FIELDS,
  SENTIMENTS,
  type SearchByField,
} from '@contract';
import { Button } from '@/components/ui/button';
import { Kbd } from '@/components/ui/kbd';
import type { ListParams } from '@/lib/list-params';
import { useDebouncedCallback } from '../hooks/use-debounced-callback';
import type { ListParamsPatch } from '../hooks/use-list-params';

export const SEARCH_FIELD_LABELS: Record<SearchByField, string> = {
  transcript: 'Transcript',
  summary: 'Summary',
  name_of_caller: 'Caller name',
  phone_number_of_caller: 'Phone',
  email_address_of_caller: 'Email',
  id: 'Call id',
  prospectId: 'Prospect id',
  aiAgentId: 'Agent id',
  status: 'Status',
  sourceType: 'Source type',
  sentiment_of_caller: 'Sentiment',
  prospectStatus: 'Prospect status',
};
const TEXT_FIELDS: readonly SearchByField[] = SEARCH_BY_FIELDS.filter(
  (field) => field !== 'sentiment_of_caller' && field !== 'prospectStatus',
);
export const SEARCH_DEBOUNCE_MS = 250;

interface ToolbarProps {
  params: ListParams;
  update(patch: ListParamsPatch, options?: { replace?: boolean }): void;
  searchRef: RefObject<HTMLInputElement | null>;
}

/**
 * Search, status and one-click filters. The API takes one search at a time, so a sentiment or
 * prospect-status filter replaces a text search (the chips show which one is active).
 */
export function Toolbar({ params, update, searchRef }: ToolbarProps) {
  const textSearch =
    params.search_by && TEXT_FIELDS.includes(params.search_by) ? params : undefined;
  const [field, setField] = useState<SearchByField>(textSearch?.search_by ?? 'transcript');
  const [draftState, setDraft] = useState<{ for: string; text: string } | null>(null);
  const urlText = textSearch?.search_value ?? '';
  // The draft belongs to the URL value it was typed over; Back/Forward brings the URL's text back.
  const text = draftState && draftState.for === urlText ? draftState.text : urlText;
  const debounced = useDebouncedCallback((value: string, by: SearchByField) => {
    const trimmed = value.trim();
    update({ search_by: trimmed ? by : undefined, search_value: trimmed || undefined });
  }, SEARCH_DEBOUNCE_MS);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-2">
        <form
          role="search"
          className="flex min-w-72 flex-1 items-stretch"
          onSubmit={(event) => {
            event.preventDefault();
            debounced.cancel();
            update({
              search_by: text.trim() ? field : undefined,
              search_value: text.trim() || undefined,
            });
          }}
        >
          <label htmlFor="search-field" className="sr-only">
            Search in
          </label>
          <select
            id="search-field"
            value={textSearch?.search_by ?? field}
            onChange={(event) => {
              const next = event.target.value as SearchByField;
              setField(next);
              if (text.trim()) update({ search_by: next, search_value: text.trim() });
            }}
            className="rounded-l-md border border-r-0 border-slate-300 bg-slate-50 px-2 text-sm text-slate-700"
          >
            {TEXT_FIELDS.map((option) => (
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
              onChange={(event) => {
                setDraft({ for: urlText, text: event.target.value });
                const value = event.target.value;
                if (value.trim().length === 0 || value.trim().length >= 3)
                  debounced.run(value, textSearch?.search_by ?? field);
              }}
              className="h-9 w-full rounded-r-md border border-slate-300 bg-white px-3 pr-10 text-sm"
            />
            <Kbd className="pointer-events-none absolute top-2 right-2">/</Kbd>
          </div>
        </form>
        <div className="flex flex-col">
          <label htmlFor="status-filter" className="text-xs font-medium text-slate-600">
            Status
          </label>
          <select
            id="status-filter"
            value={params.status ?? ''}
            onChange={(event) => update({ status: event.target.value || undefined })}
            className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
          >
            <option value="">All statuses</option>
            <option value="active">Active</option>
            <option value="archived">Archived</option>
          </select>
        </div>
      </div>
      <QuickFilters params={params} update={update} />
    </div>
  );
}

function QuickFilters({ params, update }: Pick<ToolbarProps, 'params' | 'update'>) {
  const toggle = (by: SearchByField, value: string) => {
    const active = params.search_by === by && params.search_value === value;
    update(
      active
        ? { search_by: undefined, search_value: undefined }
        : { search_by: by, search_value: value },
    );
  };
  return (
    <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Quick filters">
      <span className="mr-1 text-xs font-medium text-slate-600">Sentiment</span>
      {SENTIMENTS.map((sentiment) => (
        <Button
          key={sentiment}
          size="sm"
          variant="chip"
          aria-pressed={
            params.search_by === 'sentiment_of_caller' && params.search_value === sentiment
          }
          onClick={() => toggle('sentiment_of_caller', sentiment)}
          className="capitalize"
        >
          {sentiment}
        </Button>
      ))}
      <span className="mr-1 ml-3 text-xs font-medium text-slate-600">Outcome</span>
      {(
        [
          'SERVICE_ORDER_PLACED',
          'PRODUCT_ORDER_PLACED',
          'SCHEDULED_APPOINTMENT_FOR_SERVICE',
          'SCHEDULED_APPOINTMENT_WITH_PERSON',
          'SCHEDULED_CALLBACK_WITH_BOT',
          'GENERAL_ENQUIRY',
          'NOT_INTERESTED',
          'NEW',
        ] as const
      ).map((status) => (
        <Button
          key={status}
          size="sm"
          variant="chip"
          aria-pressed={params.search_by === 'prospectStatus' && params.search_value === status}
          onClick={() => toggle('prospectStatus', status)}
        >
          {PROSPECT_STATUS_LABELS[status]}
        </Button>
      ))}
    </div>
  );
}
