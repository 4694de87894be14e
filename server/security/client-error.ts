import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { securityHeaderLines } from './security-headers';

const ANSWERS: Record<string, { status: number; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request was not received in time.' },
  HPE_HEADER_OVERFLOW: { status: 431, detail: 'The request headers are too large.' },
};
const MALFORMED = { status: 400, detail: 'The request is not valid HTTP.' };

/**
 * Answers what Node's HTTP parser refuses before any route sees it (malformed requests,
 * oversized headers, request timeouts) with the same security headers as every other
 * response, and closes the connection.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, detail } = ANSWERS[error.code ?? ''] ?? MALFORMED;
  if (socket.writable) socket.write(rawResponse(status, { detail }));
  socket.destroy();
}

/** A whole HTTP/1.1 response that closes its connection, for answers written to the socket. */
export function rawResponse(status: number, body: unknown, extra: string[] = []): string {
  const json = JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(json)}`,
    'connection: close',
    'cache-control: no-store',
    ...securityHeaderLines(),
    ...extra,
    '',
    json,
  ].join('\r\n');
}
