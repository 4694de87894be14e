import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { formatTrataTimestamp } from '../contract';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';
import { startServerProcess } from '../e2e/support/processes';
import { LONG_CALL_EXAMPLE_ID } from '../server/demo-data/generate';
import { replaceSection } from './bench-report';

/**
 * `npm run bench:web`: the production build in headless Chromium against the real server. List:
 * initial JS, LCP, click-to-rows. Detail: time to playable against wavesurfer's default load,
 * heap, and a 5,000-message transcript. Run `npm run build` first.
 */
const port = 18_680;
const apiPort = 18_681;
const token = 'bench-web-token';
const base = `http://127.0.0.1:${port}`;
const server = await startServerProcess(
  'server/main.ts',
  {
    PORT: String(port),
    DEMO_API_PORT: String(apiPort),
    DEMO_API_TOKEN: token,
    DATA_DIR: path.resolve('data/bench-web'),
  },
  `${base}/healthz`,
);
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
});
const rows: string[] = [];

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // tsx keeps function names with a `__name` helper that page.evaluate bodies would call.
  await context.addInitScript('window.__name = (fn) => fn');
  return context.newPage();
}

try {
  // --- List: initial JS and LCP ---
  const page = await freshPage();
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script')
      scripts.push(new URL(response.url()).pathname);
  });
  await page.goto(base, { waitUntil: 'networkidle' });
  const lcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().at(-1)!.startTime)).observe({
          type: 'largest-contentful-paint',
          buffered: true,
        });
      }),
  );
  let gzipBytes = 0;
  let hasWavesurfer = false;
  for (const script of scripts) {
    const source = readFileSync(path.join('dist', script));
    gzipBytes += gzipSync(source).length;
    if (source.includes('WaveSurfer') || source.includes('wavesurfer')) hasWavesurfer = true;
  }
  rows.push(
    `| list: initial JS (${scripts.length} files, gzip) | ${(gzipBytes / 1024).toFixed(1)} KB; wavesurfer ${hasWavesurfer ? 'INCLUDED' : 'not included'} | ≤ 150 KB |`,
  );
  rows.push(`| list: LCP on localhost | ${lcp.toFixed(0)} ms | ≤ 1,000 ms |`);

  console.log('list: initial JS and LCP measured');
  // --- List: click to new rows, minus the server's time ---
  for (const [label, selector] of [
    ['"Next"', 'Next →'],
    ['a sort header', 'Duration'],
  ] as const) {
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(`${base}/?skip=${i * 25}`, { waitUntil: 'networkidle' });
      const result = await page.evaluate(async (sel) => {
        const first = () => document.querySelector('tbody a[data-row-link]')?.getAttribute('href');
        const before = first();
        performance.clearResourceTimings();
        const started = performance.now();
        [...document.querySelectorAll('button')]
          .find((button) => button.textContent?.startsWith(sel))!
          .click();
        await new Promise<void>((resolve) => {
          const check = () =>
            first() !== before && !document.querySelector('table[aria-busy="true"]')
              ? resolve()
              : requestAnimationFrame(check);
          check();
        });
        const shown = performance.now() - started;
        const api = performance
          .getEntriesByType('resource')
          .filter((entry) =>
            entry.name.includes('/v1/conversations'),
          ) as PerformanceResourceTiming[];
        const server = api.reduce(
          (sum, entry) => sum + (entry.responseEnd - entry.requestStart),
          0,
        );
        return { shown, server };
      }, selector);
      samples.push(result.shown - result.server);
    }
    samples.sort((a, b) => a - b);
    rows.push(
      `| list: click on ${label} to new rows, minus server time (median of 5) | ${samples[2]!.toFixed(1)} ms | ≤ 100 ms |`,
    );
  }
  await page.context().close();

  console.log('list: clicks measured');
  // --- Detail: time to playable for the 60-minute call, ours vs wavesurfer's default load(url) ---
  const detail = await freshPage();
  await detail.goto(`${base}/?search_by=id&search_value=${LONG_CALL_EXAMPLE_ID}`, {
    waitUntil: 'networkidle',
  });
  await detail.request.get(`${base}/api/conversations/${LONG_CALL_EXAMPLE_ID}/peaks`, {
    timeout: 600_000,
  }); // make sure the recording exists
  const clickedAt = await detail.evaluate(() => {
    (document.querySelector('tbody a[data-row-link]') as HTMLElement).click();
    return performance.now();
  });
  const readyAt = await detail.waitForFunction(
    () => {
      const play = [...document.querySelectorAll('button')].find((button) =>
        button.textContent?.includes('Play'),
      ) as HTMLButtonElement | undefined;
      const drawn = [...document.querySelectorAll('[role="slider"] div')].some((host) =>
        host.shadowRoot?.querySelector('canvas'),
      );
      return play && !play.disabled && drawn ? performance.now() : false;
    },
    undefined,
    { polling: 5, timeout: 60_000 },
  );
  const ours = ((await readyAt.jsonValue()) as number) - clickedAt;
  console.log(`detail: ours ${ours.toFixed(0)} ms`);
  const heap = await detail.evaluate(
    () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
  );
  const wavesurferSource = readFileSync(
    'node_modules/wavesurfer.js/dist/wavesurfer.esm.js',
    'utf8',
  );
  const defaultLoad = await detail
    .evaluate(
      async ({ source, url }) => {
        const module = (await import(
          URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
        )) as {
          default: {
            create(options: object): { on(event: string, fn: () => void): void; destroy(): void };
          };
        };
        const container = document.createElement('div');
        document.body.append(container);
        const started = performance.now();
        const ws = module.default.create({ container, url });
        await new Promise<void>((resolve, reject) => {
          ws.on('ready', () => resolve());
          ws.on('error', () => reject(new Error('default load failed')));
        });
        const ms = performance.now() - started;
        ws.destroy();
        return ms;
      },
      { source: wavesurferSource, url: `/api/conversations/${LONG_CALL_EXAMPLE_ID}/recording` },
    )
    .catch((error: unknown) => `failed: ${error instanceof Error ? error.message : error}`);
  const defaultText =
    typeof defaultLoad === 'number' ? `${defaultLoad.toFixed(0)} ms` : defaultLoad;
  const ratio =
    typeof defaultLoad === 'number' ? `${(defaultLoad / ours).toFixed(0)}× faster` : 'n/a';
  rows.push(
    `| detail: 60-minute call, click on its row to playable with waveform (ours) | ${ours.toFixed(0)} ms | ≤ 300 ms |`,
  );
  rows.push(
    `| detail: same file, wavesurfer default load(url) (fetch + decode), same page | ${defaultText} (ours is ${ratio}) | ≥ 10× slower than ours |`,
  );
  rows.push(
    `| detail: JS heap on the detail page (60-minute call) | ${(heap / 1024 / 1024).toFixed(1)} MB | ≤ 60 MB |`,
  );
  await detail.context().close();

  console.log('detail: default load measured');
  // --- Detail: a 5,000-message transcript ---
  const start = Date.parse('2026-11-01T10:00:00Z');
  const messages = Array.from({ length: 5000 }, (_, i) => ({
    speaker: i % 2 ? 'USER' : 'AI',
    message: `Message ${i}: ${i % 2 ? 'I would like to ask about the appointment.' : 'Of course, let me check that for you.'}`,
    timestamp: formatTrataTimestamp(start + i * 3000 + 300),
    message_id: `m${i}`,
  }));
  const created = await fetch(`http://127.0.0.1:${apiPort}/v1/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      id: `con.bench.${Date.now()}`,
      timestampStart: formatTrataTimestamp(start),
      timestampEnd: formatTrataTimestamp(start + 5000 * 3000 + 2000),
      transcriptText: messages,
      status: 'active',
    }),
  }).then((response) => response.json() as Promise<{ id: string }>);
  const long = await freshPage();
  await long.goto(`${base}/calls/${created.id}`, { waitUntil: 'networkidle' });
  await long.getByRole('list', { name: 'Transcript' }).waitFor();
  const highlight = await long.evaluate(async () => {
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const before = document.querySelector('li[aria-current="true"]');
      const started = performance.now();
      document.body.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }),
      );
      await new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector('li[aria-current="true"]') !== before) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(document.body, {
          subtree: true,
          attributes: true,
          attributeFilter: ['aria-current'],
        });
        setTimeout(() => {
          observer.disconnect();
          resolve();
        }, 1000);
      });
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    return samples[10]!;
  });
  await long
    .getByRole('button', { name: 'Play', exact: true })
    .click({ timeout: 60_000 })
    .catch(() => undefined);
  const clickInp = await (async () => {
    const observer = long.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const durations: number[] = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries())
              if (
                entry.name === 'click' ||
                entry.name === 'pointerup' ||
                entry.name === 'pointerdown'
              )
                durations.push(entry.duration);
          }).observe({ type: 'event', durationThreshold: 0 } as PerformanceObserverInit);
          setTimeout(() => resolve(Math.max(0, ...durations)), 2000);
        }),
    );
    await long.getByRole('button', { name: 'Play from 10:00' }).click();
    return observer;
  })();
  rows.push(
    `| detail: 5,000-message transcript, highlight update per change (median of 20, keypress to DOM) | ${highlight.toFixed(1)} ms | ≤ 4 ms |`,
  );
  rows.push(
    `| detail: 5,000-message transcript, INP of a click on a bubble while playing | ${clickInp.toFixed(0)} ms | ≤ 50 ms |`,
  );
  await long.context().close();
} finally {
  await browser.close();
  await server.stop();
}

const table = [
  'Measured in one run, headless Debian Chromium, production build, real server on loopback (2 cores).',
  '',
  '| measure | result | goal |',
  '|---|---|---|',
  ...rows,
].join('\n');
replaceSection('Web', table);
console.log(table);
