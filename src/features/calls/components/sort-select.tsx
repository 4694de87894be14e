import type { SortByField } from '@contract';
import type { ListParams } from '@/lib/list-params';
import { COLUMN_LABELS, COLUMN_SORT } from '../columns';

const ORDER_WORDS = { asc: 'ascending', desc: 'descending' } as const;

/**
 * The column headers' sorting, as one list: a phone shows the calls as cards, without the
 * table's header row.
 */
export function SortSelect({
  params,
  onSort,
}: {
  params: ListParams;
  onSort(sortBy: SortByField, order: 'asc' | 'desc'): void;
}) {
  const options = Object.entries(COLUMN_SORT).flatMap(([column, field]) =>
    field
      ? (['desc', 'asc'] as const).map((order) => ({
          value: `${field}:${order}`,
          label: `${COLUMN_LABELS[column]}, ${ORDER_WORDS[order]}`,
        }))
      : [],
  );
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700 sm:hidden">
      Sort by
      <select
        value={`${params.sort_by}:${params.sort_order}`}
        onChange={(event) => {
          const [field, order] = event.target.value.split(':') as [SortByField, 'asc' | 'desc'];
          onSort(field, order);
        }}
        className="h-11 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 text-slate-800"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
