import { createReadStream } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseRange } from './byte-range';

export interface RangeFile {
  path: string;
  size: number;
  etag: string;
  contentType: string;
  cacheControl: string;
}

/** Sends a file with HTTP Range support: 200, 206, 304 or 416, with the headers players rely on. */
export function sendFileWithRange(request: FastifyRequest, reply: FastifyReply, file: RangeFile) {
  reply
    .header('accept-ranges', 'bytes')
    .header('etag', file.etag)
    .header('cache-control', file.cacheControl)
    .header('content-type', file.contentType);
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  const ifRange = request.headers['if-range'];
  const rangeHeader = ifRange && ifRange !== file.etag ? undefined : request.headers.range;
  const result = parseRange(rangeHeader, file.size);
  if (result.kind === 'unsatisfiable') {
    return reply
      .code(416)
      .header('content-range', `bytes */${file.size}`)
      .header('content-type', 'application/json; charset=utf-8')
      .send({ detail: 'Requested range not satisfiable' });
  }
  if (result.kind === 'full') {
    return reply
      .code(200)
      .header('content-length', String(file.size))
      .send(createReadStream(file.path));
  }
  const { start, end } = result.range;
  return reply
    .code(206)
    .header('content-range', `bytes ${start}-${end}/${file.size}`)
    .header('content-length', String(end - start + 1))
    .send(createReadStream(file.path, { start, end }));
}
