import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_EXAMPLE_ID } from '../demo-data/generate';
import { exchange, openSocket, parseHead } from './testing/raw-http';
import {
  APP_MAIN,
  freePort,
  startServerProcess,
  type ServerProcess,
} from './testing/server-process';

const TOKEN = 'hardening-demo-token';
const REQUEST_TIMEOUT_MS = 1_500;
const MAX_CONNECTIONS = 8;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'callscope-hardening-'));
let server: ServerProcess;
let appPort: number;
let apiPort: number;

beforeAll(async () => {
  appPort = await freePort();
  apiPort = await freePort();
  server = startServerProcess(APP_MAIN, {
    PORT: String(appPort),
    DEMO_API_PORT: String(apiPort),
    DEMO_API_TOKEN: TOKEN,
    DATA_DIR: dataDir,
    DEMO_CONVERSATIONS: '30',
    HTTP_HEADERS_TIMEOUT_MS: '1000',
    HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000',
    MAX_CONNECTIONS_PER_ADDRESS: String(MAX_CONNECTIONS),
    LOG_LEVEL: 'info',
  });
  await server.waitForLine(/Callscope is running/);
});

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const servers = () => [
  { name: 'app server', port: appPort, auth: '' },
  { name: 'demo API', port: apiPort, auth: `authorization: Bearer ${TOKEN}\r\n` },
];

function request(
  port: number,
  head: string,
  body: Buffer,
  extraHeaders = '',
): Promise<{ status: number; body: string; headers: Map<string, string> }> {
  const bytes = Buffer.concat([
    Buffer.from(
      `${head} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\n` +
        `content-length: ${body.length}\r\nconnection: close\r\n${extraHeaders}\r\n`,
    ),
    body,
  ]);
  return exchange(port, bytes).then(({ text }) => {
    const { status, headers } = parseHead(text);
    return { status, headers, body: text.slice(text.indexOf('\r\n\r\n') + 4) };
  });
}

function expectJsonInvalid(body: string, reason: RegExp): void {
  // A chunked body is fine too; the JSON object is all that matters.
  const json = body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1);
  const detail = (JSON.parse(json) as { detail: { type: string; ctx: { error: string } }[] })
    .detail;
  expect(detail[0]!.type).toBe('json_invalid');
  expect(detail[0]!.ctx.error).toMatch(reason);
}

describe('JSON bodies are checked before they are parsed', () => {
  const nested = Buffer.from(`{"adminComments":${'['.repeat(500_000)}${']'.repeat(500_000)}}`);
  const badUtf8 = Buffer.concat([
    Buffer.from('{"adminComments":[{"comment":"'),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
    Buffer.from('","rating":5}]}'),
  ]);

  it('answers 500,000 nesting levels with a 422 on both servers, and stays responsive', async () => {
    for (const { name, port, auth } of servers()) {
      const pending = request(port, `PUT /v1/conversations/${SEED_EXAMPLE_ID}`, nested, auth);
      const health = await fetch(`http://127.0.0.1:${appPort}/healthz`);
      expect(health.status).toBe(200);
      const answer = await pending;
      expect(answer.status, name).toBe(422);
      expectJsonInvalid(answer.body, /deeper than 64 levels/);
      const post = await request(port, 'POST /v1/conversations', nested, auth);
      expect(post.status, name).toBe(422);
    }
  });

  it('answers invalid UTF-8 with a 422 instead of replacing it, on both servers', async () => {
    for (const { name, port, auth } of servers()) {
      const answer = await request(port, `PUT /v1/conversations/${SEED_EXAMPLE_ID}`, badUtf8, auth);
      expect(answer.status, name).toBe(422);
      expectJsonInvalid(answer.body, /not valid UTF-8/);
    }
    const stored = await fetch(`http://127.0.0.1:${apiPort}/v1/conversations/${SEED_EXAMPLE_ID}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(await stored.text()).not.toContain('\uFFFD');
  });
});

describe('answers from Node’s HTTP parser', () => {
  it('carry the security headers on 400 and 431', async () => {
    const malformed = await exchange(appPort, 'GET / HTTP/1.1\r\nhost: x\r\nno colon here\r\n\r\n');
    const oversized = await exchange(
      appPort,
      `GET / HTTP/1.1\r\nhost: 127.0.0.1\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    for (const [expected, { text }] of [
      [400, malformed],
      [431, oversized],
    ] as const) {
      const { status, headers } = parseHead(text);
      expect(status).toBe(expected);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

describe('slow clients', () => {
  it('closes a body that never arrives within the request timeout, on both servers', async () => {
    for (const { name, port, auth } of servers()) {
      const { text, closedAfterMs } = await exchange(
        port,
        `PUT /v1/conversations/${SEED_EXAMPLE_ID} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n` +
          `content-type: application/json\r\ncontent-length: 100\r\n${auth}\r\n{"adm`,
      );
      // Node checks every second, so the close comes at most a second after the timeout.
      expect(closedAfterMs, name).toBeLessThan(REQUEST_TIMEOUT_MS + 3_000);
      expect(parseHead(text).status, name).toBe(408);
    }
  });

  it('caps the connections of one address, and other addresses are still served', async () => {
    const held: Socket[] = [];
    try {
      for (let i = 0; i < MAX_CONNECTIONS; i++) held.push(await openSocket(appPort));
      const refused = await exchange(appPort, 'GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
      expect(parseHead(refused.text).status).toBe(503);
      const other = await exchange(
        appPort,
        `GET /healthz HTTP/1.1\r\nhost: 127.0.0.1:${appPort}\r\nconnection: close\r\n\r\n`,
        { localAddress: '127.0.0.2' },
      );
      expect(parseHead(other.text).status).toBe(200);
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});
