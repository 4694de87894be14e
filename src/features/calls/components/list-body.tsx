import type { ConversationPage } from '@/lib/conversations-api';
import { hasFilters, type ListParams } from '@/lib/list-params';
import type { ListParamsPatch } from '../hooks/use-list-params';
import type { ListPreferences } from '../preferences';
import { DataTable } from './data-table';
import {
  EmptyState,
  NoCallsYet,
  PastEndState,
  SearchRuleNotice,
  TableSkeleton,
} from './list-states';

interface ListBodyProps {
  params: ListParams;
  page: ConversationPage | undefined;
  searchProblem: string | null;
  failed: boolean;
  /** The rows shown belong to other params, or a request for these is under way. */
  stale: boolean;
  updating: boolean;
  preferences: ListPreferences;
  update(patch: ListParamsPatch): void;
  clearFilters(): void;
}

/** The table, or the state that stands in for it: loading, a search too short, nothing to show. */
export function ListBody(props: ListBodyProps) {
  const { params, page, update, clearFilters } = props;
  if (props.searchProblem !== null) {
    return (
      <SearchRuleNotice
        problem={props.searchProblem}
        value={params.q ?? params.search_value ?? ''}
        onClear={() => update({ q: undefined, search_by: undefined, search_value: undefined })}
      />
    );
  }
  if (page === undefined) return props.failed ? null : <TableSkeleton rows={params.limit} />;
  if (page.rows.length === 0 && !props.stale) {
    if (params.skip > 0 && page.total !== 0) {
      return (
        <PastEndState total={page.total} limit={params.limit} goTo={(skip) => update({ skip })} />
      );
    }
    return hasFilters(params) ? <EmptyState onClear={clearFilters} /> : <NoCallsYet />;
  }
  return (
    <DataTable
      rows={page.rows}
      params={params}
      preferences={props.preferences}
      updating={props.updating}
      stale={props.stale}
      onSort={(sort_by, sort_order) => update({ sort_by, sort_order })}
    />
  );
}
