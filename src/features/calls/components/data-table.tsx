import { useTable, type SortingState } from '@tanstack/react-table';
import { useMemo, type MouseEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { cn } from '@/lib/cn';
import type { ConversationRow } from '@/lib/conversations-api';
import type { ListParams } from '@/lib/list-params';
import { callColumns, COLUMN_SORT, tableFeaturesForCalls } from '../columns';
import { rememberOpenedCall } from '../opened-calls';
import { CallRow } from './call-row';
import { SortSelect } from './sort-select';
import './call-cards.css';
import type { ListPreferences } from '../preferences';

interface DataTableProps {
  rows: ConversationRow[];
  params: ListParams;
  preferences: ListPreferences;
  /** A request for these params is under way. */
  updating: boolean;
  /** The rows belong to other params: the last page shown before a failed or pending request. */
  stale: boolean;
  onSort(sortBy: NonNullable<(typeof COLUMN_SORT)[string]>, order: 'asc' | 'desc'): void;
}

/**
 * The calls table. Sorting, filtering and paging happen on the server; the table's sort state
 * is derived from the URL on every render, never kept on its own.
 */
export function DataTable({ rows, params, preferences, updating, stale, onSort }: DataTableProps) {
  const location = useLocation();
  const sorting = useMemo<SortingState>(() => {
    const column = Object.entries(COLUMN_SORT).find(([, field]) => field === params.sort_by)?.[0];
    return column ? [{ id: column, desc: params.sort_order === 'desc' }] : [];
  }, [params.sort_by, params.sort_order]);
  const columnVisibility = useMemo(
    () => Object.fromEntries(preferences.hiddenColumns.map((id) => [id, false])),
    [preferences.hiddenColumns],
  );
  const table = useTable({
    features: tableFeaturesForCalls,
    columns: callColumns,
    data: rows,
    getRowId: (row, index) => (row.kind === 'ok' ? row.conversation.id : `invalid-${index}`),
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      const field = first ? COLUMN_SORT[first.id] : undefined;
      if (first && field) onSort(field, first.desc ? 'desc' : 'asc');
    },
  });
  const compact = preferences.density === 'compact';
  const visibleKey = table
    .getVisibleLeafColumns()
    .map((column) => column.id)
    .join(',');
  const navigate = useNavigate();
  // Plain clicks on a row navigate in the app and carry the list's URL, so the detail view can
  // step through neighbours and come back; modified clicks keep the browser's behaviour.
  const openRow = (event: MouseEvent<HTMLTableSectionElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target as Element;
    // Text above the row link (titles on hover) opens the call too, unless it is being selected.
    if (!target.closest('a[data-row-link]') && window.getSelection()?.isCollapsed === false) return;
    const link = target.closest('tr')?.querySelector<HTMLAnchorElement>('a[data-row-link]');
    if (!link) return;
    event.preventDefault();
    rememberOpenedCall(location.search, decodeURIComponent(link.pathname.slice('/calls/'.length)));
    void navigate(link.pathname, { state: { listSearch: location.search } });
  };

  return (
    // The list's keyboard hook moves the focus between the row links; Enter follows one.
    <>
      <SortSelect params={params} onSort={onSort} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table data-calls-table="" className="w-full text-left text-sm" aria-busy={updating}>
          <caption className="sr-only">
            Calls, {updating ? 'updating' : stale ? 'out of date' : 'up to date'}
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortable = COLUMN_SORT[header.column.id] !== undefined;
                  const direction = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-3 py-2 font-semibold"
                      aria-sort={
                        direction ? (direction === 'asc' ? 'ascending' : 'descending') : undefined
                      }
                    >
                      {sortable ? (
                        <button
                          type="button"
                          onClick={() =>
                            header.column.toggleSorting(
                              direction === 'desc' ? false : direction === 'asc' ? true : true,
                            )
                          }
                          className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden="true" className="text-slate-400">
                            {direction === 'asc' ? '↑' : direction === 'desc' ? '↓' : '↕'}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          {/* Enter on a focused row link fires this click too. */}
          {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions */}
          <tbody
            onClick={openRow}
            // No fade: animating the opacity of a whole page of rows repaints it every frame, which
            // costs more than the update itself on a machine without a GPU.
            className={cn('divide-y divide-slate-100', (updating || stale) && 'opacity-60')}
          >
            {table.getRowModel().rows.map((row) => (
              <CallRow key={row.id} row={row} visibleKey={visibleKey} compact={compact} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
