import { prospectStatusLabel } from '@contract';
import { Button } from '@/components/ui/button';
import type { ListParams } from '@/lib/list-params';
import { useProspectName } from '@/lib/use-prospect-name';
import type { ListParamsPatch } from '../hooks/use-list-params';
import { SEARCH_FIELD_LABELS } from '../search-field-labels';

interface FilterChipsProps {
  params: ListParams;
  update(patch: ListParamsPatch): void;
  clearAll(): void;
}

/** The active filters, each removable, and one button that clears them all. */
export function FilterChips({ params, update, clearAll }: FilterChipsProps) {
  const chips: { key: string; label: string; remove(): void }[] = [];
  // A prospect filter names the caller once their record has loaded.
  const callerName = useProspectName(
    params.search_by === 'prospectId' ? params.search_value : undefined,
  );
  if (params.search_by && params.search_value) {
    const value =
      params.search_by === 'prospectStatus'
        ? (prospectStatusLabel(params.search_value) ?? params.search_value)
        : params.search_value;
    chips.push({
      key: 'search',
      label: callerName
        ? `Caller: ${callerName}`
        : `${SEARCH_FIELD_LABELS[params.search_by]}: ${value}`,
      remove: () => update({ search_by: undefined, search_value: undefined }),
    });
  }
  if (params.status)
    chips.push({
      key: 'status',
      label: `Status: ${params.status}`,
      remove: () => update({ status: undefined }),
    });
  if (chips.length === 0) return null;
  return (
    <ul className="flex flex-wrap items-center gap-2" aria-label="Active filters">
      {chips.map((chip) => (
        <li
          key={chip.key}
          className="inline-flex items-center gap-1 rounded-full bg-indigo-100 py-0.5 pr-1 pl-3 text-sm text-indigo-900"
        >
          <span>{chip.label}</span>
          <button
            type="button"
            onClick={chip.remove}
            aria-label={`Remove filter ${chip.label}`}
            className="rounded-full px-1.5 text-indigo-700 hover:bg-indigo-200"
          >
            ×
          </button>
        </li>
      ))}
      <li>
        <Button size="sm" variant="ghost" onClick={clearAll}>
          Clear all
        </Button>
      </li>
    </ul>
  );
}
