import { existsSync, mkdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { createDemoApi } from '../server/api/create-demo-api';
import { createConversationStore } from '../server/db/conversation-store';
import { openDatabase } from '../server/db/open-database';
import { SCHEMA_VERSION } from '../server/db/schema';
import { generateConversations } from '../server/demo-data/generate';
import { compareWithJsonServer } from './bench-api-json-server';
import {
  latencyCases,
  latencyRow,
  measureCase,
  warmUpProcess,
  type LatencyResult,
} from './bench-api-latency';
import { replaceSection } from './bench-report';

/**
 * `npm run bench:api`: latency percentiles at 1,000,000 conversations over HTTP on loopback, and
 * throughput against json-server 0.17 on the same 100,000 conversations, in one run. The seeded
 * database is kept in bench-data/ and reused while its schema and count match.
 * Env: BENCH_COUNT (1,000,000), BENCH_RUNS (60 measured requests per row).
 */
const TOKEN = 'bench-token';
const COUNT = Number(process.env.BENCH_COUNT ?? 1_000_000);
const SMALL = Math.min(100_000, COUNT);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
// Fixed, so a reused file holds the same data as a fresh one.
const NOW = new Date('2026-11-25T00:00:00Z');
const dir = path.resolve('bench-data');
mkdirSync(dir, { recursive: true });

function seededDatabase(count: number) {
  const file = path.join(dir, `conversations-v${SCHEMA_VERSION}-${count}.sqlite`);
  if (existsSync(file)) {
    const db = openDatabase(file);
    const store = createConversationStore(db);
    if (store.count() === count) return { db, store, seeding: null };
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
  console.log(`seeding ${count.toLocaleString('en')} conversations into ${file}…`);
  const db = openDatabase(file);
  const store = createConversationStore(db);
  const started = performance.now();
  let last = started;
  let rowsSeconds = 0;
  store.insertMany(
    generateConversations({ count, now: NOW, recordingOrigin: 'http://127.0.0.1:8081' }),
    (done, phase) => {
      const now = performance.now();
      if (phase === 'indexing') rowsSeconds = (now - started) / 1000;
      if (phase === 'indexing' || now - last > 10_000) {
        last = now;
        console.log(
          `  ${done.toLocaleString('en')} rows, ${((now - started) / 1000).toFixed(0)} s`,
        );
      }
    },
  );
  db.pragma('wal_checkpoint(TRUNCATE)');
  const seconds = (performance.now() - started) / 1000;
  return { db, store, seeding: { seconds, rowsSeconds } };
}

const big = seededDatabase(COUNT);
const app = createDemoApi({ store: big.store, token: TOKEN });
await app.listen({ port: 0, host: '127.0.0.1' });
const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
console.log(`latency at ${COUNT.toLocaleString('en')} conversations, ${RUNS} requests per row:`);
const results: LatencyResult[] = [];
// Other processes on the machine stretch the tails: the table reports how busy it was.
const loadBefore = loadavg()[0]!;
await warmUpProcess(origin, TOKEN);
for (const testCase of latencyCases(COUNT)) {
  results.push(await measureCase(origin, TOKEN, testCase, RUNS));
  console.log(latencyRow(results.at(-1)!));
}
const loadAfter = loadavg()[0]!;
await app.close();

console.log(`throughput on ${SMALL.toLocaleString('en')} conversations vs json-server…`);
const throughput = await compareWithJsonServer(big.store, dir, SMALL, TOKEN);
big.db.close();

const ratio = throughput.ours / throughput.theirs;
const seeding = big.seeding
  ? `Seeding ${COUNT.toLocaleString('en')} conversations in this run (generator + inserts + indexes): ` +
    `${big.seeding.seconds.toFixed(0)} s (${Math.round(COUNT / big.seeding.seconds).toLocaleString('en')} rows/s; ` +
    `rows ${big.seeding.rowsSeconds.toFixed(0)} s, then indexes and FTS ${(big.seeding.seconds - big.seeding.rowsSeconds).toFixed(0)} s).`
  : 'The seeded database was reused from bench-data/.';
const table = [
  `Measured by \`npm run bench:api\` on this machine (${availableParallelism()} cores), over HTTP on loopback: ` +
    `${COUNT.toLocaleString('en')} conversations, pages of 100 full conversations (about 0.5 MB of JSON), ` +
    `${RUNS} sequential requests per row after one cold request and 3 warm-ups, in a process ` +
    'first warmed with 30 requests for a page no row asks for (sort by updatedAt desc, skip 7). ' +
    `${seeding} The 1-minute load average was ${loadBefore.toFixed(1)} before the latency rows ` +
    `and ${loadAfter.toFixed(1)} after (this process alone makes about 1; more means other ` +
    'processes were competing for the cores, which shows in p95 and p99 first).',
  '',
  '"cold" is the first request. Totals without a search, with `status`, or searching a ' +
    'low-cardinality field (status, sourceType, sentiment, prospectStatus) come from counters kept in ' +
    'the write transactions: never cached, never recounted. A text search computes its match set ' +
    '(trigram candidates, each checked) on its first request and keeps it until the next write, so ' +
    'its cold time is the honest cost of a new search and p50/p95/p99 are the cost of paging it. ' +
    'A page of a large search walks the sort index testing each row against the match set; the ' +
    'first page in each order also notes where the first match is (kept with the match set), so ' +
    'later pages seek past the rows before it: ids embed the start time, so "con.179" matches ' +
    'none of the first 278,000 rows by start time.',
  '',
  'SQLite B-trees keep no counts, so `skip` alone walks every skipped index entry. A list page ' +
    'past the middle is read from the other end of its index, mirrored (the total is exact, so ' +
    'it is the same page): skip 999,900 walks 100 entries. A page skipping 20,000 or more seeks ' +
    'to the nearest mark (every 4,096th row of its order and filter, noted by one walk of the ' +
    'index on the first deep page of that order and kept until the next write) and walks under ' +
    '4,096 entries from there; that walk is in the cold time of the skip=500,000 row.',
  '',
  '| query | body KB | p50 ms | p95 ms | p99 ms | cold ms | p95 goal | met |',
  '|---|---|---|---|---|---|---|---|',
  ...results.map(latencyRow),
  '',
  `Throughput on the same ${SMALL.toLocaleString('en')} conversations (the first by start time, ` +
    'transcripts cut to 6 lines for both servers: json-server holds its whole database in one ' +
    'JSON string, which V8 caps near 512 MB). Query: status filter, sort by start time, page of ' +
    '100; autocannon, 10 connections, 10 s each.',
  '',
  '| server | requests/s |',
  '|---|---|',
  `| Callscope demo API (SQLite) | ${throughput.ours.toFixed(0)} |`,
  `| json-server 0.17 | ${throughput.theirs.toFixed(1)} |`,
  `| ratio (goal ≥ 20×) | ${ratio.toFixed(1)}× |`,
].join('\n');
replaceSection('API', table);
console.log(table);
