import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { peaksSchema } from '../../contract';
import { createReadStream } from 'node:fs';
import { sendWithRange } from '../http/send-range';
import { peaksOfMp3Stream } from '../recordings/decode-peaks';
import { CacheWriteFailed, type FileCache } from '../recordings/recording-cache';
import {
  isAcceptableDeclaredType,
  sniffAudioType,
  SNIFF_BYTES,
  type AudioType,
} from '../upstream-fetch/audio-type';
import { contentDisposition, MEDIA_SECURITY_HEADERS, privateCaching } from './media-headers';
import type { RecordingCopies, RecordingCopy } from './recording-copies';
import type { FetchRecording, RecordingLocation } from './recording-source';
import { cancelBody, cappedBody, peekBody, rangeStart } from './recording-stream';
import { UpstreamError } from './upstream';

export interface RecordingRouteOptions {
  locate(id: string, signal: AbortSignal): Promise<RecordingLocation | null>;
  fetchRecording: FetchRecording;
  peaksCache: FileCache;
  maxRecordingBytes?: number;
  /**
   * Where the storage host keeps a recording's waveform, if it does (the demo API computes it
   * while it synthesizes, and serves it growing); null to decode the recording instead.
   */
  storagePeaksUrl?(recordingUrl: string): string | null;
  /**
   * Copies of played recordings: made after a play, served only when the storage host cannot
   * be reached or fails (5xx), so a call played once keeps playing through an outage.
   */
  copies?: RecordingCopies;
}

interface PeaksEntry {
  json: string;
  etag: string;
}

/** Facts about the bytes and their range: the only upstream headers a browser ever sees. */
const RELAYED_HEADERS = ['content-length', 'content-range', 'accept-ranges'] as const;
const NO_RECORDING = 'This call has no recording.';
const NOT_AUDIO =
  'The recording host sent a file that is not audio (its first bytes are not MP3, WAV, Ogg, M4A or WebM), so it is not served.';

/** The call names a recording, but its storage host has no such file. */
class RecordingMissing extends Error {
  constructor() {
    super('The recording file is missing from its storage host.');
  }
}

/** The storage host will not make this recording, and says why. */
class RecordingRefused extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The browser reaches recordings and peaks only through these routes. */
export function registerRecordingRoutes(
  app: FastifyInstance,
  options: RecordingRouteOptions,
): void {
  const maxBytes = options.maxRecordingBytes ?? 200 * 1024 * 1024;
  const peaksMemory = new LRUCache<string, PeaksEntry>({ max: 200 });
  // What a file's first bytes said, for the ranges a media element asks for after the first.
  const knownTypes = new LRUCache<string, AudioType | 'not audio'>({
    max: 2_000,
    ttl: 10 * 60_000,
  });

  /** The type of the file at `url`, read from its first bytes with a small Range request. */
  async function typeOfFile(url: string, signal: AbortSignal): Promise<AudioType | null> {
    const known = knownTypes.get(url);
    if (known) return known === 'not audio' ? null : known;
    const probe = await options.fetchRecording(url, {
      headers: { range: `bytes=0-${SNIFF_BYTES - 1}` },
      signal,
    });
    if (!probe.ok || !probe.body) {
      cancelBody(probe.body);
      throw new UpstreamError(502, `The recording host answered ${probe.status}.`);
    }
    const { head, body } = await peekBody(probe.body, SNIFF_BYTES);
    body.destroy();
    const type = sniffAudioType(head);
    knownTypes.set(url, type ?? 'not audio');
    return type;
  }

  /** The storage host's own waveform, or null when it has none for this recording. */
  async function fetchStoragePeaks(
    url: string,
    signal: AbortSignal,
  ): Promise<{ json: string; complete: boolean } | null> {
    const response = await options.fetchRecording(url, { headers: {}, signal });
    if (response.status === 404) {
      cancelBody(response.body);
      return null;
    }
    const refusal = await refusalOf(response);
    if (refusal) throw new RecordingRefused(refusal.status, refusal.detail);
    if (!response.ok) {
      cancelBody(response.body);
      throw new UpstreamError(
        502,
        `The recording host answered ${response.status} for the waveform.`,
      );
    }
    const parsed = peaksSchema.safeParse(JSON.parse(await response.text()));
    if (!parsed.success)
      throw new UpstreamError(502, 'The recording host sent a waveform that could not be read.');
    return { json: JSON.stringify(parsed.data), complete: parsed.data.complete !== false };
  }

  /** The waveform decoded here from the recording itself, kept in the peaks cache. */
  async function peaksOfRecording(key: string, url: string): Promise<PeaksEntry> {
    try {
      const file = await options.peaksCache.get(key, async () => {
        // Not tied to this request: the work is shared and cached for the next one.
        const response = await options.fetchRecording(url, {
          headers: {},
          signal: AbortSignal.timeout(120_000),
        });
        if (response.status === 404) throw new RecordingMissing();
        if (!response.ok)
          throw new UpstreamError(502, `The recording host answered ${response.status}.`);
        if (!response.body)
          throw new UpstreamError(502, 'The recording host sent an empty answer.');
        // Decoded as it arrives: memory holds a piece of the file, never all of it.
        const peaks = await peaksOfMp3Stream(cappedBody(response.body, maxBytes)).catch(
          (error: unknown) => {
            if (error instanceof UpstreamError) throw error;
            throw new UpstreamError(502, 'The recording is not audio that can be decoded.');
          },
        );
        return new TextEncoder().encode(JSON.stringify(peaks));
      });
      return { json: await readFile(file.path, 'utf8'), etag: file.etag };
    } catch (error) {
      // The disk would not keep it (the cache logged why): what was made is still sent.
      if (!(error instanceof CacheWriteFailed) || !error.bytes) throw error;
      const json = new TextDecoder().decode(error.bytes);
      return { json, etag: `"${createHash('sha256').update(json).digest('base64url')}"` };
    }
  }

  app.get<{ Params: { id: string } }>('/api/conversations/:id/recording', (request, reply) =>
    guard(reply.headers(MEDIA_SECURITY_HEADERS), async () => {
      const signal = abortOnClose(request, reply);
      const location = await options.locate(request.params.id, signal);
      if (!location) return reply.code(404).send({ detail: NO_RECORDING });
      // Only Range goes upstream: validators would let the host's ETag or dates decide.
      const range = request.headers.range;
      const fromCopy = async () => {
        const copy = await options.copies?.find(location.url);
        return copy ? sendCopy(request, reply, copy, location) : null;
      };
      let upstream: Response;
      try {
        upstream = await options.fetchRecording(location.url, {
          headers: typeof range === 'string' ? { range } : {},
          signal,
        });
      } catch (error) {
        if (signal.aborted) throw error;
        const served = await fromCopy();
        if (served) return served;
        throw error;
      }
      const { status } = upstream;
      if (status >= 500) {
        const served = await fromCopy();
        if (served) {
          cancelBody(upstream.body);
          return served;
        }
      }
      const refusal = await refusalOf(upstream);
      if (refusal) return reply.code(refusal.status).send({ detail: refusal.detail });
      if (status === 404 || status === 416 || ![200, 206].includes(status)) {
        cancelBody(upstream.body);
        if (status === 404) return reply.code(404).send({ detail: NO_RECORDING });
        if (status !== 416)
          return reply.code(502).send({ detail: `The recording host answered ${status}.` });
        const total = upstream.headers.get('content-range');
        if (total) reply.header('content-range', total);
        return reply.code(416).send({ detail: 'The requested range is not within the file.' });
      }
      const declared = upstream.headers.get('content-type');
      if (!isAcceptableDeclaredType(declared) || !upstream.body) {
        cancelBody(upstream.body);
        return reply.code(502).send({
          detail: `The recording host sent ${describeType(declared)}, not audio, so it is not served.`,
        });
      }
      const start = status === 206 ? rangeStart(upstream.headers.get('content-range')) : 0;
      const peeked = await peekBody(upstream.body, SNIFF_BYTES);
      const type =
        start === 0 ? sniffAudioType(peeked.head) : await typeOfFile(location.url, signal);
      if (start === 0) knownTypes.set(location.url, type ?? 'not audio');
      if (!type) {
        peeked.body.destroy();
        return reply.code(502).send({ detail: NOT_AUDIO });
      }
      for (const name of RELAYED_HEADERS) {
        const value = upstream.headers.get(name);
        if (value !== null) reply.header(name, value);
      }
      options.copies?.keep(location.url);
      const fileName = location.fileName?.(type.extension) ?? `recording.${type.extension}`;
      privateCaching(reply)
        .header('content-type', type.contentType)
        .header('content-disposition', contentDisposition('inline', fileName));
      return reply.code(status).send(peeked.body);
    }),
  );

  app.get<{ Params: { id: string } }>('/api/conversations/:id/peaks', (request, reply) =>
    guard(reply.headers(MEDIA_SECURITY_HEADERS), async () => {
      const signal = abortOnClose(request, reply);
      const location = await options.locate(request.params.id, signal);
      if (!location) return reply.code(404).send({ detail: NO_RECORDING });
      const { url } = location;
      const key = createHash('sha256').update(url).digest('hex');
      let entry = peaksMemory.get(key);
      const storagePeaks = entry ? null : options.storagePeaksUrl?.(url);
      if (storagePeaks) {
        const relayed = await fetchStoragePeaks(storagePeaks, signal);
        if (relayed?.complete === false) {
          // Still growing: the player asks again, and nobody may keep this copy.
          return reply
            .header('cache-control', 'no-store')
            .header('content-type', 'application/json; charset=utf-8')
            .send(relayed.json);
        }
        if (relayed) {
          entry = {
            json: relayed.json,
            etag: `"${createHash('sha256').update(relayed.json).digest('base64url')}"`,
          };
          peaksMemory.set(key, entry);
        }
      }
      if (!entry) {
        entry = await peaksOfRecording(key, url);
        peaksMemory.set(key, entry);
      }
      privateCaching(reply);
      if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send();
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('etag', entry.etag)
        .send(entry.json);
    }),
  );
}

/** A kept copy, with the ranges, headers and name the storage host's file would have had. */
function sendCopy(
  request: FastifyRequest,
  reply: FastifyReply,
  { file, type }: RecordingCopy,
  location: RecordingLocation,
): FastifyReply {
  const fileName = location.fileName?.(type.extension) ?? `recording.${type.extension}`;
  reply.header('content-disposition', contentDisposition('inline', fileName));
  return sendWithRange(request, reply, {
    size: file.size,
    etag: file.etag,
    contentType: type.contentType,
    cacheControl: 'private, max-age=86400',
    stream: (range) => createReadStream(file.path, range ?? {}),
  });
}

const REFUSAL_STATUSES = new Set([413, 422, 507]);
const MAX_REFUSAL_BYTES = 2_000;

/**
 * A storage host that will not make this recording (the demo's refuses calls longer than its
 * limit, and answers 507 while its disk refuses files) says why in `{detail}`; the words are passed on, short and as JSON, never as markup.
 */
async function refusalOf(response: Response): Promise<{ status: number; detail: string } | null> {
  if (!REFUSAL_STATUSES.has(response.status)) return null;
  const length = Number(response.headers.get('content-length') ?? Infinity);
  const text = length <= MAX_REFUSAL_BYTES ? await response.text().catch(() => '') : '';
  if (!text) cancelBody(response.body);
  const detail = parseDetail(text);
  return {
    status: response.status,
    detail: detail ?? `The recording host refused to make this recording (${response.status}).`,
  };
}

function parseDetail(text: string): string | null {
  try {
    const detail: unknown = (JSON.parse(text) as { detail?: unknown } | null)?.detail;
    return typeof detail === 'string' && detail.length <= 500 ? detail : null;
  } catch {
    return null;
  }
}

/** A declared type in words, without echoing more than a type name could hold. */
function describeType(declared: string | null): string {
  const type = declared?.split(';')[0]?.trim().toLowerCase() ?? '';
  return /^[\w.+-]+\/[\w.+-]+$/.test(type) ? type : 'a file of unknown type';
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
    if (error instanceof CacheWriteFailed)
      return reply.code(507).send({ detail: `The waveform can't be made now. ${error.message}` });
    if (error instanceof RecordingRefused)
      return reply.code(error.statusCode).send({ detail: error.message });
    if (error instanceof UpstreamError)
      return reply.code(error.statusCode).send({ detail: error.message });
    if (reply.raw.destroyed) return reply;
    const reason =
      (error as { cause?: { code?: string } }).cause?.code ??
      (error instanceof Error ? error.name : 'error');
    return reply.code(502).send({ detail: `The recording could not be fetched (${reason}).` });
  }
}
