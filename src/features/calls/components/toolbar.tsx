import type { RefObject } from 'react';
import type { CallFacets } from '@contract';
import type { ListParams } from '@/lib/list-params';
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
  return (
    <div className="flex flex-col gap-3">
      <SearchForm params={params} update={update} searchRef={searchRef} />
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
        <DateFilter params={params} update={update} />
        <FacetFilters params={params} facets={facets} update={update} />
        <StatusFilter params={params} update={update} />
      </div>
    </div>
  );
}
