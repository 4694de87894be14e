import {
  PROSPECT_STATUS_LABELS,
  PROSPECT_STATUSES,
  SENTIMENTS,
  type SearchByField,
} from '@contract';
import { Button } from '@/components/ui/button';
import type { ListParams } from '@/lib/list-params';
import type { ListParamsPatch } from '../hooks/use-list-params';

interface QuickFiltersProps {
  params: ListParams;
  update(patch: ListParamsPatch): void;
}

/** Outcomes, the most decisive first. */
const OUTCOMES = [...PROSPECT_STATUSES].reverse();

/**
 * One-click sentiment and outcome filters. The API takes one search at a time, so one of these
 * replaces a text search (the chips show which one is active).
 */
export function QuickFilters({ params, update }: QuickFiltersProps) {
  const isActive = (by: SearchByField, value: string) =>
    params.search_by === by && params.search_value === value;
  const toggle = (by: SearchByField, value: string) =>
    update(
      isActive(by, value)
        ? { search_by: undefined, search_value: undefined }
        : { search_by: by, search_value: value },
    );
  return (
    <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Quick filters">
      <span className="mr-1 text-xs font-medium text-slate-600">Sentiment</span>
      {SENTIMENTS.map((sentiment) => (
        <Button
          key={sentiment}
          size="sm"
          variant="chip"
          aria-pressed={isActive('sentiment_of_caller', sentiment)}
          onClick={() => toggle('sentiment_of_caller', sentiment)}
          className="capitalize"
        >
          {sentiment}
        </Button>
      ))}
      <span className="mr-1 ml-3 text-xs font-medium text-slate-600">Outcome</span>
      {OUTCOMES.map((status) => (
        <Button
          key={status}
          size="sm"
          variant="chip"
          aria-pressed={isActive('prospectStatus', status)}
          onClick={() => toggle('prospectStatus', status)}
        >
          {PROSPECT_STATUS_LABELS[status]}
        </Button>
      ))}
    </div>
  );
}
