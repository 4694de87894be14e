import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * How the proxy misbehaves. Every mode is a real upstream fault seen over a real socket:
 * - `pass`: forwards untouched.
 * - `refused`: nothing listens on the port any more (ECONNREFUSED).
 * - `reset`: accepts the connection and closes it at once, without an answer.
 * - `error-500`: answers 500 the way a crashed FastAPI app does (plain text).
 * - `slow`: answers only after `slowMs`, longer than the app server waits.
 * - `invalid-json`: a 200 with a JSON content type and a truncated body.
 * - `schema-violation`: forwards, then breaks `SCHEMA_VIOLATION_INDEXES` items of a list.
 * - `unauthorized`: forwards with a wrong bearer token, so the upstream itself answers 401.
 */
export type FaultMode =
  | 'pass'
  | 'refused'
  | 'reset'
  | 'error-500'
  | 'slow'
  | 'invalid-json'
  | 'schema-violation'
  | 'unauthorized';

/** Which items of a list `schema-violation` breaks; the others pass through intact. */
export const SCHEMA_VIOLATION_INDEXES = [0, 2] as const;

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: give this to the app server as TRATA_API_URL. */
  readonly url: string;
  readonly mode: FaultMode;
  /** How many requests reached the proxy (refused connections never do). */
  readonly requestCount: number;
  setMode(mode: FaultMode): Promise<void>;
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  /** The origin of the real upstream, e.g. the demo API's. */
  target: string;
  /** How long `slow` holds an answer back. */
  slowMs?: number;
}

/** Starts the proxy on a random loopback port, in `pass` mode. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = options.target.replace(/\/+$/, '');
  const slowMs = options.slowMs ?? 15_000;
  let mode: FaultMode = 'pass';
  let requestCount = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((request, response) => {
    requestCount += 1;
    // The real upstream is gone (its process stopped): drop the connection the way a dead
    // upstream would, rather than answer on its behalf.
    void handle(request, response).catch(() => request.socket.destroy());
  });
  server.on('connection', (socket) => {
    if (mode === 'reset') {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (mode === 'error-500') {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Internal Server Error');
      return;
    }
    if (mode === 'invalid-json') {
      response.writeHead(200, { 'content-type': 'application/json', 'x-total-count': '300' });
      response.end('[{"id": "truncated", "timestampStart": ');
      return;
    }
    if (mode === 'slow') {
      const answered = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), slowMs);
        timers.add(timer);
        // The app server gives up first; its closed socket ends the wait.
        response.once('close', () => {
          clearTimeout(timer);
          timers.delete(timer);
          resolve(false);
        });
      });
      if (!answered) return;
    }
    await forward(request, response, mode);
  }

  async function forward(request: IncomingMessage, response: ServerResponse, current: FaultMode) {
    const body = await readBody(request);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !HOP_BY_HOP.has(name)) headers.set(name, value);
    }
    if (current === 'unauthorized') headers.set('authorization', 'Bearer wrong-token-from-proxy');
    const upstream = await fetch(`${target}${request.url ?? '/'}`, {
      method: request.method,
      headers,
      body: body.length > 0 ? new Uint8Array(body) : undefined,
      redirect: 'manual',
    });
    let payload: Buffer = Buffer.from(await upstream.arrayBuffer());
    if (current === 'schema-violation' && upstream.ok) payload = breakListItems(payload);
    const outHeaders: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-length' && name !== 'content-encoding')
        outHeaders[name] = value;
    });
    response.writeHead(upstream.status, outHeaders);
    response.end(payload);
  }

  await listen(server, 0);
  const port = (server.address() as AddressInfo).port;

  async function setMode(next: FaultMode): Promise<void> {
    if (next === 'refused' && mode !== 'refused') {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Kept-alive sockets would otherwise still reach the proxy.
      server.closeAllConnections();
      await closed;
    } else if (next !== 'refused' && mode === 'refused') {
      await listen(server, port);
    }
    if (next === 'reset') server.closeAllConnections();
    mode = next;
  }

  return {
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return mode;
    },
    get requestCount() {
      return requestCount;
    },
    setMode,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      if (mode === 'refused') return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'proxy-connection',
  'te',
  'trailer',
]);

function listen(server: ReturnType<typeof createServer>, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Gives chosen list items a start time that is no date and analytics that are no object. */
function breakListItems(payload: Buffer): Buffer {
  let items: unknown;
  try {
    items = JSON.parse(payload.toString('utf8'));
  } catch {
    return payload;
  }
  if (!Array.isArray(items)) return payload;
  for (const index of SCHEMA_VIOLATION_INDEXES) {
    const item = items[index] as Record<string, unknown> | undefined;
    if (item && typeof item === 'object') {
      item.timestampStart = 'yesterday afternoon';
      item.conversationAnalytics = 'not available';
    }
  }
  return Buffer.from(JSON.stringify(items));
}
