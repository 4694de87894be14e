import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isValidResourceId } from '../../contract';

const NOT_FOUND = { detail: 'Not Found' };

/**
 * Every path parameter of the app server is an id (conversation or prospect). One hook on the
 * root checks them all with the contract's rule, before any handler runs, so no route (the /v1
 * forwards, recordings, peaks, and any added later) sends an id like `..`, `a/b` or a NUL to the
 * upstream with the server-held token.
 */
export function registerIdGuard(app: FastifyInstance): void {
  app.addHook('onRequest', rejectInvalidIds);
}

export async function rejectInvalidIds(request: FastifyRequest, reply: FastifyReply) {
  if (hasInvalidId(request.params)) return reply.code(404).send(NOT_FOUND);
}

/** Whether any named path parameter (not a wildcard) breaks the id rule. */
export function hasInvalidId(params: unknown): boolean {
  if (params === null || typeof params !== 'object') return false;
  return Object.entries(params).some(
    ([name, value]) => name !== '*' && typeof value === 'string' && !isValidResourceId(value),
  );
}
