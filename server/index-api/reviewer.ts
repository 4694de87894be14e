import type { FastifyRequest } from 'fastify';
import { decodeReviewerName, REVIEWER_HEADER, REVIEWER_NAME_MAX } from '../../contract';
import { validationProblem } from '../api/fastapi-errors';

/**
 * Who is reviewing: the signed-in user when there is sign-in (the header is then ignored, so no
 * one can write as somebody else), else the display name the browser sends in the reviewer
 * header. Null when neither is there; a header that is not a valid name is a 422.
 */
export function reviewerOf(request: FastifyRequest): string | null {
  if (request.dashboardUser) return request.dashboardUser;
  const raw = request.headers[REVIEWER_HEADER];
  if (raw === undefined) return null;
  const value = Array.isArray(raw) ? raw[0] : raw;
  const name = value === undefined ? null : decodeReviewerName(value);
  if (name === null) {
    throw validationProblem([
      {
        type: 'string_pattern_mismatch',
        loc: ['header', REVIEWER_HEADER],
        msg: `The reviewer's name should be 1 to ${REVIEWER_NAME_MAX} characters without control characters, percent-encoded as UTF-8`,
        input: String(value).slice(0, 100),
      },
    ]);
  }
  return name;
}

/** The reviewer, or a 422 that says how to name oneself. */
export function requireReviewer(request: FastifyRequest): string {
  const name = reviewerOf(request);
  if (name !== null) return name;
  throw validationProblem([
    {
      type: 'missing',
      loc: ['header', REVIEWER_HEADER],
      msg: `Say who is reviewing: send a display name in the ${REVIEWER_HEADER} header`,
      input: null,
    },
  ]);
}
