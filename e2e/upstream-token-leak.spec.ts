import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/console-guard';
import { prepareRunDataDir, removeRunDataDir } from './support/e2e-data';
import { startFaultProxy, type FaultMode, type FaultProxy } from './support/fault-proxy';
import { startLoggedProcess, type LoggedProcess } from './support/fault-process-logs';
import { freePort } from './support/free-port';

// A token no file or message could hold by chance: if it shows up anywhere, it leaked.
const CANARY = `leak-canary-${randomBytes(12).toString('hex')}`;
let buildDir = '';
let api: LoggedProcess | undefined;
let app: LoggedProcess | undefined;
let proxy: FaultProxy | undefined;
let appUrl = '';
let apiOrigin = '';
const dataDirs: string[] = [];

test.use({ allowedConsoleErrors: [/status of (401|404|422|500|502|504)/] });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // The bundle is built with the token in the environment, as a careless build script would.
  buildDir = mkdtempSync(path.join(os.tmpdir(), 'callscope-leak-build-'));
  await run(
    path.resolve('node_modules/.bin/vite'),
    ['build', '--outDir', buildDir, '--emptyOutDir'],
    {
      TRATA_API_TOKEN: CANARY,
      DEMO_API_TOKEN: CANARY,
    },
  );

  const [apiPort, appPort] = [await freePort(), await freePort()];
  apiOrigin = `http://127.0.0.1:${apiPort}`;
  appUrl = `http://127.0.0.1:${appPort}`;
  const apiDataDir = prepareRunDataDir({ name: 'token-leak-api', conversations: 120 });
  const appDataDir = prepareRunDataDir({ name: 'token-leak-app' });
  dataDirs.push(apiDataDir, appDataDir);
  api = await startLoggedProcess(
    'server/api/main.ts',
    {
      DEMO_API_PORT: String(apiPort),
      DEMO_API_TOKEN: CANARY,
      DATA_DIR: apiDataDir,
      DEMO_CONVERSATIONS: '120',
      LOG_LEVEL: 'debug',
    },
    `${apiOrigin}/v1/conversations`,
  );
  proxy = await startFaultProxy({ target: apiOrigin, slowMs: 6_000 });
  app = await startLoggedProcess(
    'server/main.ts',
    {
      PORT: String(appPort),
      TRATA_API_URL: proxy.url,
      TRATA_API_TOKEN: CANARY,
      // The demo API stands in for the storage host too; it is trusted by configuration.
      RECORDING_TRUSTED_ORIGINS: apiOrigin,
      DATA_DIR: appDataDir,
      UPSTREAM_TIMEOUT_MS: '1500',
      LOG_LEVEL: 'debug',
    },
    `${appUrl}/healthz`,
  );
});

test.afterAll(async () => {
  await app?.stop();
  await proxy?.close();
  await api?.stop();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  dataDirs.forEach(removeRunDataDir);
});

test('the upstream token never reaches the bundle, a response or a log line', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  // The canary is the real token: the demo API accepts it.
  const direct = await fetch(`${apiOrigin}/v1/conversations?limit=1`, {
    headers: { authorization: `Bearer ${CANARY}` },
  });
  expect(direct.status).toBe(200);

  const seen: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    pending.push(
      (async () => {
        const headers = JSON.stringify(await response.allHeaders());
        const body = await response.body().catch(() => Buffer.alloc(0));
        seen.push(`${response.url()}\n${headers}\n${body.toString('latin1')}`);
      })(),
    );
  });

  // A session through every part of the app, while the upstream behaves.
  await page.goto(`${appUrl}/`);
  const rows = page.locator('tbody a[data-row-link]');
  // Generous: the demo API prepares recordings right after its start.
  const slowStart = { timeout: 60_000 };
  await expect(rows.first()).toBeVisible(slowStart);
  await page.getByRole('searchbox').fill('order');
  await expect(page).toHaveURL(/q=order/);
  await page.goto(`${appUrl}/`);
  await rows.first().click(slowStart);
  await expect(page).toHaveURL(/\/calls\//);
  await expect(page.getByRole('region', { name: 'Recording' })).toBeVisible(slowStart);
  await page.waitForLoadState('networkidle');

  // Then while it fails in every way the app server must put into words.
  const modes: FaultMode[] = ['unauthorized', 'error-500', 'invalid-json', 'slow', 'refused'];
  for (const mode of modes) {
    await proxy!.setMode(mode);
    await page.goto(`${appUrl}/?sort_by=duration&sort_order=${mode === 'slow' ? 'asc' : 'desc'}`);
    // The list is served from the call index, so it may still show rows; either way the page
    // has said what it has to say before it is searched for the token.
    await expect(page.getByRole('alert').first().or(rows.first())).toBeVisible({
      timeout: 60_000,
    });
    await expectNoCanaryInPage(page);
    // The list no longer asks the upstream, so a forwarded request carries the fault through.
    const forwarded = await page.request.get(`${appUrl}/v1/conversations?sort_by=duration`);
    seen.push(
      `${forwarded.url()}\n${JSON.stringify(forwarded.headers())}\n${await forwarded.text()}`,
    );
  }
  await proxy!.setMode('pass');

  // And the odd requests a curious browser could send.
  const extra = [
    await request.get(`${appUrl}/v1/conversations?limit=500`),
    await request.get(`${appUrl}/v1/admin/tokens`),
    await request.get(`${appUrl}/v1/conversations/..%2F..%2Fv1%2Fconversations`),
    await request.get(`${appUrl}/api/conversations/no-such-call/recording`),
    await request.get(`${appUrl}/api/conversations/no-such-call/peaks`),
    await request.get(`${appUrl}/api/session`),
    await request.put(`${appUrl}/v1/conversations/no-such-call`, {
      data: { adminComments: [{ comment: 1, rating: 'x' }] },
    }),
  ];
  for (const response of extra) {
    seen.push(`${response.url()}\n${JSON.stringify(response.headers())}\n${await response.text()}`);
  }
  await Promise.all(pending);

  expect(seen.length).toBeGreaterThan(20);
  for (const entry of seen) expect(entry, entry.split('\n')[0]).not.toContain(CANARY);

  const files = listFiles(buildDir).concat(listFiles(path.resolve('dist')));
  expect(files.length).toBeGreaterThan(3);
  for (const file of files)
    expect(readFileSync(file).toString('latin1'), file).not.toContain(CANARY);

  // Debug-level logs of both servers, errors included.
  expect(app!.logs()).toMatch(/"statusCode":50[24]/);
  expect(app!.logs()).not.toContain(CANARY);
  expect(api!.logs()).not.toContain(CANARY);
});

async function expectNoCanaryInPage(page: Page): Promise<void> {
  expect(await page.content()).not.toContain(CANARY);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? listFiles(file) : [file];
  });
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { env: { ...process.env, ...env } }, (error) =>
      error ? reject(error) : resolve(),
    ),
  );
}
