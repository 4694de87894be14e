import { parseTrataTimestamp, transcriptMessages, type Conversation } from '../../contract';
import { phoneSearchText } from './phone-search';

/** One conversation as the tables store it (see `schema.ts`). */
export interface ConversationRow {
  id: string;
  status: string | null;
  source_type: string | null;
  prospect_id: string | null;
  ts_start: number | null;
  ts_end: number | null;
  created_at: number | null;
  updated_at: number | null;
  duration: number | null;
  caller_name: string | null;
  sentiment: string | null;
  prospect_status: string | null;
  id_l: string;
  prospect_l: string;
  agent_l: string;
  name_l: string;
  phone_d: string;
  email_l: string;
  doc: string;
  transcript_l: string;
  summary_l: string;
}

/** The low-cardinality fields whose exact counts `value_counts` keeps, and their columns. */
export const COUNTED_FIELDS = {
  status: 'status',
  sourceType: 'source_type',
  sentiment_of_caller: 'sentiment',
  prospectStatus: 'prospect_status',
} as const;
export type CountedField = keyof typeof COUNTED_FIELDS;

/** `value_counts` keys are NOT NULL; a missing value is stored under NUL, which no query can send. */
export const NULL_KEY = '\u0000';

/** Search folds case the way the reference does: JavaScript's `toLowerCase`. */
export const fold = (text: string): string => text.toLowerCase();

export function transcriptText(conversation: Conversation): string {
  return transcriptMessages(conversation)
    .map((message) => message.message ?? '')
    .join('\n');
}

export function summaryText(conversation: Conversation): string {
  const analytics = conversation.conversationAnalytics;
  return [analytics?.summary, conversation.transcriptSummary].filter(Boolean).join('\n');
}

export function toRow(conversation: Conversation): ConversationRow {
  const start = parseTrataTimestamp(conversation.timestampStart);
  const end = parseTrataTimestamp(conversation.timestampEnd);
  const analytics = conversation.conversationAnalytics;
  return {
    id: conversation.id,
    status: conversation.status ?? null,
    source_type: conversation.sourceType ?? null,
    prospect_id: conversation.prospectId ?? null,
    ts_start: start,
    ts_end: end,
    created_at: parseTrataTimestamp(conversation.createdAt),
    updated_at: parseTrataTimestamp(conversation.updatedAt),
    duration: start !== null && end !== null ? (end - start) / 1000 : null,
    caller_name: analytics?.name_of_caller ?? null,
    sentiment: analytics?.sentiment_of_caller ?? null,
    prospect_status: analytics?.prospectStatus ?? null,
    id_l: fold(conversation.id),
    prospect_l: fold(conversation.prospectId ?? ''),
    agent_l: fold(conversation.aiAgentId ?? ''),
    name_l: fold(analytics?.name_of_caller ?? ''),
    phone_d: phoneSearchText(conversation),
    email_l: fold(analytics?.email_address_of_caller ?? ''),
    doc: JSON.stringify(conversation),
    transcript_l: fold(transcriptText(conversation)),
    summary_l: fold(summaryText(conversation)),
  };
}

/** The (field, value, status) keys a row adds to `value_counts`. */
export function countKeys(row: ConversationRow): string[] {
  const status = row.status ?? NULL_KEY;
  return (Object.keys(COUNTED_FIELDS) as CountedField[]).map(
    (field) => `${field}\u0001${row[COUNTED_FIELDS[field]] ?? NULL_KEY}\u0001${status}`,
  );
}
