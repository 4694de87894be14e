import { useId, useState, type RefObject } from 'react';
import type { CallFacets } from '@contract';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/cn';
import { viewerTimeZone } from '@/lib/date-range';
import type { ListParams } from '@/lib/list-params';
import { filterChips } from '../filter-chip-list';
import type { ListParamsPatch } from '../hooks/use-list-params';
import { DateFilter } from './filters/date-filter';
import { FacetFilters } from './filters/facet-filters';
import { SearchForm } from './search-form';
import { StatusFilter } from './status-filter';

interface ToolbarProps {
  params: ListParams;
  facets: CallFacets | null | undefined;
  update(patch: ListParamsPatch, options?: { replace?: boolean }): void;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** The search and the filters, which all combine: each one narrows what the others show. */
export function Toolbar({ params, facets, update, searchRef }: ToolbarProps) {
  // On a phone the filters fold into one button that says how many are on.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const active = filterChips(params, {
    facets,
    callerName: undefined,
    now: Date.now(),
    timeZone: viewerTimeZone(),
  }).filter((chip) => chip.key !== 'q' && chip.key !== 'search').length;
  return (
    <div className="flex flex-col gap-3">
      <SearchForm params={params} update={update} searchRef={searchRef} />
      <Button
        className="h-11 self-start sm:hidden"
        aria-expanded={filtersOpen}
        aria-controls={filtersId}
        onClick={() => setFiltersOpen((was) => !was)}
      >
        Filters ({active})
      </Button>
      <div
        id={filtersId}
        className={cn('flex flex-wrap items-center gap-2', !filtersOpen && 'max-sm:hidden')}
        role="group"
        aria-label="Filters"
      >
        <DateFilter params={params} update={update} />
        <FacetFilters params={params} facets={facets} update={update} />
        <StatusFilter params={params} update={update} />
      </div>
    </div>
  );
}
