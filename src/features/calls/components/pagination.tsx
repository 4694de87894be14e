import { Button } from '@/components/ui/button';
import { PAGE_SIZES, type ListParams, type PageSize } from '@/lib/list-params';
import type { ListParamsPatch } from '../hooks/use-list-params';

interface PaginationProps {
  params: ListParams;
  shown: number;
  total: number | null;
  update(patch: ListParamsPatch): void;
}

// One formatter for every count, built on first use: an Intl formatter per call costs milliseconds.
let countFormat: Intl.NumberFormat | undefined;
const count = (value: number) => (countFormat ??= new Intl.NumberFormat()).format(value);

/** "n–m of T" only when the server sent a total; otherwise a short page is the last one. */
export function describeRange(skip: number, shown: number, total: number | null): string {
  if (shown === 0) return total === null ? 'No calls' : `0 of ${count(total)}`;
  const range = `${count(skip + 1)}–${count(skip + shown)}`;
  return total === null ? range : `${range} of ${count(total)}`;
}

export function hasNextPage(
  skip: number,
  shown: number,
  limit: number,
  total: number | null,
): boolean {
  return total === null ? shown === limit : skip + shown < total;
}

export function Pagination({ params, shown, total, update }: PaginationProps) {
  const { skip, limit } = params;
  return (
    <nav
      className="flex flex-wrap items-center justify-between gap-3 text-sm"
      aria-label="Pagination"
    >
      <div className="flex items-center gap-2">
        <label htmlFor="page-size" className="text-slate-600">
          Rows per page
        </label>
        <select
          id="page-size"
          value={limit}
          onChange={(event) => update({ limit: Number(event.target.value) as PageSize })}
          className="h-8 rounded-md border border-slate-300 bg-white px-2"
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-3">
        <output className="text-slate-700 tabular-nums" aria-live="polite">
          {describeRange(skip, shown, total)}
        </output>
        <Button
          size="sm"
          disabled={skip === 0}
          onClick={() => update({ skip: Math.max(0, skip - limit) })}
        >
          ← Previous
        </Button>
        <Button
          size="sm"
          disabled={!hasNextPage(skip, shown, limit, total)}
          onClick={() => update({ skip: skip + limit })}
        >
          Next →
        </Button>
      </div>
    </nav>
  );
}
