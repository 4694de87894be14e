import type {
  AiAgent,
  CallFacets,
  CallListItem,
  ConsentValue,
  Conversation,
  SearchByField,
  SortByField,
  SortOrder,
} from '../../contract';
import type { CallRecord } from './call-record';
import type { ReviewQuery } from './review-types';

/**
 * Callscope's own store: the call index, agents and sync state. The sync and the routes use only
 * this interface; each backend (SQLite today, PostgreSQL later) keeps its dialect to itself.
 */
export interface CallQuery {
  search_by?: SearchByField;
  search_value?: string;
  status?: string;
  sort_by?: SortByField;
  sort_order: SortOrder;
  skip: number;
  limit: number;
  /** Free text over transcript, summary and caller fields (name, phone, email). */
  q?: string;
  sentiment?: string[];
  outcome?: string[];
  consent?: ConsentValue;
  agent?: string[];
  source_type?: string;
  /** The caller's record (`prospectId`), matched exactly. */
  prospect?: string;
  /** Epoch milliseconds on `timestampStart`: `from` inclusive, `to` exclusive. */
  from?: number;
  to?: number;
  /** Review state, from the review tables beside the calls. */
  review?: ReviewQuery;
}

export interface CallPage {
  items: CallListItem[];
  total: number;
}

/**
 * A page whose rows are already JSON text, as stored: the list route splices them into its
 * answer instead of parsing and serializing a hundred objects per request.
 */
export interface CallJsonPage {
  ids: string[];
  /** Each row as a JSON object's text, `agentName` included. */
  itemsJson: string[];
  total: number;
}

/**
 * Where a walk over the list stopped: the last row's value of the sort column and its id. The
 * next chunk starts after it, so rows written meanwhile never shift the walk as an offset would.
 */
export interface CallCursor {
  key: string | number | null;
  id: string;
}

/** One chunk of a walk over the whole list, and where the next one starts (null at the end). */
export interface CallChunk {
  items: CallListItem[];
  next: CallCursor | null;
}

/**
 * One call as an export writes it: plain values read from the index's columns (and the few
 * list fields only the stored row holds), without parsing the whole row per call.
 */
export interface ExportRow {
  id: string;
  /** `timestampStart` in epoch ms; null when absent or unreadable. */
  start: number | null;
  durationSeconds: number | null;
  callerName: string | null;
  callerPhone: string | null;
  callerPhoneOrigin: CallListItem['callerPhoneOrigin'];
  agentName: string | null;
  sentiment: string | null;
  prospectStatus: string | null;
  /** The list's summary (cut as the list cuts it). */
  summary: string | null;
  consentGiven: boolean | null;
  status: string | null;
}

/** One chunk of an export's walk, and where the next one starts (null at the end). */
export interface ExportChunk {
  rows: ExportRow[];
  next: CallCursor | null;
}

/** What one upsert did: rows new to the index, rows whose content changed, rows already current. */
export interface UpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface SkippedItem {
  id: string;
  reason: string;
  at: string;
}

export interface UpsertOptions {
  /**
   * Leaves the free-text index of these calls for `indexDeferredTexts` (a backfill: trigrams
   * are far cheaper in large batches). A search finds them meanwhile, only more slowly.
   */
  deferText?: boolean;
}

/** The calls of one series bucket sharing one combination of the values insights split by. */
export interface InsightCell {
  /** Index of the bucket: `[bounds[i], bounds[i + 1])`. */
  bucket: number;
  sentiment: string | null;
  outcome: string | null;
  consent: number;
  n: number;
  /** Sum of the known durations, in seconds. */
  talk: number;
  slow: number;
}

/** The calls of one agent over the whole window sharing a sentiment and an outcome. */
export interface InsightAgentCell {
  agent: string;
  sentiment: string | null;
  outcome: string | null;
  n: number;
  slow: number;
}

/** The calls of one agent in one series bucket. */
export interface InsightTrendCell {
  bucket: number;
  agent: string;
  n: number;
}

/** Review figures of the calls of one agent. */
export interface InsightReviewRow {
  agent: string | null;
  reviewed: number;
  ratingSum: number;
  ratingCount: number;
}

/** What `/api/insights` is composed from; every figure is a sum over these. */
export interface InsightRollup {
  cells: InsightCell[];
  /** Per agent over the window (calls without an agent are left out). */
  agents: InsightAgentCell[];
  trend: InsightTrendCell[];
  /** Nearest-rank quantiles of the known durations (seconds), null when there are none. */
  duration: { median: number | null; p90: number | null };
  reviews: InsightReviewRow[];
}

/**
 * Reads and writes of the index. Every method returns a Promise: a backend on a server (such as
 * PostgreSQL) answers over the network. Inside a `group` the same methods run in its transaction.
 */
export interface CallIndex {
  /**
   * Writes conversations (one transaction) and marks them seen by `sweep` when given, so a
   * resumed sweep knows what it already read and a reconcile knows what the API still has.
   */
  upsert(
    conversations: Conversation[],
    sweep?: string,
    options?: UpsertOptions,
  ): Promise<UpsertResult>;
  /** `upsert` of conversations already made records (by the sync, off the event loop). */
  upsertRecords(
    records: CallRecord[],
    sweep?: string,
    options?: UpsertOptions,
  ): Promise<UpsertResult>;
  /** Indexes up to `max` deferred texts (one transaction); returns how many remain. */
  indexDeferredTexts(max: number): Promise<number>;
  deferredTexts(): Promise<number>;
  /** Marks ids as seen by `sweep` without rewriting them; returns which ids were known. */
  seenIn(ids: string[], sweep: string): Promise<Set<string>>;
  /** Was `id` read by `sweep` (it is in the index and that sweep marked it)? */
  seenBy(id: string, sweep: string): Promise<boolean>;
  /** Ids in the index that `sweep` did not see (the candidates for deletion), up to `limit`. */
  notSeenIn(sweep: string, limit: number): Promise<string[]>;
  remove(ids: string[]): Promise<number>;
  /** Empties the conversations (the index now follows another API). */
  clear(): Promise<void>;
  get(id: string): Promise<Conversation | null>;
  /** The newest `updatedAt` in the index (epoch ms), for the incremental pass. */
  newestUpdate(): Promise<number | null>;
  list(query: CallQuery): Promise<CallPage>;
  listJson(query: CallQuery): Promise<CallJsonPage>;
  facets(query: CallQuery): Promise<CallFacets>;
  /** How many calls match the query's filters (its `skip` and `limit` aside). */
  total(query: CallQuery): Promise<number>;
  /**
   * Up to `limit` rows in the query's order after `after` (from the first row when null),
   * whatever the query's `skip` and `limit`: an export reads the whole list this way, a chunk
   * at a time, in constant memory.
   */
  listAfter(query: CallQuery, after: CallCursor | null, limit: number): Promise<CallChunk>;
  /**
   * `listAfter`'s walk (same rows, order and cursor) as export rows: only the columns an export
   * writes, read as plain values.
   */
  exportAfter(query: CallQuery, after: CallCursor | null, limit: number): Promise<ExportChunk>;
  count(): Promise<number>;
  /**
   * The calls matching `query` split by series bucket (ascending `bounds`, epoch ms) and by
   * sentiment, outcome, agent and consent; their duration quantiles; their review figures per
   * agent. Only calls that start inside `[bounds[0], bounds.at(-1))` count.
   */
  insights(query: CallQuery, bounds: number[]): Promise<InsightRollup>;
  /** The earliest `timestampStart` in the index (epoch ms), where an all-time series begins. */
  firstStart(): Promise<number | null>;
  upsertAgents(agents: AiAgent[]): Promise<void>;
  /** Every named agent's name by id: callers look names up in it without a query per row. */
  agentNames(): Promise<ReadonlyMap<string, string>>;
  /** Small JSON values that must survive a restart: checkpoints, watermarks, the upstream. */
  readState<T>(key: string): Promise<T | undefined>;
  writeState(key: string, value: unknown): Promise<void>;
  noteSkipped(item: SkippedItem): Promise<void>;
  forgetSkipped(id: string): Promise<void>;
  skipped(limit: number): Promise<{ items: SkippedItem[]; count: number }>;
}

/** The index inside a `group`: its writes commit together. */
export interface CallTransaction extends CallIndex {
  /**
   * Commits what the group wrote so far (pages of a backfill with their checkpoint), and goes on
   * in a new transaction: a crash then loses only what came after.
   */
  commit(): Promise<void>;
}

export interface CallStore extends CallIndex {
  /**
   * Runs `work` in one transaction, on one connection, that commits when `work` resolves and is
   * rolled back (since its last `commit`) when it throws. Groups run one at a time. Many pages
   * of a backfill go in one group: a commit is costly. Writes through the store itself (not
   * `tx`) while a group is open are not part of it on a server backend, but may be on SQLite,
   * whose one connection they share.
   */
  group<T>(work: (tx: CallTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
