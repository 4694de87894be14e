import type { AiAgent } from '../../../contract';
import { fold } from '../../db/row-mapping';
import type { CallRecord } from '../call-record';
import type { UpsertResult } from '../types';

/** Runs one statement on the connection at hand (the pool's, or a group's), returning rows. */
export type PgRun = <R extends object>(text: string, values?: unknown[]) => Promise<R[]>;

/** Every write that changes what a list shows bumps it; replicas key their caches by it. */
export const BUMP_VERSION = "UPDATE calls_version SET version = nextval('calls_version_seq')";

/**
 * Taken first by every write of calls, until its transaction ends: writers of several replicas
 * then take their turns here, instead of locking counts (see the triggers) in opposite orders
 * and deadlocking.
 */
export const LOCK_VERSION = 'SELECT version FROM calls_version FOR UPDATE';

/** Code points, as PostgreSQL's `substr` counts them. */
const length = (text: string) => [...text].length;
const foldedOrNull = (value: string | null) => (value === null ? null : fold(value));
/** SQLite's NOCASE: ASCII letters folded, everything else compared as is. */
const asciiFolded = (value: string | null) =>
  value === null ? null : value.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

/**
 * PostgreSQL's text holds no NUL character, which a transcript may carry. In the folded texts
 * it becomes U+0001, which no search needle can hold either (as NUL), so searches find the
 * same calls; in the document, U+FFFD. Ids are kept as they are: such an id is refused.
 */
const searchable = (text: string) => text.replaceAll('\u0000', '\u0001');
const storable = <T extends string | null>(text: T): T =>
  (text === null ? null : text.replaceAll('\u0000', '\ufffd')) as T;
/** The same in JSON text: a `\u0000` escape (not an escaped backslash before `u0000`). */
export const storableJson = (json: string) =>
  json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1\\ufffd');

/** One row of the upsert's recordset: the call's columns, its document and its text. */
function rowOf(record: CallRecord, sweep: string | null, now: number) {
  return {
    id: record.id,
    status: record.status,
    source_type: record.sourceType,
    agent_id: record.agentId,
    prospect_id: record.prospectId,
    ts_start: record.tsStart,
    ts_end: record.tsEnd,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    duration: record.duration,
    caller_name: storable(record.callerName),
    name_key: storable(asciiFolded(record.callerName)),
    sentiment: storable(record.sentiment),
    prospect_status: storable(record.prospectStatus),
    consent: record.consent,
    slow_answers: record.slowAnswers,
    id_l: record.idL,
    prospect_l: record.prospectL,
    agent_l: record.agentL,
    name_l: searchable(record.nameL),
    phone_d: record.phoneD,
    email_l: searchable(record.emailL),
    status_f: storable(foldedOrNull(record.status)),
    source_type_f: storable(foldedOrNull(record.sourceType)),
    sentiment_f: storable(foldedOrNull(record.sentiment)),
    prospect_status_f: storable(foldedOrNull(record.prospectStatus)),
    item: record.item,
    doc_hash: record.docHash,
    seen_sweep: sweep,
    synced_at: now,
    doc: storableJson(record.doc),
    t_len: length(record.transcriptL),
    s_len: length(record.summaryL),
    search_l: searchable(record.searchL),
  };
}
type Row = ReturnType<typeof rowOf>;

const CALL_COLUMNS: Record<Exclude<keyof Row, 'doc' | 't_len' | 's_len' | 'search_l'>, string> = {
  id: 'text',
  status: 'text',
  source_type: 'text',
  agent_id: 'text',
  prospect_id: 'text',
  ts_start: 'double precision',
  ts_end: 'double precision',
  created_at: 'double precision',
  updated_at: 'double precision',
  duration: 'double precision',
  caller_name: 'text',
  name_key: 'text',
  sentiment: 'text',
  prospect_status: 'text',
  consent: 'smallint',
  slow_answers: 'integer',
  id_l: 'text',
  prospect_l: 'text',
  agent_l: 'text',
  name_l: 'text',
  phone_d: 'text',
  email_l: 'text',
  status_f: 'text',
  source_type_f: 'text',
  sentiment_f: 'text',
  prospect_status_f: 'text',
  item: 'text',
  doc_hash: 'text',
  seen_sweep: 'text',
  synced_at: 'double precision',
};
const NAMES = Object.keys(CALL_COLUMNS) as (keyof typeof CALL_COLUMNS)[];
const RECORD_TYPE = [
  ...NAMES.map((name) => `${name} ${CALL_COLUMNS[name]}`),
  'doc text',
  't_len integer',
  's_len integer',
  'search_l text',
].join(', ');

/**
 * A batch in one statement: changed or new calls are written with their document and text,
 * calls whose document hash is unchanged are left alone (and not returned).
 */
const UPSERT = `WITH r AS (SELECT * FROM json_to_recordset($1::json) AS r(${RECORD_TYPE})),
  up AS (
    INSERT INTO calls (${NAMES.join(', ')}) SELECT ${NAMES.join(', ')} FROM r
    ON CONFLICT (id) DO UPDATE SET
      ${NAMES.filter((name) => name !== 'id' && name !== 'seen_sweep')
        .map((name) => `${name} = excluded.${name}`)
        .join(', ')},
      seen_sweep = coalesce(excluded.seen_sweep, calls.seen_sweep)
    WHERE calls.doc_hash <> excluded.doc_hash
    RETURNING id, (xmax = 0) AS inserted
  ),
  docs AS (
    INSERT INTO call_docs (id, doc) SELECT r.id, r.doc::jsonb FROM r JOIN up ON up.id = r.id
    ON CONFLICT (id) DO UPDATE SET doc = excluded.doc
  ),
  texts AS (
    INSERT INTO call_texts (id, t_len, s_len, search_l)
    SELECT r.id, r.t_len, r.s_len, r.search_l FROM r JOIN up ON up.id = r.id
    ON CONFLICT (id) DO UPDATE SET t_len = excluded.t_len, s_len = excluded.s_len,
      search_l = excluded.search_l
  )
  SELECT id, inserted FROM up`;

/** Runs of records in which no id repeats: one statement may write a row only once. */
function distinctRuns(records: CallRecord[]): CallRecord[][] {
  const runs: CallRecord[][] = [];
  let run: CallRecord[] = [];
  let ids = new Set<string>();
  for (const record of records) {
    if (ids.has(record.id)) {
      runs.push(run);
      run = [];
      ids = new Set();
    }
    run.push(record);
    ids.add(record.id);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Writes records inside the caller's transaction; bumps the data version when a row changed. */
export async function upsertRecords(
  run: PgRun,
  records: CallRecord[],
  sweep: string | null,
): Promise<UpsertResult> {
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
  const now = Date.now();
  await run(LOCK_VERSION);
  for (const batch of distinctRuns(records)) {
    const rows = batch.map((record) => rowOf(record, sweep, now));
    const written = await run<{ id: string; inserted: boolean }>(UPSERT, [JSON.stringify(rows)]);
    const inserted = written.filter((row) => row.inserted).length;
    result.inserted += inserted;
    result.updated += written.length - inserted;
    result.unchanged += batch.length - written.length;
    if (sweep !== null && written.length < batch.length) {
      const changed = new Set(written.map((row) => row.id));
      const same = batch.filter((record) => !changed.has(record.id)).map((record) => record.id);
      await run(
        'UPDATE calls SET seen_sweep = $1 WHERE id = ANY($2::text[]) AND seen_sweep IS DISTINCT FROM $1',
        [sweep, same],
      );
    }
  }
  if (result.inserted + result.updated > 0) await run(BUMP_VERSION);
  return result;
}

/** Removes calls with their document and text; returns how many were in the index. */
export async function removeCalls(run: PgRun, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  await run(LOCK_VERSION);
  const removed = await run<{ id: string }>(
    'DELETE FROM calls WHERE id = ANY($1::text[]) RETURNING id',
    [ids],
  );
  if (removed.length === 0) return 0;
  const gone = removed.map((row) => row.id);
  await run('DELETE FROM call_docs WHERE id = ANY($1::text[])', [gone]);
  await run('DELETE FROM call_texts WHERE id = ANY($1::text[])', [gone]);
  await run(BUMP_VERSION);
  return removed.length;
}

export async function clearCalls(run: PgRun): Promise<void> {
  await run(LOCK_VERSION);
  for (const table of ['calls', 'call_docs', 'call_texts', 'sync_skipped']) {
    await run(`DELETE FROM ${table}`);
  }
  await run(BUMP_VERSION);
}

export async function upsertAgentRows(run: PgRun, agents: AiAgent[]): Promise<void> {
  const now = Date.now();
  const rows = agents.map((agent) => ({
    id: agent.id,
    name: storable(agent.name ?? null),
    role: agent.role ?? null,
    timezone: agent.timezone ?? null,
    doc: storableJson(JSON.stringify(agent)),
    synced_at: now,
  }));
  // Later entries of the same id win, as one statement per agent would have it.
  const last = [...new Map(rows.map((row) => [row.id, row])).values()];
  await run(
    `INSERT INTO agents (id, name, role, timezone, doc, synced_at)
     SELECT id, name, role, timezone, doc::jsonb, synced_at
     FROM json_to_recordset($1::json)
       AS r(id text, name text, role text, timezone text, doc text, synced_at double precision)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role,
       timezone = excluded.timezone, doc = excluded.doc, synced_at = excluded.synced_at`,
    [JSON.stringify(last)],
  );
  await run(BUMP_VERSION);
}

/** Marks calls as seen by a sweep (their counts are rewritten alike by the triggers). */
export async function markSeen(run: PgRun, ids: string[], sweep: string): Promise<Set<string>> {
  await run(LOCK_VERSION);
  const rows = await run<{ id: string }>(
    'UPDATE calls SET seen_sweep = $1 WHERE id = ANY($2::text[]) RETURNING id',
    [sweep, ids],
  );
  return new Set(rows.map((row) => row.id));
}
