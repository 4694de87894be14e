import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { DEMO_SEED, generateConversations } from '../server/demo-data/generate';
import { createPgCallStore } from '../server/store/postgres/pg-call-store';
import { createPgPool } from '../server/store/postgres/pg-pool';
import { createSqliteCallStore } from '../server/store/sqlite/sqlite-call-store';
import type { CallQuery, CallStore } from '../server/store/types';
import { SORT_BY_FIELDS, type Conversation } from '../contract';
import { startBenchAppServer } from './bench-app-server';
import { replaceSection } from './bench-report';

/**
 * `npm run bench:pg-index`: the list engine's queries on PostgreSQL beside SQLite, on one
 * fixture of BENCH_PG_N demo conversations (1,000,000). The SQLite index is built once into
 * bench-data/ and reused; PostgreSQL (the throwaway cluster of scripts/with-postgres.sh, given
 * the 1 GB of shared buffers a server of this size would have: its default is 128 MB) is
 * loaded through its store on every run (a DATABASE_URL that already holds the fixture is
 * reused). Each row is timed through /api/calls over HTTP, then as the store's own part of it
 * in the process, the two backends taking turns so that both see the same load.
 * Env: BENCH_PG_N, BENCH_RUNS (200 per row, 30 for the uncached facets of a text search), BENCH_WRITE=0 leaves docs/benchmarks.md alone,
 * BENCH_FIXTURE_ONLY=1 builds the SQLite fixture and stops, BENCH_ONLY (a regular expression) runs
 * only the rows whose names match it and leaves docs/benchmarks.md alone.
 */
const N = Number(process.env.BENCH_PG_N ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
/** The uncached facets of a text search take seconds each: fewer runs of them. */
const FACET_RUNS = Math.min(RUNS, 30);
const BATCH = 2_000;
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
const wanted = ([name]: [string, unknown]) => only === null || only.test(name);

const dir = path.resolve('bench-data');
mkdirSync(dir, { recursive: true });
const sqliteFile = path.join(dir, `pg-index-${N}.sqlite`);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
const loadBefore = load();

/** The same conversations on every run: a fixed seed and end date. */
function* fixture(): Generator<Conversation> {
  yield* generateConversations({
    count: N,
    seed: DEMO_SEED,
    now: new Date('2026-11-20T00:00:00Z'),
    recordingOrigin: 'http://127.0.0.1:8081',
  }) as Generator<Conversation>;
}

/**
 * Writes the fixture through a store's interface, committing a batch at a time. The next batch
 * is generated while the database writes the last one (PostgreSQL, in its own process): the
 * loop yields now and then so that the driver's replies are read meanwhile.
 */
async function fill(store: CallStore, name: string, deferText: boolean): Promise<number> {
  const started = performance.now();
  let batch: Conversation[] = [];
  let written = 0;
  await store.group(async (tx) => {
    let writing: Promise<void> = Promise.resolve();
    const write = async (conversations: Conversation[]) => {
      await tx.upsert(conversations, undefined, { deferText });
      await tx.commit();
      written += conversations.length;
      if (written % 100_000 === 0) console.log(`  ${name}: ${written} written (load ${load()})`);
    };
    for (const conversation of fixture()) {
      batch.push(conversation);
      if (batch.length % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (batch.length < BATCH) continue;
      await writing;
      writing = write(batch);
      batch = [];
    }
    await writing;
    if (batch.length > 0) await write(batch);
  });
  while ((await store.indexDeferredTexts(5_000)) > 0);
  return (performance.now() - started) / 1000;
}

const fresh = !existsSync(sqliteFile);
const sqlite = createSqliteCallStore(sqliteFile);
if (fresh || (await sqlite.count()) !== N) {
  const seconds = await fill(sqlite, 'SQLite', true);
  console.log(`SQLite fixture: ${N} calls in ${seconds.toFixed(0)} s (load ${load()})`);
}
if (process.env.BENCH_FIXTURE_ONLY === '1') process.exit(0);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run through scripts/with-postgres.sh');
// No statement limit: the VACUUM ANALYZE after a load of a million calls runs for minutes.
const pool = createPgPool({ connectionString: url, max: 4, statementTimeoutMs: 0 });
const pg = await createPgCallStore(pool);
const sharedBuffers = (await pool.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows[0]!
  .shared_buffers;
// A database given by hand that already holds the fixture (one kept between runs) is reused.
const loaded = (await pg.count()) === N;
let pgLoad = `${N.toLocaleString('en')} calls already loaded (a kept database)`;
if (!loaded) {
  const pgSeconds = await fill(pg, 'PostgreSQL', false);
  await pool.query('VACUUM ANALYZE');
  pgLoad = `${N.toLocaleString('en')} calls loaded in ${pgSeconds.toFixed(0)} s (${Math.round(N / pgSeconds).toLocaleString('en')} calls/s, load ${load()})`;
}
console.log(`PostgreSQL: ${pgLoad}`);

// Values of the filters, from the data itself.
const base: CallQuery = { sort_order: 'desc', skip: 0, limit: 50 };
const newest = await sqlite.list({ ...base, sort_by: 'timestampStart', limit: 1 });
const end = Date.parse(newest.items[0]!.timestampStart!);
const monthAgo = end - 30 * 86_400_000;
const facets = await sqlite.facets(base);
const agent = facets.agent[0]!.id;
// A word of one caller's name is rare among a million calls; `zzqx` is in none.
const oldest = await sqlite.list({ ...base, sort_order: 'asc', limit: 1 });
const rare = (oldest.items[0]!.callerName ?? 'Harrington').split(/\s+/).at(-1)!;

const half = Math.floor(N / 2);
const cases: [string, CallQuery][] = [
  ...SORT_BY_FIELDS.flatMap((sort_by) =>
    (['asc', 'desc'] as const).map((sort_order): [string, CallQuery] => [
      `sort ${sort_by} ${sort_order}`,
      { ...base, sort_by, sort_order },
    ]),
  ),
  ['sentiment=negative', { ...base, sentiment: ['negative'] }],
  ['outcome=PRODUCT_ORDER_PLACED', { ...base, outcome: ['PRODUCT_ORDER_PLACED'] }],
  ['consent=missing', { ...base, consent: 'missing' }],
  ['agent', { ...base, agent: [agent] }],
  ['source_type=PHONE', { ...base, source_type: 'PHONE' }],
  ['status=archived', { ...base, status: 'archived' }],
  ['30-day range', { ...base, from: monthAgo }],
  ['q=table (common)', { ...base, q: 'table' }],
  [`q=${rare} (rare)`, { ...base, q: rare }],
  ['q=zzqx (no match)', { ...base, q: 'zzqx' }],
  [
    'negative + 30 days + agent + q=table',
    { ...base, sentiment: ['negative'], from: monthAgo, agent: [agent], q: 'table' },
  ],
  ['skip 1,000', { ...base, skip: 1_000 }],
  [`skip ${half.toLocaleString('en')} (deep)`, { ...base, skip: half }],
  [
    `skip ${half.toLocaleString('en')}, sort name asc`,
    { ...base, skip: half, sort_by: 'name_of_caller', sort_order: 'asc' },
  ],
];

/**
 * The page a run asks for. Each run asks for a page of its own, 50 to 99 rows (the API takes
 * 100 at most) a row or two further on: the stores keep whole pages until the next write, and a
 * page asked for again says nothing of the queries. The API's runs (`pass` 0) and the store's
 * (1) never ask for the same page. Counts and facets stay cached, as for every page of a filter.
 */
const pageOf = (query: CallQuery, run: number, pass: 0 | 1): CallQuery => ({
  ...query,
  limit: query.limit + (run % 50),
  skip: query.skip + pass * (Math.ceil(RUNS / 50) + 1) + Math.floor(run / 50),
});

/** What `/api/calls` asks of the store for one request: the page and the facets at once. */
const request = async (store: CallStore, query: CallQuery) => {
  const [page] = await Promise.all([store.listJson(query), store.facets(query)]);
  return page;
};

/** The same request as a browser makes it: over HTTP to an app server, asking for compression. */
const apiServers = await Promise.all(
  [sqlite, pg].map((store) => startBenchAppServer(store, { indexed: N })),
);
const urlOf = (server: number, query: CallQuery) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const one of value) params.append(name, String(one));
    else if (name === 'from' || name === 'to')
      params.set(name, new Date(value as number).toISOString());
    else params.set(name, String(value));
  }
  return `${apiServers[server]!.origin}/api/calls?${params}`;
};
async function apiRequest(server: number, query: CallQuery): Promise<void> {
  const response = await fetch(urlOf(server, query), {
    headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${response.status} from ${urlOf(server, query)}`);
}

const quantile = (times: number[], q: number) =>
  [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * q))]!;

interface Timing {
  p50: number;
  p95: number;
}
/** A request on either backend: 0 is SQLite, 1 PostgreSQL. */
type Work = (backend: 0 | 1, run: number) => Promise<unknown>;

/** Runs `work` on both backends in turns, after one warm-up each; p50 and p95 of each. */
async function sideBySide(work: Work, runs = RUNS): Promise<[Timing, Timing]> {
  const backends = [0, 1] as const;
  const times: number[][] = [[], []];
  for (const backend of backends) await work(backend, runs);
  for (let run = 0; run < runs; run++) {
    for (const backend of backends) {
      const at = performance.now();
      await work(backend, run);
      times[backend]!.push(performance.now() - at);
    }
  }
  return times.map((list) => ({ p50: quantile(list, 0.5), p95: quantile(list, 0.95) })) as [
    Timing,
    Timing,
  ];
}

const rows: string[] = [];
let met = 0;
const ms = (n: number) => n.toFixed(1);
const ratioOf = ([s, p]: [Timing, Timing]) => p.p95 / Math.max(s.p95, 0.1);
/** A row: through `/api/calls` (the goal's figure), then the store's own part in the process. */
function row(name: string, total: string, api: [Timing, Timing], inProcess: [Timing, Timing]) {
  const [s, p] = api;
  const ratio = ratioOf(api);
  if (ratio <= 3) met++;
  const line = `| ${name} | ${total} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(p.p50)} | ${ms(p.p95)} | ${ratio.toFixed(1)}× ${ratio <= 3 ? '✓' : '✗'} | ${ms(inProcess[0].p95)} / ${ms(inProcess[1].p95)} (${ratioOf(inProcess).toFixed(1)}×) |`;
  rows.push(line);
  console.log(`${line} load ${load()}`);
}
const stores = [sqlite, pg] as const;

for (const [name, query] of cases.filter(wanted)) {
  const checked = { ...query, limit: query.limit - 1 };
  const [a, b] = [await request(sqlite, checked), await request(pg, checked)];
  if (a.total !== b.total || a.ids.join() !== b.ids.join()) {
    throw new Error(`${name}: the backends disagree (${a.total} and ${b.total} calls)`);
  }
  const api = await sideBySide((backend, run) => apiRequest(backend, pageOf(query, run, 0)));
  const inProcess = await sideBySide((backend, run) =>
    request(stores[backend], pageOf(query, run, 1)),
  );
  row(name, a.total.toLocaleString('en'), api, inProcess);
}

// Facets without their caches: each run's range ends 1 ms later than the last one's (through
// the API, the page under that range is new too).
for (const [name, scope] of (
  [
    ['facets, all time (uncached)', { ...base, to: end + 1 }],
    ['facets, 30-day range (uncached)', { ...base, from: monthAgo, to: end + 1 }],
    ['facets, q=table (uncached)', { ...base, q: 'table', to: end + 1 }],
  ] as [string, CallQuery][]
).filter(wanted)) {
  const { consent } = await sqlite.facets(scope);
  const total = consent.given + consent.missing;
  const runs = scope.q === undefined ? RUNS : FACET_RUNS;
  let shift = 2;
  const api = await sideBySide(
    (backend, run) => apiRequest(backend, { ...scope, to: end + shift + run }),
    runs,
  );
  shift += runs + 2;
  const inProcess = await sideBySide(
    (backend, run) => stores[backend].facets({ ...scope, to: end + shift + run }),
    runs,
  );
  row(name, total.toLocaleString('en'), api, inProcess);
}

const loadAfter = load();
console.log(
  `load average ${loadBefore} before, ${loadAfter} after; ${met} of ${rows.length} rows within 3×`,
);
await Promise.all(apiServers.map(({ app }) => app.close()));
await sqlite.close();
await pg.close();
await pool.end();
if (process.env.BENCH_WRITE !== '0' && only === null) {
  replaceSection(
    'PostgreSQL at 1M',
    `\`npm run bench:pg-index\` (BENCH_PG_N = ${N.toLocaleString('en')} demo conversations, seed ${DEMO_SEED}); load average ${loadBefore} before, ${loadAfter} after (1 / 5 / 15 min, 2 cores). Each row is a \`GET /api/calls\` (a page of about 50 rows and its facets), asked over HTTP of an app server on SQLite and of one on PostgreSQL in turns, as a browser asks (with compression), ${RUNS} runs each (${FACET_RUNS} for the uncached facets of a text search) after one warm-up; every run asks for a page of its own (50 to 99 rows, a row or two further on), so no page comes from a page cache, while counts and facets are cached until the next write, on both; the facets rows change their range every run, so neither is ever cached there. The last column times the store's own part of the same requests in the process (the page and the facets at once), the figure of earlier runs. Both backends return the same ids and totals on every row (checked). PostgreSQL (shared_buffers ${sharedBuffers}, as \`npm run bench:pg-index\` starts it; the store's connections run no parallel workers): ${pgLoad}, through the store's upsert in batches of ${BATCH.toLocaleString('en')}. Rows within 3×: ${met} of ${rows.length}.

| query | calls | SQLite p50 ms | SQLite p95 ms | PG p50 ms | PG p95 ms | PG/SQLite p95 (goal ≤ 3×) | in the process: SQLite / PG p95 ms |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}`,
  );
}
process.exit(0);
