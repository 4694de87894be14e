import { ApiError } from '@/lib/api-client';

/**
 * A failed write in words. A 409 says someone changed the thing first (the server's sentence
 * says who and when); nothing in it blames the reviewer.
 */
export function describeWriteError(what: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && error.status === 409) {
    return `Conflict: ${reason}`;
  }
  return `${what} failed and was undone: ${reason}`;
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
