import * as z from 'zod/mini';

/** One problem in a FastAPI 422 body. Clients accept extra keys (older FastAPI adds `url`). */
export const validationIssueSchema = z.looseObject({
  type: z.string(),
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  input: z.optional(z.unknown()),
  ctx: z.optional(z.record(z.string(), z.unknown())),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

/** FastAPI's error body: a sentence (401, 404, and the app server's 502/504) or a list of issues (422). */
export const apiErrorBodySchema = z.looseObject({
  detail: z.union([z.string(), z.array(validationIssueSchema)]),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

export const NOT_AUTHENTICATED = 'Not authenticated';
export const CONVERSATION_NOT_FOUND = 'Conversation not found';
