import type { FastifyInstance } from 'fastify';
import type { Conversation } from '../../../contract';
import { createConversationStore, type ConversationStore } from '../../db/conversation-store';
import type { ListOptions } from '../../db/list-conversations';
import { openMemoryDatabase } from '../../db/open-database';
import { fixtureConversations } from '../../db/testing/fixture-conversations';
import { createDemoApi } from '../create-demo-api';

export const TEST_TOKEN = 'test-token-123456';
export const AUTH = { authorization: `Bearer ${TEST_TOKEN}` };

export interface DemoApiFixture {
  app: FastifyInstance;
  store: ConversationStore;
  conversations: Conversation[];
  close(): Promise<void>;
}

/**
 * A demo API over a private in-memory database holding `conversations` (by default `count` rows
 * of the test fixture, which is full of ties, nulls and unicode).
 */
export function createDemoApiFixture(
  count: number,
  options: ListOptions & { conversations?: Conversation[] } = {},
): DemoApiFixture {
  const db = openMemoryDatabase();
  const store = createConversationStore(db, options);
  const conversations = options.conversations ?? fixtureConversations(count, 7);
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
