import type { IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyCompressOptions } from '@fastify/compress';
import { Negotiator } from '@fastify/accept-negotiator';
import { LRUCache } from 'lru-cache';

/**
 * How every response is compressed: brotli or gzip, whichever the client takes first. Brotli at
 * quality 4, as the plugin's own default: its top quality (11) costs far more CPU for little.
 */
export const COMPRESSION = {
  global: true,
  encodings: ['br', 'gzip'] as const,
  threshold: 1024,
  brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
} satisfies FastifyCompressOptions;

/**
 * A route's compression that spends little CPU per byte, for long streams (a CSV export of a
 * million rows): gzip level 1 makes CSV about 13 times smaller for a fifth of the CPU of zlib's
 * default level (6, about 15 times); brotli quality 1 compresses as well as that level 6 for a
 * tenth of the CPU of the usual quality (4). A route's options replace the plugin's
 * own, so the shared ones come along.
 */
export const FAST_COMPRESSION = {
  ...COMPRESSION,
  zlibOptions: { level: 1 },
  brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } },
} satisfies FastifyCompressOptions;

type KeptEncoding = (typeof COMPRESSION.encodings)[number];

const negotiator = new Negotiator<KeptEncoding>({
  supportedValues: [...COMPRESSION.encodings],
  cache: new LRUCache<string, string>({ max: 100 }),
});

/**
 * The encoding the plugin would answer a request with (`x-gzip` and `*` count as gzip, as
 * there), or null for none: what a route that keeps its answers compressed uses instead.
 */
export function negotiatedEncoding(headers: IncomingHttpHeaders): KeptEncoding | null {
  const accepted = headers['accept-encoding'];
  if (accepted === undefined || headers['x-no-compression'] !== undefined) return null;
  return negotiator.negotiate(accepted.toLowerCase().replace(/\bx-gzip\b|\*/g, 'gzip'));
}

/** Compresses a whole answer once, as the plugin would. */
export function compressAnswer(body: Buffer, encoding: KeptEncoding): Buffer {
  return encoding === 'br' ? brotliCompressSync(body, COMPRESSION.brotliOptions) : gzipSync(body);
}
