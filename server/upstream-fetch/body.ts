import type { Readable } from 'node:stream';
import { UpstreamError } from './upstream-error';

type RawHeaders = Record<string, string | string[] | undefined>;

/** Reads a whole response body as text, refusing one larger than `maxBytes` as it streams. */
export async function readBodyLimited(
  body: Readable,
  headers: RawHeaders,
  maxBytes: number,
): Promise<string> {
  return (await readBytesLimited(body, headers, maxBytes)).toString('utf8');
}

/** The same as bytes, for bodies passed on without decoding them. */
export async function readBytesLimited(
  body: Readable,
  headers: RawHeaders,
  maxBytes: number,
): Promise<Buffer> {
  const declared = Number(firstValue(headers['content-length']) ?? 0);
  if (declared > maxBytes) {
    discard(body);
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      discard(body);
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Drops a body we will not read; undici reports the abort as an error nobody needs to see. */
export function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

function tooLarge(): UpstreamError {
  return new UpstreamError(502, 'The Trata API sent a response larger than the server accepts.');
}

/** undici's header object as a WHATWG `Headers`. */
export function toHeaders(raw: RawHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A short code for a network failure (`ECONNREFUSED`, `UND_ERR_CONNECT_TIMEOUT`…), never a URL. */
export function describeNetworkError(error: unknown): string {
  const own = (error as { code?: unknown } | null)?.code;
  if (typeof own === 'string') return own;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'network error';
}
