import { isDeepStrictEqual } from 'node:util';
import { conversationPath, lookUpConversation } from '../../contract';
import { parseJson, UpstreamError, type Upstream } from '../app-server/upstream';
import type { ReviewStore } from '../store/review-types';
import { mergeAdminComments } from './merge-admin-comments';
import { reviewerOfEntry, verdictEntry } from './verdict-entry';

/** What one delivery attempt came to; the worker turns it into the outbox's next state. */
export type Delivery =
  | { kind: 'sent'; generations: Map<string, number>; wrote: boolean }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'failed'; reason: string };

/** Refused writes (412) in a row before the attempt counts as failed for now and backs off. */
const CONFLICT_ROUNDS = 5;

interface Current {
  entries: unknown[];
  etag: string | null;
}

/**
 * Writes every rated reviewer's verdict on one call into Trata's `adminComments`: read the
 * conversation just before writing, merge by reviewer, and write with `If-Match` when the API
 * gave an ETag (re-read and merge again on 412). Without an ETag, read again after writing and
 * write again if another client's write erased one of ours. An array that already holds our
 * verdicts is not written again, so a delivery repeated after a crash adds nothing.
 */
export async function deliverCall(
  upstream: Upstream,
  store: ReviewStore,
  callId: string,
  signal: AbortSignal,
): Promise<Delivery> {
  for (let round = 0; round < CONFLICT_ROUNDS; round++) {
    const verdicts = await store.verdicts(callId);
    const generations = new Map(verdicts.map((verdict) => [verdict.reviewer, verdict.generation]));
    const ours = new Map(verdicts.map((verdict) => [verdict.reviewer, verdictEntry(verdict)]));
    const current = await readCurrent(upstream, callId, signal);
    if ('kind' in current) return current;
    const merged = mergeAdminComments(current.entries, ours);
    if (isDeepStrictEqual(merged, current.entries))
      return { kind: 'sent', generations, wrote: false };
    const reply = await upstream.request(conversationPath(callId), {
      method: 'PUT',
      body: JSON.stringify({ adminComments: merged }),
      contentType: 'application/json',
      ...(current.etag ? { ifMatch: current.etag } : {}),
      signal,
    });
    if (reply.status === 412) continue;
    if (reply.status < 200 || reply.status >= 300)
      return refusal(reply.status, reply.headers, reply.body);
    if (current.etag) return { kind: 'sent', generations, wrote: true };
    // No ETag: nothing stopped another client writing between our read and write. Check.
    const after = await readCurrent(upstream, callId, signal);
    if ('kind' in after) return after;
    const kept = [...ours].every(([reviewer, entry]) => {
      const found = after.entries.filter((item) => reviewerOfEntry(item) === reviewer);
      return found.length === 1 && isDeepStrictEqual(found[0], entry);
    });
    if (kept) return { kind: 'sent', generations, wrote: true };
  }
  return {
    kind: 'retry',
    reason: `The conversation kept changing in Trata while Callscope wrote (${CONFLICT_ROUNDS} tries in a row).`,
  };
}

async function readCurrent(
  upstream: Upstream,
  callId: string,
  signal: AbortSignal,
): Promise<Current | Exclude<Delivery, { kind: 'sent' }>> {
  let etag: string | null = null;
  let failure: Exclude<Delivery, { kind: 'sent' }> | null = null;
  const result = await lookUpConversation(callId, async (path) => {
    const reply = await upstream.request(path, { signal });
    const ok = reply.status >= 200 && reply.status < 300;
    if (path === conversationPath(callId)) etag = ok ? reply.headers.get('etag') : null;
    if (!ok && reply.status !== 404 && reply.status !== 405) {
      failure = refusal(reply.status, reply.headers, reply.body);
    }
    return { status: reply.status, body: ok ? parseJson(reply) : tryParse(reply.body) };
  });
  if (failure) return failure;
  if (result.kind === 'missing') {
    return { kind: 'failed', reason: 'Trata no longer has this conversation (404).' };
  }
  if (result.kind !== 'found') {
    return {
      kind: 'retry',
      reason: `Trata answered ${result.status} when Callscope read the conversation.`,
    };
  }
  const item = result.item as { adminComments?: unknown } | null;
  const entries = Array.isArray(item?.adminComments) ? (item.adminComments as unknown[]) : [];
  return { entries, etag };
}

/** A refusal in words: worth retrying (5xx, 408, 409, 429) or not until someone acts. */
function refusal(
  status: number,
  headers: Headers,
  body: string,
): Exclude<Delivery, { kind: 'sent' }> {
  if (status === 429) {
    const seconds = Number(headers.get('retry-after'));
    return {
      kind: 'retry',
      reason: 'Trata asked Callscope to slow down (429).',
      ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}),
    };
  }
  if (status >= 500 || status === 408 || status === 409) {
    return { kind: 'retry', reason: `Trata answered ${status}.` };
  }
  if (status === 401 || status === 403) {
    return { kind: 'failed', reason: `Trata refused Callscope's token (${status}).` };
  }
  const detail = (tryParse(body) as { detail?: unknown } | undefined)?.detail;
  const words = typeof detail === 'string' ? `: ${detail.slice(0, 200)}` : '';
  return { kind: 'failed', reason: `Trata refused the verdict (${status})${words}.` };
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function describeDeliveryError(error: unknown): string {
  if (error instanceof UpstreamError) return error.message;
  return `Callscope could not reach Trata (${error instanceof Error ? error.message : String(error)}).`;
}
