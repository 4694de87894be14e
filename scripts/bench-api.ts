import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { SEARCH_BY_FIELDS, SORT_BY_FIELDS } from '../contract';
import { createDemoApi } from '../server/api/create-demo-api';
import { createConversationStore } from '../server/db/conversation-store';
import { openDatabase } from '../server/db/open-database';
import { generateConversations } from '../server/demo-data/generate';
import { replaceSection } from './bench-report';

/**
 * `npm run bench:api`: latency percentiles at 1,000,000 conversations over HTTP on loopback, and
 * throughput against json-server 0.17 on the same 100,000 conversations, in one run.
 */
const TOKEN = 'bench-token';
const BIG = Number(process.env.BENCH_COUNT ?? 1_000_000);
const SMALL = 100_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const dir = path.resolve('bench-data');
mkdirSync(dir, { recursive: true });

const COMMON: Record<string, string> = {
  id: 'con.179',
  prospectId: 'pro.179',
  aiAgentId: 'aia.1727',
  status: 'activ',
  sourceType: 'PHON',
  name_of_caller: 'Smith',
  phone_number_of_caller: '415',
  email_address_of_caller: 'gmail',
  sentiment_of_caller: 'positiv',
  prospectStatus: 'SERVICE',
  transcript: 'appointment',
  summary: 'booked',
};

function ensureDatabase(count: number) {
  const file = path.join(dir, `conversations-${count}.sqlite`);
  if (!existsSync(file)) {
    console.log(`seeding ${count} conversations into ${file} (npm run seed does the same)…`);
    const db = openDatabase(file);
    createConversationStore(db).insertMany(
      generateConversations({ count, recordingOrigin: 'http://127.0.0.1:8081' }),
    );
    db.close();
  }
  const db = openDatabase(file);
  return { db, store: createConversationStore(db) };
}

async function listen(count: number) {
  const { db, store } = ensureDatabase(count);
  const app = createDemoApi({ store, token: TOKEN });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    db,
    store,
    app,
    origin: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
  };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(origin: string, query: string) {
  const timings: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const started = performance.now();
    const response = await fetch(`${origin}/v1/conversations?${query}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${query}: ${response.status}`);
    if (i >= 3) timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return [percentile(timings, 50), percentile(timings, 95), percentile(timings, 99)].map((ms) =>
    ms.toFixed(2),
  );
}

async function latencyTable(origin: string) {
  const cases: [string, string, string][] = [['default list page', '', 'index']];
  for (const field of SORT_BY_FIELDS)
    for (const order of ['asc', 'desc'])
      cases.push([`sort ${field} ${order}`, `sort_by=${field}&sort_order=${order}`, 'index']);
  cases.push(['status=archived', 'status=archived', 'index']);
  for (const field of SEARCH_BY_FIELDS) {
    cases.push([
      `search ${field} "${COMMON[field]}"`,
      `search_by=${field}&search_value=${encodeURIComponent(COMMON[field]!)}`,
      'search',
    ]);
    cases.push([
      `search ${field} no match`,
      `search_by=${field}&search_value=${field === 'phone_number_of_caller' ? '0000000' : 'zqxjv'}`,
      'search',
    ]);
  }
  for (const skip of [0, 10_000, 500_000, 999_900])
    cases.push([`skip=${skip}`, `skip=${skip}`, 'skip']);
  const rows: string[] = [];
  for (const [name, query, kind] of cases) {
    const [p50, p95, p99] = await measure(origin, query);
    rows.push(`| ${name} | ${kind} | ${p50} | ${p95} | ${p99} |`);
    console.log(rows.at(-1));
  }
  return rows;
}

async function throughput(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 10, duration: 10, headers });
  return result.requests.average;
}

async function jsonServerComparison(store: ReturnType<typeof createConversationStore>) {
  // json-server keeps its whole database as one JSON document in memory; V8 caps a string near
  // 512 MB, so both servers get the same 100,000 conversations with transcripts cut to 6 lines.
  const file = path.join(dir, 'json-server-db.json');
  const items: unknown[] = [];
  for (let skip = 0; skip < SMALL; skip += 100) {
    for (const conversation of store.list({ sort_order: 'asc', skip, limit: 100 }).items) {
      items.push({
        ...conversation,
        transcriptText: (conversation.transcriptText ?? []).slice(0, 6),
      });
    }
  }
  writeFileSync(file, JSON.stringify({ conversations: items }));
  const trimmedDb = path.join(dir, 'conversations-100000-trimmed.sqlite');
  if (!existsSync(trimmedDb)) {
    const db = openDatabase(trimmedDb);
    createConversationStore(db).insertMany(items as never);
    db.close();
  }
  const ours = createDemoApi({
    store: createConversationStore(openDatabase(trimmedDb)),
    token: TOKEN,
  });
  await ours.listen({ port: 0, host: '127.0.0.1' });
  const oursUrl = `http://127.0.0.1:${(ours.server.address() as AddressInfo).port}/v1/conversations?status=active&sort_by=timestampStart&limit=100`;
  const port = 18_555;
  const child = spawn(
    process.execPath,
    [
      path.resolve('node_modules/json-server/lib/cli/bin.js'),
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--quiet',
      file,
    ],
    { stdio: 'ignore' },
  );
  try {
    for (let i = 0; i < 240; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/conversations?_limit=1`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const theirs = await throughput(
      `http://127.0.0.1:${port}/conversations?status=active&_sort=timestampStart&_order=asc&_limit=100`,
    );
    const mine = await throughput(oursUrl, { authorization: `Bearer ${TOKEN}` });
    return { theirs, mine };
  } finally {
    child.kill('SIGKILL');
    await ours.close();
  }
}

const big = await listen(BIG);
console.log(`latency at ${BIG.toLocaleString('en')} conversations, ${RUNS} requests each (ms):`);
const rows = await latencyTable(big.origin);
await big.app.close();
big.db.close();
const small = ensureDatabase(SMALL);
const { theirs, mine } = await jsonServerComparison(small.store);
small.db.close();
const table = [
  `Measured on this machine (2 cores), over HTTP on loopback, ${RUNS} sequential requests per row after 3 warm-ups; ${BIG.toLocaleString('en')} conversations.`,
  'X-Total-Count is cached per filter until the next write, so repeated pages do not recount.',
  '',
  '| query | kind | p50 ms | p95 ms | p99 ms |',
  '|---|---|---|---|---|',
  ...rows,
  '',
  `Throughput on the same ${SMALL.toLocaleString('en')} conversations (transcripts cut to 6 lines for both, see the script), status filter + sort by start + page of 100, autocannon 10 connections × 10 s:`,
  '',
  '| server | requests/s |',
  '|---|---|',
  `| Callscope demo API (SQLite) | ${mine.toFixed(0)} |`,
  `| json-server 0.17 | ${theirs.toFixed(1)} |`,
  `| ratio | ${(mine / theirs).toFixed(1)}× |`,
].join('\n');
replaceSection('API', table);
console.log(table);
