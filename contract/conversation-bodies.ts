import * as z from 'zod/mini';
import { adminCommentSchema, conversationSchema, trataTimestamp } from './conversation';

/**
 * The request bodies of `POST /v1/conversations` and `PUT /v1/conversations/{id}` as Trata
 * documents them: the agent is sent as `agentId` (stored and returned as `aiAgentId`), and
 * `transcriptText` is the message array or a string kept as given.
 */

function text(maxLength: number) {
  return z.string().check(z.maxLength(maxLength));
}

const transcriptTextSchema = conversationSchema.shape.transcriptText;

/** The documented fields both bodies take. */
const documentedFields = {
  source: z.optional(z.nullable(text(1_000))),
  sourceType: z.optional(z.nullable(text(64))),
  agentId: z.optional(z.nullable(text(200))),
  transcriptText: transcriptTextSchema,
  transcriptSummary: z.optional(z.nullable(text(100_000))),
  transcriptRecordingUrl: z.optional(z.nullable(text(4_000))),
  timestampStart: z.optional(trataTimestamp),
  timestampEnd: z.optional(z.nullable(trataTimestamp)),
  adminComments: z.optional(z.array(adminCommentSchema).check(z.maxLength(1_000))),
};

/**
 * The body of `PUT /v1/conversations/{id}`: any subset of the documented fields (and `status`).
 * Unknown keys are refused so that a typo never silently does nothing.
 */
export const conversationUpdateSchema = z.strictObject({
  ...documentedFields,
  status: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  conversationAnalytics: z.optional(
    z.strictObject({
      summary: z.optional(z.nullable(text(100_000))),
      action_items: z.optional(z.nullable(z.array(text(10_000)).check(z.maxLength(200)))),
      is_audio_consent_given: z.optional(z.nullable(z.boolean())),
      email_address_of_caller: z.optional(z.nullable(text(1_000))),
      name_of_caller: z.optional(z.nullable(text(1_000))),
      phone_number_of_caller: z.optional(z.nullable(text(100))),
      address_of_caller: z.optional(z.nullable(text(1_000))),
      sentiment_of_caller: z.optional(z.nullable(text(64))),
      prospectStatus: z.optional(z.nullable(text(64))),
    }),
  ),
});
export type ConversationUpdate = z.infer<typeof conversationUpdateSchema>;

/**
 * The body of `POST /v1/conversations`: a conversation as the API returns it (without its id,
 * which the server gives) or as Trata's reference sends it, with `agentId`.
 */
export const conversationCreateSchema = z.extend(conversationSchema, {
  ...documentedFields,
  id: z.optional(conversationSchema.shape.id),
  timestampStart: trataTimestamp,
});
export type ConversationCreate = z.infer<typeof conversationCreateSchema>;

/**
 * A body's fields as stored: `agentId` becomes `aiAgentId` (the type keeps the optional key, the
 * value never has it); nothing else is renamed.
 */
export function withStoredAgentId<T extends { agentId?: string | null }>(
  body: T,
): T & { aiAgentId?: string | null } {
  if (body.agentId === undefined) return body;
  const { agentId, ...rest } = body;
  return { ...rest, aiAgentId: agentId } as T & { aiAgentId?: string | null };
}
