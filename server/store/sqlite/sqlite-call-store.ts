import Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { AiAgent, CallFacets, CallListItem, Conversation } from '../../../contract';
import { toCallRecord, unpackDoc, type CallRecord } from '../call-record';
import type {
  CallChunk,
  CallCursor,
  CallJsonPage,
  CallPage,
  CallIndex,
  CallQuery,
  CallStore,
  ExportChunk,
  CallTransaction,
  InsightRollup,
  SkippedItem,
  UpsertOptions,
  UpsertResult,
} from '../types';
import { walkRuns } from '../call-filters';
import { exportRowOfValues, type StoredExportValues } from '../export-row';
import { chunkSql, EXPORT_FIELDS, FOLD_FUNCTION, pageSql, type Sql } from './call-list-sql';
import {
  facetsOf,
  hasText,
  mergeGroups,
  rangeGroupSql,
  scopeKey,
  scopeOf,
  totalOf,
  type CallGroup,
} from '../call-groups';
import { textGroupSql } from './call-groups';
import { readCallFigures, readReviewFigures } from './insights-sql';
import {
  pieceSql,
  readRollupFigures,
  rollupsAnswer,
  type PieceRow,
  type RollupDialect,
} from '../insight-rollups';

const SQLITE_ROLLUPS: RollupDialect = { int: (expression) => expression };
import { migrate } from './migrations';
import { createCallWriter } from './call-writer';
import { createRollupKeeper } from './rollup-keeper';
import { createWalCheckpointer } from './wal-checkpointer';
import { holdsWrites } from './write-turns';

/**
 * A text search checks each row that passes the other filters, instead of reading trigram
 * candidates, when it expects to check at most this many rows.
 */
const ROW_BY_ROW_MAX = 20_000;

/**
 * The call index on SQLite (better-sqlite3, WAL) at `file` (`:memory:` for tests). Totals and
 * facets are cached per filter until the next write that changes a row.
 */
export function createSqliteCallStore(
  file: string,
  options: { rowByRowMax?: number } = {},
): CallStore {
  const rowByRowMax = options.rowByRowMax ?? ROW_BY_ROW_MAX;
  // A walk over a text search reads the trigram candidates again for every chunk; past this many
  // matches, checking each row that passes the other filters once, in order, costs less.
  const chunkedCandidatesMax = rowByRowMax / 4;
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Large enough for the dirty pages of a group of backfill pages; checkpoints of the WAL come
  // less often, so a page written several times between two of them is copied once.
  db.pragma('cache_size = -262144');
  // The log is copied back by a thread of its own after each commit; the writer's own checkpoint
  // (which copies and flushes while the writer waits) is only a backstop.
  const checkpointer = file === ':memory:' ? null : createWalCheckpointer(file);
  db.pragma(`wal_autocheckpoint = ${checkpointer ? 65_536 : 8192}`);
  db.pragma('temp_store = MEMORY');
  db.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : null,
  );
  migrate(db);

  const rollups = createRollupKeeper(db);
  const writer = createCallWriter(db, rollups);
  /**
   * A write in a transaction of its own (a savepoint inside an open group) that leaves the counts
   * in step: those pending from the group are written before it begins, so a rollback of this
   * write forgets only its own.
   */
  const withRollups = <A extends unknown[], R>(write: (...args: A) => R) => {
    const run = db.transaction((...args: A) => {
      try {
        const result = write(...args);
        rollups.flush();
        return result;
      } catch (error) {
        rollups.discard();
        throw error;
      }
    });
    return {
      immediate(...args: A): R {
        rollups.flush();
        const result = run.immediate(...args);
        checkpointer?.nudge();
        return result;
      },
    };
  };
  const statements = new Map<string, Database.Statement>();
  const prepared = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
  const groupCache = new LRUCache<string, CallGroup[]>({ max: 500 });
  // Most requests are for a few pages (the default view, its first pages) that only change when
  // the index does: a page is kept until the next write, and its query runs once per write.
  const pageCache = new LRUCache<string, CallJsonPage>({ max: 200 });
  const facetCache = new LRUCache<string, CallFacets>({ max: 200 });
  const insightCache = new LRUCache<string, Omit<InsightRollup, 'reviews'>>({ max: 100 });
  // Counts writes, so a figure read before a write is never cached after it.
  let writes = 0;
  const changed = () => {
    writes++;
    groupCache.clear();
    pageCache.clear();
    facetCache.clear();
    insightCache.clear();
  };

  // Walks over the whole list (exports) read through a connection of their own with a small page
  // cache: a million rows pass through it, and the main connection's large cache would keep
  // hundreds of MB of them. Opened on first use; an in-memory index has only the one connection.
  let walker: Database.Database | undefined;
  const walkStatements = new Map<string, Database.Statement>();
  const walkPrepared = (text: string) => {
    if (file === ':memory:') return prepared(text);
    if (!walker) {
      walker = new Database(file, { readonly: true });
      walker.pragma('busy_timeout = 5000');
      walker.pragma('cache_size = -8192');
      walker.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) =>
        typeof value === 'string' ? value.toLowerCase() : null,
      );
    }
    let statement = walkStatements.get(text);
    if (!statement) {
      statement = walker.prepare(text);
      walkStatements.set(text, statement);
    }
    return statement;
  };

  const docOf = db
    .prepare<[string], string | Uint8Array>(
      'SELECT d.doc FROM calls c JOIN call_docs d ON d.rid = c.rid WHERE c.id = ?',
    )
    .pluck();
  const seenByStmt = db
    .prepare<[string, string], number>('SELECT 1 FROM calls WHERE id = ? AND seen_sweep = ?')
    .pluck();
  const countAll = db.prepare<[], number>('SELECT count(*) FROM calls').pluck();
  const newest = db.prepare<[], number | null>('SELECT max(updated_at) FROM calls').pluck();
  const earliest = db.prepare<[], number | null>('SELECT min(ts_start) FROM calls').pluck();
  const latest = db.prepare<[], number | null>('SELECT max(ts_start) FROM calls').pluck();
  const agentNames = new Map<string, string>();
  const loadAgents = () => {
    agentNames.clear();
    const rows = db.prepare('SELECT id, name FROM agents').all() as { id: string; name: string }[];
    for (const row of rows) if (row.name) agentNames.set(row.id, row.name);
  };
  loadAgents();

  const upsertAgent = db.prepare(
    `INSERT INTO agents (id, name, role, timezone, doc, synced_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role,
       timezone = excluded.timezone, doc = excluded.doc, synced_at = excluded.synced_at`,
  );
  const readStateStmt = db
    .prepare<[string], string>('SELECT value FROM sync_state WHERE key = ?')
    .pluck();
  const writeStateStmt = db.prepare(
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const noteSkippedStmt = db.prepare(
    'INSERT INTO sync_skipped (id, reason, at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET reason = excluded.reason, at = excluded.at',
  );
  const forgetSkippedStmt = db.prepare('DELETE FROM sync_skipped WHERE id = ?');
  // Prepared once: the sync asks for the count after every chunk it indexes.
  const skippedItems = db.prepare<[number], SkippedItem>(
    'SELECT id, reason, at FROM sync_skipped ORDER BY at DESC LIMIT ?',
  );
  const skippedCount = db.prepare<[], number>('SELECT count(*) FROM sync_skipped').pluck();

  const writeRecords = (records: CallRecord[], sweep: string | null, options: UpsertOptions) => {
    const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
    const now = Date.now();
    const deferText = options.deferText === true;
    for (const record of records) {
      const hash = record.docHash;
      const existing = writer.find(record.id);
      if (!existing) {
        writer.insert(record, hash, sweep, now, deferText);
        result.inserted++;
      } else if (existing.docHash !== hash) {
        writer.update(existing.rid, record, hash, sweep, now, deferText);
        result.updated++;
      } else {
        if (sweep !== null) writer.markSeen(existing.rid, sweep);
        result.unchanged++;
      }
    }
    return result;
  };
  const upsertMany = withRollups(writeRecords);
  const removeMany = withRollups((ids: string[]) => ids.filter((id) => writer.remove(id)).length);
  const countDeferred = db.prepare<[], number>('SELECT count(*) FROM calls_fts_pending').pluck();
  const indexDeferred = db.transaction((max: number) => writer.indexDeferred(max));

  function itemsOf(rows: { item: string }[]): CallListItem[] {
    return rows.map((row) => {
      const item = JSON.parse(row.item) as Omit<CallListItem, 'agentName'>;
      const agentName =
        item.agentId === null ? null : (agentNames.get(item.agentId) ?? item.agentId);
      return { ...item, agentName };
    });
  }

  /**
   * The calls in the query's date range and text search, counted per combination of the other
   * filters: totals and facets are then sums in memory. Cached until the next write.
   */
  function groups(query: CallQuery): CallGroup[] {
    rollups.flush();
    const scope = scopeOf(query);
    const key = scopeKey(scope);
    let hit = groupCache.get(key);
    if (hit) return hit;
    if (!hasText(scope) && (scope.prospect !== undefined || scope.review !== undefined)) {
      // Filters the kept counts know nothing of: one grouped scan of the calls that pass them.
      const sql = textGroupSql(scope, false);
      hit = prepared(sql.text).all(...sql.params) as CallGroup[];
    } else if (!hasText(scope)) {
      hit = mergeGroups(
        rangeGroupSql(scope.from, scope.to, latest.get() ?? null).flatMap(
          (sql) => prepared(sql.text).all(...sql.params) as CallGroup[],
        ),
      );
    } else {
      const rows = totalOf(groups({ ...scope, q: undefined, search_by: undefined }), scope);
      const sql = textGroupSql(scope, rows <= rowByRowMax);
      hit = prepared(sql.text).all(...sql.params) as CallGroup[];
    }
    groupCache.set(key, hit);
    return hit;
  }

  interface PageRow {
    id: string;
    agentId: string | null;
    item: string;
  }

  function pageRows(query: CallQuery): { rows: PageRow[]; total: number } {
    const n = totalOf(groups(query), query);
    if (query.skip >= n) return { rows: [], total: n };
    let rowByRow = false;
    if (hasText(query)) {
      // Rows the page would check one by one: the matches are spread over the rows that pass
      // the other filters, so reaching `skip + limit` of them takes about this many.
      const rows = totalOf(groups({ ...query, q: undefined, search_by: undefined }), query);
      rowByRow = ((query.skip + query.limit) * rows) / n <= rowByRowMax;
    }
    const sql = pageSql(query, rowByRow);
    return { rows: prepared(sql.text).all(...sql.params) as PageRow[], total: n };
  }

  function list(query: CallQuery): CallPage {
    const { rows, total } = pageRows(query);
    return { items: itemsOf(rows), total };
  }

  function listJson(query: CallQuery): CallJsonPage {
    const key = JSON.stringify(query);
    const hit = pageCache.get(key);
    if (hit) return hit;
    const page = listJsonUncached(query);
    pageCache.set(key, page);
    return page;
  }

  function listJsonUncached(query: CallQuery): CallJsonPage {
    const { rows, total } = pageRows(query);
    return {
      ids: rows.map((row) => row.id),
      // A stored row is an object's JSON text: its closing brace gives way to the agent's name.
      itemsJson: rows.map((row) => {
        const agentName =
          row.agentId === null ? null : (agentNames.get(row.agentId) ?? row.agentId);
        return `${row.item.slice(0, -1)},"agentName":${JSON.stringify(agentName)}}`;
      }),
      total,
    };
  }

  interface ChunkRow extends PageRow {
    sortKey: string | number | null;
  }

  /** Whether a walk over `query` checks each row's text instead of reading candidates. */
  const walksRowByRow = (query: CallQuery) =>
    hasText(query) && totalOf(groups(query), query) > chunkedCandidatesMax;

  /** A keyset walk over `query`'s chunks; `read` runs each chunk's statement. */
  function walkChunks<Row>(
    query: CallQuery,
    after: CallCursor | null,
    limit: number,
    read: (sql: Sql) => Row[],
    cursorOf: (row: Row) => CallCursor,
    fields?: string,
  ) {
    const rowByRow = walksRowByRow(query);
    return walkRuns(
      query,
      after,
      limit,
      (run, from, wanted) => read(chunkSql(query, run, from, wanted, rowByRow, fields)),
      cursorOf,
    );
  }

  async function listAfter(
    query: CallQuery,
    after: CallCursor | null,
    limit: number,
  ): Promise<CallChunk> {
    const { rows, next } = await walkChunks(
      query,
      after,
      limit,
      (sql) => walkPrepared(sql.text).all(...sql.params) as ChunkRow[],
      (row) => ({ key: row.sortKey, id: row.id }),
    );
    return { items: itemsOf(rows), next };
  }

  async function exportAfter(
    query: CallQuery,
    after: CallCursor | null,
    limit: number,
  ): Promise<ExportChunk> {
    const { rows, next } = await walkChunks(
      query,
      after,
      limit,
      // Arrays: a million rows' objects with named fields cost more than reading them.
      (sql) =>
        walkPrepared(sql.text)
          .raw(true)
          .all(...sql.params) as StoredExportValues[],
      (values) => ({ key: values[12], id: values[0] }),
      EXPORT_FIELDS,
    );
    return { rows: rows.map((values) => exportRowOfValues(values, agentNames)), next };
  }

  /** The call figures are cached per query until the next write; review figures never are. */
  async function insights(query: CallQuery, bounds: number[]): Promise<InsightRollup> {
    const key = JSON.stringify([query, bounds]);
    if (rollupsAnswer(query)) {
      let hit = insightCache.get(key);
      if (!hit) {
        const at = writes;
        // Every piece is read in one synchronous run: no write can come in between.
        hit = await readRollupFigures(bounds, async (batches) => {
          rollups.flush();
          return batches.map(({ kind, pieces }) =>
            pieces.map((piece) => {
              const sql = pieceSql(kind, piece, SQLITE_ROLLUPS);
              return prepared(sql.text).all(...sql.params) as PieceRow[];
            }),
          );
        });
        if (at === writes) insightCache.set(key, hit);
      }
      return { ...hit, reviews: readReviewFigures(prepared, query, bounds, false) };
    }
    const rowByRow =
      hasText(query) &&
      totalOf(groups({ ...query, q: undefined, search_by: undefined }), query) <= rowByRowMax;
    let hit = insightCache.get(key);
    if (!hit) {
      hit = readCallFigures(prepared, query, bounds, rowByRow);
      insightCache.set(key, hit);
    }
    return { ...hit, reviews: readReviewFigures(prepared, query, bounds, rowByRow) };
  }

  function facets(query: CallQuery): CallFacets {
    const key = JSON.stringify({ ...query, skip: 0, limit: 0, sort_by: null, sort_order: null });
    let hit = facetCache.get(key);
    if (!hit) {
      hit = facetsOf(groups(query), query, (id) => agentNames.get(id) ?? id);
      facetCache.set(key, hit);
    }
    return hit;
  }

  // The index's reads and writes. Each runs synchronously inside (better-sqlite3), so no other
  // request interleaves with one, and a cache is filled from the state it was read in.
  const index: CallIndex = {
    upsert: (conversations, sweep, options) =>
      index.upsertRecords(conversations.map(toCallRecord), sweep, options),
    async upsertRecords(records, sweep, options = {}) {
      if (records.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
      const result = upsertMany.immediate(records, sweep ?? null, options);
      if (result.inserted + result.updated > 0) changed();
      return result;
    },
    async indexDeferredTexts(max) {
      // The answers stay the same: a deferred text was found by its scan until now.
      indexDeferred.immediate(max);
      checkpointer?.nudge();
      return countDeferred.get()!;
    },
    deferredTexts: async () => countDeferred.get()!,
    async seenIn(ids, sweep) {
      return db.transaction(() => {
        const known = new Set<string>();
        for (const id of ids) {
          const existing = writer.find(id);
          if (existing) {
            writer.markSeen(existing.rid, sweep);
            known.add(id);
          }
        }
        return known;
      })();
    },
    async seenBy(id, sweep) {
      return seenByStmt.get(id, sweep) !== undefined;
    },
    async notSeenIn(sweep, limit) {
      return db
        .prepare<[string, number], string>(
          'SELECT id FROM calls WHERE seen_sweep IS NULL OR seen_sweep <> ? LIMIT ?',
        )
        .pluck()
        .all(sweep, limit);
    },
    async remove(ids) {
      const removed = removeMany.immediate(ids);
      if (removed > 0) changed();
      return removed;
    },
    async clear() {
      withRollups(() => {
        rollups.clear();
        db.exec('DELETE FROM calls; DELETE FROM call_docs; DELETE FROM call_texts;');
        db.exec('DELETE FROM calls_fts; DELETE FROM calls_fts_pending; DELETE FROM sync_skipped;');
      }).immediate();
      changed();
    },
    async get(id) {
      const doc = docOf.get(id);
      return doc === undefined ? null : (JSON.parse(unpackDoc(doc)) as Conversation);
    },
    newestUpdate: async () => newest.get() ?? null,
    list: async (query) => list(query),
    listJson: async (query) => listJson(query),
    facets: async (query) => facets(query),
    total: async (query) => totalOf(groups(query), query),
    listAfter,
    exportAfter,
    insights,
    firstStart: async () => earliest.get() ?? null,
    count: async () => countAll.get()!,
    async upsertAgents(agents: AiAgent[]) {
      const now = Date.now();
      db.transaction(() => {
        for (const agent of agents) {
          upsertAgent.run(
            agent.id,
            agent.name ?? null,
            agent.role ?? null,
            agent.timezone ?? null,
            JSON.stringify(agent),
            now,
          );
        }
      })();
      loadAgents();
      // Rows and facets carry agents' names.
      pageCache.clear();
      facetCache.clear();
    },
    agentNames: async () => agentNames,
    async readState<T>(key: string) {
      const value = readStateStmt.get(key);
      return value === undefined ? undefined : (JSON.parse(value) as T);
    },
    async writeState(key, value) {
      writeStateStmt.run(key, JSON.stringify(value));
    },
    async noteSkipped(item: SkippedItem) {
      noteSkippedStmt.run(item.id, item.reason, item.at);
    },
    async forgetSkipped(id) {
      forgetSkippedStmt.run(id);
    },
    async skipped(limit) {
      const items = limit > 0 ? skippedItems.all(limit) : [];
      return { items, count: skippedCount.get()! };
    },
  };

  // The one connection is shared: a group's transaction is the connection's, so groups take
  // turns, and a nested statement transaction (an upsert) becomes a savepoint inside it.
  let groupTurn: Promise<unknown> = Promise.resolve();
  const groupTx: CallTransaction = {
    ...index,
    upsert: (conversations, sweep, options) =>
      groupTx.upsertRecords(conversations.map(toCallRecord), sweep, options),
    async upsertRecords(records, sweep, options = {}) {
      if (records.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
      const result = writeInGroup(records, sweep ?? null, options);
      if (result.inserted + result.updated > 0) changed();
      return result;
    },
    async commit() {
      if (!db.inTransaction) return;
      rollups.flush();
      db.exec('COMMIT');
      checkpointer?.nudge();
      db.exec('BEGIN IMMEDIATE');
    },
  };
  /**
   * A write inside a group's transaction, without a savepoint of its own: a backfill writes
   * thousands of rows per group in chunks of 20, and a savepoint per chunk showed as about 5% of
   * the sync's CPU in a profile. A failed write rolls back what the group wrote since it last
   * committed (its checkpoint with it), so no half-written chunk is ever committed. Writes from
   * outside the group (a request's upsert while a group is open) still take a savepoint: their
   * failure is theirs alone.
   */
  function writeInGroup(records: CallRecord[], sweep: string | null, options: UpsertOptions) {
    // The group let go of its transaction for another connection's write: it takes a new one.
    if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
    try {
      return writeRecords(records, sweep, options);
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      rollups.discard();
      changed();
      throw error;
    }
  }
  async function runGroup<T>(work: (tx: CallTransaction) => Promise<T>): Promise<T> {
    db.exec('BEGIN IMMEDIATE');
    groupOpen = true;
    try {
      const result = await work(groupTx);
      if (db.inTransaction) {
        rollups.flush();
        db.exec('COMMIT');
        checkpointer?.nudge();
      }
      return result;
    } catch (error) {
      if (db.inTransaction) {
        db.exec('ROLLBACK');
        rollups.discard();
        // Pages and counts read meanwhile may hold rows that are gone now.
        changed();
      }
      throw error;
    } finally {
      groupOpen = false;
    }
  }
  // A group holds the write lock while it awaits its next page; a write on another connection
  // to this file (a reviewer's) has the group commit what it wrote so far first. Its writes are
  // whole at every await, and a sweep reads again what its checkpoint does not cover yet.
  let groupOpen = false;
  const letGoOfWrites =
    file === ':memory:'
      ? () => undefined
      : holdsWrites(file, () => {
          if (!groupOpen || !db.inTransaction) return;
          rollups.flush();
          db.exec('COMMIT');
          checkpointer?.nudge();
        });

  return {
    ...index,
    group<T>(work: (tx: CallTransaction) => Promise<T>): Promise<T> {
      const turn = groupTurn.then(() => runGroup(work));
      groupTurn = turn.catch(() => undefined);
      return turn;
    },
    async close() {
      letGoOfWrites();
      walker?.close();
      await checkpointer?.close();
      db.close();
    },
  };
}
