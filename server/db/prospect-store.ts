import type { Conversation, Prospect } from '../../contract';
import { prospectFromConversations } from './derive-prospect';
import type { Db } from './open-database';

export type ProspectStore = ReturnType<typeof createProspectStore>;

/**
 * Prospects of the demo API. One written through the API is stored as its document; any other
 * is derived from its conversations on each read, so it follows new calls until someone writes
 * it. Writes run in immediate transactions, like the conversations'.
 */
export function createProspectStore(db: Db) {
  const storedDoc = db.prepare<[string], string>('SELECT doc FROM prospects WHERE id = ?').pluck();
  const conversationDocs = db
    .prepare<[string], string>(
      'SELECT d.doc FROM conversations c JOIN docs d ON d.rid = c.rid WHERE c.prospect_id = ? ' +
        'ORDER BY c.ts_start, c.id',
    )
    .pluck();
  const upsert = db.prepare(
    'INSERT INTO prospects (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
  );
  const insert = db.prepare('INSERT INTO prospects (id, doc) VALUES (?, ?)');

  function get(id: string): Prospect | null {
    const doc = storedDoc.get(id);
    if (doc !== undefined) return JSON.parse(doc) as Prospect;
    const calls = conversationDocs.all(id).map((json) => JSON.parse(json) as Conversation);
    return prospectFromConversations(id, calls);
  }

  /** Replaces the fields the patch gives; null when there is no such prospect. */
  function update(id: string, patch: Partial<Prospect>, at: string, by = 'api'): Prospect | null {
    return db
      .transaction(() => {
        const current = get(id);
        if (!current) return null;
        const next: Prospect = { ...current, ...patch, id, updatedAt: at, updatedBy: by };
        upsert.run(id, JSON.stringify(next));
        return next;
      })
      .immediate();
  }

  /** Stores a new prospect; null when the id is taken (stored or derived). */
  function create(prospect: Prospect): Prospect | null {
    return db
      .transaction(() => {
        if (get(prospect.id)) return null;
        insert.run(prospect.id, JSON.stringify(prospect));
        return prospect;
      })
      .immediate();
  }

  return { get, update, create };
}
