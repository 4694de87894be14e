/**
 * Whether an `If-None-Match` header names this entity tag: `*`, or one of a comma-separated
 * list, compared weakly as RFC 9110 asks for GET (`W/"x"` matches `"x"`).
 */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const text = Array.isArray(header) ? header.join(',') : header;
  if (text.trim() === '*') return true;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = strip(etag);
  return text.split(',').some((tag) => strip(tag) === wanted);
}

/** Whether an `If-Range` header still allows a partial answer: only a strong match on the tag. */
export function ifRangeAllows(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return true;
  const value = Array.isArray(header) ? header[0] : header;
  return !etag.startsWith('W/') && value?.trim() === etag;
}
