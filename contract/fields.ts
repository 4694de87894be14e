/**
 * The enumerations of the Trata contract (`scripts/contract-suite/trata-api.md`) and of the
 * project's own decisions where Trata is silent. Both the SPA and the server use them.
 */

export const SEARCH_BY_FIELDS = [
  'id',
  'prospectId',
  'aiAgentId',
  'status',
  'sourceType',
  'name_of_caller',
  'phone_number_of_caller',
  'email_address_of_caller',
  'sentiment_of_caller',
  'prospectStatus',
  'transcript',
  'summary',
] as const;
export type SearchByField = (typeof SEARCH_BY_FIELDS)[number];

/**
 * The shortest search the project's API answers: a trigram index cannot answer fewer characters
 * without scanning every row. A phone search counts digits alone.
 */
export const SEARCH_VALUE_MIN = 3;

/** Why the API would refuse this search, in plain words; null when it is long enough. */
export function searchValueProblem(field: SearchByField, value: string): string | null {
  if ([...value].length < SEARCH_VALUE_MIN) {
    return `A search needs at least ${SEARCH_VALUE_MIN} characters.`;
  }
  if (field === 'phone_number_of_caller' && value.replace(/\D/g, '').length < SEARCH_VALUE_MIN) {
    return `A phone search needs at least ${SEARCH_VALUE_MIN} digits.`;
  }
  return null;
}

export const SORT_BY_FIELDS = [
  'timestampStart',
  'timestampEnd',
  'createdAt',
  'updatedAt',
  'duration',
  'name_of_caller',
  'sentiment_of_caller',
  'prospectStatus',
] as const;
export type SortByField = (typeof SORT_BY_FIELDS)[number];

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const LIMIT_MIN = 1;
export const LIMIT_MAX = 100;
export const LIMIT_DEFAULT = 100;

export const PROSPECT_STATUSES = [
  'NEW',
  'GENERAL_ENQUIRY',
  'SCHEDULED_CALLBACK_WITH_BOT',
  'SCHEDULED_APPOINTMENT_WITH_PERSON',
  'SCHEDULED_APPOINTMENT_FOR_SERVICE',
  'NOT_INTERESTED',
  'PRODUCT_ORDER_PLACED',
  'SERVICE_ORDER_PLACED',
] as const;
export type ProspectStatus = (typeof PROSPECT_STATUSES)[number];

export const PROSPECT_STATUS_LABELS: Record<ProspectStatus, string> = {
  NEW: 'New',
  GENERAL_ENQUIRY: 'General enquiry',
  SCHEDULED_CALLBACK_WITH_BOT: 'Callback scheduled with AI',
  SCHEDULED_APPOINTMENT_WITH_PERSON: 'Appointment with a person',
  SCHEDULED_APPOINTMENT_FOR_SERVICE: 'Service appointment booked',
  NOT_INTERESTED: 'Not interested',
  PRODUCT_ORDER_PLACED: 'Product order placed',
  SERVICE_ORDER_PLACED: 'Service order placed',
};

/** Any other string from the upstream is shown as it is, never rejected. */
export function prospectStatusLabel(value: string | null | undefined): string | null {
  if (value == null || value === '') return null;
  return (PROSPECT_STATUS_LABELS as Record<string, string>)[value] ?? value;
}

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** The statuses the demo data uses; an upstream may send others. */
export const CONVERSATION_STATUSES = ['active', 'archived'] as const;

export const SPEAKER_AI = 'AI';
export const SPEAKER_USER = 'USER';
