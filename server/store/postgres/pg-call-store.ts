import type pg from 'pg';
import { LRUCache } from 'lru-cache';
import type { CallFacets, CallListItem, Conversation } from '../../../contract';
import { toCallRecord, type CallRecord } from '../call-record';
import { walkRuns, type Sql } from '../call-filters';
import { exportRowOf, type StoredExportRow } from '../export-row';
import {
  ALL_GROUPS,
  facetsOf,
  hasText,
  mergeGroups,
  rangeGroupSql,
  scopeKey,
  scopeOf,
  totalOf,
  type CallGroup,
} from '../call-groups';
import type {
  CallChunk,
  CallIndex,
  CallJsonPage,
  CallQuery,
  CallStore,
  CallTransaction,
  ExportChunk,
  InsightReviewRow,
  InsightRollup,
  SkippedItem,
} from '../types';
import {
  pieceSql,
  readRollupFigures,
  rollupsAnswer,
  splitCells,
  type FullInsightCell,
  type PieceRow,
  type RollupDialect,
} from '../insight-rollups';
import { CALL_MIGRATIONS } from './pg-call-migrations';

import {
  chunkSql,
  EXPORT_FIELDS,
  groupSql,
  insightCellsSql,
  insightDurationsSql,
  insightReviewsSql,
  nullStartsSql,
  numbered,
  pageSql,
  periodCountsSql,
} from './pg-call-sql';
import { COUNTED_SKIP, countsPlace, placeByCounts, type PeriodCount } from '../counted-seek';
import {
  clearCalls,
  markSeen,
  removeCalls,
  upsertAgentRows,
  upsertRecords,
  type PgRun,
} from './pg-call-writer';
import { runMigrations } from './pg-migrate';
import { sharedFreshRead } from './shared-fresh-read';
import { LONG_WORK } from './pg-pool';

const PG_ROLLUPS: RollupDialect = { int: (expression) => `(${expression})::integer` };

/**
 * What this process keeps between requests, each entry under the data version it was read at
 * (and the review epoch inside the query): another replica's write bumps the version, so no
 * entry outlives the data it was read from, whichever replica wrote.
 */
interface Caches {
  /** A list page's rows with their total and agents' names. */
  pages: LRUCache<string, ListedPage & { version: string }>;
  /** A kept page's rows as the list route splices them in. */
  pageJson: WeakMap<ListedPage, CallJsonPage>;
  /** Counts per combination of the facet filters, each kept from when its read begins. */
  groups: LRUCache<string, Promise<CallGroup[]>>;
  facets: LRUCache<string, CallFacets>;
  insights: LRUCache<string, Omit<InsightRollup, 'reviews'>>;
  agents: { version: string; names: Map<string, string> } | null;
  latest: { version: string; start: number | null } | null;
  /** The review tables exist (created by the review store); they are never dropped. */
  reviewTables: boolean;
}

interface PageRow {
  id: string;
  agentId: string | null;
  item: string;
}
interface ListedPage {
  rows: PageRow[];
  total: number;
  names: Map<string, string>;
}
interface ChunkRow extends PageRow {
  sortKey: string | number | null;
}

const VERSION_SQL = 'SELECT version FROM calls_version';
const readVersion = async (run: PgRun) => (await run<{ version: string }>(VERSION_SQL))[0]!.version;

/**
 * The index's methods over one way of running statements: the pool (each statement on its own)
 * or a group's connection (inside its transaction). `atomic` runs several writes together;
 * `countedSkip` is where the counts start placing pages (`PgCallStoreOptions`); `version` reads
 * the data version the caches are keyed by.
 */
function createIndex(
  run: PgRun,
  atomic: <T>(work: (run: PgRun) => Promise<T>) => Promise<T>,
  caches: Caches,
  countedSkip: number,
  version: () => Promise<string> = () => readVersion(run),
): CallIndex {
  const query = <R extends object>(sql: Sql) => {
    const { text, values } = numbered(sql);
    return run<R>(text, values);
  };

  async function agentNames(at: string): Promise<Map<string, string>> {
    if (caches.agents?.version === at) return caches.agents.names;
    const rows = await run<{ id: string; name: string | null }>('SELECT id, name FROM agents');
    const names = new Map<string, string>();
    for (const row of rows) if (row.name) names.set(row.id, row.name);
    caches.agents = { version: at, names };
    return names;
  }

  /** The last start in the index at data version `at`, which an open end of a range reaches. */
  async function latestStart(at: string): Promise<number | null> {
    if (caches.latest?.version === at) return caches.latest.start;
    const rows = await run<{ v: number | null }>('SELECT max(ts_start) AS v FROM calls');
    const start = rows[0]?.v ?? null;
    caches.latest = { version: at, start };
    return start;
  }

  const groupsKey = (at: string, query_: CallQuery) => `${at}|${scopeKey(scopeOf(query_))}`;

  /**
   * The query's calls counted per combination of the facet filters, at data version `at`. The
   * read is kept while it runs, so a page and its facets asked together read the counts once.
   */
  function groups(at: string, query_: CallQuery): Promise<CallGroup[]> {
    const key = groupsKey(at, query_);
    const kept = caches.groups.get(key);
    if (kept) return kept;
    const read = readGroups(at, scopeOf(query_));
    caches.groups.set(key, read);
    // A failed read is not kept: the next request reads again.
    read.catch(() => {
      if (caches.groups.get(key) === read) caches.groups.delete(key);
    });
    return read;
  }

  async function readGroups(at: string, scope: CallQuery): Promise<CallGroup[]> {
    if (hasText(scope) || scope.prospect !== undefined || scope.review !== undefined) {
      // Filters the kept counts know nothing of: one grouped scan of the calls that pass them.
      return query<CallGroup>(groupSql(scope));
    }
    const latest =
      scope.from === undefined && scope.to === undefined ? null : await latestStart(at);
    const parts = rangeGroupSql(
      scope.from,
      scope.to,
      latest,
      (aggregate) => `${aggregate}::integer`,
    );
    // A range open at its start is the all-time counts less the rest: those are kept under the
    // version as the groups of the scope without a range, read once for every such range.
    const allTime = { ...scope, from: undefined, to: undefined };
    const ranged = scope.from !== undefined || scope.to !== undefined;
    const rows = await Promise.all(
      parts.map((sql) =>
        ranged && sql === ALL_GROUPS ? groups(at, allTime) : query<CallGroup>(sql),
      ),
    );
    return mergeGroups(rows.flat());
  }

  type VersionedRow = PageRow & { version: string };

  /**
   * A page's rows. Deep into the start order the counts per period place the page first, so the
   * statement skips less than an hour's calls instead of walking the index past every skipped
   * one; the counts and the rows must have been read at the same data version, or the page is
   * read as usual.
   */
  async function pageRowsOf(q: CallQuery): Promise<VersionedRow[]> {
    const placed = countsPlace(q, countedSkip) ? await placeWithCounts(q) : null;
    if (placed !== null) {
      const rows = await query<VersionedRow>(pageSql(placed.query));
      if (rows.length > 0 && rows[0]!.version === placed.version) return rows;
    }
    return query<VersionedRow>(pageSql(q));
  }

  async function placeWithCounts(
    q: CallQuery,
  ): Promise<{ query: CallQuery; version: string } | null> {
    let seen: string | null = null;
    const agrees = (version: string) => (seen ??= version) === version;
    let nullsFirst = 0;
    if (q.sort_order !== 'desc') {
      const [row] = await query<{ version: string; n: number }>(nullStartsSql(q));
      if (!row || !agrees(row.version)) return null;
      nullsFirst = row.n;
    }
    const placed = await placeByCounts(
      q,
      async (level, window) => {
        const rows = await query<PeriodCount & { version: string }>(
          periodCountsSql(q, level, window),
        );
        return rows.every((row) => agrees(row.version)) ? rows : null;
      },
      nullsFirst,
    );
    return placed === null || seen === null ? null : { query: placed, version: seen };
  }

  /**
   * A page is kept with the data version its rows were read at. Asked for again, it is answered
   * from memory when the version has not moved (one small read, shared by the requests that
   * arrive together); a page never read goes straight to its query, whose rows carry the version.
   */
  async function pageRows(q: CallQuery): Promise<ListedPage> {
    const key = JSON.stringify(q);
    const kept = caches.pages.get(key);
    // A text search's statement is the costly one: its counts, when kept, may say the page is
    // empty (no match, or past the end) without it.
    const before = kept || hasText(q) ? await version() : null;
    if (kept && kept.version === before) return kept;
    const counted = before === null ? undefined : caches.groups.get(groupsKey(before, q));
    if (counted !== undefined) {
      const total = totalOf(await counted, q);
      if (q.skip >= total) return { rows: [], total, names: await agentNames(before!) };
    }
    const rows = await pageRowsOf(q);
    // An empty page names no version; one read before it is no later than what it saw.
    const at = rows[0]?.version ?? before ?? (await version());
    const page = { rows, total: totalOf(await groups(at, q), q), names: await agentNames(at) };
    if (rows.length > 0 || before !== null) caches.pages.set(key, { ...page, version: at });
    return page;
  }

  const itemsOf = (rows: PageRow[], names: Map<string, string>): CallListItem[] =>
    rows.map((row) => {
      const item = JSON.parse(row.item) as Omit<CallListItem, 'agentName'>;
      const agentName = item.agentId === null ? null : (names.get(item.agentId) ?? item.agentId);
      return { ...item, agentName };
    });

  async function reviewFigures(q: CallQuery, bounds: number[]): Promise<InsightReviewRow[]> {
    if (!caches.reviewTables) {
      const rows = await run<{ present: boolean }>(
        "SELECT to_regclass('call_review_state') IS NOT NULL AS present",
      );
      // Without the review tables (no review store yet) there is no review to count.
      if (!rows[0]!.present) return [];
      caches.reviewTables = true;
    }
    return query<InsightReviewRow>(insightReviewsSql(q, bounds));
  }

  async function callFigures(at: string, q: CallQuery, bounds: number[]) {
    const key = JSON.stringify([at, q, bounds]);
    const hit = caches.insights.get(key);
    if (hit) return hit;
    let figures: Omit<InsightRollup, 'reviews'>;
    if (rollupsAnswer(q)) {
      figures = await readRollupFigures(bounds, async (batches) => {
        // One statement, so one snapshot: each piece's rows as JSON, tagged with their place.
        const parts = batches.flatMap(({ kind, pieces }, b) =>
          pieces.map((piece, i) => {
            const sql = pieceSql(kind, piece, PG_ROLLUPS);
            return {
              text: `SELECT ${b} AS b, ${i} AS i, to_jsonb(q) AS row FROM (${sql.text}) q`,
              params: sql.params,
            };
          }),
        );
        const out = batches.map(({ pieces }) => pieces.map((): PieceRow[] => []));
        if (parts.length === 0) return out;
        const rows = await query<{ b: number; i: number; row: PieceRow }>({
          text: parts.map((part) => part.text).join('\nUNION ALL\n'),
          params: parts.flatMap((part) => part.params),
        });
        for (const row of rows) out[row.b]![row.i]!.push(row.row);
        return out;
      });
    } else {
      const cells = await query<FullInsightCell>(insightCellsSql(q, bounds));
      const [duration] = await query<{ median: number | null; p90: number | null }>(
        insightDurationsSql(q, bounds),
      );
      figures = {
        ...splitCells(cells),
        duration: { median: duration!.median, p90: duration!.p90 },
      };
    }
    // A write between the version and the figures: the figures may be newer, so not kept.
    if ((await version()) === at) caches.insights.set(key, figures);
    return figures;
  }

  const writeRecords = async (records: CallRecord[], sweep?: string) => {
    if (records.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    // Texts are indexed at once: a GIN index takes them in the same transaction.
    return atomic((inner) => upsertRecords(inner, records, sweep ?? null));
  };

  const single = async <T>(sql: string, values: unknown[] = []) =>
    (await run<{ v: T }>(sql, values))[0]?.v;

  return {
    upsert: (conversations: Conversation[], sweep?: string) =>
      writeRecords(conversations.map(toCallRecord), sweep),
    upsertRecords: (records, sweep) => writeRecords(records, sweep),
    indexDeferredTexts: async () => 0,
    deferredTexts: async () => 0,
    async seenIn(ids, sweep) {
      if (ids.length === 0) return new Set<string>();
      return atomic((inner) => markSeen(inner, ids, sweep));
    },
    async seenBy(id, sweep) {
      const rows = await run('SELECT 1 FROM calls WHERE id = $1 AND seen_sweep = $2', [id, sweep]);
      return rows.length > 0;
    },
    async notSeenIn(sweep, limit) {
      const rows = await run<{ id: string }>(
        'SELECT id FROM calls WHERE seen_sweep IS NULL OR seen_sweep <> $1 LIMIT $2',
        [sweep, limit],
      );
      return rows.map((row) => row.id);
    },
    remove: (ids) => atomic((inner) => removeCalls(inner, ids)),
    clear: () => atomic((inner) => clearCalls(inner)),
    async get(id) {
      const doc = await single<Conversation>('SELECT doc AS v FROM call_docs WHERE id = $1', [id]);
      return doc ?? null;
    },
    newestUpdate: async () =>
      (await single<number | null>('SELECT max(updated_at) AS v FROM calls')) ?? null,
    firstStart: async () =>
      (await single<number | null>('SELECT min(ts_start) AS v FROM calls')) ?? null,
    count: async () => (await single<number>('SELECT count(*)::integer AS v FROM calls'))!,
    async list(q) {
      const { rows, total, names } = await pageRows(q);
      return { items: itemsOf(rows, names), total };
    },
    async listJson(q): Promise<CallJsonPage> {
      const page = await pageRows(q);
      // A kept page gives the same object each time: the list route keeps its answer by it.
      let json = caches.pageJson.get(page);
      if (!json) {
        const { rows, total, names } = page;
        json = {
          ids: rows.map((row) => row.id),
          // A stored row is an object's JSON text: its closing brace gives way to the agent's name.
          itemsJson: rows.map((row) => {
            const agentName = row.agentId === null ? null : (names.get(row.agentId) ?? row.agentId);
            return `${row.item.slice(0, -1)},"agentName":${JSON.stringify(agentName)}}`;
          }),
          total,
        };
        caches.pageJson.set(page, json);
      }
      return json;
    },
    async facets(q) {
      const at = await version();
      const key = JSON.stringify([
        at,
        { ...q, skip: 0, limit: 0, sort_by: null, sort_order: null },
      ]);
      let hit = caches.facets.get(key);
      if (!hit) {
        const names = await agentNames(at);
        hit = facetsOf(await groups(at, q), q, (id) => names.get(id) ?? id);
        caches.facets.set(key, hit);
      }
      return hit;
    },
    total: async (q) => totalOf(await groups(await version(), q), q),
    async listAfter(q, after, limit): Promise<CallChunk> {
      const { rows, next } = await walkRuns(
        q,
        after,
        limit,
        (run, from, wanted) => query<ChunkRow>(chunkSql(q, run, from, wanted)),
        (row) => ({ key: row.sortKey, id: row.id }),
      );
      return { items: itemsOf(rows, await agentNames(await version())), next };
    },
    async exportAfter(q, after, limit): Promise<ExportChunk> {
      const { rows, next } = await walkRuns(
        q,
        after,
        limit,
        (run, from, wanted) =>
          query<StoredExportRow>(chunkSql(q, run, from, wanted, EXPORT_FIELDS)),
        (row) => ({ key: row.sortKey, id: row.id }),
      );
      const names = await agentNames(await version());
      return { rows: rows.map((row) => exportRowOf(row, names)), next };
    },
    async insights(q, bounds) {
      if (bounds.length < 2) {
        return {
          cells: [],
          agents: [],
          trend: [],
          duration: { median: null, p90: null },
          reviews: [],
        };
      }
      const figures = await callFigures(await version(), q, bounds);
      return { ...figures, reviews: await reviewFigures(q, bounds) };
    },
    async upsertAgents(agents) {
      if (agents.length === 0) return;
      await atomic((inner) => upsertAgentRows(inner, agents));
    },
    agentNames: async () => agentNames(await version()),
    async readState<T>(key: string) {
      const value = await single<string>('SELECT value AS v FROM sync_state WHERE key = $1', [key]);
      return value === undefined ? undefined : (JSON.parse(value) as T);
    },
    async writeState(key, value) {
      await run(
        `INSERT INTO sync_state (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [key, JSON.stringify(value)],
      );
    },
    async noteSkipped(item: SkippedItem) {
      await run(
        `INSERT INTO sync_skipped (id, reason, at) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET reason = excluded.reason, at = excluded.at`,
        [item.id, item.reason, item.at],
      );
    },
    async forgetSkipped(id) {
      await run('DELETE FROM sync_skipped WHERE id = $1', [id]);
    },
    async skipped(limit) {
      const items = await run<SkippedItem>(
        'SELECT id, reason, at FROM sync_skipped ORDER BY at COLLATE "C" DESC LIMIT $1',
        [limit],
      );
      const count = (await single<number>('SELECT count(*)::integer AS v FROM sync_skipped'))!;
      return { items, count };
    },
  };
}

const runOn =
  (client: pg.Pool | pg.PoolClient): PgRun =>
  async <R extends object>(text: string, values?: unknown[]) =>
    (await client.query<R & pg.QueryResultRow>(text, values)).rows;

/**
 * The call index on PostgreSQL, over a pool shared with the other stores (its owner ends it).
 * Several replicas may share the database: caches are keyed by the data version it keeps.
 */
export interface PgCallStoreOptions {
  /** Rows skipped from which a page in start order is placed by the counts (`COUNTED_SKIP`). */
  countedSkip?: number;
}

export async function createPgCallStore(
  pool: pg.Pool,
  { countedSkip = COUNTED_SKIP }: PgCallStoreOptions = {},
): Promise<CallStore> {
  await runMigrations(pool, 'calls', CALL_MIGRATIONS);
  const caches: Caches = {
    pages: new LRUCache({ max: 200 }),
    pageJson: new WeakMap(),
    groups: new LRUCache({ max: 500 }),
    facets: new LRUCache({ max: 200 }),
    insights: new LRUCache({ max: 100 }),
    agents: null,
    latest: null,
    reviewTables: false,
  };

  /** Several writes in one transaction of their own, on one connection of the pool. */
  async function inTransaction<T>(work: (run: PgRun) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      // Writes come from the sync (batches of a backfill), not from a waiting request.
      await client.query(LONG_WORK);
      const result = await work(runOn(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
      throw error;
    } finally {
      client.release(broken);
    }
  }
  const onPool = runOn(pool);
  const freshVersion = sharedFreshRead(pool, VERSION_SQL);
  const index = createIndex(onPool, inTransaction, caches, countedSkip, async () =>
    String(await freshVersion()),
  );

  async function runGroup<T>(work: (tx: CallTransaction) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    const run = runOn(client);
    let broken: Error | undefined;
    let savepoints = 0;
    // Writes inside the group are savepoints: one that fails leaves the group's earlier work,
    // as SQLite's nested transactions do.
    const atomic = async <R>(inner: (run: PgRun) => Promise<R>): Promise<R> => {
      const name = `w${++savepoints}`;
      await client.query(`SAVEPOINT ${name}`);
      try {
        const result = await inner(run);
        await client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    };
    const tx: CallTransaction = {
      ...createIndex(run, atomic, caches, countedSkip),
      async commit() {
        await client.query('COMMIT');
        await client.query('BEGIN');
        await client.query(LONG_WORK);
      },
    };
    try {
      await client.query('BEGIN');
      // A group is the sync's (a backfill's pages); its reads and writes may take long.
      await client.query(LONG_WORK);
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  let groupTurn: Promise<unknown> = Promise.resolve();
  return {
    ...index,
    group<T>(work: (tx: CallTransaction) => Promise<T>): Promise<T> {
      const turn = groupTurn.then(() => runGroup(work));
      groupTurn = turn.catch(() => undefined);
      return turn;
    },
    async close() {
      // The pool is shared: its owner ends it. A group still running finishes first.
      await groupTurn;
    },
  };
}
