import type { RefObject } from 'react';
import type { ListParams } from '@/lib/list-params';
import type { ListParamsPatch } from '../hooks/use-list-params';
import { QuickFilters } from './quick-filters';
import { SearchForm } from './search-form';
import { StatusFilter } from './status-filter';

interface ToolbarProps {
  params: ListParams;
  update(patch: ListParamsPatch, options?: { replace?: boolean }): void;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** Search, status and one-click filters. */
export function Toolbar({ params, update, searchRef }: ToolbarProps) {
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-2">
        <SearchForm params={params} update={update} searchRef={searchRef} />
        <StatusFilter params={params} update={update} />
      </div>
      <QuickFilters params={params} update={update} />
    </div>
  );
}
