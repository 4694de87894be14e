import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServer } from './create-app-server';
import { createUpstream } from './upstream';

let slowUpstream: Server | undefined;
let requestArrived: Promise<void>;

afterEach(async () => {
  slowUpstream?.closeAllConnections();
  await new Promise<void>((resolve) =>
    slowUpstream ? slowUpstream.close(() => resolve()) : resolve(),
  );
});

function startSlowUpstream(delayMs: number): Promise<string> {
  let arrived: () => void;
  requestArrived = new Promise((resolve) => (arrived = resolve));
  slowUpstream = createServer((_request, response) => {
    arrived();
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json', 'x-total-count': '1' });
      response.end(JSON.stringify([{ id: 'slow' }]));
    }, delayMs);
  });
  return new Promise((resolve) =>
    slowUpstream!.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(slowUpstream!.address() as AddressInfo).port}`),
    ),
  );
}

describe('graceful shutdown', () => {
  it('finishes an in-flight request before the server closes', async () => {
    const baseUrl = await startSlowUpstream(400);
    const upstream = createUpstream({ baseUrl, token: 'test-token', timeoutMs: 5_000 });
    const app = await createAppServer({ upstream });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;

    const inFlight = fetch(`http://127.0.0.1:${port}/v1/conversations`);
    // In flight: the app server has forwarded it and waits on the upstream's answer.
    await requestArrived;
    const closed = app.close();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.headers.get('x-total-count')).toBe('1');
    expect(await response.json()).toEqual([{ id: 'slow' }]);
    await closed;
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
