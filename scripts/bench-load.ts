import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { APP_MAIN, freePort, startServerProcess } from '../server/security/testing/server-process';
import { replaceSection } from './bench-report';

/**
 * `npm run bench:load`: the app server's list route (`GET /v1/conversations?limit=100`, the
 * forward of a ~0.4 MB page) under 50 connections, beside the demo API alone on the same page,
 * and the index's list route (`GET /api/calls?limit=100`, rows, total and facets from the
 * app server's own index) measured the same way once the sync has filled the index; all in one
 * run of `npm start`'s process with the rate limits raised. Goal: 0 errors, p99 ≤ 100 ms, RSS
 * steady. BENCH_SECONDS shortens a run (default 60).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = 50;
const TOKEN = 'bench-load-token';
const QUERY = '/v1/conversations?limit=100';
const INDEX_QUERY = '/api/calls?limit=100';

interface Measured {
  result: Result;
  /** RSS of the server process, sampled every second during the run (MB). */
  rss: number[];
}

async function main(): Promise<void> {
  const appPort = await freePort();
  const apiPort = await freePort();
  const server = startServerProcess(APP_MAIN, {
    PORT: String(appPort),
    DEMO_API_PORT: String(apiPort),
    DEMO_API_TOKEN: TOKEN,
    DATA_DIR: path.resolve('data/bench-load'),
    RATE_LIMIT_API_PER_MINUTE: '1000000',
    MAX_CONNECTIONS_PER_ADDRESS: '1000',
    LOG_LEVEL: 'warn',
  });
  try {
    const origin = `http://127.0.0.1:${appPort}`;
    await waitForHealth(`${origin}/healthz`);
    // The index's figures mean nothing while the sync is still writing the backfill.
    await waitForBackfill(`${origin}/api/sync`);
    const app = `${origin}${QUERY}`;
    const index = `${origin}${INDEX_QUERY}`;
    const api = `http://127.0.0.1:${apiPort}${QUERY}`;
    const auth = { authorization: `Bearer ${TOKEN}` };
    const pid = server.child.pid!;
    await run(app, {}, 5);
    await run(index, {}, 5);
    const apiAlone = await measure(pid, api, auth);
    const appRoute = await measure(pid, app, {});
    const indexRoute = await measure(pid, index, {});
    report(
      { api: apiAlone, app: appRoute, index: indexRoute },
      {
        app: await pageBytes(app),
        index: await pageBytes(index),
      },
    );
  } finally {
    await server.stop();
  }
}

function run(url: string, headers: Record<string, string>, duration: number): Promise<Result> {
  return autocannon({ url, headers, connections: CONNECTIONS, duration });
}

async function measure(
  pid: number,
  url: string,
  headers: Record<string, string>,
): Promise<Measured> {
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(rssMb(pid)), 1_000);
  try {
    return { result: await run(url, headers, SECONDS), rss };
  } finally {
    clearInterval(sampler);
  }
}

async function waitForBackfill(url: string): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const status = (await (await fetch(url)).json()) as { backfill?: { done?: boolean } };
    if (status.backfill?.done) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error('the index did not finish its backfill within 10 minutes');
}

async function pageBytes(url: string): Promise<number> {
  return (await (await fetch(url)).arrayBuffer()).byteLength;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // still seeding or starting
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not start within 5 minutes');
}

function report(
  runs: { api: Measured; app: Measured; index: Measured },
  bytes: { app: number; index: number },
): void {
  const errors = (result: Result) => result.errors + result.timeouts + result.non2xx;
  const rssRange = ({ rss }: Measured) =>
    rss.length ? `${Math.min(...rss)}–${Math.max(...rss)} (end ${rss.at(-1)})` : '–';
  const row = (name: string, run: Measured) =>
    `| ${name} | ${run.result.requests.average.toFixed(0)} | ${run.result.latency.p50} | ${run.result.latency.p99} | ${run.result.latency.max} | ${errors(run.result)} | ${rssRange(run)} |`;
  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
  const meets = ({ result }: Measured) => errors(result) === 0 && result.latency.p99 <= 100;
  const ratio = (of: Measured) =>
    (runs.api.result.requests.average / Math.max(1, of.result.requests.average)).toFixed(2);
  const body = [
    `${CONNECTIONS} connections for ${SECONDS} s each: \`GET ${QUERY}\` (${(bytes.app / 1024).toFixed(0)} KB per page) and \`GET ${INDEX_QUERY}\` (${(bytes.index / 1024).toFixed(0)} KB per page), ${os.cpus().length} cores, load average ${load} (1/5/15 min) at the end.`,
    '',
    '| target | req/s | p50 ms | p99 ms | max ms | errors | server RSS MB |',
    '| ------ | ----- | ------ | ------ | ------ | ------ | ------------- |',
    row('demo API alone', runs.api),
    row('app server list route (/v1 forward)', runs.app),
    row('index list route (/api/calls)', runs.index),
    '',
    `Ratio (demo API ÷ route, req/s): list route ${ratio(runs.app)}, index route ${ratio(runs.index)}.`,
    `Goal (0 errors, p99 ≤ 100 ms): list route ${meets(runs.app) ? 'met' : 'not met'}, index route ${meets(runs.index) ? 'met' : 'not met'}.`,
  ].join('\n');
  console.log(body);
  replaceSection('Load (bench:load)', body);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
