import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { contentRange, parseRange, type ByteRange } from './byte-range';
import { etagMatches, ifRangeAllows } from './conditional';

/** Something of known size and tag that can be read whole or by range. */
export interface RangeSource {
  size: number;
  etag: string;
  contentType: string;
  cacheControl: string;
  /** The bytes of `range` (inclusive), or all of them for null. */
  stream(range: ByteRange | null): Readable;
}

/**
 * Answers the way a media element expects from a storage host: 200, 206, 304 or 416, with
 * `Accept-Ranges`, `Content-Length`, `Content-Range`, `ETag` and `Cache-Control`.
 */
export function sendWithRange(request: FastifyRequest, reply: FastifyReply, source: RangeSource) {
  reply
    .header('accept-ranges', 'bytes')
    .header('etag', source.etag)
    .header('cache-control', source.cacheControl);
  if (etagMatches(request.headers['if-none-match'], source.etag)) return reply.code(304).send();
  const header = ifRangeAllows(request.headers['if-range'], source.etag)
    ? request.headers.range
    : undefined;
  const result = parseRange(header, source.size);
  if (result.kind === 'unsatisfiable') {
    return reply
      .code(416)
      .header('content-range', contentRange(null, source.size))
      .type('application/json; charset=utf-8')
      .send({ detail: `The requested range is not within the ${source.size} bytes of the file.` });
  }
  reply.type(source.contentType);
  if (result.kind === 'full') {
    return reply.code(200).header('content-length', String(source.size)).send(source.stream(null));
  }
  const { start, end } = result.range;
  return reply
    .code(206)
    .header('content-range', contentRange(result.range, source.size))
    .header('content-length', String(end - start + 1))
    .send(source.stream(result.range));
}
