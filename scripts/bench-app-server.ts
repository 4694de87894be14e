import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { SyncStatus } from '../contract';
import { createAppServer } from '../server/app-server/create-app-server';
import type { Upstream } from '../server/app-server/upstream';
import type { CallStore } from '../server/store/types';
import type { SyncEngine } from '../server/sync/sync-engine';

/**
 * An app server answering from `store` alone, listening on a free loopback port: its sync says
 * the index is current, and it has no upstream, so a bench times the index and nothing else.
 */
export async function startBenchAppServer(
  store: CallStore,
  options: { indexed: number; staticDir?: string },
): Promise<{ app: FastifyInstance; origin: string }> {
  const status: SyncStatus = {
    state: 'idle',
    indexed: options.indexed,
    lastSuccessAt: new Date().toISOString(),
    lagSeconds: 0,
    lastError: null,
    backfill: { done: true, seen: options.indexed, total: options.indexed },
    notes: [],
    skipped: [],
    skippedCount: 0,
  };
  const sync = { status: () => status, revalidate: () => undefined } as unknown as SyncEngine;
  const upstream: Upstream = {
    baseUrl: 'http://127.0.0.1:9',
    request: () => Promise.reject(new Error('no upstream in this bench')),
    getConversation: async () => null,
    close: async () => undefined,
  };
  const app = await createAppServer({
    upstream,
    index: { store, sync },
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, origin: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}
