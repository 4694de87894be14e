import Fastify, { type FastifyInstance } from 'fastify';
import {
  encodeReviewerName,
  formatTrataTimestamp,
  REVIEWER_HEADER,
  type Conversation,
} from '../../../contract';
import type { Upstream } from '../../app-server/upstream';
import {
  createOutboxWorker,
  type OutboxOptions,
  type OutboxWorker,
} from '../../outbox/outbox-worker';
import type { ReviewStore } from '../../store/review-types';
import { openTestStores, type TestStores } from '../../store/testing/open-test-stores';
import type { CallStore } from '../../store/types';
import type { SyncEngine } from '../../sync/sync-engine';
import { registerCallRoutes } from '../calls-routes';
import { registerReviewRoutes } from '../review-routes';

export interface ReviewFixture {
  app: FastifyInstance;
  calls: CallStore;
  reviews: ReviewStore;
  outbox: OutboxWorker;
  /** The stores' backend and, on PostgreSQL, the test's schema. */
  stores: TestStores;
  close(): Promise<void>;
}

/** A call of 120 s with two action items and one entry a Trata user wrote. */
export function reviewConversation(id: string, extra: Partial<Conversation> = {}): Conversation {
  const start = Date.UTC(2026, 10, 2, 9, 0, 0);
  return {
    id,
    timestampStart: formatTrataTimestamp(start),
    timestampEnd: formatTrataTimestamp(start + 120_000),
    status: 'active',
    transcriptText: [],
    conversationAnalytics: {
      action_items: ['Call the caller back', 'Send the quote'],
      sentiment_of_caller: 'negative',
    },
    adminComments: [{ comment: 'Checked by the front desk', rating: 4 }],
    createdAt: formatTrataTimestamp(start),
    updatedAt: formatTrataTimestamp(start),
    ...extra,
  };
}

export const as = (name: string) => ({ [REVIEWER_HEADER]: encodeReviewerName(name) });

const unusedUpstream: Upstream = {
  baseUrl: 'http://127.0.0.1:9',
  request: () => Promise.reject(new Error('no upstream in this test')),
  getConversation: async () => null,
  close: async () => undefined,
};

/**
 * The list and review routes over an index of their own holding `conversations` (a file of
 * SQLite, or a schema of PostgreSQL when the suite runs against it), with an outbox towards
 * `upstream` (not started unless `startOutbox`). `user` stands in for sign-in.
 */
export async function createReviewFixture(
  conversations: Conversation[],
  options: {
    upstream?: Upstream;
    outbox?: Partial<OutboxOptions>;
    startOutbox?: boolean;
    user?: string;
    dir?: string;
  } = {},
): Promise<ReviewFixture> {
  const stores = await openTestStores(options.dir ? { dir: options.dir } : {});
  const { calls, reviews } = stores;
  await calls.upsert(conversations).catch(async (error: unknown) => {
    await stores.close();
    throw error;
  });
  const upstream = options.upstream ?? unusedUpstream;
  const outbox = createOutboxWorker({ store: reviews, upstream, ...options.outbox });
  const sync = {
    status: () => {
      throw new Error('no sync in this test');
    },
    revalidate: () => undefined,
  } as unknown as SyncEngine;
  const app = Fastify();
  if (options.user) {
    app.decorateRequest('dashboardUser', null);
    app.addHook('onRequest', async (request) => {
      request.dashboardUser = options.user!;
    });
  }
  registerCallRoutes(app, { store: calls, sync, upstream, reviews });
  registerReviewRoutes(app, { calls, reviews, outbox });
  if (options.startOutbox) outbox.start();
  return {
    app,
    calls,
    reviews,
    outbox,
    stores,
    async close() {
      await app.close();
      await outbox.stop();
      await stores.close();
    },
  };
}
