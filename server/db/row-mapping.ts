import { parseTrataTimestamp, type Conversation } from '../../contract';

/** The indexed columns of a conversation: what filtering and sorting read. */
export interface ConversationColumns {
  id: string;
  doc: string;
  status: string | null;
  prospect_id: string | null;
  ts_start: number | null;
  ts_end: number | null;
  created_at: number | null;
  updated_at: number | null;
  duration: number | null;
  caller_name: string | null;
  sentiment: string | null;
  prospect_status: string | null;
}

/** The text the search reads, one FTS column per `search_by` field. */
export interface SearchText {
  id: string;
  prospectId: string;
  aiAgentId: string;
  status: string;
  sourceType: string;
  name_of_caller: string;
  phone_number_of_caller: string;
  email_address_of_caller: string;
  sentiment_of_caller: string;
  prospectStatus: string;
  transcript: string;
  summary: string;
}

export function toColumns(conversation: Conversation): ConversationColumns {
  const start = parseTrataTimestamp(conversation.timestampStart);
  const end = parseTrataTimestamp(conversation.timestampEnd);
  const analytics = conversation.conversationAnalytics;
  return {
    id: conversation.id,
    doc: JSON.stringify(conversation),
    status: conversation.status ?? null,
    prospect_id: conversation.prospectId ?? null,
    ts_start: start,
    ts_end: end,
    created_at: parseTrataTimestamp(conversation.createdAt),
    updated_at: parseTrataTimestamp(conversation.updatedAt),
    duration: start !== null && end !== null ? (end - start) / 1000 : null,
    caller_name: analytics?.name_of_caller ?? null,
    sentiment: analytics?.sentiment_of_caller ?? null,
    prospect_status: analytics?.prospectStatus ?? null,
  };
}

export function phoneDigits(value: string): string {
  return value.replace(/\D+/g, '');
}

export function toSearchText(conversation: Conversation): SearchText {
  const analytics = conversation.conversationAnalytics;
  return {
    id: conversation.id,
    prospectId: conversation.prospectId ?? '',
    aiAgentId: conversation.aiAgentId ?? '',
    status: conversation.status ?? '',
    sourceType: conversation.sourceType ?? '',
    name_of_caller: analytics?.name_of_caller ?? '',
    phone_number_of_caller: phoneDigits(analytics?.phone_number_of_caller ?? ''),
    email_address_of_caller: analytics?.email_address_of_caller ?? '',
    sentiment_of_caller: analytics?.sentiment_of_caller ?? '',
    prospectStatus: analytics?.prospectStatus ?? '',
    transcript: (conversation.transcriptText ?? [])
      .map((message) => message.message ?? '')
      .join('\n'),
    summary: [analytics?.summary, conversation.transcriptSummary].filter(Boolean).join('\n'),
  };
}
