import { loadavg } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { SEED_EXAMPLE_ID } from '../server/demo-data/special-calls';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';
import { startServerProcess } from '../e2e/support/processes';
import { replaceSection } from './bench-report';
import { gzipKb, listCriticalJs } from './list-critical-js';

/**
 * `npm run bench:screens`: the phone, tablet and desktop layouts with the production build
 * (`dist/`, run `npm run build` first) against the real server in demo mode. The list route's
 * initial JS, the layout shift (CLS) of the list and a call page at each size, and the LCP of
 * both on a phone with the CPU slowed 4×. Writes the "Screens" section of docs/benchmarks.md.
 */
const port = Number(process.env.BENCH_PORT ?? 18_890);
const base = `http://127.0.0.1:${port}`;
const distDir = path.resolve(process.env.BENCH_DIST ?? 'dist');
const RUNS = 5;
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;
type Size = (typeof SIZES)[number];
const PAGES = [
  { name: 'list', url: '/', ready: 'tbody a[data-row-link]' },
  {
    name: 'call page',
    url: `/calls/${SEED_EXAMPLE_ID}`,
    ready: 'button[aria-label="Play"]:enabled',
  },
] as const;
type Screen = (typeof PAGES)[number];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/**
 * Layout shifts not caused by input, summed, with the nodes each one moved (tag, classes, text
 * and the rectangle before and after), and the last LCP candidate; from the first byte.
 */
const OBSERVE = `
  window.__shifts = 0;
  window.__shifted = [];
  window.__lcp = 0;
  const describe = (node) => {
    const element = node && (node.nodeType === 1 ? node : node.parentElement);
    if (!element) return '(removed)';
    const classes = (element.getAttribute('class') || '').split(' ').slice(0, 3).join('.');
    const text = (element.getAttribute('aria-label') || element.textContent || '').trim();
    return element.tagName.toLowerCase() + (classes ? '.' + classes : '') + ' "' + text.slice(0, 40) + '"';
  };
  const rect = (r) => Math.round(r.x) + ',' + Math.round(r.y) + ' ' + Math.round(r.width) + '×' + Math.round(r.height);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__shifts += entry.value;
      for (const source of entry.sources)
        window.__shifted.push(
          entry.value.toFixed(4) + ' at ' + Math.round(entry.startTime) + ' ms: ' + describe(source.node) +
            ' ' + rect(source.previousRect) + ' → ' + rect(source.currentRect),
        );
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    window.__lcp = list.getEntries().at(-1).startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

async function visit(browser: Browser, size: Size, screen: Screen, cpuSlowdown: number) {
  // A new context each time: an empty HTTP cache, like a first visit.
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
  });
  await context.addInitScript(OBSERVE);
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  await page.goto(`${base}${screen.url}`);
  await page.locator(screen.ready).first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  // Two frames, so shifts of the last render are reported.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const result = await page.evaluate(() => {
    const measured = window as unknown as { __shifts: number; __shifted: string[]; __lcp: number };
    return { cls: measured.__shifts, shifted: measured.__shifted, lcp: measured.__lcp };
  });
  await context.close();
  return result;
}

const server = await startServerProcess(
  'server/main.ts',
  {
    PORT: String(port),
    DEMO_API_PORT: String(port + 1),
    DATA_DIR: path.resolve('data/bench-screens'),
  },
  `${base}/healthz`,
);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const rows: string[] = [];
/** What moved, for each screen whose worst run had a shift: where to look next. */
const shiftedNodes: string[] = [];
const loadBefore = loadavg()[0]!;
try {
  const critical = listCriticalJs(distDir);
  rows.push(
    `| initial JS of the list route (${critical.files.length} files, gzip) | ${gzipKb(distDir, critical.files).toFixed(1)} KB | ≤ 150 KB |`,
  );
  // Warm the server (SQLite pages, the call's recording and peaks) so the runs measure the page.
  await visit(browser, SIZES[2], PAGES[1], 1);
  for (const size of SIZES) {
    for (const screen of PAGES) {
      const runs: Awaited<ReturnType<typeof visit>>[] = [];
      for (let run = 0; run < 3; run++) runs.push(await visit(browser, size, screen, 1));
      const shifts = runs.map((run) => run.cls);
      const worst = runs.reduce((a, b) => (b.cls > a.cls ? b : a));
      if (worst.cls > 0) {
        shiftedNodes.push(
          `- ${screen.name}, ${size.name}: ${worst.shifted.map((line) => `\`${line}\``).join('; ')}`,
        );
      }
      rows.push(
        `| CLS of the ${screen.name}, ${size.name} ${size.width}×${size.height} (worst of 3) | ${Math.max(...shifts).toFixed(3)} | 0 |`,
      );
    }
  }
  for (const screen of PAGES) {
    const lcps: number[] = [];
    for (let run = 0; run < RUNS; run++) lcps.push((await visit(browser, SIZES[0], screen, 4)).lcp);
    rows.push(
      `| LCP of the ${screen.name}, phone 390×844, CPU slowed 4× (median of ${RUNS}; min ${Math.min(...lcps).toFixed(0)}, max ${Math.max(...lcps).toFixed(0)}) | ${median(lcps).toFixed(0)} ms | ≤ 2,500 ms |`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}

const loadAfter = loadavg()[0]!;
const table = [
  `Measured in one run with \`npm run bench:screens\`: headless Debian Chromium, production build, real server in demo mode on loopback, cold HTTP cache per visit, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. The machine has 2 cores; the 1-minute load average was ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after, and LCP stretches with it. CPU slowdown through CDP \`Emulation.setCPUThrottlingRate\`.`,
  '',
  '| measure | result | goal |',
  '|---|---|---|',
  ...rows,
  ...(shiftedNodes.length
    ? [
        '',
        'What moved in the worst run, where CLS was above 0 (shift, time, node, before → after):',
        '',
        ...shiftedNodes,
      ]
    : []),
].join('\n');
replaceSection('Screens', table);
console.log(table);
