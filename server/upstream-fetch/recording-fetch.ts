import { Readable, Transform, pipeline } from 'node:stream';
import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import { isPublicAddress } from './address-policy';
import { discard, firstValue, toHeaders } from './body';
import { guardedConnector, systemResolver, type Resolver } from './guarded-connect';
import { refusalReason, toRefusal, toUpstreamError } from './recording-errors';
import { UpstreamError } from './upstream-error';

export interface RecordingFetchOptions {
  /** Host names a recording may come from over https; `*.example.com` allows its subdomains. */
  allowedHosts: readonly string[];
  /**
   * Exact origins the operator configured (in demo mode, the demo API's own loopback origin).
   * Only these skip the https and address rules; the guard has no other exception.
   */
  trustedOrigins?: readonly string[];
  connectTimeoutMs?: number;
  /** Until the response headers arrive. */
  headersTimeoutMs?: number;
  /** The longest pause between two chunks of the body. */
  idleTimeoutMs?: number;
  /** The whole transfer, however the bytes trickle. */
  totalTimeoutMs?: number;
  maxBytes?: number;
  /** Redirects are followed only within one origin, at most this many times. */
  maxRedirects?: number;
  /** Tests inject a resolver, an address rule and a certificate authority. */
  resolve?: Resolver;
  isAllowedAddress?: (address: string) => boolean;
  ca?: string;
}

export type GuardedRecordingFetch = ((
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<Response>) & { close(): Promise<void> };

/** The request headers a media element needs for Range; nothing else leaves the server. */
const PASSED_HEADERS = ['range', 'if-range', 'if-none-match', 'if-modified-since'] as const;
const DROPPED_RESPONSE_HEADERS = ['connection', 'keep-alive', 'transfer-encoding', 'set-cookie'];
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches a recording URL that came from the upstream's data, never from the browser: https
 * only, to an allowlisted host, never to a private, loopback, link-local or metadata address
 * (checked on the address actually connected to), no redirect to another origin, with size and
 * time caps. Range headers pass through.
 */
export function createGuardedRecordingFetch(options: RecordingFetchOptions): GuardedRecordingFetch {
  const trusted = new Set((options.trustedOrigins ?? []).map((origin) => new URL(origin).origin));
  const allowed = options.isAllowedAddress ?? isPublicAddress;
  const maxBytes = options.maxBytes ?? 200 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 3;
  const totalTimeoutMs = options.totalTimeoutMs ?? 10 * 60_000;
  const agent = new Agent({
    connect: guardedConnector({
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      resolve: options.resolve ?? systemResolver,
      allowed,
      isTrustedOrigin: (origin) => trusted.has(origin),
      ca: options.ca,
    }),
    headersTimeout: options.headersTimeoutMs ?? 20_000,
    bodyTimeout: options.idleTimeoutMs ?? 30_000,
  });
  const policy = { allowedHosts: options.allowedHosts, trusted, allowed };

  const fetchRecording = async (
    url: string,
    init: { headers: Record<string, string>; signal: AbortSignal },
  ): Promise<Response> => {
    const signal = AbortSignal.any([init.signal, AbortSignal.timeout(totalTimeoutMs)]);
    const headers: Record<string, string> = {};
    for (const name of PASSED_HEADERS) {
      const value = init.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    let target = checkedUrl(url, policy);
    for (let hop = 0; ; hop++) {
      let answer: Dispatcher.ResponseData;
      try {
        answer = await undiciRequest(target, { method: 'GET', headers, signal, dispatcher: agent });
      } catch (error) {
        if (init.signal.aborted) throw error;
        throw toUpstreamError(error, target.hostname, signal.aborted);
      }
      const location = firstValue(answer.headers.location);
      if (REDIRECTS.has(answer.statusCode) && location) {
        discard(answer.body);
        const next = new URL(location, target);
        if (next.origin !== target.origin)
          throw toRefusal(`it redirects to another host (${next.hostname || next.protocol})`);
        if (hop >= maxRedirects) throw toRefusal('it redirects too many times');
        target = checkedUrl(next.href, policy);
        continue;
      }
      if (Number(firstValue(answer.headers['content-length']) ?? 0) > maxBytes) {
        discard(answer.body);
        throw new UpstreamError(502, 'The recording is larger than the server accepts.');
      }
      return toResponse(answer, maxBytes);
    }
  };
  return Object.assign(fetchRecording, { close: () => agent.close() });
}

interface UrlPolicy {
  allowedHosts: readonly string[];
  trusted: Set<string>;
  allowed: (address: string) => boolean;
}

function checkedUrl(text: string, policy: UrlPolicy): URL {
  const reason = refusalReason(text, policy);
  if (reason) throw toRefusal(reason);
  return new URL(text);
}

function toResponse(answer: Dispatcher.ResponseData, maxBytes: number): Response {
  const headers = toHeaders(answer.headers);
  for (const name of DROPPED_RESPONSE_HEADERS) headers.delete(name);
  if (answer.statusCode === 204 || answer.statusCode === 304) {
    discard(answer.body);
    return new Response(null, { status: answer.statusCode, headers });
  }
  let seen = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes)
        done(new UpstreamError(502, 'The recording is larger than the server accepts.'));
      else done(null, chunk);
    },
  });
  pipeline(answer.body, limit, () => undefined);
  // Node's web stream and the DOM's ReadableStream type are the same object at run time.
  const body = Readable.toWeb(limit) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: answer.statusCode, headers });
}
