import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJson, startStubServer, type StubServer } from '../upstream-fetch/testing/stub-server';
import { hashPassword } from './password-hash';
import {
  APP_MAIN,
  freePort,
  startServerProcess,
  type ServerProcess,
} from './testing/server-process';

const PASSWORDS = { alice: 'alice-long-password', bob: 'bob-long-password' };
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'callscope-sessions-'));
let upstream: StubServer;
let server: ServerProcess;
let port: number;
let env: Record<string, string>;

beforeAll(async () => {
  upstream = await startStubServer((_request, response) => sendJson(response, 200, []));
  port = await freePort();
  env = {
    PORT: String(port),
    DATA_DIR: dataDir,
    TRATA_API_URL: upstream.origin,
    TRATA_API_TOKEN: 'sessions-upstream-token',
    DASHBOARD_USERS: [
      `alice:${await hashPassword(PASSWORDS.alice)}`,
      `bob:${await hashPassword(PASSWORDS.bob)}`,
    ].join(','),
    SESSION_SECRET: 's'.repeat(40),
    SIGN_IN_MAX_FAILURES: '100',
    SIGN_IN_MAX_FAILURES_PER_USER: '3',
    SIGN_IN_MAX_FAILURES_GLOBAL: '6',
    LOG_LEVEL: 'info',
  };
  await start();
});

afterAll(async () => {
  await server?.stop();
  await upstream?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<void> {
  server = startServerProcess(APP_MAIN, env);
  await server.waitForLine(/Callscope is running/);
}

interface Answer {
  status: number;
  cookie: string;
  body: string;
}

/** One request over a real socket, optionally from another loopback source address. */
function send(
  method: 'GET' | 'POST',
  urlPath: string,
  options: { cookie?: string; form?: Record<string, string>; from?: string } = {},
): Promise<Answer> {
  const body = options.form ? new URLSearchParams(options.form).toString() : '';
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        localAddress: options.from,
        headers: {
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(options.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => {
          const setCookie = response.headers['set-cookie']?.[0] ?? '';
          resolve({
            status: response.statusCode ?? 0,
            cookie: setCookie.split(';')[0]!,
            body: text,
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const signIn = (username: string, password: string, from?: string) =>
  send('POST', '/sign-in', { form: { username, password, next: '/' }, from });

async function signedInCookie(user: keyof typeof PASSWORDS): Promise<string> {
  const answer = await signIn(user, PASSWORDS[user]);
  expect(answer.status).toBe(303);
  expect(answer.cookie).toMatch(/^callscope_session=.+/);
  return answer.cookie;
}

const apiStatus = async (cookie: string) =>
  (await send('GET', '/v1/conversations', { cookie })).status;

describe('signing out ends the session', () => {
  it('refuses a replayed cookie after sign-out, also after a restart', async () => {
    const cookie = await signedInCookie('alice');
    expect(await apiStatus(cookie)).toBe(200);
    const out = await send('POST', '/sign-out', { cookie });
    expect(out.status).toBe(303);
    expect(await apiStatus(cookie)).toBe(401);

    await server.stop();
    await start();
    expect(await apiStatus(cookie)).toBe(401);
    expect(await apiStatus(await signedInCookie('alice'))).toBe(200);
  });

  it('signs a user out everywhere, and only that user', async () => {
    const laptop = await signedInCookie('alice');
    const phone = await signedInCookie('alice');
    const colleague = await signedInCookie('bob');
    const out = await send('POST', '/sign-out-everywhere', { cookie: phone });
    expect(out.status).toBe(303);
    expect(await apiStatus(laptop)).toBe(401);
    expect(await apiStatus(phone)).toBe(401);
    expect(await apiStatus(colleague)).toBe(200);
    expect(await apiStatus(await signedInCookie('alice'))).toBe(200);
  });
});

describe('sign-in lockout', () => {
  const LOCKED = /Too many failed sign-ins/;

  it('holds per user name across source addresses, with the generic message', async () => {
    for (const from of ['127.0.0.2', '127.0.0.3', '127.0.0.4']) {
      expect((await signIn('alice', 'wrong-password', from)).status).toBe(401);
    }
    // The right password from a fresh address is refused too: the name is locked, not the address.
    const locked = await signIn('alice', PASSWORDS.alice, '127.0.0.5');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatch(LOCKED);
    expect(locked.cookie).toBe('');
  });

  it('holds for the whole server once the global budget is spent', async () => {
    // Three more failures, each a different name from a different address: six in all.
    for (const [name, from] of [
      ['carol', '127.0.0.6'],
      ['dave', '127.0.0.7'],
      ['erin', '127.0.0.8'],
    ] as const) {
      expect((await signIn(name, 'wrong-password', from)).status).toBe(401);
    }
    const locked = await signIn('bob', PASSWORDS.bob, '127.0.0.9');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatch(LOCKED);
  });
});
