import { apiErrorBodySchema, SIGN_IN_HEADER, type ValidationIssue } from '@contract';

export type ApiErrorKind =
  'validation' | 'auth' | 'session' | 'not-found' | 'upstream' | 'server' | 'network';

/** An API failure with the server's reason in words, ready to show to a person. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    message: string,
    readonly issues: readonly ValidationIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiResponse {
  data: unknown;
  headers: Headers;
  status: number;
}

/** Calls the app server (never the upstream directly) and parses the JSON body. */
export async function apiRequest(
  path: string,
  init: {
    signal?: AbortSignal;
    method?: string;
    body?: unknown;
    headers?: Readonly<Record<string, string>>;
  } = {},
): Promise<ApiResponse> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      signal: init.signal,
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(
      'network',
      0,
      'The Callscope server could not be reached. Check your connection.',
    );
  }
  const text = await response.text();
  // 204 No Content (a delete) has no body to parse.
  if (response.ok && response.status === 204) {
    return { data: null, headers: response.headers, status: response.status };
  }
  const data = parseJson(text);
  if (!response.ok) throw errorFromResponse(response.status, data, response.headers);
  if (data === undefined) {
    throw new ApiError(
      'upstream',
      response.status,
      'The server sent a response that is not valid JSON.',
    );
  }
  return { data, headers: response.headers, status: response.status };
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function errorFromResponse(status: number, body: unknown, headers?: Headers): ApiError {
  const parsed = apiErrorBodySchema.safeParse(body);
  const detail = parsed.success ? parsed.data.detail : undefined;
  if (status === 401 && headers?.has(SIGN_IN_HEADER)) {
    return new ApiError('session', status, 'Your Callscope session has ended. Sign in again.');
  }
  if (status === 401 || status === 403) {
    return new ApiError('auth', status, 'Not signed in to the API: the server was refused access.');
  }
  if (status === 422 && Array.isArray(detail)) {
    return new ApiError('validation', status, describeIssues(detail), detail);
  }
  if (status === 404) {
    return new ApiError('not-found', status, typeof detail === 'string' ? detail : 'Not found.');
  }
  if (status === 502 || status === 503 || status === 504) {
    const reason = typeof detail === 'string' ? detail : 'The Trata API is not answering.';
    return new ApiError('upstream', status, reason);
  }
  const reason = typeof detail === 'string' ? detail : `The server answered ${status}.`;
  return new ApiError('server', status, reason);
}

/** "limit: Input should be less than or equal to 100" for each problem. */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.loc.filter((part) => part !== 'query' && part !== 'body').join('.');
      return where ? `${where}: ${issue.msg}` : issue.msg;
    })
    .join('; ');
}
