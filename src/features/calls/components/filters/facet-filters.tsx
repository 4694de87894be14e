import type { CallFacets } from '@contract';
import { DisclosureMenu } from '@/components/ui/disclosure-menu';
import type { ListParams } from '@/lib/list-params';
import { useReviewerKnown } from '@/lib/reviewer-name';
import {
  agentOptions,
  consentOptions,
  outcomeOptions,
  reviewOptions,
  sentimentOptions,
  sourceTypeOptions,
  type FacetOptionList,
} from '../../facet-values';
import type { ListParamsPatch } from '../../hooks/use-list-params';
import { FacetOptions } from './facet-options';

interface FacetFiltersProps {
  params: ListParams;
  /** The counts of the page on screen; null while none has come. */
  facets: CallFacets | null | undefined;
  update(patch: ListParamsPatch): void;
}

/** The button's text: the facet, and its choice when one value is chosen, else how many. */
function menuLabel(name: string, options: FacetOptionList, selected: readonly string[]): string {
  if (selected.length === 0) return name;
  if (selected.length === 1) {
    return `${name}: ${options.find((option) => option.value === selected[0])?.label ?? selected[0]}`;
  }
  return `${name}: ${selected.length} selected`;
}

interface FacetMenuProps {
  name: string;
  options: FacetOptionList;
  selected: readonly string[];
  multiple: boolean;
  onChange(selected: string[]): void;
}

function FacetMenu({ name, options, selected, multiple, onChange }: FacetMenuProps) {
  return (
    <DisclosureMenu
      label={menuLabel(name, options, selected)}
      active={selected.length > 0}
      panelLabel={`${name} filter`}
    >
      <FacetOptions
        legend={name}
        options={options}
        selected={selected}
        multiple={multiple}
        onChange={onChange}
      />
    </DisclosureMenu>
  );
}

/**
 * Sentiment, outcome, agent, consent, source and review: each a menu whose values show their
 * counts where the server gives them.
 */
export function FacetFilters({ params, facets, update }: FacetFiltersProps) {
  const sentiment = params.sentiment ?? [];
  const outcome = params.outcome ?? [];
  const agent = params.agent ?? [];
  const review = params.review ?? [];
  const reviewerKnown = useReviewerKnown();
  return (
    <>
      <FacetMenu
        name="Sentiment"
        options={sentimentOptions(facets)}
        selected={sentiment}
        multiple
        onChange={(next) => update({ sentiment: next as typeof sentiment })}
      />
      <FacetMenu
        name="Outcome"
        options={outcomeOptions(facets)}
        selected={outcome}
        multiple
        onChange={(next) => update({ outcome: next as typeof outcome })}
      />
      <FacetMenu
        name="Agent"
        options={agentOptions(facets, agent)}
        selected={agent}
        multiple
        onChange={(next) => update({ agent: next })}
      />
      <FacetMenu
        name="Consent"
        options={consentOptions(facets)}
        selected={params.consent ? [params.consent] : []}
        multiple={false}
        onChange={([next]) => update({ consent: next as ListParams['consent'] })}
      />
      <FacetMenu
        name="Source"
        options={sourceTypeOptions(params.source_type)}
        selected={params.source_type ? [params.source_type] : []}
        multiple={false}
        onChange={([next]) => update({ source_type: next })}
      />
      <FacetMenu
        name="Review"
        options={reviewOptions(reviewerKnown, review)}
        selected={review}
        multiple
        onChange={(next) => update({ review: next as typeof review })}
      />
    </>
  );
}
