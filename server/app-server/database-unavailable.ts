import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  databaseUnavailableBody,
  databaseUnavailableReason,
  DATABASE_RETRY_AFTER_S,
} from '../store/postgres/pg-errors';

/**
 * Answers a 503 with the reason and a Retry-After when `error` says the database cannot be
 * reached (never a 500: the client may simply try again), and returns true; false otherwise.
 * Every error handler asks this first.
 */
export function sendIfDatabaseUnavailable(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): boolean {
  const reason = databaseUnavailableReason(error);
  if (reason === null) return false;
  request.log.warn(`Database unavailable: ${reason}`);
  void reply
    .code(503)
    .header('retry-after', String(DATABASE_RETRY_AFTER_S))
    .header('cache-control', 'no-store')
    .send(databaseUnavailableBody(reason));
  return true;
}
