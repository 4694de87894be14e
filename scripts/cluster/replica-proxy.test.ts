import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startReplicaProxy, type ReplicaProxy } from './replica-proxy';

/** A stand-in replica: says who it is, honours a Range on /file, and has a readiness switch. */
async function fakeReplica(name: string) {
  let ready = true;
  const seen: http.IncomingHttpHeaders[] = [];
  const file = Buffer.alloc(256 * 1024, name);
  const server = http.createServer((request, response) => {
    if (request.url === '/readyz') {
      response.writeHead(ready ? 200 : 503).end();
      return;
    }
    seen.push(request.headers);
    const range = /^bytes=(\d+)-(\d+)$/.exec(String(request.headers.range ?? ''));
    if (request.url === '/file' && range) {
      const [start, end] = [Number(range[1]), Number(range[2])];
      response.writeHead(206, {
        'content-range': `bytes ${start}-${end}/${file.length}`,
        'content-length': String(end - start + 1),
      });
      response.end(file.subarray(start, end + 1));
      return;
    }
    if (request.url === '/file') {
      response.writeHead(200, { 'content-length': String(file.length) }).end(file);
      return;
    }
    response.writeHead(503, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ detail: `${name} cannot reach its database.`, name }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    setReady: (value: boolean) => (ready = value),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const servers: { close(): Promise<void> }[] = [];
let proxy: ReplicaProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setUp(probeIntervalMs = 60_000) {
  const [a, b] = [await fakeReplica('a'), await fakeReplica('b')];
  servers.push(a, b);
  proxy = await startReplicaProxy({ targets: [a.url, b.url], probeIntervalMs });
  return { a, b, proxy };
}

const nameFrom = async (response: Response) => ((await response.json()) as { name: string }).name;

describe('the cluster proxy', () => {
  it('takes turns over the ready replicas, and passes the client address on', async () => {
    const { proxy } = await setUp();
    const names = [];
    for (let i = 0; i < 4; i++) names.push(await nameFrom(await fetch(`${proxy.url}/api/x`)));
    expect(names.toSorted()).toEqual(['a', 'a', 'b', 'b']);
    expect(names[0]).not.toBe(names[1]);
  });

  it('sends nothing to a replica whose readiness probe fails, while another is ready', async () => {
    const { a, b, proxy } = await setUp();
    b.setReady(false);
    await proxy.probe();
    for (let i = 0; i < 4; i++) expect(await nameFrom(await fetch(`${proxy.url}/api/x`))).toBe('a');
    expect(b.seen).toHaveLength(0);
    expect(a.seen[0]?.['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('when no replica is ready, lets one that still answers say why (its own 503)', async () => {
    const { a, b, proxy } = await setUp();
    a.setReady(false);
    b.setReady(false);
    await proxy.probe();
    const response = await fetch(`${proxy.url}/api/x`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ detail: expect.stringMatching(/database/) });
  });

  it('tries a GET again on the other replica when the first one refuses the connection', async () => {
    const { b, proxy } = await setUp();
    // Down between two probes: the proxy still believes it is ready.
    await b.close();
    const names = [];
    for (let i = 0; i < 4; i++) names.push(await nameFrom(await fetch(`${proxy.url}/api/x`)));
    expect(names).toEqual(['a', 'a', 'a', 'a']);
    expect(proxy.readyTargets()).toHaveLength(1);
  });

  it('does not replay a write: a refused POST is a 502 that says so', async () => {
    const { a, b, proxy } = await setUp();
    await a.close();
    await b.close();
    const response = await fetch(`${proxy.url}/api/x`, { method: 'POST', body: '{}' });
    expect([502, 503]).toContain(response.status);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/replica/);
  });

  it('passes a Range request and its 206 through, and streams a whole body', async () => {
    const { proxy } = await setUp();
    const part = await fetch(`${proxy.url}/file`, { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 10-19/262144');
    expect((await part.arrayBuffer()).byteLength).toBe(10);
    const whole = await fetch(`${proxy.url}/file`);
    expect((await whole.arrayBuffer()).byteLength).toBe(256 * 1024);
  });

  it('answers 503 in words when no replica can be reached at all', async () => {
    const { a, b, proxy } = await setUp();
    await a.close();
    await b.close();
    await proxy.probe();
    const response = await fetch(`${proxy.url}/api/x`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/No Callscope replica/);
  });
});
