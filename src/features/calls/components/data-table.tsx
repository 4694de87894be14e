import { useTable, type SortingState } from '@tanstack/react-table';
import { useMemo, type KeyboardEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { cn } from '@/lib/cn';
import type { ConversationRow } from '@/lib/conversations-api';
import type { ListParams } from '@/lib/list-params';
import { callColumns, COLUMN_SORT, tableFeaturesForCalls } from '../columns';
import type { ListPreferences } from '../preferences';

interface DataTableProps {
  rows: ConversationRow[];
  params: ListParams;
  preferences: ListPreferences;
  updating: boolean;
  onSort(sortBy: NonNullable<(typeof COLUMN_SORT)[string]>, order: 'asc' | 'desc'): void;
}

/**
 * The calls table. Sorting, filtering and paging happen on the server; the table's sort state
 * is derived from the URL on every render, never kept on its own.
 */
export function DataTable({ rows, params, preferences, updating, onSort }: DataTableProps) {
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
  const visibleCount = table.getVisibleLeafColumns().length;

  return (
    // The keys move focus between the row links inside; the table itself is not a widget.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
      onKeyDown={moveFocus}
    >
      <table className="w-full text-left text-sm" aria-busy={updating}>
        <caption className="sr-only">Calls, {updating ? 'updating' : 'up to date'}</caption>
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
        <tbody
          className={cn('divide-y divide-slate-100 transition-opacity', updating && 'opacity-60')}
        >
          {table.getRowModel().rows.map((row) => {
            const item = row.original;
            if (item.kind === 'invalid') {
              return (
                <tr key={row.id} className="bg-amber-50">
                  <td colSpan={visibleCount} className="px-3 py-2 text-amber-900">
                    <span className="font-medium">This call could not be read</span>
                    {item.id ? ` (${item.id})` : ''}: {item.problem}
                  </td>
                </tr>
              );
            }
            const id = item.conversation.id;
            const name =
              item.conversation.conversationAnalytics?.name_of_caller || 'unknown caller';
            return (
              <tr key={row.id} className="relative focus-within:bg-indigo-50 hover:bg-indigo-50/60">
                {row.getVisibleCells().map((cell, index) => (
                  <td
                    key={cell.id}
                    className={cn('px-3 align-middle', compact ? 'py-1' : 'py-2.5')}
                  >
                    {index === 0 ? (
                      <Link
                        to={`/calls/${encodeURIComponent(id)}`}
                        state={{ listSearch: location.search }}
                        data-row-link=""
                        aria-label={`Open call with ${name}`}
                        className="outline-none after:absolute after:inset-0 after:content-[''] focus-visible:after:ring-2 focus-visible:after:ring-indigo-600 focus-visible:after:ring-inset"
                      >
                        <table.FlexRender cell={cell} />
                      </Link>
                    ) : (
                      <table.FlexRender cell={cell} />
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** j/k or the arrow keys move between rows; Enter follows the focused row's link. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const step =
    event.key === 'j' || event.key === 'ArrowDown'
      ? 1
      : event.key === 'k' || event.key === 'ArrowUp'
        ? -1
        : 0;
  if (!step) return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-row-link]')];
  const current = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = links[Math.max(0, Math.min(links.length - 1, current + step))];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}
