import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sendJson, startStubServer, type StubServer } from '../upstream-fetch/testing/stub-server';
import { assertSafeExposure } from './exposure-guard';
import { hashPassword } from './password-hash';
import { loadSecurityConfig } from './security-config';

const MAIN = path.resolve(import.meta.dirname, '../main.ts');
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `npm start` in its own process, with only the given environment on top of this one's, and a
 * DATA_DIR of its own rather than the checkout's `data/`.
 */
function startMain(env: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'callscope-exposure-'));
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, LOG_LEVEL: 'info', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // The server says when it listens; a busy machine may take long to get there, so the test
  // waits for that line (or the exit) rather than guessing a time.
  const listening = new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Callscope is running on')) resolve();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    void exited.then((code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
  listening.catch(() => undefined);
  stops.push(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { exited, listening, output: () => output };
}

async function upstreamStub(): Promise<StubServer> {
  const stub = await startStubServer((_request, response) =>
    sendJson(response, 200, [{ id: 'c1' }]),
  );
  stops.push(() => stub.close());
  return stub;
}

describe('the exposure guard at start', () => {
  it('refuses to start on HOST=0.0.0.0 without sign-in, before listening', async () => {
    const port = await freePort();
    const stub = await upstreamStub();
    const main = startMain({
      HOST: '0.0.0.0',
      PORT: String(port),
      TRATA_API_URL: stub.origin,
      TRATA_API_TOKEN: 'exposure-test-token',
    });
    expect(await main.exited).toBe(1);
    expect(main.output()).toContain('Refusing to listen on HOST=0.0.0.0 without sign-in');
    expect(main.output()).not.toContain('exposure-test-token');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('with sign-in: may be exposed, answers 401 without a session and works once signed in', async () => {
    const env = {
      DASHBOARD_USERS: `dana:${await hashPassword('dana-long-password')}`,
      SESSION_SECRET: 'exposure-test-secret-0123456789abcdef',
    };
    expect(() => assertSafeExposure('0.0.0.0', loadSecurityConfig(env).auth)).not.toThrow();

    const port = await freePort();
    const stub = await upstreamStub();
    // Listening on loopback: tests never open a port to the network.
    const main = startMain({
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      TRATA_API_URL: stub.origin,
      TRATA_API_TOKEN: 't0ken-x',
    });
    const origin = `http://127.0.0.1:${port}`;
    await main.listening;

    expect((await fetch(`${origin}/v1/conversations`)).status).toBe(401);
    const signIn = await fetch(`${origin}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'dana', password: 'dana-long-password', next: '/' }),
      redirect: 'manual',
    });
    expect(signIn.status).toBe(303);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const list = await fetch(`${origin}/v1/conversations`, { headers: { cookie } });
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual([{ id: 'c1' }]);
    expect(stub.seen.at(-1)!.headers.authorization).toBe('Bearer t0ken-x');
  });
});
