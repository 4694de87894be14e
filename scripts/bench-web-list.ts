import { loadavg } from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';
import { startServerProcess } from '../e2e/support/processes';
import { replaceSection } from './bench-report';
import { gzipKb as gzipListKb, listCriticalJs } from './list-critical-js';

/**
 * `npm run bench:web:list`: the list view's budgets with the production build (`dist/`) in
 * headless Chromium against the real server (demo mode): the list route's initial JS, its LCP on
 * localhost, and the time from a click on "Next" or a sort header to new rows on screen, minus
 * the server's time. Writes the "List view" section of docs/benchmarks.md.
 */
const port = Number(process.env.BENCH_PORT ?? 18_880);
const base = `http://127.0.0.1:${port}`;
const distDir = path.resolve(process.env.BENCH_DIST ?? 'dist');
const RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const gzipKb = (files: string[]) => gzipListKb(distDir, files);

const server = await startServerProcess(
  'server/main.ts',
  {
    PORT: String(port),
    DEMO_API_PORT: String(port + 1),
    DATA_DIR: path.resolve('data/bench-web-list'),
  },
  `${base}/healthz`,
);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const rows: string[] = [];

async function freshPage(): Promise<Page> {
  // A new context each time: an empty HTTP cache, like a first visit.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // tsx keeps function names with a `__name` helper that page.evaluate bodies would call.
  await context.addInitScript('window.__name = (fn) => fn');
  return context.newPage();
}

/**
 * The page's main-thread CPU time so far, in ms. Unlike wall-clock time it barely moves when other
 * work shares the machine's cores, so it tells a slow page from a busy machine.
 */
async function mainThreadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? 0) * 1000;
}

async function cpuMeter(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return cdp;
}

/** Click → first row changed, nothing loading, and one frame painted; minus the API's time. */
async function clickToRows(page: Page, buttonText: string): Promise<number> {
  return page.evaluate(async (text) => {
    const firstHref = () =>
      document.querySelector('tbody a[data-row-link]')?.getAttribute('href') ?? null;
    const before = firstHref();
    const button = [...document.querySelectorAll('button')].find((candidate) =>
      candidate.textContent?.startsWith(text),
    );
    if (!button) throw new Error(`no button "${text}"`);
    const started = performance.now();
    button.click();
    await new Promise<void>((resolve) => {
      const done = () =>
        firstHref() !== before && !document.querySelector('table[aria-busy="true"]');
      if (done()) return resolve();
      const observer = new MutationObserver(() => {
        if (!done()) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const shown = performance.now();
    const server = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.name.includes('/v1/conversations'))
      .filter((entry) => entry.startTime >= started && entry.responseEnd <= shown)
      .reduce((sum, entry) => sum + (entry.responseEnd - entry.requestStart), 0);
    return shown - started - server;
  }, buttonText);
}

try {
  // Warm the server (SQLite pages, the first page's recordings) so the runs measure the page.
  const warm = await freshPage();
  await warm.goto(base, { waitUntil: 'networkidle' });
  const ids = await warm
    .locator('tbody a[data-row-link]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')!.split('/').pop()!));
  for (const id of ids)
    await warm.request.get(`${base}/api/conversations/${id}/recording`, {
      headers: { range: 'bytes=0-0' },
      timeout: 300_000,
    });
  await warm.context().close();

  // --- Initial JS ---
  const critical = listCriticalJs(distDir);
  const loaded = new Set<string>();
  const lcps: number[] = [];
  const loadCpu: number[] = [];
  let lcpElement = '';
  for (let run = 0; run < RUNS; run++) {
    const page = await freshPage();
    let rowsShown = false;
    page.on('response', (response) => {
      // Once the rows are there the list may fetch what comes next (the detail page's code).
      if (!rowsShown && response.request().resourceType() === 'script')
        loaded.add(new URL(response.url()).pathname.slice(1));
    });
    const cdp = await cpuMeter(page);
    await page.goto(base);
    await page.locator('tbody a[data-row-link]').first().waitFor();
    rowsShown = true;
    loadCpu.push(await mainThreadMs(cdp));
    const lcp = await page.evaluate(
      () =>
        new Promise<{ time: number; element: string }>((resolve) => {
          new PerformanceObserver((list) => {
            const last = list.getEntries().at(-1) as PerformanceEntry & { element?: Element };
            resolve({ time: last.startTime, element: last.element?.tagName.toLowerCase() ?? '?' });
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
    lcps.push(lcp.time);
    lcpElement = lcp.element;
    await page.context().close();
  }
  const wavesurferInList = critical.files.filter((file) => critical.wavesurferFiles.includes(file));
  const wavesurferLoaded = [...loaded].filter((file) => critical.wavesurferFiles.includes(file));
  rows.push(
    `| initial JS of the list route (${critical.files.length} files, gzip) | ${gzipKb(critical.files).toFixed(1)} KB | ≤ 150 KB |`,
    `| all JS fetched by the time the rows show (${loaded.size} files, gzip) | ${gzipKb([...loaded]).toFixed(1)} KB | — |`,
    `| wavesurfer in the list's JS (marker found in ${critical.wavesurferFiles.join(', ') || 'no chunk'}) | ${wavesurferInList.length + wavesurferLoaded.length === 0 ? 'not included' : 'INCLUDED'} | not included |`,
    `| LCP of the list on localhost, cold cache (median of ${RUNS}; element: ${lcpElement}) | ${median(lcps).toFixed(0)} ms | ≤ 1,000 ms |`,
    `| main-thread CPU time from navigation to rows on screen (median of ${RUNS}) | ${median(loadCpu).toFixed(0)} ms | — |`,
  );
  console.log(`initial JS and LCP measured: ${critical.files.join(', ')}`);

  // --- Click to new rows ---
  for (const [label, text] of [
    ['"Next →" (prefetched page)', 'Next →'],
    ['the "Duration" sort header', 'Duration'],
  ] as const) {
    const samples: number[] = [];
    const cpu: number[] = [];
    const page = await freshPage();
    const cdp = await cpuMeter(page);
    for (let run = 0; run < RUNS; run++) {
      // A different page each run, so no sort result is cached.
      await page.goto(`${base}/?skip=${run * 25}`);
      await page.locator('tbody a[data-row-link]').first().waitFor();
      await page.getByRole('button', { name: text }).waitFor();
      // The next page's prefetch has landed.
      await page.waitForLoadState('networkidle');
      const cpuBefore = await mainThreadMs(cdp);
      samples.push(await clickToRows(page, text));
      cpu.push((await mainThreadMs(cdp)) - cpuBefore);
    }
    await page.context().close();
    rows.push(
      `| click on ${label} to new rows, minus server time (median of ${RUNS}) | ${median(samples).toFixed(1)} ms (main-thread CPU ${median(cpu).toFixed(1)} ms) | ≤ 100 ms |`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}

const [load1] = loadavg();
const table = [
  `Measured in one run with \`npm run bench:web:list\`: headless Debian Chromium, production build, real server in demo mode on loopback, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. The machine has 2 cores; its load average at the end was ${load1!.toFixed(1)}, and wall-clock times stretch with it, so the main-thread CPU times are given beside them.`,
  '',
  '| measure | result | goal |',
  '|---|---|---|',
  ...rows,
].join('\n');
replaceSection('List view', table);
console.log(table);
