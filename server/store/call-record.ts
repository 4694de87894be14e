import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  callerPhoneOf,
  countSlowAnswers,
  parseTrataTimestamp,
  type CallListItem,
  type Conversation,
} from '../../contract';
import { phoneSearchText } from '../db/phone-search';
import { fold, summaryText, transcriptText } from '../db/row-mapping';

/** A list row's summary is cut here: a page of 50 rows stays a few KB. */
export const ITEM_SUMMARY_MAX = 280;
/**
 * Separates fields inside the free-text column. `q` refuses control characters, so no needle
 * can match across two fields.
 */
export const FIELD_SEPARATOR = '\u0001';

/** One conversation as every backend stores it: the columns filters and sorts read, and texts. */
export interface CallRecord {
  id: string;
  status: string | null;
  sourceType: string | null;
  agentId: string | null;
  prospectId: string | null;
  tsStart: number | null;
  tsEnd: number | null;
  createdAt: number | null;
  updatedAt: number | null;
  duration: number | null;
  callerName: string | null;
  sentiment: string | null;
  prospectStatus: string | null;
  /** 1 when consent was given; 0 when refused or unknown. */
  consent: 0 | 1;
  /** AI answers slower than 3 s, counted once here rather than on every insights request. */
  slowAnswers: number;
  /** Folded copies for `search_by` on the short fields. */
  idL: string;
  prospectL: string;
  agentL: string;
  nameL: string;
  phoneD: string;
  emailL: string;
  summaryL: string;
  transcriptL: string;
  /** Caller fields, summary and transcript, folded and separated: what `q` searches. */
  searchL: string;
  /** The list row, without the agent's name (joined at read time). */
  item: string;
  doc: string;
  /** Tells a changed document from one already stored: a sweep rewrites only changed calls. */
  docHash: string;
  /**
   * `doc` deflated, for a backend that stores it as bytes: a conversation is mostly transcript,
   * and shrinks about 3× (the index's largest part, and most of what a backfill writes).
   */
  docPacked: Uint8Array;
}

export function toCallRecord(conversation: Conversation): CallRecord {
  const doc = JSON.stringify(conversation);
  const analytics = conversation.conversationAnalytics ?? {};
  const start = parseTrataTimestamp(conversation.timestampStart);
  const end = parseTrataTimestamp(conversation.timestampEnd);
  const duration = start !== null && end !== null ? (end - start) / 1000 : null;
  const summary = analytics.summary ?? conversation.transcriptSummary ?? null;
  const phone = analytics.phone_number_of_caller ?? '';
  // The list shows the caller ID when the caller gave no number, as the call page does.
  const shownPhone = callerPhoneOf(conversation);
  // Parsing a number is the costliest step here: once per record.
  const phoneD = phoneSearchText(conversation);
  const summaryL = fold(summaryText(conversation));
  const transcriptL = fold(transcriptText(conversation));
  const item: Omit<CallListItem, 'agentName'> = {
    id: conversation.id,
    timestampStart: conversation.timestampStart ?? null,
    timestampEnd: conversation.timestampEnd ?? null,
    durationSeconds: duration,
    callerName: analytics.name_of_caller ?? null,
    callerPhone: shownPhone?.number ?? analytics.phone_number_of_caller ?? null,
    callerPhoneOrigin: shownPhone?.origin ?? null,
    sentiment: analytics.sentiment_of_caller ?? null,
    prospectStatus: analytics.prospectStatus ?? null,
    consentGiven: analytics.is_audio_consent_given ?? null,
    summary: summary === null ? null : [...summary].slice(0, ITEM_SUMMARY_MAX).join(''),
    status: conversation.status ?? null,
    sourceType: conversation.sourceType ?? null,
    agentId: conversation.aiAgentId ?? null,
  };
  return {
    id: conversation.id,
    status: conversation.status ?? null,
    sourceType: conversation.sourceType ?? null,
    agentId: conversation.aiAgentId ?? null,
    prospectId: conversation.prospectId ?? null,
    tsStart: start,
    tsEnd: end,
    createdAt: parseTrataTimestamp(conversation.createdAt),
    updatedAt: parseTrataTimestamp(conversation.updatedAt),
    duration,
    callerName: analytics.name_of_caller ?? null,
    sentiment: analytics.sentiment_of_caller ?? null,
    prospectStatus: analytics.prospectStatus ?? null,
    consent: analytics.is_audio_consent_given === true ? 1 : 0,
    slowAnswers: countSlowAnswers(conversation),
    idL: fold(conversation.id),
    prospectL: fold(conversation.prospectId ?? ''),
    agentL: fold(conversation.aiAgentId ?? ''),
    nameL: fold(analytics.name_of_caller ?? ''),
    phoneD,
    emailL: fold(analytics.email_address_of_caller ?? ''),
    summaryL,
    transcriptL,
    // Transcript first and summary second: the store reads each back by its length.
    searchL: [
      transcriptL,
      summaryL,
      fold(analytics.name_of_caller ?? ''),
      fold(phone),
      phoneD,
      fold(analytics.email_address_of_caller ?? ''),
    ].join(FIELD_SEPARATOR),
    item: JSON.stringify(item),
    doc,
    docHash: createHash('sha1').update(doc).digest('base64'),
    // A copy the size of its bytes: zlib's result shares a larger buffer, which a worker
    // thread's message would copy whole.
    docPacked: new Uint8Array(deflateRawSync(doc, { level: 1 })),
  };
}

/** A stored document as text, whether it was stored packed (`docPacked`) or as text. */
export const unpackDoc = (stored: string | Uint8Array): string =>
  typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8');
