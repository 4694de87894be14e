import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { UpstreamError } from './upstream';

/** A response body split into its first bytes (to look at) and the whole body (to send). */
export interface PeekedBody {
  head: Uint8Array;
  body: Readable;
}

/**
 * Reads at least `count` bytes of a body (fewer when it is shorter) without losing them: the
 * returned stream still yields the whole body from its first byte. Dropping the returned stream
 * cancels the upstream body.
 */
export async function peekBody(
  source: ReadableStream<Uint8Array>,
  count: number,
): Promise<PeekedBody> {
  const reader = (source as unknown as WebReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < count) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks).subarray(0, count);
  async function* whole(): AsyncGenerator<Uint8Array> {
    try {
      yield* chunks;
      while (!done) {
        const next = await reader.read();
        if (next.done) {
          done = true;
          return;
        }
        yield next.value;
      }
    } finally {
      // A client that went away: the upstream transfer stops too.
      if (!done) await reader.cancel().catch(() => undefined);
    }
  }
  return { head, body: Readable.from(whole(), { objectMode: false }) };
}

/** The first byte a `Content-Range: bytes a-b/n` answer starts at, or null. */
export function rangeStart(contentRange: string | null): number | null {
  const match = /^bytes\s+(\d+)-\d+\/(?:\d+|\*)$/i.exec(contentRange?.trim() ?? '');
  return match ? Number(match[1]) : null;
}

/** Drops a body we will not send. */
export function cancelBody(body: ReadableStream<Uint8Array> | null): void {
  void body?.cancel().catch(() => undefined);
}

/**
 * A body's pieces as they arrive, refused with a 502 once it passes `maxBytes`; the transfer is
 * cancelled whenever the reader stops early.
 */
export async function* cappedBody(
  source: ReadableStream<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  const reader = (source as unknown as WebReadableStream<Uint8Array>).getReader();
  let total = 0;
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      total += next.value.length;
      if (total > maxBytes)
        throw new UpstreamError(502, 'The recording is larger than the server accepts.');
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}
