import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createDemoApi } from '../api/create-demo-api';
import type { Config } from '../config';
import { createConversationStore, type ConversationStore } from '../db/conversation-store';
import { openDatabase } from '../db/open-database';
import { SEED_EXAMPLE_ID } from '../demo-data/generate';
import { registerDemoRecordingRoutes } from '../recordings/demo-recording-routes';
import { createFileCache } from '../recordings/recording-cache';
import { createWorkerSynthesizer } from '../recordings/synthesize';
import { ensureDemoDatabase } from './seed-demo-database';

export interface DemoApi {
  app: FastifyInstance;
  store: ConversationStore;
  /** `http://127.0.0.1:<DEMO_API_PORT>`: the origin the app server forwards to. */
  origin: string;
  /**
   * The stored documents' recording links were moved to this run's port: every call changed while
   * the app server was down, without a newer `updatedAt` to say so.
   */
  originMoved: boolean;
  /**
   * Makes the recordings of the first page of the default list (newest first), so they play at
   * once. Synthesis is heavy: the app server calls this once its index is filled, not before.
   */
  warmRecordings(): void;
  close(): Promise<void>;
}

type DemoConfig = Pick<
  Config,
  | 'dataDir'
  | 'DEMO_API_PORT'
  | 'DEMO_API_TOKEN'
  | 'DEMO_CONVERSATIONS'
  | 'RECORDING_MAX_SECONDS'
  | 'httpLimits'
>;

/**
 * The embedded Trata-compatible API on loopback, over SQLite in DATA_DIR. The first start seeds
 * the database; a restart reuses it.
 */
export async function startDemoApi(
  config: DemoConfig,
  logger: { level: string } | false,
): Promise<DemoApi> {
  mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, 'demo.sqlite');
  const origin = `http://127.0.0.1:${config.DEMO_API_PORT}`;
  const say = logger && logger.level !== 'silent' ? seedProgress(config.DEMO_CONVERSATIONS) : null;
  const seeded = ensureDemoDatabase(file, {
    count: config.DEMO_CONVERSATIONS,
    recordingOrigin: origin,
    onProgress: say ?? undefined,
  });
  const db = openDatabase(file);
  const store = createConversationStore(db);
  const originMoved = !seeded && adoptOrigin(store, origin);

  const app = createDemoApi({
    store,
    token: config.DEMO_API_TOKEN,
    logger,
    httpLimits: config.httpLimits,
  });
  const synthesizer = createWorkerSynthesizer();
  // Damaged files, and files a full or read-only disk refused, are logged with the reason.
  const cacheLog = { warn: (message: string) => app.log.warn(message) };
  const recordings = registerDemoRecordingRoutes(app, {
    cache: createFileCache(path.join(config.dataDir, 'recordings'), '.mp3', { log: cacheLog }),
    peaksCache: createFileCache(path.join(config.dataDir, 'recordings'), '.peaks.json', {
      log: cacheLog,
    }),
    synthesize: synthesizer.synthesize,
    getConversation: (id) => store.get(id),
    maxSeconds: config.RECORDING_MAX_SECONDS,
  });
  await app.listen({ port: config.DEMO_API_PORT, host: '127.0.0.1' });

  return {
    app,
    store,
    origin,
    originMoved,
    warmRecordings() {
      const firstPage = store.list({
        sort_by: 'timestampStart',
        sort_order: 'desc',
        skip: 0,
        limit: 25,
      }).items;
      void recordings.warm([store.get(SEED_EXAMPLE_ID)!, ...firstPage].filter(Boolean));
    },
    async close() {
      await app.close();
      await synthesizer.close();
      db.close();
    },
  };
}

/** One line per batch while the first start seeds, so a long seed is visibly alive. */
function seedProgress(count: number) {
  const total = count.toLocaleString('en');
  return (done: number, phase: 'rows' | 'indexing') =>
    console.log(
      phase === 'indexing'
        ? `Seeding the demo database: ${total} calls written; building indexes`
        : `Seeding the demo database: ${done.toLocaleString('en')} / ${total} calls`,
    );
}

/** Recording URLs are absolute on the demo API's origin; a new port must not break them. */
function adoptOrigin(store: ConversationStore, origin: string): boolean {
  const url = store.get(SEED_EXAMPLE_ID)?.transcriptRecordingUrl;
  if (!url) return false;
  const seededOrigin = new URL(url).origin;
  if (seededOrigin === origin) return false;
  store.rewriteRecordingOrigin(seededOrigin, origin);
  return true;
}
