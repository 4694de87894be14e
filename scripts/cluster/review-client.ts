import {
  callReviewSchema,
  encodeReviewerName,
  REVIEWER_HEADER,
  type CallReview,
} from '../../contract';

/**
 * Callscope's review routes as a reviewer without sign-in uses them (the name in a header), for
 * the cluster tests and benchmarks, which drive replicas from outside as a browser would.
 */
export interface Answer {
  status: number;
  body: unknown;
}

const headersOf = (reviewer: string) => ({
  [REVIEWER_HEADER]: encodeReviewerName(reviewer),
  'content-type': 'application/json',
});

async function send(
  origin: string,
  method: string,
  route: string,
  reviewer: string,
  body: unknown,
  timeoutMs: number,
): Promise<Answer> {
  const response = await fetch(`${origin}${route}`, {
    method,
    headers: headersOf(reviewer),
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text, which a test can show
  }
  return { status: response.status, body: parsed };
}

export function postComment(
  origin: string,
  callId: string,
  reviewer: string,
  text: string,
  timeoutMs = 30_000,
): Promise<Answer> {
  const route = `/api/calls/${encodeURIComponent(callId)}/comments`;
  return send(origin, 'POST', route, reviewer, { text }, timeoutMs);
}

export function putRating(
  origin: string,
  callId: string,
  reviewer: string,
  rating: number,
  timeoutMs = 30_000,
): Promise<Answer> {
  const route = `/api/calls/${encodeURIComponent(callId)}/review`;
  return send(origin, 'PUT', route, reviewer, { rating, status: 'reviewed' }, timeoutMs);
}

export async function getReview(origin: string, callId: string): Promise<CallReview> {
  const response = await fetch(`${origin}/api/calls/${encodeURIComponent(callId)}/review`, {
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`GET review of ${callId}: HTTP ${response.status}`);
  return callReviewSchema.parse(await response.json());
}

/** A 503 as the replicas must answer while the database is away: JSON with the reason. */
export function isExplained503(answer: Answer): boolean {
  const detail = (answer.body as { detail?: unknown } | null)?.detail;
  return answer.status === 503 && typeof detail === 'string' && detail.length > 0;
}
