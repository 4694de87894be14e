import * as z from 'zod/mini';

/**
 * QA review of a call, stored in Callscope's index: per reviewer a rating and a status, comments
 * (on the whole call or at a moment), checked action items, and the history of every change.
 * Each reviewer's verdict is written through to Trata's `adminComments` by an outbox.
 */

export const REVIEW_STATUSES = ['to_review', 'reviewed', 'follow_up'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * `GET /api/calls?review=…`: a call's review state, `rated` (calls with at least one rating: the
 * calls a mean rating is taken over) or `mine` (calls I reviewed).
 */
export const REVIEW_FILTERS = [...REVIEW_STATUSES, 'rated', 'mine'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export const COMMENT_TEXT_MAX = 5_000;
export const FOLLOW_UP_REASON_MAX = 500;
export const REVIEWER_NAME_MAX = 80;

/**
 * Without sign-in, the browser says who reviews in this header: the display name the person
 * typed, percent-encoded as UTF-8 (`encodeURIComponent`), since header values are bytes. With
 * sign-in the signed-in user is the reviewer and the header is ignored.
 */
export const REVIEWER_HEADER = 'x-callscope-reviewer';

// eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A reviewer's name as stored: trimmed, 1–80 characters, no control characters. */
export function checkReviewerName(raw: string): string | null {
  const name = raw.trim();
  const length = [...name].length;
  if (length < 1 || length > REVIEWER_NAME_MAX || CONTROL.test(name)) return null;
  return name;
}

export function encodeReviewerName(name: string): string {
  return encodeURIComponent(name);
}

/** The name a header carries, or null when it is not valid percent-encoded UTF-8 or no name. */
export function decodeReviewerName(header: string): string | null {
  try {
    return checkReviewerName(decodeURIComponent(header));
  } catch {
    return null;
  }
}

const rating = z.int().check(z.minimum(1), z.maximum(5));
const version = z.int().check(z.minimum(1));
const instant = z.string();

export const reviewSchema = z.object({
  reviewer: z.string(),
  rating: z.nullable(rating),
  status: z.enum(REVIEW_STATUSES),
  followUpReason: z.nullable(z.string()),
  version,
  createdAt: instant,
  updatedAt: instant,
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewCommentSchema = z.object({
  id: z.string(),
  author: z.string(),
  text: z.string(),
  /** Seconds into the recording, or null for a comment on the whole call. */
  atSeconds: z.nullable(z.number()),
  version,
  createdAt: instant,
  updatedAt: instant,
});
export type ReviewComment = z.infer<typeof reviewCommentSchema>;

export const HISTORY_KINDS = [
  'rating',
  'status',
  'follow_up_reason',
  'comment_added',
  'comment_edited',
  'comment_moved',
  'comment_deleted',
  'action_item',
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

const historyValue = z.nullable(z.union([z.string(), z.number(), z.boolean()]));

/** One change: who, what (the value before and after), when. Newest first in a review. */
export const historyEntrySchema = z.object({
  id: z.number(),
  at: instant,
  actor: z.string(),
  kind: z.enum(HISTORY_KINDS),
  /** The comment's id or the action item's index the change is about. */
  target: z.nullable(z.string()),
  from: historyValue,
  to: historyValue,
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const actionItemCheckSchema = z.object({
  index: z.int(),
  /** The item's text when it was checked: the analytics may be rewritten by a later sync. */
  text: z.string(),
  checked: z.boolean(),
  by: z.string(),
  at: instant,
});
export type ActionItemCheck = z.infer<typeof actionItemCheckSchema>;

export const DELIVERY_STATES = ['none', 'saved', 'pending', 'sent', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * Where one reviewer's verdict stands on the way to Trata: `saved` in Callscope only (nothing to
 * send yet: a verdict needs a rating), `pending` (queued or retrying, with why), `sent`, or
 * `failed` (Trata refused it for good, with why; the retry route queues it again).
 */
export const reviewerDeliverySchema = z.object({
  reviewer: z.string(),
  state: z.enum(DELIVERY_STATES),
  reason: z.nullable(z.string()),
  attempts: z.number(),
  nextAttemptAt: z.nullable(instant),
  sentAt: z.nullable(instant),
});
export type ReviewerDelivery = z.infer<typeof reviewerDeliverySchema>;

/** The call's delivery: the most pressing of its reviewers' (failed, pending, sent, saved). */
export const callDeliverySchema = z.object({
  state: z.enum(DELIVERY_STATES),
  reason: z.nullable(z.string()),
  reviewers: z.array(reviewerDeliverySchema),
});
export type CallDelivery = z.infer<typeof callDeliverySchema>;

/** `GET /api/calls/{id}/review`. */
export const callReviewSchema = z.object({
  reviews: z.array(reviewSchema),
  comments: z.array(reviewCommentSchema),
  history: z.array(historyEntrySchema),
  actionItems: z.array(actionItemCheckSchema),
  delivery: callDeliverySchema,
  /** The name the server knows the requester by, or null (no sign-in and no name sent). */
  me: z.nullable(z.string()),
});
export type CallReview = z.infer<typeof callReviewSchema>;

/** `PUT /api/calls/{id}/review`: my rating and/or status; `version` makes it conditional. */
export const reviewUpdateSchema = z.strictObject({
  rating: z.optional(rating),
  status: z.optional(z.enum(REVIEW_STATUSES)),
  follow_up_reason: z.optional(z.nullable(z.string().check(z.maxLength(FOLLOW_UP_REASON_MAX)))),
  version: z.optional(version),
});
export type ReviewUpdate = z.infer<typeof reviewUpdateSchema>;

const commentText = z.string().check(
  z.maxLength(COMMENT_TEXT_MAX * 4),
  z.refine((text) => text.trim().length >= 1, { message: 'Comment text is empty' }),
  z.refine((text) => [...text.trim()].length <= COMMENT_TEXT_MAX, {
    message: `Comment text should have at most ${COMMENT_TEXT_MAX} characters`,
  }),
);
const atSeconds = z.nullable(z.number().check(z.minimum(0)));

/** `POST /api/calls/{id}/comments`. */
export const commentCreateSchema = z.strictObject({
  text: commentText,
  at_seconds: z.optional(atSeconds),
});
export type CommentCreate = z.infer<typeof commentCreateSchema>;

/** `PATCH /api/calls/{id}/comments/{commentId}`; a stale `version` is a 409. */
export const commentUpdateSchema = z.strictObject({
  text: z.optional(commentText),
  at_seconds: z.optional(atSeconds),
  version: z.optional(version),
});
export type CommentUpdate = z.infer<typeof commentUpdateSchema>;

/** `PUT /api/calls/{id}/action-items/{index}`. */
export const actionItemUpdateSchema = z.strictObject({ checked: z.boolean() });

/** A review summary per list row (`GET /api/calls` items, when the index has reviews). */
export const callReviewSummarySchema = z.object({
  state: z.enum(REVIEW_STATUSES),
  reviewers: z.number(),
  averageRating: z.nullable(z.number()),
  comments: z.number(),
  myRating: z.nullable(rating),
  myStatus: z.nullable(z.enum(REVIEW_STATUSES)),
});
export type CallReviewSummary = z.infer<typeof callReviewSummarySchema>;

/** A 409's body: a sentence, and the thing as it now stands so the client can show it. */
export const reviewConflictSchema = z.looseObject({
  detail: z.string(),
  current: z.unknown(),
});
