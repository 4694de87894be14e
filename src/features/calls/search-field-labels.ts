import { SEARCH_BY_FIELDS, type SearchByField } from '@contract';

export const SEARCH_FIELD_LABELS: Record<SearchByField, string> = {
  transcript: 'Transcript',
  summary: 'Summary',
  name_of_caller: 'Caller name',
  phone_number_of_caller: 'Phone',
  email_address_of_caller: 'Email',
  id: 'Call id',
  prospectId: 'Prospect id',
  aiAgentId: 'Agent id',
  status: 'Status',
  sourceType: 'Source type',
  sentiment_of_caller: 'Sentiment',
  prospectStatus: 'Prospect status',
};

/** The fields the search box offers; sentiment and prospect status have buttons of their own. */
export const TEXT_SEARCH_FIELDS: readonly SearchByField[] = SEARCH_BY_FIELDS.filter(
  (field) => field !== 'sentiment_of_caller' && field !== 'prospectStatus',
);

export const isTextSearchField = (field: SearchByField | undefined): field is SearchByField =>
  field !== undefined && TEXT_SEARCH_FIELDS.includes(field);
