import { useRef, type ReactNode } from 'react';
import { ReviewNextButton } from '@/components/review-next-button';
import { serializeListParams, toApiQuery } from '@/lib/list-params';
import { usePhoneFormattingReady } from '@/lib/use-phone-formatting';
import { useReviewNext } from '@/lib/use-review-next';
import { COLUMN_LABELS } from '../columns';
import { useCallList } from '../hooks/use-call-list';
import { useListKeyboardShortcuts } from '../hooks/use-list-keyboard-shortcuts';
import { useListParams } from '../hooks/use-list-params';
import { usePreferences } from '../hooks/use-preferences';
import { usePrefetchNextPage } from '../hooks/use-prefetch-next-page';
import { useReturnFocus } from '../hooks/use-return-focus';
import { useRowsShownOnce } from '../hooks/use-rows-shown-once';
import { useWarmFormatters } from '../warm-formatters';
import { FilterChips } from './filter-chips';
import { ListBody } from './list-body';
import { MatchCount } from './match-count';
import { ErrorBanner } from './list-states';
import { NewCallsNotice } from './new-calls-notice';
import { hasNextPage, Pagination } from './pagination';
import { Toolbar } from './toolbar';
import { ViewOptions } from './view-options';

interface CallsPageProps {
  /** Called once, after the first rows are on screen: the time to load what comes next. */
  onRowsShown?: () => void;
  /** An action on the whole view beside "View" (the app adds the CSV export). */
  viewAction?: (view: ListView) => ReactNode;
}

/** What the list shows: its query (filters, sort and page) and its visible column ids. */
export interface ListView {
  listQuery: URLSearchParams;
  columns: string[];
}

/** The list of calls: its state in the URL, its rows from the API. */
export function CallsPage({ onRowsShown, viewAction }: CallsPageProps = {}) {
  const { params, update, clearFilters } = useListParams();
  const { preferences, change } = usePreferences();
  const searchRef = useRef<HTMLInputElement>(null);
  const { query, searchProblem, page, stale, newCount, reveal } = useCallList(params);
  // Formatted numbers are wider than raw ones and the table sizes its columns to fit: rows shown
  // before the formatter would change height under the reader's eyes when it arrives.
  const phonesReady = usePhoneFormattingReady();
  const rowsReady = searchProblem === null && phonesReady;
  const shown = page?.rows.length ?? 0;
  const total = page?.total ?? null;
  const pending = query.isPlaceholderData;

  useWarmFormatters();
  useRowsShownOnce(shown > 0, onRowsShown);
  const nextExists =
    page !== undefined && !pending && hasNextPage(params.skip, shown, params.limit, total);
  usePrefetchNextPage(params, nextExists);
  useListKeyboardShortcuts(searchRef, {
    skip: params.skip,
    limit: params.limit,
    hasNext: nextExists,
    rowsReady: page !== undefined && !pending && !stale,
    goToSkip: (skip) => update({ skip }),
  });
  useReturnFocus(shown);
  const reviewNext = useReviewNext();

  return (
    <section aria-labelledby="calls-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-baseline gap-3">
          <h1 id="calls-heading" className="text-xl font-semibold text-slate-900">
            Calls
          </h1>
          <MatchCount total={searchProblem === null ? total : null} />
        </div>
        <div className="flex flex-wrap items-center justify-end gap-3">
          <ReviewNextButton
            reviewNext={reviewNext}
            onPress={() =>
              reviewNext.open({ id: null, listSearch: `?${serializeListParams(params)}` })
            }
          />
          <NewCallsNotice count={newCount} onReveal={reveal} />
          {viewAction?.({
            listQuery: toApiQuery(params),
            columns: Object.keys(COLUMN_LABELS).filter(
              (id) => !preferences.hiddenColumns.includes(id),
            ),
          })}
          <ViewOptions preferences={preferences} change={change} />
        </div>
      </div>
      <Toolbar params={params} facets={page?.facets} update={update} searchRef={searchRef} />
      <FilterChips params={params} facets={page?.facets} update={update} clearAll={clearFilters} />
      {query.error ? (
        <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <ListBody
        params={params}
        page={rowsReady ? page : undefined}
        searchProblem={searchProblem}
        failed={query.isError}
        stale={stale || pending}
        updating={query.isFetching}
        preferences={preferences}
        update={update}
        clearFilters={clearFilters}
      />
      {rowsReady && page !== undefined && shown > 0 ? (
        <Pagination params={params} shown={shown} total={total} update={update} />
      ) : null}
    </section>
  );
}
