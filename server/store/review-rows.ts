import type { Review, ReviewComment, ReviewStatus } from '../../contract';

/** Rows of the review tables as either backend returns them, and their shapes in the contract. */
export interface ReviewRow {
  reviewer: string;
  rating: number | null;
  status: ReviewStatus;
  follow_up_reason: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface CommentRow {
  id: string;
  author: string;
  text: string;
  at_seconds: number | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export type Scalar = string | number | boolean | null;

export const iso = (ms: number) => new Date(ms).toISOString();

export const toReview = (row: ReviewRow): Review => ({
  reviewer: row.reviewer,
  rating: row.rating,
  status: row.status,
  followUpReason: row.follow_up_reason,
  version: row.version,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export const toComment = (row: CommentRow): ReviewComment => ({
  id: row.id,
  author: row.author,
  text: row.text,
  atSeconds: row.at_seconds,
  version: row.version,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});
