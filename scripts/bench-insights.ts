import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { request } from 'undici';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';
import { staticImportClosure } from './list-critical-js';
import { startBenchAppServer } from './bench-app-server';
import { replaceSection } from './bench-report';
import { BENCH_NOW, openBenchIndex } from './bench-insights-index';

/**
 * `npm run bench:insights` (after `npm run build`): the Insights budgets over a synthetic index of
 * `BENCH_INSIGHTS_N` calls (default 200,000; the goals are set at 1,000,000) spread over a year,
 * written straight into `bench-data/` through the store and reused.
 * 1. `/api/insights` p95 for a 7-day, a 90-day and an all-time window (each request uncached:
 *    its window ends a millisecond later than the one before).
 * 2. Navigation to both charts drawn on /insights (30 days), median of 5 fresh browser contexts.
 * 3. The JS the Insights route adds to the first load, gzip.
 * Writes the "Insights (bench:insights)" section of docs/benchmarks.md.
 */
const N = Number(process.env.BENCH_INSIGHTS_N ?? 200_000);
const RUNS = Number(process.env.BENCH_INSIGHTS_RUNS ?? 20);
const distDir = path.resolve(process.env.BENCH_DIST ?? 'dist');
const DAY = 86_400_000;
const log = (line: string) => process.stderr.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
const percentile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(q * values.length) - 1)]!;

const loadBefore = load();
const { store } = await openBenchIndex(N, log);
const { app, origin: base } = await startBenchAppServer(store, { indexed: N, staticDir: distDir });

async function timeWindow(days: number | null): Promise<{ p95: number; p50: number }> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const to = BENCH_NOW + i;
    const params = new URLSearchParams({ to: new Date(to).toISOString(), tz: 'Europe/Paris' });
    if (days !== null) params.set('from', new Date(to - days * DAY).toISOString());
    const started = performance.now();
    const response = await request(`${base}/api/insights?${params}`);
    await response.body.text();
    if (response.statusCode !== 200)
      throw new Error(`/api/insights answered ${response.statusCode}`);
    times.push(performance.now() - started);
  }
  return { p95: percentile(times, 0.95), p50: percentile(times, 0.5) };
}

function routeJsKb(): number {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const route = readdirSync(path.join(distDir, 'assets')).find((name) =>
    /^insights-route-.*\.js$/.test(name),
  );
  if (!route) throw new Error('No insights route chunk in dist/: run `npm run build`.');
  const first = staticImportClosure(distDir, entries);
  const added = [...staticImportClosure(distDir, [`assets/${route}`])].filter(
    (file) => !first.has(file),
  );
  return (
    added.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(distDir, file))).length, 0) /
    1024
  );
}

async function chartsDrawnMs(): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const url = `${base}/insights?from=${new Date(BENCH_NOW - 30 * DAY).toISOString()}&to=${new Date(BENCH_NOW).toISOString()}`;
  const times: number[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(url);
      await page.locator('[data-drawn="true"]').nth(1).waitFor({ timeout: 60_000 });
      // The first run warms the server's caches of the built files; it is not counted.
      if (i > 0) times.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

try {
  const week = await timeWindow(7);
  const quarter = await timeWindow(90);
  const all = await timeWindow(null);
  const drawn = await chartsDrawnMs();
  const js = routeJsKb();
  const loadAfter = load();
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const body = `
\`npm run bench:insights\` over ${N.toLocaleString('en-US')} synthetic calls spread over a year
(\`BENCH_INSIGHTS_N\`; the goals are set at 1,000,000), built once into \`bench-data/\` through the
store. Load average ${loadBefore} before, ${loadAfter} after (1 / 5 / 15 min). Each
\`/api/insights\` request is uncached (its window ends 1 ms after the previous one), ${RUNS} per row,
timed by an HTTP client on the same machine.

| figure | measured | goal (at 1M calls) |
|---|---|---|
| /api/insights p95, 7-day window | ${ms(week.p95)} (p50 ${ms(week.p50)}) | ≤ 50 ms |
| /api/insights p95, 90-day window | ${ms(quarter.p95)} (p50 ${ms(quarter.p50)}) | ≤ 150 ms |
| /api/insights p95, all time | ${ms(all.p95)} (p50 ${ms(all.p50)}) | ≤ 500 ms |
| Insights page, navigation to both charts drawn (30 days), median of 5 | ${ms(percentile(drawn, 0.5))} | ≤ 800 ms |
| JS the Insights route adds, gzip | ${js.toFixed(1)} KB | ≤ 80 KB |
`;
  process.stdout.write(body);
  replaceSection('Insights (bench:insights)', body);
} finally {
  await app.close();
  await store.close();
}
