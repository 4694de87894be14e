import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { APP_MAIN, freePort, startServerProcess } from '../server/security/testing/server-process';
import { replaceSection } from './bench-report';

/**
 * `npm run bench:load`: the app server's list route (`GET /v1/conversations?limit=100`, the
 * forward of a ~0.4 MB page) under 50 connections, beside the demo API alone on the same page,
 * in one run of `npm start`'s process with the rate limits raised. Goal: 0 errors, p99 ≤ 100 ms,
 * RSS steady. BENCH_SECONDS shortens a run (default 60).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = 50;
const TOKEN = 'bench-load-token';
const QUERY = '/v1/conversations?limit=100';

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
    await waitForHealth(`http://127.0.0.1:${appPort}/healthz`);
    const app = `http://127.0.0.1:${appPort}${QUERY}`;
    const api = `http://127.0.0.1:${apiPort}${QUERY}`;
    const auth = { authorization: `Bearer ${TOKEN}` };
    await run(app, {}, 5);
    const apiAlone = await run(api, auth, SECONDS);
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(rssMb(server.child.pid!)), 1_000);
    const appRoute = await run(app, {}, SECONDS);
    clearInterval(sampler);
    report(apiAlone, appRoute, rss, await pageBytes(app));
  } finally {
    await server.stop();
  }
}

function run(url: string, headers: Record<string, string>, duration: number): Promise<Result> {
  return autocannon({ url, headers, connections: CONNECTIONS, duration });
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

function report(api: Result, app: Result, rss: number[], bytes: number): void {
  const errors = (result: Result) => result.errors + result.timeouts + result.non2xx;
  const row = (name: string, result: Result) =>
    `| ${name} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${result.latency.max} | ${errors(result)} |`;
  const [first = 0, last = 0] = [rss[Math.floor(rss.length / 4)], rss.at(-1)];
  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
  const ok = errors(app) === 0 && app.latency.p99 <= 100;
  const body = [
    `${CONNECTIONS} connections for ${SECONDS} s each, \`GET ${QUERY}\` (${(bytes / 1024).toFixed(0)} KB per page), ${os.cpus().length} cores, load average ${load} (1/5/15 min) at the end.`,
    '',
    '| target | req/s | p50 ms | p99 ms | max ms | errors |',
    '| ------ | ----- | ------ | ------ | ------ | ------ |',
    row('demo API alone', api),
    row('app server list route', app),
    '',
    `Ratio (demo API ÷ app server, req/s): ${(api.requests.average / Math.max(1, app.requests.average)).toFixed(2)}.`,
    `RSS of the server process during the app server run: ${Math.min(...rss)}–${Math.max(...rss)} MB (a quarter in: ${first} MB, at the end: ${last} MB).`,
    `Goal (0 errors, p99 ≤ 100 ms): ${ok ? 'met' : 'not met'}.`,
  ].join('\n');
  console.log(body);
  replaceSection('Load (bench:load)', body);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
