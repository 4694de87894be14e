import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startReplicaProxy, type ProxyMode, type ReplicaProxy } from './replica-proxy';

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

async function setUp(mode: ProxyMode, probeIntervalMs = 60_000) {
  const [a, b] = [await fakeReplica('a'), await fakeReplica('b')];
  servers.push(a, b);
  proxy = await startReplicaProxy({ targets: [a.url, b.url], probeIntervalMs, mode });
  return { a, b, proxy };
}

/** A request on a connection of its own: the tcp proxy balances connections, not requests. */
function fresh(url: string, init: { method?: string; body?: string } = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: init.method ?? 'GET', agent: false }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () =>
        resolve(new Response(Buffer.concat(chunks), { status: answer.statusCode })),
      );
      answer.on('error', reject);
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

/** Sends `request` raw, ends the connection's sending side, and reads until the proxy closes it. */
function halfClosed(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port), allowHalfOpen: true });
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.end(request);
  });
}

const nameFrom = async (response: Response) => ((await response.json()) as { name: string }).name;

describe.each(['tcp', 'http'] as const)('the cluster proxy, %s', (mode) => {
  it('takes turns over the ready replicas', async () => {
    const { proxy } = await setUp(mode);
    const names = [];
    for (let i = 0; i < 4; i++) names.push(await nameFrom(await fresh(`${proxy.url}/api/x`)));
    expect(names.toSorted()).toEqual(['a', 'a', 'b', 'b']);
    expect(names[0]).not.toBe(names[1]);
  });

  it('sends nothing to a replica whose readiness probe fails, while another is ready', async () => {
    const { a, b, proxy } = await setUp(mode);
    b.setReady(false);
    await proxy.probe();
    for (let i = 0; i < 4; i++) expect(await nameFrom(await fresh(`${proxy.url}/api/x`))).toBe('a');
    expect(a.seen).toHaveLength(4);
    expect(b.seen).toHaveLength(0);
  });

  it('when no replica is ready, lets one that still answers say why (its own 503)', async () => {
    const { a, b, proxy } = await setUp(mode);
    a.setReady(false);
    b.setReady(false);
    await proxy.probe();
    const response = await fresh(`${proxy.url}/api/x`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ detail: expect.stringMatching(/database/) });
  });

  it('tries a GET again on the other replica when the first one refuses the connection', async () => {
    const { b, proxy } = await setUp(mode);
    // Down between two probes: the proxy still believes it is ready.
    await b.close();
    const names = [];
    for (let i = 0; i < 4; i++) names.push(await nameFrom(await fresh(`${proxy.url}/api/x`)));
    expect(names).toEqual(['a', 'a', 'a', 'a']);
    expect(proxy.readyTargets()).toHaveLength(1);
  });

  it('does not replay a write: a refused POST is a 502 that says so', async () => {
    const { a, b, proxy } = await setUp(mode);
    await a.close();
    await b.close();
    const response = await fresh(`${proxy.url}/api/x`, { method: 'POST', body: '{}' });
    expect([502, 503]).toContain(response.status);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/replica/);
  });

  it('passes a Range request and its 206 through, and streams a whole body', async () => {
    const { proxy } = await setUp(mode);
    const part = await fetch(`${proxy.url}/file`, { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 10-19/262144');
    expect((await part.arrayBuffer()).byteLength).toBe(10);
    const whole = await fetch(`${proxy.url}/file`);
    expect((await whole.arrayBuffer()).byteLength).toBe(256 * 1024);
  });

  it('answers 503 in words when no replica can be reached at all', async () => {
    const { a, b, proxy } = await setUp(mode);
    await a.close();
    await b.close();
    await proxy.probe();
    const response = await fresh(`${proxy.url}/api/x`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/No Callscope replica/);
  });
});

describe('the cluster proxy, per mode', () => {
  it('http: passes the client address on', async () => {
    const { a, b, proxy } = await setUp('http');
    await fresh(`${proxy.url}/api/x`);
    const seen = [...a.seen, ...b.seen];
    expect(seen[0]?.['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('tcp: keeps a connection on one replica, and answers a client that ends its side', async () => {
    const { proxy } = await setUp('tcp');
    const twice = 'GET /api/x HTTP/1.1\r\nhost: x\r\n\r\n'.repeat(2);
    const answer = await halfClosed(proxy.url, twice);
    const names = [...answer.matchAll(/"name":"(\w)"/g)].map((match) => match[1]);
    expect(names).toHaveLength(2);
    expect(names[0]).toBe(names[1]);
  });

  it('tcp: a replica that goes away closes its clients, whose next connection finds the other', async () => {
    const { a, b, proxy } = await setUp('tcp');
    const socket = net.connect(Number(new URL(proxy.url).port), '127.0.0.1');
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.on('error', () => {});
    const first = await new Promise<string>((resolve) => {
      socket.once('data', (chunk: Buffer) => resolve(chunk.toString()));
      socket.write('GET /api/x HTTP/1.1\r\nhost: x\r\n\r\n');
    });
    const [gone, other] = first.includes('"name":"a"') ? [a, b] : [b, a];
    await gone.close();
    await closed;
    expect(await nameFrom(await fresh(`${proxy.url}/api/x`))).toBe(other === a ? 'a' : 'b');
  });
});
