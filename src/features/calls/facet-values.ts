import {
  CONSENT_VALUES,
  PROSPECT_STATUS_LABELS,
  PROSPECT_STATUSES,
  REVIEW_FILTERS,
  SENTIMENTS,
  type CallFacets,
  type ConsentValue,
  type ReviewFilter,
} from '@contract';
export interface FacetOption {
  value: string;
  label: string;
  /** Calls with this value under the other filters; null when unknown. */
  count: number | null;
}

export type FacetOptionList = readonly FacetOption[];

/** Outcomes, the most decisive first. */
const OUTCOMES = [...PROSPECT_STATUSES].reverse();

export const SENTIMENT_LABELS: Record<(typeof SENTIMENTS)[number], string> = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
};

export const CONSENT_LABELS: Record<ConsentValue, string> = {
  given: 'Given',
  missing: 'Missing',
};

export const REVIEW_FILTER_LABELS: Record<ReviewFilter, string> = {
  to_review: 'To review',
  reviewed: 'Reviewed',
  follow_up: 'Needs follow-up',
  rated: 'Rated',
  mine: 'Reviewed by me',
};

/**
 * Review states (any of them) and "mine". The server gives no counts for them. "Mine" needs the
 * reviewer's name, so it is offered once this browser knows one (or when a link asks for it).
 */
export function reviewOptions(hasName: boolean, selected: readonly string[]): FacetOption[] {
  return REVIEW_FILTERS.filter(
    (value) => value !== 'mine' || hasName || selected.includes(value),
  ).map((value) => ({ value, label: REVIEW_FILTER_LABELS[value], count: null }));
}

/** The source types the demo API and Trata's example use; a link may name another. */
export const SOURCE_TYPE_LABELS: Record<string, string> = { PHONE: 'Phone', BROWSER: 'Browser' };

export const sourceTypeLabel = (value: string) => SOURCE_TYPE_LABELS[value] ?? value;

const countOf = (counts: Record<string, number> | undefined, value: string) =>
  counts ? (counts[value] ?? 0) : null;

export function sentimentOptions(facets: CallFacets | null | undefined): FacetOption[] {
  return SENTIMENTS.map((value) => ({
    value,
    label: SENTIMENT_LABELS[value],
    count: countOf(facets?.sentiment, value),
  }));
}

export function outcomeOptions(facets: CallFacets | null | undefined): FacetOption[] {
  return OUTCOMES.map((value) => ({
    value,
    label: PROSPECT_STATUS_LABELS[value],
    count: countOf(facets?.outcome, value),
  }));
}

export function consentOptions(facets: CallFacets | null | undefined): FacetOption[] {
  return CONSENT_VALUES.map((value) => ({
    value,
    label: CONSENT_LABELS[value],
    count: facets ? facets.consent[value] : null,
  }));
}

/**
 * Agents by name, the busiest first. A chosen agent the counts do not list (none of its calls
 * match the other filters) stays on the list with its id, so it can be unticked.
 */
export function agentOptions(
  facets: CallFacets | null | undefined,
  selected: readonly string[],
): FacetOption[] {
  const listed = [...(facets?.agent ?? [])]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .map((agent) => ({ value: agent.id, label: agent.name || agent.id, count: agent.count }));
  const missing = selected
    .filter((id) => !listed.some((agent) => agent.value === id))
    .map((id) => ({ value: id, label: id, count: facets ? 0 : null }));
  return [...listed, ...missing];
}

export function sourceTypeOptions(current: string | undefined): FacetOption[] {
  const values = Object.keys(SOURCE_TYPE_LABELS);
  if (current && !values.includes(current)) values.push(current);
  return values.map((value) => ({ value, label: sourceTypeLabel(value), count: null }));
}

/** The agent's name as the counts give it, else its id. */
export function agentLabel(facets: CallFacets | null | undefined, id: string): string {
  return facets?.agent.find((agent) => agent.id === id)?.name || id;
}
