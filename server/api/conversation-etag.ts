import { createHash } from 'node:crypto';

/**
 * The demo API's entity tag for a conversation: a hash of the stored document, so any change
 * (by PUT, by another client, by the seed) gives another tag. Trata documents none; the demo
 * adds it so that conditional writes (`If-Match`, 412) can be tested.
 */
export function conversationEtag(storedJson: string): string {
  return `"${createHash('sha1').update(storedJson).digest('base64url')}"`;
}

/**
 * Whether an `If-Match` header allows a write over the current tag: `*`, or one of a
 * comma-separated list, compared strongly (a weak tag never matches, as RFC 9110 asks).
 */
export function ifMatchAllows(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim() === etag);
}
