import { prospectStatusLabel, type CallFacets } from '@contract';
import { describeDateRange } from '@/lib/date-range';
import type { ListParams } from '@/lib/list-params';
import {
  agentLabel,
  CONSENT_LABELS,
  REVIEW_FILTER_LABELS,
  SENTIMENT_LABELS,
  sourceTypeLabel,
} from './facet-values';
import type { ListParamsPatch } from './hooks/use-list-params';
import { SEARCH_FIELD_LABELS } from './search-field-labels';

export interface FilterChip {
  key: string;
  /** What the chip says, and what its remove button names: "Sentiment: Negative". */
  label: string;
  /** The change that removes just this filter. */
  remove: ListParamsPatch;
}

export interface ChipContext {
  facets: CallFacets | null | undefined;
  /** The caller's name for a prospect search, once their record has loaded. */
  callerName: string | null | undefined;
  now: number;
  timeZone: string;
}

/** Every active filter as a chip, one per value, in the order the toolbar shows them. */
export function filterChips(params: ListParams, context: ChipContext): FilterChip[] {
  const chips: FilterChip[] = [];
  if (params.q) {
    chips.push({ key: 'q', label: `Search: ${params.q}`, remove: { q: undefined } });
  }
  if (params.search_by && params.search_value) {
    const value =
      params.search_by === 'prospectStatus'
        ? (prospectStatusLabel(params.search_value) ?? params.search_value)
        : params.search_value;
    chips.push({
      key: 'search',
      label:
        params.search_by === 'prospectId' && context.callerName
          ? `Caller: ${context.callerName}`
          : `${SEARCH_FIELD_LABELS[params.search_by]}: ${value}`,
      remove: { search_by: undefined, search_value: undefined },
    });
  }
  if (params.from || params.to) {
    const range = {
      ...(params.from ? { from: Date.parse(params.from) } : {}),
      ...(params.to ? { to: Date.parse(params.to) } : {}),
    };
    chips.push({
      key: 'date',
      label: `Date: ${describeDateRange(range, context.now, context.timeZone)}`,
      remove: { from: undefined, to: undefined },
    });
  }
  const sentiment = params.sentiment ?? [];
  for (const value of sentiment) {
    chips.push({
      key: `sentiment-${value}`,
      label: `Sentiment: ${SENTIMENT_LABELS[value]}`,
      remove: { sentiment: sentiment.filter((one) => one !== value) },
    });
  }
  const outcome = params.outcome ?? [];
  for (const value of outcome) {
    chips.push({
      key: `outcome-${value}`,
      label: `Outcome: ${prospectStatusLabel(value)}`,
      remove: { outcome: outcome.filter((one) => one !== value) },
    });
  }
  const agent = params.agent ?? [];
  for (const id of agent) {
    chips.push({
      key: `agent-${id}`,
      label: `Agent: ${agentLabel(context.facets, id)}`,
      remove: { agent: agent.filter((one) => one !== id) },
    });
  }
  if (params.consent) {
    chips.push({
      key: 'consent',
      label: `Consent: ${CONSENT_LABELS[params.consent]}`,
      remove: { consent: undefined },
    });
  }
  if (params.source_type) {
    chips.push({
      key: 'source',
      label: `Source: ${sourceTypeLabel(params.source_type)}`,
      remove: { source_type: undefined },
    });
  }
  const review = params.review ?? [];
  for (const value of review) {
    chips.push({
      key: `review-${value}`,
      label: `Review: ${REVIEW_FILTER_LABELS[value]}`,
      remove: { review: review.filter((one) => one !== value) },
    });
  }
  if (params.status) {
    chips.push({ key: 'status', label: `Status: ${params.status}`, remove: { status: undefined } });
  }
  return chips;
}
