import {
  actionItemCheckSchema,
  callDeliverySchema,
  reviewCommentSchema,
  reviewSchema,
  type ActionItemCheck,
  type CallDelivery,
  type Review,
  type ReviewComment,
  type ReviewStatus,
} from '@contract';
import { apiRequest } from '@/lib/api-client';
import { reviewPath } from './get-review';
import { reviewerHeaders } from '@/lib/reviewer-name';

const callPath = (callId: string) => `/api/calls/${encodeURIComponent(callId)}`;
const commentPath = (callId: string, commentId: string) =>
  `${callPath(callId)}/comments/${encodeURIComponent(commentId)}`;

export interface ReviewChange {
  rating?: number;
  status?: ReviewStatus;
  followUpReason?: string | null;
}

/** `PUT …/review`: my rating and/or status. */
export async function putReview(
  callId: string,
  reviewer: string | null,
  change: ReviewChange,
): Promise<Review> {
  const { data } = await apiRequest(reviewPath(callId), {
    method: 'PUT',
    headers: reviewerHeaders(reviewer),
    body: {
      ...(change.rating !== undefined ? { rating: change.rating } : {}),
      ...(change.status !== undefined ? { status: change.status } : {}),
      ...(change.followUpReason !== undefined ? { follow_up_reason: change.followUpReason } : {}),
    },
  });
  return reviewSchema.parse(data);
}

export interface NewComment {
  text: string;
  atSeconds: number | null;
}

export async function postComment(
  callId: string,
  reviewer: string | null,
  comment: NewComment,
): Promise<ReviewComment> {
  const { data } = await apiRequest(`${callPath(callId)}/comments`, {
    method: 'POST',
    headers: reviewerHeaders(reviewer),
    body: { text: comment.text, at_seconds: comment.atSeconds },
  });
  return reviewCommentSchema.parse(data);
}

export interface CommentEdit {
  id: string;
  text: string;
  /** The version the edit was made on: a newer one on the server is a 409, not an overwrite. */
  version: number;
}

export async function patchComment(
  callId: string,
  reviewer: string | null,
  edit: CommentEdit,
): Promise<ReviewComment> {
  const { data } = await apiRequest(commentPath(callId, edit.id), {
    method: 'PATCH',
    headers: reviewerHeaders(reviewer),
    body: { text: edit.text, version: edit.version },
  });
  return reviewCommentSchema.parse(data);
}

export async function deleteComment(
  callId: string,
  reviewer: string | null,
  comment: { id: string; version: number },
): Promise<void> {
  await apiRequest(`${commentPath(callId, comment.id)}?version=${comment.version}`, {
    method: 'DELETE',
    headers: reviewerHeaders(reviewer),
  });
}

export async function putActionItem(
  callId: string,
  reviewer: string | null,
  item: { index: number; checked: boolean },
): Promise<ActionItemCheck> {
  const { data } = await apiRequest(`${callPath(callId)}/action-items/${item.index}`, {
    method: 'PUT',
    headers: reviewerHeaders(reviewer),
    body: { checked: item.checked },
  });
  return actionItemCheckSchema.parse(data);
}

export async function retryDelivery(callId: string): Promise<CallDelivery> {
  const { data } = await apiRequest(`${reviewPath(callId)}/delivery/retry`, { method: 'POST' });
  return callDeliverySchema.parse(data);
}
