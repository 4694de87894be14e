import type { LookupFunction } from 'node:net';
import { Agent, request as undiciRequest } from 'undici';
import {
  conversationSchema,
  isValidResourceId,
  lookUpConversation,
  type Conversation,
} from '../../contract';
import { describeNetworkError, readBytesLimited, toHeaders } from '../upstream-fetch/body';
import { UpstreamError } from '../upstream-fetch/upstream-error';

export { UpstreamError } from '../upstream-fetch/upstream-error';

/**
 * The Trata-compatible API the app server forwards to: a base URL plus a bearer token that never
 * leaves this process. In demo mode it is the embedded demo API on loopback.
 */
export interface Upstream {
  readonly baseUrl: string;
  /**
   * One whole exchange with the upstream (`pathAndQuery` starts with `/v1/`), body included,
   * within the time limits. Failures become an `UpstreamError` whose message is safe to show.
   */
  request(pathAndQuery: string, init: UpstreamRequestInit): Promise<UpstreamReply>;
  /** The conversation by id, using the list fallback when the upstream has no GET-by-id route. */
  getConversation(id: string, signal: AbortSignal): Promise<Conversation | null>;
  /** Closes the kept-alive connections. */
  close(): Promise<void>;
}

export interface UpstreamRequestInit {
  method?: 'GET' | 'PUT' | 'POST';
  body?: string;
  contentType?: string;
  /** A conditional write: sent as `If-Match` (the outbox's read-merge-write). */
  ifMatch?: string;
  signal: AbortSignal;
}

export interface UpstreamReply {
  status: number;
  headers: Headers;
  /** The body as received: what a relay sends on, never decoded. */
  bytes: Buffer;
  /** The body as text, decoded on first use. */
  readonly body: string;
}

export interface UpstreamOptions {
  baseUrl: string;
  token: string;
  /** The whole exchange: connect, headers and body. */
  timeoutMs: number;
  connectTimeoutMs?: number;
  maxBodyBytes?: number;
  /** Tests inject a resolver (for example one that never answers). */
  lookup?: LookupFunction;
}

export function createUpstream(options: UpstreamOptions): Upstream {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const maxBodyBytes = options.maxBodyBytes ?? 20 * 1024 * 1024;
  const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  const agent = new Agent({
    connect: { timeout: connectTimeoutMs, ...(options.lookup ? { lookup: options.lookup } : {}) },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    // Bounded, so the upstream (the demo API on loopback too) never sees a flood of sockets.
    connections: 128,
  });

  async function request(pathAndQuery: string, init: UpstreamRequestInit): Promise<UpstreamReply> {
    const deadline = AbortSignal.timeout(options.timeoutMs);
    const signal = AbortSignal.any([init.signal, deadline]);
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.token}`,
      accept: 'application/json',
      'user-agent': 'callscope',
    };
    if (init.contentType) headers['content-type'] = init.contentType;
    if (init.ifMatch) headers['if-match'] = init.ifMatch;
    try {
      const response = await undiciRequest(`${baseUrl}${pathAndQuery}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.body,
        signal,
        dispatcher: agent,
      });
      const bytes = await readBytesLimited(response.body, response.headers, maxBodyBytes);
      return upstreamReply(response.statusCode, toHeaders(response.headers), bytes);
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      // The browser went away: nobody is waiting for an answer.
      if (init.signal.aborted) throw error;
      const code = describeNetworkError(error);
      if (
        deadline.aborted ||
        code === 'UND_ERR_HEADERS_TIMEOUT' ||
        code === 'UND_ERR_BODY_TIMEOUT'
      ) {
        throw new UpstreamError(
          504,
          `The Trata API did not answer within ${seconds(options.timeoutMs)}.`,
        );
      }
      if (code === 'UND_ERR_CONNECT_TIMEOUT') {
        throw new UpstreamError(
          504,
          `The Trata API did not accept a connection within ${seconds(connectTimeoutMs)}.`,
        );
      }
      throw new UpstreamError(502, `The Trata API could not be reached (${code}).`);
    }
  }

  async function getConversation(id: string, signal: AbortSignal): Promise<Conversation | null> {
    // No such id can exist, and its path could leave the documented route.
    if (!isValidResourceId(id)) return null;
    const result = await lookUpConversation(id, async (path) => {
      const reply = await request(path, { signal });
      const ok = reply.status >= 200 && reply.status < 300;
      // A success must be JSON (else a 502 that says so); an error body may be anything.
      return { status: reply.status, body: ok ? parseJson(reply) : tryParse(reply.body) };
    });
    switch (result.kind) {
      case 'found':
        return parseConversation(result.item);
      case 'missing':
        return null;
      case 'list-failed':
        throw new UpstreamError(
          502,
          result.notArray
            ? 'The Trata API sent a list that is not an array.'
            : `The Trata API answered ${result.status} to a list request.`,
        );
      case 'failed':
        throw new UpstreamError(502, `The Trata API answered ${result.status} for a conversation.`);
    }
  }

  return { baseUrl, request, getConversation, close: () => agent.close() };
}

function upstreamReply(status: number, headers: Headers, bytes: Buffer): UpstreamReply {
  let text: string | undefined;
  return {
    status,
    headers,
    bytes,
    get body() {
      return (text ??= bytes.toString('utf8'));
    },
  };
}

/** The body as JSON, or a 502 that says the upstream broke the contract. */
export function parseJson(reply: UpstreamReply): unknown {
  try {
    return JSON.parse(reply.body) as unknown;
  } catch {
    throw new UpstreamError(502, 'The Trata API sent a response that is not valid JSON.');
  }
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parseConversation(value: unknown): Conversation {
  const parsed = conversationSchema.safeParse(value);
  if (!parsed.success) {
    throw new UpstreamError(
      502,
      'The Trata API sent a conversation that does not match the contract.',
    );
  }
  return parsed.data;
}
