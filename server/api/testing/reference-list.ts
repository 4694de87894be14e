import {
  parseTrataTimestamp,
  transcriptMessages,
  type Conversation,
  type SearchByField,
  type SortByField,
  type SortOrder,
} from '../../../contract';
import { phoneSearchNeedle, phoneSearchText } from '../../db/phone-search';

/**
 * A plain in-memory implementation of the list endpoint, written from the contract and not from
 * the SQL, for property tests to compare against.
 */
export interface ReferenceQuery {
  search_by?: SearchByField;
  search_value?: string;
  status?: string;
  sort_by?: SortByField;
  sort_order?: SortOrder;
  skip?: number;
  limit?: number;
}

function fieldText(conversation: Conversation, field: SearchByField): string {
  const analytics = conversation.conversationAnalytics ?? {};
  switch (field) {
    case 'transcript':
      return transcriptMessages(conversation)
        .map((message) => message.message ?? '')
        .join('\n');
    case 'summary':
      return [analytics.summary, conversation.transcriptSummary].filter(Boolean).join('\n');
    case 'id':
    case 'prospectId':
    case 'aiAgentId':
    case 'status':
    case 'sourceType':
      return conversation[field] ?? '';
    default:
      return analytics[field] ?? '';
  }
}

function matches(conversation: Conversation, field: SearchByField, value: string): boolean {
  if (field === 'phone_number_of_caller') {
    // The number given, or a phone call's caller ID, in every digit form (the demo API's rule).
    return phoneSearchText(conversation).includes(phoneSearchNeedle(value));
  }
  return fieldText(conversation, field).toLowerCase().includes(value.toLowerCase());
}

type SortValue = number | string | null;

function sortValue(conversation: Conversation, field: SortByField): SortValue {
  const analytics = conversation.conversationAnalytics ?? {};
  switch (field) {
    case 'timestampStart':
    case 'timestampEnd':
    case 'createdAt':
    case 'updatedAt':
      return parseTrataTimestamp(conversation[field]);
    case 'duration': {
      const start = parseTrataTimestamp(conversation.timestampStart);
      const end = parseTrataTimestamp(conversation.timestampEnd);
      return start === null || end === null ? null : (end - start) / 1000;
    }
    case 'name_of_caller':
      return analytics.name_of_caller?.replace(/[A-Z]/g, (c) => c.toLowerCase()) ?? null;
    default:
      return analytics[field] ?? null;
  }
}

/** SQLite order: NULL first, numbers numerically, text by its UTF-8 bytes. */
function compareValues(a: SortValue, b: SortValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)));
}

export function referenceList(all: readonly Conversation[], query: ReferenceQuery) {
  let rows = all.filter(
    (conversation) => query.status === undefined || conversation.status === query.status,
  );
  if (query.search_by && query.search_value !== undefined) {
    rows = rows.filter((conversation) =>
      matches(conversation, query.search_by!, query.search_value!),
    );
  }
  const field = query.sort_by ?? 'timestampStart';
  const sign = query.sort_order === 'desc' ? -1 : 1;
  const sorted = [...rows].sort(
    (a, b) =>
      sign *
      (compareValues(sortValue(a, field), sortValue(b, field)) ||
        Buffer.compare(Buffer.from(a.id), Buffer.from(b.id))),
  );
  const skip = query.skip ?? 0;
  return { items: sorted.slice(skip, skip + (query.limit ?? 100)), total: rows.length };
}
