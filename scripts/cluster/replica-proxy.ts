import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small load balancer for trying replicas on one machine: round robin over the replicas whose
 * readiness probe answers 200, bodies streamed both ways (Range and its 206 pass through as they
 * are), and a request without a body that finds a replica's port closed is tried on the next one.
 * It stands for the load balancer of a real deployment; it is not meant to face the internet.
 */
export interface ReplicaProxy {
  readonly url: string;
  /** Replicas whose last probe answered 200, in the order they were given. */
  readyTargets(): string[];
  /** Probes every replica now and waits for the answers. */
  probe(): Promise<void>;
  close(): Promise<void>;
}

export interface ReplicaProxyOptions {
  /** Replica origins, `http://127.0.0.1:8101`. */
  targets: readonly string[];
  port?: number;
  /** The readiness path each replica answers; 200 means it takes traffic. */
  readyPath?: string;
  probeIntervalMs?: number;
}

type TargetState = 'ready' | 'unready' | 'down';

// Safe to send twice: a refused connection never reached the replica, and there is no body to replay.
const RETRYABLE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
];

export async function startReplicaProxy(options: ReplicaProxyOptions): Promise<ReplicaProxy> {
  const readyPath = options.readyPath ?? '/readyz';
  const states = new Map<string, TargetState>(options.targets.map((target) => [target, 'down']));
  // Enough sockets for a benchmark's clients, below the replicas' per-address connection cap.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;

  const probeOne = async (target: string) => {
    try {
      const response = await fetch(`${target}${readyPath}`, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      states.set(target, response.status === 200 ? 'ready' : 'unready');
    } catch {
      states.set(target, 'down');
    }
  };
  const probe = async () => {
    await Promise.all(options.targets.map(probeOne));
  };

  /**
   * The replicas to try, in round-robin order: the ready ones; when none is, the ones that still
   * answer (their own 503 says why, which beats the proxy guessing); else none.
   */
  const candidates = (): string[] => {
    const byState = (state: TargetState) => options.targets.filter((t) => states.get(t) === state);
    const pool = byState('ready').length ? byState('ready') : byState('unready');
    if (pool.length === 0) return [];
    const start = next++ % pool.length;
    return [...pool.slice(start), ...pool.slice(0, start)];
  };

  const forward = (request: IncomingMessage, response: ServerResponse, tries: string[]) => {
    const target = tries[0];
    if (!target) {
      sendUnavailable(response);
      return;
    }
    const url = new URL(request.url ?? '/', target);
    const headers = withoutHopByHop(request.headers);
    const client = request.socket.remoteAddress ?? '';
    const forwardedFor = request.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = forwardedFor ? `${String(forwardedFor)}, ${client}` : client;
    headers['x-forwarded-proto'] = 'http';
    headers['x-forwarded-host'] = request.headers.host ?? '';
    const upstream = http.request(url, { method: request.method, headers, agent }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      answer.pipe(response);
      answer.on('error', () => response.destroy());
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') states.set(target, 'down');
      const retry =
        error.code === 'ECONNREFUSED' &&
        RETRYABLE_METHODS.has(request.method ?? '') &&
        tries.length > 1 &&
        !response.headersSent;
      if (retry) forward(request, response, tries.slice(1));
      else if (!response.headersSent) sendBadGateway(response, error);
      else response.destroy();
    });
    // A client that goes away stops the replica's work too (a long export, a recording).
    response.on('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
  };

  const server = http.createServer((request, response) => {
    forward(request, response, candidates());
  });
  await probe();
  const timer = setInterval(() => void probe(), options.probeIntervalMs ?? 500);
  timer.unref();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    readyTargets: () => options.targets.filter((target) => states.get(target) === 'ready'),
    probe,
    async close() {
      clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

function withoutHopByHop(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const copy: http.OutgoingHttpHeaders = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

function sendUnavailable(response: ServerResponse) {
  response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
  response.end(JSON.stringify({ detail: 'No Callscope replica is reachable right now.' }));
}

function sendBadGateway(response: ServerResponse, error: NodeJS.ErrnoException) {
  response.writeHead(502, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      detail: `The replica could not be reached (${error.code ?? error.message}).`,
    }),
  );
}
