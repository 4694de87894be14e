/**
 * The suite's HTTP client. It refuses to send a write unless the run allows writes, and remembers
 * every request so the tests can prove a default run only reads.
 */
export type AuthVariant = 'valid' | 'none' | 'malformed' | 'wrong';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
}

export interface SuiteClient {
  readonly allowWrites: boolean;
  readonly sent: { method: string; path: string }[];
  get(path: string, auth?: AuthVariant): Promise<ApiAnswer>;
  send(method: 'PUT' | 'POST', path: string, body: unknown): Promise<ApiAnswer>;
}

export class ReadOnlyRun extends Error {}

export function createSuiteClient(options: {
  baseUrl: string;
  token: string;
  allowWrites: boolean;
  timeoutMs?: number;
}): SuiteClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const sent: { method: string; path: string }[] = [];
  const authHeader: Record<AuthVariant, string | undefined> = {
    valid: `Bearer ${options.token}`,
    none: undefined,
    malformed: `Token ${options.token}`,
    wrong: `Bearer ${options.token}-wrong`,
  };

  async function call(method: string, path: string, auth: AuthVariant, body?: unknown) {
    sent.push({ method, path });
    const headers: Record<string, string> = { accept: 'application/json' };
    const authorization = authHeader[auth];
    if (authorization) headers.authorization = authorization;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  return {
    allowWrites: options.allowWrites,
    sent,
    get: (path, auth = 'valid') => call('GET', path, auth),
    send(method, path, body) {
      if (!options.allowWrites) throw new ReadOnlyRun(`${method} ${path} needs --allow-writes`);
      return call(method, path, 'valid', body);
    },
  };
}
