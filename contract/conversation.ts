import { z } from 'zod';
import { isTrataTimestamp } from './timestamps';

/**
 * The Conversation object of the Trata contract. The schema is deliberately tolerant of what
 * real data carries (nulls, missing analytics, unknown speakers or sentiments) and strict
 * about what would make a call impossible to show: no id, no usable start time, or fields of
 * the wrong shape.
 */

const trataTimestamp = z.string().refine(isTrataTimestamp, {
  message: 'Expected an ISO 8601 date-time',
});

export const transcriptMessageSchema = z.looseObject({
  speaker: z.string().nullish(),
  message: z.string().nullish(),
  timestamp: z.string().nullish(),
  message_id: z.string().nullish(),
});
export type TranscriptMessage = z.infer<typeof transcriptMessageSchema>;

export const conversationAnalyticsSchema = z.looseObject({
  summary: z.string().nullish(),
  action_items: z.array(z.string()).nullish(),
  is_audio_consent_given: z.boolean().nullish(),
  email_address_of_caller: z.string().nullish(),
  name_of_caller: z.string().nullish(),
  phone_number_of_caller: z.string().nullish(),
  address_of_caller: z.string().nullish(),
  sentiment_of_caller: z.string().nullish(),
  prospectStatus: z.string().nullish(),
});
export type ConversationAnalytics = z.infer<typeof conversationAnalyticsSchema>;

export const adminCommentSchema = z.object({
  comment: z.string().max(10_000),
  rating: z.int().min(1).max(5),
});
export type AdminComment = z.infer<typeof adminCommentSchema>;

export const conversationSchema = z.looseObject({
  id: z.string().min(1),
  orgId: z.string().nullish(),
  prospectId: z.string().nullish(),
  aiAgentId: z.string().nullish(),
  source: z.string().nullish(),
  sourceType: z.string().nullish(),
  transcriptText: z.array(transcriptMessageSchema).nullish(),
  transcriptSummary: z.string().nullish(),
  transcriptRecordingUrl: z.string().nullish(),
  timestampStart: trataTimestamp,
  timestampEnd: trataTimestamp.nullish(),
  conversationAnalytics: conversationAnalyticsSchema.nullish(),
  adminComments: z.array(adminCommentSchema).nullish(),
  status: z.string().nullish(),
  createdBy: z.string().nullish(),
  createdAt: z.string().nullish(),
  updatedBy: z.string().nullish(),
  updatedAt: z.string().nullish(),
});
export type Conversation = z.infer<typeof conversationSchema>;

/**
 * The body of `PUT /v1/conversations/{id}`. Every key is optional; unknown keys are refused so
 * that a typo never silently does nothing.
 */
export const conversationUpdateSchema = z.strictObject({
  status: z.string().min(1).max(64).optional(),
  transcriptSummary: z.string().max(100_000).optional(),
  conversationAnalytics: z
    .strictObject({
      summary: z.string().max(100_000).nullable().optional(),
      action_items: z.array(z.string().max(10_000)).max(200).nullable().optional(),
      is_audio_consent_given: z.boolean().nullable().optional(),
      email_address_of_caller: z.string().max(1_000).nullable().optional(),
      name_of_caller: z.string().max(1_000).nullable().optional(),
      phone_number_of_caller: z.string().max(100).nullable().optional(),
      address_of_caller: z.string().max(1_000).nullable().optional(),
      sentiment_of_caller: z.string().max(64).nullable().optional(),
      prospectStatus: z.string().max(64).nullable().optional(),
    })
    .optional(),
  adminComments: z.array(adminCommentSchema).max(1_000).optional(),
});
export type ConversationUpdate = z.infer<typeof conversationUpdateSchema>;
