import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServer } from './create-app-server';
import { createUpstream } from './upstream';

let heldUpstream: Server | undefined;

afterEach(async () => {
  heldUpstream?.closeAllConnections();
  await new Promise<void>((resolve) =>
    heldUpstream ? heldUpstream.close(() => resolve()) : resolve(),
  );
});

/**
 * An upstream that holds every request until the test lets it answer, so "in flight" is a
 * known moment rather than a guess about how long the request takes to arrive.
 */
async function startHeldUpstream() {
  let arrived!: () => void;
  const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  heldUpstream = createServer((_request, response) => {
    arrived();
    void answered.then(() => {
      response.writeHead(200, { 'content-type': 'application/json', 'x-total-count': '1' });
      response.end(JSON.stringify([{ id: 'slow' }]));
    });
  });
  const origin = await new Promise<string>((resolve) =>
    heldUpstream!.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(heldUpstream!.address() as AddressInfo).port}`),
    ),
  );
  return { origin, requestArrived, answer };
}

describe('graceful shutdown', () => {
  it('finishes an in-flight request before the server closes', async () => {
    const upstream = await startHeldUpstream();
    const client = createUpstream({
      baseUrl: upstream.origin,
      token: 'test-token',
      timeoutMs: 5_000,
    });
    const app = await createAppServer({ upstream: client });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;

    const inFlight = fetch(`http://127.0.0.1:${port}/v1/conversations`);
    await upstream.requestArrived;
    const closed = app.close();
    upstream.answer();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.headers.get('x-total-count')).toBe('1');
    expect(await response.json()).toEqual([{ id: 'slow' }]);
    await closed;
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
