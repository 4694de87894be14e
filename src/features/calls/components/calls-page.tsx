import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { conversationListQueryOptions, type ConversationPage } from '@/lib/conversations-api';
import { useListParams } from '../hooks/use-list-params';
import { usePreferences } from '../hooks/use-preferences';
import { DataTable } from './data-table';
import { FilterChips } from './filter-chips';
import { EmptyState, ErrorBanner, TableSkeleton } from './list-states';
import { hasNextPage, Pagination } from './pagination';
import { Toolbar } from './toolbar';
import { ViewOptions } from './view-options';
import { warmFormatters } from '../warm-formatters';

interface CallsPageProps {
  /** Called once, after the first rows are on screen: the time to load what comes next. */
  onRowsShown?: () => void;
}

export function CallsPage({ onRowsShown }: CallsPageProps = {}) {
  const { params, update, clearFilters } = useListParams();
  const { preferences, change } = usePreferences();
  const searchRef = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const query = useQuery(conversationListQueryOptions(params));
  // After a failed request the rows already on screen stay there, under the error.
  const lastShown = useRef<ConversationPage | undefined>(undefined);
  useEffect(() => {
    if (query.data) lastShown.current = query.data;
  }, [query.data]);
  const page = query.data ?? (query.isError ? lastShown.current : undefined);
  const stale = query.data === undefined && page !== undefined;
  const shown = page?.rows.length ?? 0;
  const total = page?.total ?? null;
  const nextExists =
    page !== undefined &&
    !query.isPlaceholderData &&
    hasNextPage(params.skip, shown, params.limit, total);

  // After the first request has gone out (the query subscribes in an earlier effect).
  useEffect(warmFormatters, []);

  const rowsShown = shown > 0;
  const reported = useRef(false);
  useEffect(() => {
    if (!rowsShown || reported.current) return;
    reported.current = true;
    onRowsShown?.();
  }, [rowsShown, onRowsShown]);

  useEffect(() => {
    // The next page is usually where an operator goes; have it ready.
    if (nextExists)
      void queryClient.prefetchQuery(
        conversationListQueryOptions({ ...params, skip: params.skip + params.limit }),
      );
  }, [nextExists, params, queryClient]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, select, textarea, [contenteditable="true"]')) return;
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
      } else if ((event.key === 'j' || event.key === 'k') && !target.closest('table')) {
        event.preventDefault();
        document.querySelector<HTMLAnchorElement>('a[data-row-link]')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section aria-labelledby="calls-heading" className="flex flex-col gap-4">
      <div className="flex items-center justify-between gap-3">
        <h1 id="calls-heading" className="text-xl font-semibold text-slate-900">
          Calls
        </h1>
        <ViewOptions preferences={preferences} change={change} />
      </div>
      <Toolbar params={params} update={update} searchRef={searchRef} />
      <FilterChips params={params} update={update} clearAll={clearFilters} />
      {query.error ? (
        <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      {page === undefined ? (
        query.error ? null : (
          <TableSkeleton rows={params.limit} />
        )
      ) : shown === 0 && !query.isPlaceholderData && !stale ? (
        <EmptyState onClear={clearFilters} />
      ) : (
        <DataTable
          rows={page.rows}
          params={params}
          preferences={preferences}
          updating={query.isFetching}
          stale={stale || query.isPlaceholderData}
          onSort={(sort_by, sort_order) => update({ sort_by, sort_order })}
        />
      )}
      {page !== undefined && shown > 0 ? (
        <Pagination params={params} shown={shown} total={total} update={update} />
      ) : null}
    </section>
  );
}
