import Fastify, { type FastifyInstance } from 'fastify';
import type { Conversation, SyncStatus } from '../../../contract';
import type { Upstream } from '../../app-server/upstream';
import { openTestCallStore } from '../../store/testing/open-test-stores';
import type { CallStore } from '../../store/types';
import type { SyncEngine } from '../../sync/sync-engine';
import { registerCallRoutes, type CallRouteOptions } from '../calls-routes';

export interface IndexFixture {
  app: FastifyInstance;
  store: CallStore;
  sync: SyncEngine;
  upstream: Upstream;
  close(): Promise<void>;
}

const idleStatus: SyncStatus = {
  state: 'idle',
  indexed: 0,
  lastSuccessAt: null,
  lagSeconds: null,
  lastError: null,
  backfill: { done: true, seen: 0, total: null },
  notes: [],
  skipped: [],
  skippedCount: 0,
};

/**
 * The index routes over a private index holding `conversations` (SQLite in memory, or a schema
 * of PostgreSQL when the suite runs on it), with no sync. Every other call's text is left
 * deferred (as a backfill leaves it), so searches find both kinds. `store`: an index of the
 * caller's own instead (closed with the fixture).
 */
export async function createIndexFixture(
  conversations: Conversation[],
  options: Pick<CallRouteOptions, 'export'> & { store?: CallStore } = {},
): Promise<IndexFixture> {
  // A low threshold, so text searches over the small fixture take both of their plans.
  const store = options.store ?? (await openTestCallStore({ rowByRowMax: 100 }));
  await store.upsert(conversations.filter((_, index) => index % 2 === 0));
  await store.upsert(
    conversations.filter((_, index) => index % 2 === 1),
    undefined,
    { deferText: true },
  );
  const sync: SyncEngine = {
    start: () => undefined,
    stop: async () => undefined,
    status: async () => ({ ...idleStatus, indexed: await store.count() }),
    wake: () => undefined,
    nextSuccess: async () => undefined,
    revalidate: () => undefined,
  };
  const upstream: Upstream = {
    baseUrl: 'http://127.0.0.1:9',
    request: () => Promise.reject(new Error('no upstream in this test')),
    getConversation: async () => null,
    close: async () => undefined,
  };
  const app = Fastify();
  registerCallRoutes(app, { store, sync, upstream, export: options.export });
  return {
    app,
    store,
    sync,
    upstream,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
