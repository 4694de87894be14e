import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { CallFacets } from '@contract';
import { Button } from '@/components/ui/button';
import { viewerTimeZone } from '@/lib/date-range';
import type { ListParams } from '@/lib/list-params';
import { useProspectName } from '@/lib/use-prospect-name';
import { filterChips } from '../filter-chip-list';
import type { ListParamsPatch } from '../hooks/use-list-params';

interface FilterChipsProps {
  params: ListParams;
  facets: CallFacets | null | undefined;
  update(patch: ListParamsPatch): void;
  clearAll(): void;
}

/**
 * The active filters, each removable, and one button that clears them all. Removing a chip by
 * keyboard puts the focus on the next chip (or "Clear all"), so it is never lost.
 */
export function FilterChips({ params, facets, update, clearAll }: FilterChipsProps) {
  const list = useRef<HTMLUListElement>(null);
  const focusAfterRemove = useRef<number | null>(null);
  useLayoutEffect(() => {
    const index = focusAfterRemove.current;
    if (index === null) return;
    focusAfterRemove.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button');
    if (buttons?.length) buttons[Math.min(index, buttons.length - 1)]?.focus();
    // With no chip left the list is gone, and the search box is where to carry on; it is
    // focused only now, after it has taken the URL's (cleared) text.
    else document.getElementById('search-input')?.focus();
  });
  // A prospect filter names the caller once their record has loaded.
  const callerName = useProspectName(
    params.search_by === 'prospectId' ? params.search_value : undefined,
  );
  const chips = filterChips(params, {
    facets,
    callerName,
    now: Date.now(),
    timeZone: viewerTimeZone(),
  });
  if (chips.length === 0) return null;

  const remove = (index: number, patch: ListParamsPatch) => {
    const hadFocus = list.current?.contains(document.activeElement) ?? false;
    if (hadFocus) {
      // The list re-renders without this chip: the one after it takes its index.
      focusAfterRemove.current = index;
    }
    update(patch);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (event.key !== 'Backspace' && event.key !== 'Delete') return;
    event.preventDefault();
    remove(index, chips[index]!.remove);
  };

  return (
    <ul ref={list} className="flex flex-wrap items-center gap-2" aria-label="Active filters">
      {chips.map((chip, index) => (
        <li
          key={chip.key}
          className="inline-flex items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 py-0.5 pr-1 pl-3 text-sm text-indigo-900"
        >
          <span>{chip.label}</span>
          <button
            type="button"
            onClick={() => remove(index, chip.remove)}
            onKeyDown={(event) => onKeyDown(event, index)}
            aria-label={`Remove filter ${chip.label}`}
            className="inline-flex size-6 items-center justify-center rounded-full text-indigo-700 hover:bg-indigo-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <span aria-hidden="true">×</span>
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
