import type { Conversation, ConversationUpdate } from '../../contract';

/** An update as stored: the documented `agentId` already renamed to `aiAgentId`. */
export type ConversationPatch = Omit<ConversationUpdate, 'agentId'> & { aiAgentId?: string | null };
import { formatTrataTimestamp } from '../../contract';
import { createConversationWriter } from './conversation-writer';
import { createListQueries, type ListOptions } from './list-conversations';
import { createMatchWorker } from './match-worker';
import type { ListQuery } from './list-plan';
import type { Db } from './open-database';
import { toRow } from './row-mapping';
import { dropIndexStatements, indexStatements } from './schema';

export type { ListQuery } from './list-plan';

export interface ListResult {
  items: Conversation[];
  total: number;
}

/**
 * A page as UTF-8 JSON: the stored documents' bytes joined as they are, never decoded, parsed or
 * re-encoded. A page is about 0.5 MB; decoding it into a JavaScript string and encoding it back
 * for the socket cost several times more than reading it.
 */
export interface ListJsonResult {
  json: Buffer;
  total: number;
}

export type ConversationStore = ReturnType<typeof createConversationStore>;

export type ConditionalUpdate =
  { kind: 'updated'; conversation: Conversation } | { kind: 'missing' } | { kind: 'changed' };

const INSERT_BATCH = 2_000;
const OPEN_BRACKET = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE_BRACKET = Buffer.from(']');

/**
 * The demo API's storage (schema in `schema.ts`). Every value is bound; sort columns and index
 * names come from allowlists. Writes run in immediate transactions, so concurrent updates never
 * interleave and a failed write changes nothing.
 */
export interface StoreOptions extends ListOptions {
  /** Compute new searches on a worker thread (file databases only); on by default. */
  searchWorker?: boolean;
}

export function createConversationStore(db: Db, options: StoreOptions = {}) {
  const writer = createConversationWriter(db);
  const queries = createListQueries(db, options);
  const worker = options.searchWorker !== false && !db.memory ? createMatchWorker(db.name) : null;
  const ridOf = db.prepare<[string], number>('SELECT rid FROM conversations WHERE id = ?').pluck();
  const docOf = db.prepare<[string], string>(
    'SELECT d.doc FROM conversations c JOIN docs d ON d.rid = c.rid WHERE c.id = ?',
  );
  docOf.pluck();
  const docsOf = db
    .prepare<[string], string>(
      'SELECT d.doc FROM json_each(?) j CROSS JOIN docs d ON d.rid = j.value ORDER BY j.key',
    )
    .pluck();
  // The same documents as their stored bytes: the database is UTF-8, so the cast copies them.
  const docBytesOf = db
    .prepare<[string], Buffer>(
      'SELECT CAST(d.doc AS BLOB) FROM json_each(?) j CROSS JOIN docs d ON d.rid = j.value ' +
        'ORDER BY j.key',
    )
    .pluck();
  const byProspect = db
    .prepare<[string, number, number], number>(
      'SELECT rid FROM conversations WHERE prospect_id = ? ORDER BY ts_start, id LIMIT ? OFFSET ?',
    )
    .pluck();
  const countByProspect = db
    .prepare<[string], number>('SELECT count(*) FROM conversations WHERE prospect_id = ?')
    .pluck();

  const insertBatch = db.transaction((batch: Conversation[], withFts: boolean) => {
    writer.insertRows(batch.map(toRow), withFts);
  });

  /**
   * Inserts conversations, one transaction per batch of 2,000; returns how many. `onProgress`
   * hears after each batch, and once more with `indexing` before a bulk load builds its indexes.
   */
  function insertMany(
    conversations: Iterable<Conversation>,
    onProgress?: (done: number, phase: 'rows' | 'indexing') => void,
  ): number {
    let batch: Conversation[] = [];
    let done = 0;
    const iterator = conversations[Symbol.iterator]();
    const bulk = queries.total() === 0;
    let bulkStarted = false;
    const flush = () => {
      // A load of at least one full batch into an empty table builds indexes once at the end.
      if (bulk && !bulkStarted && done === 0 && batch.length === INSERT_BATCH) {
        bulkStarted = true;
        db.transaction(() => dropIndexStatements().forEach((s) => db.exec(s)))();
      }
      insertBatch(batch, !bulkStarted);
      done += batch.length;
      batch = [];
      onProgress?.(done, 'rows');
    };
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      batch.push(next.value);
      if (batch.length === INSERT_BATCH) flush();
    }
    if (batch.length) flush();
    if (bulkStarted) {
      onProgress?.(done, 'indexing');
      finishBulk();
    }
    queries.invalidate();
    return done;
  }

  /** Sorting once to build an index beats a million random B-tree inserts. */
  function finishBulk(): void {
    db.transaction(() => {
      for (const statement of indexStatements()) db.exec(statement);
      writer.rebuildFts();
    })();
  }

  function parseDocs(rids: number[]): Conversation[] {
    return docsJson(rids).map((doc) => JSON.parse(doc) as Conversation);
  }

  function docsJson(rids: number[]): string[] {
    return rids.length === 0 ? [] : docsOf.all(JSON.stringify(rids));
  }

  /** The documents of `rids`, in order, as one UTF-8 JSON array. */
  function docsArrayBytes(rids: number[]): Buffer {
    const docs = rids.length === 0 ? [] : docBytesOf.all(JSON.stringify(rids));
    const parts: Buffer[] = [OPEN_BRACKET];
    for (const [index, doc] of docs.entries()) {
      if (index > 0) parts.push(COMMA);
      parts.push(doc);
    }
    parts.push(CLOSE_BRACKET);
    return Buffer.concat(parts);
  }

  function get(id: string): Conversation | null {
    const doc = getJson(id);
    return doc === null ? null : (JSON.parse(doc) as Conversation);
  }

  function getJson(id: string): string | null {
    return docOf.get(id) ?? null;
  }

  /** Read, merge and write in one immediate transaction, so concurrent updates never interleave. */
  function update(id: string, patch: ConversationPatch, by = 'api'): Conversation | null {
    const result = updateIf(id, patch, () => true, by);
    return result.kind === 'updated' ? result.conversation : null;
  }

  /**
   * An update that happens only if `accept` approves the stored document as it is inside the
   * transaction (an `If-Match` check), so no write can land between the check and the update.
   */
  function updateIf(
    id: string,
    patch: ConversationPatch,
    accept: (storedJson: string) => boolean,
    by = 'api',
  ): ConditionalUpdate {
    const result = db
      .transaction((): ConditionalUpdate => {
        const rid = ridOf.get(id);
        const json = getJson(id);
        if (rid === undefined || json === null) return { kind: 'missing' };
        if (!accept(json)) return { kind: 'changed' };
        const current = JSON.parse(json) as Conversation;
        const next: Conversation = {
          ...current,
          ...patch,
          conversationAnalytics: patch.conversationAnalytics
            ? { ...(current.conversationAnalytics ?? {}), ...patch.conversationAnalytics }
            : current.conversationAnalytics,
          updatedAt: formatTrataTimestamp(Date.now()),
          updatedBy: by,
        };
        writer.replaceRow(rid, toRow(current), toRow(next));
        return { kind: 'updated', conversation: next };
      })
      .immediate();
    if (result.kind === 'updated') queries.invalidate();
    return result;
  }

  function create(conversation: Conversation): Conversation {
    db.transaction(() => writer.insertRows([toRow(conversation)])).immediate();
    queries.invalidate();
    return conversation;
  }

  function listRids(query: ListQuery) {
    return queries.page(query);
  }

  /**
   * Makes the next `list`/`listJson` of this query cheap: a search's match set is computed on
   * the worker thread while the event loop serves other requests. Without a worker, or if it
   * fails (`inline`), or if a write lands meanwhile (`stale`), the list computes it itself.
   */
  async function prepareSearch(
    query: ListQuery,
  ): Promise<'computed' | 'known' | 'stale' | 'inline'> {
    if (!worker) return 'inline';
    return queries.prepare(query, (sql) => worker.run(sql)).catch(() => 'inline' as const);
  }

  function list(query: ListQuery): ListResult {
    const { rids, total } = listRids(query);
    return { items: parseDocs(rids), total };
  }

  function listJson(query: ListQuery): ListJsonResult {
    const { rids, total } = listRids(query);
    return { json: docsArrayBytes(rids), total };
  }

  function listByProspectJson(prospectId: string, skip: number, limit: number): ListJsonResult {
    const rids = byProspect.all(prospectId, limit, skip);
    return { json: docsArrayBytes(rids), total: countByProspect.get(prospectId)! };
  }

  /**
   * Recording URLs are absolute on the demo API's origin; when the port changes between runs the
   * stored documents follow. Only the `transcriptRecordingUrl` value is rewritten.
   */
  function rewriteRecordingOrigin(from: string, to: string): number {
    return db
      .prepare('UPDATE docs SET doc = replace(doc, ?, ?) WHERE instr(doc, ?) > 0')
      .run(`"transcriptRecordingUrl":"${from}/`, `"transcriptRecordingUrl":"${to}/`, from).changes;
  }

  return {
    /** The database, for stores that read beside this one (prospects). */
    db,
    insertMany,
    get,
    getJson,
    update,
    updateIf,
    create,
    list,
    listJson,
    listByProspectJson,
    rewriteRecordingOrigin,
    prepareSearch,
    count: queries.total,
    /** Stops the search worker; the database itself belongs to the caller. */
    close: async () => worker?.close(),
  };
}
