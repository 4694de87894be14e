/** An inclusive byte range within a file of `size` bytes. */
export interface ByteRange {
  start: number;
  end: number;
}

export type RangeResult =
  { kind: 'full' } | { kind: 'partial'; range: ByteRange } | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/i;

/**
 * Reads a `Range` header for one range of bytes, which is all a media element asks for
 * (RFC 9110 §14.1.2): `bytes=a-b`, `bytes=a-` or the suffix `bytes=-n`. A list of ranges is
 * answered with the whole file, as the RFC allows; so is another unit. A malformed bytes range,
 * or one that starts past the end, is unsatisfiable (416).
 */
export function parseRange(header: string | undefined, size: number): RangeResult {
  if (header === undefined || header.trim() === '') return { kind: 'full' };
  const text = header.replace(/\s+/g, '');
  if (!/^bytes=/i.test(text) || text.includes(',')) return { kind: 'full' };
  const match = SINGLE_RANGE.exec(text);
  if (!match) return { kind: 'unsatisfiable' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'unsatisfiable' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || Number(last === '' ? start : last) < start) return { kind: 'unsatisfiable' };
  return { kind: 'partial', range: { start, end } };
}

/**
 * The `Content-Range` of a 206 (`bytes 0-99/1000`) or, without a range, of a 416: an asterisk
 * and the size, so the client learns how large the file is.
 */
export function contentRange(range: ByteRange | null, size: number): string {
  return range ? `bytes ${range.start}-${range.end}/${size}` : `bytes */${size}`;
}
