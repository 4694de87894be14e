import type {
  Conversation,
  ConversationUpdate,
  SearchByField,
  SortByField,
  SortOrder,
} from '../../contract';
import { formatTrataTimestamp } from '../../contract';
import { SORT_COLUMNS, type Db } from './open-database';
import { phoneDigits, toColumns, toSearchText } from './row-mapping';

export interface ListQuery {
  search_by?: SearchByField;
  search_value?: string;
  status?: string;
  sort_by?: SortByField;
  sort_order: SortOrder;
  skip: number;
  limit: number;
}

export interface ListResult {
  items: Conversation[];
  total: number;
}

export type ConversationStore = ReturnType<typeof createConversationStore>;

const INSERT_BATCH = 5_000;

/**
 * The demo API's storage: each conversation as its full JSON, plus indexed columns for filtering
 * and sorting and an FTS5 trigram index for search. Every value is bound; sort columns come from
 * an allowlist.
 */
export function createConversationStore(db: Db) {
  const insertRow = db.prepare(`
    INSERT INTO conversations (id, doc, status, prospect_id, ts_start, ts_end, created_at, updated_at,
      duration, caller_name, sentiment, prospect_status)
    VALUES (@id, @doc, @status, @prospect_id, @ts_start, @ts_end, @created_at, @updated_at,
      @duration, @caller_name, @sentiment, @prospect_status)`);
  const updateRow = db.prepare(`
    UPDATE conversations SET doc = @doc, status = @status, prospect_id = @prospect_id,
      ts_start = @ts_start, ts_end = @ts_end, created_at = @created_at, updated_at = @updated_at,
      duration = @duration, caller_name = @caller_name, sentiment = @sentiment,
      prospect_status = @prospect_status
    WHERE id = @id`);
  const insertFts = db.prepare(`
    INSERT INTO conversations_fts (rowid, id, prospectId, aiAgentId, status, sourceType, name_of_caller,
      phone_number_of_caller, email_address_of_caller, sentiment_of_caller, prospectStatus, transcript, summary)
    VALUES (@rowid, @id, @prospectId, @aiAgentId, @status, @sourceType, @name_of_caller,
      @phone_number_of_caller, @email_address_of_caller, @sentiment_of_caller, @prospectStatus, @transcript, @summary)`);
  const deleteFts = db.prepare('DELETE FROM conversations_fts WHERE rowid = ?');
  const selectById = db.prepare<[string], { rid: number; doc: string }>(
    'SELECT rid, doc FROM conversations WHERE id = ?',
  );
  const countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM conversations');

  // Counts are cached per filter until the next write, so X-Total-Count costs nothing on paging.
  let countCache = new Map<string, number>();
  const invalidate = () => {
    countCache = new Map();
  };

  function insertOne(conversation: Conversation): void {
    const info = insertRow.run(toColumns(conversation));
    insertFts.run({ rowid: info.lastInsertRowid, ...toSearchText(conversation) });
  }

  const insertBatch = db.transaction((batch: Conversation[]) => {
    for (const conversation of batch) insertOne(conversation);
  });

  function insertMany(
    conversations: Iterable<Conversation>,
    onProgress?: (done: number) => void,
  ): number {
    let batch: Conversation[] = [];
    let done = 0;
    for (const conversation of conversations) {
      batch.push(conversation);
      if (batch.length === INSERT_BATCH) {
        insertBatch(batch);
        done += batch.length;
        batch = [];
        onProgress?.(done);
      }
    }
    if (batch.length) insertBatch(batch);
    done += batch.length;
    invalidate();
    return done;
  }

  function get(id: string): Conversation | null {
    const row = selectById.get(id);
    return row ? (JSON.parse(row.doc) as Conversation) : null;
  }

  const replace = db.transaction((rid: number, next: Conversation) => {
    updateRow.run(toColumns(next));
    deleteFts.run(rid);
    insertFts.run({ rowid: rid, ...toSearchText(next) });
  });

  /** Read, merge and write in one immediate transaction, so concurrent updates never interleave. */
  function update(id: string, patch: ConversationUpdate, by = 'api'): Conversation | null {
    const run = db.transaction(() => {
      const row = selectById.get(id);
      if (!row) return null;
      const current = JSON.parse(row.doc) as Conversation;
      const next: Conversation = {
        ...current,
        ...patch,
        conversationAnalytics: patch.conversationAnalytics
          ? { ...(current.conversationAnalytics ?? {}), ...patch.conversationAnalytics }
          : current.conversationAnalytics,
        updatedAt: formatTrataTimestamp(Date.now()),
        updatedBy: by,
      };
      replace(row.rid, next);
      return next;
    });
    const result = run.immediate();
    invalidate();
    return result;
  }

  function create(conversation: Conversation): Conversation {
    db.transaction(() => insertOne(conversation)).immediate();
    invalidate();
    return conversation;
  }

  function list(query: ListQuery): ListResult {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.status !== undefined) {
      where.push('status = ?');
      params.push(query.status);
    }
    if (query.search_by && query.search_value !== undefined) {
      where.push('rid IN (SELECT rowid FROM conversations_fts WHERE conversations_fts MATCH ?)');
      params.push(ftsQuery(query.search_by, query.search_value));
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const column = SORT_COLUMNS[query.sort_by ?? 'timestampStart'];
    const direction = query.sort_order === 'desc' ? 'DESC' : 'ASC';
    const rids = db
      .prepare<(string | number)[], { rid: number }>(
        `SELECT rid FROM conversations ${whereSql} ORDER BY ${column} ${direction}, id ${direction} LIMIT ? OFFSET ?`,
      )
      .all(...params, query.limit, query.skip)
      .map((row) => row.rid);
    return { items: loadDocs(rids), total: countFor(whereSql, params) };
  }

  function loadDocs(rids: number[]): Conversation[] {
    if (rids.length === 0) return [];
    const rows = db
      .prepare<number[], { rid: number; doc: string }>(
        `SELECT rid, doc FROM conversations WHERE rid IN (${rids.map(() => '?').join(',')})`,
      )
      .all(...rids);
    const byRid = new Map(rows.map((row) => [row.rid, row.doc]));
    return rids.map((rid) => JSON.parse(byRid.get(rid)!) as Conversation);
  }

  function countFor(whereSql: string, params: (string | number)[]): number {
    const key = `${whereSql}\u0000${params.join('\u0000')}`;
    const cached = countCache.get(key);
    if (cached !== undefined) return cached;
    const { n } = db
      .prepare<(string | number)[], { n: number }>(
        `SELECT COUNT(*) AS n FROM conversations ${whereSql}`,
      )
      .get(...params)!;
    countCache.set(key, n);
    return n;
  }

  function listByProspect(prospectId: string, skip: number, limit: number): ListResult {
    const rids = db
      .prepare<[string, number, number], { rid: number }>(
        'SELECT rid FROM conversations WHERE prospect_id = ? ORDER BY ts_start, id LIMIT ? OFFSET ?',
      )
      .all(prospectId, limit, skip)
      .map((row) => row.rid);
    const { n } = db
      .prepare<[string], { n: number }>(
        'SELECT COUNT(*) AS n FROM conversations WHERE prospect_id = ?',
      )
      .get(prospectId)!;
    return { items: loadDocs(rids), total: n };
  }

  function rewriteRecordingOrigin(from: string, to: string): void {
    db.prepare(`UPDATE conversations SET doc = replace(doc, ?, ?) WHERE instr(doc, ?) > 0`).run(
      `"transcriptRecordingUrl":"${from}/`,
      `"transcriptRecordingUrl":"${to}/`,
      from,
    );
  }

  return {
    insertMany,
    get,
    update,
    create,
    list,
    listByProspect,
    rewriteRecordingOrigin,
    count: () => countAll.get()!.n,
  };
}

/**
 * An FTS5 query for one column: the value as a quoted phrase, which the trigram tokenizer turns
 * into a case-insensitive substring match. Phone numbers match on their digits alone.
 */
export function ftsQuery(field: SearchByField, value: string): string {
  const text = field === 'phone_number_of_caller' ? phoneDigits(value) : value;
  return `${field} : "${text.replaceAll('"', '""')}"`;
}
