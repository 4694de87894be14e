import { afterEach, describe, expect, it } from 'vitest';
import { createGuardedRecordingFetch, type RecordingFetchOptions } from './recording-fetch';
import type { ResolvedAddress } from './guarded-connect';
import { startStubServer, type StubServer } from './testing/stub-server';
import { TEST_CERT } from './testing/test-cert';
import { startTlsStub } from './testing/tls-stub';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A resolver that answers from a table and records every question. */
function fakeDns(table: Record<string, string[] | (() => string[])>) {
  const asked: string[] = [];
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    asked.push(hostname);
    const entry = table[hostname];
    const addresses = typeof entry === 'function' ? entry() : (entry ?? []);
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { asked, resolve };
}

function guard(
  options: Partial<RecordingFetchOptions> & Pick<RecordingFetchOptions, 'allowedHosts'>,
) {
  const fetchRecording = createGuardedRecordingFetch({ ca: TEST_CERT, ...options });
  cleanups.push(() => fetchRecording.close());
  return (url: string, headers: Record<string, string> = {}) =>
    fetchRecording(url, { headers, signal: AbortSignal.timeout(10_000) });
}

async function tlsStub(body = 'ID3-fake-mp3-bytes') {
  const stub = await startTlsStub((request, response) => {
    const range = /bytes=(\d+)-(\d+)/.exec(request.headers.range ?? '');
    if (range) {
      const [start, end] = [Number(range[1]), Number(range[2])];
      response.writeHead(206, {
        'content-type': 'audio/mpeg',
        'content-range': `bytes ${start}-${end}/${body.length}`,
        'accept-ranges': 'bytes',
        'set-cookie': 'tracking=1',
      });
      return void response.end(body.slice(start, end + 1));
    }
    response.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': body.length });
    response.end(body);
  });
  cleanups.push(() => stub.close());
  return stub;
}

async function plainStub(handler?: Parameters<typeof startStubServer>[0]): Promise<StubServer> {
  const stub = await startStubServer(handler);
  cleanups.push(() => stub.close());
  return stub;
}

describe('the SSRF matrix is refused', () => {
  const refused = /The recording URL was refused/;

  it('refuses http://, file: and data: URLs before any lookup', async () => {
    const dns = fakeDns({ 'storage.googleapis.com': ['142.250.1.128'] });
    const get = guard({ allowedHosts: ['storage.googleapis.com'], resolve: dns.resolve });
    await expect(get('http://storage.googleapis.com/b/call.mp3')).rejects.toThrow(/only https/);
    await expect(get('file:///etc/passwd')).rejects.toThrow(/only https is allowed, not file/);
    await expect(get('data:audio/mpeg;base64,SUQz')).rejects.toThrow(
      /only https is allowed, not data/,
    );
    await expect(get('gopher://storage.googleapis.com/')).rejects.toThrow(refused);
    await expect(get('not a url')).rejects.toThrow(/not a valid URL/);
    await expect(get('https://user:pw@storage.googleapis.com/a.mp3')).rejects.toThrow(
      /credentials/,
    );
    expect(dns.asked).toEqual([]);
  });

  it('refuses hosts off the allowlist, including look-alikes', async () => {
    const dns = fakeDns({});
    const get = guard({
      allowedHosts: ['storage.googleapis.com', '*.cdn.example.com'],
      resolve: dns.resolve,
    });
    for (const url of [
      'https://evil.example.net/call.mp3',
      'https://storage.googleapis.com.evil.net/call.mp3',
      'https://evilstorage.googleapis.com/call.mp3',
      'https://cdn.example.com.evil.net/call.mp3',
      'https://xcdn.example.com/call.mp3',
    ]) {
      await expect(get(url), url).rejects.toThrow(/not an allowed recording host/);
    }
    expect(dns.asked).toEqual([]);
  });

  const privateLiterals = [
    '127.0.0.1',
    '[::1]',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.254',
    '192.168.1.1',
    '169.254.169.254',
    '100.100.100.200',
    '0.0.0.0',
    '[::ffff:127.0.0.1]',
    '[::ffff:a9fe:a9fe]',
    '[fd00:ec2::254]',
    '[fe80::1]',
    '[64:ff9b::a00:1]',
    '[2002:c0a8:101::1]',
  ];

  it('refuses private, loopback, link-local and metadata addresses even when allowlisted', async () => {
    const allowedHosts = privateLiterals.map((host) => new URL(`https://${host}/`).hostname);
    const get = guard({ allowedHosts });
    for (const host of privateLiterals) {
      await expect(get(`https://${host}/latest/meta-data/`), host).rejects.toThrow(
        /private or reserved address/,
      );
    }
    const strict = guard({ allowedHosts: ['storage.googleapis.com'] });
    for (const host of privateLiterals) {
      await expect(strict(`https://${host}/call.mp3`), host).rejects.toThrow(refused);
    }
  });

  it('refuses a host name that resolves to 127.0.0.1, and never connects to it', async () => {
    const stub = await tlsStub();
    const dns = fakeDns({
      'recordings.example.com': ['127.0.0.1'],
      'cdn.example.com': ['93.184.216.34', '10.0.0.7'],
    });
    const get = guard({
      allowedHosts: ['recordings.example.com', 'cdn.example.com'],
      resolve: dns.resolve,
    });
    await expect(get(`https://recordings.example.com:${stub.port}/a.mp3`)).rejects.toThrow(
      /recordings.example.com resolves to a private or reserved address/,
    );
    await expect(get(`https://cdn.example.com:${stub.port}/a.mp3`)).rejects.toThrow(
      /cdn.example.com resolves to a private or reserved address/,
    );
    expect(dns.asked).toEqual(['recordings.example.com', 'cdn.example.com']);
    expect(stub.seen).toEqual([]);
  });

  it('judges the answer actually connected to, so DNS rebinding cannot get through', async () => {
    const stub = await tlsStub();
    // Only 127.0.0.2 counts as public here; the stub listens on 127.0.0.1 alone.
    let answers = 0;
    const dns = fakeDns({
      'recordings.example.com': () => (answers++ === 0 ? ['127.0.0.2'] : ['127.0.0.1']),
    });
    const get = guard({
      allowedHosts: ['recordings.example.com'],
      resolve: dns.resolve,
      isAllowedAddress: (address) => address === '127.0.0.2',
    });
    const url = `https://recordings.example.com:${stub.port}/a.mp3`;
    // First answer: a permitted address where nothing listens; second: the private one.
    await expect(get(url)).rejects.toThrow(/could not be reached \(ECONNREFUSED\)/);
    await expect(get(url)).rejects.toThrow(/resolves to a private or reserved address/);
    expect(stub.seen).toEqual([]);
  });

  it('refuses a redirect to a private host or to any other host', async () => {
    const trusted = await plainStub((request, response) => {
      const targets: Record<string, string> = {
        '/metadata': 'http://169.254.169.254/latest/meta-data/',
        '/loopback': 'https://127.0.0.1:1/secret',
        '/elsewhere': 'https://recordings.example.com/a.mp3',
        '/scheme': 'file:///etc/passwd',
      };
      response.writeHead(302, { location: targets[request.url] ?? '/' });
      response.end();
    });
    const get = guard({
      allowedHosts: ['recordings.example.com'],
      trustedOrigins: [trusted.origin],
    });
    for (const path of ['/metadata', '/loopback', '/elsewhere', '/scheme']) {
      await expect(get(`${trusted.origin}${path}`), path).rejects.toThrow(
        /redirects to another host/,
      );
    }
  });

  it('trusts only the exact configured origin', async () => {
    const trusted = await plainStub();
    const other = await plainStub();
    const get = guard({ allowedHosts: [], trustedOrigins: [trusted.origin] });
    await expect(get(`${other.origin}/a.mp3`)).rejects.toThrow(/only https/);
    await expect(get(`http://localhost:${trusted.port}/a.mp3`)).rejects.toThrow(/only https/);
    expect(other.seen).toEqual([]);
  });
});

describe('allowed recording fetches', () => {
  it('streams from an allowlisted https host and passes Range, and nothing else, through', async () => {
    const stub = await tlsStub('0123456789');
    const dns = fakeDns({ 'a.storage.example.com': ['127.0.0.1'] });
    const get = guard({
      allowedHosts: ['*.storage.example.com'],
      resolve: dns.resolve,
      isAllowedAddress: (address) => address === '127.0.0.1',
    });
    const response = await get(
      `https://a.storage.example.com:${stub.port}/call.mp3?X-Goog-Signature=s`,
      {
        range: 'bytes=2-5',
        cookie: 'callscope_session=secret',
        authorization: 'Bearer secret',
      },
    );
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toBe('2345');
    expect(stub.seen[0]!.headers.range).toBe('bytes=2-5');
    expect(stub.seen[0]!.headers.cookie).toBeUndefined();
    expect(stub.seen[0]!.headers.authorization).toBeUndefined();
  });

  it('reaches the configured demo origin on loopback and follows a redirect within it', async () => {
    const demo = await plainStub((request, response) => {
      if (request.url === '/old.mp3') {
        response.writeHead(301, { location: '/recordings/new.mp3' });
        return void response.end();
      }
      response.writeHead(200, { 'content-type': 'audio/mpeg' });
      response.end('mp3');
    });
    const get = guard({ allowedHosts: [], trustedOrigins: [demo.origin] });
    const response = await get(`${demo.origin}/old.mp3`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('mp3');
    expect(demo.seen.map((request) => request.url)).toEqual(['/old.mp3', '/recordings/new.mp3']);
  });

  it('caps the size, whether announced or streamed', async () => {
    const demo = await plainStub((request, response) => {
      if (request.url === '/announced') {
        response.writeHead(200, { 'content-length': '5000' });
        return void response.end('x'.repeat(5000));
      }
      response.writeHead(200, { 'content-type': 'audio/mpeg' });
      response.write('x'.repeat(3000));
      response.end('x'.repeat(3000));
    });
    const get = guard({ allowedHosts: [], trustedOrigins: [demo.origin], maxBytes: 4000 });
    await expect(get(`${demo.origin}/announced`)).rejects.toThrow(/larger than the server accepts/);
    const streamed = await get(`${demo.origin}/streamed`);
    await expect(streamed.arrayBuffer()).rejects.toThrow();
  });

  it('gives up on a host that does not answer, and on a transfer that takes too long', async () => {
    const silent = await plainStub(() => undefined);
    const trickle = await plainStub((_request, response) => {
      response.writeHead(200, { 'content-type': 'audio/mpeg' });
      const timer = setInterval(() => response.write('x'), 50);
      response.on('close', () => clearInterval(timer));
    });
    const get = guard({
      allowedHosts: [],
      trustedOrigins: [silent.origin, trickle.origin],
      headersTimeoutMs: 200,
      totalTimeoutMs: 400,
    });
    await expect(get(`${silent.origin}/a.mp3`)).rejects.toThrow(/did not answer in time/);
    // The transfer never ends, so the total timeout must end it: while the body trickles, or
    // already before the headers when a busy machine delays them past it.
    const slow = get(`${trickle.origin}/a.mp3`).then((response) => response.arrayBuffer());
    await expect(slow).rejects.toThrow();
  });
});
