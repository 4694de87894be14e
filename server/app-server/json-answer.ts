import type { UpstreamReply } from './upstream';

/**
 * Whether a successful answer is JSON. Small answers (one conversation, a write's result) are
 * parsed. A list page is half a megabyte the browser parses and validates item by item anyway,
 * so here it is checked on its ends (a whole array or object, the way a cut-off or HTML body is
 * not) and parsed in full on a sample of one in `LIST_SAMPLE`, so a broken upstream is still
 * caught and logged without parsing every page.
 */
export function isJsonBody(answer: UpstreamReply, isList: boolean): boolean {
  if (!isList || answer.bytes.length < LIST_PARSE_BELOW_BYTES) {
    return tryJson(answer.body) !== undefined;
  }
  if (!hasJsonEnds(answer.bytes)) return false;
  listSample = (listSample + 1) % LIST_SAMPLE;
  return listSample !== 0 || tryJson(answer.body) !== undefined;
}

const LIST_SAMPLE = 16;
const LIST_PARSE_BELOW_BYTES = 16 * 1024;
let listSample = 0;

function hasJsonEnds(bytes: Buffer): boolean {
  const first = bytes[firstNonSpace(bytes)];
  const last = bytes[lastNonSpace(bytes)];
  return (first === 0x5b && last === 0x5d) || (first === 0x7b && last === 0x7d);
}

const isSpace = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

function firstNonSpace(bytes: Buffer): number {
  let index = 0;
  while (index < bytes.length && isSpace(bytes[index])) index++;
  return index;
}

function lastNonSpace(bytes: Buffer): number {
  let index = bytes.length - 1;
  while (index > 0 && isSpace(bytes[index])) index--;
  return index;
}

export function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
