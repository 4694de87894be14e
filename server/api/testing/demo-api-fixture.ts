import type { FastifyInstance } from 'fastify';
import type { Conversation } from '../../../contract';
import { createConversationStore, type ConversationStore } from '../../db/conversation-store';
import { openDatabase } from '../../db/open-database';
import { generateConversations } from '../../demo-data/generate';
import { createDemoApi } from '../create-demo-api';

export const TEST_TOKEN = 'test-token-123456';
export const AUTH = { authorization: `Bearer ${TEST_TOKEN}` };

export interface DemoApiFixture {
  app: FastifyInstance;
  store: ConversationStore;
  conversations: Conversation[];
  close(): Promise<void>;
}

/** A demo API over an in-memory database holding `count` generated conversations. */
export function createDemoApiFixture(count: number): DemoApiFixture {
  const db = openDatabase(':memory:');
  const store = createConversationStore(db);
  const conversations = [
    ...generateConversations({
      count,
      seed: 7,
      now: new Date('2026-11-01T12:00:00Z'),
      recordingOrigin: 'http://127.0.0.1:1',
    }),
  ];
  store.insertMany(conversations);
  const app = createDemoApi({ store, token: TEST_TOKEN });
  return {
    app,
    store,
    conversations,
    async close() {
      await app.close();
      db.close();
    },
  };
}
