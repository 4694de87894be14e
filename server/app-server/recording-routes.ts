import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { computePeaks } from '../recordings/peaks';
import type { FileCache } from '../recordings/recording-cache';
import type { FetchRecording } from './recording-source';
import { UpstreamError } from './upstream';

export interface RecordingRouteOptions {
  locate(id: string, signal: AbortSignal): Promise<string | null>;
  fetchRecording: FetchRecording;
  peaksCache: FileCache;
  maxRecordingBytes?: number;
}

const PASSED_REQUEST_HEADERS = ['range', 'if-range', 'if-none-match'] as const;
const RELAYED_HEADERS = [
  'content-type',
  'content-length',
  'content-range',
  'accept-ranges',
  'etag',
  'cache-control',
  'last-modified',
] as const;
const NO_RECORDING = 'This call has no recording.';

/** The call names a recording, but its storage host has no such file. */
class RecordingMissing extends Error {
  constructor() {
    super('The recording file is missing from its storage host.');
  }
}

/** The browser reaches recordings and peaks only through these routes. */
export function registerRecordingRoutes(
  app: FastifyInstance,
  options: RecordingRouteOptions,
): void {
  const maxBytes = options.maxRecordingBytes ?? 200 * 1024 * 1024;
  const peaksMemory = new Map<string, { json: string; etag: string }>();

  app.get<{ Params: { id: string } }>('/api/conversations/:id/recording', (request, reply) =>
    guard(reply, async () => {
      const signal = abortOnClose(request, reply);
      const url = await options.locate(request.params.id, signal);
      if (!url) return reply.code(404).send({ detail: NO_RECORDING });
      const headers: Record<string, string> = {};
      for (const name of PASSED_REQUEST_HEADERS) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const upstream = await options.fetchRecording(url, { headers, signal });
      if (upstream.status === 404) return reply.code(404).send({ detail: NO_RECORDING });
      if (![200, 206, 304, 416].includes(upstream.status)) {
        return reply.code(502).send({ detail: `The recording host answered ${upstream.status}.` });
      }
      for (const name of RELAYED_HEADERS) {
        const value = upstream.headers.get(name);
        if (value !== null) reply.header(name, value);
      }
      reply.code(upstream.status);
      if (!upstream.body || upstream.status === 304) return reply.send();
      return reply.send(Readable.fromWeb(upstream.body as WebReadableStream<Uint8Array>));
    }),
  );

  app.get<{ Params: { id: string } }>('/api/conversations/:id/peaks', (request, reply) =>
    guard(reply, async () => {
      const signal = abortOnClose(request, reply);
      const url = await options.locate(request.params.id, signal);
      if (!url) return reply.code(404).send({ detail: NO_RECORDING });
      const key = createHash('sha256').update(url).digest('hex');
      let entry = peaksMemory.get(key);
      if (!entry) {
        const file = await options.peaksCache.get(key, async () => {
          // Not tied to this request: the work is shared and cached for the next one.
          const response = await options.fetchRecording(url, {
            headers: {},
            signal: AbortSignal.timeout(120_000),
          });
          if (response.status === 404) throw new RecordingMissing();
          if (!response.ok)
            throw new UpstreamError(502, `The recording host answered ${response.status}.`);
          const bytes = new Uint8Array(await response.arrayBuffer());
          if (bytes.length > maxBytes)
            throw new UpstreamError(502, 'The recording is larger than the server accepts.');
          const peaks = await computePeaks(bytes).catch(() => {
            throw new UpstreamError(502, 'The recording is not audio that can be decoded.');
          });
          return new TextEncoder().encode(JSON.stringify(peaks));
        });
        entry = { json: await readFile(file.path, 'utf8'), etag: file.etag };
        if (peaksMemory.size > 200) peaksMemory.delete(peaksMemory.keys().next().value!);
        peaksMemory.set(key, entry);
      }
      if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send();
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('cache-control', 'private, max-age=86400')
        .header('etag', entry.etag)
        .send(entry.json);
    }),
  );
}

function abortOnClose(request: FastifyRequest, reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  request.raw.once('close', () => {
    if (!reply.raw.writableEnded) controller.abort();
  });
  return controller.signal;
}

async function guard(reply: FastifyReply, run: () => Promise<FastifyReply>) {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RecordingMissing) return reply.code(404).send({ detail: error.message });
    if (error instanceof UpstreamError)
      return reply.code(error.statusCode).send({ detail: error.message });
    if (reply.raw.destroyed) return reply;
    const reason =
      (error as { cause?: { code?: string } }).cause?.code ??
      (error instanceof Error ? error.name : 'error');
    return reply.code(502).send({ detail: `The recording could not be fetched (${reason}).` });
  }
}
