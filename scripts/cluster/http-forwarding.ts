import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { NO_REPLICA, type ReplicaTargets } from './replica-targets';

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

/**
 * Balancing each request: round robin per request, the client's address passed on in
 * `X-Forwarded-For`, bodies streamed both ways (Range and its 206 pass through as they are), and
 * a request without a body that finds a replica's port closed is tried on the next one.
 */
export function httpForwarding(targets: ReplicaTargets) {
  // Enough sockets for a benchmark's clients, below the replicas' per-address connection cap.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

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
      if (error.code === 'ECONNREFUSED') targets.markDown(target);
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

  return {
    server: http.createServer((request, response) => {
      forward(request, response, targets.candidates());
    }),
    close: () => agent.destroy(),
  };
}

function withoutHopByHop(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const copy: http.OutgoingHttpHeaders = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

function sendUnavailable(response: ServerResponse) {
  response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
  response.end(NO_REPLICA);
}

function sendBadGateway(response: ServerResponse, error: NodeJS.ErrnoException) {
  response.writeHead(502, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      detail: `The replica could not be reached (${error.code ?? error.message}).`,
    }),
  );
}
