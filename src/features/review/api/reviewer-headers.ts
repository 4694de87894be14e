import { encodeReviewerName, REVIEWER_HEADER } from '@contract';

/** The reviewer's header, when the browser knows a name; with sign-in the server ignores it. */
export function reviewerHeaders(name: string | null): Record<string, string> {
  return name === null ? {} : { [REVIEWER_HEADER]: encodeReviewerName(name) };
}
