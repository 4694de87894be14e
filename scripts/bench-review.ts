import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent, request } from 'undici';
import { encodeReviewerName, REVIEWER_HEADER } from '../contract';
import { createAppServer } from '../server/app-server/create-app-server';
import type { SyncEngine } from '../server/sync/sync-engine';
import { createOutboxWorker } from '../server/outbox/outbox-worker';
import { reviewerOfEntry } from '../server/outbox/verdict-entry';
import { reviewConversation } from '../server/index-api/testing/review-fixture';
import { startReviewUpstream } from '../server/outbox/testing/review-upstream';
import { openCallStore } from '../server/store/open-call-store';
import { openReviewStore } from '../server/store/open-review-store';

/**
 * `npm run bench:review`: the review write path on a real app server and a real demo API.
 * 1. Saving a rating or a comment, p95 measured on the server (goal ≤ 20 ms).
 * 2. 50 reviewers each posting 20 comments at once on one call (1,000 stored, 0 lost, 0 errors),
 *    then every reviewer's verdict in Trata.
 * 3. Outbox delivery after the upstream recovers from an outage (goal ≤ 2 retry intervals).
 */
const RETRY_BASE_MS = 250;
const RETRY_MAX_MS = 1_000;
const CALLS = 200;

const dir = mkdtempSync(path.join(tmpdir(), 'callscope-bench-review-'));
const conversations = Array.from({ length: CALLS }, (_, i) => reviewConversation(`con.bench.${i}`));
let down = false;
const api = await startReviewUpstream(conversations, {
  setup: (server) =>
    server.addHook('onRequest', async (_request, reply) => {
      if (down) return reply.code(503).send({ detail: 'Service Unavailable' });
    }),
});
const calls = await openCallStore(dir);
await calls.upsert(conversations);
const reviews = await openReviewStore(dir);
const outbox = createOutboxWorker({
  store: reviews,
  upstream: api.upstream,
  baseMs: RETRY_BASE_MS,
  maxMs: RETRY_MAX_MS,
});
const sync = { status: () => undefined, revalidate: () => undefined } as unknown as SyncEngine;
const app = await createAppServer({
  upstream: api.upstream,
  index: { store: calls, sync, reviews, outbox },
});
const serverMs: number[] = [];
app.addHook('onResponse', async (req, reply) => {
  if (req.method !== 'GET') serverMs.push(reply.elapsedTime);
});
await app.listen({ port: 0, host: '127.0.0.1' });
outbox.start();
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const agent = new Agent({ connections: 64 });

async function send(method: 'PUT' | 'POST', url: string, who: string, body: unknown) {
  const response = await request(`${base}${url}`, {
    method,
    dispatcher: agent,
    headers: { [REVIEWER_HEADER]: encodeReviewerName(who), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.body.dump();
  return response.statusCode;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(2)} ms`;
const load = () =>
  `load ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`;

// 1. One reviewer at a time: ratings and comments spread over the calls.
for (let i = 0; i < 50; i++)
  await send('PUT', `/api/calls/con.bench.${i}/review`, 'Warm', { rating: 3 });
serverMs.length = 0;
for (let i = 0; i < 500; i++) {
  await send('PUT', `/api/calls/con.bench.${i % CALLS}/review`, `R${i % 7}`, {
    rating: (i % 5) + 1,
  });
}
const ratingMs = [...serverMs];
serverMs.length = 0;
for (let i = 0; i < 500; i++) {
  await send('POST', `/api/calls/con.bench.${i % CALLS}/comments`, `R${i % 7}`, {
    text: `Comment ${i}: the agent confirmed the booking.`,
    at_seconds: i % 120,
  });
}
const commentMs = [...serverMs];
console.log(
  `saving a rating, on the server: p50 ${ms(percentile(ratingMs, 50))}, p95 ${ms(percentile(ratingMs, 95))} (goal ≤ 20 ms; ${load()})`,
);
console.log(
  `saving a comment, on the server: p50 ${ms(percentile(commentMs, 50))}, p95 ${ms(percentile(commentMs, 95))} (goal ≤ 20 ms; ${load()})`,
);
await outbox.drained();

// 2. 50 reviewers × 20 comments, all at once, on one call.
const target = 'con.bench.199';
const reviewers = Array.from({ length: 50 }, (_, i) => `Reviewer ${i}`);
await Promise.all(
  reviewers.map((who, i) =>
    send('PUT', `/api/calls/${target}/review`, who, { rating: (i % 5) + 1 }),
  ),
);
const started = performance.now();
serverMs.length = 0;
const statuses = await Promise.all(
  reviewers.flatMap((who) =>
    Array.from({ length: 20 }, (_, n) =>
      send('POST', `/api/calls/${target}/comments`, who, {
        text: `${who} note ${n}`,
        at_seconds: n,
      }),
    ),
  ),
);
const wall = performance.now() - started;
const errors = statuses.filter((status) => status !== 201).length;
const stored = (await reviews.comments(target)).filter((comment) =>
  comment.author.startsWith('Reviewer '),
).length;
console.log(
  `50 reviewers × 20 comments at once: ${stored} stored, ${1_000 - stored} lost, ${errors} errors in ${ms(wall)}; server p95 ${ms(percentile(serverMs, 95))} (${load()})`,
);
const drainStart = performance.now();
await outbox.drained();
const entries = (api.fixture.store.get(target)?.adminComments ?? []).filter((entry) =>
  reviewers.includes(reviewerOfEntry(entry) ?? ''),
);
const distinct = new Set(entries.map((entry) => reviewerOfEntry(entry)));
console.log(
  `  then in Trata: ${entries.length} entries for ${distinct.size} reviewers after ${ms(performance.now() - drainStart)}; delivery ${(await reviews.delivery(target)).state}`,
);

// 3. An outage: the verdict retries with backoff; measure from recovery to delivery.
down = true;
await send('PUT', '/api/calls/con.bench.5/review', 'Outage', { rating: 1 });
while (
  ((await reviews.delivery('con.bench.5')).reviewers.find((r) => r.reviewer === 'Outage')
    ?.attempts ?? 0) < 4
) {
  await new Promise((resolve) => setTimeout(resolve, 10));
}
down = false;
const recovered = performance.now();
while (
  (await reviews.delivery('con.bench.5')).reviewers.find((r) => r.reviewer === 'Outage')?.state !==
  'sent'
) {
  await new Promise((resolve) => setTimeout(resolve, 5));
}
const delivered = performance.now() - recovered;
console.log(
  `outbox delivery after the upstream recovers: ${ms(delivered)} (retry interval ≤ ${RETRY_MAX_MS} ms after 4 failures; goal ≤ ${2 * RETRY_MAX_MS} ms; ${load()})`,
);

await app.close();
await outbox.stop();
await reviews.close();
await calls.close();
await agent.close();
await api.close();
rmSync(dir, { recursive: true, force: true });
