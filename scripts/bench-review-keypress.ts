import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { syncStatusSchema } from '../contract';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';
import { SEED_EXAMPLE_ID } from '../server/demo-data/special-calls';
import {
  APP_MAIN,
  freePort,
  startServerProcess,
  type ServerProcess,
} from '../server/security/testing/server-process';

/**
 * Keypress to the rating shown: the production build (`dist/`) in headless Debian Chromium
 * against `npm start`'s server in a process of its own. On the seed call's page, each press of a
 * digit 1–5 (always a different rating from the one shown) is timed in the page, from the
 * keydown event to the next frame painted after its radio shows as checked.
 */
export interface KeypressFigures {
  /** keydown's `event.timeStamp` (the browser took the key) → the frame after the DOM changed. */
  toPaint: number[];
  /** The page's capture-phase keydown listener ran → the DOM shows the new rating. */
  toDom: number[];
  /** The key taken → the page's keydown listener ran: the main thread was busy before it. */
  inputDelay: number[];
  /** Presses whose DOM change came after a frame had already been drawn without it. */
  lateFrames: number;
}

interface PressTiming {
  toPaint: number;
  toDom: number;
  inputDelay: number;
  framesBefore: number;
}

/** Presses made before the timed ones (JIT and caches warm), not counted. */
export const WARM_UP_PRESSES = 3;
const PRESSES = 30;
const REVIEWER = 'Bench reviewer';
// The demo database and its recordings are kept between runs, like the other web benches'
// DATA_DIRs: the first start seeds them and synthesizes the newest calls' recordings, minutes of
// CPU that must not overlap the timing.
const DATA_DIR = path.resolve('data/bench-review-keypress');
// The call index (with the reviews) is made afresh: it keeps each call's recording URL on the
// demo API's origin of the run that indexed it, and this run's ports are new.
const FRESH_FILES = ['index.sqlite', 'index.sqlite-wal', 'index.sqlite-shm'];

export async function measureKeypressToRating(): Promise<KeypressFigures> {
  if (!existsSync('dist/index.html')) {
    throw new Error('No production build in dist/: run `npx vite build` first.');
  }
  for (const file of FRESH_FILES) rmSync(path.join(DATA_DIR, file), { force: true });
  const port = await freePort();
  const apiPort = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = startServerProcess(APP_MAIN, {
    PORT: String(port),
    DEMO_API_PORT: String(apiPort),
    DEMO_API_TOKEN: 'bench-review-keypress-token',
    DATA_DIR,
    DEMO_CONVERSATIONS: '120',
    // No incremental sync or reconcile may start while presses are timed.
    SYNC_INTERVAL_S: '86400',
    SYNC_RECONCILE_S: '2592000',
  });
  // Whatever goes wrong below, say so if the server died: a page over a dead server only
  // reports itself closed or failing, without the reason.
  const died = server.exited.then((code) => {
    throw new Error(`The app server exited (${code}) during the bench:\n${server.output()}`);
  });
  died.catch(() => undefined);
  try {
    return await Promise.race([died, measure(server, origin)]);
  } finally {
    await server.stop();
  }
}

async function measure(server: ServerProcess, origin: string): Promise<KeypressFigures> {
  await waitForHealth(origin);
  await waitForSyncIdle(origin);
  await waitForQuietProcess(server.child.pid!);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // tsx keeps function names with a `__name` helper that page.evaluate bodies would call.
    await context.addInitScript('window.__name = (fn) => fn');
    await context.addInitScript(([key, name]) => window.localStorage.setItem(key, name), [
      'callscope.reviewer-name',
      REVIEWER,
    ] as const);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('crash', () => pageErrors.push('the page crashed'));
    const inFlight = trackApiRequests(page);
    await page.goto(`${origin}/calls/${SEED_EXAMPLE_ID}`);
    await page.getByRole('radio', { name: '1 of 5' }).waitFor();
    await waitPlayable(page);
    await inFlight.settled();
    await waitForQuietProcess(server.child.pid!);

    const timings: PressTiming[] = [];
    let current = await shownRating(page);
    for (let press = 0; press < WARM_UP_PRESSES + PRESSES; press++) {
      const rating = nextRating(current, press);
      await armTiming(page, rating);
      await page.keyboard.press(String(rating));
      const measured = await page.evaluate(() => (window as unknown as Timed).__pressTiming);
      if (press >= WARM_UP_PRESSES) timings.push(measured);
      current = rating;
      // Each press starts from a quiet page: its save and the refetch after it have landed.
      await inFlight.settled();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    }
    if (pageErrors.length) throw new Error(`The page failed: ${pageErrors.join('; ')}`);
    const saved = await page.evaluate(async (id) => {
      const response = await fetch(`/api/calls/${id}/review`);
      return ((await response.json()) as { reviews: { reviewer: string; rating: number }[] })
        .reviews;
    }, SEED_EXAMPLE_ID);
    const mine = saved.find((review) => review.reviewer === REVIEWER);
    if (mine?.rating !== current) {
      throw new Error(`The server kept rating ${mine?.rating} instead of ${current}.`);
    }
    return {
      toPaint: timings.map((timing) => timing.toPaint),
      toDom: timings.map((timing) => timing.toDom),
      inputDelay: timings.map((timing) => timing.inputDelay),
      lateFrames: timings.filter((timing) => timing.framesBefore > 0).length,
    };
  } finally {
    await browser.close();
  }
}

interface Timed {
  __pressTiming: Promise<PressTiming>;
}

/** A rating different from the one shown, spread over 1–5. */
function nextRating(current: number | null, press: number): number {
  const step = (press % 4) + 1;
  return (((current ?? 5) - 1 + step) % 5) + 1;
}

async function shownRating(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const checked = document.querySelector<HTMLInputElement>(
      'input[type="radio"][aria-label$=" of 5"]:checked',
    );
    return checked ? Number(checked.value) : null;
  });
}

/**
 * Listens in the page for the next keydown (capture phase on window, so before the app's own
 * listener) and resolves once the radio "N of 5" shows checked and a frame has been painted
 * after it: a MutationObserver catches React's commit, a requestAnimationFrame callback runs
 * before the next paint and a message posted from it runs once that frame is out.
 */
async function armTiming(page: Page, rating: number): Promise<void> {
  await page.evaluate((rating) => {
    const label = `${rating} of 5`;
    (window as unknown as Timed).__pressTiming = new Promise((resolve, reject) => {
      const shown = () =>
        document.querySelector<HTMLInputElement>(`input[type="radio"][aria-label="${label}"]`)
          ?.checked === true;
      const timeout = setTimeout(() => reject(new Error(`rating ${rating} never showed`)), 10_000);
      window.addEventListener(
        'keydown',
        (event) => {
          const handled = performance.now();
          const pressed = event.timeStamp;
          let done = false;
          let framesBefore = 0;
          const finish = () => {
            if (done || !shown()) return;
            done = true;
            observer.disconnect();
            const dom = performance.now();
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                clearTimeout(timeout);
                resolve({
                  toPaint: performance.now() - pressed,
                  toDom: dom - handled,
                  inputDelay: handled - pressed,
                  framesBefore,
                });
              };
              channel.port2.postMessage(null);
            });
          };
          const observer = new MutationObserver(finish);
          observer.observe(document.body, {
            subtree: true,
            childList: true,
            attributes: true,
            characterData: true,
          });
          // The radio's `checked` is a property, not an attribute: a commit that changed
          // nothing else would escape the observer, and a frame check catches it. Each frame
          // that starts without the change is one drawn late.
          const poll = () => {
            finish();
            if (done) return;
            framesBefore++;
            requestAnimationFrame(poll);
          };
          requestAnimationFrame(poll);
          queueMicrotask(finish);
        },
        { capture: true, once: true },
      );
    });
  }, rating);
}

/** Counts the page's /api requests in flight; `settled()` resolves once none is. */
function trackApiRequests(page: Page) {
  let open = 0;
  let waiters: (() => void)[] = [];
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  const done = (url: string) => {
    if (!isApi(url)) return;
    open = Math.max(0, open - 1);
    if (open === 0) {
      for (const waiter of waiters) waiter();
      waiters = [];
    }
  };
  page.on('request', (request) => {
    if (isApi(request.url())) open++;
  });
  page.on('requestfinished', (request) => done(request.url()));
  page.on('requestfailed', (request) => done(request.url()));
  return {
    settled: () =>
      open === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)),
  };
}

async function waitPlayable(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[data-audio-state]')?.getAttribute('data-audio-state') === 'playable',
    undefined,
    { timeout: 120_000 },
  );
}

async function waitForHealth(origin: string): Promise<void> {
  await poll('the app server answering /healthz', 180_000, async () => {
    const response = await fetch(`${origin}/healthz`).catch(() => null);
    return response?.ok === true;
  });
}

/** The index filled and no sync running: the server is not writing while presses are timed. */
async function waitForSyncIdle(origin: string): Promise<void> {
  await poll('the call index idle', 300_000, async () => {
    const response = await fetch(`${origin}/api/sync`).catch(() => null);
    const status = syncStatusSchema.safeParse(await response?.json().catch(() => null));
    return status.success && status.data.backfill.done && status.data.state === 'idle';
  });
}

/** CPU seconds the process (all its threads) has used so far, from /proc. */
function cpuSeconds(pid: number): number | null {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * The server quiet: under 5% of one core over 2 s. On a first start it is synthesizing the
 * newest calls' recordings in a worker thread, which takes minutes on a busy machine.
 */
async function waitForQuietProcess(pid: number): Promise<void> {
  const windowMs = 2_000;
  let last = cpuSeconds(pid);
  if (last === null) return; // no /proc: nothing to watch
  await poll('the app server quiet (under 5% CPU over 2 s)', 15 * 60_000, async () => {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = cpuSeconds(pid) ?? last!;
    const share = (now - last!) / (windowMs / 1000);
    last = now;
    return share < 0.05;
  });
}

async function poll(what: string, timeoutMs: number, check: () => Promise<boolean>) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    // Polling a local server until a condition holds; not a wait for time to pass.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}
