import * as z from 'zod/mini';
import { isTrataTimestamp } from './timestamps';

/**
 * The Conversation object of the Trata contract. The schema is deliberately tolerant of what
 * real data carries (nulls, missing analytics, unknown speakers or sentiments) and strict
 * about what would make a call impossible to show: no id, no usable start time, or fields of
 * the wrong shape.
 */

export const trataTimestamp = z
  .string()
  .check(z.refine(isTrataTimestamp, { message: 'Expected an ISO 8601 date-time' }));

export const transcriptMessageSchema = z.looseObject({
  speaker: z.nullish(z.string()),
  message: z.nullish(z.string()),
  timestamp: z.nullish(z.string()),
  message_id: z.nullish(z.string()),
});
export type TranscriptMessage = z.infer<typeof transcriptMessageSchema>;

export const conversationAnalyticsSchema = z.looseObject({
  summary: z.nullish(z.string()),
  action_items: z.nullish(z.array(z.string())),
  is_audio_consent_given: z.nullish(z.boolean()),
  email_address_of_caller: z.nullish(z.string()),
  name_of_caller: z.nullish(z.string()),
  phone_number_of_caller: z.nullish(z.string()),
  address_of_caller: z.nullish(z.string()),
  sentiment_of_caller: z.nullish(z.string()),
  prospectStatus: z.nullish(z.string()),
});
export type ConversationAnalytics = z.infer<typeof conversationAnalyticsSchema>;

export const adminCommentSchema = z.object({
  comment: z.string().check(z.maxLength(10_000)),
  rating: z.int().check(z.minimum(1), z.maximum(5)),
});
export type AdminComment = z.infer<typeof adminCommentSchema>;

export const conversationSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  orgId: z.nullish(z.string()),
  prospectId: z.nullish(z.string()),
  aiAgentId: z.nullish(z.string()),
  source: z.nullish(z.string()),
  sourceType: z.nullish(z.string()),
  // Trata documents the transcript as the message array or a string: a reference to a transcript
  // stored elsewhere, kept and returned as given.
  transcriptText: z.nullish(z.union([z.array(transcriptMessageSchema), z.string()])),
  transcriptSummary: z.nullish(z.string()),
  transcriptRecordingUrl: z.nullish(z.string()),
  timestampStart: trataTimestamp,
  timestampEnd: z.nullish(trataTimestamp),
  conversationAnalytics: z.nullish(conversationAnalyticsSchema),
  adminComments: z.nullish(z.array(adminCommentSchema)),
  status: z.nullish(z.string()),
  createdBy: z.nullish(z.string()),
  createdAt: z.nullish(z.string()),
  updatedBy: z.nullish(z.string()),
  updatedAt: z.nullish(z.string()),
});
export type Conversation = z.infer<typeof conversationSchema>;

/**
 * A conversation as a list shows it: everything checked but the transcript, which a page of long
 * calls carries by the thousand lines and no column reads. Whoever needs the transcript of a list
 * item checks it with `conversationSchema` first.
 */
export const conversationListItemSchema = z.extend(conversationSchema, {
  transcriptText: z.optional(z.unknown()),
});
export type ConversationListItem = z.infer<typeof conversationListItemSchema>;
