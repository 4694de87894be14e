import { CONVERSATION_NOT_FOUND, conversationSchema, type Conversation } from '../../contract';

/**
 * The Trata-compatible API the app server forwards to: a base URL plus a bearer token that never
 * leaves this process. In demo mode it is the embedded demo API on loopback.
 */
export interface Upstream {
  readonly baseUrl: string;
  /** Sends a request to the upstream with the server-held token. `pathAndQuery` starts with `/v1/`. */
  request(pathAndQuery: string, init: UpstreamRequestInit): Promise<Response>;
  /** The conversation by id, using the list fallback when the upstream has no GET-by-id route. */
  getConversation(id: string, signal: AbortSignal): Promise<Conversation | null>;
}

export interface UpstreamRequestInit {
  method?: string;
  body?: string;
  contentType?: string;
  signal: AbortSignal;
}

export interface UpstreamOptions {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}

export class UpstreamError extends Error {
  constructor(
    readonly statusCode: 502 | 504,
    message: string,
  ) {
    super(message);
  }
}

export function createUpstream(options: UpstreamOptions): Upstream {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetchImpl ?? fetch;

  async function request(pathAndQuery: string, init: UpstreamRequestInit): Promise<Response> {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = AbortSignal.any([init.signal, timeout]);
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.token}`,
      accept: 'application/json',
    };
    if (init.contentType) headers['content-type'] = init.contentType;
    try {
      return await fetchImpl(`${baseUrl}${pathAndQuery}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.body,
        signal,
        redirect: 'manual',
      });
    } catch (error) {
      if (timeout.aborted) {
        throw new UpstreamError(
          504,
          `The Trata API did not answer within ${options.timeoutMs / 1000} s.`,
        );
      }
      if (init.signal.aborted) throw error;
      throw new UpstreamError(
        502,
        `The Trata API could not be reached (${describeNetworkError(error)}).`,
      );
    }
  }

  async function getConversation(id: string, signal: AbortSignal): Promise<Conversation | null> {
    const direct = await request(`/v1/conversations/${encodeURIComponent(id)}`, { signal });
    if (direct.ok) return parseConversation(await readJson(direct));
    if (direct.status === 404 || direct.status === 405) {
      const body = await readJson(direct).catch(() => null);
      // Our own API says 404 with this detail for an unknown id; anything else means no such route.
      if (direct.status === 404 && isNotFoundBody(body)) return null;
      const query = new URLSearchParams({ search_by: 'id', search_value: id, limit: '100' });
      const list = await request(`/v1/conversations?${query}`, { signal });
      if (!list.ok)
        throw new UpstreamError(502, `The Trata API answered ${list.status} to a list request.`);
      const items = await readJson(list);
      if (!Array.isArray(items))
        throw new UpstreamError(502, 'The Trata API sent a list that is not an array.');
      const match = items.find((item: unknown) => (item as { id?: unknown } | null)?.id === id);
      return match === undefined ? null : parseConversation(match);
    }
    throw new UpstreamError(502, `The Trata API answered ${direct.status} for a conversation.`);
  }

  return { baseUrl, request, getConversation };
}

function isNotFoundBody(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { detail?: unknown }).detail === CONVERSATION_NOT_FOUND
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UpstreamError(502, 'The Trata API sent a response that is not valid JSON.');
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

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'network error';
}
